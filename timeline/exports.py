"""Exports of exactly what is shown: the events as CSV, JSON Lines, JSON, TimelineJS JSON or iCalendar,
and the chart as PNG, SVG or standalone HTML.

Chart images are rendered server-side by Kaleido in a headless Chrome/Chromium that is started once, lazily.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html import escape, unescape
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from timeline.bounds import bound_days, bound_phrases, is_dated, open_sides

#: Browser executables tried, in order, when ``BROWSER_PATH`` is not set.
BROWSER_CANDIDATES: tuple[str, ...] = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: Image size of exported charts (pixels, before ``scale``).
EXPORT_WIDTH = 1400
EXPORT_SCALE = 2
HIDPI_MAX_HEIGHT = 1000
NO_BROWSER_MESSAGE = ("Chart images need Chrome or Chromium, and none was found: install chromium "
                      "(e.g. apt-get install chromium) or set BROWSER_PATH to its executable.")
#: Product identifier written into .ics files.
ICS_PRODID = "-//news-timeline//event timeline dashboard//EN"


class ExportError(RuntimeError):
    """An export that cannot be made; the message says why, for a person."""


@dataclass(frozen=True)
class ExportFormat:
    """A download format: file extension, MIME type and the label shown on its button."""

    extension: str
    mime: str
    label: str


EVENT_FORMATS: dict[str, ExportFormat] = {
    "csv": ExportFormat("csv", "text/csv", "CSV"),
    "jsonl": ExportFormat("jsonl", "application/jsonl", "JSON Lines"),
    "json": ExportFormat("json", "application/json", "JSON"),
    "timelinejs": ExportFormat("timeline.json", "application/json", "TimelineJS"),
    "ics": ExportFormat("ics", "text/calendar", "Calendar (.ics)"),
}
FIGURE_FORMATS: dict[str, ExportFormat] = {
    "png": ExportFormat("png", "image/png", "PNG"),
    "svg": ExportFormat("svg", "image/svg+xml", "SVG"),
    "html": ExportFormat("html", "text/html", "HTML"),
}


def _iso_date(value: Any) -> str:
    """``YYYY-MM-DD`` (with the time when it is not midnight) or "" for missing dates."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    stamp = pd.Timestamp(value)
    day = f"{stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d}"  # strftime drops the zeros of years < 1000
    clock = (stamp.hour, stamp.minute, stamp.second)
    return day if clock == (0, 0, 0) else f"{day}T{clock[0]:02d}:{clock[1]:02d}:{clock[2]:02d}"


def event_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The events as plain JSON-ready dicts (dates as ISO strings, actors as lists).

    >>> from timeline.schema import events_frame
    >>> event_records(events_frame([{"event_id": "e1", "date_start": "2025-12-12", "actors": ["X"]}]))[0]["date_start"]
    '2025-12-12'
    """
    records = []
    for row in frame.to_dict(orient="records"):
        record: dict[str, Any] = {}
        for column, value in row.items():
            if column in ("date_start", "date_end"):
                record[column] = _iso_date(value) or None
            elif column == "actors":
                record[column] = [str(name) for name in value]
            elif value is pd.NA or value is None:
                record[column] = None
            elif hasattr(value, "item"):
                record[column] = value.item()
            else:
                record[column] = value
        records.append(record)
    return records


#: First characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP).
FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text: a leading formula character gets a ``'`` before it.

    >>> csv_cell("=cmd|' /C calc'!A0"), csv_cell("@SUM(A1)"), csv_cell("Talks held")
    ("'=cmd|' /C calc'!A0", "'@SUM(A1)", 'Talks held')
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv(frame: pd.DataFrame) -> bytes:
    table = frame.copy()
    table["actors"] = table["actors"].map(lambda names: "; ".join(csv_cell(str(name)) for name in names))
    for column in ("date_start", "date_end"):
        table[column] = table[column].map(_iso_date)
    for column in table.columns:
        if column != "actors" and pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(lambda value: csv_cell(value) if isinstance(value, str) else value)
    return table.to_csv(index=False).encode("utf-8")


def _timeline_date(value: Any, granularity: str) -> dict[str, int]:
    """A TimelineJS date object as precise as the event's granularity."""
    stamp = pd.Timestamp(value)
    parts = {"year": stamp.year}
    if granularity not in ("year", "decade", "century", "half", "season"):
        parts["month"] = stamp.month
        if granularity in ("day", "time", "week", "unknown"):
            parts["day"] = stamp.day
            if granularity == "time":
                parts.update(hour=stamp.hour, minute=stamp.minute)
    return parts


