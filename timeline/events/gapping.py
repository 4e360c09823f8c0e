"""Gapped market moves: the names of the clauses that share one move verb and write only their own measure.

"Nissan fell by 9.5%, Sony by 9.1% and Toyota by 7.9%", "The Dow fell 2%, the Nasdaq 3%", "the Dow dropped 3.1% to
8,757 and the Nasdaq 1.8% to 1,666": the verb is written once and each later clause keeps only its subject and
its measure. The parser hangs those subjects anywhere (an adverbial, a modifier of the percent, a conjunct of
the level), so they are read off the words: after a comma or "and" of the verb's clause, a name (a run of
proper nouns, "the" before it allowed) followed straight by a number, "by" and a number, or a currency sign. A
later verb ends the clause ("..., while the DAX fell 4.5%" is an event of its own); a date or a time is no name
("rose 3% on Monday, March 3 2008").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

_NOT_NAMES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})
_CLAUSE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_MEASURE_LEADS = frozenset({"by", "down", "up", "off"})


def _measure_at(token: Token) -> bool:
    """Whether a gapped clause's measure starts at this token: a number ("3%", "29 points"), a currency sign
    before one ("$2"), or "by"/"down"/"up"/"off" before either ("by 9.1%", "down 2%")."""
    doc = token.doc
    if token.lower_ in _MEASURE_LEADS and token.i + 1 < len(doc):
        token = doc[token.i + 1]
    if token.tag_ == "$" and token.i + 1 < len(doc):
        token = doc[token.i + 1]
    return token.like_num and token.ent_type_ not in ("DATE", "TIME")


def _name_before_measure(start: Token) -> Span | None:
    """The words of a name that starts at ``start`` ("the" skipped) and is followed straight by a measure;
    None when the words there are no such name. A number inside a listed name is kept when a measure follows it
    ("the S&P 500 1.5%")."""
    doc = start.doc
    i = start.i + 1 if start.lower_ == "the" else start.i
    end = i
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ not in _NOT_NAMES \
            or end > i and end < len(doc) and doc[end].text in ("&", "-") and doc[end - 1].pos_ == "PROPN":
        end += 1
    if end == i or end >= len(doc):
        return None
    if doc[end - 1].text in ("&", "-"):
        return None
    if doc[end].like_num and end + 1 < len(doc) and _measure_at(doc[end + 1]):
        return doc[i:end + 1]  # "the S&P 500 1.5%": the number is the name's
    return doc[i:end] if _measure_at(doc[end]) else None


def _own_verb(name: Span, sent_end: int) -> bool:
    """Whether the clause a name starts writes a verb of its own before the next comma or "and"."""
    for token in name.doc[name.end:sent_end]:
        if token.text == "," or token.lower_ == "and" and token.dep_ == "cc":
            return False
        if token.tag_ in _CLAUSE_VERB_TAGS and token.pos_ in ("VERB", "AUX"):
            return True
    return False


def gapped_subjects(verb: Token) -> list[Span]:
    """The name of each gapped clause after a market-move verb writes without the verb.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Nissan fell by 9.5%, Sony by 9.1%, Toyota by 7.9% and Canon by 5.9%.")
    >>> [t.text for t in gapped_subjects(doc[1])]
    ['Sony', 'Toyota', 'Canon']
    >>> doc = load_nlp()("The Dow fell 2% on Monday, the Nasdaq 3%.")
    >>> [t.text for t in gapped_subjects(doc[2])]
    ['Nasdaq']
    >>> doc = load_nlp()("The Nasdaq fell 5% and the S&P 500 fell 7.5%.")
    >>> gapped_subjects(doc[2])
    []
    >>> doc = load_nlp()("The index fell 2% on Monday, March 3, while the DAX fell 4%.")
    >>> gapped_subjects(doc[2])
    []
    """
    doc = verb.doc
    sent = verb.sent
    names: list[Span] = []
    for token in doc[verb.i + 1:sent.end]:
        if token.tag_ in _CLAUSE_VERB_TAGS and token.pos_ in ("VERB", "AUX"):
            break  # a clause with its own verb is an event of its own
        if token.text != "," and not (token.lower_ == "and" and token.dep_ == "cc"):
            continue
        start_i = token.i + 1
        if start_i < sent.end and doc[start_i].lower_ == "and":
            start_i += 1  # ", and the Nasdaq 3%"
        if start_i >= sent.end:
            break
        name = _name_before_measure(doc[start_i])
        if name is not None and _own_verb(name, sent.end):
            break  # "and the S&P 500 fell 7.5%": the number was the name's, the clause has its own verb
        if name is not None:
            names.append(name)
    return names
