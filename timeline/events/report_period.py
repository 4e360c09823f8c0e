"""The reporting period of a data release: the month or quarter the lede reports goes on to the figures of the report.

A release of statistics or results names its period once, in the lede ("New Zealand's trade deficit widened in July",
"Lowe's announced a profit for third quarter that decreased"); the figures that follow are of that period, not of
the publication day ("Meanwhile, imports advanced 3.1 percent to NZ$5.7 billion", "The company's profit totaled
$0.69 billion"). A figure is a past result verb (rose, fell, totaled, advanced) with an amount or a percentage in
its own phrase and no time of its own, outside relative clauses ("$25.13 billion recorded in the same period last
year" is a baseline). The lede is the text up to the first sentence with a verb ending with a full stop; its period is
the first month or quarter dated by the text on a result event there, no later than publication.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from timeline.events.links import Mention
from timeline.events.timing import CARRIED, GOVERNING, EventTime
from timeline.function_words import word_set

#: Granularities of a reporting period (a day is news, a year is background).
PERIOD_GRANULARITIES = frozenset({"month", "quarter"})
_AMOUNT_ENTS = frozenset({"MONEY", "PERCENT"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "csubj"})
_FIGURE_TAGS = frozenset({"VBD", "VBN"})


def lede_end(doc: Doc) -> int:
    """The end (character offset) of the first sentence with a verb ending with a full stop, or -1.

    >>> from timeline.nlp import load_nlp
    >>> lede_end(load_nlp()("The deficit widened in July. Imports rose."))
    28
    """
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        if words and words[-1].text == "." and any(t.pos_ in ("VERB", "AUX") for t in words):  # ("Lowe's Cos.")
            return sentence.end_char
    return -1


def _phrase(verb: Token) -> list[Token]:
    """The words of the verb's own phrase, its subject included, not its clauses."""
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        current = stack.pop()
        found.append(current)
        stack += [c for c in current.children if c.dep_ not in _CLAUSE_DEPS]
    return found


def _has_amount(verb: Token) -> bool:
    """Whether the verb's own phrase holds an amount or a percentage ("advanced 3.1 percent"), and no word of a
    market move ("shares dropped 5% in after-hours trading").

    >>> from timeline.nlp import load_nlp
    >>> doc = load_nlp()("Imports advanced 3.1 percent. Google shares dropped 5%. Profit rose 5% in early trading.")
    >>> _has_amount(doc[1]), _has_amount(doc[8]), _has_amount(doc[13])
    (True, False, False)
    """
    words = _phrase(verb)
    subjects, sessions = word_set("market_subjects"), word_set("trading_words")
    return any(t.ent_type_ in _AMOUNT_ENTS for t in words) and not any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head == verb and t.lower_ in subjects or t.lower_ in sessions
        for t in words)


def _is_figure(mention: Mention) -> bool:
    """A past result verb with an amount of its own, not in a relative clause ("profit totaled $0.69 billion"),
    nor in the past perfect ("the rate had been 62.6% for the prior three months": before the period)."""
    token = mention.token
    return (mention.trigger.kind == "verb" and mention.trigger.event_type == "result" and not mention.hidden
            and token.tag_ in _FIGURE_TAGS and token.dep_ not in ("relcl", "acl") and _has_amount(token)
            and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD" for c in token.children))


def lede_period(mentions: Sequence[Mention], end: int, dct: dt.date | None) -> EventTime | None:
    """The month or quarter a result event of the lede (the text before ``end``) is dated to by the text, or None."""
    for mention in mentions:
        if mention.sentence.end_char > end:
            break
        time = mention.time
        if mention.trigger.event_type == "result" and time.source == "text" and time.strength >= GOVERNING \
                and time.granularity in PERIOD_GRANULARITIES and not time.modifier and time.start is not None \
                and (dct is None or time.start <= dct):
            return time
    return None


def date_figures(sentence_mentions: Sequence[Mention], period: EventTime) -> set[int]:
    """Date a sentence's figures without a time of their own to the report's period; returns their numbers (a
    figure's period is its own: it does not move the narrative's time on to the next sentences)."""
    found: set[int] = set()
    for mention in sentence_mentions:
        if not (mention.time.dated or mention.time.undatable) and _is_figure(mention):
            mention.time = replace(period, source="inferred", strength=CARRIED)
            found.add(mention.number)
    return found
