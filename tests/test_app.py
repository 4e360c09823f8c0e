"""The dashboard driven by Streamlit's AppTest: it opens on the seeds, filters move chart, table and counts
together, bad input shows a message, and a large corpus stays usable."""
from __future__ import annotations

import base64
import datetime as dt
import html
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from timeline.bench_dashboard import synthetic_events
from timeline.charts import row_at
from timeline.filters import DEFAULT_MIN_CONFIDENCE
from timeline.schema import actors_frame
from timeline.views import markdown_text

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")
TIMEOUT = 180


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    """Each test extracts its own input (the caches live in this process)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def seeds_app() -> AppTest:
    """The app opened on the bundled seeds (one extraction, shared by the read-only checks)."""
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def open_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def table(app: AppTest) -> pd.DataFrame:
    return app.dataframe(key="table").value if hasattr(app, "dataframe") else pd.DataFrame()


def metric(app: AppTest, label: str) -> int:
    return int(next(item.value for item in app.metric if item.label == label).replace(",", ""))


def chart_spec(app: AppTest) -> dict[str, Any]:
    return json.loads(app.get("plotly_chart")[0].proto.spec)


def chart_event_ids(app: AppTest) -> set[str]:
    return {str(value) for trace in chart_spec(app)["data"] if is_marker_trace(trace) for value in trace["customdata"]}


def is_marker_trace(trace: dict[str, Any]) -> bool:
    """A trace of event markers (not a line, and not the legend-only circle of a type drawn only as triangles)."""
    return trace.get("mode") == "markers" and "customdata" in trace


def plotly_values(data: Any) -> list[Any]:
    """A trace's values from the figure JSON (Plotly encodes numeric arrays as base64 typed arrays)."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data)


def chart_rows(spec: dict[str, Any]) -> set[str]:
    """The rows (actors or event types) the chart's markers are drawn on."""
    return {row_at(spec["layout"], y) for trace in spec["data"] if is_marker_trace(trace)
            for y in plotly_values(trace["y"])}


def dated(rows: pd.DataFrame) -> pd.Series:
    """The table rows drawn on the chart: a date, or only a bound ("before 1993": no start, an end)."""
    return rows["date_start"].notna() | rows["date_end"].notna()


def named_actors(app: AppTest) -> list[str]:
    """Actor names offered by the filter, most frequent first (the options are shown as "name · type · count")."""
    return [label.split(" · ")[0] for label in app.multiselect(key="actors").options if not label.startswith("(")]


def test_opens_on_the_seeds_with_chart_table_and_counts(seeds_app: AppTest) -> None:
    assert not seeds_app.exception and not seeds_app.error
    rows = table(seeds_app)
    assert len(rows) == metric(seeds_app, "Events") > 0
    assert chart_event_ids(seeds_app) == set(rows.loc[dated(rows), "event_id"])
    assert metric(seeds_app, "Undated") == (~dated(rows)).sum()
    assert {"North Korea", "Kim Jong-un"} <= set(named_actors(seeds_app))


def test_actor_options_show_type_and_count(seeds_app: AppTest) -> None:
    labels = seeds_app.multiselect(key="actors").options
    counts = [int(label.rsplit(" · ", 1)[1]) for label in labels]
    assert counts == sorted(counts, reverse=True)
    assert any(label.count(" · ") == 2 for label in labels)  # name · type · count


def test_actor_filter_moves_chart_table_counts_and_shows_aliases() -> None:
    app = open_app()
    actor = "North Korea"  # a frequent seed actor the text also names "Pyongyang" and "the North" (the most
    assert actor in named_actors(app)  # frequent one may have no other name: "NASA")
    before = metric(app, "Events")
    app.multiselect(key="actors").select(actor).run()
    rows = table(app)
    assert 0 < len(rows) == metric(app, "Events") < before
    assert all(actor in value.split(", ") for value in rows["actors"])
    assert chart_event_ids(app) == set(rows.loc[dated(rows), "event_id"])
    rows_on_chart = chart_rows(chart_spec(app))
    assert actor in rows_on_chart
    assert actor in chart_spec(app)["layout"]["title"]["text"]  # exported charts say what they show
    assert any(f"**{markdown_text(actor)}** was found as" in caption.value for caption in app.caption)


