"""Integrity of data/temporal: the loader accepts the files, every rule's example yields its stated value."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.temporal.rules import ResourceError, load_resources
from timeline.temporal.tagger import tag_with_rules

RESOURCES = load_resources()


@pytest.mark.parametrize("rule", RESOURCES.rules, ids=[r.name for r in RESOURCES.rules])
def test_rule_example_gives_expected_value(rule: object) -> None:
    example, expect, name = rule.example, rule.expect, rule.name  # type: ignore[attr-defined]
    found = tag_with_rules(example, RESOURCES.example_dct, RESOURCES)
    values = [(t.value, r) for t, r in found]
    assert any(t.value == expect for t, _ in found), f"{name}: {example!r} gave {values}, expected {expect}"
    assert any(r == name for _, r in found), f"{name}: rule did not fire on its own example {example!r}: {values}"


def test_every_table_key_is_lower_case() -> None:
    for name, table in RESOURCES.tables.items():
        assert all(key == key.lower() for key in table), name


def test_loader_rejects_rule_without_example(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "data" / "temporal"
    for name in ("normalization.yaml", "patterns.yaml", "tense.yaml"):
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    rules = {"rules": [{"name": "x", "pattern": "foo", "type": "DATE", "resolve": "const"}]}
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(ResourceError, match="example"):
        load_resources(tmp_path)


def test_loader_rejects_unknown_fragment(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[1] / "data" / "temporal"
    for name in ("normalization.yaml", "patterns.yaml", "tense.yaml"):
        (tmp_path / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    rules = {"rules": [{"name": "x", "pattern": "%{nosuch}", "type": "DATE", "resolve": "const",
                        "example": "x", "expect": "x"}]}
    (tmp_path / "rules.yaml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    with pytest.raises(ResourceError, match="nosuch"):
        load_resources(tmp_path)


def test_the_rule_loader_knows_every_resolver_and_only_those() -> None:
    """rules.py checks each rule's ``resolve:`` against its own name set (it cannot import the resolvers without an
    import cycle); that set and the resolver table must name the same functions, or a new resolver is refused."""
    from timeline.temporal.resolve import RESOLVER_FUNCTIONS
    from timeline.temporal.rules import RESOLVERS

    assert set(RESOLVER_FUNCTIONS) == RESOLVERS
