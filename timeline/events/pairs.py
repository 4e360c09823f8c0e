"""Pairs of actors a text names together ("Trump and Putin", "US President Donald Trump and Russian leader
Vladimir Putin") and the words that refer back to such a pair ("they", "the two men", "both leaders", "the pair").
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from timeline.actors.actor import Actor
from timeline.function_words import word_map, word_set

#: Entity labels of the names a pair is made of.
PAIR_LABELS = frozenset({"PERSON", "ORG", "GPE"})
#: Actor type -> the kind of pair it makes (other types make none).
PAIR_KINDS = {"person": "person", "country": "country", "company": "company", "organisation": "company",
              "media": "company"}
#: Parts of speech of the words a title or description between two names may have ("and Russian leader").
TITLE_POS = frozenset({"ADJ", "NOUN", "PROPN", "DET"})


@dataclass(frozen=True)
class Pair:
    """Two actors of one kind named together: ``names``, ``kind``, first and last token (end exclusive)."""

    names: tuple[str, str]
    kind: str
    start: int
    end: int
    subject: bool = True  # the names are (in) a subject ("Trump and Putin met", "the summit between X and Y began")


def find_pairs(doc: Doc, resolve: Callable[[Span], Actor | None]) -> list[Pair]:
    """Every "X and Y" of two names of actors of one kind (person, country, company), titles allowed before
    each name ("US President Donald Trump and Russian leader Vladimir Putin", even when the parse misses the
    coordination); never two names out of a list of three or more ("Ford, GM and Chrysler")."""
    pairs: list[Pair] = []
    for sentence in doc.sents:
        names = [e for e in sentence.ents if e.label_ in PAIR_LABELS]
        for k in range(len(names) - 1):
            first, second = names[k], names[k + 1]
            if not _joined_by_and(doc, first.end, second.start) \
                    or any(t.tag_ == "POS" or t.dep_ == "poss"
                           for t in [*first, *second, *doc[first.end:first.end + 1], *doc[second.end:second.end + 1]]):
                continue  # "a meeting between Reno and Gonzalez's family": a name and someone's relatives
            if k > 0 and _listed(doc, names[k - 1].end, first.start) \
                    or k + 2 < len(names) and _listed(doc, second.end, names[k + 2].start):
                continue  # "Ford, GM and Chrysler", "Ford and GM, Chrysler ..."
            if first.start >= 2 and doc[first.start - 1].text == "," and doc[first.start - 2].pos_ == "PROPN" \
                    and doc[first.start - 2].ent_type_ not in ("GPE", "LOC", "DATE", "FAC"):
                continue  # a list whose first name the tagger missed ("Jon Ruiz, Omar Bell and Karl Diaz"); not
                # "In Alaska, Trump and Putin met"
            a, b = resolve(first), resolve(second)
            if a is None or b is None or a.name == b.name:
                continue
            kind = PAIR_KINDS.get(a.type)
            if kind is None or kind != PAIR_KINDS.get(b.type):
                continue
            pairs.append(Pair((a.name, b.name), kind, first.start, second.end, in_subject(second.root)))
    return pairs


def in_subject(token: Token) -> bool:
    """True when ``token`` is a subject or inside one ("the summit between Trump and Putin began"), not in an
    object ("thanked Turkey for hosting talks between Russia and Ukraine")."""
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in [token, *token.ancestors])


def _joined_by_and(doc: Doc, start: int, end: int) -> bool:
    """True when the words from ``start`` to ``end`` are one "and" and title words ("and Russian leader")."""
    words = doc[start:end]
    return sum(1 for t in words if t.lower_ == "and") == 1 and words[0].lower_ == "and" \
        and all(t.lower_ == "and" or t.pos_ in TITLE_POS and t.ent_type_ not in ("PERSON", "ORG", "GPE")
                for t in words)


def _listed(doc: Doc, start: int, end: int) -> bool:
    """True when the words from ``start`` to ``end`` join two names of a list (a comma, maybe with title words)."""
    words = doc[start:end]
    return len(words) > 0 and words[0].text == "," and all(t.text == "," or t.lower_ == "and" or t.pos_ in TITLE_POS
                                                           for t in words)


def pair_reference(token: Token) -> str | None:
    """The kind of pair (person, country, company, any) a description refers back to, or None: "the two men",
    "both leaders", "the two countries", "the pair", a bare "the two" or "both" as subject or object.

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("The two men met, and the pair talked. Two men died.")
    >>> pair_reference(doc[2]), pair_reference(doc[7]), pair_reference(doc[11])
    ('person', 'any', None)
    """
    numbers = word_set("pair_numbers")
    children = list(token.children)
    definite = any(c.lower_ == "the" and c.dep_ == "det" for c in children)
    if token.lower_ in numbers and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") \
            and (definite or token.lower_ == "both"):
        return "any"  # "the next time the two sit down", "both said"
    lemma = token.lemma_.lower()
    kind = word_map("pair_nouns").get(lemma)
    if kind is None or token.pos_ != "NOUN":
        return None
    if lemma in word_set("pair_nouns_alone"):
        return kind if definite else None
    counted = any(c.lower_ in numbers and c.dep_ in ("nummod", "det", "predet", "preconj") for c in children)
    both = any(c.lower_ == "both" for c in children)
    return kind if token.tag_ == "NNS" and counted and (definite or both) else None


def fits(pair: Pair, kind: str) -> bool:
    """True when ``pair`` is of the kind a reference asks for ("any" takes every pair)."""
    return kind == "any" or pair.kind == kind
