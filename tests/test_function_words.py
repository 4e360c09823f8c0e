"""data/function_words.yaml: every list is non-empty, lower-case and without duplicates; every list is used by
the code and every name the code asks for is in the file."""
from __future__ import annotations

import re

import pytest

from timeline.function_words import parse, word_endings, word_map, word_set
from timeline.paths import DATA_DIR, PACKAGE_DIR
from timeline.yaml_strict import load_yaml

RAW = load_yaml((DATA_DIR / "function_words.yaml").read_text(encoding="utf-8"))
LISTS = sorted(name for name, value in RAW.items() if isinstance(value, list))
MAPS = sorted(name for name, value in RAW.items() if isinstance(value, dict))
CODE = "\n".join(path.read_text(encoding="utf-8") for path in PACKAGE_DIR.rglob("*.py"))
ASKED = set(re.findall(r"\bword_(?:set|endings|map|list_pattern)\(\"([a-z_]+)\"[,)]", CODE))


@pytest.mark.parametrize("name", LISTS)
def test_list_is_non_empty_lower_case_and_unique(name: str) -> None:
    values = RAW[name]
    assert values, f"{name} is empty"
    assert all(isinstance(w, str) and w and w == w.lower() for w in values), name
    assert len(values) == len(set(values)), f"{name} has a duplicate"


@pytest.mark.parametrize("name", MAPS)
def test_mapping_keys_are_lower_case_words(name: str) -> None:
    assert RAW[name] and all(isinstance(k, str) and k == k.lower() and isinstance(v, str) for k, v in RAW[name].items())


def test_every_list_is_used_and_every_asked_list_exists() -> None:
    assert set(LISTS) | set(MAPS) == ASKED


def test_lookups() -> None:
    assert "whom" in word_set("relative_pronouns") and "wo" in word_set("future_modals")
    assert word_endings("participle_endings")[0] == "ed"
    assert word_map("prep_modifiers")["until"] == "BEFORE"
    with pytest.raises(KeyError):
        word_set("no_such_list")
    with pytest.raises(TypeError):
        word_map("anchor_preps")["x"] = "y"  # type: ignore[index]


def test_a_bad_file_is_refused_with_the_list_named() -> None:
    with pytest.raises(ValueError, match="range_words"):
        parse({"range_words": ["to", 3]})
    with pytest.raises(TypeError):
        parse(["to"])
