"""A short readable phrase per event: "<agent> <verb> <object> [to/in <place>]"."""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from timeline.actors.lexicon import NounLexicon
from timeline.events.arguments import reduced_passive, small_clause
from timeline.events.casualty_cause import casualty_cause
from timeline.events.modality import negation
from timeline.events.participants import Participants
from timeline.events.passives import (
    gerund_joined_passive,
    headline_passive,
    is_passive,
    reduced_clause_passive,
    shared_patient,
)
from timeline.events.roles import claim_subject, described_noun, phrase, prep_objects
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.trigger import Trigger
from timeline.function_words import word_endings, word_map, word_set
from timeline.reading_spaces import as_written, spacing

#: Longest object phrase kept in a summary, in words.
MAX_OBJECT_WORDS = 7
_NOUN_PREMODIFIERS = ("amod", "compound", "nmod", "poss", "nummod")


def third_person(lemma: str) -> str:
    """Present tense, third person singular of a verb lemma.

    >>> [third_person(v) for v in ("deploy", "carry", "push", "go", "sign", "be", "have")]
    ['deploys', 'carries', 'pushes', 'goes', 'signs', 'is', 'has']
    """
    irregular = word_map("third_person_irregular")
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    if lemma.endswith(word_endings("es_endings")):
        return lemma + "es"
    return lemma + "s"


def _clip(text: str, words: int = MAX_OBJECT_WORDS) -> str:
    """The first words of ``text``, "…" when more follow; a spaced hyphen is not left at the cut.

    >>> _clip("lower - than - expected third - quarter profits", 7)
    'lower - than - expected third …'
    """
    parts = re.sub(r"\s+", " ", text).strip().split(" ")
    kept = parts[:words]
    while len(kept) > 1 and kept[-1] == "-":
        kept.pop()
    return " ".join(kept) + (" …" if len(parts) > words else "")


def _noun_shown(text: str, words: int = 6) -> str:
    """An event's noun phrase without a bracketed aside, whole up to a few words (its head noun last), else clipped.

    >>> _noun_shown("A 5 billion yen ($53 million) investment")
    'A 5 billion yen investment'
    >>> _noun_shown("Sierra Leone's brutal civil war")
    "Sierra Leone's brutal civil war"
    >>> _noun_shown("the 61-year-old to 28 years in prison - on corruption charges")
    'the 61-year-old to 28 …'
    """
    text = re.sub(r"\s*\([^()]*\)", "", text)
    return text if len(text.split()) <= words else _clip(text, 4)


def _spaced(tokens: Iterable[Token]) -> str:
    """Tokens as the text spaced them ("I'll", "7%", "(COVID-19)"), one space where tokens were left out.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("We'll go, she said, at 7% (COVID-19) now.")
    >>> _spaced(t for t in doc if t.text != "now")
    "We'll go, she said, at 7% (COVID-19) ."
    """
    text = ""
    last: Token | None = None
    for token in tokens:
        if last is not None:
            text += spacing(last) if token.i == last.i + 1 else " "
        text += token.text
        last = token
    return text


def _premodified(token: Token) -> str:
    """A noun with its premodifiers, without a possessive pronoun ("its troops" -> "troops").

    >>> from timeline.nlp import load_nlp
    >>> _premodified(load_nlp()("North Korea's third-quarter profit rose.")[6])
    "North Korea's third-quarter profit"
    """
    possessives = word_set("possessive_pronouns")
    premodifiers = [t for t in token.lefts if t.dep_ in _NOUN_PREMODIFIERS and t.lower_ not in possessives]
    start = min((t.left_edge.i for t in premodifiers), default=token.i)
    return token.doc[start:token.i + 1].text


def _controller_token(trigger: Trigger) -> Token | None:
    """The subject of the verb an infinitive depends on ("the leaders are scheduled to meet"), or of the verb a
    subjectless gerund adjunct hangs on ("Gauff won ... by defeating Sakkari", "shares rose, reaching ...")."""
    token = trigger.clause_word
    if token.head == token:
        return None
    if token.dep_ == "xcomp":
        governor = token.head
    elif _gerund_adjunct(token):
        governor = token.head if token.dep_ == "advcl" else token.head.head
    else:
        return None
    subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in word_set("relative_pronouns") and governor.dep_ == "relcl":
        subject = governor.head  # "Dole, who was wounded while fighting": Dole fights
    if subject is None or subject.lower_ in word_set("possessive_pronouns") | word_set("relative_pronouns") \
            or subject.pos_ == "PRON" and subject.lower_ in ("it", "that"):
        return None
    if casualty_cause(token, [subject]) is not None:
        return None  # "Rescue teams searched ..., killing 72": the toll is not the rescuers' deed
    return subject


def _gerund_adjunct(token: Token) -> bool:
    """True for a gerund with no subject of its own that modifies a verb: "by defeating X", "after being arrested",
    ", killing 4" (its subject is the verb's).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Gauff won the title by defeating Sakkari. His defeating them was a surprise.")
    >>> _gerund_adjunct(doc[5]), _gerund_adjunct(doc[9])
    (True, False)
    """
    gerund = token.tag_ == "VBG" or any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in token.children)
    if not gerund or any(c.dep_ in ("nsubj", "nsubjpass", "poss") for c in token.children):
        return False
    if token.dep_ == "advcl":
        return token.head.pos_ in ("VERB", "AUX")
    return token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX")


def _controller(trigger: Trigger) -> str:
    subject = _controller_token(trigger)
    return _clip(_premodified(subject), 5) if subject is not None else ""


def _plural_subject(trigger: Trigger) -> bool:
    """True when the passive subject of a verb is plural ("the suspects were arrested"), or the text's own plural
    auxiliary says so for a subject with no number of its own ("Both were wounded", "All have been freed"; not a
    singular noun, which may be shown alone out of a coordination: "Skelos and his son were charged")."""
    token = trigger.token
    relatives = word_set("relative_pronouns")
    subjects = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj") and c.lower_ not in relatives]
    if subjects and all(s.tag_ not in ("NN", "NNP") for s in subjects) and any(
            c.dep_ in ("auxpass", "aux") and c.lower_ in ("were", "are", "have") for c in token.children):
        return True
    if not subjects and token.dep_ in ("relcl", "acl"):
        subjects = [token.head]
    if not subjects and token.dep_ == "conj":  # "the ingredients originated ... and were transferred"
        first = token
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        subjects = [c for c in first.children if c.dep_ in ("nsubjpass", "nsubj") and c.lower_ not in relatives]
        if not subjects and first.dep_ in ("relcl", "acl"):  # "two workers who were repairing ... and were buried"
            subjects = [first.head]
    return any(s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children)
               or s.tag_ == "CD" and s.lower_ not in ("1", "one") and not _shows_singular(token)
               for s in subjects)  # "At least 82 were killed"; "The 787 was delayed" names one model