def timelinejs_document(frame: pd.DataFrame, title: str = "Event timeline") -> dict[str, Any]:
    """A TimelineJS 3 JSON document: one slide per dated event, grouped by its first actor.

    An event known only by a bound ("before 1993") is a slide at the bound day; its ``display_date`` and the
    start of its text say "Before 1 January 1993" (TimelineJS has no open-ended dates).

    >>> from timeline.schema import events_frame
    >>> doc = timelinejs_document(events_frame([{"event_id": "e1", "summary": "A <b>", "actors": ["X"],
    ...     "date_start": "2025-08-01", "date_end": "2025-08-31", "granularity": "month"}]))
    >>> doc["events"][0]["start_date"], doc["events"][0]["end_date"], doc["events"][0]["text"]["headline"]
    ({'year': 2025, 'month': 8}, {'year': 2025, 'month': 8}, 'A &lt;b&gt;')
    >>> slide = timelinejs_document(events_frame([{"event_id": "e2", "summary": "Founded", "granularity": "day",
    ...     "date_end": "1992-12-31", "sentence": "It was founded before 1993."}]))["events"][0]
    >>> slide["start_date"], slide["display_date"], slide["text"]["text"], "end_date" in slide
    ({'year': 1992, 'month': 12, 'day': 31}, 'Before 1 January 1993', '<p><i>Before 1 January 1993</i></p>It was founded before 1993.', False)
    """
    dated = frame[is_dated(frame)]
    phrases = bound_phrases(dated)
    first, _ = bound_days(dated)
    events = []
    for row, phrase, day in zip(dated.itertuples(index=False), phrases, first):
        granularity = str(row.granularity)
        sentence = escape(str(row.sentence))
        slide: dict[str, Any] = {
            "unique_id": str(row.event_id),
            "start_date": _timeline_date(day, granularity),
            "text": {"headline": escape(str(row.summary or row.trigger or row.event_type)),
                     "text": f"<p><i>{escape(phrase[:1].upper() + phrase[1:])}</i></p>{sentence}" if phrase else sentence},
            "group": escape(str(row.actors[0]) if row.actors else str(row.event_type or "events")),
        }
        if phrase:
            slide["display_date"] = escape(phrase[:1].upper() + phrase[1:])
        elif pd.notna(row.date_end) and row.date_end != row.date_start:
            slide["end_date"] = _timeline_date(row.date_end, granularity)
        events.append(slide)
    return {"title": {"text": {"headline": escape(title), "text": ""}}, "events": events}


def ics_escape(text: str) -> str:
    r"""Escape a TEXT value for iCalendar (RFC 5545 §3.3.11).

    >>> ics_escape('a,b;c\\d\ne')
    'a\\,b\\;c\\\\d\\ne'
    """
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets with CRLF + space, never inside a UTF-8 character (RFC 5545 §3.1).

    >>> ics_fold("X" * 80).split("\\r\\n ")[1]
    'XXXXX'
    """
    chunks: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with one space
        current += char
        size += width
    chunks.append(current)
    return "\r\n ".join(chunks)


def _ics_date(day: dt.date) -> str:
    """An iCalendar DATE value, ``YYYYMMDD`` with four-digit years."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _ics_lines(frame: pd.DataFrame, stamp: str) -> Iterator[str]:
    yield from ("BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{ICS_PRODID}", "CALSCALE:GREGORIAN")
    dated = frame[is_dated(frame)]
    firsts, lasts = bound_days(dated)
    for row, side, phrase, first_day, last_day in zip(dated.itertuples(index=False), open_sides(dated),
                                                      bound_phrases(dated), firsts, lasts):
        first, last = pd.Timestamp(first_day).date(), pd.Timestamp(last_day).date()
        when = f"{phrase}, " if phrase else ""
        description = "\n".join(part for part in (
            str(row.sentence),
            f"Date: {when}{row.date_text or row.date_value} ({row.granularity}, from {row.date_source})",
            f"Actors: {', '.join(row.actors)}" if row.actors else "", f"Source: {row.title or row.doc_id}") if part)
        prefix = f"{side.capitalize()}: " if side else ""
        yield from (
            "BEGIN:VEVENT",
            f"UID:{ics_escape(str(row.doc_id))}-{ics_escape(str(row.event_id))}@news-timeline",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{_ics_date(first)}",
            f"DTEND;VALUE=DATE:{_ics_date(max(last, first) + dt.timedelta(days=1))}",
            f"SUMMARY:{ics_escape(prefix + str(row.summary or row.trigger or row.event_type))}",
            f"DESCRIPTION:{ics_escape(description)}",
        )
        if row.location:
            yield f"LOCATION:{ics_escape(str(row.location))}"
        if row.event_type:
            yield f"CATEGORIES:{ics_escape(str(row.event_type))}"
        yield "END:VEVENT"
    yield "END:VCALENDAR"


