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
    return head if head != token and head.pos_ in ("VERB", "AUX") else None


def past_tense_hint(doc: Doc) -> Callable[[int, int], str | None]:
    """A tense hint for the temporal tagger: "past" for a time expression whose governing verb is in a past
    tense (simple past, perfect, a past participle clause; not under will/would/a modal, not an infinitive),
    else None. Character offsets are those of the parsed text.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Police arrested him on April 22nd. He will meet them on April 22.")
    >>> hint = past_tense_hint(doc)
    >>> hint(23, 33), hint(60, 68)
    ('past', None)
    """
    def hint(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = governing_verb(span.root)
        return "past" if verb is not None and tense(verb) == "past" else None

    return hint
