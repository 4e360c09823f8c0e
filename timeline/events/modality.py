"""Modality of an event word: whether the text says it happened.

Negated ("names were not disclosed", "no deaths"), not taken ("rather than recall the phones"), only possible
("available to rent or buy") or habitual and hypothetical ("a chip processes data", "if it fails"): such events
are kept at low confidence (see ``timeline.events.triggers``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from timeline.events.taxonomy import EventTaxonomy
from timeline.function_words import word_map, word_set


def habitual_or_hypothetical(verb: Token, sentence: Span, taxonomy: EventTaxonomy) -> bool:
    """An untyped verb that says how things are, not what happened: a simple present or a present passive
    outside the headline ("a 16-bit chip processes 16 pieces", "few are noticed"), a hypothetical ("if the
    family fails"), quoted speech ("we regain").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple sells phones. The firm shipped phones. If it fails, we regain nothing.")
    >>> [habitual_or_hypothetical(doc[i], doc[i].sent, EventTaxonomy.load()) for i in (1, 6, 11, 14)]
    [False, False, True, True]
    >>> doc = load_nlp()("Quakes hit. Few are noticed by people. Two were noticed by people.")
    >>> [habitual_or_hypothetical(doc[i], doc[i].sent, EventTaxonomy.load()) for i in (5, 11)]
    [True, False]
    """
    if any(c.dep_ == "mark" and c.lower_ in taxonomy.conditional_marks for c in verb.children):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in taxonomy.speaker_pronouns for c in verb.children):
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    simple_present = verb.tag_ in ("VBZ", "VBP") and not auxiliaries
    present_passive = verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" \
        and auxiliaries[0].tag_ in ("VBZ", "VBP")  # "only a handful are noticed by people"
    return (simple_present or present_passive) and sentence.start > 0


def counterfactual(verb: Token) -> bool:
    """A past modal ("would have earned", "could have been avoided"): what did not happen.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Google said it would have earned $3.91. It has earned $1.")
    >>> counterfactual(doc[5]), counterfactual(doc[11])
    (True, False)
    """
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.lower_ in word_set("future_modals") for a in auxiliaries) \
        and any(a.lemma_ == "have" for a in auxiliaries)

def only_possible(verb: Token, passive_only: bool = True) -> bool:
    """A verb under could/might/may ("Zimmerman could be found guilty", "the ban might be lifted"): a possibility,
    not what happened; a past modal ("could have been avoided") is a counterfactual (see ``counterfactual``).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Smith could be found guilty. Smith was found guilty. Smith will be sentenced.")
    >>> [only_possible(t) for t in doc if t.lemma_ in ("find", "sentence")]
    [True, False, False]
    """
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if passive_only and not any(a.dep_ == "auxpass" for a in auxiliaries):
        return False
    return any(a.lower_ in word_set("possibility_modals") for a in auxiliaries) \
        and not any(a.lemma_ == "have" for a in auxiliaries)


def denied_noun(noun: Token) -> bool:
    """True for an event noun the text says there was none of: "no deaths", "no reports of deaths", "no sign of
    an attack".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("There were no reports of deaths, but two injuries.")
    >>> denied_noun(doc[5]), denied_noun(doc[9])
    (True, False)
    """
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        holders.append(noun.head.head)  # "no reports of deaths"
    return any(c.dep_ == "det" and c.lower_ == "no" for holder in holders for c in holder.children)


def negation(verb: Token) -> str:
    """How the text negates a verb, as a summary says it: "not" ("did not attack", "wasn't"), "never", "no longer"
    (an adverb with its own "no"); "" for none and for a focus "not" ("not only closed ... but also cut").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The army did not attack. Apple never released it. It no longer makes cars. "
    ...                  "He wasn't arrested. Ford closed plants. It is targeting liftoffs no earlier than May.")
    >>> [negation(t) for t in doc if t.pos_ == "VERB"]
    ['not', 'never', 'no longer', 'not', '', '']
    >>> doc = load_nlp()("The army did not attack or shell the town. It did not attack but shelled the town.")
    >>> [negation(t) for t in doc if t.pos_ == "VERB"]
    ['not', 'not', 'not', '']
    """
    said = word_map("negation_words")
    for child in verb.children:
        if child.dep_ == "neg":
            following = child.nbor(1) if child.i + 1 < len(child.doc) else None
            if following is not None and following.lower_ in word_set("negation_focus"):
                continue  # "not only ... but also": no negation
            return said.get(child.lower_, "not")
        if child.dep_ == "advmod" and child.lower_ in word_set("no_adverbs") and any(
                c.dep_ == "neg" and c.lower_ == "no" for c in child.children):
            return f"no {child.lower_}"  # "no longer makes cars"; not "no earlier than Friday"
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and head != verb and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in verb.children) and not any(
            c.dep_ == "cc" and c.lower_ in word_set("contrast_conjunctions") for c in head.children):
        return negation(head)  # "did not attack or shell the town": neither happened; not "did not attack but shelled"
    return ""


def negative_subject(verb: Token) -> bool:
    """True for a verb whose subject says none did it: "No ceasefire was reached", "None of the proposals were
    approved", "Nobody was hurt"; not "No fewer than 20 people died".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("No ceasefire was reached. None of the proposals were approved. Talks were held.")
    >>> [negative_subject(t) for t in doc if t.pos_ == "VERB"]
    [True, True, False]
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.lower_ in word_set("negative_pronouns") or any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)
               for s in subjects)


