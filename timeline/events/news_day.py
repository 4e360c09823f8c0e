"""The news day of a market recap: the day its lede reports a market move goes on to the later undated moves.

A recap names its day once ("Asian stock markets tumbled Tuesday", "On Monday, leading markets closed down") and
then reports the other markets without a day ("Hong Kong's Hang Seng sank 376.58", "The UK's FTSE 100 dropped 1.6
percent"): those moves are of the news day, not of an older day the narrative named in between ("Most Asian
exchanges advanced strongly Monday", "hit 14,000 on Friday", "during Monday's session"), nor of the publication
day. The news day is the first day (at most ``NEWS_DAYS`` before publication) dated by the text on a result event of
the lede or the sentence after it. A later undated measured move of a market (a number with a unit, a direction or
a market named in ``data/actors/markets.yaml``) in a sentence with no date of its own takes it, unless its sentence
goes on from a sentence before in the same paragraph that is not such a move ("U.S. investors hammered stocks. The
Dow plummeted": the same older day), or the text has already named a later day than the news day.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from timeline.events.links import Mention
from timeline.events.measures import is_measured_move, moved_market
from timeline.events.narrative import simple_past
from timeline.events.taxonomy import EventTaxonomy
from timeline.events.timing import EventTime, carried_day, news_day_named


def news_day(mentions: Sequence[Mention], dct: dt.date | None) -> EventTime | None:
    """The day of the first result event of ``mentions`` (those of the lede and the sentence after it) that the
    text dates to one day of the last week, or None."""
    if dct is None:
        return None
    return next((m.time for m in mentions if m.trigger.event_type == "result" and not m.hidden
                 and news_day_named(m.time, dct, publication_day=True)), None)


def later_day_named(mentions: Sequence[Mention], day: EventTime) -> bool:
    """Whether a mention's own text date is a day after the news day (the story has moved on)."""
    return any(m.time.source == "text" and m.time.start is not None and day.start is not None
               and m.time.start > day.start for m in mentions)


def undated_market_move(mention: Mention, taxonomy: EventTaxonomy) -> bool:
    """An undated simple-past result verb that moves a market by a measure or a direction ("sank 376.58")."""
    token = mention.token
    return (mention.trigger.kind == "verb" and mention.trigger.event_type == "result" and not mention.hidden
            and not (mention.time.dated or mention.time.undatable) and token.dep_ not in ("relcl", "acl")
            and simple_past(token) and (is_measured_move(token, taxonomy) or moved_market(token)))


def date_market_moves(sentence_mentions: Sequence[Mention], day: EventTime, taxonomy: EventTaxonomy) -> set[int]:
    """Date the undated market moves of a sentence with no date of its own to the news day; returns their numbers.
    (The caller checks that the sentence does not go on from a sentence before that is no such move.)"""
    if any(m.time.dated for m in sentence_mentions):
        return set()
    found: set[int] = set()
    for mention in sentence_mentions:
        if undated_market_move(mention, taxonomy):
            mention.time = carried_day(day)
            found.add(mention.number)
    return found


def later_conjoined_day(sentence_mentions: Sequence[Mention], anchor: Mention) -> int:
    """The mention the narrative goes on from when a sentence names two days: the last-written verb of the
    anchor's coordination whose own text day is later than the anchor's ("The Dow hit 14,000 on Friday, but ...
    it opened down on Monday": Monday goes on to the next sentences), else the anchor."""
    chosen = anchor
    for mention in sentence_mentions:
        time, current = mention.time, mention.token
        if mention.trigger.kind != "verb" or mention.hidden or time.source != "text" or time.start is None \
                or mention.token.i <= chosen.token.i or chosen.time.start is None or chosen.time.source != "text" \
                or time.start <= chosen.time.start or time.granularity not in ("day", "time"):
            continue
        for _ in range(6):  # up the coordination to the anchor
            if current == anchor.token or current.dep_ != "conj" or current.head == current:
                break
            current = current.head
        if current == anchor.token:
            chosen = mention
    return chosen.number
