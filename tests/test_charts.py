"""The timeline figure: rows, markers vs bars, colours, customdata, hover safety, size, template."""
from __future__ import annotations

import html
import json
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from timeline.bench_dashboard import synthetic_events
from timeline.bounds import is_dated
from timeline.charts import (
    HOVER_SENTENCE_CHARS,
    WEBGL_MIN_POINTS,
    GroupBy,
    event_type_colors,
    row_at,
    selected_event_ids,
    timeline_figure,
)
from timeline.filters import NO_ACTOR, EventFilter, filter_events
from timeline.schema import events_frame

EVENTS = events_frame([
    {"event_id": "day", "event_type": "attack", "actors": ["Russia", "Belarus"], "summary": "Strike",
     "date_start": "2024-05-01", "date_end": "2024-05-01", "granularity": "day", "date_text": "May 1"},
    {"event_id": "month", "event_type": "meeting", "actors": ["Ukraine"], "summary": "Talks",
     "date_start": "2024-06-01", "date_end": "2024-06-30", "granularity": "month", "date_text": "in June"},
    {"event_id": "nobody", "event_type": "attack", "actors": [], "summary": "Blast",
     "date_start": "2024-07-03", "date_end": "2024-07-03", "granularity": "day"},
    {"event_id": "undated", "event_type": "meeting", "actors": ["Russia"], "summary": "Some day"},
    {"event_id": "old", "event_type": "battle", "actors": ["Normandy"], "summary": "Hastings",
     "date_start": "1066-10-14", "date_end": "1066-10-14", "granularity": "day"},
])


def marker_points(figure: go.Figure) -> dict[str, list[tuple[str, str]]]:
    """(row, x) of every marker by event id."""
    found: dict[str, list[tuple[str, str]]] = {}
    for trace in figure.data:
        if trace.mode == "markers":
            for event_id, y, x in zip(trace.customdata, trace.y, trace.x):
                found.setdefault(str(event_id), []).append((row_at(figure.layout, y), str(pd.Timestamp(x).date())))
    return found


def test_each_actor_row_and_no_actor_row() -> None:
    points = marker_points(timeline_figure(EVENTS))
    assert sorted(row for row, _ in points["day"]) == ["Belarus", "Russia"]
    assert points["nobody"] == [(NO_ACTOR, "2024-07-03")]
    assert "undated" not in points


def test_day_events_are_markers_and_coarse_dates_are_bars_to_the_day_after() -> None:
    figure = timeline_figure(EVENTS)
    bars = [trace for trace in figure.data if trace.mode == "lines"]
    assert [trace.name for trace in bars] == ["meeting"]
    assert [str(pd.Timestamp(x).date()) for x in bars[0].x if x is not None] == ["2024-06-01", "2024-07-01"]
    assert marker_points(figure)["day"][0][1] == "2024-05-01"
    assert marker_points(figure)["month"] == [("Ukraine", "2024-06-16")]  # marker in the middle of the span


def test_historic_dates_are_drawn() -> None:
    assert marker_points(timeline_figure(EVENTS))["old"] == [("Normandy", "1066-10-14")]


def test_group_by_event_type() -> None:
    figure = timeline_figure(EVENTS, group_by="event_type")
    assert {row for rows in marker_points(figure).values() for row, _ in rows} == {"attack", "meeting", "battle"}
    assert figure.layout.yaxis.title.text == "Event type"


def test_one_legend_entry_per_event_type() -> None:
    figure = timeline_figure(EVENTS)
    assert sorted(trace.name for trace in figure.data if trace.showlegend) == ["attack", "battle", "meeting"]


def test_colours_stay_with_the_event_type_when_filtered() -> None:
    colors = event_type_colors(EVENTS["event_type"].tolist())
    narrowed = filter_events(EVENTS, EventFilter(event_types=("meeting",)))
    for trace in timeline_figure(narrowed, colors=colors).data:
        assert trace.marker.color == colors["meeting"] or trace.line.color == colors["meeting"]


def test_explicit_white_template_title_and_legend_even_after_streamlit_import() -> None:
    import streamlit  # noqa: F401  (it changes plotly's default template)

    figure = timeline_figure(EVENTS, title="My timeline")
    assert figure.layout.template.layout.paper_bgcolor in ("white", "#fff", "#ffffff", "rgb(255,255,255)")
    assert figure.layout.title.text == "My timeline"
    assert figure.layout.showlegend is True


@pytest.mark.parametrize("hostile", ["<script>alert('x')</script>", "<b>bold</b> <img src=x onerror=alert(1)>",
                                     "word " * 2000])
