"""Interval expressions over two timexes: "from 2019 to 2021", "between March and May"."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from timeline.paths import data_file
from timeline.temporal.timex import TimeRange, Timex, reanchored
from timeline.yaml_strict import load_yaml


@lru_cache(maxsize=1)
def _range_patterns() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str]], ...]:
    with data_file("temporal", "ranges.yaml").open(encoding="utf-8") as handle:
        spec = load_yaml(handle.read())
    out = []
    for entry in spec["ranges"]:
        opener = str(entry.get("opener") or "")
        before = re.compile(r"(?:^|\W)(?P<word>" + opener + r")\s+\Z", re.IGNORECASE) if opener else None
        between = re.compile(r"\s*(?:" + "|".join(re.escape(c) for c in entry["connectors"]) + r")\s*\Z",
                             re.IGNORECASE)
        out.append((before, between))
    return tuple(out)


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _consecutive(first: Timex, last: Timex) -> bool:
    """Two calendar days, months or years in a row ("Sept. 7 and 8", "April and May", "2021 and 2022")."""
    a, b = first.date_start, last.date_start
    if a is None or b is None or first.granularity != last.granularity:
        return False
    if first.granularity == "day":
        return (b - a).days == 1
    if first.granularity == "month":
        return (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1
    if first.granularity == "year":
        return b.year - a.year == 1
    return False


def _ordered_same_granularity(first: Timex, last: Timex) -> bool:
    """Both calendar timexes of one granularity, the second not before the first ("Dec. 31 to Jan. 1")."""
    return (first.is_calendar and last.is_calendar and first.granularity == last.granularity
            and first.date_start is not None and last.date_start is not None
            and first.date_start <= last.date_start)


#: The "on" between a clock time and the day it falls on ("8 p.m. on Feb. 15"): two timexes (TimeML leaves the
#: preposition out) that stand for one point of time.
CLOCK_ON_DAY = re.compile(r",?\s+on\s+", re.IGNORECASE)


def _on_day(text: str, timexes: list[Timex], index: int) -> int:
    """The index of the day a clock time at ``index`` falls on when it follows as "<clock> on <day>" (its own index
    otherwise)."""
    if index + 1 >= len(timexes):
        return index
    clock, day = timexes[index], timexes[index + 1]
    if clock.type == "TIME" and day.type in ("DATE", "TIME") and clock.date_start is not None \
            and clock.date_start == day.date_start and CLOCK_ON_DAY.fullmatch(text, clock.end, day.start):
        return index + 1
    return index


def join_clock_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """The timexes with each "<clock> on <day>" pair as one timex of the clock's value over both spans, for readers
    that date an event by the one expression nearest to it (the events layer: "saw rain by 8.30pm on Saturday" is
    dated 20:30, not the day); anchors are renumbered to the shorter list.

    >>> import datetime as dt
    >>> from timeline.temporal import tag
    >>> s = "The show starts at 8 p.m. on Feb. 15."
    >>> [(t.text, t.value) for t in join_clock_days(s, tag(s, dt.date(2025, 2, 10)))]
    [('8 p.m. on Feb. 15', '2025-02-15T20:00')]
    """
    out: list[Timex] = []
    new_index: dict[int, int] = {}
    index = 0
    while index < len(timexes):
        day = _on_day(text, timexes, index)
        timex = timexes[index]
        if day != index:
            timex = replace(timex, text=text[timex.start:timexes[day].end], end=timexes[day].end)
        for k in range(index, day + 1):
            new_index[k] = len(out)
        out.append(timex)
        index = day + 1
    return reanchored(out, new_index)


def find_ranges(text: str, timexes: list[Timex]) -> list[TimeRange]:
    """Pairs of consecutive calendar timexes joined as one interval.

    >>> import datetime as dt
    >>> from timeline.temporal import tag
    >>> s = "Prices rose from 2019 to 2021."
    >>> find_ranges(s, tag(s, dt.date(2025, 1, 1)))
    [TimeRange(first=0, last=1, start=12, end=29)]
    >>> s = "She won in 2021 and 2022, and again in 2024 and 2026."
    >>> [s[r.start:r.end] for r in find_ranges(s, tag(s, dt.date(2025, 1, 1)))]
    ['2021 and 2022']
    >>> s = "Roads close from 9 p.m. on Friday to 5 a.m. on Monday."
    >>> find_ranges(s, tag(s, dt.date(2025, 1, 1)))
    [TimeRange(first=0, last=2, start=12, end=53)]
    """
    ranges: list[TimeRange] = []
    index = 0
    while index + 1 < len(timexes):
        first_day = _on_day(text, timexes, index)  # "from 9 a.m. on Friday to 5 p.m. on Sunday": clock and day as one
        if first_day + 1 >= len(timexes):
            break
        first, last = timexes[index], timexes[first_day + 1]
        last_day = _on_day(text, timexes, first_day + 1)
        found = None
        if first.type in ("DATE", "TIME") and last.type in ("DATE", "TIME"):
            gap = text[timexes[first_day].end:last.start]
            prefix = text[max(0, first.start - 20):first.start]
            for before, between in _range_patterns():
                if not between.match(gap):
                    continue
                if before is None:
                    if not _ordered_same_granularity(first, last):
                        continue
                    if gap.strip().lower() == "and" and not _consecutive(first, last):
                        continue  # "Dec. 3 and 5", "2016 and 2020" are two dates; "Sept. 7 and 8" one span
                    if gap.strip().isalpha() and not (_has_digit(first.text) and _has_digit(last.text)) and not (
                            gap.strip().lower() == "and" and first.granularity in ("month", "year")):
                        continue  # "moved Friday to Monday" is a change, "Saturday and Sunday" two days
                    found = TimeRange(index, first_day + 1, first.start, timexes[last_day].end)
                else:
                    opener = before.search(prefix)
                    if opener is None:
                        continue
                    start = first.start - len(prefix) + opener.start("word")
                    found = TimeRange(index, first_day + 1, start, timexes[last_day].end)
                break
        if found is not None:
            ranges.append(found)
            index = last_day + 1
        else:
            index += 1
    return ranges
