"""Event timeline dashboard: ``streamlit run dashboard.py``.

This script only wires widgets to the ``timeline`` package: reading and extraction
(``timeline.documents``, ``timeline.extract``), filtering (``timeline.filters``), the chart
(``timeline.charts``), the evidence view (``timeline.highlight``) and the downloads (``timeline.exports``).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from timeline.charts import TOP_AXIS_MIN_HEIGHT, GroupBy, event_type_colors, selected_event_ids, timeline_figure
from timeline.documents import InputError, article_from_text, load_seed_articles, read_uploads
from timeline.exports import EVENT_FORMATS, FIGURE_FORMATS, ExportError, browser_path, export_events, export_figure
from timeline.filters import (
    DEFAULT_MIN_CONFIDENCE,
    EventFilter,
    actor_aliases,
    actor_counts,
    actor_options,
    event_counts,
    filter_events,
    unless_all,
)
from timeline.highlight import highlighted_article
from timeline.views import (
    actor_label,
    alias_caption,
    article_labels,
    date_bounds,
    event_table,
    evidence_caption,
    markdown_text,
)

SOURCES = ("Bundled seed articles", "Paste text", "Upload files")
UPLOAD_TYPES = ["txt", "html", "htm", "jsonl"]
#: Rows sent to the browser table; the downloads always hold every filtered event.
TABLE_MAX_ROWS = 5_000
#: Above this many chosen actors with other names, their names fold into an expander above the chart.
ALIAS_LINES_SHOWN = 3

Corpus = tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]
#: The corpus and the messages of the records that could not be read (skipped).
Loaded = tuple[Corpus, tuple[str, ...]]


@st.cache_data(show_spinner="Extracting events…", max_entries=8)
def extract(source: str, uploads: tuple[tuple[str, bytes], ...], pasted: str, dct: dt.date | None) -> Loaded:
    """Events, actors and article texts (by doc_id) of the chosen input, and the unreadable records skipped;
    InputError for unreadable input."""
    from timeline.extract import extract_corpus

    problems: list[str] = []
    if source == SOURCES[1]:
        articles = [article_from_text(pasted, doc_id="pasted", dct=dct)]
    elif source == SOURCES[2]:
        articles = read_uploads(uploads, dct=dct, problems=problems)
    else:
        articles = load_seed_articles()
    extraction = extract_corpus(articles)
    return (extraction.events, extraction.actors, {article.doc_id: article.text for article in articles}), \
        tuple(problems)


@st.cache_resource(max_entries=16)
def figure(data_key: str, spec: EventFilter, group_by: GroupBy, title: str, _shown: pd.DataFrame,
           _events: pd.DataFrame) -> go.Figure:
    """The timeline of ``_shown`` (the events of input ``data_key`` that pass ``spec``), cached per input and
    filter (the frames are not hashed: the key names them); colours come from all events; never mutated."""
    colors = event_type_colors(_events["event_type"].unique().tolist())
    return timeline_figure(_shown, group_by=group_by, title=title, colors=colors,
                           first_rows=spec.actors if group_by == "actor" else spec.event_types)


def uploaded_files() -> tuple[tuple[str, bytes], ...]:
    """The uploader's files (name, bytes); the files of the last upload again when the user comes back from
    another source (Streamlit empties an uploader that was not drawn), until new files or "Forget" replace them."""
    returning = "uploads" not in st.session_state  # the uploader was not drawn on the last run
    files = st.sidebar.file_uploader("Article files (.txt, .html, .jsonl)", type=UPLOAD_TYPES,
                                     accept_multiple_files=True, key="uploads") or []
    uploads = tuple((file.name, file.getvalue()) for file in files)
    if uploads:
        st.session_state["_kept_uploads"], st.session_state["_restored_uploads"] = uploads, False
        return uploads
    kept: tuple[tuple[str, bytes], ...] = st.session_state.get("_kept_uploads", ())
    if kept and (returning or st.session_state.get("_restored_uploads")):
        st.session_state["_restored_uploads"] = True
        names = ", ".join(name for name, _ in kept[:5]) + (f" and {len(kept) - 5} more" if len(kept) > 5 else "")
        st.sidebar.caption(f"Showing the {len(kept)} file(s) uploaded before: {names}. Upload files to replace them.")
        if not st.sidebar.button("Forget these files", key="forget_uploads"):
            return kept
        st.session_state["_kept_uploads"], st.session_state["_restored_uploads"] = (), False
    return ()


def read_input() -> tuple[str, Corpus] | None:
    """Sidebar input controls; the data key and the extracted corpus, or None (with a message shown)."""
    source = st.sidebar.radio("Articles", SOURCES, key="source")
    uploads: tuple[tuple[str, bytes], ...] = ()
    pasted, dct = "", None
    if source != SOURCES[0]:
        dct = st.sidebar.date_input("Publication date", value=None, key="dct", min_value=dt.date(1, 1, 1),
                                    help="Relative dates ('Friday', 'last year') are resolved against it. "
                                         "Leave empty to use the date in the file (first line `date YYYY-MM-DD`).")
    if source == SOURCES[1]:
        pasted = st.sidebar.text_area("Article text", key="pasted", height=200,
                                      placeholder="date 2025-12-13\nPaste a news article here…")
        if not pasted.strip():
            st.info("Paste an article's text in the sidebar to see its events.")
            return None
    elif source == SOURCES[2]:
        uploads = uploaded_files()
        if not uploads:
            st.info("Upload one or more .txt, .html or .jsonl articles in the sidebar.")
            return None
    try:
        corpus, problems = extract(source, uploads, pasted, dct if isinstance(dct, dt.date) else None)
    except InputError as error:
        st.error(f"Cannot read this input: {error}")
        return None
    except Exception as error:  # noqa: BLE001 - the app must never crash on a bad article
        st.error(f"Event extraction failed on this input ({type(error).__name__}: {error}).")
        return None
    if problems:
        st.error(f"{len(problems)} unreadable file(s) or record(s) left out (the other articles are shown): "
                 + "; ".join(problems[:5]) + (" …" if len(problems) > 5 else ""))
    digest = hashlib.sha1(repr((source, pasted, dct)).encode())
    for name, data in uploads:
        digest.update(name.encode() + data)
    return digest.hexdigest(), corpus


def keep_valid(key: str, options: list[Any]) -> list[Any]:
    """Drop remembered choices that the current input no longer offers (a new input keeps what still applies)."""
    if key in st.session_state:
        st.session_state[key] = [value for value in st.session_state[key] if value in options]
    return options


def choices(events: pd.DataFrame, column: str, key: str) -> list[str]:
    """The distinct non-empty values of a column, sorted, as options of the multiselect ``key``."""
    return keep_valid(key, sorted(str(value) for value in events[column].dropna().unique() if value))


def filter_controls(events: pd.DataFrame, actors: pd.DataFrame) -> EventFilter:
    """Sidebar filter widgets; the filter they describe."""
    sidebar = st.sidebar
    sidebar.header("Filters")
    actor_slot = sidebar.container()  # drawn first, filled last: its counts follow the other filters
    event_types = sidebar.multiselect("Event types", choices(events, "event_type", "event_types"),
                                      key="event_types", placeholder="All event types")
    date_from = date_to = None
    bounds = date_bounds(events)
    if bounds is not None:
        if st.session_state.get("_date_bounds") != bounds:  # new input: start from its whole span
            st.session_state["date_range"] = st.session_state["_date_bounds"] = bounds
        picked = sidebar.date_input("Date range", min_value=bounds[0], max_value=bounds[1], key="date_range")
        if isinstance(picked, (tuple, list)) and len(picked) == 2 and tuple(picked) != bounds:
            date_from, date_to = picked
    granularities = sidebar.multiselect("Date granularity", choices(events, "granularity", "granularities"),
                                        key="granularities", placeholder="Any granularity")
    sources = sidebar.multiselect("Date source", choices(events, "date_source", "date_sources"),
                                  key="date_sources", placeholder="Any source",
                                  help="text: the date is written next to the event; dct: taken from the publication "
                                       "date; inferred: carried over from nearby sentences; none: undated.")
    documents = choices(events, "doc_id", "doc_ids")
    titles = article_labels(events)
    doc_ids = sidebar.multiselect("Articles", documents, key="doc_ids", placeholder="All articles (type to search)",
                                  format_func=lambda doc_id: titles.get(doc_id, doc_id), filter_mode="contains") \
        if len(documents) > 1 else []
    min_confidence = sidebar.slider("Minimum confidence", 0.0, 1.0, DEFAULT_MIN_CONFIDENCE, 0.05,
                                    key="min_confidence",
                                    help="Each row's confidence combines how its date was found, how clearly the "
                                         "words name an event, and whether actors were found. Set 0 to see all.")
    include_undated = sidebar.checkbox("Include undated events (table only)", value=True, key="include_undated")
    query = sidebar.text_input("Search text", key="query", placeholder="words in summary, sentence, actors…")
    others = EventFilter(event_types=unless_all(event_types, events["event_type"]), date_from=date_from,
                         date_to=date_to, granularities=unless_all(granularities, events["granularity"]),
                         date_sources=unless_all(sources, events["date_source"]), query=query.strip(),
                         doc_ids=unless_all(doc_ids, events["doc_id"]), include_undated=include_undated,
                         min_confidence=float(min_confidence))
    counts = actor_options(events, actors, others, selected=tuple(st.session_state.get("actors", ())))
    labels = {row.actor: actor_label(row.actor, row.type, row.count) for row in counts.itertuples()}
    chosen_actors = actor_slot.multiselect("Actors", keep_valid("actors", list(labels)), key="actors",
                                           format_func=labels.__getitem__, placeholder="All actors (type to search)",
                                           # typing "Tamir" + Enter chose all 14 fuzzy matches ("Sarawak state…")
                                           filter_mode="contains", select_all=False,
                                           help="Each actor's number is how many events choosing it shows "
                                                "under the other filters.")
    return replace(others, actors=tuple(chosen_actors))


def show_counts(shown: pd.DataFrame, total: int) -> None:
    """Headline numbers of what the filters let through."""
    numbers = event_counts(shown)
    columns = st.columns(5)
    columns[0].metric("Events", f"{numbers['events']:,}", help=f"{total:,} before filtering")
    columns[1].metric("On the chart (dated)", f"{numbers['dated']:,}",
                      help=f"{numbers['open_ended']:,} of them known only by a bound (“before 1993”, “after the "
                           "war”): a triangle at the bound, pointing to the open side.")
    columns[2].metric("Undated", f"{numbers['undated']:,}", help="Listed in the table, not drawn on the chart.")
    columns[3].metric("Actors", f"{numbers['actors']:,}")
    columns[4].metric("Articles", f"{numbers['documents']:,}")


def show_aliases(spec: EventFilter, actors: pd.DataFrame) -> None:
    """For each selected actor found under other names, those names (in a folded box when there are many lines,
    so that the chart stays in sight)."""
    lines = [line for line in (alias_caption(actor, actor_aliases(actors, actor)) for actor in spec.actors) if line]
    place = st.expander(f"Other names of {len(lines)} chosen actors") if len(lines) > ALIAS_LINES_SHOWN \
        else st.container()
    for line in lines:
        place.caption(line)


def pick_evidence(picked: list[str], widget: str) -> bool:
    """Remember the event last clicked in the chart or the table (a new click replaces the old one); whether this
    run brought a new click."""
    previous = st.session_state.get(f"_picked_{widget}", [])
    new = bool(picked) and picked != previous
    if new:
        st.session_state["evidence_event"] = picked[0]
    st.session_state[f"_picked_{widget}"] = picked
    return new


def show_evidence(shown: pd.DataFrame, texts: dict[str, str]) -> None:
    """The article of the selected event with its evidence sentence highlighted."""
    event_id = st.session_state.get("evidence_event")
    rows = shown[shown["event_id"] == event_id]
    if event_id is None or rows.empty:
        st.caption("Click an event in the chart or a row in the table to see its sentence in the article.")
        return
    row = rows.iloc[0]
    st.subheader(f"Evidence: {markdown_text(row['summary'] or row['trigger'])}")
    st.caption(markdown_text(evidence_caption(rows.iloc[:1])))
    text = texts.get(str(row["doc_id"]), str(row["sentence"]))
    where = (text, str(row["sentence"]), int(row["char_start"]), int(row["char_end"]))
    st.html(highlighted_article(*where, around=1))
    with st.expander("Whole article"):
        st.html(highlighted_article(*where))


@st.dialog("Evidence", width="large")
def evidence_dialog(shown: pd.DataFrame, texts: dict[str, str]) -> None:
    """The evidence of the event just clicked, over the page: below a tall chart the panel is out of sight."""
    show_evidence(shown, texts)


def safe(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """A download callable that returns a readable text instead of failing (the button has no error channel)."""
    def run() -> bytes:
        try:
            return make()
        except ExportError as error:
            return f"Export failed: {error}\n".encode()
    return run


def show_downloads(shown: pd.DataFrame, chart: go.Figure, title: str) -> None:
    """Download buttons for exactly what is shown; each file is made only when its button is clicked."""
    st.markdown("**Download what is shown**")
    if shown.empty:
        st.caption("Nothing to download: no events match the filters.")
    # one row that wraps, each button as wide as its label (eight equal columns cut labels to "Data Calend…")
    buttons = st.container(horizontal=True)
    images_ok = browser_path() is not None
    nothing = "No events match the filters." if shown.empty else None
    for fmt, kind in FIGURE_FORMATS.items():
        buttons.download_button(f"Chart {kind.label}", data=safe(lambda fmt=fmt: export_figure(chart, fmt)),
                                file_name=f"timeline.{kind.extension}", mime=kind.mime, key=f"download_{fmt}",
                                on_click="ignore", disabled=shown.empty or fmt != "html" and not images_ok,
                                help=nothing or (None if images_ok or fmt == "html" else "Needs Chrome/Chromium on the server."))
    for fmt, kind in EVENT_FORMATS.items():
        buttons.download_button(f"Data {kind.label}", data=safe(lambda fmt=fmt: export_events(shown, fmt, title)),
                                file_name=f"events.{kind.extension}", mime=kind.mime, key=f"download_{fmt}",
                                on_click="ignore", disabled=shown.empty, help=nothing)


def main() -> None:
    """The page: input, filters, counts, chart, evidence, table, downloads."""
    st.set_page_config(page_title="News event timeline", page_icon="🗓️", layout="wide")
    st.title("News event timeline")
    loaded = read_input()
    if loaded is None:
        return
    data_key, (events, actors, texts) = loaded
    if events.empty:
        st.warning("No dated or undated events were found in this input.")
        return
    spec = filter_controls(events, actors)
    group_by: GroupBy = "event_type" if st.sidebar.toggle("One row per event type", key="by_type") else "actor"
    shown = filter_events(events, spec)
    show_counts(shown, len(events))
    show_aliases(spec, actors)
    title = " · ".join(part for part in (
        f"{len(shown):,} event{'' if len(shown) == 1 else 's'} by {'event type' if group_by == 'event_type' else 'actor'}",
        spec.describe(titles=dict(zip(events["doc_id"], events["title"])))) if part)
    chart = figure(data_key, spec, group_by, title, shown, events)
    state: Any = st.plotly_chart(chart, key="timeline", on_select="rerun", selection_mode="points",
                                 config={"displaylogo": False})
    clicked = pick_evidence(selected_event_ids(state), "chart")
    undated = event_counts(shown)["undated"]
    if undated:
        st.caption(f"{undated:,} undated events are listed in the table below but not drawn on the chart.")
    evidence = st.container()
    table = event_table(shown, limit=TABLE_MAX_ROWS)
    if len(shown) > TABLE_MAX_ROWS:
        st.caption(f"The table shows the first {TABLE_MAX_ROWS:,} of {len(shown):,} events; downloads hold all.")
    picked_rows: Any = st.dataframe(table, key="table", hide_index=True, on_select="rerun",
                                    selection_mode="single-row")
    rows = list(getattr(getattr(picked_rows, "selection", None), "rows", []) or [])
    pick_evidence([str(table.loc[rows[0], "event_id"])] if rows and rows[0] < len(table) else [], "table")
    with evidence:
        show_evidence(shown, texts)
    if clicked and (chart.layout.height or 0) >= TOP_AXIS_MIN_HEIGHT:
        evidence_dialog(shown, texts)
    show_downloads(shown, chart, title)
    with st.expander("Actors in view"):
        st.dataframe(actor_counts(shown, actors), hide_index=True, key="actor_counts")


main()
