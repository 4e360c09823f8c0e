"""Every declarative resource under data/ parses strictly: no key written twice in one mapping (plain YAML
loading would silently keep the last one, so a lexicon entry added in the wrong place could replace another)."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.paths import DATA_DIR
from timeline.yaml_strict import DuplicateKeyError, load_yaml

YAML_FILES = sorted(DATA_DIR.rglob("*.yaml"))


def test_there_are_resources() -> None:
    assert len(YAML_FILES) >= 5


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_resource_has_no_duplicate_key(path: Path) -> None:
    load_yaml(path.read_text(encoding="utf-8"))


def test_a_duplicate_key_is_refused() -> None:
    with pytest.raises(DuplicateKeyError, match="strike"):
        load_yaml("argument_types:\n  strike: {a: [x]}\n  reach: {b: [y]}\n  strike: {c: [z]}\n")


def _booleans_in_lists(node: object) -> list[str]:
    """Word-list items and mapping keys that YAML read as booleans: an unquoted "on", "no", "off" or "yes" in a
    lexicon becomes True/False, and the word is silently lost from the list."""
    found: list[str] = []
    if isinstance(node, dict):
        found += [repr(key) for key in node if isinstance(key, bool)]
        for value in node.values():
            found += _booleans_in_lists(value)
    elif isinstance(node, list):
        for item in node:
            found += [repr(item)] if isinstance(item, bool) else _booleans_in_lists(item)
    return found


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DATA_DIR)))
def test_resource_words_are_not_read_as_booleans(path: Path) -> None:
    assert _booleans_in_lists(load_yaml(path.read_text(encoding="utf-8"))) == []


def test_an_unquoted_on_in_a_word_list_is_caught() -> None:
    assert _booleans_in_lists(load_yaml("preps: [in, on, at]\nwords: {no: 1}\n")) == ["True", "False"]