def _shows_singular(verb: Token) -> bool:
    """True when the verb or its auxiliary has the singular form ("was", "is", "has"): the text's own number."""
    return any(t.lower_ in ("was", "is", "has") or t.tag_ == "VBZ" for t in [verb] + [
        c for c in verb.children if c.dep_ in ("aux", "auxpass")])


def _shows_plural(verb: Token) -> bool:
    """True when the text gives a verb's subject a plural verb form: the verb itself, its auxiliary, or a verb joined
    to it that shares its subject ("Spurs lost and are fifth").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Spurs lost and are fifth. Spurs lost and is fifth.")
    >>> _shows_plural(doc[1]), _shows_plural(doc[7])
    (True, False)
    """
    joined = [c for c in verb.children if c.dep_ == "conj" and not any(s.dep_.startswith("nsubj") for s in c.children)]
    forms = [verb] + [c for v in [verb, *joined] for c in v.children if c.dep_ in ("aux", "auxpass")] + joined
    return any(t.tag_ == "VBP" or t.lower_ in ("are", "were") for t in forms)


def _plural_antecedent(pronoun: Token, agent: str) -> bool:
    """True when a plural personal pronoun subject ("they", "we") stands for the agent named by a plural noun
    earlier in its sentence ("Researchers using a telescope say they have discovered"); not for a name ("Apple said
    they would", "Ford said they").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Researchers in Texas say they found it. Apple says they found it.")
    >>> _plural_antecedent(doc[4], "Researchers"), _plural_antecedent(doc[12], "Apple")
    (True, False)
    """
    if pronoun.pos_ != "PRON" or pronoun.lower_ not in word_set("non_third_person") | word_set("plural_object_pronouns") \
            or pronoun.lower_ in ("i", "you") or not agent.split():
        return False
    words = agent.split()
    last = words[-1]
    if pronoun.lower_ in word_set("plural_object_pronouns") and (len(words) > 1 and last[:1].isupper() or any(
            t.lower_ == last.lower() and (t.ent_type_ == "PERSON" or t.tag_ == "NNPS") for t in pronoun.sent)):
        return False  # "Steve Jobs ... allowing them to listen": a name ending in "s" is no plural "them"
    return any(t.lower_ == last.lower() and t.tag_ in ("NNS", "NNPS") for t in pronoun.doc[pronoun.sent.start:pronoun.i])


def _plural_controller(verb: Token, agent_text: str, agent: str) -> bool:
    """True when a subjectless verb's agent is a plural pronoun before it in its sentence ("loans to help them
    survive") that stands for a plural noun named earlier there (``_plural_antecedent``).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Executives pleaded for loans to help them survive. Ford asked for loans to help them survive.")
    >>> _plural_controller(doc[7], "them", "Executives"), _plural_controller(doc[17], "them", "Ford")
    (True, False)
    >>> doc = load_nlp()("Jobs unveiled a feature, allowing them to listen to music.")
    >>> _plural_controller(doc[8], "them", "Steve Jobs")
    False
    """
    pronoun = next((t for t in reversed(verb.doc[verb.sent.start:verb.i]) if t.lower_ == agent_text.lower()), None)
    return pronoun is not None and _plural_antecedent(pronoun, agent)


def _unnamed_member(token: Token) -> bool:
    """True for a common noun of a person or unit that acts for the state or body named before it ("Tunisia's
    prime minister", "Russian troops"): the summary names the member, the actor column its state."""
    lex = NounLexicon.load()
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in lex.person_nouns or lemma in lex.titles or lemma in lex.armed_unit_nouns
                                     or token.lower_ in lex.armed_unit_nouns)


def _figure_subject(token: Token | None) -> str:
    """A company's figure as a verb's subject with its premodifiers ("Ford sales", "U.S. December sales"), or ""
    when it is no figure noun (``figure_nouns``) or a possessive pronoun owns it ("its sales": the company shows).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Ford sales fell 11 percent. Its sales fell. Ford fell.")
    >>> [_figure_subject(doc[i]) for i in (1, 7, 11)]
    ['Ford sales', '', '']
    """
    if token is None or token.pos_ != "NOUN" or token.lemma_.lower() not in word_set("figure_nouns") \
            or any(c.dep_ == "poss" and c.lower_ in word_set("possessive_pronouns") for c in token.children):
        return ""
    text = _clip(_premodified(token), 5)
    return _capitalised(text)


def _coordinated_subject(token: Token) -> str:
    """Two passive subjects joined by "and", each with its own modifiers ("The head and around 20 civilians"), or "".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("the head of its offices and around 20 civilians were killed")
    >>> _coordinated_subject(doc[10])
    'head and around 20 civilians'
    """
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    joined = [c for c in subject.children if c.dep_ == "conj" and c.ent_type_ not in ("DATE", "TIME")
              and c.lemma_.lower() not in word_set("time_nouns")] if subject is not None else []
    if subject is None or not joined:
        return ""
    negation = "no " if any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children) else ""
    joiner = next((f" {c.lower_} " for c in subject.children if c.dep_ == "cc"), " and ")  # "No wounded or damages"
    return negation + joiner.join(_clip(_premodified(t), 4) for t in [subject, *joined])


def _counted(token: Token) -> Token | None:
    """The object of the word's first "of" phrase: what a partitive counts ("51 drones" in "a total of 51 drones")."""
    return next((pobj for _, pobj in prep_objects(token, frozenset({"of"}))), None)


def _partitive(token: Token | None) -> str:
    """A subject or object that counts part of what follows "of", with that phrase ("all of the charges"), or "".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("A total of 51 drones were shot down. The court rejected his appeal.")
    >>> _partitive(doc[1]), _partitive(doc[13])
    ('A total of 51 drones', '')
    """
    if token is None or not (token.lemma_.lower() in word_set("partitive_heads") or token.tag_ == "CD"
                             or token.lemma_.lower() in word_set("light_heads") and token.pos_ == "NOUN"):
        return ""
    counted = _counted(token)
    if counted is None:
        return ""
    return f"{phrase(token).text} of {phrase(counted).text}"