def test_event_type_and_text_filters() -> None:
    app = open_app()
    kinds = app.multiselect(key="event_types").options
    app.multiselect(key="event_types").select(kinds[0]).run()
    rows = table(app)
    assert len(rows) > 0 and set(rows["event_type"]) == {kinds[0]}
    assert {trace["name"] for trace in chart_spec(app)["data"]} <= {kinds[0]}

    app.multiselect(key="event_types").unselect(kinds[0])
    word = "troops"
    app.text_input(key="query").input(word).run()
    rows = table(app)
    assert len(rows) > 0
    assert all(word in " ".join(str(value) for value in row).lower() for row in rows.itertuples(index=False))


def test_date_range_and_undated_switch() -> None:
    app = open_app()
    rows = table(app)
    last = rows["date_start"].dropna().max()
    app.date_input(key="date_range").set_value((last, last)).run()
    app.checkbox(key="include_undated").uncheck().run()
    narrowed = table(app)
    assert 0 < len(narrowed) < len(rows)
    assert dated(narrowed).all()
    # an event on that day, or an open-ended one whose open side reaches it ("before" a later day)
    assert all((start or dt.date.min) <= last <= (end or dt.date.max)
               for start, end in zip(narrowed["date_start"], narrowed["date_end"]))
    assert metric(app, "Undated") == 0


def test_event_type_rows_switch() -> None:
    app = open_app()
    app.toggle(key="by_type").set_value(True).run()
    spec = chart_spec(app)
    assert spec["layout"]["yaxis"]["title"]["text"] == "Event type"
    rows_on_chart = chart_rows(spec)
    rows = table(app)
    assert rows_on_chart == set(rows.loc[dated(rows), "event_type"])


def test_selected_event_shows_its_sentence_highlighted() -> None:
    app = open_app()
    rows = table(app)
    chosen = rows.iloc[0]
    app.session_state["evidence_event"] = chosen["event_id"]
    app.run()
    marked = [element.proto.body for element in app.get("html") if "<mark>" in element.proto.body]
    assert marked
    assert any(word in marked[0] for word in str(chosen["sentence"]).split()[:3])


def test_pasted_text_with_publication_date() -> None:
    app = open_app()
    app.radio(key="source").set_value("Paste text").run()
    assert not app.error and app.info  # asks for text, no error
    app.text_area(key="pasted").input(
        "date 2024-03-08\nThe minister met union leaders on Friday. Talks collapsed in February.").run()
    assert not app.exception and not app.error
    rows = table(app)
    assert len(rows) > 0 and set(rows["doc_id"]) == {"pasted"}


@pytest.mark.parametrize("text, message", [
    ("date 2025-13-45\nTroops left on Friday.", "publication date"),
    ("   \n\t  ", None),
])
def test_bad_pasted_input_shows_a_message(text: str, message: str | None) -> None:
    app = open_app()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").input(text).run()
    assert not app.exception
    shown = [element.value for element in [*app.error, *app.info]]
    assert shown
    if message:
        assert any(message in value for value in shown)


def test_extraction_failure_is_a_message_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(articles: Any) -> Any:
        raise RuntimeError("model exploded")

    monkeypatch.setattr("timeline.extract.extract_corpus", broken)
    app = open_app()
    assert not app.exception
    assert any("model exploded" in element.value for element in app.error)


def test_large_corpus_stays_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.extract import Extraction

    events = synthetic_events(20_000)
    actors = actors_frame([{"doc_id": "doc0", "actor": f"Actor {index:02d}", "actor_type": "person",
                            "aliases": [f"A{index}"]} for index in range(40)])
    monkeypatch.setattr("timeline.extract.extract_corpus", lambda articles: Extraction(events, actors))
    app = open_app()
    shown_by_default = int((events["confidence"] >= DEFAULT_MIN_CONFIDENCE).sum())  # the default confidence floor
    assert not app.exception and metric(app, "Events") == shown_by_default
    assert len(table(app)) == 5_000  # the browser table is capped; downloads hold everything
    app.multiselect(key="actors").select("Actor 05").run()
    assert 0 < metric(app, "Events") < shown_by_default


