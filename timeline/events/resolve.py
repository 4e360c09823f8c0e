"""Give every event group its time: text first, then relations and the narrative, then the DCT.

Runs after duplicates are merged, in article order, so that "during the ceremony" or "Earlier, ..."
use the merged time of the event they point to.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from timeline.events.dedup import is_headline
from timeline.events.links import Link, Mention
from timeline.events.timing import CARRIED, NEWS_DAYS, OWN, PUBLICATION, RELATION, EventTime, after, before, shift
from timeline.function_words import word_set

# A day named in the text carries on to the next simple-past sentences only when it is one of the last
# NEWS_DAYS days before publication (timing.NEWS_DAYS: the news day of the lede); older or vaguer times are
# background, carried only to the next sentence of the paragraph that goes on with a continuation word (a carry
# link whose ``text`` is that word, ``narrative.continued`` in data/event_types.yaml).
_LINK_ORDER = {"shift": 0, "same": 1, "before": 2, "after": 2, "prior": 3, "carry": 3}


def _span_days(time: EventTime) -> int:
    if time.start is None or time.end is None:
        return 1 << 20
    return (time.end - time.start).days


def _news_day(reference: EventTime, publication: EventTime) -> bool:
    """True when a text time is a day of the reported news: a day at most a week before publication."""
    if reference.source != "text" or reference.granularity not in ("day", "time"):
        return False
    if reference.start is None or reference.end is None or publication.start is None:
        return False
    return reference.end <= publication.start and (publication.start - reference.start).days <= NEWS_DAYS


def _from_link(link: Link, reference: EventTime, publication: EventTime, past: bool = False) -> EventTime | None:
    """The time ``link`` gives from its target's time (``past``: the linked event is told in the simple past)."""
    if not reference.dated:
        return None
    if link.relation in ("shift", "after"):
        time = shift(reference, link.duration, link.sign, link.text) if link.relation == "shift" \
            else after(reference, link.text)  # from the reference's first day: "Earlier this year, ... Later, ..."
        # lies within the year, not after the publication day
        if past and time is not None and _after_publication(time, publication):
            return None  # "A decade later she oozed her way ...", told after a sentence dated by default to the
            # news day: an event told in the simple past is not after the publication day
        return time
    if link.relation in ("before", "prior"):
        if past and _after_publication(reference, publication):
            return None  # "In 2010, 45 more are due to be delivered. Earlier, Tim Clarke reacted": a past event is
            # no time before a planned one, it stays the report's
        return before(reference, link.text)
    if reference.source == "dct" or reference.strength <= PUBLICATION:
        return replace(reference, source="dct", strength=PUBLICATION) if link.relation == "same" else None
    if link.relation == "carry" and not _narrative_time(reference, publication) \
            and not (link.text and reference.source == "text" and reference.strength >= OWN):
        return None  # a text period or an old day, the anchor's own, goes on only to a continuing sentence
        # ("Earlier this year, the leader awarded ... The North also built ...")
    if link.relation == "carry":
        if not reference.carries:
            return None  # "searching Thursday after floods swamped towns ... officials said": an after-clause's
            # "before Thursday" is no time the next sentences go on in
        if _after_publication(reference, publication):
            return None  # "He will soon meet the King ... The party lost the elections": no past event after the DCT
        return replace(_whole_day(reference), source="inferred", strength=CARRIED, text=reference.text)
    return replace(reference, source="inferred", strength=RELATION, text=reference.text)


def _stated_publication(reference: EventTime) -> bool:
    """True for the publication day as the text says it with a report-day word ("today"), not as a default or
    a weekday ("said Sunday").

    >>> import datetime as dt
    >>> from timeline.events.timing import publication_time
    >>> _stated_publication(publication_time(dt.date(2013, 3, 18), "today"))
    True
    >>> _stated_publication(publication_time(dt.date(2013, 3, 18), "Monday"))
    False
    """
    return reference.source == "dct" and reference.text.lower() in word_set("report_day_words")


