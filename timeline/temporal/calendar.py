"""Calendar arithmetic for TIMEX3 values: shifting by units, formatting values, inclusive bounds."""
from __future__ import annotations

import calendar as _cal
import datetime as dt
import re

from dateutil.easter import easter as dateutil_easter

#: Granularity of each unit code used by the rules (see data/temporal/normalization.yaml ``unit``).
UNIT_GRANULARITY: dict[str, str] = {
    "Y": "year", "M": "month", "W": "week", "D": "day", "H": "time", "MIN": "time", "S": "time",
    "Q": "quarter", "HALF": "half", "DE": "decade", "CE": "century", "WE": "week", "SE": "season",
}
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Seasons in the order of one TimeML season year (``2025-WI`` is the winter that begins in December 2025).
SEASON_YEAR_ORDER: tuple[str, ...] = ("SP", "SU", "FA", "WI")

_VALUE_RE = re.compile(
    r"^(?P<y>\d{2,4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d|XX)(?:T(?P<t>.*))?)?|W(?P<w>\d\d?)(?:-WE)?|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?$"
)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's length.

    >>> add_months(dt.date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


#: How many of a time unit make a day: a shift of a day-sized date by hours moves it by whole days only.
_UNITS_PER_DAY: dict[str, int] = {"H": 24, "MIN": 24 * 60, "S": 24 * 60 * 60}


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """``day`` moved by ``amount`` units (Y M W D Q HALF DE CE WE); time units (H MIN S) move it by the whole days
    they make, toward zero ("45 minutes ago" is the same day, "36 hours ago" the day before).

    >>> shift(dt.date(2024, 7, 5), "H", -3), shift(dt.date(2024, 7, 5), "H", -36), shift(dt.date(2024, 7, 5), "D", -3)
    (datetime.date(2024, 7, 5), datetime.date(2024, 7, 4), datetime.date(2024, 7, 2))
    """
    try:
        if unit == "Y":
            return add_months(day, 12 * amount)
        if unit == "M":
            return add_months(day, amount)
        if unit == "Q":
            return add_months(day, 3 * amount)
        if unit == "HALF":
            return add_months(day, 6 * amount)
        if unit == "DE":
            return add_months(day, 120 * amount)
        if unit == "CE":
            return add_months(day, 1200 * amount)
        if unit in ("W", "WE"):
            return day + dt.timedelta(weeks=amount)
        if unit == "2W":
            return day + dt.timedelta(weeks=2 * amount)
        if unit in _UNITS_PER_DAY:  # "3 hours ago" is the publication day, "36 hours ago" the day before it
            return day + dt.timedelta(days=int(amount / _UNITS_PER_DAY[unit]))
        return day + dt.timedelta(days=amount)
    except (ValueError, OverflowError):
        return day


def format_value(day: dt.date, granularity: str) -> str:
    """The TIMEX3 value of the ``granularity``-sized period containing ``day``.

    >>> format_value(dt.date(2025, 12, 13), "week"), format_value(dt.date(2025, 8, 3), "quarter")
    ('2025-W50', '2025-Q3')
    >>> format_value(dt.date(2025, 12, 13), "weekend")
    '2025-W50-WE'
    """
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity in ("week", "weekend"):  # a weekend: the one of the week that holds ``day``
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    if granularity == "season":
        code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(day.month, "FA")
        year = day.year - 1 if day.month <= 2 else day.year
        return f"{year:04d}-{code}"
    return day.isoformat()


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def value_bounds(value: str) -> tuple[dt.date, dt.date, str] | None:
    """Inclusive calendar bounds and granularity of a TIMEX3 date value, or None when it is not one.

    >>> value_bounds("2025-W50")
    (datetime.date(2025, 12, 8), datetime.date(2025, 12, 14), 'week')
    >>> value_bounds("2025-WI")[1]
    datetime.date(2026, 2, 28)
    >>> value_bounds("1998-10-XX")
    (datetime.date(1998, 10, 1), datetime.date(1998, 10, 31), 'month')
    """
    m = _VALUE_RE.match(value)
    if not m:
        return None
    try:
        ytext = m["y"]
        if len(ytext) == 4:
            year = int(ytext)
        elif len(ytext) == 3:
            first = int(ytext) * 10
            return dt.date(first, 1, 1), dt.date(first + 9, 12, 31), "decade"
        else:
            first = int(ytext) * 100
            return dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31), "century"
        if m["d"] and m["d"] != "XX":  # "1998-10-XX": a day of October 1998 ("that same day"), bounded by the month
            day = dt.date(year, int(m["m"]), int(m["d"]))
            return day, day, "time" if m["t"] else "day"
        if m["m"]:
            month = int(m["m"])
            return dt.date(year, month, 1), _month_end(year, month), "month"
        if m["w"]:
            monday = dt.date.fromisocalendar(year, int(m["w"]), 1)
            if value.endswith("-WE"):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"
            return monday, monday + dt.timedelta(days=6), "week"
        if m["q"]:
            first_month = 3 * int(m["q"]) - 2
            return dt.date(year, first_month, 1), _month_end(year, first_month + 2), "quarter"
        if m["h"]:
            first_month = 1 if m["h"] == "1" else 7
            return dt.date(year, first_month, 1), _month_end(year, first_month + 5), "half"
        if m["s"]:
            start_month = SEASON_START_MONTH[m["s"]]
            start = dt.date(year, start_month, 1)
            end = add_months(start, 2)
            return start, _month_end(end.year, end.month), "season"
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError:
        return None


def apply_mod(start: dt.date, end: dt.date, granularity: str, mod: str) -> tuple[dt.date, dt.date]:
    """Narrow bounds for START / MID / END (a month splits 1-10 / 11-20 / 21-end, others in thirds).

    >>> apply_mod(dt.date(2025, 8, 1), dt.date(2025, 8, 31), "month", "START")
    (datetime.date(2025, 8, 1), datetime.date(2025, 8, 10))
    """
    if mod not in ("START", "MID", "END") or granularity in ("day", "time"):
        return start, end
    if granularity == "month":
        cuts = {"START": (1, 10), "MID": (11, 20), "END": (21, end.day)}[mod]
        return start.replace(day=cuts[0]), start.replace(day=cuts[1])
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months >= 3 and granularity in ("year", "half", "quarter", "season"):
        third = months // 3
        first = {"START": 0, "MID": third, "END": months - third}[mod]
        last = {"START": third, "MID": months - third, "END": months}[mod] - 1
        lo = add_months(start.replace(day=1), first)
        hi = add_months(start.replace(day=1), last)
        return lo, dt.date(hi.year, hi.month, _cal.monthrange(hi.year, hi.month)[1])
    days = (end - start).days + 1
    third = days // 3
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "MID":
        return start + dt.timedelta(days=third), start + dt.timedelta(days=days - third - 1)
    return start + dt.timedelta(days=days - third), end


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` ISO ``weekday`` (1=Monday) of a month; ``nth=-1`` is the last one.

    >>> nth_weekday(2025, 11, 4, 4)
    datetime.date(2025, 11, 27)
    """
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    last = _month_end(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday (dateutil's computation).

    >>> easter(2025)
    datetime.date(2025, 4, 20)
    """
    return dateutil_easter(year)