def test_only_undated_events_fill_the_table_and_say_why_the_chart_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.extract import Extraction
    from timeline.schema import events_frame

    events = events_frame([{"event_id": f"u{index}", "doc_id": "d", "summary": "Something happened",
                            "actors": ["X"], "event_type": "other", "confidence": 0.3} for index in range(3)])
    monkeypatch.setattr("timeline.extract.extract_corpus", lambda articles: Extraction(events, actors_frame()))
    app = open_app()
    assert not app.exception and len(table(app)) == 3 and metric(app, "Undated") == 3
    assert "No dated events" in json.dumps(chart_spec(app)["layout"].get("annotations", []))
    assert any("not drawn on the chart" in caption.value for caption in app.caption)


def test_confidence_floor_hides_weak_rows_until_lowered(monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.extract import Extraction
    from timeline.schema import events_frame

    events = events_frame([{"event_id": f"e{index}", "doc_id": "d", "summary": "Something happened",
                            "actors": ["X"], "event_type": "other", "confidence": confidence}
                           for index, confidence in enumerate((0.1, 0.2, 0.5, 0.9))])
    monkeypatch.setattr("timeline.extract.extract_corpus", lambda articles: Extraction(events, actors_frame()))
    app = open_app()
    assert not app.exception and metric(app, "Events") == 2
    app.slider(key="min_confidence").set_value(0.0).run()
    assert not app.exception and metric(app, "Events") == 4 and len(table(app)) == 4


def test_uploads_with_the_same_name_stay_separate_articles() -> None:
    """kia.txt and kia.html (or a JSON Lines record named like another file) are two articles, not one."""
    text = "date 2024-03-08\nThe city council approved the new budget on Tuesday.\n"
    page = ("<html><head><meta property='article:published_time' content='2024-03-09'></head><body>"
            "<p>The mayor signed the budget into law on Friday.</p></body></html>")
    app = open_app()
    app.radio(key="source").set_value("Upload files").run()
    app.file_uploader(key="uploads").set_value([("council.txt", text.encode(), "text/plain"),
                                                ("council.html", page.encode(), "text/html")]).run()
    assert not app.exception and not app.error
    rows = table(app)
    assert metric(app, "Articles") == 2 and set(rows["doc_id"]) == {"council", "council-2"}
    assert rows["event_id"].is_unique


def test_actor_counts_are_what_choosing_the_actor_shows_and_follow_the_other_filters() -> None:
    """The number next to an actor is the Events count its choice gives under the current filters (the
    confidence floor included); moving another filter updates the numbers and keeps the choice."""
    app = open_app()
    for label in app.multiselect(key="actors").options[:4]:
        actor, count = label.split(" · ")[0], int(label.rsplit(" · ", 1)[1])
        app.multiselect(key="actors").set_value([actor]).run()
        assert metric(app, "Events") == count, label
    actor = named_actors(app)[0]
    app.multiselect(key="actors").set_value([actor]).run()
    app.slider(key="min_confidence").set_value(0.0).run()
    assert app.multiselect(key="actors").value == [actor]
    label = next(label for label in app.multiselect(key="actors").options if label.startswith(actor + " · "))
    assert int(label.rsplit(" · ", 1)[1]) == metric(app, "Events")
    app.slider(key="min_confidence").set_value(1.0).run()
    assert app.multiselect(key="actors").value == [actor]  # kept (count 0) though nothing passes the floor
    assert metric(app, "Events") == 0 or not app.get("plotly_chart")


def test_chosen_actors_are_the_top_rows_and_events_without_actor_the_bottom_row() -> None:
    app = open_app()
    ticks = chart_spec(app)["layout"]["yaxis"]["ticktext"]
    assert ticks[-1] == "(no actor)" and "(no actor)" not in ticks[:-1]
    chosen = named_actors(app)[:3][::-1]  # least frequent of the three first
    app.multiselect(key="actors").set_value(chosen).run()
    ticks = chart_spec(app)["layout"]["yaxis"]["ticktext"]
    assert ticks[:len(chosen)] == chosen


def test_uploads_survive_a_look_at_the_seeds_until_forgotten() -> None:
    """Switching to the seeds and back kept nothing before (Streamlit empties an uploader it did not draw)."""
    text = "date 2024-03-08\nThe city council approved the new budget on Tuesday.\n"
    app = open_app()
    app.radio(key="source").set_value("Upload files").run()
    app.file_uploader(key="uploads").set_value(("council.txt", text.encode(), "text/plain")).run()
    events = table(app)["event_id"].tolist()
    app.radio(key="source").set_value("Bundled seed articles").run()
    assert metric(app, "Articles") > 1
    app.radio(key="source").set_value("Upload files").run()
    assert not app.exception and table(app)["event_id"].tolist() == events
    assert any("uploaded before: council.txt" in caption.value for caption in app.caption)
    app.slider(key="min_confidence").set_value(0.0).run()  # any later run keeps them too
    assert metric(app, "Articles") == 1
    app.button(key="forget_uploads").click().run()
    assert not app.exception and app.info and not app.get("plotly_chart")


def test_an_empty_view_offers_no_downloads() -> None:
    """Filters that match nothing: the buttons are disabled and say why, instead of exporting empty files."""
    def disabled(app: AppTest) -> list[bool]:
        return [bool(button.proto.disabled) for button in app.get("download_button")
                if button.proto.label.startswith("Data ")]
    app = open_app()
    assert disabled(app) and not any(disabled(app))
    app.text_input(key="query").input("zzqqxx no such words").run()
    assert len(table(app)) == 0
    assert disabled(app) and all(disabled(app))
    assert any("Nothing to download" in caption.value for caption in app.caption)


def test_many_actors_keep_readable_rows_and_every_event_on_the_chart(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 real articles name about 800 actors: the chart keeps the 60 most frequent (or chosen) rows and draws
    the rest on one "(N other actors)" row, instead of 800 labels printed over each other."""
    from timeline.charts import MAX_CHART_ROWS
    from timeline.extract import Extraction
    from timeline.schema import events_frame

    events = events_frame([{"event_id": f"e{index}", "doc_id": "d", "summary": "Talks held", "event_type": "meeting",
                            "actors": [f"Actor {index % 100:03d}"] + (["Actor 000"] if index % 7 == 0 else []),
                            "date_start": f"2024-01-{1 + index % 28:02d}", "date_end": f"2024-01-{1 + index % 28:02d}",
                            "granularity": "day", "confidence": 0.9} for index in range(300)])
    monkeypatch.setattr("timeline.extract.extract_corpus", lambda articles: Extraction(events, actors_frame()))
    app = open_app()
    spec = chart_spec(app)
    ticks = spec["layout"]["yaxis"]["ticktext"]
    assert not app.exception and len(ticks) == MAX_CHART_ROWS + 1 and ticks[-1] == "(40 other actors)"
    assert chart_event_ids(app) == set(events["event_id"])  # merged rows lose no event
    rare = named_actors(app)[-1]
    app.multiselect(key="actors").set_value([rare]).run()
    ticks = chart_spec(app)["layout"]["yaxis"]["ticktext"]
    assert ticks == [rare] and metric(app, "Events") == 3


def test_many_chosen_actors_fold_their_names_and_markup_in_names_stays_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fourteen chosen actors printed fourteen caption lines above the chart, each also "X was found as: “X”";
    now only actors found under other names are listed, folded when there are more than three, and a name with
    markdown ("$5", "*") is shown as written."""
    from timeline.extract import Extraction
    from timeline.schema import events_frame

    names = [f"Actor {index} $5 *x*" for index in range(10)]
    events = events_frame([{"event_id": f"e{index}", "doc_id": "d", "summary": "Talks held", "event_type": "meeting",
                            "actors": [name], "date_start": "2024-01-02", "date_end": "2024-01-02",
                            "granularity": "day", "confidence": 0.9} for index, name in enumerate(names)])
    actors = actors_frame([{"doc_id": "d", "actor": name, "actor_type": "person",
                            "aliases": [name] + ([f"A{index}"] if index % 2 else [])} for index, name in enumerate(names)])
    monkeypatch.setattr("timeline.extract.extract_corpus", lambda articles: Extraction(events, actors))
    app = open_app()
    app.multiselect(key="actors").set_value(names[:4]).run()
    lines = [caption.value for caption in app.caption if "was found as" in caption.value]
    folded = [expander.label for expander in app.expander if expander.label.startswith("Other names")]
    assert not app.exception and len(lines) == 2 and not folded  # actors 1 and 3; 0 and 2 have no other name
    assert lines[0].startswith(f"**{markdown_text(names[1])}**") and "\\$5" in lines[0]
    app.multiselect(key="actors").set_value(names).run()
    folded = [expander.label for expander in app.expander if expander.label.startswith("Other names")]
    assert not app.exception and folded == ["Other names of 5 chosen actors"]


def test_actor_search_matches_words_and_enter_chooses_one_actor(seeds_app: AppTest) -> None:
    """Streamlit's default fuzzy search listed 14 actors for "Tamir" (any name with t…a…m…i…r in order) and its
    first entry "Select 14 matches" took all of them on Enter: the actor filter searches substrings and has no
    select-all entry."""
    proto = seeds_app.multiselect(key="actors").proto
    assert not seeds_app.exception and proto.select_all == 0
    modes = type(proto).DESCRIPTOR.fields_by_name["filter_mode"].enum_type
    assert modes.values_by_number[proto.filter_mode].name == "FILTER_MODE_CONTAINS"


def test_one_day_of_events_keeps_a_readable_date_axis(monkeypatch: pytest.MonkeyPatch) -> None:
    """One chosen actor with one event drew an axis in milliseconds ("23:59:59.999") and the title said
    "1 events": the axis spans at least a week around the events and the count is singular."""
    from timeline.extract import Extraction
    from timeline.schema import events_frame

    events = events_frame([{"event_id": "e1", "doc_id": "d", "summary": "Talks held", "event_type": "meeting",
                            "actors": ["Tamir"], "date_start": "2024-03-03", "date_end": "2024-03-03",
                            "granularity": "day", "confidence": 0.9}])
    monkeypatch.setattr("timeline.extract.extract_corpus", lambda articles: Extraction(events, actors_frame()))
    layout = chart_spec(open_app())["layout"]
    first, last = (pd.Timestamp(day) for day in layout["xaxis"]["range"])
    assert last - first >= pd.Timedelta(days=7) and first < pd.Timestamp("2024-03-03") < last
    assert layout["title"]["text"].startswith("1 event by actor")


def test_unreadable_uploads_are_named_in_an_error_and_the_other_articles_kept() -> None:
    """A PDF renamed .txt, an empty file and an over-long article are named in one st.error; the UTF-8, UTF-16 and
    Latin-1 articles uploaded with them keep their rows."""
    good = "date 2024-03-08\nThe city council approved the new budget on Tuesday.\n"
    wide = "date 2024-03-08\nThe mayor signed the budget into law on Friday.\n"
    accented = "date 2024-03-08\nThe café owners protested outside the town hall on Monday.\n"
    uploads = [("council.txt", good.encode(), "text/plain"),
               ("mayor.txt", wide.encode("utf-16"), "text/plain"),
               ("cafe.txt", accented.encode("latin-1"), "text/plain"),
               ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "text/plain"),
               ("empty.txt", b"", "text/plain"),
               ("long.txt", ("date 2024-03-08\n" + "The council met on Monday. " * 4_000).encode(), "text/plain")]
    app = open_app()
    app.radio(key="source").set_value("Upload files").run()
    app.file_uploader(key="uploads").set_value(uploads).run()
    assert not app.exception
    assert len(app.error) == 1
    message = app.error[0].value
    assert "3 unreadable" in message
    assert "report.txt: this is a binary file" in message and "empty.txt: the file is empty" in message
    assert "long: the article is too long" in message
    assert metric(app, "Articles") == 3
    assert set(table(app)["doc_id"]) == {"council", "mayor", "cafe"}


def test_only_unreadable_uploads_give_one_clear_error() -> None:
    app = open_app()
    app.radio(key="source").set_value("Upload files").run()
    app.file_uploader(key="uploads").set_value([("report.txt", b"%PDF-1.7\n1 0 obj\n", "text/plain")]).run()
    assert not app.exception
    assert [error.value for error in app.error] == [
        "Cannot read this input: report.txt: this is a binary file (image, archive or program), not a text article"]


def test_choosing_every_type_or_article_is_no_filter_in_the_chart_title() -> None:
    """"Select all" event types (or articles) shows the same events as none chosen, and the chart title (which the
    PNG, SVG and TimelineJS exports carry) does not list every type."""
    app = open_app()
    title = chart_spec(app)["layout"]["title"]["text"]
    events = metric(app, "Events")
    for key in ("event_types", "doc_ids"):
        widget = app.multiselect(key=key)
        for option in widget.options:
            widget.select(option)
        app.run()
        assert metric(app, "Events") == events
        assert chart_spec(app)["layout"]["title"]["text"] == title, key
    app.multiselect(key="event_types").unselect(app.multiselect(key="event_types").options[0]).run()
    assert metric(app, "Events") < events
    assert ", " in chart_spec(app)["layout"]["title"]["text"]


def test_evidence_names_the_calendar_date_not_only_the_words() -> None:
    """'this evening · time · date from text' did not say which evening: the evidence line starts with the date
    the chart places the event at."""
    app = open_app()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").input("date 2024-05-10\nAcme Corp. fired its chief executive on Wednesday. "
                                      "The board met last night.\n").run()
    rows = table(app)
    dated = rows[rows["date_text"] == "Wednesday"].iloc[0]
    app.session_state["evidence_event"] = dated["event_id"]
    app.run()
    assert any(caption.value.startswith("2024\\-05\\-08 · “Wednesday”") for caption in app.caption), \
        [caption.value for caption in app.caption]