def _partitive_plural(token: Token) -> bool:
    """True when a partitive subject takes a plural verb: it counts a plural ("a total of 51 drones are")."""
    if token.lemma_.lower() in word_set("light_heads") and token.pos_ == "NOUN":
        return token.tag_ in ("NNS", "NNPS")  # "a series of attacks is", "a large area of rainfall falls"
    if token.lower_ in word_set("singular_partitives") or token.lemma_.lower() in word_set("counting_nouns") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children):  # "the number of deaths rises"
        return False
    if token.tag_ in ("NNS", "NNPS"):  # "key parts of the economy slow down"
        return True
    counted = _counted(token)
    return counted is not None and counted.tag_ in ("NNS", "NNPS")


#: Dependents after a verb that complete it, so a clause before it is no content of it ("That is right").
_OWN_COMPLEMENTS = frozenset({"attr", "acomp", "xcomp", "dobj", "prt"})
#: Punctuation that sets a noun aside after a clause ("ended down 8.7% - its biggest drop ever").
_ASIDE_MARKS = frozenset({"-", "--", "\u2013", "\u2014", ":"})


def _no_content(clause: Token, trigger: Trigger) -> bool:
    """Whether a verb's clausal complement the parser found is no content of it: a clause before a verb that is
    complete without it ("London's FTSE finished down, Frankfurt's DAX slipped 0.03%", "stocks have plunged,
    interest rates have soared", "Our system is balanced, it's right"), or a noun set aside after a dash ("ended
    down 8.7% - its biggest points drop ever"). A speaker's preposed quote stays what was said ("Five teams
    visited sites, the agency reported")."""
    verb = trigger.token
    if clause.i > verb.i:
        before = verb.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        return clause.pos_ not in ("VERB", "AUX") and before is not None and before.text in _ASIDE_MARKS
    if trigger.event_type == "statement" or trigger.lemma in EventTaxonomy.load().reporting_verbs:
        return False
    after = [c for c in verb.children if c.i > verb.i]
    return trigger.event_type == "result" or any(c.dep_ in _OWN_COMPLEMENTS for c in after) \
        or any(c.dep_ == "prep" and c.lower_ not in ("from", "by") for c in after)


def _patient_token(verb: Token, object_text: str) -> Token | None:
    """The object (or passive subject) of a verb that the participants' object text was read from."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and object_text
                 and phrase(c).text == object_text), None)


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("books, which prosecutors said she sold" -> books), or None."""
    if token.lower_ not in word_set("relative_pronouns"):
        return None
    clause = token.head
    while clause.dep_ != "relcl" and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else None


def _ranked(text: str, head: Token | None) -> str:
    """A phrase ending in a rank noun with the number after it that the parse left out ("the world number" ->
    "the world number two"), else the phrase as it is.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Swiatek beat the world number two Coco Gauff. She beat the number of rivals.")
    >>> _ranked("the world number", doc[4]), _ranked("the number", doc[12])
    ('the world number two', 'the number')
    """
    if head is None or head.lower_ not in word_set("rank_nouns") or not text.endswith(head.text) \
            or head.i + 1 >= len(head.doc):
        return text
    after = head.doc[head.i + 1]
    return f"{text} {after.text}" if after.tag_ == "CD" else text


def _content_subject(verb: Token) -> Token | None:
    """The own subject of a "that" clause hanging on a noun ("the news that the commander has been arrested":
    the commander, not the news), or None for a participle describing its noun."""
    if verb.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)


def _extraposed_antecedent(verb: Token) -> Token | None:
    """The noun a relative "that" set after its verb stands for ("elections were announced that returned Abe to
    power": the elections), or None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "that" or subject.tag_ not in ("WDT", "IN") or verb.dep_ != "ccomp":
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")), None)


def _name_before_relative(verb: Token) -> Token | None:
    """The name just before the comma of a ", which/who" clause the parse hung on a noun further left ("Airbus'
    presence at IAG, which placed an order": IAG placed it, not the presence), or None."""
    pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in word_set("relative_pronouns")), None)
    if verb.dep_ != "relcl" or pronoun is None or pronoun.i < 2 or verb.doc[pronoun.i - 1].text != ",":
        return None
    name = verb.doc[pronoun.i - 2]
    if name == verb.head or name.pos_ != "PROPN" or name.dep_ != "pobj" or verb.head.pos_ != "NOUN" \
            or not any(a == verb.head for a in name.ancestors):
        return None
    return name


def _occurrence_subject(verb: Token) -> Token | None:
    """The event a relative pronoun of "happen"/"occur" stands for: the noun its clause hangs on when that is an
    event, else the nearest event noun before it ("attacks ... against an oil tanker, which happened last week":
    the attacks), or None when the verb is no such relative clause."""
    if verb.lemma_.lower() not in word_set("occurrence_verbs") or verb.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ in word_set("relative_pronouns") for c in verb.children):
        return None
    taxonomy = EventTaxonomy.load()
    events = [t for t in verb.doc[verb.sent.start:verb.head.i + 1] if t.pos_ == "NOUN"
              and taxonomy.noun_type(t.lemma_.lower()) is not None]
    return events[-1] if events else None


def _state_subject(verb: Token) -> Token | None:
    """The subject of a bare participle that is a state, a passive: after "with" ("with each of the finalists
    awarded £15,000") or as the result of a verb like "leave" ("left 30 people injured"); None otherwise.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The strikes left nearly three dozen people injured.")
    >>> _state_subject(doc[7]).text
    'people'
    """
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return None
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and verb.i == verb.head.i + 1 \
            and verb.head.head.lemma_.lower() in word_set("result_verbs"):
        return verb.head  # "left [nearly three dozen people] injured" parsed as a participle on the object
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.lower_ in word_set("relative_pronouns"):
        return None
    absolute = verb.dep_ in ("pcomp", "advcl") and verb.head.lower_ in ("with", "without")
    result = verb.dep_ in ("ccomp", "oprd", "xcomp") and verb.head.lemma_.lower() in word_set("result_verbs")
    return subject if absolute or result else None


