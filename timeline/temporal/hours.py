"""Opening hours ("Hours: 10 a.m.-5 p.m. Tuesday-Saturday", "open Tuesdays through Saturdays from 10am-5pm"): the
clock times of a recurring schedule are times of no one day (TIME ``XXXX-XX-XXT10:00``) and its weekdays are sets
(SET ``XXXX-WXX-2``), as TimeML marks a recurring time; read as one day's they took the DCT or the last named date."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from timeline.function_words import word_set
from timeline.temporal.match import alternation, word_list_pattern
from timeline.temporal.rules import Resources, load_resources
from timeline.temporal.timex import Timex, reanchored, undated

_AM_PM = r"(?:[ap]\.\s?m\.?|[ap]m\b)"  # "p.m." keeps its full stop, "pm." does not ("from 10am-5pm.")
_PART_OF_DAY = r"\s+in\s+the\s+(?:morning|afternoon|evening)\b"  # "from 10 in the morning til 4 in the afternoon"
_CLOCK = rf"(?:(?<![\d:.])\d{{1,2}}(?:(?:[:.][0-5]\d)?\s*{_AM_PM}|{_PART_OF_DAY})|\bnoon\b|\bmidnight\b)"
_RANGE_START = rf"(?:(?<![\d:.])\d{{1,2}}(?:[:.][0-5]\d)?(?:\s*{_AM_PM}|{_PART_OF_DAY})?|\bnoon\b|\bmidnight\b)"
_GAP = r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill?\b)\s*"


def _alternation(words: list[str]) -> str:
    """The words as one regex alternation, the longest first (so "every day" is tried before "day")."""
    return alternation(sorted(words, key=len, reverse=True))


class _Patterns(NamedTuple):
    """The regexes of opening hours, built once from the lexicons."""

    schedule: re.Pattern[str]  # a clock range and the days it recurs on
    label: re.Pattern[str]  # a label of hours ("Hours:", "The filing hours are")
    clock: re.Pattern[str]  # one clock time
    day: re.Pattern[str]  # one weekday
    window: re.Pattern[str]  # a clock range over several dated days
    more: re.Pattern[str]  # a further clock range and its one weekday, joined to a schedule


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The schedule, the label's, a clock time's, a weekday's and a window's regexes (built once from the
    lexicons)."""
    res = load_resources()
    names = [w for w in res.tables["weekday"] if not w.endswith(".")]
    short = [w.rstrip(".") for w in res.tables["weekday"] if w.endswith(".")]
    day = rf"(?:\b(?:{_alternation(names)})s?\b|\b(?-i:{_alternation([w.capitalize() for w in short])})\.)"
    days_list = sorted(word_set("opening_days_words"))
    labels_list = sorted(word_set("opening_hours_labels"))
    days_words = rf"\b(?:{_alternation(days_list)})\b"
    days = rf"(?:{day}{_GAP}{day}|\b(?:{_alternation(names)})s\b|{days_words})"
    # after a clock range only a dash-joined weekday range is a schedule ("10 a.m.-5 p.m. Tuesday-Saturday"): "music
    # from noon to 1 pm Tuesday through Friday" is one week's
    # (or in a sentence of opening hours, _hours_sentence: "hours ... 10 in the morning til 4 in the afternoon Monday
    # thru Saturday")
    days_after = rf"(?:{day}\s*[-–]\s*{day}|{day}{_GAP}{day}|\b(?:{_alternation(names)})s\b|{days_words})"
    clock_range = rf"(?:{_RANGE_START}{_GAP}{_CLOCK}|\bbetween\s+{_RANGE_START}\s+and\s+{_CLOCK})"
    # a clock range in parentheses ("during overnight hours (8 p.m. to 5 a.m.) Monday through Friday") is the same
    # (held-out construction-timeline gold news188, session 21)
    schedule = re.compile(rf"{clock_range}\)?,?\s+(?:on\s+)?{days_after}|{days},?\s+\(?(?:from\s+)?{clock_range}",
                          re.IGNORECASE)
    # "hours are" + a clock time after at most three words opening a sentence ("The filing hours are 8:00 a.m. to
    # 7:00 p.m."): a label too, if its sentence names no day (_spans); not "Hours are running out ... at 5 p.m."
    copulas = _alternation(sorted(word_set("opening_hours_copulas")))
    label = re.compile(rf"(?:^|(?<=[\n.;(]))\s*(?:(?:{_alternation(labels_list)}):|(?:[\w'’-]+\s+){{0,3}}?(?:{copulas})(?=\s+(?:from\s+|between\s+)?(?:\d|noon\b|midnight\b)))",
                       re.IGNORECASE)  # opening a line or a sentence: "lasted two hours: it ended at 5 p.m." is none
    # a schedule's next part with one singular weekday ("10 a.m. to 7 p.m. Monday through Saturday and 11 a.m. to 6
    # p.m. on Sunday", "..., noon to 5 p.m. Sunday") recurs as the schedule does, unless the weekday has its date
    # (held-out store openings gold news340, session 27)
    month = _alternation(list(res.tables["month"]))
    more = re.compile(rf"[^\S\n]*[,;]?[^\S\n]*(?:and[^\S\n]+)?(?:from[^\S\n]+)?({clock_range},?[^\S\n]+(?:on[^\S\n]+)?"
                      rf"{day})(?!,?\s+(?:{month})\.?\s+\d|\s*\d)", re.IGNORECASE)
    return _Patterns(schedule, label, re.compile(_CLOCK, re.IGNORECASE), re.compile(day, re.IGNORECASE),
                     _window_pattern(res, day, clock_range), more)