def test_article_filter_names_articles_by_their_titles(seeds_app: AppTest) -> None:
    """Article ids ("000_49f8cb2e46737b4f", "AP900815-0044") do not tell a journalist which story is which."""
    options = seeds_app.multiselect(key="doc_ids").options
    rows = table(seeds_app)
    titled = rows[rows["title"].astype(bool)].drop_duplicates("doc_id")
    assert len(titled) >= 2
    for row in titled.itertuples():
        assert any(option.startswith(row.title[:40]) and option.endswith(f"({row.doc_id})") for option in options)


def test_one_chosen_article_is_named_by_its_title_in_the_chart_title() -> None:
    """'25 events by actor · 1 article(s)' did not say which story the chart (and its PNG) shows."""
    app = open_app()
    rows = table(app)
    titled = rows[rows["title"].astype(bool)].iloc[0]
    app.multiselect(key="doc_ids").select(titled["doc_id"]).run()
    title = chart_spec(app)["layout"]["title"]["text"]
    assert f"“{titled['title'][:30]}" in html.unescape(title) and "article(s)" not in title


BOUND_ARTICLE = ("date 2024-03-15\nAcme Corp opened a new plant in Ohio on Tuesday. The company had closed its old "
                 "factory before 2019. Acme shares have rallied 42 percent from Nov. 14.\n")