def ics_calendar(frame: pd.DataFrame, now: dt.datetime | None = None) -> bytes:
    """An iCalendar file with one all-day VEVENT per dated event (DTEND exclusive, as RFC 5545 wants); an event
    known only by a bound is an all-day event on the bound day, its summary prefixed "Before: " or "After: ".

    >>> from timeline.schema import events_frame
    >>> text = ics_calendar(events_frame([{"event_id": "e1", "summary": "Talks, again", "date_start": "2025-12-12",
    ...     "date_end": "2025-12-12"}]), now=dt.datetime(2025, 12, 13)).decode()
    >>> [line for line in text.split("\\r\\n") if line.startswith(("DTSTART", "DTEND", "SUMMARY"))]
    ['DTSTART;VALUE=DATE:20251212', 'DTEND;VALUE=DATE:20251213', 'SUMMARY:Talks\\\\, again']
    """
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    return ("\r\n".join(ics_fold(line) for line in _ics_lines(frame, stamp)) + "\r\n").encode("utf-8")


def export_events(frame: pd.DataFrame, fmt: str, title: str = "") -> bytes:
    """The events of ``frame`` serialized as ``fmt`` (one of :data:`EVENT_FORMATS`); ``title`` (what the view
    shows, e.g. the chart title) heads the TimelineJS document.

    >>> from timeline.schema import events_frame
    >>> export_events(events_frame([{"event_id": "e1", "actors": ["A", "B"]}]), "csv").decode().splitlines()[1][:8]
    'e1,,,,,,'
    >>> export_events(events_frame(), "xls")
    Traceback (most recent call last):
    timeline.exports.ExportError: unknown data format 'xls' (choose one of csv, jsonl, json, timelinejs, ics)
    """
    if fmt == "csv":
        return _csv(frame)
    if fmt == "jsonl":
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in event_records(frame)).encode()
    if fmt == "json":
        return json.dumps(event_records(frame), ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "timelinejs":
        return json.dumps(timelinejs_document(frame, title or "Event timeline"), ensure_ascii=False,
                          indent=1).encode("utf-8")
    if fmt == "ics":
        return ics_calendar(frame)
    raise ExportError(f"unknown data format {fmt!r} (choose one of {', '.join(EVENT_FORMATS)})")


def browser_path() -> str | None:
    """The Chrome/Chromium Kaleido will use: ``BROWSER_PATH`` if set, else the first candidate on PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured:
        return configured if os.path.exists(configured) else None
    return next((found for name in BROWSER_CANDIDATES if (found := shutil.which(name))), None)


@cache
def _kaleido_lock() -> threading.Lock:
    """Start Kaleido's shared browser once per process; its lock serializes calls (the server is not re-entrant)."""
    import kaleido

    path = browser_path()
    if path:
        os.environ.setdefault("BROWSER_PATH", path)
    kaleido.start_sync_server(silence_warnings=True)
    return threading.Lock()


def export_figure(fig: go.Figure, fmt: str, width: int = EXPORT_WIDTH, scale: float | None = None) -> bytes:
    """The chart as PNG, SVG (rendered by Kaleido) or standalone HTML (plotly.js embedded, works offline).

    Images leave out the range slider (it is a control, not data). PNGs are rendered at ``scale`` (default:
    2 for charts up to :data:`HIDPI_MAX_HEIGHT` pixels high, else 1, since big WebGL charts render slowly).
    Raises :class:`ExportError` with a readable message when the format is unknown or no browser is found.
    """
    if fmt == "html":
        page = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
        # the browser tab and bookmarks of the saved page name the chart, not "timeline.html"
        title = f"<title>{escape(unescape(str(fig.layout.title.text or 'Event timeline')))}</title>"
        return page.replace("<head>", "<head>" + title, 1).encode("utf-8")
    if fmt not in FIGURE_FORMATS:
        raise ExportError(f"unknown chart format {fmt!r} (choose one of {', '.join(FIGURE_FORMATS)})")
    if browser_path() is None:
        raise ExportError(NO_BROWSER_MESSAGE)
    height = int(fig.layout.height or 600)
    if scale is None:
        scale = EXPORT_SCALE if height <= HIDPI_MAX_HEIGHT else 1
    image = go.Figure(fig).update_xaxes(rangeslider_visible=False)
    with _kaleido_lock():
        try:
            return pio.to_image(image, format=fmt, width=width, height=height, scale=scale if fmt == "png" else 1)
        except Exception as error:  # Kaleido/Chromium failures arrive as many types
            raise ExportError(f"Could not render the chart as {fmt.upper()}: {error}") from error
