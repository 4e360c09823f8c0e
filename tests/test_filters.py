"""Filtering, actor counts and aliases: golden cases from tests/golden/filters.yaml plus properties."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline.bench_dashboard import synthetic_events
from timeline.filters import NO_ACTOR, EventFilter, actor_aliases, actor_counts, event_counts, filter_events
from timeline.schema import actors_frame, check_events_frame, events_frame
from timeline.yaml_strict import load_yaml

GOLDEN = load_yaml((Path(__file__).parent / "golden" / "filters.yaml").read_text(encoding="utf-8"))
EVENTS = events_frame(GOLDEN["events"])


def make_spec(fields: dict[str, Any]) -> EventFilter:
    """An EventFilter from a golden case's YAML fields."""
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name in ("date_from", "date_to"):
            values[name] = dt.date.fromisoformat(str(value))
        elif isinstance(value, list):
            values[name] = tuple(value)
        else:
            values[name] = value
    return EventFilter(**values)


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[case["name"] for case in GOLDEN["cases"]])
def test_golden_filter_cases(case: dict[str, Any]) -> None:
    assert filter_events(EVENTS, make_spec(case["spec"]))["event_id"].tolist() == case["expect"]


def test_golden_fixture_is_a_valid_events_frame() -> None:
    assert check_events_frame(EVENTS) == []


def test_filter_keeps_columns_and_dtypes() -> None:
    kept = filter_events(EVENTS, EventFilter(actors=("Russia",)))
    assert list(kept.columns) == list(EVENTS.columns)
    assert check_events_frame(kept) == []


def test_filter_on_empty_frame() -> None:
    assert filter_events(events_frame(), EventFilter(actors=("X",), query="y")).empty


def test_filter_spec_is_frozen_and_hashable() -> None:
    spec = EventFilter(actors=("A",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.actors = ("B",)  # type: ignore[misc]
    assert hash(spec) == hash(EventFilter(actors=("A",)))


def test_filter_agrees_with_a_row_by_row_reference_on_a_large_frame() -> None:
    frame = synthetic_events(3000, seed=7)
    spec = EventFilter(actors=("Actor 03", "Actor 11"), event_types=("type_2", "type_5"),
                       date_from=dt.date(2018, 1, 1), date_to=dt.date(2020, 6, 30), query="did")

    def keep(row: pd.Series) -> bool:
        if not set(spec.actors) & set(row["actors"]) or row["event_type"] not in spec.event_types:
            return False
        start, end = row["date_start"], row["date_end"]
        if pd.notna(start) or pd.notna(end):  # a missing side is open: "before 2019" may be in any earlier range
            overlaps = ((pd.isna(end) or end.date() >= spec.date_from)
                        and (pd.isna(start) or start.date() <= spec.date_to))
            if not overlaps:
                return False
        haystack = " ".join([*row["actors"], str(row["summary"]), str(row["sentence"])]).lower()
        return "did" in haystack

    expected = [row["event_id"] for _, row in frame.iterrows() if keep(row)]
    assert 0 < len(expected) < len(frame)
    assert filter_events(frame, spec)["event_id"].tolist() == expected


def test_actor_counts_types_and_order() -> None:
    kinds = actors_frame([{"doc_id": "d1", "actor": "Russia", "actor_type": "country"},
                          {"doc_id": "d2", "actor": "Russia", "actor_type": "country"},
                          {"doc_id": "d3", "actor": "North Korea", "actor_type": "country"}])
    counts = actor_counts(EVENTS, kinds)
    assert list(counts.columns) == ["actor", "type", "count"]
    assert counts.values.tolist() == [
        ["Russia", "country", 2], ["Ukraine", "", 2], [NO_ACTOR, "", 1], ["North Korea", "country", 1],
        ["United States", "", 1]]


def test_actor_counts_follow_the_filter() -> None:
    shown = filter_events(EVENTS, EventFilter(event_types=("statement",)))
    assert dict(zip(actor_counts(shown)["actor"], actor_counts(shown)["count"])) == {
        "Russia": 1, "Ukraine": 1, NO_ACTOR: 1}


def test_actor_aliases_merge_documents() -> None:
    kinds = actors_frame([{"doc_id": "a", "actor": "North Korea", "aliases": ["Pyongyang", "the North"]},
                          {"doc_id": "b", "actor": "North Korea", "aliases": ["DPRK"]},
                          {"doc_id": "b", "actor": "Russia", "aliases": ["Moscow"]}])
    assert actor_aliases(kinds, "North Korea") == ["DPRK", "Pyongyang", "the North"]
    assert actor_aliases(kinds, "Nobody") == []


def test_event_counts_list_undated() -> None:
    assert event_counts(EVENTS) == {"events": 5, "dated": 4, "open_ended": 0, "undated": 1, "documents": 3,
                                    "actors": 4}


def test_describe_names_the_active_filters_briefly() -> None:
    assert EventFilter().describe() == ""
    assert EventFilter(include_undated=False).describe() == ""
    text = EventFilter(event_types=("attack",), date_to=dt.date(2024, 5, 1), date_sources=("text",)).describe()
    assert text == "attack · dates from text · to 2024-05-01"
    long = EventFilter(actors=tuple(f"Actor number {index}" for index in range(40))).describe(limit=60)
    assert len(long) == 60 and long.endswith("…")
