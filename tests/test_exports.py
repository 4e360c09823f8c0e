"""Exports: CSV, JSON Lines, JSON, TimelineJS, iCalendar and chart images, checked by parsing them back."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from timeline.charts import timeline_figure
from timeline.exports import EVENT_FORMATS, ExportError, browser_path, export_events, export_figure, ics_fold
from timeline.schema import events_frame

EVENTS = events_frame([
    {"event_id": "e1", "doc_id": "d1", "event_type": "attack", "summary": "Strike, then; more\\", "trigger": "strike",
     "actors": ["Russia", "Belarus"], "date_start": "2024-05-01", "date_end": "2024-05-01", "granularity": "day",
     "date_text": "May 1", "date_source": "text", "sentence": "Line one.\nLine «two» — ünïcödé " * 4,
     "location": "Kharkiv", "confidence": 0.9},
    {"event_id": "e2", "doc_id": "d1", "event_type": "meeting", "summary": "Talks <b>held</b>", "actors": [],
     "date_start": "2024-06-01", "date_end": "2024-06-30", "granularity": "month", "date_text": "in June"},
    {"event_id": "e3", "doc_id": "d2", "event_type": "statement", "summary": "Undated remark", "actors": ["UN"]},
    {"event_id": "e4", "doc_id": "d2", "event_type": "statement", "summary": "Year event", "actors": ["UN"],
     "date_start": "2023-01-01", "date_end": "2023-12-31", "granularity": "year", "date_text": "last year"},
])
NEEDS_BROWSER = pytest.mark.skipif(browser_path() is None, reason="chart images need Chrome/Chromium")


def test_csv_round_trip() -> None:
    rows = list(csv.DictReader(io.StringIO(export_events(EVENTS, "csv").decode("utf-8"))))
    assert [row["event_id"] for row in rows] == ["e1", "e2", "e3", "e4"]
    assert rows[0]["actors"] == "Russia; Belarus"
    assert rows[0]["date_start"] == "2024-05-01" and rows[1]["date_end"] == "2024-06-30"
    assert rows[2]["date_start"] == ""
    assert rows[0]["sentence"] == EVENTS.loc[0, "sentence"]


def test_jsonl_and_json_hold_the_same_records() -> None:
    lines = export_events(EVENTS, "jsonl").decode("utf-8").splitlines()
    records = json.loads(export_events(EVENTS, "json"))
    assert [json.loads(line) for line in lines] == records
    assert records[0]["actors"] == ["Russia", "Belarus"] and records[2]["date_start"] is None
    assert records[0]["confidence"] == 0.9 and records[0]["char_start"] == 0


def test_timelinejs_schema() -> None:
    document = json.loads(export_events(EVENTS, "timelinejs"))
    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert set(slides) == {"e1", "e2", "e4"}  # undated events have no place on a timeline
    assert slides["e1"]["start_date"] == {"year": 2024, "month": 5, "day": 1} and "end_date" not in slides["e1"]
    assert slides["e2"]["start_date"] == {"year": 2024, "month": 6}
    assert slides["e2"]["end_date"] == {"year": 2024, "month": 6}
    assert slides["e4"]["start_date"] == {"year": 2023}
    assert slides["e2"]["text"]["headline"] == "Talks &lt;b&gt;held&lt;/b&gt;"
    assert slides["e1"]["group"] == "Russia" and slides["e2"]["group"] == "meeting"
    assert document["title"]["text"]["headline"]


def unfolded(ics: bytes) -> list[str]:
    """Content lines with RFC 5545 folding undone."""
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_ics_one_all_day_event_per_dated_event() -> None:
    data = export_events(EVENTS, "ics")
    lines = unfolded(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20240501" in lines and "DTEND;VALUE=DATE:20240502" in lines
    assert "DTSTART;VALUE=DATE:20240601" in lines and "DTEND;VALUE=DATE:20240701" in lines
    assert "DTEND;VALUE=DATE:20240101" in lines
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 3
    assert sum(line.startswith("DTSTAMP:") for line in lines) == 3
    assert "SUMMARY:Strike\\, then\\; more\\\\" in lines


def test_ics_lines_are_crlf_and_folded_within_75_octets() -> None:
    data = export_events(EVENTS, "ics")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    data.decode("utf-8")  # folding never splits a multi-byte character
    description = next(line for line in unfolded(data) if line.startswith("DESCRIPTION:") and "Line one" in line)
    assert "\\n" in description and "\n" not in description


@pytest.mark.parametrize("text", ["é" * 100, "a" * 74 + "€" * 10, "x" * 300])
def test_ics_fold_round_trip(text: str) -> None:
    folded = ics_fold(text)
    assert folded.replace("\r\n ", "") == text
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


@pytest.mark.parametrize("fmt", list(EVENT_FORMATS))
def test_every_format_handles_an_empty_frame(fmt: str) -> None:
    assert isinstance(export_events(events_frame(), fmt), bytes)


def test_unknown_formats_are_readable_errors() -> None:
    with pytest.raises(ExportError, match="unknown data format"):
        export_events(EVENTS, "xlsx")
    with pytest.raises(ExportError, match="unknown chart format"):
        export_figure(timeline_figure(EVENTS), "gif")


def test_missing_browser_is_a_readable_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    with pytest.raises(ExportError, match="Chrome or Chromium"):
        export_figure(timeline_figure(EVENTS), "png")


def test_html_is_standalone() -> None:
    page = export_figure(timeline_figure(EVENTS, title="Standalone"), "html").decode("utf-8")
    assert page.lstrip().lower().startswith("<html") and "Standalone" in page
    assert not re.search(r"<script[^>]+src=\"https?://", page)  # plotly.js is embedded, no CDN


@NEEDS_BROWSER
def test_png_decodes_and_is_not_blank() -> None:
    data = export_figure(timeline_figure(EVENTS, title="PNG"), "png")
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG" and image.width >= 1400
    assert ImageStat.Stat(image.convert("L")).stddev[0] > 5
    background = image.convert("RGB").getpixel((5, 5))
    assert background == (255, 255, 255)  # white template, not streamlit's


@NEEDS_BROWSER
def test_svg_is_svg_with_the_title() -> None:
    svg = export_figure(timeline_figure(EVENTS, title="SVG title"), "svg").decode("utf-8")
    assert "<svg" in svg[:500] and "SVG title" in svg


def test_historic_and_clock_dates_keep_their_precision() -> None:
    frame = events_frame([
        {"event_id": "old", "date_start": "0950-01-01", "date_end": "0950-12-31", "granularity": "year"},
        {"event_id": "clock", "date_start": "2019-09-06T04:50:00", "date_end": "2019-09-06T04:50:00",
         "granularity": "time"}])
    records = json.loads(export_events(frame, "json"))
    assert records[0]["date_start"] == "0950-01-01" and records[1]["date_start"] == "2019-09-06T04:50:00"
    slides = json.loads(export_events(frame, "timelinejs"))["events"]
    assert slides[0]["start_date"] == {"year": 950}
    assert slides[1]["start_date"] == {"year": 2019, "month": 9, "day": 6, "hour": 4, "minute": 50}
    lines = unfolded(export_events(frame, "ics"))
    assert "DTSTART;VALUE=DATE:09500101" in lines and "DTEND;VALUE=DATE:09510101" in lines


HOSTILE = ["=cmd|' /C calc'!A0", "+1+cmd|'/C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3",
           '"><img src=x onerror=alert(1)>', "</script><script>alert(2)</script>", "{{7*7}}", "\tX", "N" * 5000]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_are_inert_in_every_export(value: str) -> None:
    frame = events_frame([{"event_id": "e1", "doc_id": value, "title": value, "event_type": value, "summary": value,
                           "trigger": value, "sentence": value, "date_text": value, "location": value,
                           "actors": [value, "UN"], "date_start": "2024-05-01", "date_end": "2024-05-01",
                           "granularity": "day"}])
    row = next(csv.DictReader(io.StringIO(export_events(frame, "csv").decode("utf-8"))))
    for column in ("doc_id", "title", "event_type", "summary", "trigger", "sentence", "date_text", "location"):
        formula = value.startswith(("=", "+", "-", "@", "\t"))
        assert row[column] == ("'" + value if formula else value)  # a spreadsheet shows it as text
    assert row["actors"].startswith("'" if value.startswith(("=", "+", "-", "@", "\t")) else value[:1])
    assert json.loads(export_events(frame, "json"))[0]["summary"] == value  # data formats keep it verbatim
    slide = json.loads(export_events(frame, "timelinejs"))["events"][0]
    for text in (slide["text"]["headline"], slide["text"]["text"], slide["group"]):
        assert "<" not in text and ">" not in text  # TimelineJS renders these as HTML
    ics = unfolded(export_events(frame, "ics"))
    assert ics.count("BEGIN:VEVENT") == 1 and not any(line.startswith(("=", "<")) for line in ics)
    page = export_figure(timeline_figure(frame, title="t"), "html").decode("utf-8")
    assert "<script>alert(2)" not in page and "<img src=x" not in page


def test_timelinejs_document_is_headed_by_what_the_view_shows() -> None:
    document = json.loads(export_events(EVENTS, "timelinejs", title="3 events by actor · Russia"))
    assert document["title"]["text"]["headline"] == "3 events by actor · Russia"
    assert json.loads(export_events(EVENTS, "timelinejs"))["title"]["text"]["headline"] == "Event timeline"


def test_html_page_is_titled_by_the_chart_title_as_text() -> None:
    """The saved page's browser tab names the chart; markup typed in a filter stays text."""
    page = export_figure(timeline_figure(EVENTS, title="Acme <b>bold</b> & co"), "html").decode("utf-8")
    assert "<title>Acme &lt;b&gt;bold&lt;/b&gt; &amp; co</title>" in page
    assert page.index("<title>") < page.index("</head>")
