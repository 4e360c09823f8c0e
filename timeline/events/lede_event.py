"""The lede's event continued: later undated past mentions of the event the lede dates to a news day take that day.

A lede names its day once ("The Security Council on Monday adopted a resolution ...") and the next sentences go on
telling the same event without a day ("The unanimous vote followed a Russian veto", "the resolution passed",
"The draft received 13 votes"): those are of the lede's day, not of the publication day, even beyond the two
sentences and the paragraph an ordinary narrative carry reaches. A mention continues the lede's event when it is of
its family: the same trigger word, the lede's object as its event ("the resolution"), or as its subject or object
("the resolution passed"), or a definite event noun of the lede's event type ("the vote"). Statements are not
carried (said on the news day), nor background ("an earlier vote", "had vetoed"), nor anything once a sentence
dates an event to another day (the story has moved on).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from timeline.events.links import Mention
from timeline.events.narrative import (
    STATEMENT_TYPES,
    background_event,
    narrative_marker,
    past_perfect,
    reported,
    simple_past,
)
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.timing import EventTime, carried_day, news_day_named
from timeline.function_words import word_set

#: Dependencies of the nouns that name what the lede's event was done to ("adopted a resolution").
_THEME_DEPS = ("dobj", "nsubjpass")
#: Dependencies of the nouns a later event is told of ("the resolution passed", "received 13 votes").
_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")


@dataclass(frozen=True)
class LedeEvent:
    """The lede's dated event: its day, its event type and the words of its family."""

    time: EventTime
    event_type: str
    words: frozenset[str]


def _themes(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in _THEME_DEPS and c.pos_ in ("NOUN", "PROPN")]


def lede_event(mentions: Sequence[Mention], dct: dt.date | None) -> LedeEvent | None:
    """The first event of the headline and lede (``mentions``) that the text dates to a day of the last week
    before publication (not a statement), with its family words: its trigger and its themes; else None."""
    if dct is None:
        return None
    for mention in mentions:
        if mention.hidden or mention.trigger.event_type in STATEMENT_TYPES or not news_day_named(mention.time, dct, publication_day=False):
            continue
        words = {mention.token.lemma_.lower()} | {t.lemma_.lower() for t in _themes(mention.token)}
        if mention.trigger.light is not None:
            words |= {t.lemma_.lower() for t in _themes(mention.trigger.light)}
        return LedeEvent(mention.time, mention.trigger.event_type, frozenset(words))
    return None


def _past(mention: Mention) -> bool:
    """A simple past event: its verb, or the verb a noun is an argument of ("The vote followed",
    "In the vote on the text, 11 members were in favour")."""
    token = mention.token
    if mention.trigger.kind == "verb":
        return simple_past(token) and not (past_perfect(token) and not reported(token))
    head = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    return head != token and head.pos_ in ("VERB", "AUX") and simple_past(head) and not past_perfect(head)


def _arguments(token: Token) -> Iterable[Token]:
    yield from (c for c in token.children if c.dep_ in _ARGUMENT_DEPS)
    if token.dep_ == "relcl" and token.head != token:
        yield token.head  # "the Russian text, which won unanimous support"


def _described(clause: Token) -> list[Token]:
    """The noun a relative clause describes and the nouns it hangs from ("an earlier attack on a facility which
    killed five": facility, attack)."""
    nouns, current = [], clause.head
    for _ in range(4):
        if current.pos_ in ("NOUN", "PROPN"):
            nouns.append(current)
        if current.dep_ not in ("pobj", "prep") or current.head == current:
            break
        current = current.head
    return nouns


def continues(mention: Mention, event: LedeEvent, taxonomy: EventTaxonomy) -> bool:
    """Whether an undated past mention tells the lede's event again: same word, its theme as the event or as an
    argument, or a definite noun of its type ("the vote", "Russia's veto")."""
    token = mention.token
    if mention.trigger.event_type in STATEMENT_TYPES or mention.trigger.lemma in taxonomy.reporting_verbs \
            or background_event(token, taxonomy) or narrative_marker(token, taxonomy):
        return False
    if token.dep_ in ("relcl", "acl") and token.head != token and (
            any(background_event(noun, taxonomy) for noun in _described(token)) or any(c.lower_ in word_set("time_relativizers") for c in token.children)):
        return False  # "an earlier attack on a facility which killed five", "their Week 6 meeting, where ...
        # handed them a loss": a past scene of its own
    if any(t.lower_ in word_set("report_day_words") for t in token.sent):
        return False  # "Confirmation was received today that the spacecraft accepted the commands": the report's day
    if token.lemma_.lower() in event.words or any(a.lemma_.lower() in event.words for a in _arguments(token)):
        return True
    if mention.trigger.kind != "noun" or mention.trigger.event_type != event.event_type:
        return False
    if _definite(token):
        return True
    # "The unanimous vote followed a Russian veto": an event of the type that the event told again came after
    return token.dep_ == "dobj" and any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in event.words or _definite(c) and taxonomy.noun_type(c.lemma_)
                               == event.event_type) for c in token.head.children)


def _definite(noun: Token) -> bool:
    """"the vote", "Russia's veto": an event the reader already knows of."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def date_continued(sentence_mentions: Sequence[Mention], event: LedeEvent, taxonomy: EventTaxonomy) -> set[int]:
    """Date the sentence's undated past mentions that continue the lede's event to its day; returns their numbers."""
    found: set[int] = set()
    day = event.time
    for mention in sentence_mentions:
        if mention.hidden or mention.time.dated or mention.time.undatable or not _past(mention) \
                or not continues(mention, event, taxonomy):
            continue
        mention.time = carried_day(day)
        found.add(mention.number)
    return found


def moved_on(sentence_mentions: Sequence[Mention], event: LedeEvent) -> bool:
    """Whether the sentence dates an event to another time than the lede's day (the story has moved on)."""
    return any(m.time.source == "text" and m.time.dated and (m.time.start, m.time.end) != (event.time.start, event.time.end)
               for m in sentence_mentions)
