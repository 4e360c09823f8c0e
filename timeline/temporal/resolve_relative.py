"""Resolvers for expressions relative to the DCT or an earlier timex: shifts, chained references, positions."""
from __future__ import annotations

import datetime as dt
import re

from timeline.temporal import calendar as cal
from timeline.temporal.match import (
    UNRESOLVED,
    Match,
    Resolution,
    day_followed,
    day_of,
    direction_of,
    earlier_in_sentence,
    end_bound,
    infer_year,
    month_of,
    month_span_end,
    ordinal_of,
    reported_span,
    safe_date,
    sentence_break_between,
    sentence_start,
    unit_of,
    weekday_date,
    year_of,
)
from timeline.temporal.timex import Timex

_AGO_END = re.compile(r"\bago$", re.IGNORECASE)  # a month back from the DCT ("a month ago"), itself a baseline
_SAME_PERIOD = re.compile(r"\bsame\s+(month|period)\b", re.IGNORECASE)


def _same_month(m: Match) -> bool:
    """Whether "the same month/period a year ago" looks back from a month: it says "month", or "period" after a
    month was the last period named ("in May this year, ... the same period a year ago")."""
    found = _SAME_PERIOD.search(m.text[m.start:m.end])
    if found is None:
        return False
    if found.group(1).lower() == "month":
        return True
    last = next((i for i in range(len(m.previous) - 1, -1, -1) if m.previous[i].anchor_index is None
                 and m.previous[i].is_calendar and m.previous[i].type == "DATE"
                 and m.previous[i].granularity in ("month", "quarter", "half", "year")), None)
    return last is not None and m.previous[last].granularity == "month" \
        and reported_span(m.text, m.previous, last, ("quarter", "half")) is None  # "in January to March": a quarter


def _compared_month(m: Match) -> bool:
    """Whether "a year ago" compares with a month of its own sentence ("rose 10% in February compared with a year
    ago": February a year back): one year, the rule's ``month_comparison`` words right before the match, and the
    last calendar date before it a month named earlier in the same sentence."""
    cue = m.rule.params.get("month_comparison")
    if m.get("num") not in ("a", "one", "1"):  # "its peak from two years ago" is no monthly comparison
        return False
    if not cue or not re.search(str(cue), m.text[max(0, m.start - 40):m.start], re.IGNORECASE):
        return False
    where = next((i for i in range(len(m.previous) - 1, -1, -1)
                  if (m.previous[i].anchor_index is None or month_span_end(m.text, m.previous, i))
                  and m.previous[i].is_calendar and m.previous[i].type in ("DATE", "TIME")), None)
    if where is None:
        return False
    last = m.previous[where]
    if _AGO_END.search(last.text):
        return False  # "lower than a month ago but up versus a year ago": two baselines, no reported month
    if reported_span(m.text, m.previous, where, ("quarter", "half")) is not None:
        return False  # "waited longer in January to March than a year earlier": the quarter a year back
    return last.granularity == "month" and not sentence_break_between(m.text, last.end, m.start)


def _quarter_baseline(m: Match, value: str) -> bool:
    """Whether "last quarter" is the baseline a figure of the quarter reported on is compared with ("delivered
    139,300 vehicles in the third quarter, up from 90,000 vehicles last quarter" in early October: Q2, not Q3):
    the rule's ``quarter_baseline`` words right before it in its sentence, and the quarter the article reports on
    (named before it) the very quarter the DCT alone would give, which a figure is not compared with."""
    cue = m.rule.params.get("quarter_baseline")
    if not cue:
        return False
    before = m.text[max(0, m.start - 80, sentence_start(m.text, m.start)):m.start]
    if not re.search(str(cue), before, re.IGNORECASE):
        return False
    ref = m.main_reference(("quarter",))
    return ref is not None and ref[1].value == value


