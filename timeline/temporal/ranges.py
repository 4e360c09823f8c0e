"""Interval expressions over two timexes: "from 2019 to 2021", "between March and May"."""
from __future__ import annotations

import re
from functools import lru_cache

import yaml

from timeline.paths import data_file
from timeline.temporal.timex import TimeRange, Timex


@lru_cache(maxsize=1)
def _range_patterns() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str]], ...]:
    with data_file("temporal", "ranges.yaml").open(encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    out = []
    for entry in spec["ranges"]:
        opener = str(entry.get("opener") or "")
        before = re.compile(r"(?:^|\W)(?P<word>" + opener + r")\s+\Z", re.IGNORECASE) if opener else None
        between = re.compile(r"\s*(?:" + "|".join(re.escape(c) for c in entry["connectors"]) + r")\s*\Z",
                             re.IGNORECASE)
        out.append((before, between))
    return tuple(out)


def find_ranges(text: str, timexes: list[Timex]) -> list[TimeRange]:
    """Pairs of consecutive calendar timexes joined as one interval.

    >>> import datetime as dt
    >>> from timeline.temporal import tag
    >>> s = "Prices rose from 2019 to 2021."
    >>> find_ranges(s, tag(s, dt.date(2025, 1, 1)))
    [TimeRange(first=0, last=1, start=12, end=29)]
    """
    ranges: list[TimeRange] = []
    index = 0
    while index + 1 < len(timexes):
        first, last = timexes[index], timexes[index + 1]
        found = None
        if first.type in ("DATE", "TIME") and last.type in ("DATE", "TIME"):
            gap = text[first.end:last.start]
            prefix = text[max(0, first.start - 20):first.start]
            for before, between in _range_patterns():
                if not between.match(gap):
                    continue
                if before is None:
                    if gap.strip() in ("to", "through") or not (first.is_calendar and last.is_calendar):
                        continue
                    found = TimeRange(index, index + 1, first.start, last.end)
                else:
                    opener = before.search(prefix)
                    if opener is None:
                        continue
                    start = first.start - len(prefix) + opener.start("word")
                    found = TimeRange(index, index + 1, start, last.end)
                break
        if found is not None:
            ranges.append(found)
            index += 2
        else:
            index += 1
    return ranges
