"""Events known only by a bound ("before 1993", "after the war") are drawn, counted, filtered and exported as
open-ended intervals; events with both dates (and undated ones) are unchanged."""
from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from timeline.bounds import bound_phrases, is_dated, open_sides
from timeline.charts import OPEN_NOTE, OPEN_SYMBOLS, plotted_points, timeline_figure
from timeline.exports import export_events, timelinejs_document
from timeline.filters import EventFilter, event_counts, filter_events
from timeline.schema import events_frame
from timeline.views import date_bounds, event_table, evidence_caption

BEFORE_1993: dict[str, Any] = {"event_id": "b", "doc_id": "d", "summary": "Plant closed", "event_type": "other",
                               "date_end": "1992-12-31", "modifier": "BEFORE", "granularity": "day",
                               "actors": ["Acme"]}
AFTER_1948: dict[str, Any] = {"event_id": "a", "doc_id": "d", "summary": "Rebels hold the town", "event_type": "other",
                              "date_start": "1949-01-01", "modifier": "AFTER", "granularity": "year",
                              "actors": ["Rebels"]}
DAY: dict[str, Any] = {"event_id": "p", "doc_id": "d", "summary": "Talks held", "event_type": "meeting",
                       "date_start": "2024-05-01", "date_end": "2024-05-01", "granularity": "day", "actors": ["X"]}
MONTH: dict[str, Any] = {"event_id": "m", "doc_id": "d", "summary": "Strike", "event_type": "protest/strike",
                         "date_start": "2024-08-01", "date_end": "2024-08-31", "granularity": "month"}
UNDATED: dict[str, Any] = {"event_id": "u", "doc_id": "d", "summary": "Something"}


@pytest.mark.parametrize("row, side, phrase, dated", [
    (BEFORE_1993, "before", "before 1 January 1993", True),
    (AFTER_1948, "after", "after 1948", True),
    ({**BEFORE_1993, "granularity": "month", "date_end": "1990-07-31"}, "before", "before August 1990", True),
    ({**BEFORE_1993, "granularity": "year", "date_end": "2018-12-31"}, "before", "before 2019", True),  # last day
    ({**BEFORE_1993, "granularity": "year", "date_end": "1974-12-31"}, "before", "before 1975", True),  # "until 1974"
    ({**AFTER_1948, "date_start": "2004-01-01"}, "after", "after 2003", True),  # "since 2004": its first day
    ({**BEFORE_1993, "granularity": "year", "date_end": "2019-06-10"}, "before", "before 11 June 2019", True),
    # must not: a bound inside a year is said by the day, not as "before 2019"
    (DAY, "", "", True),  # must not: a day event has no bound phrase
    (MONTH, "", "", True),  # must not: a closed month is not open-ended
    (UNDATED, "", "", False),  # must not: undated stays undated
])
def test_open_sides_and_their_words(row: dict[str, Any], side: str, phrase: str, dated: bool) -> None:
    frame = events_frame([row])
    assert open_sides(frame).tolist() == [side]
    assert bound_phrases(frame) == [phrase]
    assert is_dated(frame).tolist() == [dated]


@pytest.mark.parametrize("row, symbol, is_point", [
    (BEFORE_1993, OPEN_SYMBOLS["before"], True),
    (AFTER_1948, OPEN_SYMBOLS["after"], True),
    (DAY, "circle", True),  # must not: a day event stays a circle, with no open line
    (MONTH, "diamond", False),  # must not: a month stays a bar with a diamond
])
def test_chart_draws_a_bound_as_a_triangle_pointing_to_the_open_side(row: dict[str, Any], symbol: str,
                                                                      is_point: bool) -> None:
    frame = events_frame([row, {**DAY, "event_id": "other", "date_start": "2025-01-01", "date_end": "2025-01-01"}])
    points = plotted_points(frame)
    mine = points[points["event_id"] == row["event_id"]].iloc[0]
    assert bool(mine["is_point"]) is is_point
    figure = timeline_figure(frame)
    symbols = {str(symbol) for trace in figure.data if trace.mode == "markers" and trace.customdata is not None
               for event_id, symbol in zip(trace.customdata, np.broadcast_to(trace.marker.symbol, len(trace.customdata)))
               if event_id == row["event_id"]}
    assert symbols == {symbol}
    dotted = [trace for trace in figure.data if trace.mode == "lines" and trace.line.dash == "dot"]
    assert bool(dotted) is (symbol.startswith("triangle"))
    assert (OPEN_NOTE in figure.layout.legend.title.text) is symbol.startswith("triangle")


def test_open_lines_run_from_the_bound_to_the_edge_of_the_chart() -> None:
    frame = events_frame([BEFORE_1993, {**AFTER_1948, "date_start": "2000-06-01", "granularity": "day"}, DAY])
    figure = timeline_figure(frame)
    (dotted,) = [trace for trace in figure.data if trace.mode == "lines" and trace.line.dash == "dot"]
    segments = [(str(dotted.x[index])[:10], str(dotted.x[index + 1])[:10]) for index in range(0, len(dotted.x), 3)]
    # the earliest event is "before 1993": its line still starts left of it, beyond the first day of the chart
    assert segments[0][1] == "1992-12-31" and segments[0][0] < "1992-12-31"
    assert segments[1][0] == "2000-06-01" and segments[1][1] > "2024-05-02"  # after: beyond the last day