_NOT_SHOWN_IN_TAIL = ("DATE", "TIME", "GPE", "LOC", "FAC", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")


def _hyphen_tail(token: Token) -> str:
    """The rest of a hyphenated word the tokenizer split after ``token`` ("re" of "re-election" -> "-election").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Gimenez won re-election. He won - again.")
    >>> _hyphen_tail(doc[2]), _hyphen_tail(doc[7])
    ('-election', '')
    """
    doc = token.doc
    i = token.i
    tail = ""
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not spacing(doc[i]) and not spacing(doc[i + 1]) \
            and doc[i + 2].is_alpha:
        tail += "-" + doc[i + 2].text
        i += 2
    return tail


def _time_only(token: Token) -> bool:
    """Whether a word is a preposition whose phrase holds only a time ("by Tuesday evening", "as of Monday"), so
    that a summary dropping the time drops the preposition too.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The blaze was 40 percent contained as of Monday night.")
    >>> _time_only(doc[6]), _time_only(doc[2])
    (True, False)
    """
    if token.pos_ != "ADP":
        return False
    rest = [t for t in token.subtree if t.pos_ != "ADP"]
    return bool(rest) and all(t.ent_type_ in ("DATE", "TIME") for t in rest)


def _path_phrase(verb: Token, after: int) -> str:
    """A short path or idiom phrase of a verb starting right after token ``after`` (the verb, its particle or its
    object's last word): "to fame", "into the top corner", "off the record", a stranded "upon"; "" when there is
    none, or it is a date, a number or a place (the place is added on its own), or long.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Michael shot to fame in the 1980s. He went to Paris on Monday.")
    >>> _path_phrase(doc[1], 1), _path_phrase(doc[9], 9)
    ('to fame', '')
    """
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == after + 1
                 and c.lower_ in word_set("path_preps")), None)
    if prep is None:
        return ""
    inner = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    doc = verb.doc
    if not inner:  # "were fired upon when ...": stranded before a stop or a new clause, not "manage to [go]"
        ends = prep.i + 1 >= len(doc) or doc[prep.i + 1].is_punct or doc[prep.i + 1].dep_ in ("mark", "advmod", "cc")
        return prep.lower_ if not list(prep.children) and ends and prep.lower_ != "to" else ""
    if inner[0].dep_ == "pcomp" and inner[0].tag_ != "VBG" \
            or inner[0].dep_ == "pobj" and inner[0].lemma_.lower() in word_set("path_stop_objects"):
        return ""  # "battles to subdue", "recorded to date"
    objects = [c for c in inner[0].children if c.dep_ == "dobj"]  # "to winning ways", without "on Sunday"
    shown = phrase(inner[0]) if inner[0].dep_ == "pobj" else verb.doc[
        inner[0].left_edge.i:max([inner[0].i] + [o.right_edge.i for o in objects]) + 1]
    words = [t for t in shown if not t.is_punct]
    counted = any(t.like_num and t.ent_type_ != "ORDINAL" for t in shown)  # "rose to 5 percent"; "moved to third" stays
    if len(words) > 4 or shown.end <= shown.start or counted or any(t.ent_type_ in _NOT_SHOWN_IN_TAIL
                                                                    or t.pos_ == "PRON" for t in shown):
        return ""
    return f"{prep.lower_} {shown.text}"


def _with_absolute_subject(verb: Token) -> Token | None:
    """The noun just before a subjectless "-ing" verb inside a "with"/"without" phrase, its subject ("ended with a
    New York court finding him guilty": the court finds; "with the department reporting 223 cases and New Mexico
    confirming 33": New Mexico confirms), or None.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("His story ended with a New York court finding him guilty. He left, smiling.")
    >>> _with_absolute_subject(doc[8]).text, _with_absolute_subject(doc[15])
    ('court', None)
    """
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.dep_ == "compound" or before.ent_type_ in ("DATE", "TIME"):
        return None
    joined = next((a for a in before.ancestors if a.dep_ == "prep"), None)
    if joined is None or joined.lower_ not in ("with", "without") or any(a == verb for a in before.ancestors):
        return None
    return before


def _split_compound_tail(verb: Token, patient: Token) -> str:
    """The last word of a compound object that the parse read as a bare verb after it ("take the witness stand":
    " stand"), or "" (not after a verb that takes an object and a verb: "let the people stand").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Murray did take the witness stand during the trial.")
    >>> _split_compound_tail(doc[2], doc[4])
    ' stand'
    """
    if patient.pos_ != "NOUN" or patient.dep_ != "dobj" or verb.lemma_.lower() in word_set("object_control_verbs") \
            or verb.lemma_.lower() in word_set("result_verbs"):
        return ""
    split = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB" and c.i == patient.i + 1
                  and not any(g.dep_ in ("aux", "dobj", "nsubj", "ccomp", "xcomp") for g in c.children)), None)
    return f" {split.text}" if split is not None else ""


def _catenative_complement(verb: Token) -> str:
    """The gerund or infinitive a verb like "begin" or "stop" takes, with its object, clipped; or "".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The agency began running a new model. The team began on Monday.")
    >>> _catenative_complement(doc[2]), _catenative_complement(doc[10])
    ('running a new model', '')
    """
    complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and (
        c.tag_ == "VBG" or c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))), None)
    if complement is None:
        return ""
    left_out = {t.i for c in complement.children if c.dep_ in ("conj", "cc") or c.dep_ in ("prep", "npadvmod", "advmod")
                and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree) for t in c.subtree}  # "on Friday"
    kept = [t for t in complement.subtree if t.i not in left_out]
    comma = next((n for n, t in enumerate(kept) if t.text == "," and t.i > complement.i), len(kept))
    kept = kept[:comma]  # "continues to expand, with the health department ...": the expansion
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept.pop()  # "continued to rally, and closed ...": the rally
    return _clip(_spaced(kept))


def _joined_appositive(subject: Token) -> str:
    """A subject the parse split from the noun right after it as an apposition with no comma ("Major magnitude
    6.3 earthquake strikes": the earthquake strikes), the words up to that noun; else "".

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Major magnitude 6.3 earthquake strikes central Italy")
    >>> _joined_appositive(doc[1])
    'Major magnitude 6.3 earthquake'
    """
    appos = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    if appos is None or appos.pos_ != "NOUN" or appos.left_edge.i != subject.i + 1 \
            or any(t.is_punct for t in subject.doc[subject.i:appos.i]):
        return ""
    return subject.doc[subject.left_edge.i:appos.i + 1].text