def _narrative_time(reference: EventTime, publication: EventTime) -> bool:
    """True for a time any next simple-past sentence carries on: an inferred one or a news day."""
    return reference.source == "inferred" or _news_day(reference, publication)


def _after_publication(reference: EventTime, publication: EventTime) -> bool:
    """True when a time lies after the publication day (or starts on it and runs on open-ended).

    >>> import datetime as dt
    >>> day = dt.date(2024, 7, 5)
    >>> _after_publication(EventTime("", "2024-07-05", day, None, "day", "AFTER"), EventTime("", "2024-07-05", day, day))
    True
    """
    if publication.start is None or reference.start is None:
        return False
    return reference.start > publication.start or (reference.modifier == "AFTER" and reference.start >= publication.start)


def _whole_day(reference: EventTime) -> EventTime:
    """A clock time carried on to the next events is their day, not their minute ("rose on Tuesday evening ...
    64 people died" died that Tuesday, not that evening).

    >>> import datetime as dt
    >>> day = dt.date(2017, 9, 19)
    >>> t = _whole_day(EventTime("Tuesday evening", "2017-09-19TEV", day, day, "time", "APPROX")); t.value, t.granularity
    ('2017-09-19', 'day')
    >>> t = _whole_day(EventTime("", "2021-10-16T20:30", dt.date(2021, 10, 16), None, "time", "AFTER")); t.value, t.modifier
    ('2021-10-16', 'AFTER')
    """
    day = reference.start or reference.end
    if reference.granularity != "time" or day is None or None not in (reference.start, reference.end) \
            and reference.start != reference.end:
        return reference
    modifier = reference.modifier if reference.modifier in ("BEFORE", "AFTER") else ""  # "after 8.30pm Saturday"
    return replace(reference, value=day.isoformat(), granularity="day", modifier=modifier)


def resolve_times(mentions: Sequence[Mention], groups: Sequence[Sequence[Mention]]) -> list[EventTime]:
    """The time of each group (same order as ``groups``); hidden mentions serve as narrative anchors."""
    group_of: dict[int, int] = {m.number: g for g, group in enumerate(groups) for m in group}
    # units to resolve in article order: groups (by first mention) and hidden mentions
    units: list[tuple[int, list[Mention]]] = [(group[0].number, list(group)) for group in groups]
    units += [(m.number, [m]) for m in mentions if m.hidden]
    units.sort(key=lambda unit: unit[0])
    time_of_mention: dict[int, EventTime] = {}
    place_of = {m.number: m.participants.location for m in mentions}
    opening = frozenset(m.number for m in mentions if opens_with_time(m.sentence.text, m.time.text))
    group_times: dict[int, EventTime] = {}
    continued: set[int] = set()  # mentions whose time a continuing sentence took: it goes on no further
    pending = [members for _, members in units]
    while pending:
        waiting: list[list[Mention]] = []
        pending_numbers = {m.number for members in pending for m in members}
        for members in pending:
            own = {m.number for m in members}
            if not any(m.time.dated for m in members) and any(
                    link.target in pending_numbers and link.target not in own for m in members for link in m.links):
                waiting.append(members)  # a later event it points to is not resolved yet
                continue
            _store(members, _resolve_unit(members, time_of_mention, place_of, continued, opening), time_of_mention, group_of,
                   group_times)
        if len(waiting) == len(pending):  # a cycle: resolve with what is known
            for members in waiting:
                _store(members, _resolve_unit(members, time_of_mention, place_of, continued, opening), time_of_mention,
                       group_of, group_times)
            break
        pending = waiting
    return [group_times.get(g, EventTime()) for g in range(len(groups))]


def _store(members: Sequence[Mention], time: EventTime, time_of_mention: dict[int, EventTime],
           group_of: dict[int, int], group_times: dict[int, EventTime]) -> None:
    for member in members:
        time_of_mention[member.number] = time
    if members[0].number in group_of:
        group_times[group_of[members[0].number]] = time


