"""The tense of a clause ("past", "present", "future", "none") and the tense hint it gives the temporal
tagger for a time expression it governs ("arrested him on April 22nd": a past April 22).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from timeline.function_words import word_set


def tense(token: Token) -> str:
    """``past``, ``present``, ``future`` or ``none`` (infinitives, participles without auxiliary, nouns).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Apple will release it, and sold many.")
    >>> tense(doc[2]), tense(doc[6])
    ('future', 'past')
    >>> doc = load_nlp()("Her run ends, having dethroned Jax in January.")
    >>> tense(doc[5])
    'past'
    """
    if token.pos_ not in ("VERB", "AUX"):
        return "none"
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in word_set("future_modals") for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and any(a.lemma_ == "have" for a in auxes) and token.tag_ == "VBN":
        return "past"  # "are reported to have been killed"
    if any(a.lower_ == "to" for a in auxes) or any(a.lower_ == "going" for a in auxes):
        return "future" if token.dep_ in ("xcomp",) and token.head.lemma_ in word_set("intent_verbs") \
            else "none"
    if token.tag_ == "VBD":
        return "past"
    if token.tag_ == "VBN" and any(a.dep_ == "aux" and a.tag_ == "VBG" for a in auxes):  # "having" + participle
        return "past"  # a perfect participle is before its clause: "ends, having dethroned Jax in January"
    for aux in auxes:
        if aux.tag_ == "VBD":
            return "past"
        if aux.tag_ in ("VBZ", "VBP"):
            return "present" if aux.lemma_ != "have" else "past"
    if token.tag_ in ("VBZ", "VBP"):
        return "present"
    if token.tag_ == "VBN" and token.dep_ in ("acl", "relcl"):
        return "past"
    if token.tag_ in ("VBN", "VBG", "VB") and token.dep_ in ("conj", "advcl", "xcomp") and token.head != token:
        return tense(token.head)
    return "none"


_ADVERBIAL_DEPS = frozenset({"npadvmod", "tmod", "obl", "advmod"})


def governing_verb(token: Token) -> Token | None:
    """The verb a time word is an adverbial of: "arrested him on April 22nd" -> arrested (through "on"), "left
    Tuesday" -> left; None when the time word belongs to a noun ("the April 22 meeting", "a vote on May 3").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Police arrested him on April 22nd.")
    >>> governing_verb(doc[4:6].root).text
    'arrested'
    """
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head != head:
        head = head.head
    elif token.dep_ not in _ADVERBIAL_DEPS:
        return None
    if head.pos_ in ("NOUN", "PROPN"):  # "shaken by a quake measuring 7.5 on the Richter scale on New Year's Day"
        measure = next((a for a in head.ancestors if measuring_participle(a)), None)
        if measure is not None:
            noun = measure.head
            head = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent") else noun.head
    return head if head != token and head.pos_ in ("VERB", "AUX") else None


def measuring_participle(token: Token) -> bool:
    """A participle that measures its noun by a number ("a quake measuring 7.5 on the Richter scale", "a
    storm packing 150 km/h winds"): a date the parse hung at the end of its phrase is the clause's.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A quake measuring 7.5 on the Richter scale hit the town.")
    >>> measuring_participle(doc[2]), measuring_participle(doc[9])
    (True, False)
    """
    return token.dep_ == "acl" and token.tag_ == "VBG" and any(
        c.dep_ in ("dobj", "npadvmod") and c.like_num for c in token.children)


def headline_infinitive(verb: Token) -> bool:
    """A title's infinitive plan: the first sentence's main verb under "to" with no finite verb before it
    ("PM to inaugurate metro lines on Sunday", "Apple to launch new iPhone on Tuesday"), not "to" after a verb
    ("Stocks jump to record high", "Ford agrees to buy a startup") nor a preposition ("Prices rise to a high").

    >>> from timeline.nlp import load_nlp
    >>> nlp = load_nlp()
    >>> headline_infinitive(nlp("PM to inaugurate metro lines on Sunday")[2])
    True
    >>> headline_infinitive(nlp("Ford agrees to buy a startup on Monday")[3])
    False
    """
    if verb.sent.start != 0 or verb.dep_ not in ("ROOT", "relcl", "acl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if verb.dep_ != "ROOT" and (verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("NOUN", "PROPN")):
        return False
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in verb.sent if t.i < verb.i)


def parse_tense_hint(doc: Doc) -> Callable[[int, int], str | None]:
    """A tense hint for the temporal tagger from the parse: "past" for a time expression whose governing verb is
    in a past tense (simple past, perfect, a past participle clause; not under will/would/a modal, not an
    infinitive), "future" for one governed by a title's infinitive plan (`headline_infinitive`), else None.
    Character offsets are those of the parsed text.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Police arrested him on April 22nd. He will meet them on April 22.")
    >>> hint = parse_tense_hint(doc)
    >>> hint(23, 33), hint(60, 68)
    ('past', None)
    >>> hint = parse_tense_hint(load_nlp()("She was stabbed after being lured to a park on Feb. 11."))
    >>> hint(47, 54)
    'past'
    >>> parse_tense_hint(load_nlp()("Minister to visit flood-hit towns on Friday"))(37, 43)
    'future'
    """
    def hint(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = governing_verb(span.root)
        if verb is not None and verb.tag_ in ("VBN", "VBG") and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" \
                and verb.head.head.pos_ in ("VERB", "AUX") and tense(verb) == "none":
            verb = verb.head.head  # "was stabbed after being lured to a park on Feb. 11": the main verb's tense
        if verb is None:  # "PM to inaugurate metro lines on Sunday": the parse hangs the day on the object
            clause = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            return "future" if clause is not None and headline_infinitive(clause) else None
        return "past" if tense(verb) == "past" else "future" if headline_infinitive(verb) else None

    return hint


def tense_form(token: Token) -> str:
    """The tense with its aspect: ``future``, ``perfect`` ("has decided"), ``pluperfect`` ("had left"), ``past``,
    ``present`` or ``none``; a conjoined participle without auxiliaries takes its head verb's ("had requested and
    received").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It will be delivered in 2015, but American has decided and had requested and received it.")
    >>> tense_form(doc[3]), tense_form(doc[10]), tense_form(doc[13]), tense_form(doc[15])
    ('future', 'perfect', 'pluperfect', 'pluperfect')
    """
    base = tense(token)
    if base != "past":
        return base
    auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    if token.tag_ in ("VBN", "VBD") and not auxes and token.dep_ == "conj" and token.head != token \
            and token.head.pos_ in ("VERB", "AUX") and _shares_auxiliary(token):
        return tense_form(token.head)
    if token.tag_ in ("VBN", "VBG") and any(a.lemma_ == "have" for a in auxes):
        return "perfect" if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes) else (
            "pluperfect" if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxes) else "past")
    return "past"


def contrasted(first: Token, second: Token) -> bool:
    """Whether two clauses are joined by a contrast word (``contrast_conjunctions``: "but", "although") and told in
    different tenses, so that a date of one does not date the other.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("It will be delivered in 2015, but American has decided. He was arrested but released.")
    >>> contrasted(doc[3], doc[10]), contrasted(doc[14], doc[17])
    (True, False)
    """
    low, high = sorted((first, second), key=lambda t: t.i)
    words = word_set("contrast_conjunctions")
    joined = any(t.lower_ in words and t.dep_ in ("cc", "mark") and t.head in (first, second)
                 for t in low.doc[low.left_edge.i:high.i])
    if not joined:
        return False
    forms = {tense_form(first), tense_form(second)}
    return "none" not in forms and len(forms) == 2


def present_after_past(conj: Token) -> bool:
    """Whether a conjoined verb is in the present tense while the verb it is joined to is a past: "began raising its
    stake in July, and holds 14.6%" tells a state of now after an act of July, so the act's date is not the state's.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("He sold the plant in May and owns the land. He sold it in May and bought more.")
    >>> present_after_past(doc[7]), present_after_past(doc[17])
    (True, False)
    """
    return conj.head != conj and conj.head.pos_ in ("VERB", "AUX") and tense_form(conj) == "present" \
        and tense_form(conj.head) == "past"


def _shares_auxiliary(conj: Token) -> bool:
    """Whether a conjoined verb without a subject of its own follows its head right after "and" ("had requested and
    received"), so that the head's auxiliaries are its too (the tagger may call the participle a past)."""
    between = list(conj.doc[conj.head.i + 1:conj.i])
    if conj.tag_ == "VBD" and [t.lower_ for t in between] != ["and"]:
        return False  # "had lost two finals and won": a simple past of its own
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) and any(
        t.dep_ == "cc" and t.lower_ == "and" for t in between) and not any(t.pos_ in ("VERB", "AUX") for t in between)
