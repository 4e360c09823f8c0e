"""Events known only by a bound: "before 1993" (no ``date_start``) or "after the war" (no ``date_end``).

A row with exactly one of its two dates is *open-ended*: its possible interval runs from the known day to the
open side. The known day is the last possible day of a BEFORE row ("before 2019" ends 2018-12-31) and the first
possible day of an AFTER row ("after 1948" starts 1949-01-01; see ``timeline.events.timing``), so the words say
the first impossible period: "before 2019", "after 1948". The chart, the counts, the date-range filter and the TimelineJS and iCalendar exports all ask this
module, so that they agree on which rows are open and on how the bound is said.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

#: The word said before the bound of an event with no start ("before") and of one with no end ("after").
BEFORE, AFTER = "before", "after"
#: Granularities whose bound is said by month ("before August 1990") or by year ("after 1948"); others by day.
_MONTH_GRAINS = frozenset({"month"})
_YEAR_GRAINS = frozenset({"year", "decade", "century"})


def open_sides(frame: pd.DataFrame) -> pd.Series:
    """Per row: "before" (only ``date_end`` is known), "after" (only ``date_start``) or "" (both or neither).

    >>> from timeline.schema import events_frame
    >>> open_sides(events_frame([{"date_end": "1993-01-01"}, {"date_start": "1948-01-01"},
    ...     {"date_start": "2024-05-01", "date_end": "2024-05-01"}, {}])).tolist()
    ['before', 'after', '', '']
    """
    start, end = frame["date_start"].notna().to_numpy(), frame["date_end"].notna().to_numpy()
    sides = np.where(~start & end, BEFORE, np.where(start & ~end, AFTER, ""))
    return pd.Series(sides, index=frame.index, dtype=object)


def is_dated(frame: pd.DataFrame) -> pd.Series:
    """Per row: True when the event has a date or a bound (it is drawn, counted as dated and exported).

    >>> from timeline.schema import events_frame
    >>> is_dated(events_frame([{"date_end": "1993-01-01"}, {}, {"date_start": "2024-05-01"}])).tolist()
    [True, False, True]
    """
    return (frame["date_start"].notna() | frame["date_end"].notna()).astype(bool)


def bound_days(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The first and last day each event is drawn at (seconds; NaT for undated rows): its own dates, or the bound
    day twice for an open-ended event.

    >>> from timeline.schema import events_frame
    >>> first, last = bound_days(events_frame([{"date_end": "1993-01-01"}, {"date_start": "2024-05-01",
    ...     "date_end": "2024-05-03"}]))
    >>> np.datetime_as_string(first, unit="D").tolist(), np.datetime_as_string(last, unit="D").tolist()
    (['1993-01-01', '2024-05-01'], ['1993-01-01', '2024-05-03'])
    """
    start = frame["date_start"].to_numpy(dtype="datetime64[s]")
    end = frame["date_end"].to_numpy(dtype="datetime64[s]")
    first = np.where(np.isnat(start), end, start)
    last = np.where(np.isnat(end), start, end)
    return first, np.maximum(last, first)


def bound_text(day: str, granularity: str = "day") -> str:
    """An ISO bound day as a reader says it, as precise as the date's granularity ("" for "NaT" or "").

    >>> bound_text("1993-01-01"), bound_text("1990-08-31", "month"), bound_text("1994-12-31", "year")
    ('1 January 1993', 'August 1990', '1994')
    >>> bound_text("0950-03-05"), bound_text("NaT")
    ('5 March 950', '')
    """
    try:
        value = dt.date.fromisoformat(day[:10])
    except ValueError:
        return ""
    if granularity in _YEAR_GRAINS:
        return str(value.year)
    month = value.strftime("%B")
    return f"{month} {value.year}" if granularity in _MONTH_GRAINS else f"{value.day} {month} {value.year}"


def _excluded_day(side: str, day: str, granularity: str) -> tuple[str, str]:
    """The first day the event cannot be on, next to its bound (the day after the last possible day of a BEFORE
    row, the day before the first possible day of an AFTER row), and the granularity to say it in: the row's,
    when that day begins (BEFORE) or ends (AFTER) one of its periods, else the day.

    >>> _excluded_day("before", "2018-12-31", "year"), _excluded_day("after", "1949-01-01", "year")
    (('2019-01-01', 'year'), ('1948-12-31', 'year'))
    >>> _excluded_day("before", "2019-12-15", "year"), _excluded_day("after", "2025-08-01", "month")
    (('2019-12-16', 'day'), ('2025-07-31', 'month'))
    """
    try:
        bound = dt.date.fromisoformat(day[:10])
        value = bound + dt.timedelta(days=1 if side == BEFORE else -1)
    except (ValueError, OverflowError):
        return day, granularity
    edge = value if side == BEFORE else value + dt.timedelta(days=1)  # the first day of the next period
    if granularity in _MONTH_GRAINS and edge.day != 1 or granularity in _YEAR_GRAINS and (edge.month, edge.day) != (1, 1):
        granularity = "day"
    return value.isoformat(), granularity


def bound_phrases(frame: pd.DataFrame) -> list[str]:
    """Per row: "before 1 January 1993" / "after 1948" for open-ended events, "" for the others: the first day
    (or period) the event cannot be in, next to its stored bound.

    Each distinct (side, day, granularity) is worded once (thousands of rows share a few bounds).

    >>> from timeline.schema import events_frame
    >>> bound_phrases(events_frame([{"date_end": "1992-12-31", "granularity": "day"},
    ...     {"date_start": "1949-01-01", "granularity": "year"}, {"date_start": "2024-05-01", "date_end": "2024-05-01"},
    ...     {"date_end": "2018-12-31", "granularity": "year"}]))
    ['before 1 January 1993', 'after 1948', '', 'before 2019']
    """
    sides = open_sides(frame).tolist()
    first, _ = bound_days(frame)
    days = np.datetime_as_string(first, unit="D").tolist()
    grains = frame["granularity"].astype(object).where(frame["granularity"].notna(), "").tolist()
    done: dict[tuple[str, str, str], str] = {}
    out: list[str] = []
    for side, day, grain in zip(sides, days, grains):
        if not side:
            out.append("")
            continue
        key = (side, day, str(grain))
        if key not in done:
            done[key] = f"{side} {bound_text(*_excluded_day(side, day, str(grain)))}"
        out.append(done[key])
    return out
