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