def requested(word: Token) -> bool:
    """True for what a speaker asks for, not what was done: a "for X to do" clause ("called for Pugh to be
    sentenced", "waited for the results to be announced"; not a purpose: "cleared the way for him to appoint"),
    the object or "for" phrase of a request verb ("urged the release of the prisoners", "called for a ceasefire").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They called for Smith to be sentenced. Groups urged the release of the prisoners. "
    ...                  "They called for a ceasefire. Smith was sentenced. The release came on Monday. "
    ...                  "It cleared the way for Smith to be sentenced. They pressed an offensive.")
    >>> [requested(t) for t in doc if t.lower_ in ("sentenced", "release", "ceasefire", "offensive")]
    [True, True, True, False, False, False, False]
    """
    asker = word.head.lemma_.lower() if word.head.pos_ == "VERB" else ""
    if word.pos_ in ("VERB", "AUX"):
        return asker in word_set("request_for_verbs") and any(c.dep_ == "mark" and c.lower_ == "for" for c in word.children) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children)
    if word.dep_ == "dobj":
        return asker in word_set("request_verbs")  # "urged the release"; not "pressing a ground offensive"
    holder = word.head
    return word.dep_ == "pobj" and holder.lower_ == "for" and holder.head.pos_ == "VERB" \
        and holder.head.lemma_.lower() in word_set("request_for_verbs")


def quoted_imperative(verb: Token) -> bool:
    """True for a bare imperative opening a quotation, a greeting or advice ("Welcome home," "Stay safe,"), no
    event.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()('"Welcome home," Mission Control radioed. "We launched it," she said.')
    >>> [quoted_imperative(t) for t in doc if t.pos_ == "VERB"]
    [True, False, False, False]
    """
    return verb.tag_ == "VB" and verb.i > 0 and verb.doc[verb.i - 1].text in word_set("quote_openers") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


def not_taken(verb: Token, taxonomy: EventTaxonomy) -> bool:
    """True for a verb right after "rather than" / "instead of", or joined by "or"/"and" to one.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Rather than recall the phones or offer a fix, Apple gave away cases.")
    >>> [not_taken(doc[i], EventTaxonomy.load()) for i in (2, 6, 12)]
    [True, True, False]
    """
    for _ in range(4):  # a short chain of conjoined verbs
        before = verb.doc[max(verb.i - 2, 0):verb.i].text.lower()
        if before in taxonomy.alternative_marks:
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def adjective_infinitive(verb: Token) -> bool:
    """An infinitive completing an adjective says what is possible or under way, not what was done ("is now
    available to rent or buy", "efforts are underway to expedite the process"); one with a date of its own
    stays an event ("is due to arrive on Friday").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The film is available to rent or buy. Advocacy efforts are underway to expedite this process. "
    ...                  "He agreed to buy it. We are pleased to have reached this agreement.")
    >>> [adjective_infinitive(t) for t in doc if t.lower_ in ("rent", "buy", "expedite", "reached")]
    [True, True, True, False, False]
    """
    base = verb
    while base.dep_ == "conj" and base.head != base:
        base = base.head  # "to rent or buy": the first of the joined verbs carries the "to"
    if base.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in base.children) \
            or any(c.dep_ == "aux" and c.lemma_ == "have" for c in base.children):
        return False  # "pleased to have reached this agreement": a perfect infinitive was done
    head = base.head
    adjective = head.pos_ == "ADJ" or head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < base.i for c in head.children)
    return adjective and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)


def purpose_infinitive(verb: Token) -> bool:
    """An infinitive after a verb's object says why it was done, an aim, not a done event ("dropped fire
    retardant to slow the flames on Tuesday": the slowing is not told). A date the parser hangs on the infinitive
    is the sentence's, unless the verb it serves has a date of its own too ("bought shares on Monday to sell them
    on Friday"); not an object's own act ("forced the sheriff to evacuate residents": an xcomp), nor what a
    span of time went into ("took 6 hours to find him guilty"); one that tells what the act achieved is done
    (``achieved_infinitives``: "beat Gauff to win").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Aircraft dropped fire retardant to slow the flames on Tuesday. He agreed to buy it. "
    ...                  "Swiatek beat Gauff to win the title.")
    >>> [purpose_infinitive(t) for t in doc if t.lower_ in ("slow", "dropped", "buy", "win")]
    [False, True, False, False]
    """
    head = verb.head
    if verb.dep_ != "advcl" or head == verb or head.pos_ != "VERB" \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or any(c.dep_ in ("aux", "nsubj", "nsubjpass", "mark") and c.lower_ != "to" for c in verb.children) \
            or not any(c.dep_ == "dobj" and c.i < verb.i and c.ent_type_ not in ("DATE", "TIME") for c in head.children) \
            or verb.lemma_.lower() in word_set("achieved_infinitives"):
        return False  # "beat Gauff to win the title": what the act achieved
    own = {t.i for t in verb.subtree}
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    return not dated or not any(t.ent_type_ in ("DATE", "TIME") and t.i not in own for t in head.subtree)
