"""Event times: the ``EventTime`` record, the strength of each kind of evidence and the record's operations
(from a timex, a range or the publication day; shifted by a duration, before or after another time).
The time expression that governs a word is found in ``timeline.events.governing_time``.

Order of evidence (strongest first), each with its ``date_source``:

1. ``text``  the trigger's own temporal modifier ("left in early August", "Saturday's report");
2. ``text``  the modifier of the clause or verb the trigger depends on ("welcoming the return" inside
   "took place on Friday");
3. ``inferred`` a relation to another event or a duration ("120 days since the dispatch", "during the
   ceremony", "Earlier, ..." = before the previous event);
4. ``inferred`` the previous event's time where the narrative continues (simple past, next sentences, in
   the same place): an inferred time, or a day of the news named in the text (the lede's "on Tuesday");
5. ``dct``   the publication date, for reported past or present events without a time;
6. ``none``.

Open bounds (one rule for every row known only by a bound): the ``date_end`` of a BEFORE row is the last day
the event could have happened, the ``date_start`` of an AFTER row the first. Before or after a date the
preposition names itself, the date's period is excluded ("before 2019" ends 2018-12-31, "after 1948" starts
1949-01-01; a clock time keeps its day: "before 9 a.m. Tuesday" may be that Tuesday), except with the inclusive
prepositions ("until 1974" ends 1974-12-31, "by Dec. 10" on Dec. 10, "since 2004" starts 2004-01-01). Before
or after another event (a date inside its phrase, "after the 1987 crash"; "Earlier, ..."), the reference's own
day is unknown within its period and the same day can hold both: the bound is the reference's last possible
day (BEFORE) or first possible day (AFTER).

A text time that is the publication day itself ("reported Saturday" when Saturday is the DCT) is
reported as ``dct``.  Only the temporal tagger's timexes are used; durations and sets are not dates.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from timeline.function_words import word_map, word_set
from timeline.temporal.timex import Timex

#: Strength of each kind of evidence (used to choose between mentions and in the confidence).
OWN, GOVERNING, RELATION, CARRIED, PUBLICATION, NOTHING = 5, 4, 3, 2, 1, 0
#: How many days before publication a day the text names may lie to be a day of the reported news (the lede's).
NEWS_DAYS = 7
CALENDAR_TYPES = ("DATE", "TIME")
_MOD_MAP = {"ON_OR_BEFORE": "BEFORE", "ON_OR_AFTER": "AFTER", "LESS_THAN": "APPROX", "MORE_THAN": "APPROX",
            "EQUAL_OR_LESS": "APPROX", "EQUAL_OR_MORE": "APPROX", "MID": "MID", "START": "START", "END": "END",
            "APPROX": "APPROX", "BEFORE": "BEFORE", "AFTER": "AFTER"}
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")


@dataclass(frozen=True)
class EventTime:
    """The normalized time given to one event and where it came from."""

    text: str = ""
    value: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str = "unknown"
    modifier: str = ""
    source: str = "none"
    strength: int = NOTHING
    undatable: bool = False  # the text names a date of no representable day ("February 30", "500 BC")
    carries: bool = True  # False for a time no next sentence goes on in (an after-clause's "before Thursday")

    @property
    def dated(self) -> bool:
        """True when the event has a calendar value."""
        return bool(self.value)


def publication_time(dct: dt.date | None, text: str = "") -> EventTime:
    """The publication day as an event time (``dct`` source), or no time when there is no DCT.

    >>> publication_time(dt.date(2025, 12, 13)).value
    '2025-12-13'
    >>> publication_time(None).dated
    False
    """
    if dct is None:
        return EventTime()
    return EventTime(text, dct.isoformat(), dct, dct, "day", "", "dct", PUBLICATION)


def from_timex(timex: Timex, dct: dt.date | None, strength: int, prep_modifier: str = "",
               exclusive: bool = False) -> EventTime | None:
    """An event time from a calendar timex (None for durations, sets and unresolved values); ``prep_modifier``
    opens one side, and an ``exclusive`` preposition ("before 2019", not "until 2019") leaves the date out.

    >>> t = Timex("early August", 0, 12, "DATE", "2025-08", "START", "month", dt.date(2025, 8, 1), dt.date(2025, 8, 10))
    >>> from_timex(t, None, OWN).modifier
    'START'
    >>> y = Timex("2019", 7, 11, "DATE", "2019", "", "year", dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    >>> from_timex(y, None, OWN, "BEFORE", exclusive=True).end, from_timex(y, None, OWN, "BEFORE").end
    (datetime.date(2018, 12, 31), datetime.date(2019, 12, 31))
    >>> from_timex(y, None, OWN, "AFTER", exclusive=True).start, from_timex(y, None, OWN, "AFTER").start
    (datetime.date(2020, 1, 1), datetime.date(2019, 1, 1))
    """
    if timex.type not in CALENDAR_TYPES or not timex.is_calendar or not _calendar_value(timex):
        return None
    modifier = _MOD_MAP.get(timex.mod, "") or prep_modifier
    start, end = timex.date_start, timex.date_end
    if prep_modifier and not timex.mod and start is not None and end is not None:
        whole_days = exclusive and timex.granularity != "time"  # "before 9 a.m. Tuesday" may be that Tuesday
        first, last = start, end
        try:
            if prep_modifier == "BEFORE":
                start, end = None, first - dt.timedelta(days=1) if whole_days else last
            elif prep_modifier == "AFTER":
                start, end = last + dt.timedelta(days=1) if whole_days else first, None
        except OverflowError:
            return None
    on_dct_day = dct is not None and timex.granularity == "day" and timex.date_start == dct == timex.date_end
    spelled_out = any(ch.isdigit() for ch in timex.text)  # "September 9" is the text's own date, "Saturday" is not
    source = "dct" if on_dct_day and not spelled_out else "text"
    return EventTime(timex.text, timex.value, start, end, timex.granularity, modifier, source, strength)


def _calendar_value(timex: Timex) -> bool:
    """A value of a year or finer, or a decade or century the text spells out ("in the 1950s", "the 19th
    century"; not "a century ago", whose TIMEX3 value is the whole century the point falls in).

    >>> decade = Timex("the 1950s", 0, 9, "DATE", "195", "", "decade", dt.date(1950, 1, 1), dt.date(1959, 12, 31))
    >>> ago = Timex("a century ago", 0, 13, "DATE", "19", "", "century", dt.date(1900, 1, 1), dt.date(1999, 12, 31), True)
    >>> _calendar_value(decade), _calendar_value(ago)
    (True, False)
    """
    if re.match(r"^\d{4}", timex.value):
        return True
    return timex.granularity in ("decade", "century") and not timex.relative and bool(re.match(r"^\d{2,3}$", timex.value))


def from_range(first: Timex, last: Timex, text: str, strength: int) -> EventTime | None:
    """An event time spanning an interval expression ("from Dec. 29 to Jan. 4"); value ``first/last``.

    >>> a = Timex("2019", 5, 9, "DATE", "2019", "", "year", dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    >>> b = Timex("2021", 13, 17, "DATE", "2021", "", "year", dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    >>> t = from_range(a, b, "from 2019 to 2021", OWN); t.value, t.start, t.end
    ('2019/2021', datetime.date(2019, 1, 1), datetime.date(2021, 12, 31))
    """
    if not (first.is_calendar and last.is_calendar) or first.date_start is None or last.date_end is None:
        return None
    if first.date_start > last.date_end:
        return None
    return EventTime(text, f"{first.value}/{last.value}", first.date_start, last.date_end, first.granularity, "",
                     "text", strength)


def duration_days(value: str) -> tuple[int, str] | None:
    """A TIMEX3 duration as (count, unit D/W/M/Y), or None.

    >>> duration_days("P120D")
    (120, 'D')
    >>> duration_days("PXY") is None
    True
    """
    match = _DURATION.match(value or "")
    if not match:
        return None
    return int(float(match.group(1))), match.group(2)


def _duration_hours(value: str) -> float | None:
    """A time-of-day duration (``PT1H``, ``PT30M``) in hours, else None.

    >>> _duration_hours("PT1H"), _duration_hours("P1D")
    (1.0, None)
    """
    match = re.match(r"^PT(\d+(?:\.\d+)?)([HMS])$", value or "")
    if not match:
        return None
    return float(match.group(1)) / {"H": 1, "M": 60, "S": 3600}[match.group(2)]


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def shift(reference: EventTime, duration: str, sign: int, text: str = "") -> EventTime | None:
    """A time ``duration`` before (sign -1) or after (+1) a reference time, as an ``inferred`` time.

    >>> ref = EventTime("Friday", "2025-12-12", dt.date(2025, 12, 12), dt.date(2025, 12, 12), "day")
    >>> shift(ref, "P120D", -1).value
    '2025-08-14'
    >>> shift(ref, "PT30M", -1).value  # "30 minutes ahead of": less than a day keeps the day
    '2025-12-12'
    """
    hours = _duration_hours(duration)
    if hours is not None and reference.start is not None and reference.granularity in ("time", "day"):
        # whole days only, counted towards zero: "an hour after" / "30 minutes ahead of" is the same day
        day = reference.start + dt.timedelta(days=sign * int(hours // 24))
        return EventTime(text, day.isoformat(), day, day, "day", "", "inferred", RELATION)
    parsed = duration_days(duration)
    if parsed is None or reference.start is None:
        return None
    count, unit = parsed
    try:
        if unit in ("D", "W"):
            days = count * (7 if unit == "W" else 1)
            day = reference.start + dt.timedelta(days=sign * days)
            if reference.granularity not in ("day", "time"):
                return None
            return EventTime(text, day.isoformat(), day, day, "day", "", "inferred", RELATION)
        months = count * (12 if unit == "Y" else 1)
        day = _add_months(reference.start, sign * months)
    except (OverflowError, ValueError):
        return None
    if unit == "Y" and reference.granularity in ("year", "month", "day"):
        value = f"{day.year:04d}"
        start, end = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
        return EventTime(text, value, start, end, "year", "", "inferred", RELATION)
    if reference.granularity in ("month", "day"):
        last = calendar.monthrange(day.year, day.month)[1]
        return EventTime(text, f"{day.year:04d}-{day.month:02d}", day.replace(day=1), day.replace(day=last), "month",
                         "", "inferred", RELATION)
    return None


def before(reference: EventTime, text: str = "") -> EventTime | None:
    """A time before a reference event ("Earlier, ..."): its value with modifier BEFORE, open start, ending on
    the reference's last possible day (the reference may lie anywhere in its period, and one day can hold both).

    >>> ref = EventTime("", "2025-08", dt.date(2025, 8, 1), dt.date(2025, 8, 10), "month", "START")
    >>> t = before(ref); t.modifier, t.end
    ('BEFORE', datetime.date(2025, 8, 10))
    """
    if not reference.dated:
        return None
    return EventTime(text, reference.value, None, reference.end or reference.start, reference.granularity, "BEFORE",
                     "inferred", RELATION)


def after(reference: EventTime, text: str = "") -> EventTime | None:
    """A time after a reference event ("Later, ..."): its value with modifier AFTER, open end, starting on the
    reference's first possible day.

    >>> ref = EventTime("", "1976", dt.date(1976, 1, 1), dt.date(1976, 12, 31), "year")
    >>> after(ref).start
    datetime.date(1976, 1, 1)
    """
    if not reference.dated:
        return None
    return EventTime(text, reference.value, reference.start or reference.end, None, reference.granularity, "AFTER",
                     "inferred", RELATION)


def up_to_publication(time: EventTime, dct: dt.date | None, *, opened: bool = True) -> EventTime:
    """A change counted from a time ("have fallen 25 per cent since January") ran from the start of that time
    to publication: the end becomes the DCT (``opened``: the modifier becomes AFTER, "since January"; not
    ``opened``: a period up to now keeps its own, "so far this year"). Unchanged without a DCT, or when the time
    starts after publication. The span carries to no next sentence.

    >>> jan = EventTime("January", "2006-01", dt.date(2006, 1, 1), None, "month", "AFTER", "text", OWN)
    >>> t = up_to_publication(jan, dt.date(2006, 8, 15)); t.value, t.start, t.end, t.modifier
    ('2006-01', datetime.date(2006, 1, 1), datetime.date(2006, 8, 15), 'AFTER')
    >>> up_to_publication(jan, dt.date(2005, 8, 15)).end is None
    True
    """
    if dct is None or time.start is None or time.start > dct or time.modifier == "BEFORE":
        return time
    return replace(time, end=dct, modifier="AFTER" if opened else time.modifier, carries=False)  # a span to now is
    # no time the next sentences' narrative goes on in ("reeling since Friday's announcement. ... the agency reported")


def prep_modifier(prep: str, granularity: str = "") -> str:
    """The TIMEX3 modifier a preposition puts on a date ("before June" -> BEFORE, "rallied from Nov. 14" ->
    AFTER: a day a change is counted from).

    >>> prep_modifier("since"), prep_modifier("in"), prep_modifier("from", "day"), prep_modifier("from", "month")
    ('AFTER', '', 'AFTER', '')
    """
    if granularity == "day" and prep.lower() in word_set("day_start_preps"):
        return "AFTER"
    return word_map("prep_modifiers").get(prep.lower(), "")


def news_day_named(time: EventTime, dct: dt.date, *, publication_day: bool) -> bool:
    """Whether a mention's time is one day the text names (also the publication day, written as a weekday or
    "today", when ``publication_day``), at most ``NEWS_DAYS`` before publication: a news day a lede can give.

    >>> friday = dt.date(2025, 12, 12)
    >>> day = EventTime("Friday", "2025-12-12", friday, friday, "day", source="text", strength=OWN)
    >>> news_day_named(day, dt.date(2025, 12, 13), publication_day=False)
    True
    >>> news_day_named(day, dt.date(2025, 12, 12), publication_day=False)
    False
    """
    sources = ("text", "dct") if publication_day else ("text",)
    return (time.dated and time.source in sources and bool(time.text) and not time.modifier
            and time.granularity in ("day", "time") and time.start is not None and time.start == time.end
            and (time.start <= dct if publication_day else time.start < dct)
            and (dct - time.start).days <= NEWS_DAYS)


def carried_day(day: EventTime) -> EventTime:
    """A news day carried to a later mention: the whole day (a clock time reduced to its date), inferred."""
    return replace(day, source="inferred", strength=CARRIED, granularity="day", modifier="",
                   value=day.start.isoformat() if day.start is not None else day.value)