def opens_with_time(sentence: str, time_text: str) -> bool:
    """True when a time and a comma open the sentence, after one word at most ("In 2025, several countries
    saw ..."): a period that sets a new scene, after which older days of the narrative no longer carry.

    >>> opens_with_time("In 2025, several countries saw turmoil.", "2025")
    True
    >>> opens_with_time("Lach, who retired in 1971, was 97.", "1971")
    False
    """
    if not time_text:
        return False
    head, found, rest = sentence.lstrip().partition(time_text)
    return bool(found) and len(head.split()) <= 1 and rest.startswith(",")


def _older_day_told(link: Link, reference: EventTime, publication: EventTime) -> bool:
    """True when a nearer anchor the event would carry from has a past time of its own words that is no time of the
    news ("Calhoun resigned on March 25. He announced plans ..." after "Gelsinger resigned on Dec. 1"): the story has
    moved to that older day, so an anchor further back no longer gives the event its day (a named period, "this
    week", "in 1952", may be background and does not stop the carry)."""
    return link.relation == "carry" and reference.dated and reference.source == "text" \
        and reference.strength >= OWN and reference.carries and reference.granularity in ("day", "time") \
        and not _after_publication(reference, publication) and not _narrative_time(reference, publication)


def _scene_changes(mention: Mention, target: int, place_of: dict[int, str]) -> bool:
    """True when the event happens somewhere else than the event it would carry the time from."""
    here, there = mention.participants.location, place_of.get(target, "")
    return bool(here and there and here != there)


def _resolve_unit(members: Sequence[Mention], known: dict[int, EventTime], place_of: dict[int, str],
                  continued: set[int], opening: frozenset[int] = frozenset()) -> EventTime:
    """The unit's time; adds its mentions to ``continued`` when a continuation word carried a text time to it."""
    own = [m.time for m in members if m.time.dated]
    if own:  # the strongest evidence, and of equal evidence the most specific date ("Sunday" over "last week")
        return max(own, key=lambda t: (t.strength, -_span_days(t)))
    stated = next((m.time for m in members if m.time.undatable), None)
    if stated is not None:  # its own words give a date of no known day: neither the narrative's nor the DCT's
        return stated
    links = sorted(((link, m) for m in members for link in m.links), key=lambda lm: _LINK_ORDER[lm[0].relation])
    period_named = False  # a nearer sentence opened with a period longer than a day ("In 2025, several countries
    for link, mention in links:  # saw ..."): older anchors' days are no longer the narrative's time
        if link.target == mention.number or link.target not in known or period_named and link.relation == "carry":
            continue
        if link.relation == "carry" and (_scene_changes(mention, link.target, place_of)
                                         or link.target in continued and not link.text):
            continue  # (a period one sentence went on in is not the narrative's time for the next ones)
        if link.relation == "carry" and _stated_publication(known[link.target]) and mention.fallback.dated:
            return mention.fallback  # "Volume today was low. The Topix lost 2.2 percent": back on the report day,
            # an older day of the narrative ("reached its high on March 15") no longer carries
        time = _from_link(link, known[link.target], mention.fallback, mention.trigger.token.tag_ == "VBD")
        if time is not None and time.dated:
            if link.relation == "carry" and (link.target in continued or link.text and not _narrative_time(
                    known[link.target], mention.fallback)):
                continued.update(m.number for m in members)
            return time
        reference = known[link.target]
        period_named = period_named or link.relation == "carry" and link.target in opening \
            and reference.source == "text" and reference.strength >= OWN \
            and reference.granularity not in ("day", "time") and not _after_publication(reference, mention.fallback)
        period_named = period_named or _older_day_told(link, reference, mention.fallback)
    first = members[0]
    # "about its deployment ... troops deployed": an event first named as known before is no news of the
    # publication day; a headline's noun ("... Declaration on End of Outbreak" / "officially declares an end") is
    # the news itself, so a verb reporting it keeps its day
    if first.trigger.kind == "verb" or first.fallback.dated:
        for member in members:
            if member.fallback.dated:
                return member.fallback
    elif is_headline(first):
        for member in members:
            if member.fallback.dated and member.trigger.kind == "verb":
                return member.fallback
    return next((m.time for m in members if m.time.text), EventTime())
