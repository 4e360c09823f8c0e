"""Resolvers: turn one rule match into a TIMEX3 value, anchored on the DCT or an earlier timex.

Each resolver reads the match's named groups (normalized through the tables of normalization.yaml)
and the rule's params, and returns a :class:`Resolution` or None when the match is not a time after all.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from timeline.temporal import calendar as cal
from timeline.temporal.numbers import parse_quantity
from timeline.temporal.rules import Resources, Rule
from timeline.temporal.tense import estimate_tense
from timeline.temporal.timex import Timex

_UNRESOLVED: dict[str, str] = {
    "year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX", "quarter": "XXXX-QX",
    "half": "XXXX-HX", "decade": "XXX", "century": "XX", "season": "XXXX-XX", "time": "XXXX-XX-XX",
}
_DURATION_CODE: dict[str, tuple[str, int, bool]] = {
    # unit -> (TIMEX3 letter, multiplier, is a time unit)
    "Y": ("Y", 1, False), "M": ("M", 1, False), "W": ("W", 1, False), "D": ("D", 1, False),
    "H": ("H", 1, True), "MIN": ("M", 1, True), "S": ("S", 1, True), "Q": ("M", 3, False),
    "HALF": ("M", 6, False), "DE": ("Y", 10, False), "CE": ("Y", 100, False), "2W": ("W", 2, False),
    "WE": ("WE", 1, False),
}


@dataclass(frozen=True)
class Resolution:
    """What a resolver decided for one match."""

    type: str
    value: str
    mod: str = ""
    relative: bool = False
    anchor_index: int | None = None
    clip: str = ""  # "past" / "future": bounds cut at the DCT ("earlier this year")


@dataclass
class Match:
    """A rule match with its context, handed to a resolver."""

    rule: Rule
    groups: dict[str, str]
    raw_groups: dict[str, str]
    text: str
    start: int
    end: int
    dct: dt.date | None
    previous: Sequence[Timex]
    res: Resources

    def get(self, name: str) -> str | None:
        """Lower-cased, space-normalized text of a group (None when it did not take part)."""
        return self.groups.get(name)

    def lookup(self, table: str, name: str | None = None) -> Any:
        """The normalized value of group ``name`` (default: the table's name) through ``table``."""
        key = self.get(name or table)
        if key is None:
            return None
        tab = self.res.tables.get(table, {})
        if key in tab:
            return tab[key]
        return tab.get(key + ".", tab.get(key.rstrip(".") + ".", tab.get(key.rstrip("."))))

    def tense(self) -> str | None:
        """Estimated tense around the match."""
        return estimate_tense(self.text, self.start, self.end, self.res)

    def mod(self) -> str:
        """TIMEX3 mod from the ``mod`` / ``vmod`` / ``approx`` groups or the rule's params."""
        for name in ("mod", "mod2", "vmod", "approx"):
            value = self.lookup("mod", name)
            if value:
                return str(value)
            key = self.get(name)
            if key and key.startswith("mid"):
                return "MID"
        return str(self.rule.params.get("mod", ""))

    def reference(self, granularities: tuple[str, ...]) -> tuple[int, Timex] | None:
        """The most recent earlier calendar timex with one of ``granularities``."""
        for index in range(len(self.previous) - 1, -1, -1):
            timex = self.previous[index]
            if timex.anchor_index is not None:
                continue
            if timex.is_calendar and timex.granularity in granularities and timex.type in ("DATE", "TIME"):
                return index, timex
        return None


Resolver = Callable[[Match], "Resolution | None"]


# ---------------------------------------------------------------------------------------------- helpers
def _words_year(words: str, numbers: dict[str, Any]) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = words.replace("the year ", "")
    if words.startswith("two thousand"):
        rest = words.replace("two thousand", "").replace("and", "").strip()
        return 2000 + int(numbers.get(rest, 0) if rest else 0)
    parts = [p for p in re.split(r"[\s-]+", words) if p]
    if not parts:
        return None
    values = [int(numbers.get(p, 0)) for p in parts]
    return values[0] * 100 + sum(values[1:])


def _year(m: Match) -> int | None:
    if m.get("yearwords"):
        return _words_year(str(m.get("yearwords")), m.res.tables["number"])
    text = m.get("year")
    if text is None:
        return None
    digits = re.sub(r"\D", "", text)
    if not digits:
        return None
    if len(digits) == 4:
        return int(digits)
    yy = int(digits[-2:])
    pivot = (m.dct.year % 100 + 10) if m.dct else 30
    century = (m.dct.year // 100 * 100) if m.dct else 2000
    return century + yy if yy <= pivot else century - 100 + yy


def _month(m: Match) -> int | None:
    if m.get("monthnum"):
        return int(str(m.get("monthnum")))
    raw = m.raw_groups.get("month")
    if raw is None:
        return None
    if raw[:1].islower():  # "may", "march" as words, not months
        return None
    value = m.lookup("month")
    return int(value) if value is not None else None


def _day(m: Match) -> int | None:
    text = m.get("day")
    if text is None:
        return None
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else None


def _direction(m: Match, name: str = "dir") -> int | None:
    key = m.get(name)
    if key is None:
        return None
    key = re.sub(r"^(?:the\s+(?:very\s+)?|that\s+)", "", key)
    key = re.sub(r"^(?:earlier|later)\s+", "", key)
    table = m.res.tables.get("direction", {})
    if key in table:
        return int(table[key])
    if key in ("that", "same", ""):
        return 0
    return None


def _infer_year(m: Match, month: int, day: int | None) -> int:
    """The year of a month (and day) without a year, from the DCT and the tense around the match."""
    assert m.dct is not None
    year = m.dct.year
    target = (month, day or 0)
    now = (m.dct.month, m.dct.day if day else 0)
    tense = m.tense()
    if tense == "future" and target < now and m.dct.month - month >= 2:
        return year + 1
    if tense == "past" and target > now and month - m.dct.month >= 2:
        return year - 1
    if tense is None and (month - m.dct.month > 6 or (day is None and month - m.dct.month > 1)):
        return year - 1
    if tense is None and day is not None and m.dct.month - month > 6:
        return year + 1
    return year


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _unit(m: Match) -> str | None:
    unit = m.rule.params.get("unit")
    if unit:
        return str(unit)
    value = m.lookup("unit") or m.lookup("unit", "unit2")
    if value is None and m.get("unit"):
        key = str(m.get("unit"))
        value = m.res.tables.get("unit", {}).get(key.rstrip("s"))
    return str(value) if value is not None else None


# ---------------------------------------------------------------------------------------------- resolvers
def resolve_date(m: Match) -> Resolution | None:
    """Explicit or partial calendar dates: "March 5, 1946", "Sept. 30", "June last year", "1990"."""
    mod = m.mod()
    year = _year(m)
    month = _month(m)
    if m.raw_groups.get("month") is not None and month is None:
        return None
    day = _day(m)
    relative = False
    ydir = _direction(m, "ydir")
    if year is None and ydir is not None:
        if m.dct is None:
            return Resolution("DATE", "XXXX" + (f"-{month:02d}" if month else ""), mod, True)
        year, relative = m.dct.year + ydir, True
    direction = _direction(m, "dir")
    if year is None and month is not None and direction is not None and m.dct is not None:
        year, relative = m.dct.year, True
        if direction < 0 and (month >= m.dct.month):
            year -= 1
        elif direction > 0 and month <= m.dct.month:
            year += 1
    if year is None:
        if month is None:
            return None
        if m.dct is None:
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return Resolution("DATE", value, mod, True)
        year, relative = _infer_year(m, month, day), True
    if month is None:
        return Resolution("DATE", f"{year:04d}", mod, relative)
    if day is None:
        return Resolution("DATE", f"{year:04d}-{month:02d}", mod, relative)
    date = _safe_date(year, month, day)
    if date is None:
        return None
    if m.rule.params.get("granularity") == "week":
        return Resolution("DATE", cal.format_value(date, "week"), mod, relative)
    if m.get("hour") is not None:
        return Resolution("TIME", f"{date.isoformat()}T{int(str(m.get('hour'))):02d}:{m.get('minute')}", mod,
                          relative)
    return Resolution(m.rule.type, date.isoformat(), mod, relative)


def _weekday_date(m: Match, weekday: int) -> dt.date:
    assert m.dct is not None
    dct = m.dct
    direction = _direction(m)
    if m.rule.params.get("week"):
        monday = dct - dt.timedelta(days=dct.isoweekday() - 1) + dt.timedelta(weeks=direction or 0)
        return monday + dt.timedelta(days=weekday - 1)
    back = (dct.isoweekday() - weekday) % 7
    forward = (weekday - dct.isoweekday()) % 7
    if direction is not None and direction < 0:
        return dct - dt.timedelta(days=back or 7)
    if direction is not None and direction > 0:
        return dct + dt.timedelta(days=forward or 7)
    if direction == 0:
        return dct - dt.timedelta(days=dct.isoweekday() - weekday)
    if m.tense() == "future":
        return dct + dt.timedelta(days=forward)
    return dct - dt.timedelta(days=back)


def resolve_weekday(m: Match) -> Resolution | None:
    """Weekdays anchored on the DCT by direction word or tense: "Friday", "next Tuesday", "Friday morning"."""
    weekday = m.lookup("weekday")
    if weekday is None:
        return None
    part = m.lookup("part")
    if m.dct is None:
        return Resolution("DATE", "XXXX-XX-XX", m.mod(), True)
    date = _weekday_date(m, int(weekday))
    if part:
        return Resolution("TIME", f"{date.isoformat()}T{part}", m.mod(), True)
    return Resolution("DATE", date.isoformat(), m.mod(), True)




def resolve_dayword(m: Match) -> Resolution | None:
    """"today", "yesterday", "tomorrow", "this morning", "last night"."""
    rel = m.get("rel") or m.get("rel2") or ""
    offset = m.res.tables["day_word"].get(rel)
    if offset is None:
        return None
    part = m.lookup("part") or m.lookup("part", "part2")
    if m.dct is None:
        return Resolution("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), m.mod(), True)
    date = m.dct + dt.timedelta(days=offset)
    if part:
        return Resolution("TIME", f"{date.isoformat()}T{part}", m.mod(), True)
    return Resolution("DATE", date.isoformat(), m.mod(), True)


def _anchor_for(m: Match, unit: str, mode: str) -> tuple[dt.date | None, str | None, int | None]:
    """(anchor date, granularity override, anchor index) for a shift."""
    if mode in ("ref", "dct_or_period"):
        wanted: tuple[str, ...] = ("quarter", "half") if mode == "dct_or_period" else (
            "day", "time", "week", "month", "quarter", "half", "year")
        ref = m.reference(wanted)
        if mode == "dct_or_period" and ref is not None and unit == "Y":
            index, timex = ref
            assert timex.date_start is not None
            return timex.date_start, timex.granularity, index
        if mode == "ref" and ref is not None:
            index, timex = ref
            assert timex.date_start is not None
            return timex.date_start, None, index
    return m.dct, None, None


def resolve_shift(m: Match) -> Resolution | None:
    """A unit moved from the DCT or a reference: "last year", "two weeks ago", "a year earlier"."""
    unit = _unit(m)
    if unit is None:
        return None
    if "n" in m.rule.params:
        amount: float | str = float(m.rule.params["n"])
    elif m.get("num"):
        quantity = parse_quantity(str(m.get("num")), m.res.tables["number"], m.res.tables["vague_number"])
        if quantity is None:
            return None
        amount = quantity
    else:
        amount = 1.0
    direction = _direction(m)
    if "sign" in m.rule.params:
        direction = int(m.rule.params["sign"])
    if direction is None:
        direction = -1 if m.get("dir") and "ago" in str(m.get("dir")) else 0
    if m.rule.params.get("n") == 0:
        direction = 0
    mod = m.mod()
    clip = ""
    if m.rule.params.get("clip"):
        clip = "past" if mod == "START" else "future"
    if amount == "X":
        return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod, True)
    granularity = cal.UNIT_GRANULARITY.get(unit, "day")
    mode = str(m.rule.params.get("anchor", "dct"))
    word = m.get("dir") or ""
    if mode == "dct_or_period" and any(w in word for w in ("earlier", "later", "before", "after")):
        mode = "ref" if unit != "Y" else "dct_or_period"
    anchor, override, index = _anchor_for(m, unit, mode)
    if anchor is None:
        return Resolution("DATE", _UNRESOLVED.get(granularity, "XXXX-XX-XX"), mod, True)
    steps = int(float(amount)) * (direction if direction else 0)
    if unit == "2W":
        unit, steps = "W", steps * 2
    shifted = cal.shift(anchor, unit, steps)
    if unit == "WE":
        saturday = shifted + dt.timedelta(days=6 - shifted.isoweekday()) if direction >= 0 else (
            shifted - dt.timedelta(days=(shifted.isoweekday() - 6) % 7 or 0))
        return Resolution("DATE", cal.format_value(saturday, "week") + "-WE", mod, True, index, clip)
    if unit in ("H", "MIN", "S"):
        granularity = "day"
    value = cal.format_value(shifted, override or granularity)
    return Resolution("DATE", value, mod, True, index, clip)


def _duration_value(amount: float | str, unit: str) -> str:
    letter, factor, is_time = _DURATION_CODE.get(unit, ("D", 1, False))
    prefix = "PT" if is_time else "P"
    if amount == "X":
        return f"{prefix}X{letter}"
    number = float(amount) * factor
    if number != int(number):
        if unit == "H":
            return f"PT{int(number)}H{round((number - int(number)) * 60)}M"
        if unit == "Y":
            months = round((number - int(number)) * 12)
            return f"P{int(number)}Y{months}M" if int(number) else f"P{months}M"
        if unit == "D":
            return f"PT{round(number * 24)}H"
        return f"{prefix}{number:g}{letter}"
    return f"{prefix}{int(number)}{letter}"


def resolve_duration(m: Match) -> Resolution | None:
    """Durations: "three months", "One hundred and twenty days", "the past decade", "years"."""
    unit = _unit(m)
    if unit is None:
        return None
    amount: float | str
    if m.rule.params.get("vague"):
        amount = "X"
    elif m.get("unit2"):
        amount = 1.0
    elif "n" in m.rule.params:
        amount = float(m.rule.params["n"])
    else:
        quantity = parse_quantity(str(m.get("num") or ""), m.res.tables["number"], m.res.tables["vague_number"])
        if quantity is None:
            return None
        amount = quantity
    return Resolution("DURATION", _duration_value(amount, unit), m.mod())


def resolve_const(m: Match) -> Resolution | None:
    """A fixed value from the rule: PRESENT_REF, PAST_REF, FUTURE_REF."""
    return Resolution(m.rule.type, str(m.rule.params.get("value", "")), m.mod())


def resolve_set(m: Match) -> Resolution | None:
    """Sets: "daily", "every week", "twice a year", "every Friday"."""
    if m.get("freq"):
        value = m.lookup("frequency", "freq")
        return Resolution("SET", str(value)) if value else None
    weekday = m.lookup("weekday")
    if weekday is not None:
        return Resolution("SET", f"XXXX-WXX-{weekday}")
    month = _month(m)
    if month is not None:
        return Resolution("SET", f"XXXX-{month:02d}")
    unit_word = m.get("unit") or ""
    part = m.res.tables.get("part", {}).get(unit_word)
    if part:
        return Resolution("SET", f"XXXX-XX-XXT{part}")
    unit = _unit(m)
    if unit is None:
        return None
    return Resolution("SET", _duration_value(1.0, unit))


def _refday(m: Match) -> tuple[dt.date | None, int | None]:
    month, day = _month(m), _day(m)
    if month is not None and day is not None:
        year = _infer_year(m, month, day) if m.dct is not None else None
        return (_safe_date(year, month, day) if year else None), None
    word = m.get("refday")
    if word:
        word = re.sub(r"^on\s+", "", word)
        offset = m.res.tables["day_word"].get(word)
        if offset is not None and m.dct is not None:
            return m.dct + dt.timedelta(days=int(offset)), None
        weekday = m.res.tables["weekday"].get(word, m.res.tables["weekday"].get(word + "."))
        if weekday is not None and m.dct is not None:
            return _weekday_date(m, int(weekday)), None
    ref = m.reference(("day", "time"))
    if ref is not None:
        index, timex = ref
        return timex.date_start, index
    return m.dct, None


def resolve_time(m: Match) -> Resolution | None:
    """Clock times anchored on a named day, the last day mentioned or the DCT: "10 p.m.", "noon Friday"."""
    named = m.get("named")
    if named:
        hour, minute = (12, 0) if named == "noon" else (24, 0)
    else:
        hour = int(str(m.get("hour")))
        minute = int(str(m.get("minute") or 0))
        ampm = (m.get("ampm") or "").replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    day, index = _refday(m)
    stem = day.isoformat() if day else "XXXX-XX-XX"
    return Resolution("TIME", f"{stem}T{hour:02d}:{minute:02d}", m.mod(), True, index)


def _ordinal(m: Match, name: str = "ord") -> int | None:
    key = m.get(name)
    if key is None:
        return None
    digits = re.sub(r"\D", "", key)
    if digits:
        return int(digits)
    value = m.res.tables["ordinal"].get(key)
    return int(value) if value is not None else None


def _year_phrase(m: Match) -> tuple[int | None, bool]:
    """Year from ``year`` (digits or "this/last/next year"), ``yearpos`` or ``ydir`` groups."""
    text = m.get("year") or ""
    if text and not text[0].isdigit() and text[0] != "'":  # "this year", "last year", "the year"
        offset = int(m.res.tables["direction"].get(text.split()[0], 0))
        return ((m.dct.year + offset) if m.dct else None), True
    if text:
        return _year(m), False
    if m.get("yearpos"):
        return int(str(m.get("yearpos"))), False
    ydir = _direction(m, "ydir")
    if ydir is not None:
        return ((m.dct.year + ydir) if m.dct else None), True
    return ((m.dct.year) if m.dct else None), True


def resolve_quarter(m: Match) -> Resolution | None:
    """Quarters and halves: "the third quarter", "third-quarter", "Q3 2024", "the second half of 1989"."""
    unit = str(m.rule.params.get("unit", "Q"))
    index = _ordinal(m)
    if index is None:
        return None
    count = 4 if unit == "Q" else 2
    if index < 0:
        index = count
    if not 1 <= index <= count:
        return None
    year, relative = _year_phrase(m)
    if (relative and year is not None and m.dct is not None and not m.get("ydir") and not m.get("year")
            and unit == "Q" and index > (m.dct.month - 1) // 3 + 1 and m.tense() == "past"):
        year -= 1
    letter = "Q" if unit == "Q" else "H"
    stem = f"{year:04d}" if year is not None else "XXXX"
    return Resolution("DATE", f"{stem}-{letter}{index}", m.mod(), relative)


def resolve_season(m: Match) -> Resolution | None:
    """Seasons: "last fall", "this summer", "spring 2024", "the winter"."""
    code = m.lookup("season")
    if code is None:
        return None
    year = _year(m)
    if year is not None:
        return Resolution("DATE", f"{year:04d}-{code}", m.mod())
    if m.dct is None:
        return Resolution("DATE", f"XXXX-{code}", m.mod(), True)
    current = cal.format_value(m.dct, "season")
    current_year, current_code = int(current[:4]), current[5:]
    order = ["WI", "SP", "SU", "FA"]

    def key(y: int, c: str) -> tuple[int, int]:
        return (y + (1 if c == "WI" else 0), order.index(c) if c != "WI" else 0)

    direction = _direction(m)
    if direction is None:
        tense = m.tense()
        direction = 1 if tense == "future" else (-1 if tense == "past" else 0)
        inclusive = True
    else:
        inclusive = False
    here = key(current_year, current_code)
    candidates = [(y, str(code)) for y in range(current_year - 2, current_year + 3)]
    if direction == 0:
        chosen = min(candidates, key=lambda c: abs(key(*c)[0] * 4 + key(*c)[1] - here[0] * 4 - here[1]))
    elif direction < 0:
        past = [c for c in candidates if key(*c) < here or (inclusive and key(*c) == here)]
        chosen = max(past, key=lambda c: key(*c))
    else:
        future = [c for c in candidates if key(*c) > here or (inclusive and key(*c) == here)]
        chosen = min(future, key=lambda c: key(*c))
    return Resolution("DATE", f"{chosen[0]:04d}-{chosen[1]}", m.mod(), True)


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
    number = _ordinal(m)
    if number is None or not 1 <= number <= 30:
        return None
    return Resolution("DATE", f"{number - 1:02d}", m.mod())


def _holiday_date(spec: str, year: int) -> dt.date | None:
    if spec.startswith("EASTER"):
        return cal.easter(year) + dt.timedelta(days=int(spec[6:] or 0))
    parts = spec.split()
    if len(parts) == 3:
        return cal.nth_weekday(year, int(parts[2]), int(parts[1]), int(parts[0]))
    month, day = spec.split("-")
    return _safe_date(year, int(month), int(day))


def resolve_holiday(m: Match) -> Resolution | None:
    """Holidays: "Thanksgiving", "Christmas 1999", "Easter week"."""
    name = str(m.rule.params.get("holiday") or m.get("holiday") or "")
    spec = m.res.tables["holiday"].get(name)
    if spec is None:
        return None
    granularity = str(m.rule.params.get("granularity", "day"))
    year = _year(m)
    relative = False
    if year is None:
        if m.dct is None:
            return Resolution("DATE", "XXXX-XX-XX", "", True)
        relative = True
        this_year = _holiday_date(str(spec), m.dct.year)
        if this_year is None:
            return None
        direction = _direction(m)
        if direction is None:
            direction = 1 if m.tense() == "future" else -1 if m.tense() == "past" else 0
        year = m.dct.year
        if direction < 0 and this_year > m.dct:
            year -= 1
        elif direction > 0 and this_year < m.dct:
            year += 1
        elif direction == 0 and (this_year - m.dct).days > 183:
            year -= 1
        elif direction == 0 and (m.dct - this_year).days > 183:
            year += 1
    date = _holiday_date(str(spec), year)
    if date is None:
        return None
    return Resolution("DATE", cal.format_value(date, granularity), "", relative)


_PERIOD_GRANULARITY: dict[str, str] = {"quarter": "quarter", "week": "week", "month": "month"}


def resolve_ref(m: Match) -> Resolution | None:
    """Chained expressions: "the next day", "that day", "a week earlier", "the quarter", "the year-ago period"."""
    unit_word = m.get("unit") or "day"
    adjective = m.get("adj") or ""
    if m.rule.params.get("granularity") == "period":
        year = _year(m)
        if year is not None:
            ref = m.reference(("quarter", "half"))
            if ref is None:
                return Resolution("DATE", f"{year:04d}", "", False)
            index, timex = ref
            return Resolution("DATE", f"{year:04d}{timex.value[4:]}", "", True, index)
        if unit_word == "period":
            ref = m.reference(("quarter", "half", "month"))
            if ref is None:
                return None
        else:
            ref = m.reference((_PERIOD_GRANULARITY[unit_word],))
        if ref is None:
            if m.dct is None:
                return Resolution("DATE", _UNRESOLVED[_PERIOD_GRANULARITY[unit_word]], "", True)
            back = 1 if unit_word == "quarter" and adjective not in ("current",) else 0
            anchor = cal.shift(m.dct, "Q", -back) if unit_word == "quarter" else m.dct
            return Resolution("DATE", cal.format_value(anchor, _PERIOD_GRANULARITY[unit_word]), "", True)
        index, timex = ref
        assert timex.date_start is not None
        anchor = timex.date_start
        if adjective.startswith("year-"):
            anchor = cal.shift(anchor, "Y", -1)
        elif adjective == "previous":
            anchor = cal.shift(anchor, {"quarter": "Q", "week": "W", "month": "M"}.get(timex.granularity, "M"), -1)
        return Resolution("DATE", cal.format_value(anchor, timex.granularity), "", True, index)
    direction = _direction(m)
    if direction is None:
        return None
    unit = {"week": "W", "month": "M", "year": "Y"}.get(unit_word, "D")
    granularity = cal.UNIT_GRANULARITY[unit]
    finer = ("day", "time", "week", "month", "quarter", "half", "season", "year")
    ref = m.reference(finer[:finer.index(granularity) + 1] if m.rule.params.get("granularity") == "any"
                      else ("day", "time"))
    if ref is None:
        if m.dct is None:
            return Resolution("DATE", _UNRESOLVED[granularity], "", True)
        return Resolution("DATE", cal.format_value(cal.shift(m.dct, unit, direction), granularity), "", True)
    where, timex = ref
    assert timex.date_start is not None
    shifted = cal.shift(timex.date_start, unit, direction)
    return Resolution("DATE", cal.format_value(shifted, granularity), "", True, where)


def resolve_position(m: Match) -> Resolution | None:
    """Part of a period: "the end of 1990", "early next year", "the beginning of this month"."""
    mod = m.mod()
    year = _year(m)
    if year is not None:
        return Resolution("DATE", f"{year:04d}", mod)
    unit = _unit(m)
    if unit is None:
        return None
    if m.dct is None:
        return Resolution("DATE", _UNRESOLVED[cal.UNIT_GRANULARITY[unit]], mod, True)
    word = m.get("yeardir") or "this"
    offset = int(m.res.tables["direction"].get(word, 0))
    shifted = cal.shift(m.dct, unit, offset)
    return Resolution("DATE", cal.format_value(shifted, cal.UNIT_GRANULARITY[unit]), mod, True)


def resolve_weekend(m: Match) -> Resolution | None:
    """Weekends: "this weekend", "last weekend", "over the weekend" (by tense)."""
    if m.dct is None:
        return Resolution("DATE", "XXXX-WXX-WE", "", True)
    direction = _direction(m)
    if direction is None:
        direction = 1 if m.tense() == "future" else -1
    weekday = m.dct.isoweekday()
    if direction < 0:
        saturday = m.dct - dt.timedelta(days=(weekday - 6) % 7)
        if weekday < 6 and m.get("dir") in ("this",):
            saturday += dt.timedelta(days=7)
    elif direction > 0:
        saturday = m.dct + dt.timedelta(days=(6 - weekday) % 7 or (7 if weekday == 6 else 0))
    else:
        saturday = m.dct + dt.timedelta(days=(6 - weekday) if weekday <= 6 else -1)
    return Resolution("DATE", cal.format_value(saturday, "week") + "-WE", "", True)


def resolve_the_year(m: Match) -> Resolution | None:
    """"the year": a duration after for/over/during/throughout, otherwise the DCT's year."""
    before = m.text[max(0, m.start - 20):m.start].lower()
    pattern = str(m.rule.params.get("duration_after", r"(?!)"))
    if re.search(pattern, before):
        return Resolution("DURATION", "P1Y")
    if m.dct is None:
        return Resolution("DATE", "XXXX", "", True)
    return Resolution("DATE", f"{m.dct.year:04d}", "", True)


def resolve_range_day(m: Match) -> Resolution | None:
    """The second day of "March 3-5" / "March 3 and 5": month and year of the timex just before."""
    if not m.previous:
        return None
    first = m.previous[-1]
    day = _day(m)
    if first.granularity != "day" or day is None or not first.value[:4].isdigit():
        return None
    if not re.fullmatch(r"\s*(?:-|–|and|to|through|until)\s*", m.text[first.end:m.start]):
        return None
    date = _safe_date(int(first.value[:4]), int(first.value[5:7]), day)
    if date is None or date.isoformat() < first.value:
        return None
    return Resolution("DATE", date.isoformat(), "", first.relative, len(m.previous) - 1)


RESOLVER_FUNCTIONS: dict[str, Resolver] = {
    "weekend": resolve_weekend, "the_year": resolve_the_year, "range_day": resolve_range_day,
    "date": resolve_date, "weekday": resolve_weekday, "dayword": resolve_dayword, "shift": resolve_shift,
    "duration": resolve_duration, "const": resolve_const, "set": resolve_set, "time": resolve_time,
    "quarter": resolve_quarter, "season": resolve_season, "decade": resolve_decade, "century": resolve_century,
    "holiday": resolve_holiday, "ref": resolve_ref, "position": resolve_position,
}
