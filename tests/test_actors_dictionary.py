"""The curated actor dictionary: data integrity, validation errors and golden lookups."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from timeline.actors.dictionary import DICTIONARY_FILES, ActorDictionary, DictionaryError, alias_key
from timeline.paths import data_file
from timeline.schema import ACTOR_TYPES
from timeline.yaml_strict import load_yaml

GOLDEN = load_yaml((Path(__file__).parent / "golden" / "actors" / "dictionary.yaml").read_text("utf-8"))


def _entries() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in DICTIONARY_FILES:
        out.extend(load_yaml(data_file("actors", name).read_text("utf-8")))
    return out


def test_every_file_has_a_header_comment() -> None:
    for name in (*DICTIONARY_FILES, "nouns.yaml"):
        assert data_file("actors", name).read_text("utf-8").startswith("# "), name


def test_no_alias_maps_to_two_actors() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entry in _entries():
        for text in [entry["name"], *entry.get("aliases", []), *entry.get("demonyms", []),
                     *entry.get("capitals", [])]:
            key = alias_key(text)
            if owner.setdefault(key, entry["name"]) != entry["name"]:
                clashes.append((text, owner[key], entry["name"]))
    assert clashes == []


def test_every_entry_has_a_valid_type_and_unique_name() -> None:
    entries = _entries()
    assert all(e["type"] in ACTOR_TYPES for e in entries)
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))


def test_iso_codes_are_unique_and_well_formed() -> None:
    codes = [e[k] for e in _entries() for k in ("iso2", "iso3") if e.get(k)]
    assert len(codes) == len(set(codes))
    assert all(c.isupper() and c.isalpha() and len(c) in (2, 3) for c in codes)


def test_all_un_member_states_are_there() -> None:
    countries = [e for e in _entries() if e["type"] == "country"]
    assert len(countries) >= 193
    names = {e["name"] for e in countries}
    assert {"North Korea", "South Korea", "Taiwan", "Kosovo", "Palestine", "Hong Kong", "Vatican City"} <= names


def test_needs_entity_only_names_the_entry_itself() -> None:
    for entry in _entries():
        flagged = entry.get("needs_entity") or []
        if isinstance(flagged, list):
            listed = {entry["name"], *entry.get("aliases", []), *entry.get("demonyms", []),
                      *entry.get("capitals", [])}
            assert set(flagged) <= listed, entry["name"]


@pytest.mark.parametrize("entries, message", [
    ([{"name": "A", "type": "country", "aliases": ["X"]}, {"name": "B", "type": "company", "aliases": ["x"]}],
     "already belongs to A"),
    ([{"name": "A", "type": "planet"}], "type 'planet'"),
    ([{"type": "country"}], "missing 'name'"),
    ([{"name": "A", "type": "country", "aliases": "not-a-list-of-strings", "colour": 1}], "unknown keys"),
    ([{"name": "A", "type": "country", "aliases": [3]}], "must be a list"),
    ([{"name": "A", "type": "country", "iso2": "us"}], "ISO code"),
    (["just a string"], "expected a mapping"),
    ([{"name": "A", "type": "country"}, {"name": "A", "type": "country"}], "listed twice"),
    ([{"name": "A", "type": "company", "kinds": ["Planemaker"]}], "lower-case"),
    ([{"name": "A", "type": "company", "kinds": ["airline", "airline"]}], "distinct"),
    ([{"name": "A", "type": "company", "kinds": "airline"}], "lower-case"),
    ([{"name": "A", "type": "company", "kinds": [""]}], "must be a list"),
    ([{"name": "A", "type": "company", "country": ["Japan"]}], "country's name"),
    ([{"name": "A", "type": "company", "parent": "A"}], "another company's name"),
])
def test_malformed_entries_raise_a_clear_error(entries: list[Any], message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        ActorDictionary(entries, source="test.yaml")


def test_kinds_are_lower_case_industry_nouns_of_companies() -> None:
    """`kinds` (companies.yaml): lists of distinct lower-case nouns, on companies only, none a bare generic noun
    that every company is ("company", "firm", "maker")."""
    with_kinds = [e for e in _entries() if "kinds" in e]
    assert len(with_kinds) > 100
    for entry in with_kinds:
        kinds = entry["kinds"]
        assert entry["type"] == "company", entry["name"]
        assert isinstance(kinds, list) and kinds, entry["name"]
        assert all(isinstance(k, str) and k == k.lower().strip() and k for k in kinds), entry["name"]
        assert len(set(kinds)) == len(kinds), entry["name"]
        assert not {"company", "firm", "maker", "group", "manufacturer", "operator"} & set(kinds), entry["name"]
    d = ActorDictionary.load()
    assert "planemaker" in (d.kinds_of(d.lookup("Airbus")) or ())
    assert "carmaker" in (d.kinds_of(d.lookup("GM")) or ()) and d.kinds_of(d.lookup("DPRK")) is None


def test_company_countries_are_countries_of_the_dictionary() -> None:
    """`country` (companies.yaml): on companies only, the exact name of a countries.yaml entry; the big carmakers,
    planemakers, airlines and banks have one (so "the Japanese automaker" can tell Toyota from Ford)."""
    countries = {e["name"] for e in load_yaml(data_file("actors", "countries.yaml").read_text("utf-8"))}
    with_country = [e for e in _entries() if "country" in e]
    assert len(with_country) > 300
    for entry in with_country:
        assert entry["type"] == "company" and entry["country"] in countries, (entry["name"], entry["country"])
    d = ActorDictionary.load()
    homes = {n: d.country_of(d.lookup(n, entity_label="ORG")) for n in ("Toyota", "Fiat", "Ford", "Boeing", "Lufthansa", "HSBC")}
    assert homes == {"Toyota": "Japan", "Fiat": "Italy", "Ford": "United States", "Boeing": "United States",
                     "Lufthansa": "Germany", "HSBC": "United Kingdom"}


def test_company_parents_are_companies_of_the_dictionary() -> None:
    """`parent` (companies.yaml): the exact name of another company entry."""
    companies = {e["name"] for e in _entries() if e["type"] == "company"}
    with_parent = [e for e in _entries() if "parent" in e]
    assert len(with_parent) > 10
    for entry in with_parent:
        assert entry["type"] == "company" and entry["parent"] in companies - {entry["name"]}, entry["name"]
    d = ActorDictionary.load()
    assert d.parent_of(d.lookup("Chevrolet", entity_label="ORG")) == d.lookup("GM")


def test_unreadable_file_raises_dictionary_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad.yaml"):
        ActorDictionary.from_files([bad])


def test_load_is_cached() -> None:
    assert ActorDictionary.load() is ActorDictionary.load()


@pytest.mark.parametrize("case", GOLDEN["lookup"], ids=lambda c: f"{c['text']!r}/{c['label']}")
def test_lookup(case: dict[str, Any]) -> None:
    found = ActorDictionary.load().lookup(case["text"], entity_label=case["label"])
    assert (found.name if found else None) == case["expect"]


@pytest.mark.parametrize("case", GOLDEN["demonym"], ids=lambda c: c["text"])
def test_demonym(case: dict[str, Any]) -> None:
    found = ActorDictionary.load().demonym(case["text"])
    assert (found.name if found else None) == case["expect"]


@pytest.mark.parametrize("case", GOLDEN["capital"], ids=lambda c: c["text"])
def test_capital(case: dict[str, Any]) -> None:
    found = ActorDictionary.load().capital(case["text"])
    assert (found.name if found else None) == case["expect"]