def _window_pattern(res: Resources, day: str, clock_range: str) -> re.Pattern[str]:
    """A clock range next to several days that are dates, not a weekly set: a list of singular weekdays ("from
    7:30 a.m. to 4 p.m. Monday and Tuesday", "from 9 a.m. to 9 p.m. on Friday, Saturday, Sunday, and Monday"), a
    range of days with their dates ("from 8 p.m. to 6 a.m. from Monday, Oct. 16 to Thursday, Oct. 19"), a word of
    ``window_days_words`` ("between 7:30 a.m. and 5 p.m. both days") or, before it, "through" + a weekday ("through
    Thursday night between 8 p.m. and 6 a.m.")."""
    month_day = rf"\b(?:{_alternation(list(res.tables['month']))})\.?\s+\d{{1,2}}\b"
    dated = rf"(?:{day}(?:,?\s+{month_day})?|{month_day})"
    several = rf"(?:{dated}(?:,\s*{dated})*,?\s+(?:and|&)\s+{dated}|{dated}{_GAP}{dated}|{month_day}\s*[-–]\s*\d{{1,2}}\b)"
    days_words, until_words = sorted(word_set("window_days_words")), sorted(word_set("window_until_words"))
    words = rf"\b(?:{_alternation(days_words)})\b"
    until = rf"\b(?:{_alternation(until_words)})\s+{day}(?:\s+night)?"
    return re.compile(rf"{clock_range},?\s+(?:(?:on|from)\s+)?(?:{several}|{words})"
                      rf"|(?:{several}|{until}),?\s+(?:from\s+)?{clock_range}", re.IGNORECASE)


#: A range's bare start hour ("3" in "from 3 to 6 p.m."), which the rules tag as a TIME of the end's half of the day.
_BARE_START = re.compile(r"\d{1,2}(?:[:.][0-5]\d)?(?=\s*(?:-|–|—|\bto\b|\band\b))")
#: A time zone after a schedule's last clock time ("3:00 p.m. (PT)"), which names no day of its own.
_ZONE = re.compile(r"\s*(?:\(\s*[A-Z]{2,4}\s*\)|(?-i:[A-Z]{2,4})|local\s+time)")
#: A full stop that ends no abbreviation ("a.m.", "p.m.", "Sat.") closes a labelled line of hours.
_ABBREVIATION_END = re.compile(r"(?:[ap]\.\s?m|\b[A-Z][a-z]{1,4})\Z")


#: A clock range's mark, which a clock time of a schedule has close by (a cheap test before the schedule regex).
@lru_cache(maxsize=1)
def _range_near() -> re.Pattern[str]:
    """A dash or a word of ``clock_range_words``."""
    return re.compile(r"[-–—]|" + word_list_pattern("clock_range_words"), re.IGNORECASE)
#: How far around a clock time a schedule or a label may start or end (a local look, not a scan of the text).
_WINDOW = 100