def test_hover_text_is_escaped_and_bounded(hostile: str) -> None:
    frame = events_frame([{"event_id": "h", "summary": hostile, "sentence": hostile, "title": hostile,
                           "date_text": hostile, "actors": [hostile[:40]], "event_type": "x",
                           "date_start": "2024-01-01", "date_end": "2024-01-01", "granularity": "day"}])
    texts = [text for trace in timeline_figure(frame).data if trace.hovertext is not None for text in trace.hovertext]
    assert len(texts) == 1
    assert "<script" not in texts[0] and "<img" not in texts[0] and "<b>bold" not in texts[0]
    assert len(texts[0]) < 4 * HOVER_SENTENCE_CHARS


def test_empty_frame_gives_a_message_not_an_error() -> None:
    figure = timeline_figure(events_frame(), title="Nothing")
    assert not figure.data
    assert "No dated events" in figure.layout.annotations[0].text


def test_large_frame_uses_few_webgl_traces_and_keeps_every_event() -> None:
    frame = synthetic_events(10_000)
    figure = timeline_figure(frame)
    types = frame["event_type"].nunique()
    # bars, their midpoints, day markers, "before" and "after" triangles and their lines; + the top axis's trace
    assert len(figure.data) <= 6 * types + 1
    assert all(isinstance(trace, go.Scattergl) for trace in figure.data)
    plotted = {str(event_id) for trace in figure.data if trace.mode == "markers" for event_id in trace.customdata}
    assert plotted == set(frame.loc[is_dated(frame), "event_id"])


def test_small_frame_uses_svg_traces() -> None:
    assert len(EVENTS) < WEBGL_MIN_POINTS
    assert all(isinstance(trace, go.Scatter) for trace in timeline_figure(EVENTS).data)


def test_height_grows_with_rows_but_is_capped() -> None:
    few = timeline_figure(EVENTS).layout.height
    many = timeline_figure(synthetic_events(2000, actors=400)).layout.height
    assert few < many <= 3000


def test_selection_maps_back_to_event_ids() -> None:
    state = {"selection": {"points": [{"customdata": "month", "x": 1}, {"customdata": ["day"]},
                                      {"customdata": "month"}], "point_indices": [0, 1, 2]}}
    assert selected_event_ids(state) == ["month", "day"]
    assert selected_event_ids({"selection": {"points": []}}) == []
    assert selected_event_ids("garbage") == []


def test_customdata_is_the_event_id_for_every_marker() -> None:
    figure = timeline_figure(EVENTS)
    ids = [str(value) for trace in figure.data if trace.mode == "markers" for value in trace.customdata]
    assert sorted(set(ids)) == ["day", "month", "nobody", "old"]
    assert np.all([trace.hoverinfo == "skip" for trace in figure.data if trace.mode == "lines"])


def test_short_bars_are_drawn_over_long_ones() -> None:
    frame = events_frame([
        {"event_id": "week", "event_type": "t", "actors": ["A"], "date_start": "2024-03-04", "date_end": "2024-03-10",
         "granularity": "week"},
        {"event_id": "year", "event_type": "t", "actors": ["A"], "date_start": "2024-01-01", "date_end": "2024-12-31",
         "granularity": "year"}])
    bars = next(trace for trace in timeline_figure(frame).data if trace.mode == "lines")
    assert [str(pd.Timestamp(x).date()) for x in bars.x if x is not None][::2] == ["2024-01-01", "2024-03-04"]


def test_overlapping_events_of_one_row_get_lanes_and_others_share_the_row_line() -> None:
    same_day = [{"event_id": f"d{n}", "event_type": "attack", "actors": ["X"], "date_start": "2024-03-05",
                 "date_end": "2024-03-05", "granularity": "day"} for n in range(3)]
    later = {"event_id": "later", "event_type": "attack", "actors": ["X"], "date_start": "2024-04-01",
             "date_end": "2024-04-01", "granularity": "day"}
    other = {"event_id": "other", "event_type": "attack", "actors": ["Y"], "date_start": "2024-03-05",
             "date_end": "2024-03-05", "granularity": "day"}
    figure = timeline_figure(events_frame([*same_day, later, other]))
    ys = {str(event_id): y for trace in figure.data if trace.mode == "markers"
          for event_id, y in zip(trace.customdata, trace.y)}
    assert len({ys["d0"], ys["d1"], ys["d2"]}) == 3  # none hides another
    assert ys["later"] in {ys["d0"], ys["d1"], ys["d2"]}  # a free lane is reused
    assert {row_at(figure.layout, ys[e]) for e in ("d0", "d1", "d2", "later")} == {"X"}
    assert row_at(figure.layout, ys["other"]) == "Y"
    assert max(ys["d0"], ys["d1"], ys["d2"]) < ys["other"]  # the busiest row first, its lanes inside it