def _denied(finite: str, lemma: str, trigger: Trigger) -> str:
    """A summary's finite verb with the text's negation, so a negated event never reads as done: "attacks" ->
    "does not attack", "is" -> "is not", "releases" -> "never releases", "are" -> "are no longer".

    >>> from timeline.nlp import load_nlp
    >>> from timeline.events.trigger import Trigger
    >>> doc = load_nlp()("The army did not attack. Apple never released it. Troops didn't give up. "
    ...                  "The Senate failed to pass the bill.")
    >>> [_denied(f, t.lemma_, Trigger(t, "attack", "verb", True, negated=True))
    ...  for f, t in (("attacks", doc[4]), ("is", doc[4]), ("releases", doc[8]), ("give up", doc[14]),
    ...               ("passes the bill", doc[21]))]
    ['does not attack', 'is not', 'never releases', 'do not give up', 'fails to pass the bill']
    """
    verb = trigger.clause_word
    word = negation(verb) or (negation(verb.head) if verb.dep_ == "xcomp" else "")  # "didn't want to buy"
    first, _, rest = finite.partition(" ")
    refusal = verb.head.lemma_.lower() if verb.dep_ == "xcomp" else ""
    plural = first == "are" or first == lemma and third_person(lemma) != lemma  # "Bills fail to be approved"
    if trigger.negated and finite and refusal in EventTaxonomy.load().refusal_verbs and not word:
        said = (("are " if plural else "is ") + refusal if verb.head.pos_ == "ADJ"  # "were unable to block"
                else refusal if plural else third_person(refusal))
        return f"{said} to {lemma} {rest}".strip()  # "failed to pass the bill": "fails to pass the bill"
    if not trigger.negated or not word or not finite:
        return finite
    if first in ("is", "are", "am"):
        return f"{first} {word} {rest}".strip()  # "is not dead", "are never found"
    if word != "not":
        return f"{word} {finite}"  # "never releases", "no longer makes"
    do = "do" if plural else "does"  # "are" was handled above
    return f"{do} not {lemma} {rest}".strip()


def _agentless_patient(trigger: Trigger, patient: Token | None, obj: str, state: str) -> bool:
    """True when an active verb done to its object (``agentless_participles``) has no agent and a direct object
    that can lead a passive ("..., leaving 30 people dead": "30 people are left dead"). Not for infinitives or
    gerunds after a preposition ("attempts to kill Castro", "by shooting the doctors"), which may never have
    happened, nor for a result verb without the state it leaves ("leaving the city")."""
    verb = trigger.token
    if patient is None or patient.dep_ != "dobj" or not obj or obj.endswith("…") \
            or trigger.lemma not in word_map("agentless_participles"):
        return False
    if trigger.lemma in word_set("result_verbs") and not state:
        return False
    if verb.tag_ in ("VB", "MD") or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "blew up a jet": the particle would be lost
    if verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and verb.left_edge.i == verb.sent.start \
            and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return False  # "Buried a foot beneath the ground, the weapon ...": a passive of the main subject, no object
    return not (verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "pobj", "xcomp", "amod", "compound"))


def _counts_many(patient: Token) -> bool:
    """True when an object names more than one ("30 people", "over 200", "the victims"), not "one person"."""
    if patient.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in patient.children):
        return True
    return patient.like_num and patient.lower_ not in ("1", "one")