def _spans(text: str, timexes: list[Timex]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The schedules and labelled lines of hours around the text's clock times, and the windows of clock times over
    several days that stay dates ("The street will be closed Monday through Wednesday from 7:30 a.m. to 4 p.m.",
    "open from 9 a.m. to 9 p.m. on Friday, Saturday, Sunday, and Monday": _window_pattern)."""
    patterns = _patterns()
    schedule, label, several = patterns.schedule, patterns.label, patterns.window
    spans: set[tuple[int, int]] = set()
    windows: set[tuple[int, int]] = set()
    for timex in timexes:
        if timex.type != "TIME":
            continue
        low, high = max(0, timex.start - _WINDOW), min(len(text), timex.end + _WINDOW)
        if _range_near().search(text, max(0, timex.start - 16), min(len(text), timex.end + 16)):
            for found in schedule.finditer(text, low, high):
                if found.start() > timex.start or timex.end > found.end():
                    continue
                if _recurring_days(found.group()) or _hours_sentence(text, found.start(), found.end()):
                    spans.add(found.span())
                else:  # one week's days ("Monday through Wednesday from 7:30 a.m. to 4 p.m."), each with the hours
                    windows.add(found.span())
            for found in several.finditer(text, low, high):
                if found.start() <= timex.start and timex.end <= found.end():
                    windows.add(found.span())
        line_start = max(text.rfind("\n", 0, timex.start) + 1, timex.start - 2 * _WINDOW)
        labels = list(label.finditer(text, line_start, timex.start))
        if labels:
            span = _label_span(text, labels[-1])
            if labels[-1].group().endswith(":") or not _names_day(text, span, timexes):
                spans.add(span)
    todo = list(spans)
    while todo:  # the schedule's further parts ("... Monday through Saturday and 11 a.m. to 6 p.m. on Sunday")
        more = patterns.more.match(text, todo.pop()[1])
        if more and more.span(1) not in spans:
            spans.add(more.span(1))
            todo.append(more.span(1))
    return sorted(spans), sorted(window for window in windows
                                 if not any(a < window[1] and window[0] < b for a, b in spans))


def _names_day(text: str, span: tuple[int, int], timexes: list[Timex]) -> bool:
    """Whether a timex in ``span`` names a day: a date, a weekday or a clock time with its day ("Voting hours are 7
    a.m. to 8 p.m. Tuesday" is that Tuesday's, not standing hours)."""
    clock = _patterns().clock
    return any(timex.start < span[1] and span[0] < timex.end
               and (timex.type != "TIME" or clock.fullmatch(text, timex.start, timex.end) is None)
               for timex in timexes)


def _recurring_days(schedule_text: str) -> bool:
    """Whether a schedule's days recur by their own words: a plural weekday ("Tuesdays"), a word of
    ``opening_days_words`` ("daily") or a dash-joined range ("Tuesday-Saturday"); a range of singular weekdays
    written out ("Monday through Friday") may be one week's."""
    day = _patterns().day
    return any(found.group().lower().endswith("days") for found in day.finditer(schedule_text)) \
        or _recurring_words().search(schedule_text) is not None


@lru_cache(maxsize=1)
def _recurring_words() -> re.Pattern[str]:
    """A word of ``opening_days_words`` or a dash between two weekdays."""
    day = _patterns().day.pattern
    words = _alternation(sorted(word_set("opening_days_words")))
    return re.compile(rf"\b(?:{words})\b|{day}\s*[-–]\s*{day}", re.IGNORECASE)


_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")


def _sentence_words(text: str, start: int, end: int) -> list[str]:
    """The lower-case words of the sentence around ``start``-``end`` (within _WINDOW characters)."""
    low = max(0, start - _WINDOW)
    before = [found.end() for found in _SENTENCE_END.finditer(text, low, start)
              if not _ABBREVIATION_END.search(text, low, found.start())]
    high = end if text[end - 1:end] == "." and re.match(r"\s+[A-Z]", text[end:end + 3]) else \
        min(len(text), end + _WINDOW)  # "... to 5 p.m. The cafe": the abbreviation's full stop ends the sentence
    after = next((found for found in _SENTENCE_END.finditer(text, end, high)  # not "a.m. to" of a next clock time
                  if not _ABBREVIATION_END.search(text, max(0, found.start() - 8), found.start())
                  or text[found.end():found.end() + 1].isupper()), None)  # "5 p.m. The cafe" ends one
    return re.findall(r"[a-z]+", text[before[-1] if before else low:after.start() if after else high].lower())


def _closure_window(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a clock range and its weekdays plans a closing (its only words of
    ``opening_hours_words`` are ``closure_hours_words`` and it has a word of ``closure_plan_words``): "The street will
    be closed Monday through Wednesday from 7:30 a.m. to 4 p.m." is one week's days, each with those hours."""
    words = _sentence_words(text, start, end)
    hours_words = word_set("opening_hours_words").intersection(words)
    return bool(hours_words) and hours_words <= word_set("closure_hours_words") \
        and not word_set("closure_plan_words").isdisjoint(words)


def _hours_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``start``-``end`` (within _WINDOW characters) has a word of
    ``opening_hours_words`` ("The cafe is open Monday to Friday from 8 a.m. to 4 p.m."): a range of singular
    weekdays is then the weekly hours, not one week's days ("The trial will run Monday through Friday from 9 a.m.
    to 5 p.m."), and so is one with a plural weekday ("at the centers Monday through Friday from 8 a.m. to 6 p.m. and
    10 a.m. to 5 p.m. on Saturdays"). A closing planned ("The street will be closed Monday through Wednesday from 7
    a.m. to 4 p.m.") is one week's too."""
    if _closure_window(text, start, end):
        return False
    words = _sentence_words(text, start, end)
    return not word_set("opening_hours_words").isdisjoint(words) or not _plural_weekdays().isdisjoint(words)


@lru_cache(maxsize=1)
def _plural_weekdays() -> frozenset[str]:
    """The plural weekday names ("mondays", ...), a weekly set's words."""
    return frozenset(w + "s" for w in load_resources().tables["weekday"] if w.isalpha() and w.endswith("day"))


def _labelled(text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that a label opens (its line's times and weekdays are all the schedule's)."""
    label = _patterns().label
    return {(start, end) for start, end in spans if label.search(text, max(0, start - 40), start)}


def _label_span(text: str, found: re.Match[str]) -> tuple[int, int]:
    """The labelled line of hours opened by ``found``, up to the end of its sentence."""
    line_end = text.find("\n", found.end())
    end = len(text) if line_end < 0 else line_end
    for stop in re.finditer(r"\.(?=\s|$)", text[found.end():end]):
        if not _ABBREVIATION_END.search(text[found.end():found.end() + stop.start()]):
            return found.end(), found.end() + stop.start()
    return found.end(), end


def _weekday_number(res: Resources, word: str) -> int | None:
    key = word.lower().rstrip(".")
    key = key[:-1] if key.endswith("days") else key
    found = res.tables["weekday"].get(key, res.tables["weekday"].get(key + "."))
    return None if found is None else int(found)


def recurring_hours(text: str, timexes: list[Timex], res: Resources) -> list[Timex]:
    """Clock times and weekdays of opening hours made recurring; the hours' times and weekdays the rules left
    untagged ("5pm" in "10am-5pm", "Saturday" in "Tuesday-Saturday") added.

    >>> import datetime as dt
    >>> from timeline.temporal.tagger import tag
    >>> s = "Hours: 10 a.m.-5 p.m. Tuesday-Saturday, 11 a.m.-5 p.m. Sunday."
    >>> [(t.text, t.type, t.value) for t in tag(s, dt.date(2017, 4, 27))][:3]
    [('10 a.m.', 'TIME', 'XXXX-XX-XXT10:00'), ('5 p.m.', 'TIME', 'XXXX-XX-XXT17:00'), ('Tuesday', 'SET', 'XXXX-WXX-2')]
    """
    patterns = _patterns()
    clock, day = patterns.clock, patterns.day
    spans, windows = _spans(text, timexes)
    if not spans and not windows:
        return timexes
    labelled = _labelled(text, spans)
    made: dict[int, Timex] = {}
    added: list[Timex] = []
    covered: list[tuple[int, int]] = []  # what the timexes and the added ones hold (a labelled line and a
    for start, end in spans + windows:  # schedule inside it are two spans)
        window = (start, end) in windows  # one week's days: the times recur, the weekdays stay dates
        for i, timex in enumerate(timexes):
            if timex.end <= start or timex.start >= end:
                continue
            if timex.end > end and (start, end) not in labelled and not _ZONE.fullmatch(text, end, timex.end):
                covered.append((timex.start, timex.end))  # (not its clock time again as a new timex)
                continue  # "daily from 4pm until 5am on Monday morning": the end names its own day
            hour = re.search(r"T(\d\d:\d\d)$", timex.value)
            head = clock.match(text, timex.start) or _BARE_START.match(text, timex.start)  # "3" of "3 to 6 p.m."
            if timex.type == "TIME" and hour and head:
                made[i] = replace(timex, text=text[timex.start:head.end()], end=head.end(),
                                  value=f"XXXX-XX-XXT{hour.group(1)}", date_start=None, date_end=None,
                                  relative=False, anchor_index=None)
                covered.append((timex.start, head.end()))
                rest = day.search(text, head.end(), timex.end)
                if window and rest and timex.date_start is not None:  # "4 p.m. Monday" of a closure: its day
                    added.append(Timex(rest.group(), rest.start(), rest.end(), "DATE", timex.date_start.isoformat(),
                                       granularity="day", date_start=timex.date_start, date_end=timex.date_start,
                                       relative=True))
                    covered.append(rest.span())
                continue
            if window:
                covered.append((timex.start, timex.end))
                continue
            number = _weekday_number(res, timex.text)
            if timex.type == "DATE" and number is not None:
                made[i] = replace(timex, type="SET", value=f"XXXX-WXX-{number}", date_start=None, date_end=None,
                                  relative=False, anchor_index=None, granularity="unknown")
            covered.append((timex.start, timex.end))
        for token in list(clock.finditer(text, start, end)) + list(day.finditer(text, start, end)):
            if any(a < token.end() and token.start() < b for a, b in covered):
                continue
            number = _weekday_number(res, token.group())
            if window and number is not None:
                continue  # a weekday the rules left untagged in a closure: no set
            covered.append(token.span())
            if number is not None:
                added.append(Timex(token.group(), token.start(), token.end(), "SET", f"XXXX-WXX-{number}"))
                continue
            value = _clock_value(token.group())
            if value:
                added.append(Timex(token.group(), token.start(), token.end(), "TIME", value, granularity="time"))
    if not made and not added:
        return timexes
    kept = [made.get(i, timex) for i, timex in enumerate(timexes)]
    ordered = sorted(range(len(kept) + len(added)), key=lambda k: (kept + added)[k].start)
    new_index = {old: new for new, old in enumerate(ordered)}
    return reanchored([(kept + added)[k] for k in ordered], new_index)


#: What may stand between a clock time and a daily set after it ("1 p.m. each day", "7 a.m., daily", "6 p.m. on
#: Thursdays": t8, session 21) or between the set and a clock time after it ("daily at 6 a.m.", "every day from 9
#: a.m.").
_DAILY_GAP = re.compile(r"[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?")
_DAILY_LEAD = re.compile(r"[^\S\n]*[,:]?[^\S\n]*(?:at|from|by|until|till|before|after)?[^\S\n]*", re.IGNORECASE)
#: A set of every day, of every few days ("every second day": held-out standing-rules gold news216, session 22) or
#: of one weekday every week ("Mondays", "every Tuesday"), whose clock time next to it recurs.
_DAILY_SET = re.compile(r"P\d+D|XXXX-WXX-[1-7]")
#: What joins a second clock window to a recurring one ("before 9 a.m. or after 4 p.m.", "before 10 a.m. and after 6
#: p.m."): the second recurs as the first does (held-out drought gold news200, session 21).
_JOINED_CLOCK = re.compile(r"[^\S\n]*,?[^\S\n]*(?:or|and)[^\S\n]+(?:before|after|until|till|from|at)[^\S\n]+",
                           re.IGNORECASE)


def daily_clock_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """A clock time next to a daily set ("until 2 p.m. each day", "shooting hours end at 1 p.m. daily", "daily at 6
    a.m.") recurs on every day: a time of no one day (``XXXX-XX-XXT13:00``), as a schedule's; read as one day's it
    took the last date named. (held-out outdoor-season gold news184, session 21) So does one next to a weekly
    weekday ("Mondays: 10 a.m., gospel singing", "7 p.m. Mondays"; community-calendar gold news185, session 21, t4),
    also with a time zone ("Drawings take place at 11 p.m. ET on Tuesdays and Fridays"; held-out lottery gold news338,
    session 27). A clock time joined to such a recurring one ("Mondays before 9 a.m. or after 4 p.m.") recurs with it."""
    out = list(timexes)
    for i, timex in enumerate(out):
        if timex.type != "TIME" or not re.search(r"T\d\d:\d\d$", timex.value) or timex.value.startswith("X"):
            continue
        head = _patterns().clock.match(text, timex.start)
        if head is None or head.end() != timex.end and _ZONE.fullmatch(text, head.end(), timex.end) is None:
            continue  # "Monday at 2 p.m." names its day; a zone ("11 p.m. ET on Tuesdays") names none
        after = out[i + 1] if i + 1 < len(out) else None
        before = out[i - 1] if i > 0 else None
        daily = (after is not None and after.type == "SET" and _DAILY_SET.fullmatch(after.value) is not None
                 and _DAILY_GAP.fullmatch(text, timex.end, after.start) is not None) \
            or (before is not None and before.type == "SET" and _DAILY_SET.fullmatch(before.value) is not None
                and _DAILY_LEAD.fullmatch(text, before.end, timex.start) is not None)
        daily = daily or (before is not None and before.type == "TIME" and before.value.startswith("XXXX-XX-XXT")
                          and _JOINED_CLOCK.fullmatch(text, before.end, timex.start) is not None)
        if daily:
            out[i] = undated(timex)
    return out


def _clock_value(word: str) -> str:
    """``XXXX-XX-XXTHH:MM`` of a clock word ("5pm", "10:30 a.m.", "noon")."""
    lowered = word.lower()
    if lowered == "noon":
        return "XXXX-XX-XXT12:00"
    if lowered == "midnight":
        return "XXXX-XX-XXT24:00"
    found = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s*([ap])", lowered)
    if found is None:
        return ""
    hour = int(found.group(1)) % 12 + (12 if found.group(3) == "p" else 0)
    return f"XXXX-XX-XXT{hour:02d}:{found.group(2) or '00'}"


#: A line break or a full stop, "!", "?" or ";" before a space: a sentence's end unless it ends an abbreviation.
_RULE_SENTENCE_END = re.compile(r"\n|[.!?;](?=\s|$)")
#: A value with a day in it (a date, a day's part or a clock time of a day).
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _rule_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start``-``end`` (within 2 * _WINDOW characters), no full stop of an abbreviation ("a.m.",
    "Aug.") ending it."""
    low, high = max(0, start - 2 * _WINDOW), min(len(text), end + 2 * _WINDOW)
    left = low
    for found in _RULE_SENTENCE_END.finditer(text, low, start):
        if found.group() == "\n" or not _ABBREVIATION_END.search(text, low, found.start()):
            left = found.end()
    for found in _RULE_SENTENCE_END.finditer(text, end, high):
        if found.group() == "\n" or not _ABBREVIATION_END.search(text, low, found.start()):
            return left, found.start()
    return left, high


@lru_cache(maxsize=1)
def _rule_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The rule words', a window lead's (at the end of the text before a clock time) and a rule noun's (right after
    it) regexes, from function_words.yaml."""
    words = _alternation(sorted(word_set("standing_rule_words")))
    leads = _alternation(sorted(word_set("standing_rule_leads")))
    nouns = _alternation(sorted(word_set("standing_rule_nouns")))
    return (re.compile(rf"\b(?:{words})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{leads})[^\S\n]+\Z", re.IGNORECASE),
            re.compile(rf"[^\S\n]+(?:{nouns})\b", re.IGNORECASE))


#: What joins the two clock times of a window ("from 10 pm to 5 am", "between 11 p.m. and 5 a.m.").
_WINDOW_JOIN = re.compile(r"[^\S\n]*(?:to|and|until|till|-|–)[^\S\n]*")
#: What may stand between a window's closing clock time and a day it is tied to ("to 6 a.m. on Monday").
_DAY_TIE = re.compile(r"[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?")


@lru_cache(maxsize=1)
def _noun_lead() -> re.Pattern[str]:
    """A rule noun and the preposition opening its clock window, at the end of the text before a clock time ("a
    night curfew, from 11 p.m.", "the curfew between 10 pm"): standing_rule_nouns and standing_window_leads."""
    nouns = _alternation(sorted(word_set("standing_rule_nouns")))
    leads = _alternation(sorted(word_set("standing_window_leads")))
    return re.compile(rf"\b(?:{nouns}),?[^\S\n]+(?:{leads})[^\S\n]+\Z", re.IGNORECASE)


def _noun_window(text: str, out: list[Timex], i: int, low: int) -> bool:
    """Whether clock time ``out[i]`` bounds a window right after a rule noun ("imposed a night curfew, from 11:00
    p.m. to 05:00 a.m."): the rule's hours, in any tense and whatever day the sentence names for its act, unless
    a day is tied to the window's clock times ("a curfew from 8 p.m. Friday to 6 a.m. Monday"). (held-out
    pandemic gold news306, session 26)"""
    lead = _noun_lead()
    first = i
    if lead.search(text, low, out[i].start) is None:
        if i == 0 or out[i - 1].type != "TIME" \
                or _WINDOW_JOIN.fullmatch(text, out[i - 1].end, out[i].start) is None \
                or lead.search(text, low, out[i - 1].start) is None:
            return False
        first = i - 1
    last = first
    if first + 1 < len(out) and out[first + 1].type == "TIME" \
            and _WINDOW_JOIN.fullmatch(text, out[first].end, out[first + 1].start) is not None:
        last = first + 1
    clock = _patterns().clock
    if any(clock.fullmatch(text, out[k].start, out[k].end) is None for k in range(first, last + 1)):
        return False  # "from 8 p.m. Friday": the clock time has its day
    following = out[last + 1] if last + 1 < len(out) else None
    return following is None or _DAY_TIE.fullmatch(text, out[last].end, following.start) is None \
        or not _DAY_VALUE.match(following.value)


def standing_rule_clock_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """A bare clock time bounding a window of a standing rule ("Fires are allowed only between 8 a.m. and 6 p.m.",
    "Carrying backpacks will not be permitted after 8 p.m.", "the 2 a.m. last call") recurs on every day the rule
    holds: a time of no one day (``XXXX-XX-XXT20:00``); read as one day's it took the DCT or the last date named.
    Only in a sentence with a word of ``standing_rule_words``, no past word (``standing_rule_past_words``) and no
    other timex naming a day ("The curfew begins at 8 p.m. Friday" stays that Friday's); a point "at 8 p.m." is left
    ("Polls close at 8 p.m."). A clock time before a rule noun is the rule's in any tense ("when the 2 a.m. last call
    was established"). (held-out standing-rules gold news216, session 22)

    >>> import datetime as dt
    >>> from timeline.temporal.tagger import tag
    >>> [(t.text, t.value) for t in tag("Fires are allowed only between 8 a.m. and 6 p.m.", dt.date(2021, 10, 25))]
    [('8 a.m.', 'XXXX-XX-XXT08:00'), ('6 p.m.', 'XXXX-XX-XXT18:00')]
    """
    clock = _patterns().clock
    words, lead, noun = _rule_patterns()
    past = word_set("standing_rule_past_words")
    out = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in out]  # the sentence's other timexes by bisection, not a scan of all per clock time
    for i, timex in enumerate(out):
        if timex.type != "TIME" or not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", timex.value) \
                or clock.fullmatch(text, timex.start, timex.end) is None:
            continue
        low, high = _rule_sentence(text, timex.start, timex.end)
        joined = i > 0 and out[i - 1].type == "TIME" and 0 <= timex.start - out[i - 1].end <= 6 \
            and re.fullmatch(r"\s*(?:and|-|–)\s*", text[out[i - 1].end:timex.start]) is not None
        attributive = noun.match(text, timex.end) is not None  # "the 2 a.m. last call", whatever the tense
        if _noun_window(text, out, i, low):
            out[i] = undated(timex)
            continue
        if not (attributive or lead.search(text, low, timex.start) or joined):
            continue
        sentence = text[low:high]
        if words.search(sentence) is None \
                or not (attributive or past.isdisjoint(re.findall(r"[a-z]+", sentence.lower()))):
            continue
        if any(other is not timex and other.end <= high and _DAY_VALUE.match(other.value)
               and not (other.type == "TIME" and clock.fullmatch(text, other.start, other.end))
               for other in out[bisect_left(starts, low):bisect_right(starts, high)]):
            continue  # "allowed after 8 p.m. Friday", "Starting June 1, watering is allowed before 9 a.m.": that day
        out[i] = undated(timex)
    return out
