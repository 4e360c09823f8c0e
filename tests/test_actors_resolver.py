"""In-article actor resolution: golden snippets, the seed article, rows and speed."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc, Span

from timeline.actors import Actor, DocumentActors
from timeline.nlp import load_nlp
from timeline.paths import SEEDS_DIR
from timeline.schema import ACTOR_TYPES, actors_frame
from timeline.yaml_strict import load_yaml

GOLDEN = load_yaml((Path(__file__).parent / "golden" / "actors" / "resolver.yaml").read_text("utf-8"))
SEED_NAME = "000_49f8cb2e46737b4f.txt"


def _span(doc: Doc, phrase: str, after: str = "") -> Span:
    offset = doc.text.index(after) + len(after) if after else 0
    start = doc.text.index(phrase, offset)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    assert span is not None, phrase
    return span


def test_golden_resolution_uses_only_known_keys() -> None:
    """A misspelt key ("typ" for "type") would be ignored and its check could never fail."""
    assert [sorted(set(i) - {"id", "text", "cases"}) for i in GOLDEN if set(i) - {"id", "text", "cases"}] == []
    case_keys = {"phrase", "after", "actor", "type", "place"}
    assert [sorted(set(c) - case_keys) for i in GOLDEN for c in i["cases"] if set(c) - case_keys] == []


@pytest.mark.parametrize("item", GOLDEN, ids=lambda item: item["id"])
def test_golden_resolution(item: dict[str, Any]) -> None:
    doc = load_nlp()(item["text"])
    actors = DocumentActors.from_doc(doc)
    for case in item["cases"]:
        span = _span(doc, case["phrase"], case.get("after", ""))
        found = actors.resolve(span)
        assert (found.name if found else None) == case["actor"], case
        if "type" in case:
            assert found is not None and found.type == case["type"], case
        if "place" in case:
            assert actors.place(span) == case["place"], case


def _seed_text() -> str:
    for folder in (SEEDS_DIR, Path(__file__).resolve().parents[2] / "shared" / "seeds"):
        if (folder / SEED_NAME).exists():
            text = (folder / SEED_NAME).read_text("utf-8")
            return re.sub(r"\A\s*date\s+\S+\s*", "", text)
    pytest.skip("seed article not found")


@pytest.fixture(scope="module")
def seed() -> tuple[Doc, DocumentActors]:
    doc = load_nlp()(_seed_text())
    return doc, DocumentActors.from_doc(doc)




SEED_CASES = [
    ("North Korea", "", "North Korea"),
    ("Pyongyang", "reported Saturday.\n\n", "North Korea"),  # "Pyongyang sent"
    ("North", "Earlier, the ", "North Korea"),
    ("North Korean leader", "", "Kim Jong-un"),  # the one leader named before: "its leader Kim Jong-un"
    ("leader", "The North's ", "Kim Jong-un"),
    ("Russian forces", "", "Russia"),
    ("Ukraine soldiers", "", "Ukraine"),
    ("Kim", "During the ceremony, ", "Kim Jong-un"),
    ("the Korean Central News Agency", "", "Korean Central News Agency"),
    ("KCNA", "", "Korean Central News Agency"),
    ("the 528th Regiment of Engineers", "", "528th Regiment of Engineers"),
    ("Hong Min", "", "Hong Min"),
    ("the Korea Institute for National Unification", "", "Korea Institute for National Unification"),
    ("Russia", "to support ", "Russia"),
]


@pytest.mark.parametrize("phrase, after, expected", [c for c in SEED_CASES if c[2] is not None],
                         ids=lambda v: str(v))
def test_seed_resolution(seed: tuple[Doc, DocumentActors], phrase: str, after: str, expected: str) -> None:
    doc, actors = seed
    found = actors.resolve(_span(doc, phrase, after))
    assert found is not None and found.name == expected


def test_seed_places(seed: tuple[Doc, DocumentActors]) -> None:
    doc, actors = seed
    ceremony_place = _span(doc, "Pyongyang", "The ceremony took place in ")
    assert actors.resolve(ceremony_place) is None
    assert actors.place(ceremony_place) == "Pyongyang"
    assert actors.place(_span(doc, "Kursk", "left for ")) == "Kursk"


def test_seed_actor_list_holds_each_entity_once(seed: tuple[Doc, DocumentActors]) -> None:
    _, actors = seed
    frame = actors_frame(actors.rows("seed"))
    by_name = dict(zip(frame["actor"], frame["actor_type"]))
    assert by_name["North Korea"] == "country"
    assert by_name["Kim Jong-un"] == "person"
    assert by_name["Hong Min"] == "person"
    assert by_name["528th Regiment of Engineers"] == "armed unit"
    assert by_name["Korean Central News Agency"] == "media"
    assert by_name["Korea Institute for National Unification"] == "organisation"
    for name in ("Kim", "KCNA", "DPRK", "Pyongyang", "Kursk", "North", "the North", "West"):
        assert name not in by_name
    assert set(frame["actor_type"]) <= set(ACTOR_TYPES)
    assert frame["actor"].is_unique
    north = frame.set_index("actor").loc["North Korea"]
    assert {"DPRK", "the North", "Pyongyang", "North Korean"} <= set(north["aliases"])
    assert north["mentions"] >= 10


def test_seed_aliases(seed: tuple[Doc, DocumentActors]) -> None:
    _, actors = seed
    assert actors.aliases("Kim Jong-un") == ["Kim Jong-un", "Kim"]
    assert set(actors.aliases("Korean Central News Agency")) == {"Korean Central News Agency", "KCNA"}
    assert actors.aliases("Nobody") == []


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "he", "12 34 56", "!!! ???", "The the the."])
def test_odd_input_never_crashes(text: str) -> None:
    doc = load_nlp()(text)
    actors = DocumentActors.from_doc(doc)
    assert actors.rows("x") == []
    if len(doc):
        assert actors.resolve(doc[:]) is None
        assert actors.resolve_token(doc[0]) is None
    assert actors.resolve(doc[0:0]) is None


def test_resolve_token_and_entity_agree(seed: tuple[Doc, DocumentActors]) -> None:
    doc, actors = seed
    span = _span(doc, "Kim Jong-un")
    assert actors.resolve_token(span.root) == actors.resolve(span) == Actor("Kim Jong-un", "person")


def test_groups_named_while_resolving_are_actor_rows() -> None:
    doc = load_nlp()("500 Apple engineers came. The engineers left.")
    actors = DocumentActors.from_doc(doc)
    assert actors.resolve(_span(doc, "500 Apple engineers")) == Actor("500 Apple engineers", "group")
    frame = actors_frame(actors.rows("d"))
    row = frame.set_index("actor").loc["500 Apple engineers"]
    assert row["actor_type"] == "group" and list(row["aliases"]) == ["500 Apple engineers"]
    assert set(frame["actor_type"]) <= set(ACTOR_TYPES)
