"""The context a resolver sees (a rule match, the DCT, earlier timexes) and the helpers that read it."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from timeline.function_words import word_endings, word_set
from timeline.temporal.calendar import format_value, value_bounds
from timeline.temporal.cues import cue_at
from timeline.temporal.numbers import parse_quantity
from timeline.temporal.rules import Resources, Rule
from timeline.temporal.tense import (
    abbreviation_stops,
    attributive_event,
    compared_figure_at,
    estimate_tense,
    finite_past_month,
    next_round,
    nominal_future,
    obligation_before,
    past_act_in,
    past_plan,
    progressive_plan,
    progressive_weekday_plan,
    set_deadline,
)
from timeline.temporal.timex import Timex

#: Given the character span of a time expression, the tense of the verb that governs it ("past") or None.
TenseHint = Callable[[int, int], "str | None"]

UNRESOLVED: dict[str, str] = {
    "year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "day": "XXXX-XX-XX", "quarter": "XXXX-QX",
    "half": "XXXX-HX", "decade": "XXX", "century": "XX", "season": "XXXX-XX", "time": "XXXX-XX-XX",
}


#: The TIMEX3 value of a date that names no representable day ("February 30, 2025", "500 BC").
UNDATABLE = "XXXX"


@dataclass(frozen=True)
class Resolution:
    """What a resolver decided for one match."""

    type: str
    value: str
    mod: str = ""
    relative: bool = False
    anchor_index: int | None = None
    clip: str = ""  # "past" / "future": bounds cut at the DCT ("earlier this year")
    span_days: int = 0  # a feast of several days: its value is the first day, its bounds run this many days on
    eve: bool = False  # a feast that begins at the sundown before its day (Hanukkah): its bounds start the day before
    bounds: tuple[dt.date, dt.date] | None = None  # bounds wider than the value's ("the July 4 weekend": Fri-Sun)


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
    date_order: str = ""  # "day_first" / "month_first": the order the article's unambiguous numeric dates prove
    tense_hint: TenseHint | None = None  # the tense of the governing verb, from a parse (extraction only)

    def parse_tense(self) -> str | None:
        """The tense of the verb that governs the match, when the caller parsed the text ("past" or None)."""
        return self.tense_hint(self.start, self.end) if self.tense_hint is not None else None

    def get(self, name: str) -> str | None:
        """Lower-cased, space-normalized text of a group (None when it did not take part)."""
        return self.groups.get(name)

    def quantity(self, default: str = "") -> float | str | None:
        """The number of the ``num`` group (``default`` when it did not take part), read with the rule set's number
        words: a float, "X" for a vague one ("several"), None when unreadable."""
        tables = self.res.tables
        return parse_quantity(self.get("num") or default, tables["number"], tables["vague_number"],
                              tables["multiplier_words"])

    def lookup(self, table: str, name: str | None = None) -> Any:
        """The normalized value of group ``name`` (default: the table's name) through ``table``."""
        key = self.get(name or table)
        return None if key is None else self.res.table_value(table, key)

    def tense(self, day: bool = False) -> str | None:
        """Estimated tense around the match (``day``: a weekday or clock time, where "until" is a deadline); with
        no cue word, a parse's "future" (a title's "PM to inaugurate ... on Sunday") decides."""
        estimate = estimate_tense(self.text, self.start, self.end, self.res, day)
        return estimate if estimate is not None or self.parse_tense() != "future" else "future"

    def mod(self) -> str:
        """TIMEX3 mod from the ``mod`` / ``vmod`` / ``approx`` groups or the rule's params."""
        for name in ("mod", "mod2", "vmod", "approx"):
            value = self.lookup("mod", name)
            if value:
                return str(value)
            key = self.get(name)
            pair = " ".join(key.replace("-", " ").split()) if key else ""
            if " to " in pair:  # "mid-to-late", "early- to mid": two positions, hyphens read as spaces
                return str(self.res.tables.get("mod", {}).get(pair, ""))
            if key and key.startswith("mid"):
                return "MID"
        return str(self.rule.params.get("mod", ""))

    def reference(self, granularities: tuple[str, ...]) -> tuple[int, Timex] | None:
        """The most recent earlier calendar timex with one of ``granularities``; a month that is only the
        baseline a figure is compared with is passed over for the reported month (see ``_base_month``). A period
        anaphor (quarter wanted, no day) reads a month range or a length of months that is a calendar quarter
        or half as that period (``reported_span``: "in January to March 2025 ... the same period" is 2025-Q1). A
        weekday after the rule's ``told_day`` words is only the day a past narrative was told ("last seen on Nov. 26,
        1979, the sheriff said Friday. Friends found her body the next day"): a day named earlier in its sentence
        is taken instead, and the weekday itself only when there is none."""
        base: tuple[int, Timex] | None = None
        said: tuple[int, Timex] | None = None  # the day a figure was released, passed over for its month
        told: tuple[int, Timex] | None = None  # the day a narrative was told, passed over for a day it names
        spans = "quarter" in granularities and "day" not in granularities
        for index in range(len(self.previous) - 1, -1, -1):
            timex = self.previous[index]
            if timex.anchor_index is not None:
                continue
            span = reported_span(self.text, self.previous, index, granularities) if spans else None
            if span is not None:
                return index, span
            if timex.is_calendar and timex.granularity in granularities and timex.type in ("DATE", "TIME"):
                if told is not None:
                    return (index, timex) if not sentence_break_between(self.text, timex.end, told[1].start) \
                        else told
                if self._cue_before(timex, "told_day", "day", 30):
                    told = (index, timex)
                    continue
                if base is not None and base[1].start - timex.end > _BASE_REACH:
                    return base
                if said is not None and (timex.granularity == "day" or sentence_break_between(
                        self.text, timex.end, said[1].start)):
                    return said
                if said is None and self._said_day(timex):
                    said = (index, timex)
                    continue
                if self._base_month(timex):
                    base = base or (index, timex)
                    continue
                return index, timex
        return base or said or told

    def _said_day(self, timex: Timex) -> bool:
        """Whether a day is only when a figure was released, by the rule's ``said_day`` words right before it
        ("prices rose 2.7% in July, the Labor Department said Tuesday, the same as the previous month": June, the
        month before the reported July, not the month before Tuesday's); the month or quarter named earlier in
        its sentence is the reference then."""
        return self._cue_before(timex, "said_day", "day", 40)

    def _base_month(self, timex: Timex) -> bool:
        """Whether an earlier month is the baseline a figure is compared with, by the rule's ``base_month`` words
        right before it ("rose 0.5% in June from May", "rose 0.2% in June after falling 0.1% in May"): an
        anaphoric "the month" or "a year earlier" after it speaks of the reported month (June), not of May. A
        figure may come between the cue and the month ("down 3.3 percent from $405,800 in September", "after
        jumping 2.0 percent to a rate of 698,000 in April", "highest since hitting 739,000 in May 2023"), hence
        the reach of 110 characters (held-out housing-market gold news288, session 25)."""
        return self._cue_before(timex, "base_month", "month", 110)

    def _cue_before(self, timex: Timex, param: str, granularity: str, reach: int) -> bool:
        """Whether ``timex`` has ``granularity`` and the rule's ``param`` pattern occurs in the ``reach``
        characters before it."""
        cue = self.rule.params.get(param)
        if not cue or timex.granularity != granularity:
            return False
        return re.search(str(cue), self.text[max(0, timex.start - reach):timex.start], re.IGNORECASE) is not None

    def main_reference(self, granularities: tuple[str, ...]) -> tuple[int, Timex] | None:
        """The earlier quarter/half a report is about: the last quarter completed before the DCT when it was
        named ("third-quarter profit ... a year ago" in October, even after a "fourth-quarter" outlook) unless
        the anaphor's own sentence names another, else the most recent one; None when a span of several months ("for the nine months") was named since
        the last quarter. A quarter one year before a quarter named earlier is that quarter's baseline ("the
        fourth quarter ... down from $23 billion in Q4 2023"), not the one reported on."""
        finished = ""
        if self.dct is not None:
            quarter = (self.dct.month - 1) // 3  # the quarter before the DCT's, 0 = last year's Q4
            finished = f"{self.dct.year:04d}-Q{quarter}" if quarter else f"{self.dct.year - 1:04d}-Q4"
        found = None
        for index in range(len(self.previous) - 1, -1, -1):
            timex = self.previous[index]
            span = reported_span(self.text, self.previous, index, granularities)
            if span is not None and found is None:
                return index, span  # "statistics for July to September 2015 ... a year earlier": 2014-Q3
            if found is None and timex.type == "DURATION" and _YEAR_TO_DATE.fullmatch(timex.value):
                return None  # "For the nine months, ... a year earlier": the comparison is with last year
            if (timex.anchor_index is None or month_span_end(self.text, self.previous, index)) \
                    and timex.is_calendar and timex.granularity in granularities \
                    and timex.type in ("DATE", "TIME") and not _baseline(timex, self.previous[:index], self.dct):
                if timex.value == finished:
                    return index, timex
                if found is None and not self._base_month(timex) \
                        and not sentence_break_between(self.text, timex.end, self.start):
                    return index, timex  # "in the first quarter, it rose 6.5% from a year earlier": that quarter
                if found is not None and self._base_month(found[1]) and not self._base_month(timex) \
                        and found[1].start - timex.end <= _BASE_REACH:
                    return index, timex  # "in June from May ... from a year earlier": June's year before
                found = found or (index, timex)
        return found


#: The words between the two months of a span ("January to March", "July-September", "between April and June").
_MONTH_SPAN_GAP = re.compile(r"\s*(?:to|through|thru|until|-|\u2013|(?P<and>and))\s*\Z", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)


def month_span_end(text: str, previous: Sequence[Timex], index: int) -> bool:
    """Whether ``previous[index]`` is the second month of a span whose first month it took its year from ("fell
    2.2% from June to July", "between May and June"): an explicit month, though anchored, that a figure's "from a
    year earlier" may speak of (July of the year before, not June).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Prices fell 2% from June to July and 9% from a year earlier.", dt.date(2025, 8, 12))]
    ['2025-06', '2025-07', '2024-07']
    """
    if index < 1 or previous[index].anchor_index != index - 1:
        return False
    return _month_span_gap(text, previous[index - 1], previous[index]) is not None


def _month_span_gap(text: str, first: Timex, last: Timex) -> re.Match[str] | None:
    """The gap joining two month dates as a span ("June to July", "April and June"; ``_MONTH_SPAN_GAP``), or None
    when they are no two months or something else stands between them."""
    if first.granularity != "month" or last.granularity != "month" or first.type != "DATE" or last.type != "DATE":
        return None
    return _MONTH_SPAN_GAP.match(text, first.end, last.start)  # \Z holds at last.start: the whole gap


def span_quarter(text: str, previous: Sequence[Timex], index: int) -> Timex | None:
    """The calendar quarter a statistics period written as two months spans ("in January to March 2025", "for
    July to September 2015", "between April and June"), read from its second month ``previous[index]``, as one
    timex of quarter granularity over both (the months stay two timexes: TimeML tags a range's ends apart);
    None when that timex closes no such span.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Waits fell in January to March 2025, up 3% on a year earlier.", dt.date(2025, 6, 11))]
    ['2025-01', '2025-03', '2024-Q1']
    """
    if index < 1:
        return None
    first, last = previous[index - 1], previous[index]
    gap = _month_span_gap(text, first, last)  # two month dates first: the values below are then YYYY-MM
    if gap is None or first.mod or last.mod or not last.value[:4].isdigit() \
            or first.date_start is None or last.date_end is None or len(first.value) != 7 or len(last.value) != 7:
        return None
    month, end = int(first.value[5:7]), int(last.value[5:7])
    if month % 3 != 1 or end != month + 2:
        return None
    if gap.group("and") and not _BETWEEN_BEFORE.search(text[max(0, first.start - 12):first.start]):
        return None
    start = dt.date(int(last.value[:4]), month, 1)
    return Timex(text=text[first.start:last.end], start=first.start, end=last.end, type="DATE",
                 value=format_value(start, "quarter"), granularity="quarter", date_start=start,
                 date_end=last.date_end, relative=last.relative)


#: A reporting period given as a length of months before its year or last day ("the first three months" of 2018,
#: "the three months" to 31 March, "the half year" to June 30): its months, and the words that join it to the date.
_PERIOD_LENGTH = re.compile(r"the\s+(?:(?P<pos>first|last|final)\s+)?(?:(?:three|3)\s+months|(?P<six>(?:six|6)\s+months|"
                            r"half[\s-]+year))", re.IGNORECASE)
_PERIOD_OF = re.compile(r"\s+of\s+\Z", re.IGNORECASE)
_PERIOD_TO = re.compile(r"\s+(?:to|ended|ending|through)\s+(?:on\s+)?\Z", re.IGNORECASE)


def duration_period(text: str, previous: Sequence[Timex], index: int) -> Timex | None:
    """The calendar quarter or half a reporting period written as a length and its year or last day spans ("in
    the first three months of 2018, up from 19.5 per cent in the previous quarter": 2018-Q1, so 2017-Q4; "in the
    half year to June 30 (from $48 million in the same period last year)": 2024-H1), read from the date
    ``previous[index]``; the length stays a DURATION and the date a date, as TimeML tags them. None otherwise.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Waits rose in the first three months of 2018, up from the previous quarter.",
    ...                       dt.date(2018, 5, 29))]
    ['P3M', '2018', '2017-Q4']
    """
    if index < 1:
        return None
    length, date = previous[index - 1], previous[index]
    if length.type != "DURATION" or length.value not in ("P3M", "P6M") or date.type != "DATE" \
            or date.mod or date.date_end is None or not date.value[:4].isdigit():
        return None
    words = _PERIOD_LENGTH.fullmatch(length.text)
    if words is None or bool(words.group("six")) != (length.value == "P6M"):
        return None
    months = 6 if words.group("six") else 3
    year = int(date.value[:4])
    gap = text[length.end:date.start]
    if words.group("pos") and date.granularity == "year" and _PERIOD_OF.match(gap):
        last = months if words.group("pos") == "first" else 12
    elif not words.group("pos") and date.granularity in ("day", "month") and _PERIOD_TO.match(gap) \
            and (date.granularity == "month" or date.date_end.day >= 28):
        last = date.date_end.month
    else:
        return None
    if last % months:
        return None  # "the three months to May 31": no calendar quarter
    granularity = "quarter" if months == 3 else "half"
    value = format_value(dt.date(year, last, 1), granularity)
    bounds = value_bounds(value)
    if bounds is None:
        return None
    start, end, _ = bounds
    return Timex(text=text[length.start:date.end], start=length.start, end=date.end, type="DATE", value=value,
                 granularity=granularity, date_start=start, date_end=end, relative=date.relative)


def reported_span(text: str, previous: Sequence[Timex], index: int,
                  granularities: tuple[str, ...]) -> Timex | None:
    """The quarter or half (of ``granularities``) a statistics period ending with ``previous[index]`` spans: two
    months (``span_quarter``) or a length of months and its date (``duration_period``), else None."""
    span = span_quarter(text, previous, index) or duration_period(text, previous, index)
    return span if span is not None and span.granularity in granularities else None


def _baseline(timex: Timex, earlier: Sequence[Timex], dct: dt.date | None) -> bool:
    """Whether a quarter or half is the year-earlier baseline of a reported one named before it ("2023-Q4" after
    "2024-Q4"); an outlook quarter that has not begun by the DCT ("the third quarter of 1990") has no baseline."""
    if dct is None or timex.granularity not in ("quarter", "half") or not timex.value[:4].isdigit():
        return False
    later = f"{int(timex.value[:4]) + 1:04d}{timex.value[4:]}"
    return any(t.value == later and t.date_start is not None and t.date_start <= dct for t in earlier)


Resolver = Callable[[Match], "Resolution | None"]

#: How far (characters) before a baseline month the reported month may be named ("in June, after ... in May").
_BASE_REACH = 250

#: A duration an earnings report gives year-to-date figures for ("the nine months", "six months"): 4-11 months.
_YEAR_TO_DATE = re.compile(r"P(?:[4-9]|1[01])M")


# ---------------------------------------------------------------------------------------------- helpers
def words_year(words: str, numbers: dict[str, Any]) -> int | None:
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


def year_of(m: Match) -> int | None:
    """The year of the ``year`` / ``yearwords`` group; two-digit years take the century nearest the DCT."""
    if m.get("yearwords"):
        return words_year(str(m.get("yearwords")), m.res.tables["number"])
    text = m.get("year") or m.get("eyear")
    if text is None:
        return None
    digits = re.sub(r"\D", "", text)
    if not digits:
        return None
    if len(digits) == 4 or m.rule.params.get("era"):  # "AD 79" is the year 79, not 1979
        return int(digits)
    return two_digit_year(int(digits[-2:]), m.dct)


def two_digit_year(yy: int, dct: dt.date | None) -> int:
    """The full year of a two-digit one: the DCT's century up to ten years after the DCT, else the century before
    (with no DCT, 2000-2030 and 1931-1999).

    >>> two_digit_year(5, dt.date(2000, 1, 15)), two_digit_year(98, dt.date(2000, 1, 15)), two_digit_year(31, None)
    (2005, 1998, 1931)
    """
    pivot = (dct.year % 100 + 10) if dct else 30
    century = (dct.year // 100 * 100) if dct else 2000
    return century + yy if yy <= pivot else century - 100 + yy


def month_of(m: Match) -> int | None:
    """The month of the ``monthnum`` / ``month`` group; None for lower-case "may"/"march" (not months)."""
    if m.get("monthnum"):
        return int(str(m.get("monthnum")))
    raw = m.raw_groups.get("month")
    if raw is None:
        return None
    if raw[:1].islower():  # "may", "march" as words, not months
        return None
    value = m.lookup("month")
    return int(value) if value is not None else None


def day_of(m: Match) -> int | None:
    """The day of month of the ``day`` group ("5th" -> 5, "twenty-first" -> 21)."""
    text = m.get("day")
    if text is None:
        return None
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    value = m.res.tables["ordinal"].get(text)
    return int(value) if value is not None and int(value) > 0 else None


def direction_of(m: Match, name: str = "dir") -> int | None:
    """-1 / 0 / +1 for a direction word group ("last", "next", "the following", "that")."""
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


#: Granularities of an earlier timex that anchors "the following March" / "the next spring".
_NARRATIVE_GRANULARITIES = ("day", "time", "week", "month", "quarter", "half", "season", "year")


def narrative_anchor(m: Match) -> tuple[dt.date | None, int | None]:
    """(date, index) of the last date the text gave when the direction word is anaphoric ("the following",
    "the next", "the previous", "the preceding"), else (DCT, None): TimeML anchors those on the reference time.
    With no earlier date an anaphoric word gives (None, None): the caller reads the month as a bare one.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("It began on Dec. 21, 2018. They met the following March.", dt.date(2021, 1, 16))]
    ['2018-12-21', '2019-03']
    """
    word = m.get("dir") or ""
    if word.startswith(("the following", "the subsequent", "the next", "the previous", "the preceding", "that")):
        ref = m.reference(_NARRATIVE_GRANULARITIES)
        if ref is not None and ref[1].date_start is not None:
            return ref[1].date_start, ref[0]
        return None, None
    return m.dct, None


#: Up to three words right after a month and day ("Sept. 11 terror attacks", "Jan. 6 attack on the").
_FOLLOWING_WORDS = re.compile(r"\s+([a-z][a-z'’-]*)(?:\s+([a-z][a-z'’-]*))?(?:\s+([a-z][a-z'’-]*))?", re.IGNORECASE)


def _historic_year(m: Match, month: int, day: int) -> int | None:
    """The year of the well-known past event a month and day name when a noun of that event follows them
    (``historic_days``: "the Sept. 11 attacks" = 2001), unless the article is older than the event.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Security changed after the Sept. 11 attacks.", dt.date(2011, 5, 2))]
    ['2001-09-11']
    >>> [t.value for t in tag("The fund faces a Sept. 11 deadline.", dt.date(2011, 5, 2))]
    ['2011-09-11']
    """
    return historic_year_at(m.res, m.text, m.end, month, day, m.dct)


def historic_year_at(res: Resources, text: str, end: int, month: int, day: int, dct: dt.date | None) -> int | None:
    """The year ``historic_days`` gives the month and day that end at ``end`` in ``text``, or None."""
    spec = res.tables.get("historic_days", {}).get(f"{month:02d}-{day:02d}")
    if spec is None or dct is None or dct.year < int(spec["year"]):
        return None
    following = _FOLLOWING_WORDS.match(text, end)
    if following is None:
        return None
    words = [w.lower().replace("’", "'") for w in following.groups() if w]
    nouns = spec["nouns"]
    return int(spec["year"]) if any(" ".join(words[:n]) in nouns for n in range(1, len(words) + 1)) else None


def infer_year(m: Match, month: int, day: int | None) -> int:
    """The year of a month (and day) without a year, from the DCT and the tense around the match."""
    assert m.dct is not None
    year, dct = m.dct.year, m.dct
    historic = _historic_year(m, month, day) if day is not None else None
    if historic is not None:
        return historic
    span_end = _span_end_year(m, month, day) if day is not None else None
    if span_end is not None:
        return span_end
    entry = _entry_chain_year(m, month, day) if day is not None else None
    if entry is not None:
        return entry
    narrative = _narrative_year(m, month, day) if day is not None else None
    if narrative is not None:
        return narrative
    heading = _heading_year(m) if day is not None else None
    if heading is not None and safe_date(heading, month, day or 1) is not None:
        return heading
    school = _school_year_span_year(m, month)
    if school is not None and safe_date(school, month, day or 1) is not None:
        return school
    listed = _listed_month_year(m, month) if day is None else None
    if listed is not None:
        return listed
    governed = _clause_year(m, month, day)
    if governed is not None and safe_date(governed, month, day or 1) is not None:
        return governed
    repeated = _repeated_date_year(m, month, day) if day is not None else None
    if repeated is not None:
        return repeated
    if day is None and (_names_event(m) or _ends_period(m)):  # "before September elections" (DCT July): the
        # coming September; "the current quarter ending in December" (DCT October): the coming December
        dct_month = m.dct.month
        if month > dct_month and _names_event(m) and (m.tense() == "future" or _campaign_participle(m)
                                                       or _event_in_present(m)):
            return year  # "will run in the November election", "running against him in the November election"
            # (DCT April): the coming one, though last November is nearer
        return min((year - 1, year, year + 1), key=lambda y: (abs((y - year) * 12 + month - dct_month), y))
    if day is not None and (_names_event(m) or _after_phrase(m, m.res.event_date_phrases)):
        # "the new deadline of Oct. 31" (DCT May): the nearest Oct. 31; "a June 30 deadline" the same
        near = _nearest_year(dct, month, day)
        back = _day_distance(dct, near, month, day)
        if -_POSSESSED_EVENT_DAYS <= back < 0 and _possessed_event(m):
            return near  # "will reconsider its May 8 vote" (DCT May 17): the owner's recent vote, not next year's
        return near + 1 if back < 0 and (
            m.tense() == "future" or obligation_before(m.text, m.start, m.end, m.res)) else near
    if _after_phrase(m, m.res.effective_phrases) and m.tense() != "past":
        # "a new pact effective June 1" (DCT October): the coming June 1; one that began up to two months before the
        # DCT keeps its year ("effective Sept. 1", a pay rise backdated)
        return next(y for y in (year - 1, year, year + 1)
                    if _day_distance(dct, y, month, day or 15) >= -_EFFECTIVE_BACKDATE_DAYS or y == year + 1)
    target = (month, day or 0)
    now = (m.dct.month, m.dct.day if day else 0)
    if target > now and _after_phrase(m, m.res.past_only_right_before):
        return year - 1  # "since December" (DCT October): last December
    if target > now and compared_figure_at(m.text, m.start, m.end, m.res):
        return year - 1  # "up from 4.1 percent in December" (DCT November): the figure is last December's
    ahead = nominal_future(m.text, m.start, m.end, m.res)  # "raised expectations of a hike in December"
    if not ahead and day is None and target > now and past_act_in(m.text, m.start, m.res):
        return year - 1  # "The army removed Morsi in July" (DCT June): last July, however near the month is
    if not ahead and m.parse_tense() == "past":  # "arrested him on April 22nd" (DCT January): not ahead
        return year - 1 if target > now else year
    tense = "future" if ahead else m.tense()
    if tense == "future" and target < now and day is not None:
        coming = _coming_date_before(m)
        if coming is not None and coming.year > year and target >= (coming.month, coming.day if day else 0):
            return coming.year  # "the second term will commence on 20 May and continue through to 23 August" (DCT
            # October, May of next year): a later date of a future sequence goes on from it, not back to last August
            # (held-out holiday and school-calendar gold news302, session 25)
    if tense == "future" and target < now and m.dct.month - month >= 3 and not _dated_earlier_this_year(m, month, day):
        return year + 1
    if tense == "past" and target > now and month - m.dct.month >= 3:
        return year - 1
    if tense is None:
        coming = _coming_date_before(m)
        if coming is not None and (month, day or 0) >= (coming.month, coming.day if day else 0) and (
                coming.year == year or month - coming.month <= _NEXT_YEAR_SEQUENCE_MONTHS or _listing_item(m)):
            return coming.year  # "flights from March 30, with the third from August 6" (DCT February): a sequence;
            # one of next year too when near it ("begins on 9 June ... and wrapping on 17 June", DCT September)
    if tense is None and day is None and target > now and _present_copula_subject(m):
        return year  # "Mid to late October is when the leaves peak" (DCT August): the month of a present "is"
        # that it opens is this year's coming one, no past month (held-out seasonal-nature gold news196, session 21)
    if tense is None and (month - m.dct.month > 3 or (day is None and month - m.dct.month > 1)):
        if progressive_plan(m.text, m.start, m.end, m.res):
            return year  # "the main exercises are taking place in April" (DCT February): the coming April; "is
            # taking the helm from 6 July" (DCT February) the same
        return year - 1
    if tense is None and day is not None and m.dct.month - month > 6:
        return year + 1
    if tense is None and day is None and m.dct.month - month >= 9 and not _opens_sentence(m) \
            and not finite_past_month(m.text, m.start, m.res):
        return year + 1  # "paid in January" (DCT late October): the coming January; not "The storm damaged homes
        # in March" (DCT December): a far regular -ed main verb dates it (cross-set family, session 23)
    return year


def background_words(res: Resources, extra: Iterable[str] = ()) -> str:
    """The words of ``background_clause`` (and ``extra``) as one regex alternation, "" when there are none: a clause
    they open tells an earlier, background event ("the strongest quake since the volcano erupted on Monday").

    >>> from timeline.temporal.rules import load_resources
    >>> "since" in background_words(load_resources()).split("|")
    True
    """
    return "|".join(map(re.escape, [*res.tables.get("background_clause", {}), *extra]))


#: How far (characters) back a full date with its year still lends that year to a month and day after it.
_NARRATIVE_REACH = 200

#: How many timexes back a month and day looks for the same day written with its year.
REPEAT_LOOKBACK = 40
_YEAR_IN_TEXT = re.compile(r"\b\d{4}\b")


def written_full_day(timex: Timex) -> dt.date | None:
    """The day of a timex that is a calendar day written with its year ("Oct. 7, 2023", "Thanksgiving 2020"), not
    one found from the DCT or another date; else None. Later bare mentions of that day or feast take its year."""
    start = timex.date_start
    if timex.type == "DATE" and timex.granularity == "day" and start is not None and not timex.relative \
            and _YEAR_IN_TEXT.search(timex.text):
        return start
    return None


#: Days around the DCT within which that day of the DCT's year may be an anniversary told in the story.
_ANNIVERSARY_DAYS = 14
_SINCE_OR_THE = re.compile(r"\b(?:since|the)\s+\Z", re.IGNORECASE)


def _repeated_date_year(m: Match, month: int, day: int) -> int | None:
    """The year of the same month and day written with its year earlier in the text: a timeline or anniversary
    story names the day in full once and then bare ("attacked on Oct. 7, 2023. ... since Oct. 7 have killed" in
    October 2024: 2023-10-07, not the day before the DCT). Around the anniversary (that day of the DCT's year within
    ``_ANNIVERSARY_DAYS`` of the DCT) a bare "on March 11" may be this year's memorial: there only "since" or "the"
    before it ("since Oct. 7", "the Oct. 7 attack") points back. Only the last ``REPEAT_LOOKBACK`` timexes are read.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("It struck on Oct. 7, 2023. For two decades, it ruled. Since Oct. 7, many died.",
    ...                       dt.date(2024, 10, 8))]
    ['2023-10-07', 'P20Y', '2023-10-07']
    """
    if m.dct is None:
        return None
    this_year = safe_date(m.dct.year, month, day)
    if this_year is not None and abs((m.dct - this_year).days) <= _ANNIVERSARY_DAYS \
            and not _SINCE_OR_THE.search(m.text, max(0, m.start - 8), m.start):
        return None
    for timex in reversed(m.previous[-REPEAT_LOOKBACK:]):
        start = written_full_day(timex)
        if start is not None and start.month == month and start.day == day:
            tense = m.tense()
            if (tense == "past" and start > m.dct) or (tense == "future" and start < m.dct):
                return None  # another use of the day: "fund the government until Oct. 1, 2021. ... the fiscal
                # year that started on Oct. 1" (December 2020): the tense rules out the full date's year
            return start.year
    return None


def _other_year_anchor(m: Match, granularity: str | tuple[str, ...], reach: int) -> tuple[Timex, dt.date] | None:
    """The last timex before the match and its start, when it is a DATE of ``granularity`` (or one of them) whose
    start lies in another year than the DCT's, at most ``reach`` characters back: the date a month (and day) after it
    may take its year from."""
    if not m.previous or m.dct is None:
        return None
    last = m.previous[-1]
    if granularity == "day" and len(m.previous) > 1 and _is_offset(m, last):
        last = m.previous[-2]  # "on July 16, 1969. Four days later, on July 20": the offset keeps the narrative
    grains = (granularity,) if isinstance(granularity, str) else granularity
    if last.type != "DATE" or last.granularity not in grains or last.date_start is None \
            or last.date_start.year == m.dct.year or m.start - last.end > reach:
        return None
    if granularity == "day" and historic_year_at(m.res, m.text, last.end, last.date_start.month, last.date_start.day,
                                                 m.dct) is not None:
        return None  # "the Sept. 11 attacks" (2001) tells no narrative: a later "Sept. 11 anniversary" is this year's
    return last, last.date_start


_OFFSET_AFTER = re.compile(r"\s+(?:later|after|earlier|before)\b")


def _is_offset(m: Match, timex: Timex) -> bool:
    """True when ``timex`` is a length told as an offset from the date before it ("four days later")."""
    return timex.type == "DURATION" and _OFFSET_AFTER.match(m.text, timex.end) is not None


_SPAN_OPENER = re.compile(r"\b([a-z]+)\s+(?:on\s+)?\Z", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"\A\s*,?\s*([a-z]+)\b[^.;!?\n]*\Z", re.IGNORECASE)


def _span_end_year(m: Match, month: int, day: int) -> int | None:
    """The year of a bare month and day ending a span whose start is the day before it written with its year
    ("between Oct. 1, 2017 and Sept. 30", "from Dec. 5, 2016 to Jan. 20", "delayed from January 31, 2021 until it
    took place on March 14"): the first such day after the start, whatever the DCT or the tense. The opener before
    the start and the word joining the ends come from normalization.yaml ``dated_span_openers``.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Songs released between Oct. 1, 2017 and Sept. 30 qualify.", dt.date(2018, 7, 17))]
    ['2017-10-01', '2018-09-30']
    """
    if not m.previous:
        return None
    last = m.previous[-1]
    start = written_full_day(last)
    if start is None or m.start - last.end > _NARRATIVE_REACH:
        return None
    opener = _SPAN_OPENER.search(m.text, max(0, last.start - 20), last.start)
    joins = m.res.tables.get("dated_span_openers", {}).get(opener.group(1).lower()) if opener else None
    join = _SPAN_JOIN.match(m.text[last.end:m.start])
    if not joins or join is None or join.group(1).lower() not in joins:
        return None
    year = next(y for y in (start.year, start.year + 1, start.year + 2) if safe_date(y, month, day) is not None)
    first = safe_date(year, month, day)
    return year + 1 if first is not None and first <= start else year


def _narrative_year(m: Match, month: int, day: int) -> int | None:
    """The year of a month and day told right after a full date with a year of its own ("He was arrested on
    Oct. 3, 2022, and charged on Oct. 10": 2022): the year putting it nearest that date, when that date is the
    last timex, at most ``_NARRATIVE_REACH`` characters back, not of the DCT's year (TBAQ reads a month after a
    bare year, or after a date far back, by the DCT) and no baseline (after a ``background_clause`` or comparison
    word: "its highest since Sept. 8, 2008, on June 15").

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The fire began on Dec. 30, 2023. On Jan. 2, it was contained.", dt.date(2025, 3, 1))]
    ['2023-12-30', '2024-01-02']
    """
    anchor = _other_year_anchor(m, "day", _NARRATIVE_REACH)
    if anchor is None or m.dct is None:
        return None
    if (anchor[0].relative or not re.search(r"\b\d{4}\b", anchor[0].text)) \
            and abs(anchor[1].year - m.dct.year) < 2:
        return None  # a day read from the narrative (two years or more off the DCT) passes its year on: "signed on
        # May 7, 1945; May 8 is V-E Day. Japan would not surrender until September 2" (1945-09-02)
    last, start = anchor
    words = background_words(m.res, m.res.comparison_words)
    if words and re.search(r"\b(?:" + words + r")\s+(?:on\s+)?\Z", m.text[max(0, last.start - 20):last.start],
                           re.IGNORECASE):
        return None  # "its highest since Sept. 8, 2008, on June 15": a baseline, no narrative (a span "from <full
        # date> until <day>" was read before, by _span_end_year)
    near = _nearest_year(start, month, day)
    return near if safe_date(near, month, day) is not None else None


#: A year written in a headline ("1944: The Great Escape, D-Day and the GI Bill", "This Week in 1945").
_HEADLINE_YEAR = re.compile(r"(?<![\d.,/-])(1[0-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d)")
_LEADING_SPACE = re.compile(r"\s*")
#: The longest first line read as a headline; a longer one, or one holding a sentence end, is the body of a text
#: pasted as one paragraph ("... closed its old factory before 2019. Acme shares have rallied from Nov. 14.").
_HEADLINE_MAX = 150
_SENTENCE_END = re.compile(r"[a-z]{3}[.!?][\"'”’]?\s+[A-Z]")
#: What may stand before a month and day that opens a line of a listing: nothing, or a bullet.
_ENTRY_OPENING = re.compile(r"[ \t]*[*\u2022\u2013\u2014~-]?[ \t]*")
#: What follows the month and day of a listing entry: a colon or dash, or the entry's capitalised first word.
_ENTRY_AFTER = re.compile(r"[ \t]*[:\u2013\u2014-][ \t]|[ \t]+(?-i:[A-Z])")


def _heading_year(m: Match) -> int | None:
    """The one year a headline names, for a month and day that opens an entry of a dated listing below it ("1944:
    The Great Escape ... \\nJAN. 11 President Roosevelt calls ...", "This Week in 1945 ...\\nJanuary 12: Ray Manzerek
    turns 2") or that follows that year in the headline itself ("This Week in 1945 (January 11-17)"): the entries
    are that year's, however far it lies from the DCT, not the days nearest the DCT (held-out on-this-day and
    year-in-review gold news203, session 22). A headline with no year or two years gives none; a month and day
    inside running text keeps the other cues (a bare year read by the DCT, as TBAQ does).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("1944: The Great Escape\\n\\nJAN. 11 Roosevelt calls for a bill of rights.",
    ...                       dt.date(2019, 11, 1))]
    ['1944', '1944-01-11']
    """
    text = m.text
    head_start = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    head_end = text.find("\n", head_start)
    if head_end < 0 or head_end - head_start > _HEADLINE_MAX or _SENTENCE_END.search(text, head_start, head_end):
        return None
    years = {int(y) for y in _HEADLINE_YEAR.findall(text, head_start, head_end)}
    if len(years) != 1:
        return None
    year = years.pop()
    if m.start < head_end:
        return year if _HEADLINE_YEAR.search(text, head_start, m.start) else None
    line_start = text.rfind("\n", 0, m.start) + 1
    if not _ENTRY_OPENING.fullmatch(text, line_start, m.start):
        return None
    return year if _ENTRY_AFTER.match(text, m.end) else None


#: How many timexes an entry of a dated listing looks back over for the entry or year heading before it.
_ENTRY_LOOKBACK = 40
#: A year that fills a line of its own: the section heading of a chronology ("2022\nJanuary 19: Biden says ...").
_YEAR_LINE = re.compile(r"[ \t]*[#*\u2022]*[ \t]*(?:1[0-9]|20)\d\d[ \t]*:?[ \t]*")


def _is_entry(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start``-``end`` opens a line of a listing (``_ENTRY_OPENING``, ``_ENTRY_AFTER``)."""
    line_start = text.rfind("\n", 0, start) + 1
    return _ENTRY_OPENING.fullmatch(text, line_start, start) is not None and \
        _ENTRY_AFTER.match(text, end) is not None


def _entry_chain_year(m: Match, month: int, day: int) -> int | None:
    """The year of a month and day that opens an entry of a chronology, from the entry or year heading above it:
    a year filling its own line gives its year ("2022\\nJanuary 19: ..."), an earlier entry the year putting this
    day nearest it ("May 20: ... sue officers.\\nMay 22: Prosecutors announce they will drop ..." is the May 22 of
    the May 20, not the coming one the tense would give; "June 14, 2020: ...\\nJune 17: ..."). Dates in the running
    text of the entries are passed over; none when no such entry or heading precedes (held-out chronology gold
    news314, session 26).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Key events\\n\\n2022\\nJanuary 19: Biden warns Russia.\\nMay 18: The EU will ban oil.",
    ...                       dt.date(2023, 2, 23))]
    ['2022', '2022-01-19', '2022-05-18']
    """
    text = m.text
    if not _is_entry(text, m.start, m.end):
        return None
    for timex in reversed(m.previous[-_ENTRY_LOOKBACK:]):
        if timex.type != "DATE" or timex.date_start is None or timex.mod:
            continue
        line_start = text.rfind("\n", 0, timex.start) + 1
        line_end = text.find("\n", timex.end)
        if timex.granularity == "year" and _YEAR_LINE.fullmatch(text, line_start, len(text) if line_end < 0
                                                                else line_end):
            year = timex.date_start.year
            return year if safe_date(year, month, day) is not None else None
        if timex.granularity == "day" and _is_entry(text, timex.start, timex.end):
            near = _nearest_year(timex.date_start, month, day)
            return near if safe_date(near, month, day) is not None else None
    return None


#: How many listed months a bare month looks back over for the month written with its year.
_LIST_LOOKBACK = 6


@lru_cache(maxsize=4)
def _list_gap_pattern(joins: tuple[str, ...], prepositions: tuple[str, ...], units: tuple[str, ...]) -> re.Pattern[str]:
    """The gap between two months of a dated list (tense.yaml listed_month_*): ", in", " and in", ", to 4.75% in",
    ", " (a bare month right after it)."""
    join = r"(?:(?:" + (alternation(joins) or "(?!)") + r")\s+)?"
    unit = r"(?:\s*(?:" + (alternation(units) or "(?!)") + r"))?"
    figure = r"(?:(?:" + (alternation(prepositions) or "(?!)") + r")\s+[$€£]?\d[\d.,]*" + unit + r"\s+)?"
    return re.compile(r"\s*[,;]?\s*(?:" + join + figure + r"in\s+|" + join + r")", re.IGNORECASE)


def _listed_month_year(m: Match, month: int) -> int | None:
    """The year of a bare month listed after a month (or a day) written with its year, through at most
    ``_LIST_LOOKBACK`` bare months of the same list ("rose to 5.25% in August 2024, to 4.75% in November and to 4.5% in February": 2024-11,
    2025-02): the written year, one more each time the list wraps past December. None when no such list leads to it
    or the written month is of the DCT's year (the other rules read that one).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("It opened in May 2023, in July and in March.", dt.date(2025, 12, 10))]
    ['2023-05', '2023-07', '2024-03']
    >>> [t.value for t in tag("It opened in May 2023 and will close in July.", dt.date(2025, 12, 10))][1] != '2023-07'
    True
    """
    if m.dct is None or m.get("dir") or m.get("ydir"):
        return None
    gap = _list_gap_pattern(m.res.listed_month_joins, m.res.listed_month_figure_prepositions,
                            m.res.listed_month_units)
    months, end = [month], m.start
    for timex in reversed(m.previous[-_LIST_LOOKBACK:]):
        written = not timex.relative and _YEAR_IN_TEXT.search(timex.text) is not None
        if timex.type != "DATE" or timex.date_start is None or not gap.fullmatch(m.text, timex.end, end) \
                or timex.granularity != "month" and not (written and timex.granularity == "day"):
            return None
        months.append(timex.date_start.month)
        if written:
            year = timex.date_start.year
            if year == m.dct.year:
                return None
            ordered = months[::-1]
            return year + sum(1 for a, b in pairwise(ordered) if b <= a)
        end = timex.start
    return None


#: How far (characters) a year opening a clause reaches to the month it governs.
_CLAUSE_YEAR_REACH = 120
#: A sentence or line end before a clause year ("In 2019 the firm ..." opens its sentence).
_CLAUSE_SENTENCE_BREAK = re.compile(r"[.!?\n]\s")


def alternation(words: Iterable[str]) -> str:
    """Words (a space: any run of spaces) as one regex alternation."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


def word_list_pattern(name: str, end: str = r"\b") -> str:
    """Regex source for any word of the function-word list ``name`` as a whole word: ``\\b(?:...)`` then ``end``
    (a word boundary unless told, e.g. ``\\Z`` for a list word closing the text).

    >>> re.search(word_list_pattern("split_span_end_words"), "open from Friday until Sunday").group()
    'until'
    >>> re.search(word_list_pattern("split_span_end_words"), "stays open Thursday") is None
    True
    """
    return r"\b(?:" + alternation(word_endings(name)) + r")" + end


@lru_cache(maxsize=4)
def _school_span_patterns(after: tuple[str, ...], before: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What names a two-year span a school year, after and before it (tense.yaml school_year_span_after/before)."""
    return (re.compile(r"\s+(?:" + "|".join(after or ("(?!)",)) + r")\b", re.IGNORECASE),
            re.compile(r"\b(?:" + "|".join(before or ("(?!)",)) + r")\s*\Z", re.IGNORECASE))


def _school_year_span_year(m: Match, month: int) -> int | None:
    """The year of a bare month (and day) after a two-year span named a school year ("the 2024-25 calendar has a
    start date of Aug. 14 ... the last day of classes is May 23"): the span's first year from August to December,
    its second from January to June (tense.yaml ``school_year_*``), unless a past cue precedes it in its sentence
    or the span is more than ``school_year_span_reach`` characters back. The span is the last pair of adjacent years before the month.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The 2024-25 calendar starts Aug. 14 and ends May 23.", dt.date(2024, 1, 16))]
    ['2024', '2025', '2024-08-14', '2025-05-23']
    """
    res = m.res
    first_months, second_months = res.school_year_first_months, res.school_year_second_months
    if month not in first_months and month not in second_months:
        return None
    after, before = _school_span_patterns(res.school_year_span_after, res.school_year_span_before)
    prev = m.previous
    for index in range(len(prev) - 1, 0, -1):
        second, first = prev[index], prev[index - 1]
        if m.start - second.end > res.school_year_span_reach:
            return None
        if not (first.granularity == second.granularity == "year" and first.value.isdigit()
                and second.value.isdigit() and int(second.value) == int(first.value) + 1
                and 0 < second.start - first.end <= 1):
            continue
        if not (after.match(m.text, second.end) or before.search(m.text, max(0, first.start - 40), first.start)):
            return None
        words = re.findall(r"[a-z]+(?:'[a-z]+)?", m.text[sentence_start(m.text, m.start):m.start].lower())
        if m.parse_tense() == "past" or any(
                cue_at(words, j, res, True) == "past" and words[j - 1:j] != ["the"] for j in range(len(words))):
            return None  # "Trustees approved the 2024-25 calendar during a meeting Jan. 11": that meeting's day
            # (a cue after "the" is no verb: "the last day of classes is May 23")
        return int(first.value) + (1 if month in second_months else 0)
    return None


@lru_cache(maxsize=8)
def _clause_year_patterns(breaks: tuple[str, ...], conjunctions: tuple[str, ...], prepositions: tuple[str, ...],
                          baselines: tuple[str, ...], determiners: tuple[str, ...] = ()
                          ) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The break, sentence-opener and baseline patterns of `_clause_year` from the lists of tense.yaml."""
    capitalised = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in prepositions if w)
    determiner = r"(?:(?:" + alternation(determiners) + r")\s+)?" if determiners else ""
    return (re.compile(r"[.;:!?\"“”()]|\b(?:" + alternation(breaks) + r")\b", re.IGNORECASE),
            re.compile(r"\s*[\"“]?\s*(?:(?:" + alternation(conjunctions) + r")\s+)?(?:(?:" + capitalised + r")\s+"
                       + determiner + r")?"),
            re.compile(r"\b(?:" + alternation(baselines) + r")\s+\Z"))


#: What joins the two years of a span ("2022-23", "2012 to 2014", "2019 and 2020").
_YEAR_SPAN_LINK = re.compile(r"\s*(?:[-–/]|to|through|and)\s*")

#: The granularities of a dated period whose year a month (and day) in its clause takes: a year, or a season,
#: quarter, half or month with its year ("In the summer of 2019, the team traveled to Europe in July").
_CLAUSE_PERIOD_GRAINS = ("year", "season", "quarter", "half", "month")


@lru_cache(maxsize=4)
def _relative_clause_pattern(relatives: tuple[str, ...]) -> re.Pattern[str]:
    """A relative clause opened right after a period (tense.yaml clause_year_relatives), up to the month: no comma."""
    return re.compile(r",?\s+(?:" + (alternation(relatives) or "(?!)") + r")\s[^,]*", re.IGNORECASE)


def _clause_year(m: Match, month: int, day: int | None) -> int | None:
    """The year of a year expression that opens the clause of a month (and day) after it: "Last year we started
    selling them in late September", "In 2019 the firm opened a plant in March" (DCT 2020: 2019). The year is the
    last timex, of year granularity and not the DCT's, at most ``_CLAUSE_YEAR_REACH`` characters back,
    opening its sentence (after "In"/"During"/"By" or "But"/"And"), or right before "in" + the month ("rose 5% last
    year in June", not after "than"/"from"); no sentence or clause break, contrast, comparison or relative pronoun
    between ("Last year's record was broken in March" is a possessive and keeps the DCT's
    reading; "In 2019 sales fell, but in March they rose" is the DCT's March).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("In 2019 the firm opened a plant in March.", dt.date(2020, 11, 2))]
    ['2019', '2019-03']
    """
    anchor = _other_year_anchor(m, _CLAUSE_PERIOD_GRAINS, _CLAUSE_YEAR_REACH)
    if anchor is None:
        return None
    last, start = anchor
    res = m.res
    breaks, opener, baseline = _clause_year_patterns(res.clause_year_breaks, res.clause_year_conjunctions,
                                                     res.clause_year_prepositions, res.clause_year_baselines,
                                                     res.clause_year_determiners)
    if m.text[last.end:last.end + 2] in ("'s", "’s") or breaks.search(m.text[last.end:m.start]):
        return None
    if last.granularity == "year" and len(m.previous) > 1 and m.previous[-2].granularity == "year" \
            and _YEAR_SPAN_LINK.fullmatch(m.text[m.previous[-2].end:last.start]):
        return None  # "the 2022-23 season, when cases peaked in December", "from 2012 to 2014 ... in March": which
        # of the span's years is not told
    year = start.year if last.granularity == "year" else _nearest_year(start, month, day or 15)
    if _relative_clause_pattern(res.clause_year_relatives).fullmatch(m.text[last.end:m.start]):
        return year  # "the winter of 2017-2018, when 44 people died by the end of December": that winter's December,
        # even after a baseline word ("less so than"): the clause tells what happened then
    if last.granularity == "year":
        gap = m.text[last.end:m.start]
        if re.fullmatch(r"\s+in\s+", gap) and not baseline.search(m.text[max(0, last.start - 20):last.start]):
            return year  # "Prices rose 5% last year in June"
        if _copula_year_link(res.copula_year_links).fullmatch(gap):
            return year  # "The first sighting in 2022 was also on March 7": the subject's year
    sentence = m.text[last_break_end(_CLAUSE_SENTENCE_BREAK, m.text, last.start):last.start]
    if not opener.fullmatch(sentence):
        return None  # "The company, which opened in 2015, cut jobs in March": the year opens no clause
    return year


@lru_cache(maxsize=4)
def _copula_year_link(links: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of what lies between a subject's year and its predicate's date (tense.yaml copula_year_links)."""
    return re.compile(r"\s+(?:" + "|".join(links or ("(?!)",)) + r")\s+", re.IGNORECASE)


#: How far around a bare month or season a habitual cue of its clause is looked for (after it: right after it).
_HABITUAL_REACH = 160
_HABITUAL_AFTER_REACH = 16


@lru_cache(maxsize=4)
def _habitual_patterns(cues: tuple[str, ...], after: tuple[str, ...],
                       breaks: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The cue (before, after) and break patterns of `habitual` from the lists of tense.yaml."""
    return (re.compile(r"\b(?:" + (alternation(cues) or "(?!)") + r")\b", re.IGNORECASE),
            re.compile(r"\b(?:" + (alternation(after) or "(?!)") + r")\b", re.IGNORECASE),
            re.compile(r"[;:!?\"“”()]|\.\s|\b(?:" + (alternation(breaks) or "(?!)") + r")\b", re.IGNORECASE))


def habitual(m: Match) -> bool:
    """Whether a bare month or season lies in a present clause with a frequency word ("usually", "each year"),
    so that it names that month of every year: "Bears are not usually active during February" (XXXX-02).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Grizzlies usually emerge in April.", dt.date(2023, 3, 24))]
    ['XXXX-04']
    >>> [t.value for t in tag("Bears usually wake in April, but this year one woke in March.", dt.date(2023, 3, 24))][-1]
    '2023-03'
    """
    cues, cues_after, breaks = _habitual_patterns(m.res.habitual_cues, m.res.habitual_cues_after,
                                                  m.res.habitual_breaks)
    before = m.text[max(0, m.start - _HABITUAL_REACH):m.start]
    after = m.text[m.end:m.end + _HABITUAL_REACH]
    found = None
    for found in cues.finditer(before):
        pass
    if found is not None and not breaks.search(before[found.end():]):
        return m.tense() != "past"
    ahead = cues_after.search(after, 0, _HABITUAL_AFTER_REACH)
    if ahead is not None and not breaks.search(after[:ahead.start()]):
        return m.tense() != "past"
    return False


#: How long before the DCT a date after "effective" may lie and still be the current year's (a backdated rise).
_EFFECTIVE_BACKDATE_DAYS = 62


def _day_distance(dct: dt.date, year: int, month: int, day: int) -> int:
    """Days from the DCT to month/day of ``year`` (a large number when that day does not exist)."""
    try:
        return (dt.date(year, month, day) - dct).days
    except ValueError:
        return 10 ** 6


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
#: How long before the DCT a possessed event's month-day may lie and still be that past event ("its May 8 vote").
_POSSESSED_EVENT_DAYS = 45
#: The word right before an expression, or a genitive "'s" ending it ("its", "the board's").
_WORD_BEFORE = re.compile(r"(?:\b([a-z]+)|\w[\'’](s))\s+\Z", re.IGNORECASE)


def _possessed_event(m: Match) -> bool:
    """True when a possessive (``event_date_possessives`` of normalization.yaml) or a genitive stands right before
    a month-day that dates the event noun after it ("its May 8 vote", "the board's June 3 decision"): a known event
    of its owner, the recent past one when it lies just before the DCT, whatever the tense of the clause.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The board will reconsider its May 8 vote.", dt.date(2019, 5, 17))]
    ['2019-05-08']
    >>> [t.value for t in tag("The board will meet before a May 8 deadline.", dt.date(2019, 5, 17))]
    ['2020-05-08']
    """
    before = _WORD_BEFORE.search(m.text, max(0, m.start - 30), m.start)
    if before is None:
        return False
    return before.group(2) is not None or before.group(1).lower() in m.res.tables.get("event_date_possessives", {})


def _nearest_year(anchor: dt.date, month: int, day: int) -> int:
    """The year (of the anchor's, the one before or after) that puts month/day nearest ``anchor``; the earlier one
    on a tie, and the year before when the day exists in none of them.

    >>> _nearest_year(dt.date(2025, 12, 30), 1, 2), _nearest_year(dt.date(2025, 5, 1), 6, 30)
    (2026, 2025)
    """
    return min((anchor.year - 1, anchor.year, anchor.year + 1),
               key=lambda y: (abs(_day_distance(anchor, y, month, day)), y))


_WORDS_BEFORE = re.compile(r"[a-z]+")


def _after_phrase(m: Match, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """True when one of ``phrases`` comes right before the match."""
    before = _WORDS_BEFORE.findall(m.text[max(0, m.start - 40):m.start].lower())
    return any(tuple(before[-len(phrase):]) == phrase for phrase in phrases)


def _ends_period(m: Match) -> bool:
    """True when a bare month is the month a period ends in ("the current quarter ending in December")."""
    return _after_phrase(m, m.res.period_end_phrases)


#: How many timexes, and characters, back a chronology's full date of the DCT's year keeps a later bare day in it.
_CHRONOLOGY_LOOKBACK = 8
_CHRONOLOGY_REACH = 600


def _dated_earlier_this_year(m: Match, month: int, day: int | None) -> bool:
    """True when a full date written with the DCT's year, before the DCT and on or before the month and day, is one
    of the last ``_CHRONOLOGY_LOOKBACK`` timexes (at most ``_CHRONOLOGY_REACH`` characters back): a chronology told
    in the historical present ("MPs vote against on January 15, 2019. The EU agrees to delay Brexit until May 22",
    DCT October 2019) goes on in that year, so its to-infinitives do not move a past month and day to next year.

    >>> from timeline.temporal.tagger import tag
    >>> s = "MPs reject the deal on January 15, 2019. The EU agrees to delay Brexit until May 22."
    >>> [t.value for t in tag(s, dt.date(2019, 10, 20))]
    ['2019-01-15', '2019-05-22']
    """
    assert m.dct is not None
    if day is None:
        return False
    for timex in reversed(m.previous[-_CHRONOLOGY_LOOKBACK:]):
        if m.start - timex.end > _CHRONOLOGY_REACH:
            return False
        start = written_full_day(timex)
        if start is not None and start.year == m.dct.year and start < m.dct and (start.month, start.day) <= (month, day):
            return True
    return False


def _coming_date_before(m: Match) -> dt.date | None:
    """The start of the last calendar date (day or month) before the match in its sentence when that date is after
    the DCT in the DCT's year or the next (not the DCT's own day: "a revision Friday to December's figures"): a date with no tense cue after a coming one in one sentence goes on from it ("two new flights
    from March 30, with the third from August 6": DCT February, the coming August). A dated line of a listing
    (``_listing_item``) looks across line ends and periods, and a coming date of a later year counts too; a date
    right after "later (on)" looks back into the sentence before as well (``_LATER_ON_BEFORE``).

    >>> from timeline.temporal.tagger import tag
    >>> s = "Flights would leave on Mondays from March 30, with the third departing each Thursday from August 6."
    >>> [t.value for t in tag(s, dt.date(1998, 2, 13)) if t.type == "DATE"]
    ['1998-03-30', '1998-08-06']
    """
    assert m.dct is not None
    listing = _listing_item(m)
    later = _LATER_ON_BEFORE.search(m.text, max(0, m.start - 40), m.start) is not None
    for timex in reversed(m.previous):
        if timex.end > m.start:
            return None
        gap = m.text[timex.end:m.start]
        if (len(gap) > _LISTING_REACH or "\n" not in gap) if listing else re.search(r"[.!?]", gap) and not (
                later and len(gap) <= _LATER_ON_REACH and len(re.findall(r"[.!?]", abbreviation_stops(gap))) <= 1):
            return None
        if timex.type == "DATE" and timex.date_start is not None and timex.granularity in ("day", "month"):
            start = timex.date_start
            return start if start > m.dct and (start.year <= m.dct.year + 1 or listing) else None
    return None


#: "one week later on January 8", "two days later, on": the date goes on from the last date of the sentence
#: before too, up to ``_LATER_ON_REACH`` characters back ("... through Monday, January 1. Then one week later on
#: January 8, the title game will kick off", DCT May 2023: January 8, 2024; held-out college sports gold news317,
#: session 26)
_LATER_ON_BEFORE = re.compile(r"\blater,?\s+(?:on\s+)?\Z", re.IGNORECASE)
_LATER_ON_REACH = 250

#: A date after a coming one of next year continues its sequence only this many months on ("begins on 9 June ...
#: and wrapping on 17 June", DCT September: 2026 both), not a far one ("payable Jan. 2 to stock of record Dec. 15").
_NEXT_YEAR_SEQUENCE_MONTHS = 1


#: How far (characters) back a dated line of a listing looks for the coming date it continues.
_LISTING_REACH = 300

#: What follows the date that opens a line of a listing: a dash, a colon or an "@" and the place or the event
#: ("Aug. 9 – Lake Tahoe, Nevada", "July 15 — Vancouver, B.C.", "08/20 — Washington, DC @ Capital One Arena").
_LISTING_AFTER = re.compile(r"[^\S\n]*(?:[–—:@]|-(?=[^\S\n]))[^\S\n]*\S")


def _listing_item(m: Match) -> bool:
    r"""True when the match opens a line and a dash, colon or "@" follows it: one dated line of a listing (the
    dates of a tour, a schedule). Such lines have no verb and are cut by the periods of abbreviations ("B.C.",
    "St. Vincent"), so a line goes on from the coming date of the line or the sentence before it: the listing of
    "The tour kicks off on July 15" (DCT January) is this year's July and August, not last year's.

    >>> from timeline.temporal.tagger import tag
    >>> s = "The tour opens on July 15 in Vancouver, B.C.\nJuly 15 — Vancouver, B.C.\nJuly 18 — Seattle, Wash."
    >>> [t.value for t in tag(s, dt.date(2023, 1, 17))]
    ['2023-07-15', '2023-07-15', '2023-07-18']
    """
    return (m.start == 0 or m.text[m.start - 1] == "\n") and _LISTING_AFTER.match(m.text, m.end) is not None


def _names_event(m: Match) -> bool:
    """True when a bare month is the date of the event noun right after it ("September elections").

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Talks raised hopes for a deal before September elections.", dt.date(2019, 7, 10))]
    ['2019-09']
    """
    following = _NEXT_WORD.match(m.text, m.end)
    return following is not None and following.group(1) in m.res.month_event_nouns and not _opens_sentence(m)


#: The event noun after a month (and one more noun: "the October target date") and the verb after them.
_EVENT_SUBJECT_VERB = re.compile(r"\s+[a-z]+\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")


def _event_in_present(m: Match) -> bool:
    """True when the month's event is the subject of a present "be" right after it ("the August deadline
    is being pushed back", officials said the September opening "is at risk"): the event is still to come, even in
    a report after "said".

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("That is why the August deadline is being pushed back.", dt.date(2017, 2, 28))]
    ['2017-08']
    """
    verb = _EVENT_SUBJECT_VERB.match(m.text, m.end)
    return verb is not None and bool({verb.group(1), verb.group(2)} & word_set("present_be") - {"be"})


#: An -ing verb and the preposition after it, at most six words before an event month ("legislators running
#: against Dayton in the November election", "are campaigning for the March primary"): the campaign is under way.
_CAMPAIGN_PARTICIPLE = re.compile(r"\b(?!(?:during|including|following|according|regarding|concerning)\b)[a-z]{3,}ing\s+"
                                  r"(?:against|for|in|ahead|toward|towards)\b(?:\s+[\w.'’-]+){0,5}\s+(?:the\s+)?\Z")


def _campaign_participle(m: Match) -> bool:
    """True when an -ing verb with a preposition after it stands in the clause shortly before an event month, with
    no past cue word between: an ongoing campaign or preparation for the coming event.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Two rivals running against him in the November election objected.", dt.date(2014, 4, 14))]
    ['2014-11']
    """
    head = m.text[max(0, m.start - 90):m.start]
    head = re.split(r"[.;:!?\"“”(),]", head)[-1]
    found = _CAMPAIGN_PARTICIPLE.search(head)
    if found is None:
        return False
    return not any(cue_at([w], 0, m.res, True) == "past" for w in re.findall(r"[a-z']+", head.lower()))


_SENTENCE_OPENING = re.compile(r"(?:\A|[.!?][\"'’”]*\s+)(?:\w+\s+){0,2}\Z")

#: A sentence end: a full stop, "!" or "?", any closing quotation marks, then a space.
SENTENCE_BREAK = re.compile(r"[.!?][\"'’”]*\s")


def sentence_break_between(text: str, end: int, start: int) -> bool:
    """True when a sentence ends between text offsets ``end`` and ``start``.

    >>> sentence_break_between("On Monday he left. In October he came back.", 9, 22)
    True
    """
    return SENTENCE_BREAK.search(text[end:start]) is not None


#: How far (characters) back a sentence end is looked for first, before the whole text before a position is.
_SENTENCE_REACH = 400


def last_break_end(pattern: re.Pattern[str], text: str, position: int) -> int:
    """The end of the last match of a sentence-end ``pattern`` in text[:position], 0 when there is none. The last
    ``_SENTENCE_REACH`` characters are searched first, so that a long text is not scanned again for every
    expression in it; the whole text before ``position`` only when they hold no sentence end.

    >>> last_break_end(SENTENCE_BREAK, "He left. It rained at 6 a.m.", 20)
    9
    """
    begin = max(0, position - _SENTENCE_REACH)
    found = max((match.end() for match in pattern.finditer(text, begin, position)), default=None)
    if found is not None or begin == 0:
        return found or 0
    return max((match.end() for match in pattern.finditer(text, 0, position)), default=0)


def sentence_start(text: str, position: int) -> int:
    """The offset where the sentence holding ``position`` begins (0 when no sentence ends before it).

    >>> sentence_start("He left. It rained at 6 a.m.", 20)
    9
    """
    return last_break_end(SENTENCE_BREAK, text, position)


def end_bound(m: Match, timex: Timex) -> bool:
    """Whether an earlier day only ends a span or sets a deadline, in a sentence or line before the match: an
    ``end_bound_phrases`` phrase right before it, not opening its sentence ("48 First Alert Weather Days continue
    now through Saturday. A Heat Advisory is in effect from noon": the publication day, not Saturday). A match
    whose sentence closes something before it ("Applications are open until Friday. The portal closes at 5 p.m.":
    an ``end_bound_keepers`` word) keeps that day.

    >>> from timeline.temporal.tagger import tag
    >>> text = "Heat lasts through Saturday. An advisory is in effect from noon."
    >>> [t.value for t in tag(text, dt.date(2023, 8, 22))][-1]
    '2023-08-22T12:00'
    """
    if not sentence_break_between(m.text, timex.end, m.start) and "\n" not in m.text[timex.end:m.start]:
        return False  # "open until Friday, when polls close at 5 p.m.": the clock time's own clause
    words = re.findall(r"[a-z']+", m.text[max(0, timex.start - 30):timex.start].lower())
    phrase = next((p for p in m.res.end_bound_phrases if tuple(words[-len(p):]) == p), None)
    if phrase is None:
        return False
    line = m.text.rfind("\n", 0, timex.start) + 1
    if len(re.findall(r"[^\W\d]+", m.text[max(line, sentence_start(m.text, timex.start)):timex.start])) <= len(phrase):
        return False  # "By Friday, 10 had died": a fronted bound dates the story
    own = m.text[max(m.text.rfind("\n", 0, m.start) + 1, sentence_start(m.text, m.start)):m.start]
    return not word_set("end_bound_keepers") & set(re.findall(r"[a-z]+", own.lower()))


_PRESENT_COPULA_AFTER = re.compile(r"\s+(?:is|are)\b(?!\s+(?:over|gone|past|behind)\b)", re.IGNORECASE)


def _present_copula_subject(m: Match) -> bool:
    """True when a bare month opens its sentence as the subject of a present "is"/"are" ("October is when the
    leaves peak", "Late October is the best time to visit"); "October is over" speaks of a past month."""
    return not m.text[sentence_start(m.text, m.start):m.start].strip().strip("\"“‘'(") \
        and _PRESENT_COPULA_AFTER.match(m.text, m.end) is not None


def _opens_sentence(m: Match) -> bool:
    """True when at most two words come before the match in its sentence ("In January, the firm ...")."""
    return _SENTENCE_OPENING.search(m.text[max(0, m.start - 60):m.start]) is not None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def unit_of(m: Match) -> str | None:
    """The unit code (Y M W D H MIN S Q HALF DE CE WE 2W) from the rule params or the ``unit`` group."""
    unit = m.rule.params.get("unit")
    if unit:
        return str(unit)
    value = m.lookup("unit") or m.lookup("unit", "unit2")
    if value is None and m.get("unit"):
        key = str(m.get("unit"))
        value = m.res.tables.get("unit", {}).get(key.rstrip("s"))
    return str(value) if value is not None else None


# ---------------------------------------------------------------------------------------------- resolvers


def _yesterday_named(m: Match) -> bool:
    """An earlier timex of the text is the day before the DCT, so a "last <weekday>" naming that weekday contrasts
    with it and means the one a week earlier ("Tuesday night's episode ... up from last Tuesday's", DCT Wednesday)."""
    assert m.dct is not None
    yesterday = m.dct - dt.timedelta(days=1)
    return any(t.date_start == yesterday and t.type in ("DATE", "TIME") for t in m.previous)


def weekday_date(m: Match, weekday: int) -> dt.date:
    """The date of ISO ``weekday`` anchored on the DCT by direction word, or else by tense."""
    assert m.dct is not None
    dct = m.dct
    direction = direction_of(m)
    if m.rule.params.get("week"):
        monday = dct - dt.timedelta(days=dct.isoweekday() - 1) + dt.timedelta(weeks=direction or 0)
        return monday + dt.timedelta(days=weekday - 1)
    word = m.get("dir") or ""
    if word.startswith("that"):  # "The attack began on March 5. That Monday, ...": that day of the week of the
        ref = m.reference(("day", "time"))  # last day named (March 3)
        if ref is not None and ref[1].date_start is not None:
            return ref[1].date_start + dt.timedelta(days=weekday - ref[1].date_start.isoweekday())
        direction = None
    if word.startswith(("the previous", "the following", "the subsequent", "the preceding")):  # anaphoric: from the last date
        ref = m.reference(("day", "time"))
        if ref is not None and ref[1].date_start is not None:
            dct = ref[1].date_start
    back = (dct.isoweekday() - weekday) % 7
    forward = (weekday - dct.isoweekday()) % 7
    if direction is not None and direction < 0:
        if back == 1 and word.lower() == "last" and _yesterday_named(m):
            return dct - dt.timedelta(days=8)  # "Tuesday night ... up from last Tuesday's premiere": a week before
        return dct - dt.timedelta(days=back or 7)
    if direction is not None and direction > 0:
        return dct + dt.timedelta(days=forward or 7)
    if direction == 0:
        if dct.isoweekday() == 7 and weekday != 7 and word.lower() == "this" and m.tense() != "past":
            return dct + dt.timedelta(days=forward)  # a Sunday's "starts this Thursday": the coming week's day
        return dct - dt.timedelta(days=dct.isoweekday() - weekday)
    if back and forward and not word:
        apposed = apposed_day(m, weekday)
        if apposed is not None:  # "on March 12, Tuesday": the day just written
            return apposed
        if _named_day_pattern().match(m.text, m.end):  # "means Monday is the first day of the fast": the nearest Monday
            return dct + dt.timedelta(days=forward) if forward <= back else dct - dt.timedelta(days=back)
    if back and forward and past_plan(m.text, m.start, m.end, m.res):
        return dct + dt.timedelta(days=forward) if forward < back else dct - dt.timedelta(days=back)
    tense = m.tense(day=True)
    if tense == "future" or (tense is None and back and forward and not word
                             and progressive_weekday_plan(m.text, m.start, m.end, m.res)):
        return dct + dt.timedelta(days=forward)  # "the union is meeting Tuesday" (DCT Monday): the coming Tuesday
    if back and forward and (next_round(m.text, m.start, m.end, m.res)  # "advances to Thursday's semi-final"
                             or tense is None and attributive_event(m.text, m.start, m.end, m.res)
                             or set_deadline(m.text, m.start, m.end, m.res)):
        return dct + dt.timedelta(days=forward) if forward < back else dct - dt.timedelta(days=back)
    if tense is None and back:
        following = day_followed(m)
        if following is not None:  # "tearing through Puerto Rico Tuesday and into Wednesday": the next such day
            return following + dt.timedelta(days=(weekday - following.isoweekday()) % 7 or 7)
    return dct - dt.timedelta(days=back)


@lru_cache(maxsize=1)
def _named_day_pattern() -> re.Pattern[str]:
    """A link and "the <ordinal> day" right after a weekday ("Monday is the first day of the fast")."""
    links = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(word_set("named_day_links"), key=len, reverse=True))
    ordinals = "|".join(re.escape(w) for w in sorted(word_set("named_day_ordinals")))
    return re.compile(rf"\s+(?:{links})\s+the\s+(?:{ordinals})\s+day\b", re.IGNORECASE)


#: What may stand between a written day and the weekday that restates it ("March 12, Tuesday", "March 12 (Tuesday)",
#: "September 1, the Friday before Labor Day", "Oct. 16, a Monday").
#: How many earlier timexes ``dated_weekday`` looks back over for a dated weekday.
REDATE_LOOKBACK = 12
#: How far from the DCT a dated weekday may be for a later bare mention to repeat it ("Monday, Dec. 2, 2019" in a
#: story of the next year's Cyber Monday is a comparison, not the story's Monday).
REDATE_DAYS = 31

_APPOSITION = re.compile(r",\s*(?:(?:the|a)\s+)?|\s*\(\s*")


def apposed_day(m: Match, weekday: int) -> dt.date | None:
    """The day of the timex right before a weekday that only restates it ("on March 12, Tuesday", "on September 1,
    the Friday before Labor Day"): a date of day granularity on that weekday, parted from it by a comma (and "the"
    or "a") or an opening parenthesis; that day, not the weekday nearest the DCT.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Interest resumes on September 1, the Friday before Labor Day.", dt.date(2023, 6, 13))]
    ['2023-09-01', '2023-09-01', '2023-09-04']
    """
    if not m.previous:
        return None
    last = m.previous[-1]
    start = last.date_start
    if last.type != "DATE" or start is None or last.granularity != "day" or start.isoweekday() != weekday \
            or last.end > m.start:
        return None
    return start if _APPOSITION.fullmatch(m.text, last.end, m.start) else None


#: What may stand between a named week and a weekday that picks one day of it ("later this week on Friday", "next
#: week, on Tuesday", "last week Monday").
_WEEK_APPOSITION = re.compile(r"\s*,?\s*(?:on\s+)?")
_ISO_WEEK = re.compile(r"\d{4}-W\d\d")


def week_apposed_day(m: Match, weekday: int) -> dt.date | None:
    """The day of a weekday that comes right after a named calendar week ("expected to receive a paycheck later this
    week on Friday", "the panel meets next week, on Tuesday"): that weekday of the week the timex before it resolved
    to, whatever tense a verb further off suggests (a past verb in a parenthesis put Friday in the week before).
    Only a week the timex ends on by name: "two weeks ago Thursday" counts back from that Thursday.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Workers - most have kept working - expect pay this week on Friday.", dt.date(2026, 2, 25))]
    ['2026-W09', '2026-02-27']
    """
    if not m.previous:
        return None
    last = m.previous[-1]
    if last.type != "DATE" or last.end > m.start or not _ISO_WEEK.fullmatch(last.value) or last.date_start is None \
            or not last.text.lower().endswith("week") or not _WEEK_APPOSITION.fullmatch(m.text, last.end, m.start):
        return None
    monday = last.date_start - dt.timedelta(days=last.date_start.isoweekday() - 1)
    return monday + dt.timedelta(days=weekday - 1)


def full_weekday_names(res: Resources) -> tuple[str, ...]:
    """The weekday table's names written in full, lower case ("friday", "monday", ...)."""
    return _full_names(tuple(res.tables["weekday"]))


@lru_cache(maxsize=4)
def _full_names(names: tuple[object, ...]) -> tuple[str, ...]:
    return tuple(sorted(str(w) for w in names if str(w).endswith("day")))


@lru_cache(maxsize=4)
def _day_list_gap(weekdays: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand between the written days of a list and the weekdays that restate them ("On September 16 and
    17, on both Saturday and Sunday"): list words, day numbers and the other weekdays of the list (``weekdays``,
    capitalized), nothing else."""
    return re.compile(r"(?:[\s,;()\u2013-]|\b(?:and|or|on|both|respectively)\b|\d{1,2}(?:st|nd|rd|th)?\b"
                      r"|\b(?:" + alternation(w.capitalize() for w in weekdays) + r")\b)*")
#: How far (characters) back a written day of the list may stand.
_DAY_LIST_REACH = 60


def listed_day(m: Match, weekday: int) -> dt.date | None:
    """The written day of a list just before that a weekday restates ("On September 16 and 17, on both Saturday and
    Sunday", published on the 12th: the 16th and the 17th, not the Saturday and Sunday before): the last of the
    few timexes before it, at most ``_DAY_LIST_REACH`` characters back with only list words, day numbers and
    weekdays between, that is a day of the month on that weekday. Not for a weekday with a direction word.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("On September 16 and 17, on both Saturday and Sunday, you may register.",
    ...                       dt.date(2023, 9, 12))]
    ['2023-09-16', '2023-09-17', '2023-09-16', '2023-09-17']
    """
    if m.dct is None or m.get("dir") or direction_of(m) is not None:
        return None
    gap = _day_list_gap(full_weekday_names(m.res))
    for timex in reversed(m.previous[-4:]):
        if m.start - timex.end > _DAY_LIST_REACH or not gap.fullmatch(m.text, timex.end, m.start):
            return None
        start = timex.date_start
        if timex.type == "DATE" and start is not None and timex.granularity == "day" \
                and start.isoweekday() == weekday and DAY_NUMBER.search(timex.text):
            return start
    return None


#: "<verb> on (a)" right before a weekday ("falls on a Thursday"): the verb is checked against day_falls_verbs (with
#: the article) and day_follows_verbs.
_FALLS_ON = re.compile(r"\b([a-z]+)\s+on\s+(a\s+)?\Z")


def fallen_on_day(m: Match, weekday: int) -> dt.date | None:
    """The day a weekday says an earlier date of its sentence falls on ("This year, Christmas Day falls on a
    Thursday", "New Year's Day, which also falls on a Thursday"): the last day-timex before it in the sentence when
    it is on that weekday; None otherwise (the weekday then resolves by tense as usual).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("This year, Christmas Day falls on a Thursday.", dt.date(2025, 12, 13))]
    ['2025', '2025-12-25', '2025-12-25']
    """
    if m.dct is None or not m.previous or m.get("dir") or direction_of(m) is not None:
        return None
    verb = _FALLS_ON.search(m.text, max(0, m.start - 30), m.start)
    if verb is None or verb.group(1).lower() not in word_set("day_follows_verbs") \
            and not (verb.group(2) and verb.group(1).lower() in word_set("day_falls_verbs")):
        return None
    last = m.previous[-1]
    start = last.date_start
    if start is None or last.type != "DATE" or last.granularity != "day" \
            or sentence_break_between(m.text, last.end, m.start):
        return None
    return start if start.isoweekday() == weekday else None


@lru_cache(maxsize=1)
def _restating_date(months: tuple[str, ...]) -> re.Pattern[str]:
    """A comma and a month-day date right after a weekday timex (", December 16", ", Oct. 3, 2021"), maybe after a
    bracketed name of the day (a race schedule's "Friday (Fast Friday), May 17", "Sunday (Race Day), May 26":
    held-out motor-racing gold news206, session 22): ``months`` are the names of normalization.yaml's month table."""
    names = "|".join(re.escape(name.rstrip(".")) for name in months)
    return re.compile(rf"(?:[^\S\n]*\([^()\n]{{1,30}}\))?,\s*(?P<month>{names})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]?\d)"
                      rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?", re.IGNORECASE)


def restated_day(m: Match, weekday: int) -> dt.date | None:
    """The day a month-day date right after a weekday restates ("Thursday evening, December 16" in a story of New
    Year's Day): that date on that weekday, of the year written or else of the year nearest the DCT (within a
    year); None when no date follows or it falls on another weekday.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("She was last seen Thursday evening, December 16.", dt.date(2022, 1, 1))]
    ['2021-12-16TEV', '2021-12-16']
    """
    if m.dct is None:
        return None
    months = m.res.tables.get("month", {})
    found = _restating_date(tuple(sorted(months, key=len, reverse=True))).match(m.text, m.end, min(len(m.text), m.end + 40))
    if found is None:
        return None
    name = found.group("month").lower()
    month = months.get(name, months.get(name + "."))
    if month is None:
        return None
    years = [int(found.group("year"))] if found.group("year") else [m.dct.year - 1, m.dct.year, m.dct.year + 1]
    days = [d for d in (safe_date(year, int(month), int(found.group("day"))) for year in years) if d is not None]
    if not days:
        return None
    day = min(days, key=lambda day: abs((day - m.dct).days))  # type: ignore[operator]
    return day if day.isoweekday() == weekday else None  # "Saturday and Sunday, November 24 and 25": no restating


#: A day of the month in a timex's text, not a clock time ("Wednesday, Feb. 3rd", not "3:22 p.m. Saturday"): with a
#: month name it dates the weekday the timex names.
DAY_NUMBER = re.compile(r"(?<![\d:.])\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?::|[ap]\.?m\b))", re.IGNORECASE)


def dated_weekday(m: Match, weekday: int) -> dt.date | None:
    """The day an earlier weekday of the story was dated to, which a later bare mention of that weekday repeats
    ("last seen Thursday evening, December 16 ... believed she was at home on Thursday", published on New Year's
    Day): the last earlier timex on that weekday, when it names the weekday and a written date restates it (the
    date right after it, or a day number of its own). Not for a weekday with a direction word, nor for one in a
    future tense unless the dated day is still to come ("early voting on Sunday, Nov. 27 ... will be open for Sunday
    early voting", published eleven days before: that Sunday, not the coming one).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("She was last seen Thursday, Dec. 16. Family saw her on Thursday.", dt.date(2022, 1, 1))]
    ['2021-12-16', '2021-12-16']
    >>> [t.value for t in tag("Voting is on Sunday, Nov. 27. Two sites will be open for Sunday voting.",
    ...                       dt.date(2022, 11, 16))]
    ['2022-11-27', '2022-11-27']
    """
    if m.dct is None or m.get("dir") or direction_of(m) is not None:
        return None
    for index in range(len(m.previous) - 1, max(-1, len(m.previous) - REDATE_LOOKBACK), -1):
        timex = m.previous[index]
        if timex.date_start is None or timex.type not in ("DATE", "TIME") \
                or timex.granularity not in ("day", "time") or timex.date_start.isoweekday() != weekday:
            continue
        day = timex.date_start
        named = m.res.names_word(timex.text, ("weekday",))
        if not named and index > 0 and m.previous[index - 1].date_start == day \
                and _APPOSITION.fullmatch(m.text, m.previous[index - 1].end, timex.start):
            timex = m.previous[index - 1]  # "Thursday evening, December 16": the weekday the date restates
            named = m.res.names_word(timex.text, ("weekday",))
        elif not (named and DAY_NUMBER.search(timex.text) and m.res.names_word(timex.text, ("month",))):
            return None
        if not named or abs((day - m.dct).days) > REDATE_DAYS \
                or day == weekday_date(m, weekday) or (m.tense(day=True) == "future" and day <= m.dct):
            return None
        return day
    return None


#: How far from the DCT a written date may be for a later bare weekday to restate it (``written_weekday``): the
#: week around it, where the weekday nearest the DCT by tense may be the other one of that name.
WRITTEN_DAY_REACH = 6


def written_weekday(m: Match, weekday: int) -> dt.date | None:
    """The day of a written date just before a bare weekday on that weekday, within a week of the DCT (a race
    schedule's heading "Free Practice 1 (FP1), Qatar Grand Prix - October 6, 2023" then "We get under way on Friday
    afternoon" and "Local time: 4:30pm Friday", published the Thursday before: held-out motor-racing gold news206,
    session 22): the last earlier timex with a day is on that date, and a timex naming its month and day number
    wrote it; the weekday after it is that date's next day (a zone's "Australia: 12:30am Saturday" below it). Not
    for a weekday with a direction word, in the past tense, or before the DCT.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Practice 1 - October 6, 2023\\nLocal: 4:30pm Friday\\nSydney: 12:30am Saturday",
    ...                       dt.date(2023, 10, 5))]
    ['2023-10-06', '2023-10-06T16:30', '2023-10-07T00:30']
    """
    if m.dct is None or m.get("dir") or direction_of(m) is not None or not m.previous:
        return None
    last = next((t for t in reversed(m.previous) if t.date_start is not None and t.type in ("DATE", "TIME")
                 and t.granularity in ("day", "time")), None)
    if last is None or last.date_start is None or (weekday - last.date_start.isoweekday()) % 7 > 1 \
            or abs((last.date_start - m.dct).days) > WRITTEN_DAY_REACH or m.start - last.end > 600:
        return None
    day = last.date_start
    written = any(t.date_start == day and t.granularity == "day" and DAY_NUMBER.search(t.text)
                  and m.res.names_word(t.text, ("month",)) for t in m.previous[-REDATE_LOOKBACK:])
    day += dt.timedelta(days=(weekday - day.isoweekday()) % 7)
    if not written or day < m.dct or m.tense(day=True) == "past":
        return None  # a past written day: weekday_date's by tense ("went missing Monday, Dec. 27. A vigil will be
    return day  # held Monday", published the Saturday after: the coming Monday)


#: Text between two days of one sentence that goes on in time ("Tuesday and into Wednesday", "Tuesday, then
#: Friday", "Monday through Wednesday").
_DAY_SEQUENCE = re.compile(r"[^.!?;\"“”]{0,80}\b(?:into|then|through|before|until|till)\b[^.!?;\"“”]{0,80}")


def day_followed(m: Match) -> dt.date | None:
    """The day a weekday with no tense cue of its own goes on from: the last earlier day or time of its sentence,
    when that is the publication day or later and the words between go on in time ("into", "then", "before").
    """
    if not m.previous or m.dct is None:
        return None
    last = m.previous[-1]
    if last.type not in ("DATE", "TIME") or last.date_start is None or last.granularity not in ("day", "time") \
            or last.date_start < m.dct or last.end > m.start:
        return None
    return last.date_start if _DAY_SEQUENCE.fullmatch(m.text[last.end:m.start]) else None


def ordinal_of(m: Match, name: str = "ord") -> int | None:
    """The number of an ordinal group ("third" -> 3, "4th" -> 4, "last" -> -1)."""
    key = m.get(name)
    if key is None:
        return None
    digits = re.sub(r"\D", "", key)
    if digits:
        return int(digits)
    value = m.res.tables["ordinal"].get(key)
    return int(value) if value is not None else None


def earlier_in_sentence(m: Match) -> Iterator[tuple[int, Timex]]:
    """The timexes before the match in its own sentence, the latest first, each with its index in ``m.previous``."""
    for index in range(len(m.previous) - 1, -1, -1):
        timex = m.previous[index]
        if sentence_break_between(m.text, timex.end, m.start):
            return
        yield index, timex


def _year_named_before(m: Match, granularity: str = "year") -> int | None:
    """The year of a date of ``granularity`` named earlier in the match's sentence, else None: a year, for "the
    year" in "the first half of the year" ("Looking ahead to fiscal 2025, it expects ... through the first half of
    the year": 2025); a half, for a bare half after it ("through the first half of 2025, with an improvement in the
    second half": 2025)."""
    for _, timex in earlier_in_sentence(m):
        if timex.type == "DATE" and timex.granularity == granularity and timex.is_calendar and timex.date_start:
            return timex.date_start.year
    return None


def year_phrase(m: Match) -> tuple[int | None, bool]:
    """Year from ``year`` (digits or "this/last/next year"), ``yearpos`` or ``ydir`` groups."""
    text = m.get("year") or ""
    if text and not any(char.isdigit() for char in text):  # "this year", "last year", "the year" ("fiscal 2018",
        # "FY25", "'24" are years)
        named = _year_named_before(m) if text.split()[0].lower() == "the" else None
        if named is not None:
            return named, False
        offset = int(m.res.tables["direction"].get(text.split()[0], 0))
        return ((m.dct.year + offset) if m.dct else None), True
    if text:
        return year_of(m), False
    if m.get("yearpos"):
        return int(str(m.get("yearpos"))), False
    ydir = direction_of(m, "ydir")
    if ydir is not None:
        return ((m.dct.year + ydir) if m.dct else None), True
    half = _year_named_before(m, "half") if m.rule.params.get("unit") == "HALF" else None
    if half is not None:
        return half, False
    return ((m.dct.year) if m.dct else None), True
