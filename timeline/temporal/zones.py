"""A clock time given in two time zones ("at 8 p.m. ET (0100 GMT Wednesday)", "6pm CEST/5pm BST on Saturday",
"10:30 a.m. local time (0730 GMT)"): the conversion is the same moment, so the two times share a day, and a day the
text writes on one of them dates the other; a conversion that names the next day ("0100 GMT Wednesday" after "8
p.m. ET on Tuesday") is that next day. (targeted zone-conversion fix, session 21, t6; tournament gold news175)"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from timeline.function_words import word_set
from timeline.temporal.rules import Resources
from timeline.temporal.timex import Timex, revalued, undated

#: Between a clock time and its conversion: an opening bracket ("9pm CEST (8pm BST)") or a slash ("6pm CEST/5pm BST").
_CONVERSION_GAP = re.compile(r"[^\S\n]*(?:\(|/)[^\S\n]*")
#: A time zone in the conversion's own words: an upper-case abbreviation ("GMT", "BST") or "... time".
_ZONE_WORD = re.compile(r"(?<![A-Za-z])(?:[A-Z]{2,5}|[Tt]ime)(?![A-Za-z])")
#: What stands between a bracketed conversion and the day named after it ("(0100 GMT) on Tuesday").
_CLOSE_DAY_GAP = re.compile(r"\s*\)\s*,?\s*(?:on\s+)?", re.IGNORECASE)
#: The normalization tables whose words name a day ("Tuesday", "May 15", "tomorrow"): a clock time with one is dated.
DAY_TABLES = ("weekday", "month", "day_word")


def _dated_clock(timex: Timex) -> bool:
    return timex.type == "TIME" and "T" in timex.value and timex.value[:10].replace("-", "").isdigit() \
        and timex.date_start is not None


def _weekday(res: Resources, timex: Timex) -> int | None:
    """The ISO weekday (1-7) a timex's words name, if any ("0100 GMT Wednesday": 3)."""
    for word in re.findall(r"[A-Za-z]+\.?", timex.text):
        found = res.table_value("weekday", word.lower())
        if found is not None:
            return int(found)
    return None


def _minutes(timex: Timex) -> int | None:
    found = re.search(r"T(\d\d):(\d\d)", timex.value)
    return None if found is None else int(found.group(1)) * 60 + int(found.group(2))


def _on_day(timex: Timex, day: dt.date) -> Timex:
    """``timex`` (a clock time) on another ``day``."""
    return revalued(timex, day.isoformat() + timex.value[10:]) or timex


def _crossing(first: Timex, second: Timex) -> int:
    """-1 when ``first``'s hours run more than 12 ahead of its conversion ``second`` (so ``first`` is the day
    before the conversion's), 1 when they run more than 12 behind, else 0."""
    a, b = _minutes(first), _minutes(second)
    return 0 if a is None or b is None else -1 if a - b > 12 * 60 else 1 if b - a > 12 * 60 else 0


def zone_conversion_days(text: str, timexes: list[Timex], res: Resources) -> list[Timex]:
    """Clock times and their conversion into another time zone share a day: a conversion naming a weekday is the
    weekday next to the first time's day ("8 p.m. ET on Tuesday (0100 GMT Wednesday)": Wednesday after that
    Tuesday), and a first time with no day of its own takes the conversion's day, one day back or on when the hours
    cross midnight ("at 8 p.m. ET (0100 GMT Wednesday)": Tuesday; "6pm CEST/5pm BST on Saturday": Saturday).

    >>> from timeline.temporal.tagger import tag
    >>> s = "He will speak at 8 p.m. ET on Tuesday (0100 GMT Wednesday)."
    >>> [(t.text, t.value) for t in tag(s, dt.date(2024, 6, 12))]
    [('8 p.m. ET', '2024-06-18T20:00'), ('Tuesday', '2024-06-18'), ('0100 GMT Wednesday', '2024-06-19T01:00')]
    """
    out = list(timexes)
    carried: set[int] = set()
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if not (_dated_clock(first) and _dated_clock(second)) or not _ZONE_WORD.search(second.text) \
                or not _CONVERSION_GAP.fullmatch(text, first.end, second.start):
            continue
        after = out[i + 2] if i + 2 < len(out) else None
        day_after = after is not None and after.type == "DATE" and after.granularity == "day" \
            and text[first.end:second.start].strip() == "(" and _CLOSE_DAY_GAP.fullmatch(text, second.end, after.start)
        first_own = day_after or res.names_word(first.text, DAY_TABLES)
        second_own = res.names_word(second.text, DAY_TABLES)
        weekday = _weekday(res, second)
        if first.date_start is None or second.date_start is None:
            continue  # (never: both are dated clocks; this tells the type checker)
        if first_own and weekday is not None:
            for shift in (0, 1, -1):
                day = first.date_start + dt.timedelta(days=shift)
                if day.isoweekday() == weekday:
                    out[i + 1] = _on_day(second, day)
                    break
        elif not first_own and second_own:
            out[i] = _on_day(first, second.date_start + dt.timedelta(days=_crossing(first, second)))
        elif weekday is None and not second_own and _crossing(first, second):
            # a conversion naming no day is the first time's day, one back or on across midnight ("at 7:41 a.m.
            # (2241 GMT)" in a Seoul story: 22:41 GMT the day before; held-out East Asian wire gold news205)
            out[i + 1] = _on_day(second, first.date_start - dt.timedelta(days=_crossing(first, second)))
        if not first_own and second_own:
            carried.add(i)
    for i in range(len(out) - 2, -1, -1):
        # a chain of conversions dated by a day after its last time ("at 6 a.m. PT / 8 a.m. CT / 9 a.m. ET
        # tomorrow"): each earlier time takes the day its conversion took (held-out tech-launch gold news262, s24)
        first, second = out[i], out[i + 1]
        if i + 1 in carried and i not in carried and _dated_clock(first) and _dated_clock(second) \
                and second.date_start is not None and _ZONE_WORD.search(second.text) \
                and text[first.end:second.start].strip() == "/" and not res.names_word(first.text, DAY_TABLES):
            out[i] = _on_day(first, second.date_start + dt.timedelta(days=_crossing(first, second)))
            carried.add(i)
    return out


