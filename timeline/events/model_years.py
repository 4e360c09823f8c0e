"""Model years of vehicles ("the 1994-2002 model years", "2010 to 2012 Ford Escapes", "model year 2019 Lexus"):
time expressions that say which vehicles, not when anything happened, so they date no event. Words from
``data/model_years.yaml``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from timeline.temporal.timex import TimeRange, Timex
from timeline.yaml_strict import load_yaml

_DATA = Path(__file__).resolve().parents[2] / "data" / "model_years.yaml"
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_CODE = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]+$")  # F-150, 4Runner, T-100
_WORD = re.compile(r"[\w-]+")
_DETERMINER = re.compile(r"(?:\b(?:a|an|the|their|its|his|her|certain|some|all|older|newer)|'s|’s|\d[\d,]*)\s+$", re.IGNORECASE)


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_yaml(_DATA.read_text(encoding="utf-8"))
    return (frozenset(w.lower() for w in data["model_year_words"]), frozenset(data["makes"]),
            frozenset(w.lower() for w in data["vehicle_nouns"]))


def _after_is_vehicle(text: str, end: int, single: bool) -> bool:
    """Whether the words after ``end`` name vehicles: "model year(s)", a make, a model code, a vehicle noun."""
    words, makes, nouns = _lexicon()
    rest = text[end:end + 40]
    if not rest[:1].isspace():
        return False
    lowered = rest.lower().lstrip()
    if any(lowered.startswith(w) and not lowered[len(w):len(w) + 1].isalpha() for w in words):
        return True
    match = _WORD.match(rest.lstrip())
    if match is None:
        return False
    word = match.group(0)
    if word in makes:
        return True
    return not single and (word.lower() in nouns or bool(_CODE.match(word)) and not _YEAR.match(word))


def _before_is_model_year(text: str, start: int) -> bool:
    words, _makes, _nouns = _lexicon()
    before = text[max(0, start - 20):start].lower().rstrip()
    return any(before.endswith(w) for w in words)


def model_year_indices(text: str, timexes: Sequence[Timex], ranges: Sequence[TimeRange]) -> frozenset[int]:
    """Indices of the timexes that are model years.

    >>> from timeline.temporal.timex import Timex, TimeRange
    >>> t = "Ford recalled pickups from the 1994-2002 model years and 1990-1995 4Runner SUVs in 2005."
    >>> tx = [Timex("1994", 31, 35, "DATE", "1994"), Timex("2002", 36, 40, "DATE", "2002"),
    ...       Timex("1990", 57, 61, "DATE", "1990"), Timex("1995", 62, 66, "DATE", "1995"),
    ...       Timex("2005", 83, 87, "DATE", "2005")]
    >>> sorted(model_year_indices(t, tx, [TimeRange(0, 1, 31, 40), TimeRange(2, 3, 57, 66)]))
    [0, 1, 2, 3]
    >>> t = "In 2008 Ford cut jobs; the 2014-2016 outbreak ended."
    >>> model_year_indices(t, [Timex("2008", 3, 7, "DATE", "2008"), Timex("2014", 27, 31, "DATE", "2014"),
    ...     Timex("2016", 32, 36, "DATE", "2016")], [TimeRange(1, 2, 27, 36)])
    frozenset()
    """
    found: set[int] = set()
    in_range: set[int] = set()
    for interval in ranges:
        in_range.update((interval.first, interval.last))
        first, last = timexes[interval.first], timexes[interval.last]
        if not (_YEAR.match(first.text) and re.match(r"^(?:\d\d|\d{4})$", last.text)):
            continue
        if _after_is_vehicle(text, interval.end, single=False) or _before_is_model_year(text, interval.start):
            found.update((interval.first, interval.last))
    for n, timex in enumerate(timexes):
        if n in in_range or not _YEAR.match(timex.text):
            continue
        if _before_is_model_year(text, timex.start) or (
                _DETERMINER.search(text[max(0, timex.start - 20):timex.start]) is not None
                and _after_is_vehicle(text, timex.end, single=True)):
            found.add(n)
    return frozenset(found)


def without_model_years(text: str, timexes: Sequence[Timex],
                        ranges: Sequence[TimeRange]) -> tuple[list[Timex], list[TimeRange]]:
    """The timexes and ranges with the model years left out (range indices renumbered)."""
    return without_indices(timexes, ranges, model_year_indices(text, timexes, ranges))


def without_indices(timexes: Sequence[Timex], ranges: Sequence[TimeRange],
                    drop: frozenset[int]) -> tuple[list[Timex], list[TimeRange]]:
    """The timexes and ranges with the timexes of ``drop`` left out (range indices renumbered)."""
    if not drop:
        return list(timexes), list(ranges)
    renumber: dict[int, int] = {}
    kept: list[Timex] = []
    for n, timex in enumerate(timexes):
        if n not in drop:
            renumber[n] = len(kept)
            kept.append(timex)
    kept_ranges = [replace(r, first=renumber[r.first], last=renumber[r.last]) for r in ranges
                   if r.first in renumber and r.last in renumber]
    return kept, kept_ranges
