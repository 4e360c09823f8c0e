"""The cause of a trailing casualty participle whose parse hangs it on a sentence's reporting or rescuing verb
("Rescue teams searched for survivors after an earthquake struck Cebu, killing at least 72 people": the
earthquake kills, not the teams)."""
from __future__ import annotations

from spacy.tokens import Token

from timeline.events.taxonomy import EventTaxonomy
from timeline.function_words import word_set

_CAUSE_TYPES = frozenset({"disaster", "attack"})


def _toll_participle(verb: Token) -> bool:
    """A casualty participle after a comma (", killing 72", ", leaving 3 dead"); "leave" and "claim" only with a casualty
    state in its phrase ("leaving 3 dead", "claiming 40 lives")."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < 1 or verb.head.i > verb.i:
        return False
    if doc[verb.i - 1].text != "," and not (verb.i > 1 and doc[verb.i - 2].text == "," and doc[verb.i - 1].pos_ == "ADV"):
        return False
    lemma = verb.lemma_.lower()
    if lemma not in word_set("casualty_participles"):
        return False
    return lemma not in word_set("casualty_state_participles") or any(t.lower_ in word_set("casualty_states") for t in verb.subtree)


def _names_cause(token: Token, head_objects: frozenset[int]) -> bool:
    """A disaster or attack noun ("earthquake", "blast", "fire", "bomb") not among ``head_objects`` (an armed
    subject's own act: "Police opened fire"; a rescuer's object may be the cause: "Firefighters fought a blaze")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.i in head_objects:
        return False
    taxonomy, lemma = EventTaxonomy.load(), token.lemma_.lower()
    return taxonomy.noun_type(lemma) in _CAUSE_TYPES or taxonomy.verb_type(lemma) in _CAUSE_TYPES


def _clause_cause(token: Token) -> Token | None:
    """The subject of a disaster or attack verb ("the volcano that erupted", "a train derailed"), or None."""
    if token.pos_ != "VERB" or EventTaxonomy.load().verb_type(token.lemma_.lower()) not in _CAUSE_TYPES:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in word_set("relative_pronouns") and token.dep_ == "relcl":
        subject = token.head
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def casualty_cause(verb: Token, above: list[Token]) -> list[Token] | None:
    """The agent of a trailing casualty participle when the subjects ``above`` of the verb it hangs on only
    report, search or respond (``aftermath_subjects``): the nearest disaster or attack noun, or subject of a
    disaster or attack verb ("the train that derailed"), between them and the participle, else no agent (``[]``; for ``armed_aftermath_subjects`` the subjects stay). None when the rule
    does not apply ("Gunmen attacked the village, killing 12": the gunmen kill).

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Rescue teams searched for survivors after an earthquake struck the city, killing 72 people.")
    >>> [t.text for t in casualty_cause(doc[12], [doc[1]])]
    ['earthquake']
    >>> doc = load_nlp()("Gunmen attacked the village, killing 12.")
    >>> casualty_cause(doc[5], [doc[0]]) is None
    True
    """
    if not above or not _toll_participle(verb):
        return None
    lemmas = {s.lemma_.lower() for s in above} | {s.lower_ for s in above}
    pure = word_set("aftermath_subjects")
    armed = word_set("armed_aftermath_subjects")
    if not all(({s.lemma_.lower(), s.lower_} & (pure | armed)) for s in above):
        return None
    head = verb.head
    objects = frozenset(c.i for c in head.children if c.dep_ in ("dobj", "attr")) if lemmas & armed else frozenset()
    start = max(s.right_edge.i for s in above) + 1
    cause = next((t if _names_cause(t, objects) else _clause_cause(t) for t in reversed(verb.doc[start:verb.i])
                  if _names_cause(t, objects) or _clause_cause(t) is not None), None)
    if cause is not None:
        return [cause]
    return [] if not lemmas & armed else None