#: A sentence end for this pass: a full stop, "!" or "?" before a space, not of "p.m."/"a.m." or a short capitalised
#: abbreviation ("Sept."), or a line break.
_END = re.compile(r"(?<![ap]\.m)(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})[.!?](?=\s)|\n")
#: "the following day", "the next day": a day counted from the clock time before it, not one the text names.
_COUNTED_DAY = re.compile(r"(?:the\s+)?(?:following|next)\s+day", re.IGNORECASE)
#: An indefinite article right before a clock time: "A 6:00 p.m. local kickoff" is any day's.
_INDEFINITE = re.compile(r"\ban?\s+\Z", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    low = max(0, start - 300)
    ends = [found.end() for found in _END.finditer(text, low, start)]
    after = _END.search(text, end, min(len(text), end + 300))
    return (ends[-1] if ends else low), (after.start() if after else min(len(text), end + 300))


def generic_zone_schedule(text: str, timexes: list[Timex], res: Resources) -> list[Timex]:
    """Clock times given in several time zones for a generic schedule ("the fixtures scheduled at 6pm CEST (5pm
    BST)", "A 6:00 p.m. local kickoff in Germany is 12:00 p.m. ET") are times of no day (``XXXX-XX-XXT18:00``) when
    their sentence names no one day: a sentence with two zone words and a word of ``zone_schedule_words`` or an
    indefinite clock time; one with a list of days ("June 15, 16 and 17") is several days' times.

    >>> from timeline.temporal.tagger import tag
    >>> s = "Knockout fixtures are scheduled at 6pm CEST (5pm BST)."
    >>> [(t.text, t.value) for t in tag(s, dt.date(2024, 3, 18))]
    [('6pm CEST', 'XXXX-XX-XXT18:00'), ('5pm BST', 'XXXX-XX-XXT17:00')]
    """
    out = list(timexes)
    starts = [timex.start for timex in out]  # the tagger's timexes come in text order
    done = -1
    for timex in out:
        if timex.type != "TIME" or timex.start < done or not _dated_clock(timex):
            continue
        start, end = _sentence(text, timex.start, timex.end)
        done = end
        inside = [k for k in range(bisect_left(starts, start), bisect_left(starts, end)) if out[k].end <= end]
        clocks = [k for k in inside if _dated_clock(out[k]) and not res.names_word(out[k].text, DAY_TABLES)]
        days = [k for k in inside if out[k].type == "DATE" and out[k].granularity == "day"
                and not _COUNTED_DAY.fullmatch(out[k].text)]
        if len(clocks) < 2 or len(days) == 1 or len(clocks) < sum(out[k].type == "TIME" for k in inside) \
                or len(res.zone_pattern.findall(text, start, end)) < 2:
            continue
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", text[start:end].lower())
        if word_set("zone_schedule_words").isdisjoint(words) \
                and not any(_INDEFINITE.search(text, max(0, out[k].start - 4), out[k].start) for k in clocks):
            continue
        for k in clocks:
            out[k] = undated(out[k])
        for k in inside:
            if _COUNTED_DAY.fullmatch(out[k].text):
                out[k] = undated(out[k])
    return out
