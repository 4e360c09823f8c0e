"""The day a text says it was written: a wire slug line or a "first published" note.

A record's publication date (the DCT) can be later than the story it holds: an archive copy filed days after the
wire story, a report run again. When the text itself states an earlier filing day, its relative dates ("Castro
attended a rally Thursday") were written from that day, so they anchor on it. The phrases are the `filing_date`
fragment of ``data/temporal/patterns.yaml``.
"""
from __future__ import annotations

import datetime as dt

from timeline.temporal.match import two_digit_year
from timeline.temporal.rules import Resources

# A slug line opens a wire story and a "first published" note closes a report: only the text's two ends are read.
HEAD_CHARS = 600
TAIL_CHARS = 800


def filing_date(text: str, dct: dt.date | None, res: Resources) -> dt.date | None:
    """The day ``text`` says it was filed or first published when that is before ``dct``; otherwise ``dct``.

    >>> from timeline.temporal.rules import load_resources
    >>> note = "Rain fell Thursday.\\nThis report by The Canadian Press was first published Sept. 7, 2021."
    >>> filing_date(note, dt.date(2021, 9, 10), load_resources())
    datetime.date(2021, 9, 7)
    >>> filing_date("APW20000107.0088  NEWS STORY  2000-01-07 03:03\\nCastro spoke.", dt.date(2000, 1, 15),
    ...             load_resources())
    datetime.date(2000, 1, 7)
    >>> filing_date("Castro attended a rally Thursday.\\nAP-NY-01-07-00 0303", dt.date(2000, 1, 15), load_resources())
    datetime.date(2000, 1, 7)
    >>> filing_date(note, dt.date(2021, 9, 7), load_resources())  # the same day: nothing to change
    datetime.date(2021, 9, 7)
    >>> filing_date("Rain fell.\\nAP-NY-01-07-05 0303", dt.date(2000, 1, 15), load_resources())  # 2005: later
    datetime.date(2000, 1, 15)
    """
    if dct is None:
        return dct
    ends = (text[:HEAD_CHARS], text[-TAIL_CHARS:]) if len(text) > HEAD_CHARS + TAIL_CHARS else (text,)
    for part in ends:
        for found in res.filing_pattern.finditer(part):
            day = _stated_day(found.groupdict(), dct, res)
            if day is not None and day < dct:
                return day
    return dct


def _stated_day(groups: dict[str, str | None], dct: dt.date, res: Resources) -> dt.date | None:
    """The calendar day of a `filing_date` match: its ISO group, a sign-off's numbers, or month name, day and
    year."""
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(str(groups["iso"]))
        if groups.get("syear"):  # a sign-off's two-digit year, read like any other two-digit year
            return dt.date(two_digit_year(int(str(groups["syear"])), dct), int(str(groups["smonth"])),
                           int(str(groups["sday"])))
        month = res.table_value("month", str(groups.get("month") or "").lower())
        day = "".join(ch for ch in str(groups.get("day") or "") if ch.isdigit())
        if month is None or not day or not groups.get("year"):
            return None
        return dt.date(int(str(groups["year"])), int(month), int(day))
    except ValueError:
        return None  # "Feb. 30": no such day
