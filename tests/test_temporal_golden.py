"""Golden corpora of the temporal tagger: expected timexes and must-not-match strings (tests/golden/temporal)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.temporal import Timex, tag

GOLDEN = Path(__file__).parent / "golden" / "temporal"


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _positive_cases() -> list[Any]:
    spec = yaml.safe_load((GOLDEN / "positive.yaml").read_text(encoding="utf-8"))
    cases = []
    for group, items in spec["groups"].items():
        for number, case in enumerate(items):
            dct = _date(case["dct"]) if "dct" in case else _date(spec["dct"])
            cases.append(pytest.param(case["text"], dct, case["expect"], id=f"{group}-{number}"))
    return cases


def _negative_cases() -> list[Any]:
    spec = yaml.safe_load((GOLDEN / "negative.yaml").read_text(encoding="utf-8"))
    return [pytest.param(c["text"], _date(spec["dct"]), c.get("not_tagged", []), c.get("not_dated", []),
                         id=f"neg-{i}") for i, c in enumerate(spec["cases"])]


def _check(timex: Timex, expected: dict[str, Any]) -> None:
    for key, want in expected.items():
        if key == "text":
            continue
        if key in ("start", "end"):
            got = timex.date_start if key == "start" else timex.date_end
            assert got == _date(want), f"{timex.text!r}: {key} {got} != {want}"
        elif key == "relative":
            assert timex.relative is bool(want), f"{timex.text!r}: relative {timex.relative}"
        else:
            assert str(getattr(timex, key)) == str(want), f"{timex.text!r}: {key} {getattr(timex, key)!r} != {want!r}"


@pytest.mark.parametrize(("text", "dct", "expect"), _positive_cases())
def test_golden_positive(text: str, dct: dt.date | None, expect: list[dict[str, Any]]) -> None:
    found = {t.text: t for t in tag(text, dct)}
    for expected in expect:
        assert str(expected["text"]) in found, f"{expected['text']!r} not tagged in {text!r}; got {list(found)}"
        _check(found[str(expected["text"])], expected)


def _overlapping(text: str, substring: str, timexes: list[Timex]) -> list[Timex]:
    start = text.index(substring)
    end = start + len(substring)
    return [t for t in timexes if t.start < end and start < t.end]


@pytest.mark.parametrize(("text", "dct", "not_tagged", "not_dated"), _negative_cases())
def test_golden_must_not_match(text: str, dct: dt.date | None, not_tagged: list[str], not_dated: list[str]) -> None:
    assert not_tagged or not_dated, "a must-not-match case needs at least one substring"
    timexes = tag(text, dct)
    for substring in not_tagged:
        found = [t.text for t in _overlapping(text, str(substring), timexes)]
        assert not found, f"{substring!r} in {text!r} was tagged as {found}"
    for substring in not_dated:
        dated = [t.text for t in _overlapping(text, str(substring), timexes) if t.is_calendar]
        assert not dated, f"{substring!r} in {text!r} was tagged as a date: {dated}"