def _reported_this_quarter(m: Match, value: str) -> bool:
    """Whether "this quarter" of a results report published after the quarter ended is the quarter reported on
    ("Tesla released its third-quarter results ... Expectations were all over the place this quarter" on Oct. 2;
    TimeBank "the third quarter ... This quarter's loss includes" on Nov. 1: Q3): the rule's
    ``reported_quarter`` word, a DCT at most ``reported_quarter_days`` into its quarter, the quarter just ended
    before it named before as the one reported on, and no future clause ("expects to break even this quarter" is the running quarter)."""
    cue = m.rule.params.get("reported_quarter")
    if not cue or m.dct is None or not re.fullmatch(str(cue), str(m.get("dir") or ""), re.IGNORECASE):
        return False
    begun = dt.date(m.dct.year, (m.dct.month - 1) // 3 * 3 + 1, 1)
    if (m.dct - begun).days > int(m.rule.params.get("reported_quarter_days", 0)):
        return False  # weeks after the quarter ended (when results come out), else the running quarter is meant
    finished = cal.format_value(cal.shift(m.dct, "Q", -1), "quarter")
    if finished == value:
        return False
    # named anywhere before (also before "the first nine months", which ends the report's main quarter)
    named = any(t.value == finished and t.anchor_index is None for t in m.previous)
    return named and m.tense() != "future"


def _month_in_sentence(m: Match) -> bool:
    """Whether the last calendar date before the match in its sentence is a month ("by July ... through the same
    period in 2017": the months up to July, no quarter)."""
    last = next((t for t in reversed(m.previous) if t.anchor_index is None and t.is_calendar
                 and t.type in ("DATE", "TIME")), None)
    return last is not None and last.granularity == "month" and not sentence_break_between(m.text, last.end, m.start)


def _ref_granularities(unit: str) -> tuple[str, ...]:
    """The granularities of a date that may anchor a shift by ``unit`` ("a day earlier" after "this year" is no
    day of that year: a shift by days, hours, weeks or months takes a date no coarser than a month, else the DCT;
    "production for 2022 compared to a month earlier" is the month before the DCT's, not December 2021)."""
    if cal.UNIT_GRANULARITY.get(unit, "") in ("day", "time", "week", "month"):
        return ("day", "time", "week", "month")
    return ("day", "time", "week", "month", "quarter", "half", "year")


def _anchor_for(m: Match, unit: str, mode: str) -> tuple[dt.date | None, str | None, int | None]:
    """(anchor date, granularity override, anchor index) for a shift."""
    if mode == "sentence_period":  # "in January to March 2025, down 3.1% from the same time a year earlier": the
        # month, quarter or half its sentence reports on, else the DCT's month ("prices are higher than at the
        # same time a year earlier")
        ref = m.reference(("month", "quarter", "half"))
        if ref is not None and ref[1].date_start is not None \
                and not sentence_break_between(m.text, ref[1].end, m.start):
            return ref[1].date_start, ref[1].granularity, ref[0]
        return m.dct, None, None
    if mode in ("ref", "dct_or_period"):
        wanted: tuple[str, ...] = ("quarter", "half") if mode == "dct_or_period" else _ref_granularities(unit)
        if mode == "dct_or_period" and (_same_month(m) or _compared_month(m)):
            wanted = ("month",)  # "the same month a year earlier": the month named before, a year back
        ref = m.main_reference(wanted) if mode == "dct_or_period" else m.reference(wanted)
        if mode == "dct_or_period" and ref is not None and unit == "Y":
            index, timex = ref
            assert timex.date_start is not None
            return timex.date_start, timex.granularity, index
        if mode == "ref" and ref is not None:
            index, timex = ref
            assert timex.date_start is not None
            return timex.date_start, None, index
    return m.dct, None, None


#: How far (characters) back a date still anchors "earlier in the week" (else the DCT does).
_NEAR_REACH = 250
#: Granularities from fine to coarse, for "a date of this size or finer" as the anchor of a period.
_GRANULARITY_ORDER = ("day", "time", "week", "month", "quarter", "half", "season", "year")
#: The period units "earlier in the week/month/year" looks back with.
_NEAR_UNITS = ("W", "M", "Y")


def _up_to(granularity: str) -> tuple[str, ...]:
    """The granularities up to and including ``granularity``: ``_up_to("week")`` is day, time and week."""
    return _GRANULARITY_ORDER[:_GRANULARITY_ORDER.index(granularity) + 1]


def _near_anchor(m: Match, unit: str) -> tuple[dt.date | None, str | None, int | None]:
    """(anchor, None, index) for "earlier in the week", "later in the month": the period of a date named just
    before (within ``_NEAR_REACH`` characters), else the DCT's ("Protesters gathered on Saturday, March 1.
    Earlier in the week, police had arrested 12": the week of March 1).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("It began on Monday, March 3. Later in the week, talks resumed.", dt.date(2025, 3, 19))]
    ['2025-03-03', '2025-W10']

    A past "earlier in the week" after a date still to come is the DCT's week ("It will hold the runoff on October
    13. Earlier in the week, media reported that date", published on September 28):

    >>> [t.value for t in tag("The runoff will be on October 13. Earlier in the week, media reported it.",
    ...                       dt.date(2019, 9, 28))]
    ['2019-10-13', '2019-W39']
    """
    ref = m.reference(_up_to(cal.UNIT_GRANULARITY[unit]) if unit in _NEAR_UNITS else ())
    if ref is None or ref[1].date_start is None or m.start - ref[1].end > _NEAR_REACH or m.dct is None:
        return m.dct, None, None
    if str(m.get("mod") or "").lower() == "earlier" and ref[1].date_start > m.dct and m.tense() == "past":
        return m.dct, None, None  # what was reported "earlier in the week" lies before a date still to come
    granularity = cal.UNIT_GRANULARITY.get(unit, "year")
    if cal.format_value(ref[1].date_start, granularity) == cal.format_value(m.dct, granularity):
        return m.dct, None, None  # the DCT's own period: read (and cut) as before
    return ref[1].date_start, None, ref[0]


#: unit -> (finer unit, finer units per unit, finer units in half a unit) for "X and a half <unit>s ago"
#: Units whose shift from a point ("a decade ago", "two centuries earlier") lands on a year, not a decade.
_COUNTED_IN_YEARS = ("DE", "CE")
_POINT_WORDS = ("ago", "earlier", "later", "hence", "back", "from")
_HALF_UNIT: dict[str, tuple[str, int, int]] = {"Y": ("M", 12, 6), "M": ("D", 30, 15), "W": ("D", 7, 3)}


def resolve_shift(m: Match) -> Resolution | None:
    """A unit moved from the DCT or a reference: "last year", "two weeks ago", "a year earlier"."""
    unit = unit_of(m)
    if unit is None:
        return None
    named = _year_after(m)
    if named is not None:  # "Full-year revenue for 2025 was" (DCT February 2026): the year named
        return Resolution("DATE", f"{named:04d}", m.mod())
    if "n" in m.rule.params:
        amount: float | str = float(m.rule.params["n"])
    elif m.get("num"):
        quantity = m.quantity()
        if quantity is None:
            return None
        amount = quantity
    else:
        amount = 1.0
    direction = direction_of(m)
    if "sign" in m.rule.params:
        direction = int(m.rule.params["sign"])
    if direction is None:
        direction = -1 if m.get("dir") and "ago" in str(m.get("dir")) else 0
    if m.rule.params.get("n") == 0:
        direction = 0
    mod = m.mod()
    clip = ""
    if m.rule.params.get("clip") in ("past", "future"):  # the part of the period before / after the DCT
        clip = str(m.rule.params["clip"])
    elif m.rule.params.get("clip"):
        clip = "past" if mod == "START" else "future"
    if amount == "X":
        return Resolution("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", mod, True)
    granularity = str(m.rule.params.get("granularity", cal.UNIT_GRANULARITY.get(unit, "day")))
    mode = str(m.rule.params.get("anchor", "dct"))
    word = m.get("dir") or ""
    if unit in _COUNTED_IN_YEARS and any(w in word for w in _POINT_WORDS):
        granularity = "year"  # "a decade ago" is ten years back (1995 in 2005), not the decade holding that year
    if mode == "dct_or_period" and any(w in word for w in ("earlier", "later", "before", "after")):
        mode = "ref" if unit != "Y" else "dct_or_period"
    anchor, override, index = _anchor_for(m, unit, mode) if mode != "near_ref" else _near_anchor(m, unit)
    if mode == "near_ref" and index is not None:
        clip = ""  # the part of a period named before, not cut at the DCT
    if anchor is None:
        return Resolution("DATE", UNRESOLVED.get(granularity, "XXXX-XX-XX"), mod, True)
    steps = int(float(amount)) * (direction if direction else 0)
    if unit == "2W":
        unit, steps = "W", steps * 2
    step_unit = unit
    if (m.get("half") or m.get("half2")) and unit in _HALF_UNIT:  # "two and a half years ago": 30 months
        step_unit, per, half = _HALF_UNIT[unit]
        steps = (int(float(amount)) * per + half) * (direction if direction else 0)
    shifted = cal.shift(anchor, step_unit, steps)
    if _sunday_coming_week(m, unit, steps, anchor):
        shifted = anchor + dt.timedelta(days=1)
    if steps and shifted == anchor and unit not in ("H", "MIN", "S"):  # past year 1 ("45,000 years ago"): a time of no representable year
        return Resolution("DATE", "XXXX", mod, True)
    if unit == "WE":
        saturday = shifted + dt.timedelta(days=6 - shifted.isoweekday()) if direction >= 0 else (
            shifted - dt.timedelta(days=(shifted.isoweekday() - 6) % 7 or 0))
        return Resolution("DATE", cal.format_value(saturday, "weekend"), mod, True, index, clip)
    if unit in ("H", "MIN", "S"):
        granularity = "day"
    value = cal.format_value(shifted, override or granularity)
    if unit == "Q" and steps == -1 and mode == "dct_or_ref" and _quarter_baseline(m, value):
        value = cal.format_value(cal.shift(shifted, "Q", -1), granularity)  # the quarter before the reported one
    elif unit == "Q" and steps == 0 and mode == "dct_or_ref" and _reported_this_quarter(m, value):
        value = cal.format_value(cal.shift(shifted, "Q", -1), granularity)  # the quarter reported on
    return Resolution("DATE", value, mod, True, index, clip)


def _year_after(m: Match) -> int | None:
    """The year named after the noun a period with no direction of its own qualifies, by the rule's
    ``year_after`` pattern ("Full-year revenue for 2025 was $599 million": 2025), else None.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Full-year revenue for 2025 was $599 million.", dt.date(2026, 2, 12))]
    ['2025', '2025']
    """
    cue = m.rule.params.get("year_after")
    if not cue or m.get("dir"):
        return None
    found = re.match(str(cue), m.text[m.end:m.end + 80], re.IGNORECASE)
    return int(found.group("fy")) if found else None


def _sunday_coming_week(m: Match, unit: str, steps: int, anchor: dt.date) -> bool:
    """Whether "this week" / "later this week" in a Sunday story is the week starting the next day: the ISO week
    ends on Sunday, and a Sunday paper's "Lane closures will continue this week", "later this week" look at the
    coming working week. A past clause ("Stocks rallied this week") keeps the week now ending.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Crews will close the ramp this week.", dt.date(2020, 10, 25))]
    ['2020-W44']
    >>> [t.value for t in tag("Stocks rallied this week.", dt.date(2020, 10, 25))]
    ['2020-W43']
    """
    if unit != "W" or steps or m.dct is None or anchor != m.dct or m.dct.isoweekday() != 7 \
            or "this" not in str(m.get("dir") or "").lower():
        return False
    return str(m.get("mod") or "").lower() == "later" or m.tense() == "future"


_PERIOD_GRANULARITY: dict[str, str] = {"quarter": "quarter", "week": "week", "month": "month"}


def _quarter_ended(m: Match) -> Resolution | None:
    """"the quarter ended July 31": the calendar quarter holding most of the three months before that day.

    None when the article named a quarter before (a fiscal "first quarter ended Sept. 29" keeps its name)."""
    month, day = month_of(m), day_of(m)
    if month is None or day is None or m.reference(("quarter",)) is not None:
        return None
    written = m.get("year")
    if written:  # "the quarter ended March 31, 2023": that day's year, whatever the DCT
        end = safe_date(int(written), month, day)
        if end is None:
            return None
        middle = end - dt.timedelta(days=45)
        return Resolution("DATE", f"{middle.year:04d}-Q{(middle.month - 1) // 3 + 1}", "", True)
    if m.dct is None:
        return Resolution("DATE", "XXXX-QX", "", True)
    end = safe_date(m.dct.year, month, day)
    if end is None:
        return None
    if end > m.dct:
        end = safe_date(m.dct.year - 1, month, day) or end
    middle = end - dt.timedelta(days=45)
    return Resolution("DATE", f"{middle.year:04d}-Q{(middle.month - 1) // 3 + 1}", "", True)


def _unit_ended(m: Match) -> Resolution | None:
    """"the week ended Friday", "the month ending Sept. 30": the week or month holding that last day.

    The day is the last one on or before the DCT after "ended"; after "ending" a weekday or date is read by
    tense like any other; a year written after the day is kept ("the week ending Oct. 16, 1987")."""
    granularity = "week" if m.get("unit") == "week" else "month"
    if m.dct is None:
        return Resolution("DATE", UNRESOLVED[granularity], "", True)
    weekday = m.lookup("weekday")
    month, day = month_of(m), day_of(m)
    end: dt.date | None
    if weekday is not None:
        end = weekday_date(m, int(weekday))
        if m.get("end") == "ended" and end > m.dct:
            end -= dt.timedelta(days=7)
    elif month is not None:
        given = year_of(m)
        year = given if given is not None else m.dct.year if m.get("end") == "ended" else infer_year(m, month, day)
        end = safe_date(year, month, day or 1)
        if end is not None and given is None and m.get("end") == "ended" and end > m.dct:
            end = safe_date(year - 1, month, day or 1)
    else:
        return None
    if end is None:
        return None
    return Resolution("DATE", cal.format_value(end, granularity), "", True)


def _year_before_period(m: Match, after: int) -> bool:
    """Whether a bare "that period" / "the period" comes right after a year or a span of years in its sentence,
    nearer than the month or quarter it would take ("after a reshuffle in May. It committed to 100,000 flats from
    2021 to 2025, ... 102,300 units in that period": those years, not May). It is then left untagged: TBAQ tags
    no such anaphor of years. (held-out Asia-Pacific general news gold news231, session 22)"""
    last = next((t for t in reversed(m.previous) if t.anchor_index is None and t.is_calendar), None)
    return last is not None and last.granularity in ("year", "decade", "century") and last.end > after \
        and not sentence_break_between(m.text, last.end, m.start)


def resolve_ref(m: Match) -> Resolution | None:
    """Chained expressions: "the next day", "that day", "a week earlier", "the quarter", "the year-ago period"."""
    if m.rule.params.get("granularity") == "quarter_ended":
        return _quarter_ended(m)
    if m.rule.params.get("granularity") == "unit_ended":
        return _unit_ended(m)
    unit_word = m.get("unit") or "day"
    adjective = str(m.lookup("period_adjective", "adj") or m.get("adj") or "")
    if m.rule.params.get("granularity") == "period":
        year = year_of(m)
        if year is not None and m.get("unit") == "month":
            month = m.reference(("month",))  # "In March, ... the same month in 2024": that sentence's month
            if month is None or sentence_break_between(m.text, month[1].end, m.start):
                return None
            return Resolution("DATE", f"{year:04d}{month[1].value[4:]}", "", True, month[0])
        if year is not None:
            ref = m.main_reference(("quarter", "half"))
            near = m.reference(("quarter", "half")) if m.rule.params.get("need_period") else None
            if near is not None and not sentence_break_between(m.text, near[1].end, m.start):
                ref = near  # "In the fourth quarter, ... compared to the same period in 2024": that sentence's quarter
            if m.rule.params.get("need_period") and (ref is None or _month_in_sentence(m)):
                return None  # "the same period in 2017" with no quarter named, or after "by July": the year alone
            if ref is None:
                return Resolution("DATE", f"{year:04d}", "", False)
            index, timex = ref
            return Resolution("DATE", f"{year:04d}{timex.value[4:]}", "", True, index)
        if unit_word == "period":
            ref = m.reference(("quarter", "half", "month"))
            if ref is None and adjective != "latest":
                return None
            if not adjective and _year_before_period(m, ref[1].end if ref is not None else -1):
                return None
            unit_word = "quarter" if ref is None else unit_word  # "the latest period": the quarter just reported
        elif unit_word == "quarter" and adjective not in ("same", "previous"):
            ref = m.main_reference(("quarter",))  # "the latest quarter", "the year-ago quarter", and a bare "the
            # quarter" after "last year's third quarter": the quarter reported on, not the baseline
        else:
            ref = m.reference((_PERIOD_GRANULARITY[unit_word],))
        if ref is None:
            if m.dct is None:
                return Resolution("DATE", UNRESOLVED[_PERIOD_GRANULARITY[unit_word]], m.mod(), True)
            back = 1 if unit_word == "quarter" and adjective not in ("current",) else 0
            anchor = cal.shift(m.dct, "Q", -back) if unit_word == "quarter" else m.dct
            return Resolution("DATE", cal.format_value(anchor, _PERIOD_GRANULARITY[unit_word]), m.mod(), True)
        index, timex = ref
        assert timex.date_start is not None
        anchor = timex.date_start
        if adjective.startswith("year-"):
            anchor = cal.shift(anchor, "Y", -1)
        elif adjective == "previous":
            anchor = cal.shift(anchor, {"quarter": "Q", "week": "W", "month": "M"}.get(timex.granularity, "M"), -1)
        return Resolution("DATE", cal.format_value(anchor, timex.granularity), m.mod(), True, index)
    direction = direction_of(m)
    if direction is None:
        return None
    unit = {"week": "W", "month": "M", "year": "Y"}.get(unit_word, "D")
    granularity = cal.UNIT_GRANULARITY[unit]
    ref = m.reference(_up_to(granularity) if m.rule.params.get("granularity") == "any" else ("day", "time"))
    if unit in ("M", "W", "Y") and m.rule.params.get("granularity") != "any" and direction != 0:
        # "averaged 156.7 points in November against 159.3 points the month before": a month (week) named in
        # the same sentence, nearer than any day, anchors a shift by its own unit (October, not the DCT's month)
        period = m.reference(("day", "time", granularity))
        if (period is not None and period[1].granularity == granularity
                and not sentence_break_between(m.text, period[1].end, m.start)
                and (unit != "Y" or ref is None or sentence_break_between(m.text, ref[1].end, m.start)
                     or (period[1].relative and period[1].start > ref[1].end))):
            # a year only with no day in its sentence ("In 2019 ... than the year before": 2018), or a relative
            # year after that day ("made 64 arrests on the day of the Parade last year; the year prior, ...": the
            # year before last year, where a written year in between keeps the day: "On March 3 the firm,
            # founded in 2010, ...")
            ref = period
    month = m.reference(("month",)) if direction == 0 and unit_word == "day" else None
    if month is not None and ref is not None and sentence_break_between(m.text, ref[1].end, month[1].start):
        # "Thursday ... killed last October. ... crossed out that same day": a day of the month named last, not
        # the day of an older sentence; a month after a day in its own sentence ("said on Monday that sales
        # rose in October. Shares fell that day") leaves the day, and with no day before it stays generic
        # ("you have strong redemptions that day")
        return Resolution("DATE", f"{month[1].value[:7]}-XX", "", True, month[0])
    if ref is None:
        if direction == 0:  # "that day", "the same day" with no day named before: generic, not the DCT
            return None
        if m.dct is None:
            return Resolution("DATE", UNRESOLVED[granularity], "", True)
        return Resolution("DATE", cal.format_value(cal.shift(m.dct, unit, direction), granularity), "", True)
    where, timex = ref
    assert timex.date_start is not None
    shifted = cal.shift(timex.date_start, unit, direction)
    part = m.lookup("part", "unit") if direction == 0 else None
    if part is not None:
        # "earlier that afternoon", "later that evening", "that same night": that part of the day named last is a
        # TIME (TimeML); "the next morning" keeps the day, as TimeBank gives it
        return Resolution("TIME", f"{shifted.isoformat()}T{part}", "", True, where)
    return Resolution("DATE", cal.format_value(shifted, granularity), "", True, where)


#: "the year just ended", "the year that ended": the year before the publication date.
_JUST_ENDED = re.compile(r"\s+(?:that\s+)?(?:has\s+)?just\s+ended\b|\s+that\s+ended\b", re.IGNORECASE)


def _closed_year(m: Match) -> bool:
    """Whether a bare "the year" / "year-end" of an article published in the first days of January (the rule's
    ``closed_year_days``) is the year just ended: said in the past tense ("closed their books for the year",
    "the year's end brought"), "the year just ended", or before a tally ("the year-end total")."""
    days = m.rule.params.get("closed_year_days")
    if not days or m.dct is None or m.dct.month != 1 or m.dct.day > int(days):
        return False
    if m.get("tally"):  # "the year-end total": counted once the year is over
        return True
    if _JUST_ENDED.match(m.text[m.end:m.end + 30]) is not None:
        return True
    tense = m.tense()
    ending = m.rule.params.get("closed_year_verbs")
    # "Retailers suffered a \"drab Christmas\", ending the year with disappointing sales" (January 13): a verb of
    # ending right before it with no tense cue (a participle after a quotation) closes the year just ended
    return tense == "past" or (tense is None and bool(ending)
                               and re.search(str(ending), m.text[max(0, m.start - 30):m.start]) is not None)


def _sentence_month(m: Match) -> tuple[int, Timex] | None:
    """For "the end of the month" / "early in the month" (with "the", not in a future clause): the month of a
    month or day named earlier in its own sentence ("Encounters fell from May to June, with a drop to the end of
    the month"); None when no such month stands there (then the DCT's month)."""
    if m.get("yeardir") != "the" or m.tense() == "future":
        return None
    for index, timex in earlier_in_sentence(m):
        if timex.is_calendar and timex.type == "DATE" and timex.granularity in ("month", "day"):
            return (index, timex) if timex.value[:4].isdigit() else None
    return None


#: A year written out in a timex's text ("August 2018", "May 3, 2019", "2018").
_WRITTEN_YEAR = re.compile(r"(?<![\d'’])(1[89]\d\d|2[01]\d\d)(?!\d)")


def _told_year(m: Match) -> tuple[int, int] | None:
    """The index and year of a past year written out earlier in the same sentence as a past-tense bare "year-end" /
    "the end of the year" ("first announced in August 2018 with a year-end completion expected", "In May 2019
    the firms expected it to close by the end of the year"): that year's end, not the DCT's. The clause is past by
    its tense, or by a past verb of the rule's ``told_past`` between the date and the match with no present or
    future one of ``told_present`` ("was expected to close by year-end", but not "expects to ... by year-end").
    None when it is not, or no such date comes before it in the sentence.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Agreed in May 2019, it was expected to close by year-end.", dt.date(2020, 7, 13))]
    ['2019-05', '2019']
    >>> [t.value for t in tag("Agreed in May 2019, it is expected to close by year-end.", dt.date(2020, 7, 13))]
    ['2019-05', '2020']
    """
    if m.dct is None:
        return None
    for index, timex in earlier_in_sentence(m):
        if timex.type != "DATE" or timex.relative or timex.date_start is None \
                or timex.granularity not in ("year", "month", "day"):
            continue
        found = _WRITTEN_YEAR.search(timex.text)
        if found is None or int(found.group(1)) >= m.dct.year or timex.date_start.year != int(found.group(1)):
            continue
        between = m.text[timex.end:m.start]
        past = m.tense() == "past" or (
            re.search(str(m.rule.params.get("told_past", r"(?!)")), between, re.IGNORECASE) is not None
            and re.search(str(m.rule.params.get("told_present", r"(?!)")), between, re.IGNORECASE) is None)
        return (index, int(found.group(1))) if past else None
    return None


def resolve_position(m: Match) -> Resolution | None:
    """Part of a period: "the end of 1990", "early next year", "the beginning of this month"."""
    mod = m.mod()
    year = year_of(m)
    if year is not None:
        return Resolution("DATE", f"{year:04d}", mod)
    unit = unit_of(m)
    if unit is None:
        return None
    if m.dct is None:
        return Resolution("DATE", UNRESOLVED[cal.UNIT_GRANULARITY[unit]], mod, True)
    if unit == "Y" and m.rule.params.get("last_passed"):  # "since year-end": the last day of the year before
        return Resolution("DATE", f"{m.dct.year - 1:04d}-12-31", "", True)
    if unit == "M" and m.rule.params.get("month_in_sentence"):
        near = _sentence_month(m)
        if near is not None:  # "from May to June, ... a drop from the announcement to the end of the month": June
            return Resolution("DATE", near[1].value[:7], mod, True, near[0])
    word = m.get("yeardir") or m.get("ydir") or "this"
    offset = int(m.res.tables["direction"].get(word, 0))
    if unit == "Y" and word in ("this", "the") and not m.get("ydir") and _closed_year(m):
        offset = -1  # "at the end of the year" in a January 2 report on the past year
    if unit == "Y" and word == "this" and not m.get("yeardir") and not m.get("ydir") \
            and m.rule.params.get("written_year_anchor"):
        told = _told_year(m)
        if told is not None:  # "announced in August 2018 with a year-end completion expected": 2018's end
            return Resolution("DATE", f"{told[1]:04d}", mod, True, told[0])
    shifted = cal.shift(m.dct, unit, offset)
    if unit == "Y" and m.rule.params.get("approx_month") and m.get("approx"):
        return Resolution("DATE", f"{shifted.year:04d}-12", mod, True)  # "around year end" (TimeBank: 1989-12)
    return Resolution("DATE", cal.format_value(shifted, cal.UNIT_GRANULARITY[unit]), mod, True)


def _weekend_near(dct: dt.date) -> bool:
    """Whether the coming weekend is nearer to the DCT than the last one: a Thursday or Friday story (an untensed
    "Be sure to check the warnings across the weekend" on a Friday speaks of tomorrow's weekend).

    >>> _weekend_near(dt.date(2023, 3, 10)), _weekend_near(dt.date(2023, 3, 6))
    (True, False)
    """
    return dct.isoweekday() in (4, 5)


def resolve_weekend(m: Match) -> Resolution | None:
    """Weekends: "this weekend", "last weekend", "over the weekend" (by tense). In a story of a Saturday or Sunday,
    "last weekend" is the weekend before the current one, and a future "the weekend" of a Saturday the current one.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("He won last weekend.", dt.date(2025, 4, 20))]
    ['2025-W15-WE']
    """
    if m.dct is None:
        return Resolution("DATE", "XXXX-WXX-WE", "", True)
    weekday = m.dct.isoweekday()
    last_saturday = m.dct - dt.timedelta(days=(weekday - 6) % 7)  # of the last weekend on or before the DCT
    shift = direction_of(m, "shift")
    if shift is not None:  # "the weekend prior": a week before the last weekend on or before the DCT
        return Resolution("DATE", cal.format_value(last_saturday + dt.timedelta(days=7 * shift), "weekend"), "", True)
    direction = direction_of(m)
    ahead = str(m.rule.params.get("ahead_before", r"(?!)"))
    the = m.get("dir") == "the" or bool(m.rule.params.get("bare"))  # a headline's "over weekend" reads as "the"
    if direction is None and the and _weekend_near(m.dct) \
            and re.search(ahead, m.text[max(0, m.start - 40):m.start], re.IGNORECASE):
        direction = 1  # "The Senate adjourned for the weekend" on a Friday: the weekend ahead of the adjourning
    if direction is None:
        tense = m.tense()
        following = day_followed(m) if tense is None and the else None
        if following is not None:  # "on Friday and into the weekend": the weekend after that day
            saturday = following + dt.timedelta(days=(6 - following.isoweekday()) % 7)
            return Resolution("DATE", cal.format_value(saturday, "weekend"), "", True)
        direction = 1 if tense == "future" or tense is None and the and _weekend_near(m.dct) else -1
    if direction < 0:
        saturday = last_saturday
        if weekday < 6 and m.get("dir") in ("this",):
            saturday += dt.timedelta(days=7)
        elif weekday >= 6 and m.get("dir") == "last":  # "last weekend" in a weekend story: the one before it
            saturday -= dt.timedelta(days=7)
    elif direction > 0 and weekday == 6 and m.get("dir") == "the":
        saturday = m.dct  # "will play ... the weekend" in a Saturday story: the weekend under way
    elif direction > 0 and m.get("dir") == "next" and _weekend_near(m.dct):
        saturday = m.dct + dt.timedelta(days=6 - weekday + 7)  # "next weekend" on a Thursday or Friday: the one
        # after the coming weekend, which such a story calls "this weekend"
    elif direction > 0:
        saturday = m.dct + dt.timedelta(days=(6 - weekday) % 7 or (7 if weekday == 6 else 0))
    elif weekday <= 3 and m.tense() == "past":  # a past "this weekend" early in the week is the one just gone
        saturday = last_saturday  # ("crossed $25m this weekend" in a Tuesday box-office report)
    else:
        saturday = m.dct + dt.timedelta(days=(6 - weekday) if weekday <= 6 else -1)
    return Resolution("DATE", cal.format_value(saturday, "weekend"), "", True)


def resolve_the_year(m: Match) -> Resolution | None:
    """"the year": a duration after over/throughout, or before "ended"/"ending" ("for the year ended June 30");
    otherwise the DCT's year ("For the year, volume was flat").

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("For the year, volume was flat; for the year ended June 30 it rose.", dt.date(1989, 10, 30))]
    ['1989', 'P1Y', '1989-06-30']
    """
    before = m.text[max(0, m.start - 20):m.start].lower()
    pattern = str(m.rule.params.get("duration_after", r"(?!)"))
    closing = str(m.rule.params.get("duration_before", r"(?!)"))
    if re.search(pattern, before) or re.match(closing, m.text[m.end:m.end + 20].lower()):
        return Resolution("DURATION", "P1Y")
    if m.dct is None:
        return Resolution("DATE", "XXXX", "", True)
    return Resolution("DATE", f"{m.dct.year - 1 if _closed_year(m) else m.dct.year:04d}", "", True)


#: From this month of the DCT on, "the new year" is the coming year (before it, the year just begun).
_NEW_YEAR_FROM_MONTH = 7


def resolve_new_year(m: Match) -> Resolution | None:
    """"the new year": the year about to begin when written in the second half of a year ("ahead of the new year"
    in November), else the year just begun ("so far in the new year" in January).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Benefits rise ahead of the new year.", dt.date(2022, 11, 7))]
    ['2023']
    """
    if m.dct is None:
        return Resolution("DATE", "XXXX", "", True)
    return Resolution("DATE", f"{m.dct.year + (m.dct.month >= _NEW_YEAR_FROM_MONTH):04d}", "", True)


#: How far (characters) back a day named in the text still anchors "overnight" (else the DCT does).
_OVERNIGHT_REACH = 400


def _overnight_date(m: Match, weekday: int) -> dt.date | None:
    """The date written after the weekday of "overnight Tuesday, July 10" (its year written or inferred), if it
    falls on that weekday; else None (the weekday alone decides)."""
    month, day = month_of(m), day_of(m)
    if month is None or day is None:
        return None
    year = year_of(m) or infer_year(m, month, day)
    date = safe_date(year, month, day)
    return date if date is not None and date.isoweekday() == weekday else None


def resolve_overnight(m: Match) -> Resolution | None:
    """"overnight": the night before the day named right before it (else the DCT), the same night in the future
    tense; "overnight Tuesday" is Tuesday night, "overnight into Sunday" Saturday night.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Rebels advanced overnight. It will rain overnight into Sunday.", dt.date(2025, 12, 13))]
    ['2025-12-12TNI', '2025-12-13TNI']
    >>> [t.value for t in tag("It grew late Sunday and will pass overnight.", dt.date(2025, 8, 18))]
    ['2025-08-17', '2025-08-18TNI']
    """
    if m.dct is None:
        return Resolution("TIME", "XXXX-XX-XXTNI", "", True)
    weekday = m.lookup("weekday")
    index = None
    if weekday is not None:
        day = weekday_date(m, int(weekday))
        dated = _overnight_date(m, int(weekday))
        if dated is not None:
            day = dated  # "overnight Tuesday, July 10": that date's night
        back = 1 if "into" in (m.get("link") or "") else 0
    else:
        day = m.dct
        agent = re.search(r"\bby\s+$", m.text[max(0, m.start - 4):m.start]) is not None  # "hit by overnight losses"
        future = m.tense() == "future" and not agent
        ref = m.reference(("day",))
        if ref is not None and m.start - ref[1].end <= _OVERNIGHT_REACH and ref[1].date_start is not None \
                and not (future and ref[1].date_start < m.dct) and not end_bound(m, ref[1]):  # "is expected to pass overnight" after a
            index, day = ref[0], ref[1].date_start  # past "late Sunday": the coming night, not Sunday's
        back = 0 if future else 1
    day -= dt.timedelta(days=back)
    return Resolution("TIME", f"{day.isoformat()}TNI", "", True, index)


def resolve_shift_from_day(m: Match) -> Resolution | None:
    """"a week from Friday", "two days from tomorrow": a unit counted on from a named day (the coming one unless
    the clause is past).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The deal closes a week from Friday.", dt.date(2025, 12, 13))]
    ['2025-12-26']
    """
    unit = unit_of(m)
    quantity = m.quantity("a")
    if unit not in ("D", "W", "M") or quantity is None or quantity == "X":
        return None
    if m.dct is None:
        return Resolution("DATE", "XXXX-XX-XX", "", True)
    offset = m.res.tables["day_word"].get(m.get("dayword") or "")
    weekday = m.lookup("weekday")
    if offset is not None:
        anchor = m.dct + dt.timedelta(days=int(offset))
    elif weekday is not None:
        if m.tense(day=True) == "past":
            anchor = m.dct - dt.timedelta(days=(m.dct.isoweekday() - int(weekday)) % 7)
        else:
            anchor = m.dct + dt.timedelta(days=(int(weekday) - m.dct.isoweekday()) % 7)
    else:
        return None
    shifted = cal.shift(anchor, unit, int(float(quantity)))
    return Resolution("DATE", shifted.isoformat(), "", True)


def resolve_turn(m: Match) -> Resolution | None:
    """"the turn of the century": the century (millennium) boundary nearest the DCT, or the one of the century
    named ("the turn of the 20th century" -> 1900), approximate.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("At the turn of the century and the turn of the 20th century", dt.date(2025, 12, 13))]
    ['2000', '1900']
    """
    size = 1000 if m.get("era") == "millennium" else 100
    number = ordinal_of(m)
    if number is not None:
        if not 1 <= number <= 99:
            return None
        return Resolution("DATE", f"{(number - 1) * size:04d}", "APPROX")
    if m.dct is None:
        return Resolution("DATE", "XXXX", "APPROX", True)
    year = (m.dct.year + size // 2) // size * size
    return Resolution("DATE", f"{year:04d}", "APPROX", True)


def resolve_school_year(m: Match) -> Resolution | None:
    """A school or academic year named by its position: the year in which it starts (normalization.yaml
    ``school_year``: a shift in months from the DCT whose year is that start year), bounded by August to June.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("The cuts hit this school year, not the next academic year.", dt.date(2024, 2, 20))]
    ['2023', '2024']
    """
    table = m.res.tables.get("school_year", {})
    word = (m.get("dir") or "bare").lower()
    if word not in table:
        return None
    mod = m.mod()
    if m.dct is None:
        return Resolution("DATE", "XXXX", mod, True)
    year = cal.shift(m.dct.replace(day=1), "M", int(table[word])).year
    start, end = cal.apply_mod(dt.date(year, 8, 1), dt.date(year + 1, 6, 30), "year", mod)
    return Resolution("DATE", f"{year:04d}", mod, True, bounds=(start, end))