def summarize(trigger: Trigger, participants: Participants, location: str = "") -> str:
    """A summary built from the parse; the agent's canonical name when there is one.

    >>> from timeline.nlp import load_nlp
    >>> from timeline.events.taxonomy import EventTaxonomy
    >>> from timeline.events.triggers import find_triggers
    >>> from timeline.events.participants import ParticipantFinder
    >>> doc = load_nlp()("Pyongyang sent troops to Kursk.")
    >>> t = find_triggers(doc[:], EventTaxonomy.load())[0]
    >>> summarize(t, ParticipantFinder(None).find(t))
    'Pyongyang sends troops to Kursk'
    """
    agent = participants.agent or _clip(participants.agent_text, 5) or _controller(trigger)
    if participants.agent_text.lower() in word_set("possessive_pronouns") and not participants.agent:
        agent = ""
    if participants.agent.islower() and participants.agent_text.lower() in (f"{a} {participants.agent}"
                                                                         for a in word_set("articles")):
        agent = _capitalised(participants.agent_text)  # "The blaze", not "Blaze"
    elif participants.agent and participants.agent_text and participants.agent_text.split()[-1].lower() in \
            NounLexicon.load().vehicle_nouns and participants.agent_text.lower() != participants.agent.lower():
        text = _clip(participants.agent_text, 5)  # "An Amtrak passenger train derails", not "Amtrak derails"; not
        if participants.agent.islower() or participants.agent.lower() in text.lower():  # "The plane" for "A380s"
            agent = _capitalised(text)  # named before, nor a clip that loses the name ("A Kyiv-bound ...")
    subject_token = next((claim_subject(c) or c for c in trigger.token.children if c.dep_ == "nsubj"),
                         None)  # "UN chief: Gaza deal collapses": the deal collapses
    member = participants.agent and subject_token is not None and _unnamed_member(subject_token) \
        and participants.agent_text
    if member:
        agent = _clip(participants.agent_text, 6)  # "Tunisia's prime minister resigns", not "Tunisia resigns"
    figure = _figure_subject(subject_token) if trigger.kind == "verb" and participants.agent else ""
    if figure:
        agent = figure  # "Ford sales fall", not "Ford falls"
    subject_part = _partitive(subject_token) if not participants.agent else ""
    if subject_part:
        agent = _clip(subject_part)  # "Some of the deadliest cyclones occurred", not "Some occurs"
    if (trigger.kind == "verb" and not participants.agent and subject_token is not None
            and participants.agent_text and any(c.dep_ == "conj" for c in subject_token.children)):
        last = max((c for c in subject_token.children if c.dep_ == "conj"), key=lambda c: c.i)
        agent = _clip(subject_token.doc[subject_token.left_edge.i:last.i + 1].text, 6)  # "His mother and 10 other people"
    if trigger.kind == "verb" and trigger.token.dep_ == "prep" and agent:  # "..., according to the KCNA"
        head = trigger.token.head
        told = [t.text for t in head.subtree if t.i not in {s.i for s in trigger.token.subtree} and not t.is_punct]
        return f"{agent} reports: {_clip(' '.join(told))}"
    if trigger.kind == "verb":
        passive = is_passive(trigger.token)
        controller = _controller_token(trigger) if not participants.agent_text else None
        plural_agent = (not participants.agent or member) and (
            participants.agent_plural or participants.agent_text.lower() in word_set("non_third_person")
            or controller is not None and controller.tag_ in ("NNS", "NNPS"))  # "Israeli troops fire"
        if subject_part and subject_token is not None:
            plural_agent = _partitive_plural(subject_token)
        elif participants.agent and subject_token is not None and subject_token.tag_ in ("NNS", "NNPS") \
                and agent.split()[-1].lower() == subject_token.lower_ and (
                    subject_token.tag_ == "NNS" and (subject_token.ent_type_ != "PERSON" or subject_token.is_sent_start)
                    or _shows_plural(trigger.token)):  # "UAVs fell", "Missiles struck", "Spurs lost ... and are"
            plural_agent = True
        elif participants.agent and subject_token is not None and _plural_antecedent(subject_token, agent):
            plural_agent = True  # "Researchers ... say they have discovered": "Researchers discover"
        elif participants.agent and subject_token is None and _plural_controller(trigger.token, participants.agent_text, agent):
            plural_agent = True  # "executives pleaded for loans to help them survive": "Auto executives survive"
        if trigger.lemma in word_set("reciprocal_verbs") and not participants.object_text and not passive \
                and participants.agent and agent == participants.agent and len(participants.actors) >= 2 \
                and participants.actors[0] == participants.agent:
            agent, plural_agent = " and ".join(participants.actors[:2]), True  # "Fiat Chrysler and Peugeot merge"
        if len(participants.agent_pair) == 2 and agent == participants.agent:  # "they conceded", "the two men
            agent, plural_agent = " and ".join(participants.agent_pair), True  # appeared": both leaders, by name
        absolute_subject = _with_absolute_subject(trigger.token)
        if absolute_subject is not None:  # "with a New York court finding him guilty": the court finds
            agent = _clip(phrase(absolute_subject).text, 5)
            plural_agent = absolute_subject.tag_ in ("NNS", "NNPS")
        standing_for = _extraposed_antecedent(trigger.token) if agent.lower() == "that" else None
        if standing_for is None and not participants.agent:
            standing_for = _occurrence_subject(trigger.token) or _name_before_relative(trigger.token)
        if standing_for is not None:  # "elections were announced that returned Abe", "an attack, which happened"
            agent = _clip(phrase(standing_for).text if standing_for.pos_ == "PROPN" else _premodified(standing_for), 5)
            plural_agent = standing_for.tag_ in ("NNS", "NNPS")
        if trigger.token.lower_ in ("are", "were") and trigger.token.dep_ == "conj" and not any(
                c.dep_.startswith("nsubj") for c in trigger.token.children) and any(
                c.dep_ == "nsubj" and c.tag_ in ("NNS", "NNPS") for c in trigger.token.head.children):
            plural_agent = True  # the text's own plural form for a shared plural subject: "Spurs lost and are fifth"
        if trigger.token.lower_ in ("are", "were") and not participants.agent and subject_token is not None \
                and subject_token.tag_ in ("DT", "CD") and subject_token.lower_ not in ("1", "one") \
                and subject_token.lower_ not in word_set("singular_partitives"):  # "Neither of the sides is"
            plural_agent = True  # a determiner or number standing alone with the text's plural verb: "These are", "Both were"
        verb = ({"be": "are"}.get(trigger.lemma, trigger.lemma) if plural_agent else third_person(trigger.lemma))
        if trigger.lemma == "be" and agent.lower() == "i":
            verb = "am"  # "I am grateful", not "I are"
        patient = _patient_token(trigger.token, participants.object_text)
        obj = _clip(_ranked(participants.object_text, patient))  # "beats the world number two"
        if patient is not None and obj == participants.object_text and obj.endswith(patient.text):
            obj += _hyphen_tail(patient)  # "wins re-election", not "wins re"
            obj += _split_compound_tail(trigger.token, patient)  # "takes the witness stand", not "the witness"
        if subject_token is not None and agent == _clip(participants.agent_text, 5):
            agent = _clip(_ranked(agent, subject_token), 6)  # "The world number two beats ..."
            joined = _joined_appositive(subject_token) if not participants.agent else ""
            if joined and joined.startswith(agent):  # "Major magnitude 6.3 earthquake strikes", not "Major magnitude"
                agent = _clip(joined, 6)
        antecedent = _relative_antecedent(patient) if patient is not None else None
        if patient is not None and _partitive(patient):
            obj = _clip(_partitive(patient))  # "rejected all of Unita's challenges", not "rejects all"
        elif antecedent is not None:
            obj = _clip(_premodified(antecedent), 5)  # "books, which she sold": sells books, not "sells which"
        elif obj.lower() in word_set("relative_pronouns") and patient is not None and patient.tag_ == "WDT":
            obj = ""  # "the final which Swiatek won", parsed with no relative clause: "Swiatek wins", not "wins which"
        if obj and not passive and trigger.lemma in word_set("intransitive_verbs") and patient is not None \
                and EventTaxonomy.load().noun_type(patient.lemma_.lower()) is not None and not (
                any(t.like_num and t.nbor(1).text != "-" for t in patient.subtree if t.i + 1 < len(t.doc))
                if patient is not None else re.search(r"\d", obj)):  # "one-day" counts nothing
            obj = ""  # "the dollar fell its biggest one-day drop": a measure of the fall, no object; not "fell 3%"
        if obj and patient is not None and patient.tag_ == "DT" and trigger.token.dep_ == "conj":
            shared = next((c for c in trigger.token.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if shared is not None:  # "close one plant, shut down another": another plant
                obj = f"{obj} {shared.text}"
        complement = next((c for c in trigger.token.children if c.dep_ == "oprd"), None)
        object_only, state = obj, ""
        if obj and complement is not None and complement.i > trigger.token.i and not passive \
                and obj.split()[-1].lower() != complement.lower_:  # the object may already end with it ("95 dead")
            state = complement.text
            obj += " " + complement.text  # "Two quakes leave 10 dead"
        elif obj and not passive and not obj.endswith("…") and trigger.lemma in word_set("result_verbs"):
            predicate = small_clause(trigger.token)
            if predicate is not None and predicate.dep_ == "amod" and not obj.endswith(predicate.text):
                state = predicate.text
                obj += " " + predicate.text  # "leaves thousands of people homeless"
        state_subject = _state_subject(trigger.token)
        if state_subject is not None:  # "with each of the finalists awarded £15,000", "left 30 people injured"
            shown = _partitive(state_subject) or _premodified(state_subject)
            plural = _partitive_plural(state_subject) if _partitive(state_subject) else state_subject.tag_ in (
                "NNS", "NNPS") or any(c.dep_ == "conj" for c in state_subject.children)
            state_object = obj if trigger.token.dep_ != "acl" else ""  # an acl's object is the noun it describes
            return _finish([_clip(shown), _denied("are" if plural else "is", "be", trigger), trigger.token.text.lower(),
                            state_object],
                           participants, location, trigger)
        if passive and trigger.token.dep_ == "acl" and trigger.token.head.dep_ == "pobj" \
                and trigger.token.i > 0 and trigger.token.doc[trigger.token.i - 1].text == ",":
            by = next((_spaced(p.subtree) for c in trigger.token.children if c.dep_ == "agent"
                       for p in c.children if p.dep_ == "pobj"), "")
            if by:  # "stepped down over a collapse, succeeded by X": the noun before the comma may be no patient
                return _finish([trigger.token.text.lower(), "by", _clip(by, 5)], participants, location, trigger)
        if subject_token is not None and reduced_passive(trigger.token):  # "Spain rattled by two quakes"
            plural = subject_token.tag_ in ("NNS", "NNPS")
            return _finish([_clip(_premodified(subject_token), 5), _denied("are" if plural else "is", "be", trigger),
                            trigger.token.text.lower()],
                           participants, location, trigger)
        if not obj and not passive:  # "New Zealand says the United States had the right ...": what was said
            clause = next((c for c in trigger.token.children if c.dep_ == "ccomp"), None)
            if clause is not None and _no_content(clause, trigger):
                clause = None
            if clause is not None:
                obj = _clip(_spaced(t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ == "that")
                                    and t.text not in ('"', "``", "''")))
                named = next((phrase(c).text for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), "")
                if participants.agent and agent == participants.agent and named.lower() == agent.lower() \
                        and participants.agent_text and participants.agent_text.lower() != agent.lower():
                    agent = _clip(participants.agent_text, 5)  # "The US aerospace company announces Boeing has ..."
        if not obj and not passive and trigger.lemma in word_set("catenative_verbs"):
            obj = _catenative_complement(trigger.token)  # "NASA begins running an improved version", not "NASA begins"
        attributes = [c for c in trigger.token.children if c.dep_ in ("attr", "acomp") and c.i > trigger.token.i]
        if not obj and trigger.lemma != "be" and attributes:  # "Cameron becomes UK's PM"
            obj = _clip(" ".join(_spaced(c.subtree) for c in attributes))
        if trigger.lemma == "be" and not obj:  # "The man is 30": the complement says what the state is
            complements = [c for c in trigger.token.children if c.dep_ in ("attr", "acomp")] or [
                c for c in trigger.token.children if c.dep_ == "advmod" and c.pos_ == "ADV" and c.i > trigger.token.i
            ] or [c for c in trigger.token.children if c.dep_ == "prep" and not any(t.ent_type_ in ("DATE", "TIME")
                                                                                    for t in c.subtree)
                  and c.lower_ not in word_set("attribution_preps")]  # "According to NHK, two workers were ..."
            timed = {t.i for c in complements for p in c.subtree if _time_only(p) for t in p.subtree}
            obj = _clip(" ".join(_spaced(t for t in c.subtree if t.ent_type_ not in ("DATE", "TIME")
                                          and t.i not in timed) for c in complements))
            if any(c.dep_ == "expl" for c in trigger.token.children) and agent \
                    and (obj.lower() + " ").startswith(agent.lower() + " "):
                rest = obj[len(agent):].strip() or _clip(" ".join(  # "There was a fire at the plant"
                    _spaced(c.subtree) for c in trigger.token.children if c.dep_ == "prep" and c.i > trigger.token.i
                    and not any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)))
                if trigger.token.lower_ in ("are", "were"):
                    verb = "are"  # the text's own plural: "There were 21 recorded", not "There is 21 recorded"
                if rest.split()[:1] and rest.split()[0].lower() in word_set("existential_rest_preps"):
                    obj = rest
                else:  # "There are no reports of injuries", "There is a way to find ...", not "A fire is a fire"
                    agent = "There"
        if passive and not participants.agent:
            subject = obj  # "A man is recovered dead", "The verdict is reached": the article stays, as in active ones
            if trigger.token.dep_ == "relcl" or not obj:
                subject = _clip(participants.agent_text) or obj
            content_subject = _content_subject(trigger.token)
            if content_subject is not None:  # "the news that the commander has been arrested"
                subject = _clip(_premodified(content_subject), 5)
            elif trigger.token.dep_ == "acl":  # "its troops deployed to Russia": the noun it describes
                subject = _clip(_premodified(described_noun(trigger.token)), 4)
            subject = _coordinated_subject(trigger.token) or subject
            if subject.lower() in word_set("relative_pronouns"):  # "books, which he said were sold": the books
                relative = next((c for c in trigger.token.children if c.lower_ == subject.lower()), None)
                referent = _relative_antecedent(relative) if relative is not None else None
                subject = _clip(_premodified(referent), 5) if referent is not None else ""
            shared = shared_patient(trigger.token)
            agent_phrase = next((_spaced(p.subtree) for c in trigger.token.children if c.dep_ == "agent"
                                 for p in c.children if p.dep_ == "pobj"), "")
            if shared is not None and agent_phrase:  # "houses were damaged and destroyed by the storm"
                subject, agent_phrase = _clip(_premodified(shared), 5), _clip(agent_phrase, 5)
                be = "are" if shared.tag_ in ("NNS", "NNPS") or shared.tag_ == "CD" and shared.lower_ not in (
                    "1", "one") else "is"
                return _finish([subject, _denied(be, "be", trigger), trigger.token.text.lower(), "by", agent_phrase],
                               participants, location,
                               trigger)
            plural = _plural_subject(trigger) or subject.lower() in word_set("non_third_person")
            if patient is not None and patient.dep_ == "nsubjpass" and _partitive(patient):
                plural = _partitive_plural(patient)  # "A total of 51 drones are shot down"
            be = ("am" if subject.lower() == "i" else "are" if plural else "is") \
                if subject and (trigger.token.dep_ != "acl" or content_subject is not None) else ""  # "I am heartened"
            said = _spaced(complement.subtree) if complement is not None else ""
            particles = [c for c in trigger.token.children if c.dep_ == "prt"]
            particle = " ".join(c.text.lower() for c in particles)
            path = "" if said else _path_phrase(trigger.token, max([trigger.token.i] + [c.i for c in particles]))
            words = [subject, _denied(be, "be", trigger), trigger.token.text.lower(), particle, said, path]  # "They are declared the victor"
        elif passive and agent and (headline_passive(trigger.token) or reduced_clause_passive(trigger.token)
                                    or gerund_joined_passive(trigger.token)):
            # "William Jefferson Convicted on 11 Counts", "he faced 235 years if convicted", "winning ... and honoured"
            words = [agent, _denied("are" if plural_agent else "is", "be", trigger), trigger.token.text.lower()]
        elif passive and _controller_token(trigger) is not None and not any(
                c.dep_ == "agent" for c in trigger.token.children):  # "She is scheduled to be sentenced"
            words = [agent, _denied("are" if plural_agent else "is", "be", trigger), trigger.token.text.lower()]
        elif not agent and not passive and patient is not None \
                and _agentless_patient(trigger, patient, object_only, state):
            be = "are" if _counts_many(patient) else "is"  # "30 people are killed", "Over 200 are injured"
            participle = word_map("agentless_participles")[trigger.lemma]
            return _finish([object_only, _denied(be, "be", trigger), participle, state], participants, location, trigger)
        else:
            particles = [c for c in trigger.token.children if c.dep_ == "prt"]
            particle = " ".join(c.text.lower() for c in particles)
            path = ""
            if not obj:  # "shoots to fame", "fires into the top corner"
                path = _path_phrase(trigger.token, max([trigger.token.i] + [c.i for c in particles]))
            elif patient is not None and patient.dep_ == "dobj" and not obj.endswith("…") and obj.endswith(
                    patient.text + _hyphen_tail(patient)):  # "takes nearly one minute off the record"
                path = _path_phrase(trigger.token, patient.right_edge.i + 2 * _hyphen_tail(patient).count("-"))
            words = [agent, _denied(verb + (" " + particle if particle else ""), trigger.lemma, trigger), obj, path]
    else:
        light = trigger.light
        token = trigger.token
        noun_phrase = _premodified(token)
        noun = _noun_shown(noun_phrase)
        subtree = token.doc[token.left_edge.i:token.right_edge.i + 1].text
        if light is None and participants.agent_text not in subtree:
            agent = ""  # "Estrada condemned the bombings": he is no agent of the bombings
        if agent and (agent.lower() in noun_phrase.lower() or participants.agent_text in noun_phrase):
            agent = ""  # "the Ukraine war", "third-quarter profit": already in the noun phrase
        if agent and light is None and any(t.dep_ == "poss" for t in token.lefts):
            agent += "'s"  # "its war" -> "Russia's war"
        if light is not None and not agent:
            words = [noun, _clip(participants.object_text, 5)]  # "Russia's invasion began": the noun leads
        elif light is not None and light.lemma_.lower() not in word_set("bare_light_verbs"):
            plural = not participants.agent and (participants.agent_plural
                                                 or participants.agent_text.lower() in word_set("non_third_person"))
            if len(participants.agent_pair) == 2 and agent == participants.agent:  # "they held talks": both
                agent, plural = " and ".join(participants.agent_pair), True
            verb = light.lemma_.lower() if plural else third_person(light.lemma_.lower())  # "Stocks make gains"
            told_of_itself = agent.lower().split()[-1:] == [token.lower_]  # "a meeting, which ended": no "meeting" twice
            verb = _denied(verb, light.lemma_.lower(), trigger)  # "The sides do not hold talks"
            words = [agent, verb] if told_of_itself else [agent, verb, noun]
        else:
            words = [agent, noun, _clip(participants.object_text, 5)]
    return _finish(words, participants, location, trigger)


