"""Unit tests of timeline.events: taxonomy file, triggers, participants, timing, merging, summaries."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from timeline.events.confidence import confidence
from timeline.events.governing_time import governing_timex
from timeline.events.participants import ParticipantFinder
from timeline.events.summary import summarize, third_person
from timeline.events.taxonomy import EventTaxonomy, TaxonomyError, example_triggers, parse_taxonomy
from timeline.events.timex_index import TimexIndex
from timeline.events.timing import (
    GOVERNING,
    OWN,
    PUBLICATION,
    EventTime,
    from_timex,
    shift,
)
from timeline.events.triggers import find_triggers
from timeline.events.verb_tense import tense
from timeline.nlp import load_nlp
from timeline.paths import data_file
from timeline.temporal.timex import Timex

TAXONOMY = EventTaxonomy.load()


def _triggers(text: str) -> list[tuple[str, str]]:
    doc = load_nlp()(text)
    return [(t.token.text, t.event_type) for s in doc.sents for t in find_triggers(s, TAXONOMY)]


# --- the taxonomy file -----------------------------------------------------------------------------

def test_taxonomy_has_the_issue_types() -> None:
    for name in ("deployment", "withdrawal/return", "agreement/treaty", "ceremony", "award", "statement", "report",
                 "attack", "casualties", "meeting", "other"):
        assert name in TAXONOMY.names


def test_no_lemma_names_two_types() -> None:
    for kind in ("verbs", "nouns"):
        owners: dict[str, list[str]] = {}
        for event_type in TAXONOMY.types:
            for lemma in getattr(event_type, kind):
                owners.setdefault(lemma, []).append(event_type.name)
        assert {k: v for k, v in owners.items() if len(v) > 1} == {}, kind


def test_word_lists_do_not_overlap_the_types() -> None:
    typed_verbs = {v for t in TAXONOMY.types for v in t.verbs}
    assert not (TAXONOMY.non_events & typed_verbs)
    assert not (TAXONOMY.reporting_verbs & typed_verbs)


def test_file_starts_with_a_header_comment() -> None:
    assert data_file("event_types.yaml").read_text(encoding="utf-8").startswith("# Event-type taxonomy")


@pytest.mark.parametrize("example", [(t.name, e) for t in TAXONOMY.types for e in t.examples],
                         ids=lambda x: f"{x[0]}:{x[1][:30]}")
def test_every_example_gets_its_type(example: tuple[str, str]) -> None:
    name, text = example
    sentence, trigger = example_triggers(text)
    found = dict(_triggers(sentence))
    assert found.get(trigger) == name, found


@pytest.mark.parametrize("raw", [None, [], {"types": {}}, {"types": {"x": "verbs"}}, {"types": {"x": {"verbs": "go"}}},
                                 {"types": {"x": {"examples": ["no mark"]}}}])
def test_malformed_taxonomy_is_refused(raw: object) -> None:
    with pytest.raises(TaxonomyError):
        parse_taxonomy(raw)


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("types: [unclosed", encoding="utf-8")
    with pytest.raises(TaxonomyError):
        EventTaxonomy.load(bad)
    good = tmp_path / "good.yaml"
    good.write_text(yaml.safe_dump({"types": {"launch": {"verbs": ["launch"]}}}), encoding="utf-8")
    assert EventTaxonomy.load(good).verb_type("launch") == "launch"


# --- triggers ----------------------------------------------------------------------------------------

def test_reporting_verbs_and_auxiliaries_are_not_events() -> None:
    found = _triggers("Officials said the company has sold the plant.")
    assert ("said", "statement") not in found and ("sold", "sale/purchase") in found
    assert "has" not in [w for w, _ in found]


def test_light_verb_hands_the_event_to_its_noun() -> None:
    assert ("ceremony", "ceremony") in _triggers("The ceremony took place in Seoul.")
    assert ("summit", "meeting") in _triggers("The two leaders held a summit.")


def test_quake_that_strikes_is_a_disaster() -> None:
    assert ("struck", "disaster") in _triggers("A strong earthquake struck the island.")


def test_names_are_not_event_nouns() -> None:
    assert "Survey" not in [w for w, _ in _triggers("The United States Geological Survey measured it.")]


# --- participants -----------------------------------------------------------------------------------

def test_participants_without_resolver_are_empty() -> None:
    doc = load_nlp()("Troops returned to Kursk.")
    trigger = find_triggers(doc[:], TAXONOMY)[0]
    assert ParticipantFinder(None).find(trigger).actors == ()


# --- timing -------------------------------------------------------------------------------------------

def _timex(text: str, sentence: str, value: str, start: dt.date, end: dt.date, granularity: str = "day") -> Timex:
    offset = sentence.index(text)
    return Timex(text, offset, offset + len(text), "DATE", value, "", granularity, start, end)


def test_own_time_beats_the_clause_time() -> None:
    sentence = "On Monday the army said it had left in early May."
    doc = load_nlp()(sentence)
    may = _timex("early May", sentence, "2024-05", dt.date(2024, 5, 1), dt.date(2024, 5, 10), "month")
    monday = _timex("Monday", sentence, "2024-06-03", dt.date(2024, 6, 3), dt.date(2024, 6, 3))
    left = next(t for t in doc if t.text == "left")
    found, own = governing_timex(left, TimexIndex(doc, [monday, may]))  # type: ignore[misc]
    assert found[0].text == "early May" and own


def test_the_publication_day_is_reported_as_dct() -> None:
    day = dt.date(2025, 12, 13)
    timex = Timex("Saturday", 0, 8, "DATE", "2025-12-13", "", "day", day, day)
    time = from_timex(timex, day, OWN)
    assert time is not None and time.source == "dct"
    other = from_timex(Timex("Friday", 0, 6, "DATE", "2025-12-12", "", "day", day - dt.timedelta(1),
                             day - dt.timedelta(1)), day, OWN)
    assert other is not None and other.source == "text"


def test_durations_and_sets_are_not_dates() -> None:
    assert from_timex(Timex("a decade", 0, 8, "DURATION", "P10Y"), None, OWN) is None
    assert from_timex(Timex("every day", 0, 9, "SET", "P1D"), None, OWN) is None


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("Apple will release it.", "release", "future"),
    ("Apple released it.", "released", "past"),
    ("Apple has released it.", "released", "past"),
    ("Apple releases it.", "releases", "present"),
    ("Apple plans to release it.", "release", "future"),
])
def test_tense(sentence: str, word: str, expected: str) -> None:
    doc = load_nlp()(sentence)
    assert tense(next(t for t in doc if t.text == word)) == expected


def test_shift_counts_back_from_a_day() -> None:
    friday = EventTime("Friday", "2025-12-12", dt.date(2025, 12, 12), dt.date(2025, 12, 12), "day")
    assert shift(friday, "P120D", -1) == EventTime("", "2025-08-14", dt.date(2025, 8, 14), dt.date(2025, 8, 14),
                                                    "day", "", "inferred", 3)
    assert shift(friday, "P2M", -1).value == "2025-10"  # type: ignore[union-attr]
    assert shift(friday, "PXY", -1) is None
    assert shift(EventTime(), "P1D", 1) is None


# --- summaries and confidence ---------------------------------------------------------------------------

def test_summary_reads_who_did_what() -> None:
    doc = load_nlp()("Pyongyang sent 1,000 troops to Kursk.")
    trigger = find_triggers(doc[:], TAXONOMY)[0]
    summary = summarize(trigger, ParticipantFinder(None).find(trigger), "Kursk")
    assert summary.startswith("Pyongyang sends") and summary.endswith("Kursk")


def test_hostile_text_stays_plain_text() -> None:
    doc = load_nlp()("<script>alert(1)</script> signed the deal.")
    triggers = find_triggers(doc[:], TAXONOMY)
    for trigger in triggers:
        assert isinstance(summarize(trigger, ParticipantFinder(None).find(trigger)), str)


def test_third_person() -> None:
    assert [third_person(v) for v in ("sign", "reach", "carry", "be")] == ["signs", "reaches", "carries", "is"]


def test_confidence_orders_the_evidence() -> None:
    assert confidence(OWN, "verb", True, True) > confidence(GOVERNING, "verb", True, True) \
        > confidence(PUBLICATION, "verb", True, True)
    assert 0 <= confidence(0, "noun", False, False, state=True) <= 1
