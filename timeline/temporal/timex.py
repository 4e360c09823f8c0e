"""The typed result of temporal tagging: one normalized time expression."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from timeline.temporal import calendar as cal

#: TIMEX3 types.
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")
#: Granularities, finest first ("time" = hour/minute precision).
GRANULARITIES: tuple[str, ...] = (
    "time", "day", "week", "month", "quarter", "season", "half", "year", "decade", "century", "unknown",
)


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text and normalized against the DCT.

    ``start``/``end`` are character offsets into the tagged text (end exclusive).
    ``value`` is the TIMEX3 value (``2025-12-12``, ``2025-08``, ``2025-W50``, ``P3M``, ``PAST_REF`` ...).
    ``mod`` is the TIMEX3 mod (``START``, ``MID``, ``END``, ``APPROX``, ``BEFORE``, ``AFTER``,
    ``LESS_THAN``, ``MORE_THAN``, ``ON_OR_BEFORE`` ... or ``""``).
    ``granularity`` is one of :data:`GRANULARITIES`.
    ``date_start``/``date_end`` are inclusive calendar bounds of what is known (None when the value is
    not a calendar point, e.g. durations, sets, ``PRESENT_REF`` or unresolved relative dates).
    ``relative`` is True when the value was computed from the DCT or from another time in the text
    ("Friday", "last year", "the next day"), False when the text spells the date out ("June 2024").
    ``anchor_index`` is the index (in the list returned by the tagger) of the timex it was
    computed from, when it was chained from another one in the text ("the next day"), else None.
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str = ""
    granularity: str = "unknown"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    relative: bool = False
    anchor_index: int | None = None

    @property
    def is_calendar(self) -> bool:
        """True when the timex names a point or interval on the calendar (it has bounds)."""
        return self.date_start is not None and self.date_end is not None


@dataclass(frozen=True)
class TimeRange:
    """Two timexes of one interval expression ("from 2019 to 2021", "between March and May").

    ``first``/``last`` are indices into the tagger's timex list; ``start``/``end`` the character
    span of the whole expression.
    """

    first: int
    last: int
    start: int
    end: int


def revalued(timex: Timex, value: str) -> Timex | None:
    """``timex`` with another calendar ``value`` and that value's bounds; None when the value has no bounds.

    >>> revalued(Timex("Friday", 0, 6, "DATE", "2025-12-12"), "2025-12-19").date_end
    datetime.date(2025, 12, 19)
    """
    found = cal.value_bounds(value)
    return None if found is None else replace(timex, value=value, date_start=found[0], date_end=found[1])


def in_year(timex: Timex, year: int) -> Timex | None:
    """``timex`` moved to ``year``: its value and bounds, narrowed by its mod; None when that value has no bounds.

    >>> in_year(Timex("early March", 0, 11, "DATE", "2025-03", mod="START"), 2024).date_end
    datetime.date(2024, 3, 10)
    """
    value = f"{year:04d}{timex.value[4:]}"
    found = cal.value_bounds(value)
    if found is None:
        return None
    start, end = cal.apply_mod(found[0], found[1], found[2], timex.mod)
    return replace(timex, value=value, date_start=start, date_end=end)


def undated(timex: Timex) -> Timex:
    """``timex`` as of no one day: a clock time keeps its time ("XXXX-XX-XXT20:00"), a day becomes "XXXX-XX-XX";
    no bounds, no anchor (a schedule's clock time that recurs every day, a time given in two zones of a calendar).

    >>> undated(Timex("8 p.m.", 0, 6, "TIME", "2025-12-12T20:00", granularity="time")).value
    'XXXX-XX-XXT20:00'
    """
    clock = timex.value[timex.value.index("T"):] if "T" in timex.value else ""
    return replace(timex, value="XXXX-XX-XX" + clock, date_start=None, date_end=None, relative=False,
                   anchor_index=None)


def reanchored(timexes: list[Timex], new_index: dict[int, int]) -> list[Timex]:
    """``timexes`` with each ``anchor_index`` renumbered by ``new_index`` (old index -> index in the new list),
    after timexes were merged, split or added."""
    return [t if t.anchor_index is None else replace(t, anchor_index=new_index.get(t.anchor_index)) for t in timexes]