#: A sentence-initial function word copied into the middle of a summary ("KCNA reports The ceremony took place").
_MID_CAPITAL = re.compile(r"(?<=\S)( )(The|This|These|Those|Its|Their|It|They)(?= |'|’)")  # "It's", "They're" too


def _capitalised(text: str) -> str:
    """The text with a capital first letter, unless its first word is a name written with a lower-case start.

    >>> _capitalised("the blaze spreads"), _capitalised("iPod sales rise"), _capitalised("eBay buys Skype")
    ('The blaze spreads', 'iPod sales rise', 'eBay buys Skype')
    """
    if re.match(r"[a-z]+[A-Z]", text):
        return text
    return text[:1].upper() + text[1:]


def _finish(words: list[str], participants: Participants, location: str, trigger: Trigger) -> str:
    """The summary words with the place added, cleaned and capitalised."""
    place = participants.location or location
    if place and place.lower() not in " ".join(words).lower():
        words.append(f"{participants.place_prep or 'in'} {place}")
    text = " ".join(w for w in words if w).strip()
    text = as_written(re.sub(r"\s+", " ", text), trigger.token.doc)  # "Wal - Mart" of a tokenized text: "Wal-Mart"
    text = _MID_CAPITAL.sub(lambda m: m.group(1) + m.group(2).lower(), text)  # "reports The ceremony" -> "the"
    text = re.sub(r"^whose\s+", "", text, flags=re.IGNORECASE)  # "Whose names are disclosed"
    text = re.sub(r"\s*[,;:]+$", "", text)  # a clause cut at its comma: "Google is $6.6 billion", no "billion ,"
    if text.count('"') % 2:  # a quote opened or closed outside the words shown: 'is the "largest so far'
        cut = text.rfind('"')
        text = re.sub(r"\s+", " ", text[:cut] + text[cut + 1:]).strip()
    return _capitalised(text) if text else trigger.token.text