@pytest.mark.parametrize("rows, legend_symbol", [
    ([BEFORE_1993, AFTER_1948], "circle"),  # only triangles: the legend still shows a circle, on no drawn point
    ([BEFORE_1993, {**DAY, "event_type": "other"}], "circle"),  # must not: a day marker carries it as before
    ([BEFORE_1993, {**MONTH, "event_type": "other"}], "diamond"),  # must not: a bar's diamond as before
])
def test_legend_of_a_type_never_shows_a_triangle(rows: list[dict[str, Any]], legend_symbol: str) -> None:
    figure = timeline_figure(events_frame(rows))
    (entry,) = [trace for trace in figure.data if trace.showlegend]
    assert entry.marker.symbol == legend_symbol
    drawn = [trace for trace in figure.data if trace.mode == "markers" and trace.customdata is not None]
    assert {str(event_id) for trace in drawn for event_id in trace.customdata} == {row["event_id"] for row in rows}


def test_hover_says_the_bound_in_words() -> None:
    points = plotted_points(events_frame([BEFORE_1993, DAY]))
    assert "before 1 January 1993" in points.loc[points["event_id"] == "b", "hover"].iat[0]
    assert "before" not in points.loc[points["event_id"] == "p", "hover"].iat[0]


@pytest.mark.parametrize("date_from, date_to, kept", [
    (dt.date(1990, 1, 1), dt.date(1990, 12, 31), {"b", "a"}),  # before 1993 and after 1948 can both be in 1990
    (dt.date(1995, 1, 1), None, {"a", "p"}),  # nothing before 1993 can be after 1995
    (None, dt.date(1947, 12, 31), {"b"}),  # nothing after 1948 can be in 1947
    (dt.date(2024, 5, 2), dt.date(2024, 5, 31), {"a"}),  # must not: the day event outside the range is dropped
    (dt.date(2024, 5, 1), dt.date(2024, 5, 1), {"a", "p"}),
])
def test_date_range_keeps_open_events_whose_possible_interval_overlaps(date_from: dt.date | None,
                                                                        date_to: dt.date | None,
                                                                        kept: set[str]) -> None:
    frame = events_frame([BEFORE_1993, AFTER_1948, DAY, UNDATED])
    spec = EventFilter(date_from=date_from, date_to=date_to, include_undated=False)
    assert set(filter_events(frame, spec)["event_id"]) == kept


def test_open_events_count_as_dated() -> None:
    counts = event_counts(events_frame([BEFORE_1993, AFTER_1948, DAY, UNDATED]))
    assert (counts["dated"], counts["open_ended"], counts["undated"]) == (3, 2, 1)


@pytest.mark.parametrize("row, start, display, has_end", [
    (BEFORE_1993, {"year": 1992, "month": 12, "day": 31}, "Before 1 January 1993", False),
    (AFTER_1948, {"year": 1949}, "After 1948", False),
    (DAY, {"year": 2024, "month": 5, "day": 1}, None, False),  # must not: a day event gets no display_date
    (MONTH, {"year": 2024, "month": 8}, None, True),
])
def test_timelinejs_puts_a_bound_at_its_day_and_says_before_or_after(row: dict[str, Any], start: dict[str, int],
                                                                     display: str | None, has_end: bool) -> None:
    (slide,) = timelinejs_document(events_frame([row]))["events"]
    assert slide["start_date"] == start
    assert slide.get("display_date") == display
    assert ("end_date" in slide) is has_end
    assert slide["text"]["text"].startswith(f"<p><i>{display}") is bool(display)


@pytest.mark.parametrize("row, dtstart, dtend, summary", [
    (BEFORE_1993, "19921231", "19930101", "Before: Plant closed"),
    (AFTER_1948, "19490101", "19490102", "After: Rebels hold the town"),
    (DAY, "20240501", "20240502", "Talks held"),  # must not: a day event keeps its plain summary
    (MONTH, "20240801", "20240901", "Strike"),
])
def test_icalendar_puts_a_bound_on_its_day_with_a_before_or_after_summary(row: dict[str, Any], dtstart: str,
                                                                          dtend: str, summary: str) -> None:
    lines = export_events(events_frame([row]), "ics").decode().split("\r\n")
    assert f"DTSTART;VALUE=DATE:{dtstart}" in lines and f"DTEND;VALUE=DATE:{dtend}" in lines
    assert f"SUMMARY:{summary}" in lines


def test_csv_and_json_keep_the_open_side_empty() -> None:
    frame = events_frame([BEFORE_1993, AFTER_1948])
    text = export_events(frame, "csv").decode()
    assert ",,1992-12-31," in text and ",1949-01-01,," in text
    records = export_events(frame, "jsonl").decode()
    assert '"date_start": null, "date_end": "1992-12-31"' in records


def test_table_sorts_an_open_event_at_its_bound_and_the_date_range_widget_reaches_it() -> None:
    frame = events_frame([DAY, UNDATED, BEFORE_1993, {**AFTER_1948, "date_start": "2000-06-01"}])
    assert event_table(frame)["event_id"].tolist() == ["b", "a", "p", "u"]  # undated last, as before
    assert date_bounds(frame) == (dt.date(1992, 12, 31), dt.date(2024, 5, 1))
    assert date_bounds(events_frame([DAY, UNDATED])) == (dt.date(2024, 5, 1), dt.date(2024, 5, 1))  # must not move


def test_evidence_caption_says_the_bound() -> None:
    assert evidence_caption(events_frame([AFTER_1948])).startswith("after 1948 · year")
    assert evidence_caption(events_frame([DAY])).startswith("2024-05-01 · day")  # must not: a day stays ISO