@pytest.mark.parametrize("group_by", ["actor", "event_type"])
def test_row_labels_are_escaped_and_short_but_rows_keep_their_names(group_by: GroupBy) -> None:
    hostile = '"><img src=x onerror=alert(1)> ' + "Very Long Name " * 300
    frame = events_frame([{"event_id": "h", "summary": "s", "actors": [hostile], "event_type": hostile,
                           "date_start": "2024-01-01", "date_end": "2024-01-01", "granularity": "day"}])
    figure = timeline_figure(frame, group_by=group_by)
    labels = list(figure.layout.yaxis.ticktext)
    assert len(labels) == 1 and "<img" not in labels[0] and len(labels[0]) < 80  # the plot keeps its width
    assert row_at(figure.layout, float(figure.layout.yaxis.tickvals[0])) == hostile


def test_hover_says_the_date_the_event_is_drawn_at_not_only_the_words() -> None:
    """'Friday' or 'early August' alone does not tell a reader which day the marker stands for."""
    frame = events_frame([
        {"event_id": "d", "summary": "Talks", "date_text": "Friday", "date_start": "2025-12-12",
         "date_end": "2025-12-12", "granularity": "day", "date_source": "text", "actors": ["X"]},
        {"event_id": "m", "summary": "Deployment", "date_text": "early August", "date_start": "2025-08-01",
         "date_end": "2025-08-10", "granularity": "month", "modifier": "START", "date_source": "inferred"}])
    hover = {str(event_id): str(text) for trace in timeline_figure(frame).data if trace.hovertext is not None
             for event_id, text in zip(trace.customdata, trace.hovertext)}
    assert "2025-12-12 · “Friday”" in hover["d"] and "date in the text" in hover["d"]
    assert "2025-08-01 – 2025-08-10 · “early August”" in hover["m"] and "inferred" in hover["m"]


def test_a_short_chart_is_still_as_tall_as_its_legend() -> None:
    """One actor's row with 18 event types: before, the 360-pixel chart cut its legend off in PNG/SVG exports."""
    events = synthetic_events(400, actors=3, event_types=20)
    shown = filter_events(events, EventFilter(actors=("Actor 01",)))
    shown = shown[shown["actors"].map(len) == 1]
    figure = timeline_figure(shown)
    types = shown.dropna(subset=["date_start"])["event_type"].nunique()
    assert types >= 15
    assert figure.layout.legend.tracegroupgap == 0  # one legend group per type: no gap between entries
    assert figure.layout.height >= 130 + 22 * types


#: JSON of four figures drawn by the chart code of the previous release from a 30-event synthetic frame (by
#: actor with a chosen actor first, by event type, WebGL with a given colour, empty), template left out.
FIGURES_JSON = Path(__file__).parent / "golden" / "charts" / "timeline_figures.json"


def test_figures_are_the_same_as_the_previous_release_drew(monkeypatch: pytest.MonkeyPatch) -> None:
    """Speed work on the chart (plain dicts, one Figure call) must not change what is drawn: every trace and the
    layout as Plotly serialises them for the browser."""
    import plotly.io as pio

    from timeline import charts

    # events with both dates (and undated ones): drawing the open-ended ones must leave these as they were
    frame = synthetic_events(30, seed=3, actors=6, event_types=4, open_ended=False)
    figures = {"actor": lambda: timeline_figure(frame, title="T", first_rows=["Actor 02"]),
               "event_type": lambda: timeline_figure(frame, group_by="event_type"),
               "empty": lambda: timeline_figure(frame.iloc[:0], title="none")}
    expected = json.loads(FIGURES_JSON.read_text(encoding="utf-8"))
    template = json.loads(pio.to_json(go.Figure(layout={"template": "plotly_white"})))["layout"]["template"]
    for name, draw in figures.items():
        drawn = json.loads(pio.to_json(draw(), validate=False))
        assert drawn["layout"].pop("template") == template
        assert drawn == expected[name], name
    monkeypatch.setattr(charts, "WEBGL_MIN_POINTS", 10)
    drawn = json.loads(pio.to_json(timeline_figure(frame, colors={"type_1": "#000000"}), validate=False))
    drawn["layout"].pop("template")
    assert drawn == expected["webgl"]


