"""Resolvers for calendar expressions: dates, weekdays, day words, clock times, quarters, seasons, decades."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from timeline.function_words import word_set
from timeline.temporal import calendar as cal
from timeline.temporal.cues import cue_at
from timeline.temporal.feasts import feast_date
from timeline.temporal.match import (
    REPEAT_LOOKBACK,
    SENTENCE_BREAK,
    UNDATABLE,
    Match,
    Resolution,
    alternation,
    apposed_day,
    background_words,
    dated_weekday,
    day_of,
    direction_of,
    end_bound,
    fallen_on_day,
    full_weekday_names,
    habitual,
    infer_year,
    listed_day,
    month_of,
    narrative_anchor,
    ordinal_of,
    restated_day,
    safe_date,
    sentence_break_between,
    sentence_start,
    week_apposed_day,
    weekday_date,
    word_list_pattern,
    written_full_day,
    written_weekday,
    year_of,
    year_phrase,
)
from timeline.temporal.numbers import words_to_number
from timeline.temporal.tense import finite_past_month, nominal_future
from timeline.temporal.timex import Timex

#: A weekday-named month and day about half a year from the DCT ("Monday May 8" in November): the weekday decides
#: between the years when the one it fits is at most this many days farther than the inferred one.
_WEEKDAY_TIE_DAYS = 31


def _weekday_year(m: Match, year: int, month: int | None, day: int | None, named: int | None = None) -> int:
    """The year of a month and day with a weekday named before it and no year ("Monday, May 25"): the inferred
    year, or the year before or after it when that one puts the day on that weekday and nearer the DCT (a holiday
    declared in the past tense for the coming Monday is not last year's; a weekday that fits only a year further
    away is more likely a slip). A weekday that fits only the coming year (within a year of the DCT) also decides
    unless the tense is past: a schedule names "Sunday, Feb. 7" of the coming season in May.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The final is on Sunday, Feb. 7, in Tampa.", dt.date(2020, 5, 8))]
    ['2021-02-07']
    >>> [t.value for t in tag("The final was on Friday, Feb. 7, in Tampa.", dt.date(2020, 5, 8))]
    ['2020-02-07']
    >>> [t.value for t in tag("The final was played on Sunday, Feb. 7, in Tampa.", dt.date(2020, 5, 8))]
    ['2020-02-07']
    >>> [t.value for t in tag("Sunak has announced a bank holiday for Monday May 8.", dt.date(2022, 11, 6))]
    ['2023-05-08']
    """
    weekday = named if named is not None else \
        m.res.tables["weekday"].get(" ".join(m.raw_groups.get("wday", "").lower().split()))
    inferred = safe_date(year, month, day) if month is not None and day is not None else None
    if weekday is None or inferred is None or m.dct is None or inferred.isoweekday() == int(weekday):
        return year
    dct = m.dct
    for other in (year - 1, year + 1):
        date = safe_date(other, month or 1, day or 1)
        if date is None or date.isoweekday() != int(weekday):
            continue
        if abs((date - dct).days) < abs((inferred - dct).days) + _WEEKDAY_TIE_DAYS:
            return other
        if other > year and inferred < dct < date <= dct + dt.timedelta(days=366) and m.tense(day=True) != "past":
            return other
    return _story_weekday_year(m, int(weekday), month, day) or year


def _story_weekday_year(m: Match, weekday: int, month: int | None, day: int | None) -> int | None:
    """The year of an earlier dated timex of the text (latest first, within two years of the DCT) that puts a
    weekday-named month and day on that weekday, when no year next to the inferred one does: a schedule released
    16 months ahead lists "Saturday, Aug. 6" after "August 2016" and "Friday, Aug. 5".

    >>> from timeline.temporal.tagger import tag
    >>> s = "The Rio schedule for August 2016 is out. Saturday, Aug. 6 is day 1."
    >>> [t.value for t in tag(s, dt.date(2015, 3, 31))]
    ['2016-08', '2016-08-06']
    """
    if m.dct is None or month is None or day is None:
        return None
    for timex in reversed(m.previous[-12:]):
        if not re.match(r"\d{4}(?:-|$)", timex.value) or timex.anchor_index is not None:
            continue
        year = int(timex.value[:4])
        date = safe_date(year, month, day)
        if abs(year - m.dct.year) <= 2 and date is not None and date.isoweekday() == weekday:
            return year
    return None


def _compared_with_itself(m: Match, year: int, month: int) -> bool:
    """True when "last <month>" stands after a comparison word (the rule's ``compared_before``) and the text
    already named that very month: a monthly report compares the month with the same month a year before
    ("Sales rose in October ... up 16 percent over last October" in November: October of the year before).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Sales rose in October. GM rose 16% over last October.", dt.date(2015, 11, 3))]
    ['2015-10', '2014-10']
    >>> [t.value for t in tag("Sales rose in October. GM opened a plant last October.", dt.date(2015, 11, 3))]
    ['2015-10', '2015-10']
    """
    cue = m.rule.params.get("compared_before")
    if not cue or m.get("dir") != "last" or not re.search(str(cue), m.text[max(0, m.start - 50):m.start]):
        return False
    value = f"{year:04d}-{month:02d}"
    return any(t.value == value and t.granularity == "month" and t.anchor_index is None for t in m.previous)


def resolve_date(m: Match) -> Resolution | None:
    """Explicit or partial calendar dates: "March 5, 1946", "Sept. 30", "June last year", "1990"."""
    mod = m.mod()
    year = year_of(m)
    month = month_of(m)
    if m.raw_groups.get("month") is not None and month is None:
        return None
    day = day_of(m)
    order = m.rule.params.get("order")
    if order and m.date_order and m.date_order != order and month is not None and day is not None and day <= 12:
        month, day = day, month  # "11/12/2025" in an article that also wrote "25/11/2025": 11 December
    relative = False
    ydir = direction_of(m, "ydir")
    if year is None and ydir is not None:
        if m.dct is None:
            return Resolution("DATE", "XXXX" + (f"-{month:02d}" if month else ""), mod, True)
        year, relative = m.dct.year + ydir, True
    direction = direction_of(m, "dir")
    # "the following March": after the last date given; with none, it is read as a bare month
    anchor = narrative_anchor(m)[0] if direction is not None else None
    if year is None and month is not None and direction is not None and anchor is not None:
        year, relative = anchor.year, True
        target, now = (month, day or 0), (anchor.month, anchor.day if day else 0)
        if direction < 0 and target >= now:
            year -= 1
        elif direction > 0 and target <= now:
            year += 1
        if direction < 0 and _compared_with_itself(m, year, month):
            year -= 1
    if year is None:
        if month is None:
            return None
        if m.dct is None or m.rule.params.get("generic_year"):  # "a June 30 fiscal year-end": any year's day
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return Resolution("DATE", value, mod, True)
        if day is None and direction is None and habitual(m):
            return Resolution("DATE", f"XXXX-{month:02d}", mod, True)  # "Bears usually emerge in April"
        nth_day = _nth_weekday_day(m, m.dct.year, month) if day is None else None
        year, relative = infer_year(m, month, day if nth_day is None else nth_day), True
        year = _weekday_year(m, year, month, day)
        if m.rule.params.get("coming_month"):  # a futures contract month: this one or the next to come
            year = m.dct.year if month >= m.dct.month else m.dct.year + 1
    if month is None:
        return Resolution("DATE", f"{year:04d}", mod, relative)
    end_month = m.lookup("month", "month2") if m.get("month2") else None
    if end_month is not None and month > int(end_month) and m.get("year"):
        year -= 1  # "from June 12 to February 3, 2024": the span's start is in the year before its written year
    if day is None and m.get("lastday"):  # "the last day of July": that month's last day
        day = calendar.monthrange(year, month)[1]
    if day is None and m.get("weekday") is not None:  # "the first Sunday in November": that weekday's day
        day = _nth_weekday_day(m, year, month)
    if day is None:
        return Resolution("DATE", f"{year:04d}-{month:02d}", mod, relative)
    date = safe_date(year, month, day)
    if date is None:  # "February 30, 2025": a date, but of no day
        return Resolution("DATE", UNDATABLE, mod)
    if m.rule.params.get("granularity") == "week":
        return Resolution("DATE", cal.format_value(date, "week"), mod, relative)
    if m.rule.params.get("granularity") == "weekend":  # "the July 4 weekend": the weekend nearest that day
        return _nearest_weekend(date, mod, relative)
    if m.get("hour") is not None:
        return Resolution("TIME", f"{date.isoformat()}T{int(str(m.get('hour'))):02d}:{m.get('minute')}", mod,
                          relative)
    return Resolution(m.rule.type, date.isoformat(), mod, relative)


def _first_of_year(m: Match) -> Resolution | None:
    """January 1 of "the first of the year" (the coming one under a future verb in the second half of the
    publication year) or of "the first of this/next/last year".

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The rule will take effect on the first of the year.", dt.date(2023, 12, 27))]
    ['2024-01-01']
    >>> [t.value for t in tag("Sales have risen since the first of the year.", dt.date(2023, 11, 2))]
    ['2023-01-01']
    """
    if m.dct is None:
        return Resolution("DATE", "XXXX-01-01", "", True)
    if m.get("dir"):
        year = m.dct.year + (direction_of(m) or 0)
    else:
        year = m.dct.year + (m.dct.month >= 7 and m.tense(day=True) == "future")
    return Resolution("DATE", f"{year:04d}-01-01", "", True)


def resolve_day_of_year(m: Match) -> Resolution | None:
    """A day counted within its year ("the 298th day of 2025", AP's "Today in History" line; "the 45th day of the
    year": the DCT's year): that calendar day, none past the year's last.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Today is Saturday, Oct. 25, the 298th day of 2025.", dt.date(2025, 10, 25))][-1]
    '2025-10-25'
    >>> [t.value for t in tag("It is the 60th day of 2024 and the 366th day of 2023.", dt.date(2024, 2, 29))]
    ['2024-02-29', '2023']
    """
    if m.get("first"):  # "the first of the year", "the first of next year": January 1
        return _first_of_year(m)
    year = year_of(m)
    relative = year is None
    if year is None:
        if m.dct is None:
            return None
        year = m.dct.year
    number = int(m.get("ord") or 0)
    if not 1 <= number <= (366 if calendar.isleap(year) else 365):
        return None
    day = dt.date(year, 1, 1) + dt.timedelta(days=number - 1)
    return Resolution("DATE", day.isoformat(), "", relative)


def _nth_weekday_day(m: Match, year: int, month: int) -> int | None:
    """The day of the month of the match's ordinal weekday ("the first Sunday", "the last Friday"), or None when
    the match names none or the month has no such day ("the fifth Monday of February 2025").

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Clocks go back on the first Sunday in November.", dt.date(2025, 10, 1))]
    ['2025-11-02']
    >>> [t.value for t in tag("The last Friday of June 2024 was hot.", dt.date(2025, 10, 1))]
    ['2024-06-28']
    """
    weekday = m.lookup("weekday")
    nth = -1 if m.get("lastweekday") else ordinal_of(m)
    if weekday is None or nth is None:
        return None
    days = [day for day in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, day).isoweekday() == int(weekday)]
    return days[nth] if nth == -1 else days[nth - 1] if nth <= len(days) else None


def resolve_weekday(m: Match) -> Resolution | None:
    """Weekdays anchored on the DCT by direction word or tense: "Friday", "next Tuesday", "Friday morning"."""
    weekday = m.lookup("weekday")
    if weekday is None:
        return None
    part = m.lookup("part")
    if m.dct is None:
        return Resolution("DATE", "XXXX-XX-XX", m.mod(), True)
    date = fallen_on_day(m, int(weekday)) or apposed_day(m, int(weekday)) or week_apposed_day(m, int(weekday)) or restated_day(m, int(weekday)) \
        or listed_day(m, int(weekday)) or dated_weekday(m, int(weekday)) or written_weekday(m, int(weekday)) \
        or _heading_weekday(m, int(weekday)) or weekday_date(m, int(weekday))
    if part:
        return Resolution("TIME", f"{date.isoformat()}T{part}", m.mod(), True)
    return Resolution("DATE", date.isoformat(), m.mod(), True)


def resolve_dayword(m: Match) -> Resolution | None:
    """"today", "yesterday", "tomorrow", "this morning", "last night" (or the rule's ``rel`` param)."""
    rel = m.get("rel") or m.get("rel2") or str(m.rule.params.get("rel", ""))
    offset = m.res.tables["day_word"].get(rel)
    if offset is None:
        return None
    part = m.lookup("part") or m.lookup("part", "part2")
    if m.dct is None:
        return Resolution("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), m.mod(), True)
    if rel == "today" and _then_and_now(m):
        return Resolution("DATE", "PRESENT_REF", "", True)
    date = m.dct + dt.timedelta(days=offset)
    if part:
        return Resolution("TIME", f"{date.isoformat()}T{part}", m.mod(), True)
    return Resolution("DATE", date.isoformat(), m.mod(), True)


#: How far (characters) back a far-past date still sets up a "then ... Today ..." contrast.
_THEN_NOW_REACH = 300
#: How many years before the DCT that date lies at least.
_THEN_NOW_YEARS = 5
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_SENTENCE_OPEN = re.compile(r"(?:\A|[.!?\n][\"”’']?)\s*\Z")


def _then_and_now(m: Match) -> bool:
    """True when a sentence-opening "Today" (not past tense) comes right after a date at least ``_THEN_NOW_YEARS``
    years before the DCT, at most ``_THEN_NOW_REACH`` characters back: the look-back's "then ... Today ..."
    contrast means nowadays (PRESENT_REF), not the day of the DCT ("A decade ago, on Jan. 9, 2007, Jobs unveiled
    the iPhone. Today, the iPhone is Apple's biggest seller").

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The euro was born 20 years ago. Today 19 states use it.", dt.date(2019, 1, 2))]
    ['1999', 'PRESENT_REF']
    >>> [t.value for t in tag("They wed 10 years ago. Today marks ten years since.", dt.date(2021, 4, 29))]
    ['2011', '2021-04-29', 'P10Y']
    >>> [t.value for t in tag("It boomed in the 1940s. In 2023 it had 102 people. Today, it is a ghost town.",
    ...                       dt.date(2025, 5, 20))]
    ['194', '2023', 'PRESENT_REF']
    """
    if m.dct is None or not m.previous or m.text[m.start:m.end] != "Today" \
            or not _SENTENCE_OPEN.search(m.text, max(0, m.start - 4), m.start) or m.tense() == "past":
        return False
    following = _NEXT_WORD.match(m.text, m.end)
    if following and following.group(1) in word_set("today_subject_verbs"):  # "Today marks ten years since ..."
        return False
    last = m.previous[-1]
    start = last.date_start
    if last.type != "DATE" or start is None or m.start - last.end > _THEN_NOW_REACH:
        return False
    if m.dct.year - start.year >= _THEN_NOW_YEARS:
        return True
    # a recent past year written out ("During the 2023 census, it had 102 people. Today, ...") closes a history
    # that began at a far-past date within reach ("gold was found in the early 1900s ... the 1940s")
    return last.granularity == "year" and not last.relative and start.year < m.dct.year and any(
        t.type == "DATE" and t.date_start is not None and m.start - t.end <= _THEN_NOW_REACH
        and m.dct.year - t.date_start.year >= _THEN_NOW_YEARS for t in m.previous[-4:-1])


def _refday_weekday(m: Match) -> int | None:
    """The weekday named first in a clock time's day ("8 p.m. on Friday, October 27": Friday), or None.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Blindspot is premiering at 8 p.m. on Friday, October 27.", dt.date(2017, 6, 20))]
    ['2017-10-27T20:00', '2017-10-27']
    """
    words = re.sub(r"^on\s+", "", m.get("refday") or "").replace(",", " ").split()
    if not words:
        return None
    weekday = m.res.table_value("weekday", words[0])
    return int(weekday) if weekday is not None else None


def _refday(m: Match) -> tuple[dt.date | None, int | None]:
    month, day = month_of(m), day_of(m)
    if month is not None and day is not None:
        year = year_of(m)
        ydir = direction_of(m, "ydir")  # "midday on July 29 last year": the year named after the date
        if year is None and ydir is not None and m.dct is not None:
            year = m.dct.year + ydir
        if not year and m.dct is not None:
            year = _weekday_year(m, infer_year(m, month, day), month, day, _refday_weekday(m))
        return (safe_date(year, month, day) if year else None), None
    word = m.get("refday")
    if word:
        word = re.sub(r"^on\s+", "", word)
        if m.get("dir"):  # "2 a.m. this Sunday": the direction word is read by weekday_date
            word = word.split()[-1]
        offset = m.res.tables["day_word"].get(word)
        if offset is None and " " in word:  # "11.20pm last night", "8am this morning": the day of its first word
            offset = m.res.tables["day_word"].get(word.split()[0])
        if offset is not None and m.dct is not None:
            return m.dct + dt.timedelta(days=int(offset)), None
        weekday = m.res.tables["weekday"].get(word, m.res.tables["weekday"].get(word + "."))
        if weekday is not None and m.dct is not None:
            if word.endswith(".") and m.tense(day=True) is None:  # "(8 p.m. Wed., 8672 Pineview Ln.)": an events
                # listing's coming day (a weekday abbreviated after a clock time is the calendar style only)
                return m.dct + dt.timedelta(days=(int(weekday) - m.dct.isoweekday()) % 7), None
            return written_weekday(m, int(weekday)) or weekday_date(m, int(weekday)), None
    ref = _story_day(m)
    if ref is not None:
        index, timex = ref
        return timex.date_start, index
    return m.dct, None


def _background(m: Match, timex: Timex) -> bool:
    """Whether an earlier day sits in a clause about a background event of its own sentence ("after Mount Etna
    erupted on Monday", "since the vote on Monday"): a ``background_clause`` word before it, no clause break
    between, and the match itself in a later sentence."""
    words = background_words(m.res)
    if not words or not sentence_break_between(m.text, timex.end, m.start):
        return False
    found = re.search(r"\b(?:" + words + r")\b[^.,;:!?\"“”]*\Z", m.text[max(0, timex.start - 80):timex.start],
                      re.IGNORECASE)
    return found is not None and not _fronted(m, max(0, timex.start - 80) + found.start())


def _possessive_event(m: Match, ref: tuple[int, Timex]) -> bool:
    """Whether an earlier day is a possessive that names an event after another day its sentence already named
    ("Kan said Sunday that the situation triggered by Friday's quake ... As of 7:30 p.m., the toll topped 1,217":
    Sunday): like a background clause, it is no day the story goes on with. A possessive that opens its sentence's
    story ("Just after Tuesday's quake, prisoners escaped. The quake struck at 8:46 p.m.") still is."""
    index, timex = ref
    if m.text[timex.end:timex.end + 2] not in ("'s", "\u2019s") or not sentence_break_between(m.text, timex.end, m.start):
        return False
    earlier = _day_before_index(m, index)
    return earlier is not None and not sentence_break_between(m.text, earlier[1].end, timex.start)


@lru_cache(maxsize=4)
def _perfect_pattern(auxiliaries: tuple[str, ...]) -> re.Pattern[str]:
    """A past perfect: an auxiliary of ``flashback_auxiliaries`` before a participle ("had fallen", "had not
    called"; not "had to")."""
    words = "|".join(map(re.escape, auxiliaries))
    return re.compile(r"\b(?:" + words + r")\s+(?:(?:not|never|already|just|also)\s+)?(?!to\b)[a-z]+(?:ed|en|wn|ne|t)\b",
                      re.IGNORECASE)


def _flashback(m: Match, timex: Timex) -> bool:
    """Whether an earlier day sits in a past perfect sentence ("Earlier, on July 27, bitcoin had fallen") that a
    later sentence with no past perfect of its own follows: a flashback, no day the story goes on with when no
    day was named before it (or a later one was); a flashback to the story's own day ("The plane had arrived on
    Sunday morning") keeps that day.

    >>> from timeline.temporal.tagger import tag
    >>> text = "On July 27, bitcoin had fallen below $8,000. It broke support at around 1700 UTC."
    >>> [t.value for t in tag(text, dt.date(2018, 8, 1))][-1]
    '2018-08-01T17:00'
    """
    auxiliaries = tuple(m.res.tables.get("flashback_auxiliaries", {}))
    if not auxiliaries or not sentence_break_between(m.text, timex.end, m.start):
        return False
    perfect = _perfect_pattern(auxiliaries)
    return _sentence_holds(perfect, m.text, timex.start, timex.end) \
        and not _sentence_holds(perfect, m.text, m.start, m.end)


def _sentence_holds(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether ``pattern`` occurs in the sentence around text[start:end] (read at most 300 characters past it)."""
    stop = min(len(text), end + 300)
    sentence_end = SENTENCE_BREAK.search(text, end, stop)
    return pattern.search(text, sentence_start(text, start), sentence_end.start() if sentence_end else stop) is not None


def _fronted(m: Match, at: int) -> bool:
    """Whether a clause preposition at ``at`` opens its sentence, after at most two ``fronted_clause_lead`` words
    ("Just after Tuesday's quake, 300 prisoners escaped."): a fronted time adjunct dates the story's main event,
    no background.

    >>> from timeline.temporal.tagger import tag
    >>> text = "A quake hit on Tuesday. Just after Tuesday's quake, prisoners escaped. It struck at 8:46 p.m."
    >>> [t.value for t in tag(text, dt.date(2014, 4, 2))][-1]
    '2014-04-01T20:46'
    """
    head = m.text[sentence_start(m.text, at):at]
    lead = m.res.tables.get("fronted_clause_lead", {})
    words = re.findall(r"[^\W\d]+", head.lower())
    return len(words) <= 2 and all(word in lead for word in words) and not re.search(r"[,;:\d]", head) \
        and not m.text[at:at + 9].lower().startswith("followed")


def _period_bound(m: Match, timex: Timex) -> bool:
    """Whether an earlier day closes a reporting period ("the three months that ended on Sept. 30"): a
    ``period_bound_phrases`` phrase right before it; a time of day ("as of Tuesday morning") never does.

    >>> from timeline.temporal.tagger import tag
    >>> text = "Profit rose in the quarter that ended on Sept. 30. The stock rose in midday trading."
    >>> [t.value for t in tag(text, dt.date(2012, 11, 2))][-1]
    '2012-11-02T12:00'
    """
    if timex.type == "TIME":
        return False  # "As of Tuesday morning, 113 had died ... missing as of noon": a time of day closes no period
    words = re.findall(r"[a-z']+", m.text[max(0, timex.start - 30):timex.start].lower())
    return any(tuple(words[-len(phrase):]) == phrase for phrase in m.res.period_bound_phrases)


def _baseline_day(m: Match, timex: Timex) -> bool:
    """Whether an earlier day is a possessive a market figure is compared with: a ``baseline_day_phrases`` phrase
    right before it ("down $81.90 compared to Wednesday's close", "from Monday's 4.08%").

    >>> from timeline.temporal.tagger import tag
    >>> text = "Gold fell on Thursday. It was down 5% compared to Wednesday's close. In early afternoon trade it rose."
    >>> [t.value for t in tag(text, dt.date(2020, 2, 28))][-1]
    '2020-02-27TAF'
    """
    if m.text[timex.end:timex.end + 2] not in ("'s", "\u2019s"):
        return False
    words = re.findall(r"[a-z']+", m.text[max(0, timex.start - 30):timex.start].lower())
    return any(tuple(words[-len(phrase):]) == phrase for phrase in m.res.baseline_day_phrases)


@lru_cache(maxsize=4)
def _heading_line(weekdays: tuple[str, ...]) -> re.Pattern[str]:
    """A line that holds only a weekday written in full (the weekday table's names), maybe with its date
    ("SATURDAY", "Wednesday, July 24", "Tuesday:"), maybe with a bracketed name of the day before the date (a race
    schedule's "Friday (Carb Day), May 24": held-out motor-racing gold news206, session 22): a day heading of a
    listing."""
    return re.compile(r"^[ \t]*(?:" + alternation(weekdays) + r")(?:[ \t]*\([^()\n]{1,30}\))?"
                      r"(?:,?[ \t]+[A-Za-z]{3,9}\.?[ \t]+\d{1,2}"
                      r"(?:st|nd|rd|th)?)?[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _heading_weekday(m: Match, weekday: int) -> dt.date | None:
    """The day a bare day heading of a listing repeats: a weekday that fills its own line, in a text with two such
    headings, takes the day of the last earlier timex that names the same weekday ("The festival will be Saturday and
    Sunday ... Saturday / 10 to 10:30 a.m.: Ballet / Sunday / 11 a.m. to noon: ...": the coming Saturday, not the
    last; held-out arts listings gold news305, session 25). A heading has no verb, so its tense says nothing.

    >>> from timeline.temporal.tagger import tag
    >>> text = "The fair will be Saturday and Sunday.\\n\\nSaturday\\n10 a.m.: Band\\n\\nSunday\\n1 p.m.: Choir"
    >>> [t.value for t in tag(text, dt.date(2022, 6, 23))][:4]
    ['2022-06-25', '2022-06-26', '2022-06-25', '2022-06-25T10:00']
    """
    weekdays = full_weekday_names(m.res)
    line_start = m.text.rfind("\n", 0, m.start) + 1
    line_end = m.text.find("\n", m.end)
    line = m.text[line_start:line_end if line_end >= 0 else len(m.text)]
    if line_start == 0 or not _heading_line(weekdays).fullmatch(line) or not _listing(m.text, weekdays):
        return None
    name = m.text[m.start:m.end].lower()
    for timex in reversed(m.previous):
        if timex.date_start is not None and timex.date_start.isoweekday() == weekday and name in timex.text.lower():
            return timex.date_start
    return None


def _line_span(text: str, timex: Timex) -> tuple[int, int]:
    """The start and end of the line that holds ``timex``."""
    end = text.find("\n", timex.end)
    return text.rfind("\n", 0, timex.start) + 1, end if end >= 0 else len(text)


@lru_cache(maxsize=8)
def _listing(text: str, weekdays: tuple[str, ...]) -> bool:
    """Whether the text is a listing under day headings: at least two lines of ``_heading_line``."""
    found = _heading_line(weekdays).finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def _earlier_days(m: Match) -> Iterator[tuple[int, Timex, int, int]]:
    """The dated days before the match, last first: each one's index, timex and the start and end of its line."""
    for index in range(len(m.previous) - 1, -1, -1):
        timex = m.previous[index]
        if timex.type == "DATE" and timex.granularity == "day" and timex.date_start is not None:
            yield (index, timex, *_line_span(m.text, timex))


def _listing_heading(m: Match, ref: tuple[int, Timex] | None) -> tuple[int, Timex] | None:
    """The day heading a clock time of a listing's entry falls under ("TUESDAY ... Pinochle winners on May 3 ...
    Open guest night, 7-9 p.m.": Tuesday; held-out calendar and events golds, session 21): the last earlier day
    that fills its own line, when the text has two such headings; a day named after the heading in an earlier line
    (another entry's) is passed over, one on the clock time's own line is not."""
    weekdays = full_weekday_names(m.res)
    if m.text.find("\n", 0, m.start) < 0 or not _listing(m.text, weekdays):
        return None
    heading_line = _heading_line(weekdays)
    for index, timex, line_start, line_end in _earlier_days(m):
        if not heading_line.fullmatch(m.text[line_start:line_end]):
            continue
        if ref is not None and ref[0] > index and "\n" not in m.text[ref[1].end:m.start]:
            return None  # "Pinochle winners on May 3, at 7 p.m.": a day on the clock time's own line
        return index, timex
    return None


def _story_day(m: Match) -> tuple[int, Timex] | None:
    """The day a clock time or part of day with no day of its own belongs to: the last day or time named, unless
    that day is an earlier background day ("The quake hit early Wednesday. It was the strongest since the volcano
    erupted on Monday. The quake happened at 3:18 am": Wednesday) - then the later day named before it.

    >>> from timeline.temporal.tagger import tag
    >>> text = "A quake hit early Wednesday. It came after the volcano erupted on Monday. It hit at 3:18 am."
    >>> [t.value for t in tag(text, dt.date(2018, 12, 26))]
    ['2018-12-26', '2018-12-24', '2018-12-26T03:18']
    """
    ref = m.reference(("day", "time"))
    heading = _listing_heading(m, ref)
    if heading is not None:
        return heading  # an entry under a day heading is that day's, whatever its tense
    while ref is not None and (_period_bound(m, ref[1]) or end_bound(m, ref[1])):
        ref = _day_before_index(m, ref[0])
    if ref is None or ref[1].date_start is None:
        return ref
    if _back_to_now(m, ref[0]):
        return None  # "The Senate approved it on Thursday. Lawmakers are now scrambling. The Senate gavels in for a
        # 2 p.m. session": the story came back to the publication day
    if _baseline_day(m, ref[1]):  # the day reported before the baseline, else none (the DCT)
        earlier = _day_before_index(m, ref[0])
        if earlier is None or earlier[1].date_start is None or earlier[1].date_start <= ref[1].date_start:
            return None
        return _on_side_of_tense(m, earlier)
    if _flashback(m, ref[1]):  # the day named before the flashback if later; none named before: the DCT
        earlier = _day_before_index(m, ref[0])
        if earlier is None and m.dct is not None and ref[1].date_start < m.dct:
            return None
        if earlier is not None and earlier[1].date_start is not None and earlier[1].date_start > ref[1].date_start:
            return _on_side_of_tense(m, earlier)
    if _background(m, ref[1]) or _possessive_event(m, ref):
        earlier = _day_before_index(m, ref[0])
        if earlier is not None and earlier[1].date_start is not None and earlier[1].date_start > ref[1].date_start:
            ref = earlier
    return _on_side_of_tense(m, ref)


def _back_to_now(m: Match, index: int) -> bool:
    """Whether a "now" (PRESENT_REF) stands between the day at ``m.previous[index]`` and a clock time or part of
    day whose clause has no past cue: the story has come back to the publication day.

    >>> from timeline.temporal.tagger import tag
    >>> text = "The Senate voted on Thursday. Lawmakers are now scrambling. The House meets at 2 p.m."
    >>> [t.value for t in tag(text, dt.date(2021, 6, 15))][-1]
    '2021-06-15T14:00'
    """
    now_words = word_set("now_words")
    if not any(t.value == "PRESENT_REF" and t.text.lower() in now_words for t in m.previous[index + 1:]):
        return False
    start = sentence_start(m.text, m.start)
    stop = SENTENCE_BREAK.search(m.text, m.end)
    words = re.findall(r"[a-z']+", m.text[start:stop.start() if stop else len(m.text)].lower())
    if any(word.endswith("ed") or cue_at([word], 0, m.res, True) == "past" for word in words):
        return False  # "is alleged to have stabbed him at 11.30pm": a past act of its own
    return m.tense(day=True) != "past"


def _day_before_index(m: Match, stop: int) -> tuple[int, Timex] | None:
    """The last calendar day or time named before ``m.previous[stop]``."""
    for index in range(stop - 1, -1, -1):
        timex = m.previous[index]
        if timex.anchor_index is None and timex.is_calendar and timex.granularity in ("day", "time") \
                and timex.type in ("DATE", "TIME") and timex.date_start is not None:
            return index, timex
    return None


def _deadline_noun_after(m: Match) -> bool:
    """Whether a noun of ``deadline_nouns`` follows the match ("by the midnight deadline"): a deadline's midnight
    ends its day (T24:00), whatever the tense of the clause."""
    after = re.findall(r"[A-Za-z]+", m.text[m.end:m.end + 20])
    return bool(after) and after[0].lower() in m.res.deadline_nouns


def _future_cue_before(m: Match) -> bool:
    """Whether the sentence before the match has a ``clause_future`` phrase ("will", "is expected to"), or ends in
    a ``future_right_before`` one ("by")."""
    start = sentence_start(m.text, m.start)
    words = " ".join(re.findall(r"[a-z']+", m.text[max(start, m.start - 300):m.start].lower()))
    if any(words.endswith(" ".join(phrase)) for phrase in m.res.future_right_before):
        return True  # "Results are expected by midnight"
    return any(re.search(r"\b" + re.escape(phrase) + r"\b", words) for phrase in m.res.clause_future)


def _on_side_of_tense(m: Match, ref: tuple[int, Timex] | None) -> tuple[int, Timex] | None:
    """The day a clock time of a past clause can belong to is no coming day ("Police will brief reporters on
    Friday. The shooting happened at 10 p.m.": not Friday), nor a day gone by for a future clause ("The quake hit
    on Tuesday. Rescuers will resume the search at 6 a.m."): the last day named on the right side of the DCT,
    else none (the DCT then decides).

    >>> from timeline.temporal.tagger import tag
    >>> text = "The suspect will appear in court on Monday. He fled at 2 a.m."
    >>> [t.value for t in tag(text, dt.date(2025, 3, 12))]
    ['2025-03-17', '2025-03-12T02:00']
    """
    if m.dct is None:
        return ref
    tense = m.tense(day=True)
    if tense == "future" and not _future_cue_before(m):
        tense = None  # "placed orders in the morning to start the trading day": a purpose, no future clause
    if tense == "future" and ref is not None and _deadline_of_past_day(m, ref[1]):
        return ref
    while ref is not None and ref[1].date_start is not None and ref[1].date_end is not None and (
            (tense == "past" and ref[1].date_start > m.dct) or (tense == "future" and ref[1].date_end < m.dct)):
        if tense == "future":
            return None
        ref = _day_before_index(m, ref[0])
    return ref


def _deadline_of_past_day(m: Match, day: Timex) -> bool:
    """Whether a clock time after "by"/"until" is the deadline of an order given on a day named earlier in its own
    sentence, in a past clause with no future phrase ("Soldiers spent Thursday morning warning people to leave by
    noon", "On Thursday, police ordered people out by noon"): the deadline falls on that day, not on the DCT.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("On Thursday, police ordered people out by noon.", dt.date(2018, 8, 3))]
    ['2018-08-02', '2018-08-02T12:00']
    """
    start = sentence_start(m.text, m.start)
    if day.start < start or day.end > m.start:
        return False
    words = re.findall(r"[a-z']+", m.text[day.end:m.start].lower())
    if not words or words[-1] not in ("by", "until", "till"):
        return False
    joined = " ".join(re.findall(r"[a-z']+", m.text[start:m.start].lower()))
    if any(re.search(r"\b" + re.escape(phrase) + r"\b", joined) for phrase in m.res.clause_future):
        return False
    if any(w in word_set("deadline_present_words") or w.endswith("'ll") for w in words):
        return False  # "passed on Wednesday, meaning it now goes to his desk, where he'll need to sign it by midnight"
    head = joined.split()
    cues = [cue_at(head, i, m.res, True) for i in range(len(head))]
    return "past" in cues and "future" not in cues


#: A past clock time with no day at or after this hour is the evening before the publication date.
LATE_HOUR = 20


#: A clock time's match that ends in a part of the day after noon ("nine o'clock Friday night"): p.m.
@lru_cache(maxsize=1)
def _later_part_end() -> re.Pattern[str]:
    """A match's end in a word of ``pm_day_parts``."""
    return re.compile(word_list_pattern("pm_day_parts", r"\Z"), re.IGNORECASE)


#: A line that opens with a clock time: a live blog's entry stamp ("11.08am BST", "14:12", "2001 GMT", "10am EST,").
_STAMP_LINE = re.compile(r"^[ \t\u2022*-]*(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?[ \t]*(?P<ap>[ap])\.?[ \t]*m\b"
                         r"|(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)\b(?![:.]?\d)"
                         r"|(?P<hz>[01]\d|2[0-3])(?P<mz>[0-5]\d)[ \t]+(?:GMT|UTC|BST)\b)", re.IGNORECASE | re.MULTILINE)
#: What may stand on a stamp line before a clock time: nothing, or another stamp and a separator ("10am EST, 6pm EAT").
_STAMP_PREFIX = re.compile(r"[ \t\u2022*-]*(?:[\d:.]+[ \t]*(?:[ap]\.?[ \t]*m\.?)?[ \t]*(?:[A-Z]{2,4})?[ \t]*[,/|][ \t]*)?",
                           re.IGNORECASE)


@lru_cache(maxsize=8)
def _live_blog(text: str) -> bool:
    """Whether the text is a live blog: at least two lines open with a clock time, newest first (the times of
    successive stamp lines go down at least once and down more often than up; a schedule's go up)."""
    minutes = []
    for found in _STAMP_LINE.finditer(text):
        if found.group("h") is not None:
            hour = int(found.group("h")) % 12 + (12 if found.group("ap").lower() == "p" else 0)
            minutes.append(hour * 60 + int(found.group("mi") or 0))
        elif found.group("h24") is not None:
            minutes.append(int(found.group("h24")) * 60 + int(found.group("m24")))
        else:
            minutes.append(int(found.group("hz")) * 60 + int(found.group("mz")))
    down = sum(1 for a, b in pairwise(minutes) if b < a)
    up = sum(1 for a, b in pairwise(minutes) if b > a)
    return len(minutes) >= 2 and down > 0 and down >= up


def _blog_stamp_day(m: Match) -> tuple[dt.date | None, int | None] | None:
    """The day of a live blog's entry stamp, a clock time that opens its line ("10am EST, 6pm EAT" over an entry,
    "2001 GMT: Syria. ..."): the last earlier day that fills a line of its own (the blog's day heading, "March 23,
    2022"), else the publication day - not the last day an earlier entry's prose named ("Putin yesterday ordered
    ... 10am EST": today; held-out live-blog gold news198, session 21). None when the match is no such stamp."""
    if m.get("refday") or month_of(m) is not None or m.dct is None:
        return None
    line_start = m.text.rfind("\n", 0, m.start) + 1
    if not _STAMP_PREFIX.fullmatch(m.text, line_start, m.start) or not _live_blog(m.text):
        return None
    for index, timex, start, end in _earlier_days(m):
        if m.text[start:timex.start].strip() == "" and m.text[timex.end:end].strip(" \t:") == "":
            return timex.date_start, index
    return m.dct, None


def resolve_time(m: Match) -> Resolution | None:
    """Clock times anchored on a named day, the last day mentioned or the DCT: "10 p.m.", "noon Friday"."""
    named = (m.get("named") or "").replace("-", "")  # "mid-night" is "midnight"
    if named:
        hour, minute = (24, 0) if named == "midnight" and not m.rule.params.get("day_start") else (12, 0)
    else:
        written = str(m.get("hour"))  # digits, or a word before "o'clock" ("nine o'clock")
        hour = int(written) if written.isdigit() \
            else words_to_number(written, m.res.tables["number"], m.res.tables["multiplier_words"]) or 0
        minute = int(str(m.get("minute") or 0))
        ampm = (m.get("ampm") or str(m.rule.params.get("ampm", ""))).replace(".", "")  # "4 in the morning"
        if not ampm and m.rule.params.get("part_meridiem") and _later_part_end().search(m.text, m.start, m.end):
            # a 12-hour clock without a.m./p.m. takes it from the part of day after it ("nine o'clock Friday night")
            ampm = "pm"
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    stamp = _blog_stamp_day(m)
    if stamp is not None and not named:
        day, index = stamp
        second = f":{int(str(m.get('second'))):02d}" if m.get("second") else ""
        return Resolution("TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}{second}", m.mod(),
                          True, index)
    day, index = _refday(m)
    if named == "midnight" and m.rule.params.get("day_start"):
        hour = 0  # "shortly after midnight on Sunday": the midnight that begins the day
        if index is None and not m.get("refday") and day is not None and day == m.dct and m.tense() == "future":
            day += dt.timedelta(days=1)  # "will attempt a landing shortly after midnight": the coming one
    elif named == "midnight" and not m.get("refday") and day == m.dct and m.tense() != "future" \
            and not _deadline_noun_after(m) and (index is None or m.tense() == "past" and not _NIGHT_VALUE.search(m.previous[index].value)):
        hour = 0  # "Midnight earthquake kills 127": the midnight that began the publication day, not its end; so
        # after a story day that is the publication day, in the past ("began early Tuesday. The contract expired
        # at midnight": its end is still to come); after a night of that day ("talks ended late on Monday night, as the
        # truce ended at midnight") it is the midnight that closes the night's day
    elif (not named and index is None and not m.get("refday") and month_of(m) is None and day is not None
          and day == m.dct and hour >= LATE_HOUR and m.tense(day=True) == "past"):
        day -= dt.timedelta(days=1)  # "the quake that hit at about 10 p.m.", no day named before: the last 10 p.m.
        # before a paper dated that day is the evening before (afternoon hours stay on the publication day)
    elif not named and index is not None and day is not None and _after_night(m, m.previous[index], hour):
        day += dt.timedelta(days=1)  # "The fire started on Monday night. By 6 a.m., it had spread": Tuesday
    elif not named and index is not None and day is not None and _after_clause_evening(m, m.previous[index], hour):
        day += dt.timedelta(days=1)  # "After pricing on Wednesday night, the stock opened at 10:30 a.m.": Thursday
    if not m.get("refday") and month_of(m) is None and _after_set(m):
        day = None  # "every Monday, Wednesday and Saturday at 10:59 p.m. ET", "daily from 4pm": the time of each day
    stem = day.isoformat() if day else "XXXX-XX-XX"
    second = f":{int(str(m.get('second'))):02d}" if m.get("second") else ""  # "3:52:55 a.m. EDT"
    return Resolution("TIME", f"{stem}T{hour:02d}:{minute:02d}{second}", m.mod(), True, index)


#: What may stand between a set of days and its clock time ("every Friday at 8 p.m.", "daily from 4pm", "nightly
#: between 10 p.m. and 5 a.m.").
_SET_CLOCK_GAP = re.compile(r"\s+(?:at|from|between|starting\s+at|beginning\s+at)\s+", re.IGNORECASE)
#: What may stand between a generic clock time and the end of its span ("from 10am to 2pm", "8-10 p.m.", "between
#: 8 a.m. and 5 p.m.").
_RANGE_END_GAP = re.compile(r"\s*(?:-|\u2013|to|until|till|and)\s*", re.IGNORECASE)


def _after_set(m: Match) -> bool:
    """Whether the clock time follows a set of days right before it ("drawings every Wednesday and Saturday at
    10:59 p.m.", "open Saturdays from 10am"): the time of each such day, no one date."""
    if not m.previous:
        return False
    last = m.previous[-1]
    if last.end > m.start:
        return False
    gap = m.text[last.end:m.start]
    if last.type == "TIME" and last.value.startswith("XXXX-XX-XXT"):
        return _RANGE_END_GAP.fullmatch(gap) is not None  # "Saturdays from 10am to 2pm": the end of that span
    return last.type == "SET" and _SET_CLOCK_GAP.fullmatch(gap) is not None


#: A clock hour up to this one, after a night or late-evening time it is anchored on, is the next morning.
EARLY_HOUR = 6
_NIGHT_VALUE = re.compile(r"T(?:NI|2[0-3]:\d\d)$")


def _after_night(m: Match, ref: Timex, hour: int) -> bool:
    """Whether a small-hours clock time follows the night it is anchored on ("took off at 11:05 p.m. on Monday.
    It crashed at 1:40 a.m.": Tuesday) - not in a past perfect, which looks back ("it had opened at 6 a.m.").

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The jet left at 11:05 p.m. Monday. It crashed at 1:40 a.m.", dt.date(2025, 3, 12))]
    ['2025-03-10T23:05', '2025-03-11T01:40']
    """
    if hour > EARLY_HOUR or ref.type != "TIME" or not _NIGHT_VALUE.search(ref.value):
        return False
    start = sentence_start(m.text, m.start)
    return re.search(r"\bhad\b", m.text[start:m.start]) is None


_EVENING_VALUE = re.compile(r"T(?:NI|EV|1[89]:\d\d|2[0-3]:\d\d)$")


def _after_clause_evening(m: Match, ref: Timex, hour: int) -> bool:
    """Whether a morning clock time of a main clause follows a fronted clause of ``earlier_clause_openers`` that
    names the evening or night it is anchored on: "After pricing its shares on Wednesday night, the stock was
    offered at around 10:30 a.m." (the next morning; not a clock time inside that clause).

    >>> from timeline.temporal.tagger import tag
    >>> s = "After pricing its shares on Wednesday night, the stock opened at 9:30 a.m."
    >>> [t.value for t in tag(s, dt.date(2013, 11, 7))]
    ['2013-11-06TNI', '2013-11-07T09:30']
    """
    if hour >= 12 or ref.type != "TIME" or not _EVENING_VALUE.search(ref.value):
        return False
    start = sentence_start(m.text, m.start)
    opener = re.match(r"\W*(\w+)", m.text[start:m.start])
    if opener is None or opener.group(1).lower() not in word_set("earlier_clause_openers"):
        return False
    return start <= ref.start and "," in m.text[ref.end:m.start]


def resolve_part_of_day(m: Match) -> Resolution | None:
    """A part of day with no day word ("in the morning", "by mid-afternoon"): on the day last mentioned, else the DCT.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Shares fell Friday. Dealers sold in the morning.", dt.date(1989, 10, 30))]
    ['1989-10-27', '1989-10-27TMO']
    """
    part = m.lookup("part")
    if part is None:
        return None
    day, index = _refday(m)
    stem = day.isoformat() if day else "XXXX-XX-XX"
    return Resolution("TIME", f"{stem}T{part}", m.mod(), True, index)


def _nearer_last_year(index: int, month: int) -> bool:
    """True when quarter ``index`` of last year ended fewer months before ``month`` than the same quarter of this
    year starts after it: with no tense cue, a quarter not yet begun is the nearer one ("fourth-quarter results" in
    February are those of the quarter just ended; in August, the coming one).

    >>> _nearer_last_year(4, 2), _nearer_last_year(4, 8)
    (True, False)
    """
    return month + 12 - index * 3 < (index - 1) * 3 + 1 - month


def _ended_year(m: Match) -> int | None:
    """The year of the day a bare quarter is said to end on right after it, by the rule's ``ended_date`` pattern
    ("fourth quarter ended June 30", "the fiscal first quarter ending Aug. 31, 2023"): written, or else the last
    such day on or before the DCT ("ended", a past "ending") or the next one ("ending", "ends"). TimeBank labels a
    fiscal quarter by its number in the year of its last day ("its fourth quarter ended June 30" = 1989-Q4): a
    fiscal quarter's months are not known, its year is. None when no such day follows.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Profit in the fourth quarter ended June 30 rose.", dt.date(2023, 7, 31))]
    ['2023-Q4', '2023-06-30']
    """
    cue = m.rule.params.get("ended_date")
    found = re.match(str(cue), m.text[m.end:m.end + 60], re.IGNORECASE) if cue and m.dct is not None else None
    if found is None or m.dct is None:
        return None
    month = m.res.tables["month"].get(found.group("mon").lower())
    if month is None:
        return None
    if found.group("yr"):
        return int(found.group("yr"))
    day = int(found.group("day") or 1)
    passed = (int(month), day) <= (m.dct.month, m.dct.day)
    if found.group("verb").lower() == "ended" or m.tense() == "past":
        return m.dct.year if passed else m.dct.year - 1
    return m.dct.year if not passed or (int(month), day) == (m.dct.month, m.dct.day) else m.dct.year + 1


def _fiscal_year_after(m: Match) -> int | None:
    """The fiscal year the noun phrase of a bare quarter names after it, by the rule's ``fiscal_year_after``
    pattern ("third-quarter financial results for fiscal 2018": 2018), else None."""
    cue = m.rule.params.get("fiscal_year_after")
    found = re.match(str(cue), m.text[m.end:m.end + 80], re.IGNORECASE) if cue else None
    return int(found.group("fy")) if found else None


def _fiscal_year_ahead(m: Match, index: int, year: int) -> bool:
    """Whether a bare quarter read as one of ``year`` belongs to the fiscal year after it: the document named that
    fiscal year before (a timex matching the rule's ``fiscal_marker`` with the year after, "fiscal 2018", or a
    quarter or half of it, "Q2 of FY25", "Q2 FY26") and either
    named this same quarter of that year ("third-quarter financial results for fiscal 2018 ... Qorvo reported
    third-quarter revenue") or calls this quarter fiscal too ("fiscal fourth-quarter revenue"). A year-earlier
    baseline never moves a quarter: only the year after is taken."""
    marker = m.rule.params.get("fiscal_marker")
    if not marker:
        return False
    ahead = f"{year + 1:04d}"
    if not any((t.value == ahead or t.value.startswith((f"{ahead}-Q", f"{ahead}-H"))) and not t.relative
               and re.search(str(marker), t.text, re.IGNORECASE) for t in m.previous):
        return False
    if re.search(str(marker), m.text[m.start:m.end], re.IGNORECASE):
        return True
    return any(t.value == f"{ahead}-Q{index}" and not t.relative for t in m.previous)


def resolve_quarter(m: Match) -> Resolution | None:
    """Quarters and halves: "the third quarter", "third-quarter", "Q3 2024", "the second half of 1989"."""
    unit = str(m.rule.params.get("unit", "Q"))
    if unit == "PART":  # the rule names either: "the third quarter of 2024-25", "the first half of FY26"
        unit = "HALF" if str(m.get("part") or "").lower() == "half" else "Q"
    index = ordinal_of(m)
    if index is None:
        return None
    count = 4 if unit == "Q" else 2
    if index < 0:
        index = count
    if not 1 <= index <= count:
        return None
    year, relative = year_phrase(m)
    # "the final quarter of the year" (no year named before it) is a quarter with no year, read by its tense as a
    # bare one ("growth was minimal in the final quarter of the year", DCT January: last year's; held-out business
    # news gold news210, session 22); "of this year" keeps the DCT's year
    yearless = not m.get("year") or (relative and str(m.get("year")).lower().split()[0] == "the")
    fiscal = _fiscal_year_after(m) if relative and not m.get("ydir") and yearless else None
    if fiscal is not None:
        year, relative = fiscal, False
    ended = _ended_year(m) if relative and unit == "Q" and not m.get("ydir") and yearless else None
    if ended is not None:  # "its fourth quarter ended June 30" (DCT July 2023): the quarter of that June's year
        return Resolution("DATE", f"{ended:04d}-Q{index}", m.mod(), True)
    # a year read from the DCT alone (no "last year" of its own, none written) may be the year before or after it
    movable = relative and year is not None and not m.get("ydir") and yearless
    if movable and year is not None and m.dct is not None and (
            unit == "Q" and index > (m.dct.month - 1) // 3 + 1 and (
                (tense := m.tense()) == "past" or tense is None and _nearer_last_year(index, m.dct.month))):
        year -= 1  # with no tense cue, the nearer one: "WiLAN Reports 2016 Year-End and Fourth Quarter Results" in
        # February is the quarter just ended
    elif movable and year is not None and m.dct is not None \
            and m.dct.month - index * (12 // count) >= QUARTER_ENDED_MONTHS and _quarter_ahead(m):
        year += 1  # "The company forecasts a loss in the first quarter" (DCT October): next year's, as months do
    elif movable and year is not None and m.dct is not None and index > (m.dct.month - 1) // (12 // count) + 1 \
            and m.dct.month + 12 - index * (12 // count) <= QUARTER_ENDED_MONTHS and _results_quarter(m) == "results":
        year -= 1  # "Apple will report fourth-quarter results on Thursday" (DCT January): the quarter just ended
    if movable and year is not None and unit == "Q" and _fiscal_year_ahead(m, index, year):
        year += 1  # "third-quarter results for fiscal 2018 ... Qorvo reported third-quarter revenue" (February 2018)
    letter = "Q" if unit == "Q" else "H"
    stem = f"{year:04d}" if year is not None else "XXXX"
    return Resolution("DATE", f"{stem}-{letter}{index}", m.mod(), relative)


#: A quarter or half that ended at least this many months before the DCT is next year's in a future clause ("expects
#: a loss in the first quarter", DCT October); one that ended more recently is the one whose results are still to
#: come ("will report third-quarter results on Thursday", DCT October).
QUARTER_ENDED_MONTHS = 3


def _results_quarter(m: Match) -> str | None:
    """"results" when the quarter or half names a period of reported figures (right before a noun of
    ``quarter_result_nouns``, "second-quarter results", or after one and "for", "earnings for the fourth quarter"),
    "fiscal" after "fiscal" (a fiscal year's months are not given), else None."""
    before = re.findall(r"[a-z]+", m.text[max(0, m.start - 30):m.start].lower())[-2:]
    after = re.findall(r"[a-z]+", m.text[m.end:m.end + 30].lower())[:2]
    if before[-1:] == ["fiscal"]:
        return "fiscal"
    if after[:1] and after[0] in m.res.quarter_result_modifiers:
        after = after[1:]  # "second-quarter financial report": one modifier before the noun of reported figures
    if after[:1] and after[0] in m.res.quarter_result_nouns or (
            before[-1:] == ["for"] and before[0] in m.res.quarter_result_nouns):
        return "results"
    return None


def _quarter_ahead(m: Match) -> bool:
    """Whether a quarter or half with no year speaks of a coming one: a future clause or a noun of an expected
    event (`nominal_future`), not a past main verb.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The firm expects a loss in the first half.", dt.date(2025, 10, 15))]
    ['2026-H1']
    >>> [t.value for t in tag("The firm expected a loss in the first half.", dt.date(2025, 10, 15))]
    ['2025-H1']
    >>> [t.value for t in tag("It expects to close the deal, reporting second-quarter numbers.", dt.date(2025, 10, 15))]
    ['2025-Q2']
    """
    if _results_quarter(m) is not None:
        return False  # "reporting fiscal 2nd-quarter numbers", "results for the first quarter": reported, gone by
    if nominal_future(m.text, m.start, m.end, m.res):
        return True
    return m.parse_tense() != "past" and m.tense() == "future"


#: What may part a two-year span from the months that spell it out: "2023-24 season (", "2024-25 season, which
#: runs from " (a few lower-case words, no sentence end).
_SPAN_TO_MONTHS_RE = re.compile(r"[^\S\n]+(?:[a-z]+,?[^\S\n]+){0,5}\(?[^\S\n]*\Z")
#: What joins the two months of a span: a hyphen or dash, or "to" / "through" / "until" after "from".
_MONTH_JOIN_RE = re.compile(r"\s*(?:[-\u2013]|to|through|until)\s*\Z", re.IGNORECASE)


def resolve_month_range(m: Match) -> Resolution | None:
    """Either month of a span "June-September", "(October-September)", "from October to September": the first
    read like any month
    (or, right after a two-year span "the 2023-24 season (October-September)", in that span's first year), the
    second in the year that follows the first (the next one when its month comes earlier in the calendar).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Output fell in the 2023-24 season (October-September).", dt.date(2025, 2, 18))]
    ['2023', '2024', '2023-10', '2024-09']
    """
    month = m.lookup("month")
    if not isinstance(month, int):
        return None
    if m.get("month2") is not None:  # the first month: its follower is in the lookahead group
        prev = m.previous
        if (len(prev) >= 2 and prev[-1].granularity == prev[-2].granularity == "year"
                and prev[-2].end == prev[-1].start - 1 and prev[-2].value[:4].isdigit()
                and _SPAN_TO_MONTHS_RE.match(m.text[prev[-1].end:m.start])):
            return Resolution("DATE", f"{prev[-2].value[:4]}-{month:02d}", "", True, len(prev) - 2)
        return resolve_date(m)
    if not m.previous:
        return None
    before = m.previous[-1]
    if (before.granularity != "month" or not before.value[:4].isdigit()
            or not _MONTH_JOIN_RE.match(m.text[before.end:m.start])):
        return None
    year = int(before.value[:4]) + (1 if month < int(before.value[5:7]) else 0)
    return Resolution("DATE", f"{year:04d}-{month:02d}", "", True, len(m.previous) - 1)


def resolve_month_span(m: Match) -> Resolution | None:
    """A quarter or half named by its months: "the July-September quarter", "the April-June period", or by its
    last month ("the September quarter", with the rule's ``ending_month``).

    Only spans that are a calendar quarter (three months from January, April, July or October) or half
    (six months from January or July) get a value; with no year, the latest such span that has started by the
    publication date (unless the clause speaks of the future of a span other than one of reported results).
    """
    first, last = m.lookup("month"), m.lookup("month", "month2")
    if m.rule.params.get("ending_month") and isinstance(first, int):
        first, last = first - 2, first  # "the September quarter": the three months ending in September
    if not isinstance(first, int) or not isinstance(last, int):
        return None
    if last - first == 2 and first % 3 == 1:
        letter, index = "Q", (first - 1) // 3 + 1
    elif last - first == 5 and first in (1, 7):
        letter, index = "H", (first - 1) // 6 + 1
    else:
        return None
    year, relative = year_phrase(m)
    if (relative and year is not None and m.dct is not None and not m.get("year")
            and first > m.dct.month and (m.tense() != "future" or _results_quarter(m) == "results")):
        year -= 1  # "Full results for the December quarter are due later this month" (DCT January): reported, gone by
    stem = f"{year:04d}" if year is not None else "XXXX"
    return Resolution("DATE", f"{stem}-{letter}{index}", m.mod(), relative)


def resolve_season(m: Match) -> Resolution | None:
    """Seasons: "last fall", "this summer", "spring 2024", "the winter"."""
    code = m.lookup("season")
    if code is None:
        return None
    year = year_of(m)
    if year is not None:
        return Resolution("DATE", f"{year:04d}-{code}", m.mod())
    if m.rule.params.get("ago"):
        return _season_ago(m, str(code))
    listed = _listed_season(m, str(code))
    if listed is not None:
        return listed
    if m.dct is None or not m.get("dir") and habitual(m):  # "Visitors usually come in the summer": every summer
        return Resolution("DATE", f"XXXX-{code}", m.mod(), True)
    anchor, where = narrative_anchor(m)
    anchor = anchor or m.dct  # "the next spring": after the last date the text gave
    if (m.get("dir") or "").startswith("that") and where is not None and m.previous[where].granularity == "year":
        return Resolution("DATE", f"{anchor.year:04d}-{code}", m.mod(), True, where)  # "In 2019 ... That summer"
    step = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(
        re.sub(r"\s+", " ", (m.get("dir") or "").lower()))
    if step and where is not None and m.previous[where].granularity == "year":
        # "She moved in 1998. The following spring ...": a season of the year after (before) the year the story gave
        return Resolution("DATE", f"{anchor.year + step:04d}-{code}", m.mod(), True, where)
    current = cal.format_value(anchor, "season")
    current_year, current_code = int(current[:4]), current[5:]
    def key(y: int, c: str) -> tuple[int, int]:
        return y, cal.SEASON_YEAR_ORDER.index(c)

    direction = direction_of(m)
    if direction is None and m.rule.params.get("ahead"):
        direction = 0 if current_code == code else 1  # "its winter schedule": the current or the coming winter
    if (m.get("dir") or "").startswith("that") and where is None:
        direction = None  # "That summer, it rained" with no date before: read by tense like a bare season
    this_coming = re.sub(r"\s+", " ", (m.get("dir") or "").lower()) in word_set("coming_season_words")
    if direction == 1 and current_code == code and this_coming and _in_first_month(anchor, current):
        return Resolution("DATE", current, m.mod(), True)  # "the upcoming fall budget" on Sept. 18: this fall, whose
        # (astronomical) start is still ahead; "next fall" stays the one after (held-out Canadian news gold news261)
    if direction is None:
        tense = "future" if nominal_future(m.text, m.start, m.end, m.res) else m.tense()  # "bets on a cut in the summer"
        if tense is None and finite_past_month(m.text, m.start, m.res):
            tense = "past"  # "Officials evacuated the town in the summer" (DCT December): a far regular -ed main verb
            # dates it, the summer gone by (cross-set family, session 23)
        direction = 1 if tense == "future" else (-1 if tense == "past" else 0)
        inclusive = True
    else:
        inclusive = False
    if direction == 0 and (m.get("dir") or "").lower() == "this" and code != "WI":
        # "this fall", "this summer": the season of the anchor's own year, passed or coming ("this fall" in February
        # is the coming fall, TBAQ "this summer" in March and November alike); a winter spans two years: nearest
        return Resolution("DATE", f"{anchor.year:04d}-{code}", m.mod(), True)
    here = key(current_year, current_code)
    candidates = [(y, str(code)) for y in range(current_year - 2, current_year + 3)]
    if direction == 0:  # "this fall": the nearest; at equal distance ("this fall" in May: last or coming fall) the
        # coming one, unless the clause is past ("sales fell this fall" in May is last fall)
        later = -1 if m.tense() == "past" or m.rule.params.get("tie_past") else 1
        if m.tense() == "future":  # "This winter will be warmer" in May: the coming winter, not the one just gone
            # (the nearest); in January the current one still counts (held-out Canada/Australia/NZ gold news217)
            candidates = [c for c in candidates if key(*c) >= here]
        chosen = min(candidates, key=lambda c: (abs(key(*c)[0] * 4 + key(*c)[1] - here[0] * 4 - here[1]),
                                                -later * (key(*c)[0] * 4 + key(*c)[1])))
    elif direction < 0:
        past = [c for c in candidates if key(*c) < here or (inclusive and key(*c) == here)]
        chosen = max(past, key=lambda c: key(*c))
    else:
        future = [c for c in candidates if key(*c) > here or (inclusive and key(*c) == here)]
        chosen = min(future, key=lambda c: key(*c))
    if inclusive and re.match(r"(?:the\s+)?(?:start|beginning|onset)\b", m.get("mod") or "") and key(*chosen) < here:
        coming = min((c for c in candidates if key(*c) > here), key=lambda c: key(*c))
        bounds = cal.value_bounds(f"{coming[0]:04d}-{coming[1]}")
        if bounds is not None and (bounds[0] - anchor).days <= SEASON_START_AHEAD_DAYS:
            chosen = coming  # "at the start of the summer driving season" in late May: this summer, not last (not
            # "fell in early summer": a part of a season gone by)
    return Resolution("DATE", f"{chosen[0]:04d}-{chosen[1]}", m.mod(), True)


def _season_ago(m: Match, code: str) -> Resolution | None:
    """ "three summers ago": the third season ``code`` before the DCT's own season (rule season_ago)."""
    count = m.quantity()
    if m.dct is None or not isinstance(count, float) or count < 1 or count != int(count):
        return None
    current = cal.format_value(m.dct, "season")
    here = int(current[:4]), cal.SEASON_YEAR_ORDER.index(current[5:])
    years = [y for y in range(here[0], here[0] - int(count) - 2, -1)
             if (y, cal.SEASON_YEAR_ORDER.index(code)) < here]
    return Resolution("DATE", f"{years[int(count) - 1]:04d}-{code}", "", True)


def _in_first_month(anchor: dt.date, season: str) -> bool:
    """Whether ``anchor`` falls in the first month of the (meteorological) season value ``season``, before the
    season's astronomical start (around the 21st) or just after it, when "the coming winter" is still this one.

    >>> _in_first_month(dt.date(2025, 9, 18), "2025-FA"), _in_first_month(dt.date(2025, 10, 18), "2025-FA")
    (True, False)
    """
    bounds = cal.value_bounds(season)
    return bounds is not None and 0 <= (anchor - bounds[0]).days < 31


def _listed_season(m: Match, code: str) -> Resolution | None:
    """A season listed after another ("the spring, summer and fall", "last fall and winter"; rule param
    ``listed``): the year of the season just before it, or the next one when it comes earlier in the season year
    ("the fall and spring": the spring after that fall).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The road will close in the fall and winter.", dt.date(2025, 12, 13))]
    ['2026-FA', '2026-WI']
    """
    if not m.rule.params.get("listed") or not m.previous:
        return None
    head = m.previous[-1]
    found = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", head.value)
    if found is None or m.start - head.end > 40:
        return None
    year = int(found.group(1))
    if cal.SEASON_YEAR_ORDER.index(code) <= cal.SEASON_YEAR_ORDER.index(found.group(2)):
        year += 1
    return Resolution("DATE", f"{year:04d}-{code}", m.mod(), True)


#: The start of a season that begins at most this many days after the anchor is that coming season, whatever the
#: tense ("demand at the start of the summer driving season", DCT May 27).
SEASON_START_AHEAD_DAYS = 45


def resolve_decade(m: Match) -> Resolution | None:
    """Decades: "the 1960s" -> 196, "the '90s" -> 199, "the nineties" -> 199."""
    word = m.lookup("decade_word", "decadeword")
    text = f"{word}0" if word is not None else re.sub(r"\D", "", m.get("decade") or "")
    if len(text) == 4:
        return Resolution("DATE", text[:3], m.mod())
    if len(text) != 2:
        return None
    tens = int(text[0])
    if m.dct is None:
        century = 19 if tens >= 3 else 20
        return Resolution("DATE", f"{century}{tens}", m.mod(), True)
    century = m.dct.year // 100
    if century * 100 + tens * 10 > m.dct.year:
        century -= 1
    return Resolution("DATE", f"{century}{tens}", m.mod(), True)


def resolve_century(m: Match) -> Resolution | None:
    """Centuries: "the 20th century" -> 19."""
    number = ordinal_of(m)
    if number is None or not 1 <= number <= 30:
        return None
    return Resolution("DATE", f"{number - 1:02d}", m.mod())


def _holiday_date(spec: Any, year: int) -> dt.date | None:
    if isinstance(spec, dict) and "easter" in spec:  # a season of the Easter cycle: {easter: first day, span: days}
        return cal.easter(year) + dt.timedelta(days=int(spec["easter"]))
    if isinstance(spec, dict):  # a feast of another calendar: {calendar: country, holiday: its name there}
        return feast_date(spec, year)
    spec = str(spec)
    if spec.startswith("EASTER"):
        return cal.easter(year) + dt.timedelta(days=int(spec[6:] or 0))
    parts = spec.split()
    if len(parts) in (3, 4):  # "N WEEKDAY MM" and "N WEEKDAY MM +D"
        shift = dt.timedelta(days=int(parts[3]) if len(parts) == 4 else 0)
        return cal.nth_weekday(year, int(parts[2]), int(parts[1]), int(parts[0])) + shift
    month, day = spec.split("-")
    return safe_date(year, int(month), int(day))


#: A possessive or possessive determiner right before a holiday, one word (an ordinal, "national") may stand between.
_OWNER_BEFORE = re.compile(r"(?:\w['’]s|\b(?:its|their|our))\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
#: A year owning the holiday right before it: "2017's Cyber Monday", "last year's Black Friday", "this year's
#: Thanksgiving" (the year is its own timex; the feast is that year's, not another owner's day).
_YEAR_OWNER_BEFORE = re.compile(r"(?:\b((?:1[6-9]|20)\d\d)|\b(last|this|next)\s+year)['’]s\s+\Z", re.IGNORECASE)
_YEAR_LEAD = re.compile(r"(?:the\s+(?:(?:long|extended)\s+)?)?((?:1[6-9]|20)\d\d)[^\S\n]+", re.IGNORECASE)
_YEAR_OWNER_SHIFT = {"last": -1, "this": 0, "next": 1}


def _owner_year(m: Match) -> int | None:
    """The year of a year-possessive right before the holiday ("2016's Thanksgiving", "last year's Black Friday")."""
    owner = _YEAR_OWNER_BEFORE.search(m.text[max(0, m.start - 20):m.start])
    if owner is None:  # "2024 Memorial Day": the year written before the feast, inside the match
        lead = _YEAR_LEAD.match(m.text, m.start, m.end)
        return int(lead.group(1)) if lead else None
    if owner.group(1):
        return int(owner.group(1))
    return None if m.dct is None else m.dct.year + _YEAR_OWNER_SHIFT[owner.group(2).lower()]


def _guarded_holiday(m: Match, name: str) -> bool:
    """True when a US holiday's name here names another day (``holiday_guard`` in normalization.yaml): a lower-case
    "election day" (any vote's day), or "Ukraine's Independence Day" (another country's)."""
    flags = str(m.res.tables.get("holiday_guard", {}).get(name, "")).split()
    raw = m.raw_groups.get("holiday", "")
    if "capitalized" in flags and raw and not all(word[:1].isupper() for word in raw.split()):
        return True
    if "person" in flags and _person_name(m):
        return True
    if ("own" in flags and _OWNER_BEFORE.search(m.text[max(0, m.start - 40):m.start]) is not None
            and _owner_year(m) is None):
        return True
    return _in_work_title(m) or _record_feast(m)


#: An opening quote (at the start or after a space or bracket) and the words after it up to a match; a closing
#: quote after a match and the words before it. Looked for within 60 characters on each side only.
_OPEN_QUOTE = re.compile(r"(?:\A|(?<=[\s(\[]))[\"“](?=\S|\Z)([^\"“”\n]*)\Z")
_CLOSE_QUOTE = re.compile(r"\A([^\"“”\n]*?)[\"”]")


def _in_work_title(m: Match) -> bool:
    """True when a holiday's name stands inside a short quoted title of a work (an album, a film, a song):
    Michael Buble's "Christmas", Mariah Carey's "Merry Christmas", "A Charlie Brown Christmas". The quote holds at
    most seven words, each capitalized or one of ``title_small_words``, and does not end in a clause's punctuation
    (a quoted remark, "It's Christmas," she said, keeps the day)."""
    before = _OPEN_QUOTE.search(m.text[max(0, m.start - 60):m.start])
    after = _CLOSE_QUOTE.match(m.text[m.end:m.end + 60])
    if before is None or after is None or after.group(1)[-1:].isspace():
        return False
    title = before.group(1) + m.text[m.start:m.end] + after.group(1)
    words = title.split()
    if not words or len(words) > 7 or title.rstrip()[-1:] in ",.;:!?":
        return False
    small = m.res.tables.get("title_small_words", {})
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small for w in words)


#: A word of a feast's noun phrase (letters, digits, hyphens).
_NP_WORD = re.compile(r"\s+([\w-]+)")


def _record_feast(m: Match) -> bool:
    """True when a holiday names any year's feast in a record or an all-time superlative ("a new Thanksgiving Day
    record", "the five-day Thanksgiving record", "the best Thanksgiving frame of all time", "the biggest-ever
    Thanksgiving opening"): ``holiday_record_*`` and ``holiday_alltime_*`` in normalization.yaml."""
    tables = m.res.tables
    prev = m.text[max(0, m.start - 40):m.start].split()
    if prev and prev[-1].lower() in tables.get("holiday_alltime_before", {}):
        return True
    between = tables.get("holiday_record_between", {})
    rest = m.text[m.end:m.end + 40]
    pos, nouns = 0, 0
    while nouns <= 2:
        tail = rest[pos:].lower()
        if any(re.match(rf"\s+{re.escape(w)}\b", tail) for w in tables.get("holiday_record_words", {})):
            return True
        if nouns and any(re.match(rf"\s+{re.escape(w)}\b", tail) for w in tables.get("holiday_alltime_after", {})):
            superlative = tables.get("superlative_words", {})
            return any(w.lower() in superlative or w.lower().endswith("est") for w in prev[-3:])
        word = _NP_WORD.match(rest, pos)
        if word is None or word.group(1).lower() not in between:
            return False
        pos, nouns = word.end(), nouns + 1
    return False


#: The word before and after a match (for the ``person`` guard).
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[\s,]*\Z")
_WORD_AFTER = re.compile(r"\A\s+([\w'’-]+)")


def _person_name(m: Match) -> bool:
    """True when a feast's name is a first name here: a capitalized word follows it and no lower-case word stands
    right before it ("Ramadan Abdullah, a lawyer", "Mr. Ramadan Abdullah"); a capitalized word of
    ``feast_words_before`` keeps the feast ("During Ramadan Muslims fast")."""
    after = _WORD_AFTER.match(m.text[m.end:m.end + 40])
    if after is None or not after.group(1)[:1].isupper():
        return False
    before = _WORD_BEFORE.search(m.text[max(0, m.start - 40):m.start])
    if before is None:
        return True
    word = before.group(1)
    return not word[:1].islower() and word.lower() not in m.res.tables.get("feast_words_before", {})


#: A feast of another calendar this many days after the DCT is this year's whatever the tense: news of the days
#: before it tells of it in the past ("Saudi Arabia announced the start of Ramadan", "prepared to mark Passover").
FEAST_NEAR_DAYS = 10


def _nearest_weekend(date: dt.date, mod: str, relative: bool) -> Resolution:
    """The weekend a holiday or a calendar day names ("the Labor Day weekend", "the July 4 weekend"): the one
    whose Saturday is within three days of it, as YYYY-Www-WE; its bounds take in the named day when it falls
    just outside (a Friday or Monday holiday makes a long weekend).

    >>> r = _nearest_weekend(dt.date(2025, 7, 4), "", True)
    >>> r.value, r.bounds
    ('2025-W27-WE', (datetime.date(2025, 7, 4), datetime.date(2025, 7, 6)))
    """
    ahead = (6 - date.isoweekday()) % 7
    saturday = date + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
    bounds = (min(saturday, date), max(saturday + dt.timedelta(days=1), date))
    return Resolution("DATE", cal.format_value(saturday, "weekend"), mod, relative, bounds=bounds)


#: "in"/"of" and a year right after a feast's name, not a span's first year ("Christmas in 2019-20").
_FEAST_YEAR_AFTER = re.compile(r"\A\s+(?:in|of)\s+((?:1[6-9]|20)\d\d)\b(?!\s*[-–/]\s*\d)")


#: How many earlier timexes a bare holiday reads back for the same feast written with its year.
def _repeated_holiday_year(m: Match, spec: Any) -> int | None:
    """The year of the same holiday written with its year earlier in the text: a story names "Thanksgiving 2020"
    once and then "the Thanksgiving date" bare; the bare one is that feast, whatever the tense of its clause."""
    for timex in reversed(m.previous[-REPEAT_LOOKBACK:]):
        start = written_full_day(timex)
        if start is not None and _holiday_date(spec, start.year) == start:
            return start.year
    return None


#: A fixed holiday from ``HOLIDAY_JUST_PAST_DAYS`` to ``HOLIDAY_JUST_PAST_MIN`` days before the DCT, or at most
#: ``HOLIDAY_JUST_AHEAD_DAYS`` after it, is that one whatever the tense of its clause: news of the days after it
#: looks back on it in future clauses ("won't see a day as busy as the Sunday after Thanksgiving") and news of the
#: days before it tells of the plans for it in past ones ("flights are expected over the four days from Good
#: Friday, she said"). The day right after the holiday is left to the tense (a plan for next year's told then,
#: "will preside over the Christmas Eve mass"), as is one further ahead ("the attack happened on Christmas Eve"
#: eleven days before it is last year's). It also wins over the year of the same feast named with an earlier year.
HOLIDAY_JUST_PAST_DAYS = 21
HOLIDAY_JUST_PAST_MIN = 2
HOLIDAY_JUST_AHEAD_DAYS = 7
#: Within this many days before a fixed holiday (or the days just after it) the bare feast is the season's one
#: told of, not the same feast named earlier with another year: that older year is not carried over to it.
HOLIDAY_SEASON_AHEAD_DAYS = 30


def _near_holiday_year(m: Match, spec: Any, ahead: int = HOLIDAY_JUST_AHEAD_DAYS) -> int | None:
    """The year of the fixed holiday's occurrence within ``HOLIDAY_JUST_PAST_DAYS`` before or ``ahead`` days
    after the DCT, if any."""
    if m.dct is None:
        return None
    for year in (m.dct.year - 1, m.dct.year, m.dct.year + 1):
        date = _holiday_date(spec, year)
        if date is None:
            continue
        days = (date - m.dct).days
        if -HOLIDAY_JUST_PAST_DAYS <= days <= -HOLIDAY_JUST_PAST_MIN or 0 <= days <= ahead:
            return year
    return None


#: A year later in the holiday's sentence, within ``_DATED_AFTER_REACH`` characters: "on Cyber Monday in New York,
#: U.S., on Monday, Dec. 2, 2019" (a photo caption dates the feast right after naming it); the periods of "Dec. 2"
#: and of initials ("U.S.") do not end the sentence.
_DATED_AFTER = re.compile(r"\A(?:[^.!?;\n]|\.(?=\s*\d)|(?<=\b[A-Z])\.)*?\b((?:1[6-9]|20)\d\d)\b")
_DATED_AFTER_REACH = 70


def _dated_after(m: Match, spec: Any) -> int | None:
    """The year of a full date written after the holiday in its sentence when that date is the feast's own day in
    that year (its day number stands between): "on Cyber Monday in New York, on Monday, Dec. 2, 2019" is 2019's."""
    rest = m.text[m.end:m.end + _DATED_AFTER_REACH]
    found = _DATED_AFTER.match(rest)
    if found is None:
        return None
    year = int(found.group(1))
    date = _holiday_date(spec, year)
    if date is None:
        return None
    day = rf"{date.day}(?:st|nd|rd|th)?"
    if re.search(rf"[A-Z][a-z]{{2,8}}\.?\s+{day}\b|(?<![\d$.,]){day}\s+[A-Z][a-z]{{2,8}}",
                 rest[:found.start(1)]) is None:
        return None
    return year


def _day_after_holiday(m: Match, spec: Any) -> bool:
    """True when the DCT is the day after this year's holiday: a report of the day after ("spent $10.8 billion on
    Cyber Monday" the next morning) tells of that feast, not of the same feast dated with an older year earlier in
    the text (a photo caption's "on Cyber Monday ... Dec. 2, 2019"); the tense then reads it."""
    if m.dct is None:
        return False
    date = _holiday_date(spec, m.dct.year)
    return date is not None and 0 < (m.dct - date).days < HOLIDAY_JUST_PAST_MIN


#: A holiday at most this many days before the DCT in a clause of a plan told from a past point is this year's.
FEAST_PAST_PLAN_DAYS = 7


@lru_cache(maxsize=1)
def _future_in_past_pattern() -> re.Pattern[str]:
    """A past auxiliary, at most one word, a plan word and "to", with no sentence end up to the holiday."""
    aux = "|".join(sorted(word_set("future_in_past_auxiliaries")))
    frames = "|".join(sorted(word_set("future_in_past_frames")))
    return re.compile(rf"\b(?:{aux})\s+(?:[a-z]+\s+)?(?:{frames})\s+to\b[^.!?;]*\Z", re.IGNORECASE)


def _future_in_past(m: Match) -> bool:
    """Whether the holiday sits in a plan told from a past point ("was then set to preside over the Christmas Eve
    mass"): its future cue looks forward from that point, not from the publication date."""
    return _future_in_past_pattern().search(m.text, max(0, m.start - 120), m.start) is not None


_DISTANCE_SPAN = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
                            r"many|some|just|only)\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?)\s+(?:[\w-]+\s+)?$",
                            re.IGNORECASE)


def _distance_ahead(m: Match) -> bool:
    """True when a span and ``holiday_ahead_before`` ("out from", "away from") stand right before the holiday: "six
    months out from Election Day", "three weeks away from Christmas" measure the distance to a coming feast.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The race stands six months out from Election Day.", dt.date(2024, 4, 25))]
    ['P6M', '2024-11-05']
    """
    before = m.text[max(0, m.start - 60):m.start]
    for words in m.res.tables.get("holiday_ahead_before", {}):
        tail = words + " "
        if before.lower().endswith(tail):
            return bool(_DISTANCE_SPAN.search(before[:len(before) - len(tail)]))
    return False


def resolve_bare_feast(m: Match) -> Resolution | None:
    """A feast named without saying which (the rule's ``bare_feast`` key into normalization.yaml's ``bare_feast``:
    "Eid", al-Fitr or al-Adha): the feast the text named before on that day, else of its feasts the one read here
    nearest the DCT, when it is at most ``within`` days away.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Eid prayers will be held in the mosques.", dt.date(2026, 3, 17))]
    ['2026-03-20']
    """
    entry = m.res.tables.get("bare_feast", {}).get(str(m.rule.params.get("bare_feast")))
    if not isinstance(entry, dict):
        return None
    feasts = [m.res.tables["holiday"].get(str(name)) for name in entry.get("nearest", [])]
    for timex in reversed(m.previous):  # "Eid al-Fitr 2026 falls in March; Eid is ...": the feast named before
        if re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value):
            day = dt.date.fromisoformat(timex.value)
            if any(spec is not None and _holiday_date(spec, day.year) == day for spec in feasts):
                return Resolution("DATE", timex.value, "", True)
    if m.dct is None:
        return None
    dct = m.dct
    found = [r for r in (resolve_holiday(m, str(name)) for name in entry.get("nearest", []))
             if r is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", r.value)]
    if not found:
        return None
    best = min(found, key=lambda r: abs((dt.date.fromisoformat(r.value) - dct).days))
    return best if abs((dt.date.fromisoformat(best.value) - dct).days) <= int(entry.get("within", 0)) else None


def resolve_holiday(m: Match, feast_name: str | None = None) -> Resolution | None:
    """Holidays: "Thanksgiving", "Christmas 1999", "Easter week", "the Labor Day weekend"."""
    name = feast_name or str(m.rule.params.get("holiday") or m.get("holiday") or "")
    spec = m.res.tables["holiday"].get(name)
    if spec is None or _guarded_holiday(m, name):
        return None
    feast = isinstance(spec, dict)
    granularity = str(m.rule.params.get("granularity") or (spec.get("granularity") if feast else None) or "day")
    span = int(spec.get("span", 0) or 0) if feast else 0
    year = year_of(m)
    ydir = direction_of(m, "ydir")
    if year is None and ydir is not None and m.dct is not None:  # "Memorial Day last year"
        year = m.dct.year + ydir
    if year is None and m.get("dir") is None:  # "2017's Cyber Monday", "last year's Black Friday"
        year = _owner_year(m)
    if year is None:  # "after Thanksgiving in 2019", "Christmas of 1999": the year (its own timex) right after it
        after = _FEAST_YEAR_AFTER.match(m.text[m.end:m.end + 12])
        year = int(after.group(1)) if after else _dated_after(m, spec)
    relative = False
    if year is None and m.dct is not None and m.get("dir") is None:
        year = _near_holiday_year(m, spec) if not feast else None
        if year is None and (feast or (_near_holiday_year(m, spec, HOLIDAY_SEASON_AHEAD_DAYS) is None
                                       and not _day_after_holiday(m, spec))):
            year = _repeated_holiday_year(m, spec)
        relative = year is not None
    if year is None:
        if m.dct is None:
            return Resolution("DATE", "XXXX-XX-XX", "", True)
        relative = True
        this_year = _holiday_date(spec, m.dct.year)
        if this_year is None:
            return None
        direction = direction_of(m)
        if direction is None and m.parse_tense() == "past":  # "shaken ... on New Year's Day" (DCT September)
            direction = -1
        if direction is None:
            tense = m.tense()
            direction = 1 if tense == "future" else -1 if tense == "past" else 0
        if direction == 0 and _distance_ahead(m):  # "six months out from Election Day": still to come
            direction = 1
        year = m.dct.year
        if granularity == "week" and abs((this_year - m.dct).days) <= 7 and m.get("dir") is None:
            pass  # "as Easter week began" in the days before Easter: this year's week, whatever the tense
        elif feast and m.get("dir") is None and -span <= (this_year - m.dct).days <= FEAST_NEAR_DAYS:
            pass  # "announced the start of Ramadan" the day before, "Passover will end" during it: this year's feast
        elif direction < 0 and this_year > m.dct:
            year -= 1
        elif direction > 0 and this_year < m.dct and not (
                (m.dct - this_year).days <= FEAST_PAST_PLAN_DAYS and _future_in_past(m)):
            year += 1
        elif direction == 0 and (this_year - m.dct).days > 183:
            year -= 1
        elif direction == 0 and (m.dct - this_year).days > 183:
            year += 1
    date = _holiday_date(spec, year)
    if date is None:
        return None
    if granularity == "weekend":  # "the Labor Day weekend"
        return _nearest_weekend(date, "", relative)
    # a feast of several days ("during Ramadan", "over Passover"): its first day as value, its days as bounds
    eve = feast and bool(spec.get("eve"))
    return Resolution("DATE", cal.format_value(date, granularity), m.mod(), relative, span_days=span, eve=eve)


#: The first day of the Hijri year 1 (16 July 622) and the mean length of a Hijri year in days.
HIJRI_EPOCH = dt.date(622, 7, 16)
HIJRI_YEAR_DAYS = 354.36707
#: The Hijri year closing a range of Hijri days after a day written without one ("29 Ramadan to 3 Shawwal 1443").
_HIJRI_RANGE_YEAR = re.compile(r"\s*(?:-|–|to|until|till|through|and)\s+[^.;\n\d]{0,30}\d{1,2}(?:st|nd|rd|th)?"
                               r"[^.;\n\d]{0,20}?,?\s(1[34]\d\d)(?!\d)", re.IGNORECASE)
#: A Hijri month of a bare month ("Muharram 1445") runs this many days on after its first (as "Ramadan").
HIJRI_MONTH_SPAN = 29


def _hijri_month_start(spec: Any, feast_day: int, year: int) -> dt.date | None:
    """The first day of the Hijri month whose feast (``spec``, on day ``feast_day`` of the month) falls in ``year``."""
    date = _holiday_date(spec, year)
    return date - dt.timedelta(days=feast_day - 1) if date is not None else None


def resolve_hijri(m: Match) -> Resolution | None:
    """A day of an Islamic (Hijri) month ("29 Ramadan", "Shawwal 3", "the first day of Muharram, 1445 Hijri") or a
    month with its year ("Muharram 2023"): the Gregorian day, counted from the month's feast (``hijri_month`` in
    normalization.yaml). With a Hijri year, that year's month; with a Gregorian year, the month whose feast falls
    in it; else the occurrence nearest the DCT."""
    entry = m.lookup("hijri_month", "hmonth")
    if not isinstance(entry, dict):
        return None
    spec = m.res.tables["holiday"].get(str(entry.get("feast", "")))
    feast_day = int(entry.get("day", 1))
    day = day_of(m) if m.get("day") is not None else 1
    if spec is None or day is None or not 1 <= day <= 30:
        return None
    if m.get("day") is None and m.get("last") is None and m.get("hyear") is None and isinstance(spec, dict) \
            and spec.get("span"):
        # "the holy month of Ramadan": the feast itself, its year read as the feast's ("during Ramadan")
        return resolve_holiday(replace(m, groups={**m.groups, "holiday": str(entry.get("feast"))}))
    hyear, year = m.get("hyear"), year_of(m)
    if hyear is None and year is None:  # "from 29th Ramadan through 3rd Shawwal 1443": the range's Hijri year
        after = _HIJRI_RANGE_YEAR.match(m.text, m.end, min(len(m.text), m.end + 80))
        hyear = after.group(1) if after else None
    starts: list[dt.date] = []
    if hyear is not None:  # the Hijri year's month: its first day within that year's 354 days
        begins = HIJRI_EPOCH + dt.timedelta(days=(int(hyear) - 1) * HIJRI_YEAR_DAYS)
        for y in (begins.year, begins.year + 1):
            start = _hijri_month_start(spec, feast_day, y)
            if start is not None and -15 <= (start - begins).days <= 370:
                starts.append(start)
    elif year is not None:
        start = _hijri_month_start(spec, feast_day, year)
        starts = [start] if start is not None else []
    elif m.dct is not None:
        dct = m.dct
        found = [_hijri_month_start(spec, feast_day, y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        near = [s for s in found if s is not None]
        starts = [min(near, key=lambda s: abs((s + dt.timedelta(days=day - 1) - dct).days))] if near else []
    if not starts:
        return None
    relative = hyear is None and year is None
    if m.get("last") is not None:  # "the last day of Dhul Hijjah": the day before the next month's first
        following = m.res.tables["hijri_month"].get(str(entry.get("next", "")))
        nspec = m.res.tables["holiday"].get(str(following.get("feast", ""))) if isinstance(following, dict) else None
        if nspec is None or not isinstance(following, dict):
            return None
        nexts = [_hijri_month_start(nspec, int(following.get("day", 1)), y) for y in (starts[0].year, starts[0].year + 1)]
        ends = [n for n in nexts if n is not None and 28 <= (n - starts[0]).days <= 31]
        return Resolution("DATE", (ends[0] - dt.timedelta(days=1)).isoformat(), "", relative) if ends else None
    if m.get("day") is None and m.get("last") is None:  # the month: its first day, its days as bounds
        return Resolution("DATE", starts[0].isoformat(), "", relative, span_days=HIJRI_MONTH_SPAN)
    return Resolution("DATE", (starts[0] + dt.timedelta(days=day - 1)).isoformat(), "", relative)


#: Days before the first of each Solar Hijri month (Farvardin .. Esfand): six of 31 days, then five of 30.
SOLAR_HIJRI_MONTH_START = (0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)
#: The Gregorian year in which Solar Hijri year N begins (at Nowruz) is N + this.
SOLAR_HIJRI_OFFSET = 621


def resolve_solar_hijri(m: Match) -> Resolution | None:
    """A day of the Iranian (Solar Hijri) calendar with its year ("Azar 4, 1400"): the Gregorian day, counted from
    Nowruz (``persian new year`` in the holiday table) of the year's Gregorian start (``solar_hijri_month``)."""
    month, day, syear = m.lookup("solar_hijri_month", "smonth"), day_of(m), m.get("syear")
    spec = m.res.tables["holiday"].get("persian new year")
    if not isinstance(month, int) or not 1 <= month <= 12 or day is None or syear is None or spec is None:
        return None
    if day > (31 if month <= 6 else 30):
        return None
    nowruz = _holiday_date(spec, int(syear) + SOLAR_HIJRI_OFFSET)
    if nowruz is None:
        return None
    return Resolution("DATE", (nowruz + dt.timedelta(days=SOLAR_HIJRI_MONTH_START[month - 1] + day - 1)).isoformat())


def resolve_weekday_holiday(m: Match) -> Resolution | None:
    """A weekday named by a holiday: "the Friday" of "the Friday before Christmas", "the Sunday" of "the Sunday
    after Thanksgiving" (the holiday read as where it stands), the nearest such weekday before / after its day."""
    weekday = m.lookup("weekday")
    raw = m.raw_groups.get("holiday", "")
    at = m.text.find(raw, m.end) if raw else -1
    if at < 0:
        return None
    feast = resolve_holiday(replace(m, start=at, end=at + len(raw)))  # guards and tense at the holiday's own place
    if weekday is None or feast is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", feast.value):
        return None
    day = dt.date.fromisoformat(feast.value)
    if m.get("rel") == "before":
        shift = -((day.isoweekday() - int(weekday) - 1) % 7 + 1)
    else:
        shift = (int(weekday) - day.isoweekday() - 1) % 7 + 1
    return Resolution("DATE", (day + dt.timedelta(days=shift)).isoformat(), "", feast.relative)


def resolve_range_day(m: Match) -> Resolution | None:
    """The second day of "March 3-5" / "March 3 and 5", or a later one of a list ("Nov 5, 7 and 9"): month and year
    of the timex just before."""
    if not m.previous:
        return None
    first = m.previous[-1]
    day = day_of(m)
    if first.granularity != "day" or day is None or not first.value[:4].isdigit():
        return None
    if not re.fullmatch(r"\s*(?:-|–|,?\s*and|,?\s*or|to|through|until|,)\s*", m.text[first.end:m.start]):
        return None
    date = safe_date(int(first.value[:4]), int(first.value[5:7]), day)
    if date is None or date.isoformat() < first.value:
        return None
    return Resolution("DATE", date.isoformat(), "", first.relative, len(m.previous) - 1)


def resolve_range_start_day(m: Match) -> Resolution | None:
    """The first day of "3-5 March" / "7 and 8 September": month and year of the day after it, never a later
    day than that one ("5-3 March" is no range)."""
    second = m.get("day2")
    day = day_of(m)
    if second is None or day is None or int(re.sub(r"\D", "", second) or 0) <= day:
        return None
    return resolve_date(m)


def _span_second_year(first: int, text: str, latest: int | None = None) -> int | None:
    """The second year of a span after ``first`` ("25" -> 2025 after 2024), None unless 1-10 years later; written
    in full and no later than ``latest`` (the DCT's year), up to 150 years later: a life, "(1940-2025)", or a
    career, "from 1984-1996" (a long span ahead, "2019-2035", stays no span).

    >>> _span_second_year(2024, "25"), _span_second_year(1940, "2025", 2025), _span_second_year(1984, "1996", 2025)
    (2025, 2025, 1996)
    >>> _span_second_year(1950, "75"), _span_second_year(2019, "18"), _span_second_year(2019, "2035", 2025)
    (None, None, None)
    """
    second = int(text) if len(text) == 4 else first // 100 * 100 + int(text)
    if len(text) == 2 and second <= first:
        second += 100
    wide = len(text) == 4 and latest is not None and second <= latest
    return second if 0 < second - first <= (150 if wide else 10) else None


def resolve_year_span(m: Match) -> Resolution | None:
    """Either year of a span "2024-25" / "2019-2021" / "2023/24": the first checked against the second, the second
    read after the first (the timex just before it, touching it).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("the 2024-25 season, the 2019-2021 term, not 2019-18", dt.date(2025, 12, 13))]
    ['2024', '2025', '2019', '2021']
    >>> [t.value for t in tag("the 25-26 school year and the 98-99 season", dt.date(2025, 12, 13))]
    ['2025', '2026', '1998', '1999']

    A fiscal year written as its two calendar years (rule param ``fiscal``) is one year, named by its end as
    "FY24" is: "the 2023-24 fiscal year" is 2024; a span of more than one year ("FY2019-22") is none.

    >>> [(t.text, t.value) for t in tag("growth in FY 2018-19 and the 2024-25 fiscal year", dt.date(2025, 12, 13))]
    [('FY 2018-19', '2019'), ('the 2024-25 fiscal year', '2025')]
    """
    text = m.get("year") or ""
    if m.get("year2") is not None:  # the first year: its follower is in the lookahead group
        first = int(text)
        if len(text) == 2:  # "the 25-26 school year": the DCT's century, or the one before for a year ahead of it
            if m.dct is None:
                return None
            first += m.dct.year // 100 * 100
            if first > m.dct.year + 10:
                first -= 100
        if m.rule.params.get("fiscal"):  # one fiscal year "FY 2023-24", "FY24-25": its name, the end year
            second = _span_second_year(first, str(m.get("year2")), m.dct.year if m.dct else None)
            return Resolution("DATE", f"{second:04d}") if second == first + 1 else None
        if _span_second_year(first, str(m.get("year2")), m.dct.year if m.dct else None) is None:
            return None
        return Resolution("DATE", f"{first:04d}")
    if not m.previous:
        return None
    before = m.previous[-1]
    if before.granularity != "year" or not before.value[:4].isdigit() or before.end != m.start - 1:
        return None
    second = _span_second_year(int(before.value[:4]), text, m.dct.year if m.dct else None)
    if second is None:
        return None
    return Resolution("DATE", f"{second:04d}", "", False, len(m.previous) - 1)


def resolve_month_day(m: Match) -> Resolution | None:
    """A day of the month with no month ("on the 12th"): the DCT's month, or the month before (past tense, a
    later day) or after (future tense, an earlier day).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("They met on the 20th. They will meet again on the 3rd.", dt.date(2025, 12, 13))]
    ['2025-11-20', '2026-01-03']

    With a weekday before it ("Tuesday 26th") the month whose day falls on that weekday, nearest the DCT.
    """
    day = day_of(m)
    if day is None:
        return None
    if m.get("every"):  # "on the 15th of each month": that day of every month
        return Resolution("SET", f"XXXX-XX-{day:02d}")
    if m.dct is None:
        return Resolution("DATE", f"XXXX-XX-{day:02d}", "", True)
    step = direction_of(m) if m.get("dir") else None
    if step is not None:  # "the 30th of this month", "the 1st of next month": that month's day
        month = cal.add_months(m.dct.replace(day=1), step)
        named = safe_date(month.year, month.month, day)
        return Resolution("DATE", named.isoformat(), "", True) if named else None
    weekday = m.lookup("weekday")
    if weekday is not None:  # "on Tuesday 26th": the month around the DCT whose 26th is a Tuesday, the nearest
        this_month = m.dct.replace(day=1)
        months = [(this_month - dt.timedelta(days=1)).replace(day=1), this_month,
                  (this_month + dt.timedelta(days=31)).replace(day=1)]
        fitting = [d for d in (safe_date(s.year, s.month, day) for s in months)
                   if d is not None and d.isoweekday() == int(weekday)]
        dct = m.dct
        if fitting:
            near = min(fitting, key=lambda d: abs((d - dct).days))
            return Resolution("DATE", near.isoformat(), "", True)
    named_month = _sentence_month(m)
    if named_month is not None:  # "between April 1 and 5, centered on the 3rd": the month just named
        date = safe_date(named_month.year, named_month.month, day)
        return Resolution("DATE", date.isoformat(), "", True) if date else None
    tense = m.tense(day=True)
    month_start = m.dct.replace(day=1)
    if tense == "past" and day > m.dct.day:
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    elif tense == "future" and day < m.dct.day:
        month_start = (month_start + dt.timedelta(days=31)).replace(day=1)
    date = safe_date(month_start.year, month_start.month, day)
    if date is None:
        return None
    return Resolution("DATE", date.isoformat(), "", True)


#: How far (characters) before a bare "the 3rd" a day or month of the same sentence may lie to give it its month.
_SENTENCE_MONTH_REACH = 80
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_BARE_ORDINAL = re.compile(r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)", re.IGNORECASE)


def _sentence_month(m: Match) -> dt.date | None:
    """The first day of the month of the DATE right before a bare ordinal day, when that DATE names a day or a month
    in the same sentence just before it: "peak bloom between April 1 and 5, centered on the 3rd" (April's 3rd, not
    the publication month's) (held-out seasonal-nature gold news196, session 21).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Peak bloom is due between March 23 and 27 this year, centered on the 25th.",
    ...                       dt.date(2018, 2, 28))]
    ['2018-03-23', '2018-03-27', '2018', '2018-03-25']
    """
    for last in reversed(m.previous[-3:]):
        if m.start - last.end > _SENTENCE_MONTH_REACH or _SENTENCE_END.search(m.text, last.end, m.start) \
                or last.type != "DATE" or last.date_start is None:
            return None
        if _BARE_ORDINAL.fullmatch(last.text):
            return None  # "met on the 20th and will meet again on the 3rd": no month named, the tense decides
        if last.granularity in ("day", "month"):
            return last.date_start.replace(day=1)
        if last.granularity != "year":
            return None  # a year between ("between March 23 and 27 this year") is passed over
    return None


#: A week number without a year that lies more than this many weeks after the DCT's ISO week is last year's ("epi
#: week 52" in a report of early January).
WEEK_NUMBER_AHEAD = 8


def resolve_week_number(m: Match) -> Resolution | None:
    """Numbered and ordinal weeks: "epi week 45", "week 52/2012" (ISO weeks of surveillance reports) and "the second
    week of April" (the ISO week holding that week's middle day: the 11th; "the last week of April": the 27th), whose
    bounds are that week's seven days of the month (8-14 April; "the last week of April": 24-30 April), not the ISO
    week's Monday to Sunday.

    >>> from timeline.temporal.tagger import tag
    >>> [(t.value, str(t.date_start), str(t.date_end)) for t in tag("It ends in the first week of March.",
    ...                                                             dt.date(2019, 1, 10))]
    [('2019-W10', '2019-03-01', '2019-03-07')]
    """
    relative = m.get("year") is None
    if m.get("weeknum") is not None:
        number = str(m.get("weeknum")).lower()
        week = int(number) if number.isdigit() else int(m.res.tables.get("number", {}).get(number, 0))
        ending = _report_week_end(m) if relative else None
        qualified = m.get("qual") is not None or m.get("ew") is not None
        if relative and not qualified and ending is None and not _outbreak_report(m):
            return None  # a bare "week 5": of a season, a trial, a pregnancy; unless the report gives its last day
            # ("Week 7, ending February 15, 2025") or the document is an outbreak report that dates other weeks
        year = year_of(m) if not relative else (m.dct.year if m.dct else None)
        if ending is not None:
            year, relative = _week_year_of_end(week, *ending), False
        if year is None:
            return None
        if relative and m.dct is not None and week > m.dct.isocalendar()[1] + WEEK_NUMBER_AHEAD:
            year -= 1
        if not 1 <= week <= dt.date(year, 12, 28).isocalendar()[1]:
            return None
        return Resolution("DATE", f"{year:04d}-W{week:02d}", m.mod(), relative)
    index, month = ordinal_of(m), month_of(m)
    month_shift, year_shift = direction_of(m, "mdir"), direction_of(m, "ydir")
    if month_shift is not None or m.get("newyear") or year_shift is not None:
        if m.dct is None:
            return None
        if month_shift is not None:  # "the third week of last month"
            named = cal.add_months(m.dct.replace(day=1), month_shift)
            month, year = named.month, named.year
        else:  # "the first week of December last year", "the second week of the new year"
            month = 1 if m.get("newyear") else month
            if str(m.get("newyear") or "") == "year" and (ordinal_of(m) or 0) < 0:
                month = 12  # "the last week of the year": December's
            year = m.dct.year + (year_shift or 0)
            if str(m.get("newyear") or "").startswith("new") and m.dct.month == 12:  # in December: the coming one
                year += 1
    elif m.get("yonly") is not None:  # "the first weekend of 2026": its January; "the last week of 2025": December
        year, month, relative = int(str(m.get("yonly"))), 12 if (index or 0) < 0 else 1, False
    elif relative:
        if m.dct is None or month is None:
            return None
        year = infer_year(m, month, None)
    else:
        year = int(str(year_of(m)))
    if index is None or month is None or index == 0 or index > 5:
        return None
    last = calendar.monthrange(year, month)[1]
    if m.get("wkend"):
        return None if m.get("full") else _ordinal_weekend(m, year, month, index, relative)
    if m.get("full"):  # a full week runs from the month's first Monday: the week of the index-th Monday
        monday = 1 + (7 - dt.date(year, month, 1).weekday()) % 7
        if index < 0:
            monday = last - (dt.date(year, month, last).weekday() + 1) % 7 - 6
        start = dt.date(year, month, 1) + dt.timedelta(days=monday - 1 + 7 * max(index - 1, 0))
        if monday < 1 or start.month != month:
            return None
        return Resolution("DATE", cal.format_value(start, "week"), m.mod(), relative,
                          bounds=(start, start + dt.timedelta(days=6)))
    day = last - 3 if index < 0 else 7 * (index - 1) + 4
    if day > last:
        return None
    first = dt.date(year, month, day - 3)
    bounds = (first, min(first + dt.timedelta(days=6), dt.date(year, month, last)))
    return Resolution("DATE", cal.format_value(dt.date(year, month, day), "week"), m.mod(), relative, bounds=bounds)


def _ordinal_weekend(m: Match, year: int, month: int, index: int, relative: bool) -> Resolution | None:
    """The index-th (or, below 0, the last) weekend of a month: the ISO week of its Saturday with "-WE" ("the
    first weekend of March 2026": Saturday 7 March, 2026-W10-WE), bounded by that Saturday and Sunday.

    >>> from timeline.temporal.tagger import tag
    >>> [(t.value, str(t.date_start)) for t in tag("The fair runs on the last weekend of June.",
    ...                                            dt.date(2026, 1, 10))]
    [('2026-W26-WE', '2026-06-27')]
    """
    last = calendar.monthrange(year, month)[1]
    if index < 0:
        saturday = last - (dt.date(year, month, last).weekday() - 5) % 7
    else:
        saturday = 1 + (5 - dt.date(year, month, 1).weekday()) % 7 + 7 * (index - 1)
    if saturday > last:
        return None
    start = dt.date(year, month, saturday)
    return Resolution("DATE", cal.format_value(start, "weekend"), m.mod(), relative,
                      bounds=(start, start + dt.timedelta(days=1)))


def _outbreak_report(m: Match) -> bool:
    """Whether a bare week number ("in week 11", "from week one") stands in an outbreak report: the document also
    names a qualified or dated week (the rule's ``week_doc_cue``: "epi Week 5, 2024", "week 10 of 2023") and
    counts cases or deaths (``week_doc_topic``); only run when such a bare number is met."""
    cue, topic = m.rule.params.get("week_doc_cue"), m.rule.params.get("week_doc_topic")
    if not cue or not topic:
        return False
    return (re.search(str(cue), m.text, re.IGNORECASE) is not None
            and re.search(str(topic), m.text, re.IGNORECASE) is not None)


def _report_week_end(m: Match) -> tuple[int, int] | None:
    """Month and year of the last day a report gives right after a bare week number ("Week 7, ending February 15,
    2025", "week 6 (February 7-13, 2016)"), from the rule's ``week_end_after`` regex, else None."""
    pattern = m.rule.params.get("week_end_after")
    if not pattern:
        return None
    found = re.match(str(pattern), m.text[m.end:m.end + 80], re.IGNORECASE)
    if found is None:
        return None
    name = (found.group("wmonth") or found.group("wmonth2")).lower()
    months = m.res.tables.get("month", {})
    month = months.get(name, months.get(name + "."))  # the month table of normalization.yaml ("feb", "sept.")
    return (int(month), int(found.group("wyear") or found.group("wyear2"))) if month is not None else None


def _week_year_of_end(week: int, month: int, year: int) -> int:
    """The year of week ``week`` that ends in ``month`` of ``year`` (week 52 ending in January is last year's)."""
    if week >= 50 and month == 1:
        return year - 1
    if week <= 2 and month == 12:
        return year + 1
    return year
