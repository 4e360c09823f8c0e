"""The timeline chart: one row per actor (or event type), day events as markers, uncertain dates as bars.

The figure uses at most six traces per event type (bars, day markers, span midpoints, the "before" and the "after"
triangles of events known only by a bound and their dotted lines; never one per event; one symbol per trace, as
Plotly checks an array of symbols one by one: 0.5 s for 10,000 events),
WebGL when the frame is large, so tens of thousands of events stay responsive. Every marker carries its
``event_id`` in ``customdata`` so that a click can be mapped back to the event. Events of one row whose dates
overlap are drawn in lanes side by side (``timeline.lanes``), so that none hides another; the y axis is numeric
with one tick (the row's name) per row: :func:`row_at` maps a y back to its row.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from timeline.bounds import AFTER, BEFORE, bound_days, bound_phrases, is_dated, open_sides
from timeline.filters import NO_ACTOR
from timeline.lanes import assign_lanes, lane_offsets

GroupBy = Literal["actor", "event_type"]
#: Row label for events without an event type.
NO_TYPE = "(no type)"
#: Above this many plotted points the chart switches to WebGL traces.
WEBGL_MIN_POINTS = 1500
#: Longest summary and sentence shown in a hover box (characters, before escaping).
HOVER_SUMMARY_CHARS = 160
HOVER_SENTENCE_CHARS = 360
HOVER_LINE_CHARS = 80
#: Row labels (actor names, event types) are shortened to this on the axis; layout.meta["rows"] keeps them whole.
ROW_LABEL_CHARS = 48
#: Most named rows the chart draws: beyond them the least frequent rows are merged into one "(N other actors)"
#: row above "(no actor)" (800 actors in 3000 pixels are unreadable labels drawn over each other).
MAX_CHART_ROWS = 60
#: Height of one chart row (one lane) in pixels.
ROW_PIXELS = 28
#: Height of one legend entry (one event type) in pixels.
LEGEND_ENTRY_PIXELS = 22
#: A chart at least this tall (pixels) repeats its date axis above the plot: the bottom axis of a 90-actor chart is
#: a screen or a printed page away from the top rows.
TOP_AXIS_MIN_HEIGHT = 900
#: Colours of Plotly's Dark24 that stand apart from the ten Plotly colours and from each other: Dark24 in its own
#: order gave the 12th to 15th event types near twins of the 7th, 2nd, 9th ("deployment" and "report" both pink).
_DISTINCT_DARK = ("#222A2A", "#B68100", "#750D86", "#6C7C32", "#0D2A63", "#AF0038", "#778AAE", "#862A16",
                  "#B2828D", "#00A08B")
#: Colours given to event types in order (the first 20 are told apart; 34 in all).
PALETTE: tuple[str, ...] = tuple(qualitative.Plotly) + _DISTINCT_DARK + tuple(
    color for color in qualitative.Dark24 if color not in _DISTINCT_DARK)
_ONE_DAY = np.timedelta64(1, "D")
_WRAP = re.compile(rf"(.{{1,{HOVER_LINE_CHARS}}})(?:\s+|$)")


def event_type_colors(event_types: Sequence[str]) -> dict[str, str]:
    """A stable colour per event type (sorted names, palette order); compute it on the unfiltered frame.

    Blank types are coloured as :data:`NO_TYPE`, the row name the chart gives them.

    >>> event_type_colors(["meeting", "attack", "attack", ""])
    {'(no type)': '#636EFA', 'attack': '#EF553B', 'meeting': '#00CC96'}
    """
    names = sorted({str(name) if isinstance(name, str) and name else NO_TYPE for name in event_types})
    return {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(names)}


def hover_safe(text: object, limit: int, wrap: bool = False) -> str:
    """Text made safe for a Plotly hover box: whitespace collapsed, truncated, HTML-escaped, wrapped with ``<br>``.

    >>> hover_safe("<script>alert(1)</script>", 8), hover_safe("a" * 10, 8), hover_safe(None, 8)
    ('&lt;script…', 'aaaaaaa…', '')
    """
    value = " ".join(text.split()) if isinstance(text, str) else ""
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    if wrap and len(value) > HOVER_LINE_CHARS:
        return "<br>".join(html.escape(line, quote=False) for line in _WRAP.findall(value))
    return html.escape(value, quote=False)


#: How the hover box says where a date came from (``date_source`` values).
DATE_SOURCE_WORDS: dict[str, str] = {"text": "date in the text", "dct": "date of publication",
                                     "inferred": "date inferred from nearby sentences", "none": "undated"}


def date_labels(frame: pd.DataFrame) -> list[str]:
    """The calendar date(s) each event is placed at, as the chart's x axis shows them: one ISO day, the first
    and last day of what is known ("2025-08-01 – 2025-08-10"), the bound of an open-ended event ("before
    1 January 1993", :func:`timeline.bounds.bound_phrases`); "" for undated events.

    >>> from timeline.schema import events_frame
    >>> date_labels(events_frame([{"date_start": "2025-12-12", "date_end": "2025-12-12"},
    ...                           {"date_start": "2025-08-01", "date_end": "2025-08-31"}, {},
    ...                           {"date_end": "1992-12-31", "granularity": "day"}]))
    ['2025-12-12', '2025-08-01 – 2025-08-31', '', 'before 1 January 1993']
    """
    first_days, last_days = bound_days(frame)
    first = np.datetime_as_string(first_days, unit="D")
    last = np.datetime_as_string(last_days, unit="D")
    labels = [("" if day == "NaT" else str(day) if day == other else f"{day} – {other}") for day, other in zip(first, last)]
    return [phrase or label for phrase, label in zip(bound_phrases(frame), labels)]


def _hover_texts(frame: pd.DataFrame) -> list[str]:
    """One hover box per event: summary; its date on the axis, date text, granularity and source; actors, title,
    source sentence. Each part is made safe once per distinct value (titles, actors, dates repeat)."""
    def column(name: str) -> list[Any]:
        return frame[name].astype(object).where(frame[name].notna(), "").tolist()

    def lines(values: Iterable[object], limit: int = HOVER_LINE_CHARS, wrap: bool = False, before: str = "",
              after: str = "<br>") -> list[str]:
        done: dict[str, str] = {}
        out = []
        for value in values:
            key = value if isinstance(value, str) else ""  # hover_safe gives "" for anything else
            if key not in done:
                safe = hover_safe(key, limit, wrap)
                done[key] = before + safe + after if safe else ""
            out.append(done[key])
        return out

    whens = (" · ".join(part for part in (when, f"“{date_text}”" if date_text else "") if part)
             for when, date_text in zip(date_labels(frame), column("date_text")))
    details = (", ".join(part for part in (granularity, modifier, DATE_SOURCE_WORDS.get(source, source)) if part)
               for granularity, modifier, source in zip(column("granularity"), column("modifier"),
                                                        column("date_source")))
    parts = (lines(column("summary"), HOVER_SUMMARY_CHARS, wrap=True, before="<b>", after="</b><br>"),
             lines(whens, after=" "), lines(details, before="<i>(", after=")</i><br>"),
             lines(", ".join(actors) for actors in column("actors")), lines(column("title"), before="<i>", after="</i><br>"),
             lines(column("sentence"), HOVER_SENTENCE_CHARS, wrap=True, after=""))
    return ["".join(texts) for texts in zip(*parts)]


def plotted_points(frame: pd.DataFrame, group_by: GroupBy = "actor") -> pd.DataFrame:
    """The chart's points: one per dated event and row (an event naming two actors is on both rows).

    Columns: ``row``, ``event_id``, ``event_type``, ``start``, ``end`` (exclusive), ``is_point``, ``open``
    ("before"/"after" for an event known only by a bound, drawn as a point at the bound day; "" otherwise),
    ``hover``.

    >>> from timeline.schema import events_frame
    >>> events = events_frame([{"event_id": "a", "actors": ["X", "Y"], "date_start": "2024-01-01",
    ...                         "date_end": "2024-01-31", "granularity": "month"}, {"event_id": "b"},
    ...                        {"event_id": "c", "date_end": "1993-01-01", "granularity": "year"}])
    >>> plotted_points(events)[["row", "event_id", "is_point", "open"]].values.tolist()
    [['X', 'a', False, ''], ['Y', 'a', False, ''], ['(no actor)', 'c', True, 'before']]
    """
    dated = frame[is_dated(frame)]
    start, last = bound_days(dated)
    sides = open_sides(dated).to_numpy()
    points = pd.DataFrame({
        "event_id": dated["event_id"].to_numpy(),
        "event_type": dated["event_type"].fillna("").replace("", NO_TYPE).to_numpy(),
        "start": start,
        "end": last + _ONE_DAY,
        "is_point": (last == start) | dated["granularity"].isin(["day", "time"]).to_numpy() | (sides != ""),
        "open": sides,
        "hover": _hover_texts(dated),
    }, index=dated.index)
    if group_by == "actor":
        rows = dated["actors"].map(lambda names: list(dict.fromkeys(names)) or [NO_ACTOR]).explode()
        points = points.loc[rows.index]
        points.insert(0, "row", rows.astype(str).to_numpy())
    else:
        points.insert(0, "row", points["event_type"])
    return points.reset_index(drop=True)


def row_order(points: pd.DataFrame, first: Sequence[str] = ()) -> list[str]:
    """The chart's rows top to bottom: the ``first`` ones (the actors the user chose) in their order, then the
    others with the most events first (ties by name), and the rows of events without actor or type last.

    >>> points = pd.DataFrame({"row": [NO_ACTOR, NO_ACTOR, NO_ACTOR, "Chad", "Chad", "Mali"]})
    >>> row_order(points), row_order(points, first=["Mali"])
    (['Chad', 'Mali', '(no actor)'], ['Mali', 'Chad', '(no actor)'])
    """
    counts = points["row"].value_counts()
    pinned = [row for row in dict.fromkeys(first) if row in counts.index]
    rest = sorted((row for row in counts.index if row not in pinned),
                  key=lambda row: (row in (NO_ACTOR, NO_TYPE), -counts[row], str(row).casefold()))
    return pinned + rest


def other_rows_label(count: int, group_by: GroupBy = "actor") -> str:
    """The name of the row that holds the events of the ``count`` rows beyond :data:`MAX_CHART_ROWS`.

    >>> other_rows_label(716), other_rows_label(1, "event_type")
    ('(716 other actors)', '(1 other event type)')
    """
    noun = "actor" if group_by == "actor" else "event type"
    return f"({count:,} other {noun}{'' if count == 1 else 's'})"


def merge_rare_rows(points: pd.DataFrame, order: list[str], group_by: GroupBy = "actor",
                    limit: int = MAX_CHART_ROWS) -> tuple[pd.DataFrame, list[str]]:
    """Keep the first ``limit`` named rows of ``order`` (the chosen actors, then the most frequent) and draw the
    events of the others on one row "(N other actors)" before the "(no actor)" row (an event is drawn once there,
    however many of its actors are merged); the hover box still names every actor.

    >>> points = pd.DataFrame({"row": ["A", "B", "C", "C", NO_ACTOR], "event_id": ["1", "2", "2", "3", "4"]})
    >>> merged, rows = merge_rare_rows(points, ["C", "A", "B", NO_ACTOR], limit=1)
    >>> rows, merged["row"].tolist()
    (['C', '(2 other actors)', '(no actor)'], ['(2 other actors)', '(2 other actors)', 'C', 'C', '(no actor)'])
    """
    unnamed = [row for row in order if row in (NO_ACTOR, NO_TYPE)]
    named = [row for row in order if row not in (NO_ACTOR, NO_TYPE)]
    if len(named) <= limit:
        return points, order
    other = other_rows_label(len(named) - limit, group_by)
    rare = points["row"].isin(named[limit:])
    merged = points.assign(row=points["row"].where(~rare, other))
    merged = merged[~(rare & merged.duplicated(["row", "event_id"]))].reset_index(drop=True)
    return merged, named[:limit] + [other] + unnamed


def _iso(dates: pd.Series) -> np.ndarray:
    """Dates as ISO strings (any year, unlike Python datetimes)."""
    return np.datetime_as_string(dates.to_numpy(dtype="datetime64[s]"), unit="s")


def _bar_path(bars: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """x/y of a line trace drawing each bar as a segment start..end, separated by gaps (later bars on top)."""
    xs = np.empty(len(bars) * 3, dtype=object)
    ys = np.empty(len(bars) * 3, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = _iso(bars["start"]), _iso(bars["end"]), None
    ys[0::3], ys[1::3], ys[2::3] = bars["y"].to_numpy(), bars["y"].to_numpy(), None
    return xs, ys


def _with_lanes(points: pd.DataFrame, order: list[str]) -> tuple[pd.DataFrame, np.ndarray, float]:
    """The points with their ``y`` (row and lane), each row's centre and the total height in row units."""
    codes = points["row"].map({row: index for index, row in enumerate(order)}).to_numpy(dtype=np.int64)
    lanes = assign_lanes(codes, points["start"].to_numpy(), points["end"].to_numpy())
    ys, centres, height = lane_offsets(codes, lanes, len(order))
    return points.assign(y=ys), centres, height


#: Opacity of the dotted line that runs from an open-ended event's bound to the edge of the chart.
OPEN_LINE_OPACITY = 0.3
#: The lines of open-ended events reach this share of the chart's span beyond its first and last event.
OPEN_LINE_PAD = 0.04
#: Marker symbols of events known only by a bound: pointing to the open side.
OPEN_SYMBOLS: dict[str, str] = {BEFORE: "triangle-left", AFTER: "triangle-right"}
#: The legend note that says what the triangles mean (shown when the chart has any).
OPEN_NOTE = "◀ before / ▶ after:<br>only this bound is known"


def _open_edges(points: pd.DataFrame, view: Mapping[str, Any]) -> tuple[np.datetime64, np.datetime64]:
    """Where the lines of open-ended events end: a little beyond the first and last day of the chart's points (so
    that the earliest "before" event still shows its line), or the first view's edges when they are further."""
    first = points["start"].to_numpy(dtype="datetime64[s]").min()
    last = points["end"].to_numpy(dtype="datetime64[s]").max()
    pad = max((last - first) * OPEN_LINE_PAD, np.timedelta64(1, "D"))
    first, last = first - pad, last + pad
    if "range" in view:
        first = min(first, np.datetime64(view["range"][0], "s"))
        last = max(last, np.datetime64(view["range"][1], "s"))
    return first, last


def _open_path(opens: pd.DataFrame, edges: tuple[np.datetime64, np.datetime64]) -> tuple[np.ndarray, np.ndarray]:
    """x/y of a line trace drawing each open-ended event from its bound to the chart's edge on its open side.

    >>> opens = pd.DataFrame({"start": pd.Series(["2024-05-01", "2024-06-01"], dtype="datetime64[s]"),
    ...                       "open": ["before", "after"], "y": [0.5, 1.5]})
    >>> xs, ys = _open_path(opens, (np.datetime64("2024-01-01", "s"), np.datetime64("2024-12-31", "s")))
    >>> [x[:10] if x else x for x in xs], ys.tolist()
    (['2024-01-01', '2024-05-01', None, '2024-06-01', '2024-12-31', None], [0.5, 0.5, None, 1.5, 1.5, None])
    """
    bound = opens["start"].to_numpy(dtype="datetime64[s]")
    before = opens["open"].to_numpy() == BEFORE
    first = np.where(before, edges[0], bound)
    last = np.where(before, bound, edges[1])
    xs = np.empty(len(opens) * 3, dtype=object)
    ys = np.empty(len(opens) * 3, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = np.datetime_as_string(first, unit="s"), np.datetime_as_string(last, unit="s"), None
    ys[0::3], ys[1::3], ys[2::3] = opens["y"].to_numpy(), opens["y"].to_numpy(), None
    return xs, ys


def legend_title(sides: np.ndarray) -> str:
    """The legend's title: "Event type", and when some events are known only by a bound, what their triangles
    mean (small, under it; an axis-title note was cut off by the page's edge in Streamlit).

    >>> legend_title(np.array(["", ""])), legend_title(np.array(["after"])).startswith("Event type<br>")
    ('Event type', True)
    """
    if not (sides != "").any():
        return "Event type"
    return f"Event type<br><span style='font-size:11px'>{OPEN_NOTE}</span>"


def chart_height(rows: float, legend_entries: int) -> int:
    """Figure height in pixels: :data:`ROW_PIXELS` per row unit, and at least the height of the legend (a legend
    taller than the plot gets a scroll bar on screen and is cut off in PNG/SVG exports), at most 3000.

    >>> chart_height(2, 3), chart_height(2, 20), chart_height(500, 3)
    (360, 570, 3000)
    """
    return int(min(3000, max(360, 130 + ROW_PIXELS * rows, 130 + LEGEND_ENTRY_PIXELS * legend_entries)))


def row_at(layout: Mapping[str, Any], y: float) -> str:
    """The row name (actor or event type) of a y value of the figure: the nearest row tick.

    >>> row_at({"yaxis": {"tickvals": [0.5, 1.5], "ticktext": ["Russia", "Ukraine"]}}, 1.25)
    'Ukraine'
    """
    axis = layout["yaxis"]
    ticks = np.asarray(axis["tickvals"], dtype=float)
    meta = layout["meta"] if "meta" in layout else None  # noqa: SIM401 - a plotly Layout has no .get
    names = meta["rows"] if isinstance(meta, Mapping) and "rows" in meta else axis["ticktext"]
    return str(list(names)[int(np.argmin(np.abs(ticks - float(y))))])


#: A chart whose events span fewer days than this is widened to it (centred): Plotly would otherwise zoom a
#: single day's events to milliseconds ("23:59:59.999" ticks).
MIN_SPAN_DAYS = 7


def x_range(points: pd.DataFrame) -> dict[str, list[str]]:
    """The x axis range when the points span less than :data:`MIN_SPAN_DAYS` days ({} lets Plotly choose).

    >>> days = pd.to_datetime(pd.Series(["2024-03-03"]))
    >>> x_range(pd.DataFrame({"start": days, "end": days + pd.Timedelta(days=1)}))
    {'range': ['2024-02-29T00:00:00', '2024-03-07T00:00:00']}
    """
    first, last = points["start"].min(), points["end"].max()
    span = last - first
    if pd.isna(first) or span >= pd.Timedelta(days=MIN_SPAN_DAYS):
        return {}
    pad = (pd.Timedelta(days=MIN_SPAN_DAYS) - span) / 2
    return {"range": [(first - pad).isoformat(), (last + pad).isoformat()]}


#: Outlying events (at most this share of them, at either end) are left out of the first view of the chart when
#: the others would otherwise fill less than 1 / :data:`FOCUS_MIN_SHRINK` of its width, a few dozen pixels (one
#: "11th century" event squeezed a 2008 story into a sliver); the range slider still shows and reaches them.
FOCUS_MAX_SHARE = 0.05
FOCUS_MIN_SHRINK = 25.0


def focus_range(points: pd.DataFrame) -> tuple[dict[str, list[str]], str]:
    """The first x view of the chart and a note naming the events it leaves out ("" when it shows them all).

    The view drops the fewest outlying events (at most :data:`FOCUS_MAX_SHARE` of them, from either end) that
    narrow the span at least :data:`FOCUS_MIN_SHRINK` times; otherwise it is :func:`x_range`.

    >>> days = pd.Series(["1000-01-01"] + ["2008-03-%02d" % day for day in range(1, 21)], dtype="datetime64[s]")
    >>> view, note = focus_range(pd.DataFrame({"start": days, "end": days + np.timedelta64(1, "D")}))
    >>> view["range"][0][:10], note
    ('2008-02-29', '1 earlier event (1000) is outside this view')
    """
    starts = np.sort(points["start"].to_numpy(dtype="datetime64[s]"))  # seconds: an "11th century" fits
    ends = np.sort(points["end"].to_numpy(dtype="datetime64[s]"))
    count = len(starts)
    full = ends[-1] - starts[0] if count else np.timedelta64(0, "s")
    for dropped in range(1, int(count * FOCUS_MAX_SHARE) + 1):
        earlies = np.arange(dropped + 1)  # drop `early` events at the start and the rest at the end
        spans = ends[count - 1 - dropped + earlies] - starts[earlies]
        early = int(np.argmin(spans))  # the first of equal spans, as min() took it
        span = spans[early]
        if max(span, np.timedelta64(MIN_SPAN_DAYS, "D")) * FOCUS_MIN_SHRINK > full:  # views are never < a week
            continue
        late = dropped - early
        first, last = pd.Timestamp(starts[early]), pd.Timestamp(ends[count - 1 - late])
        pad = max(pd.Timedelta(span) * 0.03, pd.Timedelta(days=1)).as_unit("s")
        if last - first < pd.Timedelta(days=MIN_SPAN_DAYS):
            pad = ((pd.Timedelta(days=MIN_SPAN_DAYS) - (last - first)) / 2).as_unit("s")
        outside = [f"{number} {word} event{'' if number == 1 else 's'} ({year})" for number, word, year in (
            (early, "earlier", pd.Timestamp(starts[0]).year), (late, "later", pd.Timestamp(ends[-1]).year)) if number]
        # no "drag the slider" here: the PNG and SVG exports carry this note but not the slider
        note = f"{' and '.join(outside)} {'is' if dropped == 1 else 'are'} outside this view"
        return {"range": [(first - pad).isoformat(), (last + pad).isoformat()]}, note
    return x_range(points), ""


def top_axis(height: int, trace_type: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The extra trace and layout that repeat the date axis above a chart of ``height`` pixels (none when short).

    Plotly draws an axis only for a trace that uses it: the trace is empty (no point, no legend, no hover); the
    axis ``matches`` the bottom one, so zooming and the range slider move both.

    >>> top_axis(400, "scatter")
    ([], {})
    >>> traces, layout = top_axis(2000, "scatter")
    >>> traces[0]["xaxis"], layout["xaxis2"]["side"], layout["xaxis2"]["matches"]
    ('x2', 'top', 'x')
    """
    if height < TOP_AXIS_MIN_HEIGHT:
        return [], {}
    trace = {"type": trace_type, "x": [], "y": [], "xaxis": "x2", "mode": "none", "showlegend": False,
             "hoverinfo": "skip", "name": ""}
    axis = {"type": "date", "overlaying": "x", "matches": "x", "side": "top", "anchor": "y", "showgrid": False,
            "tickmode": "auto"}  # plotly.js 4 (Streamlit) defaults an overlaying axis to "sync": 1979 for 1980
    return [trace], {"xaxis2": axis}


def _empty_figure(title: str, template: str) -> go.Figure:
    figure = go.Figure()
    figure.add_annotation(text="No dated events match the filters", showarrow=False, font={"size": 16},
                          xref="paper", yref="paper", x=0.5, y=0.5)
    figure.update_layout(template=template, title={"text": html.escape(title, quote=False)}, height=320,
                         xaxis={"visible": False}, yaxis={"visible": False})
    return figure


def timeline_figure(frame: pd.DataFrame, group_by: GroupBy = "actor", title: str = "",
                    template: str = "plotly_white", colors: Mapping[str, str] | None = None,
                    first_rows: Sequence[str] = ()) -> go.Figure:
    """A Plotly timeline of the dated events of ``frame`` (undated events are not drawn).

    y is the actor (or the event type), x the date; events known to the day are markers, coarser dates
    ("in August", "in 2019") are bars over ``date_start .. date_end + 1 day`` with a marker in the middle;
    events known only by a bound ("before 1993") are a triangle at the bound pointing to the open side, with a
    faded dotted line from it to the edge of the chart;
    colour is the event type (``colors`` keeps it stable across filters); ``customdata`` holds ``event_id``;
    ``first_rows`` (the chosen actors) are drawn on top, see :func:`row_order`.

    >>> from timeline.schema import events_frame
    >>> fig = timeline_figure(events_frame([{"event_id": "e1", "event_type": "attack", "actors": ["X"],
    ...     "date_start": "2024-03-05", "date_end": "2024-03-05", "granularity": "day"}]), title="T")
    >>> [trace.name for trace in fig.data], list(fig.data[-1].customdata)
    (['attack'], ['e1'])
    """
    points = plotted_points(frame, group_by)
    if points.empty:
        return _empty_figure(title, template)
    colors = dict(colors or {})
    fallback = event_type_colors(points["event_type"].unique().tolist())
    trace_type = "scattergl" if len(points) > WEBGL_MIN_POINTS else "scatter"
    points, order = merge_rare_rows(points, row_order(points, first_rows), group_by)
    points, centres, height = _with_lanes(points, order)
    bar_width = 10 if len(order) < 40 else 5
    view, outside = focus_range(points)
    edges = _open_edges(points, view)
    # Plain dicts and one Figure(...) call: Plotly checks every trace and the layout once (add_trace and
    # update_layout each check and copy the figure again).
    traces: list[dict[str, Any]] = []
    for event_type, group in points.groupby("event_type", sort=True):
        name = str(event_type)
        style = {"type": trace_type, "name": name, "legendgroup": name}
        color = colors.get(name, fallback[name])
        bounded = group["open"] != ""
        days, spans, opens = group[group["is_point"] & ~bounded], group[~group["is_point"]], group[bounded]
        if not spans.empty:
            xs, ys = _bar_path(spans.iloc[np.argsort(-(spans["end"] - spans["start"]).to_numpy(), kind="stable")])
            traces.append({**style, "showlegend": False, "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                           "opacity": 0.45, "line": {"color": color, "width": bar_width}})
        if not opens.empty:
            xs, ys = _open_path(opens, edges)
            traces.append({**style, "showlegend": False, "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                           "opacity": OPEN_LINE_OPACITY, "line": {"color": color, "width": 2, "dash": "dot"}})
        befores, afters = opens[opens["open"] == BEFORE], opens[opens["open"] == AFTER]
        legend = True  # the first marker trace of a type carries its legend entry
        for markers, x, symbol, size in ((days, days["start"], "circle", 10),
                                         (spans, spans["start"] + (spans["end"] - spans["start"]) / 2, "diamond", 7),
                                         (befores, befores["start"], OPEN_SYMBOLS[BEFORE], 11),
                                         (afters, afters["start"], OPEN_SYMBOLS[AFTER], 11)):
            if markers.empty:
                continue
            if legend and symbol in OPEN_SYMBOLS.values():  # a triangle in the legend would read as the type's
                # mark: a circle, on a point that is not drawn (a trace with no point has no legend entry)
                traces.append({**style, "showlegend": True, "x": [None], "y": [None], "mode": "markers",
                               "hoverinfo": "skip", "marker": {"color": color, "size": 10, "symbol": "circle"}})
                legend = False
            traces.append({
                **style, "showlegend": legend, "x": x.to_numpy(), "y": markers["y"].to_numpy(), "mode": "markers",
                "customdata": markers["event_id"].to_numpy(dtype=str), "hovertext": markers["hover"].to_numpy(dtype=str),
                "hovertemplate": "%{hovertext}<extra></extra>",
                "marker": {"color": color, "size": size, "symbol": symbol, "line": {"color": "white", "width": 1}},
                "unselected": {"marker": {"opacity": 0.45}}, "selected": {"marker": {"size": size + 6}}})
            legend = False
    note_lines = 2 if (points["open"] != "").any() else 0  # the legend title's note on the triangles
    pixels = chart_height(height, points["event_type"].nunique() + note_lines)
    top_traces, top_layout = top_axis(pixels, trace_type)
    traces.extend(top_traces)
    layout = {
        "template": template, "showlegend": True, "hovermode": "closest", "meta": {"rows": list(order)},
        # dark text on white whatever the page theme (Streamlit's theme greys the hover text)
        "hoverlabel": {"bgcolor": "white", "bordercolor": "#9ca3af", "font": {"color": "#111827", "size": 13},
                       "align": "left"},
        # the title names the filters (actor names, typed words): Plotly would read "<b>" or "<br>" in them as markup
        "title": {"text": html.escape(title, quote=False), "x": 0.01, "xanchor": "left", "y": 1, "yanchor": "top", "yref": "container",
                  "pad": {"t": 14}},
        # a vertical legend right of the plot: a horizontal one above it wraps into the title with many types
        "legend": {"title": {"text": legend_title(points["open"].to_numpy())}, "orientation": "v", "yanchor": "top",
                   "y": 1, "x": 1.01, "xanchor": "left", "tracegroupgap": 0},
        "height": pixels,
        "margin": {"l": 10, "r": 10, "t": 85 if top_layout else 60, "b": 10},
        "clickmode": "event+select", "dragmode": "zoom",
        "xaxis": {"type": "date", "title": {"text": f"Date<br><span style='font-size:12px'>{outside}</span>" if outside else "Date"},
                  "rangeslider": {"visible": True, "thickness": 0.06}, **view},
        "yaxis": {"type": "linear", "tickmode": "array", "tickvals": centres.tolist(),
                  "ticktext": [hover_safe(name, ROW_LABEL_CHARS) for name in order],
                  "range": [height, 0], "zeroline": False, "fixedrange": False,
                  "title": {"text": "Actor" if group_by == "actor" else "Event type"}, "automargin": True},
        **top_layout,
    }
    return go.Figure({"data": traces, "layout": layout})


def selected_event_ids(selection: Any) -> list[str]:
    """The event ids of the points a user clicked or lassoed (from ``st.plotly_chart(..., on_select=...)``).

    >>> selected_event_ids({"selection": {"points": [{"customdata": "e7"}, {"x": 1}, {"customdata": ["e8"]}]}})
    ['e7', 'e8']
    >>> selected_event_ids(None)
    []
    """
    try:
        points = selection["selection"]["points"]
    except (KeyError, TypeError, IndexError):
        return []
    found: list[str] = []
    for point in points or []:
        value = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        if value is not None and str(value) not in found:
            found.append(str(value))
    return found