def test_a_tall_chart_repeats_the_date_axis_on_top_and_a_short_one_does_not() -> None:
    """A journalist reading the top rows of a 60-actor chart (or its PNG) sees the dates without scrolling."""
    frame = synthetic_events(600, actors=80)
    tall = timeline_figure(frame)
    assert tall.layout.height >= 900
    assert tall.layout.xaxis2.side == "top" and tall.layout.xaxis2.matches == "x"
    assert tall.layout.xaxis2.tickmode == "auto"  # Streamlit's plotly.js "sync" labelled the 1980 tick "1979"
    axis_traces = [trace for trace in tall.data if trace.xaxis == "x2"]
    assert len(axis_traces) == 1 and len(axis_traces[0].x) == 0 and axis_traces[0].showlegend is False
    plotted = {str(event_id) for trace in tall.data if trace.mode == "markers" for event_id in trace.customdata}
    assert plotted == set(frame.loc[is_dated(frame), "event_id"])  # the axis trace adds no point
    short = timeline_figure(EVENTS)
    assert "xaxis2" not in short.layout.to_plotly_json()
    assert all(trace.xaxis in (None, "x") for trace in short.data)


@pytest.mark.parametrize("title", ["<b>Acme</b> · <br>", "Acme</i > Inc. · %{x} · {{7*7}} · %s", "</script><script>x()"])
def test_chart_title_naming_the_filters_is_shown_as_text(title: str) -> None:
    """The title names chosen actors and typed words; Plotly reads <b>, <i>, <br> in a title as markup."""
    frame = events_frame([{"event_id": "h", "summary": "s", "actors": ["A"], "event_type": "x",
                           "date_start": "2024-01-01", "date_end": "2024-01-01", "granularity": "day"}])
    for figure in (timeline_figure(frame, title=title), timeline_figure(events_frame(), title=title)):
        shown = figure.layout.title.text
        assert "<" not in shown and ">" not in shown
        assert html.unescape(shown) == title


def _days_with_one_outlier(outlier: str, count: int = 30) -> pd.DataFrame:
    """``count`` events over ten days of March 2008 and one more event at ``outlier``."""
    rows = [{"event_id": f"e{index}", "event_type": "statement", "actors": ["Acme"],
             "date_start": f"2008-03-{1 + index % 10:02d}", "date_end": f"2008-03-{1 + index % 10:02d}",
             "granularity": "day"} for index in range(count)]
    rows.append({"event_id": "outlier", "event_type": "other", "actors": ["Acme"], "date_start": outlier,
                 "date_end": outlier, "granularity": "day"})
    return events_frame(rows)


@pytest.mark.parametrize("outlier, word", [("1000-01-01", "earlier"), ("2031-06-01", "later")])
def test_a_far_outlying_event_does_not_squeeze_the_others_into_a_sliver(outlier: str, word: str) -> None:
    """One '11th century' event among a month's news: the first view shows the month, the axis title says what is
    left out and the range slider still reaches it."""
    figure = timeline_figure(_days_with_one_outlier(outlier))
    start, end = (pd.Timestamp(value) for value in figure.layout.xaxis.range)
    assert pd.Timestamp("2008-02-20") < start <= pd.Timestamp("2008-03-01")
    assert pd.Timestamp("2008-03-10") <= end < pd.Timestamp("2008-03-25")
    assert f"1 {word} event ({outlier[:4]}) is outside this view" in figure.layout.xaxis.title.text
    assert figure.layout.xaxis.rangeslider.visible


@pytest.mark.parametrize("outlier", ["2007-11-01", "2008-03-05"])
def test_events_close_enough_to_the_others_stay_in_the_first_view(outlier: str) -> None:
    """Background a few months before the news is not hidden: only far outliers leave the first view."""
    figure = timeline_figure(_days_with_one_outlier(outlier))
    assert figure.layout.xaxis.range is None
    assert figure.layout.xaxis.title.text == "Date"


def test_few_events_are_all_shown_however_far_apart() -> None:
    """Below 20 dated events none is an outlier: each is a large share of the story."""
    figure = timeline_figure(_days_with_one_outlier("1000-01-01", count=10))
    assert figure.layout.xaxis.range is None


def _lab(color: str) -> tuple[float, float, float]:
    """CIE L*a*b* of a "#RRGGBB" colour (D65), for colour differences as the eye sees them."""
    def linear(channel: int) -> float:
        value = channel / 255
        return ((value + 0.055) / 1.055) ** 2.4 if value > 0.04045 else value / 12.92
    red, green, blue = (linear(int(color[index:index + 2], 16)) for index in (1, 3, 5))
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_the_first_twenty_event_types_get_colours_told_apart() -> None:
    """A corpus with 15-20 event types gave 'deployment' and 'report' two pinks, 'statement' and 'arrival' two
    reds: every pair of the first 20 colours differs at least as much as the closest pair of Plotly's ten."""
    colors = list(event_type_colors([f"type {index:02d}" for index in range(20)]).values())
    assert len(set(colors)) == 20
    closest = min(float(np.linalg.norm(np.subtract(_lab(a), _lab(b))))
                  for index, a in enumerate(colors) for b in colors[index + 1:])
    assert closest >= 20, closest
