"""A fiscal year labelled ahead of the calendar (tense.yaml ``fiscal_label_*``).

US, Indian and Australian companies and governments name a fiscal year by its END year: "FY25" (April 2024 to
March 2025) in a July 2024 story, "fiscal 2023" (Walmart: February 2022 to January 2023) in November 2022. The
TimeBank convention labels such a year and its quarters by that name ("fiscal 1989" = 1989, its "second quarter"
= 1989-Q2), so once the document shows that the label ahead is the CURRENT fiscal year, its bare fiscal periods
read against the calendar ("the quarter", "third-quarter", "full-year", "the current financial year") take the
label's year too. Japanese companies name a fiscal year by its START year ("fiscal 2025" in November 2024 is the
next one), so only signs that the label ahead is the current year count: a quarter of it named with its label, "the
current fiscal year" next to it, its end within a year after the DCT, or guidance for it being revised.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from timeline.temporal.match import SENTENCE_BREAK, sentence_start
from timeline.temporal.rules import Resources
from timeline.temporal.tense import estimate_tense, nominal_future
from timeline.temporal.timex import Timex, in_year

#: A bare fiscal period's value: a year, or a quarter or half of one.
_PERIOD_VALUE = re.compile(r"(\d{4})(?:-[QH][1-4])?")
#: What may part a label from "the current fiscal year" next to it: "the current fiscal year (FY25)".
_APPOSITION_GAP = re.compile(r"[\s(),\u2013\u2014-]*")
#: A label followed by the day its year ends: "fiscal 2025 ending March 31, 2025", "FY25, which ends in March".
_ENDING_GAP = re.compile(r"\s*,?\s*(?:which\s+|that\s+)?(?:ending|ends|to|through)\s+(?:in\s+|on\s+)?")
#: How far before a label its fiscal word may stand ("fiscal years 2024-25").
_MARKER_REACH = 16
_WORD = re.compile(r"[a-z]+")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or headline line) holding text[start:end]."""
    begin = max(sentence_start(text, start), text.rfind("\n", 0, start) + 1)
    found = SENTENCE_BREAK.search(text, end)
    line_end = text.find("\n", end)
    stop = min(x for x in (found.start() + 1 if found else len(text), line_end if line_end >= 0 else len(text)))
    return text[begin:stop]


def _current_sign(text: str, timexes: Sequence[Timex], index: int, dct: dt.date, res: Resources) -> bool:
    """Whether the label ``timexes[index]`` (a year ahead of the DCT's) shows itself the current fiscal year."""
    label = timexes[index]
    if label.granularity == "quarter":
        return True  # "Q2 of FY25", "fiscal 2025 third-quarter": a quarter of it is reported
    if label.granularity != "year":
        return False
    for other in (timexes[index - 1] if index else None, timexes[index + 1] if index + 1 < len(timexes) else None):
        if other is None or not other.relative or other.value != f"{dct.year:04d}":
            continue
        words = set(_WORD.findall(other.text.lower()))
        gap = text[other.end:label.start] if other.end <= label.start else text[label.end:other.start]
        if words & res.fiscal_label_current_words and words & res.fiscal_label_year_words \
                and _APPOSITION_GAP.fullmatch(gap):
            return True  # "the current fiscal year (FY25)"
    if index + 1 < len(timexes):
        follower = timexes[index + 1]
        if _ENDING_GAP.fullmatch(text[label.end:follower.start]) and follower.date_end is not None \
                and dct < follower.date_end <= dct + dt.timedelta(days=366):
            return True  # "fiscal 2025 ending March 31, 2025" (DCT July 2024)
    words = set(_WORD.findall(_sentence(text, label.start, label.end).lower()))
    return bool(words & res.fiscal_label_revisions and words & res.fiscal_label_guidance)