def test_events_known_only_by_a_bound_are_drawn_counted_and_kept_by_overlapping_ranges() -> None:
    """'closed before 2019' (no start) and 'rallied from Nov. 14' (no end) were counted as undated or drawn as a
    plain day: each is a triangle at its bound pointing to the open side, counted as dated."""
    app = open_app()
    app.radio(key="source").set_value("Paste text").run()
    app.text_area(key="pasted").input(BOUND_ARTICLE).run()
    assert not app.exception and not app.error
    rows = table(app)
    assert metric(app, "Undated") == 0 and metric(app, "On the chart (dated)") == len(rows) == 3
    markers = [trace for trace in chart_spec(app)["data"] if is_marker_trace(trace)]
    shapes = {text.split("<br>")[1].split(" ·")[0].split("</b>")[-1]: symbol for trace in markers
              for text, symbol in zip(trace["hovertext"], np.broadcast_to(trace["marker"]["symbol"],
                                                                          len(trace["hovertext"])))}
    assert shapes == {"before 2019": "triangle-left", "after 14 November 2023": "triangle-right",
                      "2024-03-12": "circle"}, shapes
    assert any(trace.get("line", {}).get("dash") == "dot" for trace in chart_spec(app)["data"])
    # a range from 2019 on leaves "before 2019" out (its last possible day is 2018-12-31); one that reaches back
    # into 2018 keeps it
    app.date_input(key="date_range").set_value((dt.date(2019, 1, 1), dt.date(2024, 3, 12))).run()
    assert set(table(app)["summary"]) == {"Acme opens a new plant in Ohio", "Acme rallies 42 percent"}
    app.date_input(key="date_range").set_value((dt.date(2018, 12, 31), dt.date(2020, 1, 1))).run()
    assert set(table(app)["summary"]) == {"Acme closes its old factory"}  # "from Nov. 14" starts after 2020
