"""Measures in force for a while ("red warnings", "a curfew", "a state of emergency": ``lasting_measure_nouns`` in
data/function_words.yaml): an "until" date on one is how long it lasts, and the place after "for" is the area it
covers, not a participant."""
from __future__ import annotations

from spacy.tokens import Token

from timeline.function_words import word_set


def is_measure_word(token: Token) -> bool:
    """True for a noun of ``lasting_measure_nouns`` itself, by lemma or as written ("warnings", "curfew")."""
    words = word_set("lasting_measure_nouns")
    return token.lemma_.lower() in words or token.lower_ in words


def names_lasting_measure(noun: Token) -> bool:
    """True for a measure noun or a noun whose "of" phrase names one ("a state of emergency").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("They declared a state of emergency and issued a report.")
    >>> names_lasting_measure(doc[3]), names_lasting_measure(doc[9])
    (True, False)
    """
    return is_measure_word(noun) or any(is_measure_word(p) for c in noun.children if c.dep_ == "prep"
                                        and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
