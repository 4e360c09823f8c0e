"""Victims and captives: a noun phrase something is done to ("killed two Israeli soldiers", "Israelis were taken
hostage", "the deaths of three Ukrainian civilians"). Named by nationality they are no actor of their state.
"""
from __future__ import annotations

from spacy.tokens import Token

from timeline.actors.lexicon import NounLexicon

#: Predicates "take"/"hold" need a captive noun to make their object a captive ("taken hostage").
_CAPTIVE_VERBS = frozenset({"take", "hold", "keep"})


def is_victim(token: Token) -> bool:
    """True when the noun heads a victim's or captive's phrase: object or passive subject of a ``victim_words``
    verb (or its reduced passive after the noun), subject of a ``victim_subject_verbs`` verb, "of" object of a
    victim noun; a conjunct as its first.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Gunmen killed two Israeli soldiers. Israeli forces struck Gaza.")
    >>> is_victim(doc[4]), is_victim(doc[0]), is_victim(doc[7])
    (True, False, False)
    """
    lex = NounLexicon.load()
    while token.dep_ == "conj" and token.head != token and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.victim_words for c in token.rights):
        return True  # a headline's reduced passive: "Four Pakistani soldiers killed in clash"
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ in ("dobj", "nsubjpass"):
        if lemma in lex.victim_words and head.pos_ in ("VERB", "AUX"):
            return True
        return lemma in _CAPTIVE_VERBS and any(c.lower_ in lex.captive_nouns for c in head.children)
    if token.dep_ == "nsubj":
        return lemma in lex.victim_subject_verbs
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head.lemma_.lower() in lex.victim_words
    return False