def current_label_ahead(text: str, timexes: Sequence[Timex], dct: dt.date | None, res: Resources) -> int | None:
    """The year after the DCT's when the document shows it to be the label of the current fiscal year, else None.

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("Walmart reported third-quarter results. For fiscal 2023, it now projects a rise.",
    ...                       dt.date(2022, 11, 15))]
    ['2023-Q3', '2023', 'PRESENT_REF']
    >>> [t.value for t in tag("Toyota reported third-quarter results. It eyes growth in fiscal 2023.",
    ...                       dt.date(2022, 11, 15))]
    ['2022-Q3', '2023']
    """
    if dct is None:
        return None
    early = dct.month < res.fiscal_label_from_month
    ahead = dct.year if early else dct.year + 1
    marker = re.compile(res.fiscal_label_marker, re.IGNORECASE)
    labels: dict[int, list[int]] = {ahead - 1: [], ahead: []}
    for index, timex in enumerate(timexes):
        found = _PERIOD_VALUE.fullmatch(timex.value)
        if found and not timex.relative and timex.type == "DATE" and int(found.group(1)) in labels \
                and "-H" not in timex.value and marker.search(text, max(0, timex.start - _MARKER_REACH), timex.end):
            labels[int(found.group(1))].append(index)
    if len(labels[ahead]) <= len(labels[ahead - 1]):
        return None  # mostly the year just ended ("FY24" results in August 2024 with "FY25 guidance"): no sure reading
    if early:
        # January to March: the fiscal year ending in the DCT's year is current when a late quarter of it is named
        # with its label ("Q3FY26" in January 2026: October to December 2025); an early one may be guidance
        if any(_late_quarter(timexes[index], res) for index in labels[ahead]):
            return ahead
        return None
    if any(_current_sign(text, timexes, index, dct, res) for index in labels[ahead]):
        return ahead
    return None


def _late_quarter(label: Timex, res: Resources) -> bool:
    """Whether a labelled quarter is one of the last ones of its fiscal year (tense.yaml
    ``fiscal_label_late_quarters``)."""
    return label.granularity == "quarter" and int(label.value[-1]) in res.fiscal_label_late_quarters


def label_fiscal_periods(text: str, tagged: Sequence[tuple[Timex, str]], dct: dt.date | None,
                         res: Resources) -> list[Timex]:
    """The timexes, with the bare fiscal periods of a document whose current fiscal year is labelled ahead of the
    calendar moved into the label's year (one year on): those of the rules with param ``fiscal_label`` (a regex of
    the texts left alone, "this year's third quarter", "the calendar year") read from the DCT, and those chained
    from one moved ("the prior-year quarter" after "the third quarter")."""
    timexes = [timex for timex, _ in tagged]
    label = current_label_ahead(text, timexes, dct, res) if dct is not None and timexes else None
    if dct is None or label is None:
        return timexes
    early = label == dct.year  # January to March: only bare quarters and halves of the year before move
    reported = max((int(t.value[-1]) for t in timexes if not t.relative and t.value.startswith(f"{label:04d}-Q")),
                   default=4)
    keep = {rule.name: re.compile(str(rule.params["fiscal_label"]), re.IGNORECASE)
            for rule in res.rules if rule.params.get("fiscal_label")}
    out = list(timexes)
    moved: set[int] = set()
    for index, (timex, rule) in enumerate(tagged):
        found = _PERIOD_VALUE.fullmatch(timex.value)
        if timex.type != "DATE" or not timex.relative or found is None \
                or not label - 2 <= int(found.group(1)) <= label - 1:
            continue
        if early and (int(found.group(1)) != label - 1 or timex.granularity not in ("quarter", "half")):
            continue
        if timex.anchor_index is None:
            if rule not in keep or keep[rule].search(timex.text):
                continue
        elif timex.anchor_index not in moved:
            continue
        if timex.anchor_index is None and _quarter_before(text, timex, reported, label - 1, dct, res):
            continue
        out[index] = in_year(timex, int(found.group(1)) + 1) or timex
        moved.add(index)
    return out


def _quarter_before(text: str, timex: Timex, reported: int, year: int, dct: dt.date, res: Resources) -> bool:
    """Whether a bare quarter of the DCT's year, after the quarter of the label's year the document reports
    (``reported``, "Q1 FY26"), is the quarter of the fiscal year before it, not a coming one: "impact from Q4
    customer order timing" in a story on Q1 FY26 is FY25's fourth quarter; "expected to close in the fiscal third
    quarter" (a future clause) is FY26's (held-out earnings gold news238, session 23).

    >>> from timeline.temporal.tagger import tag
    >>> [t.value for t in tag("It reported Q1 FY26 revenue of $249 million, hurt by Q4 order timing.",
    ...                       dt.date(2025, 8, 7))]
    ['2026-Q1', '2025-Q4']
    """
    if timex.granularity != "quarter" or not timex.value.startswith(f"{year:04d}-Q") \
            or int(timex.value[-1]) <= reported:
        return False
    return estimate_tense(text, timex.start, timex.end, res) != "future" \
        and not nominal_future(text, timex.start, timex.end, res)
