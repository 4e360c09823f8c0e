"""Golden corpora of the temporal tagger: expected timexes and must-not-match strings (tests/golden/temporal)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from timeline.temporal import Timex, tag
from timeline.yaml_strict import load_yaml

GOLDEN = Path(__file__).parent / "golden" / "temporal"


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _positive_cases() -> list[Any]:
    spec = load_yaml((GOLDEN / "positive.yaml").read_text(encoding="utf-8"))
    cases = []
    for group, items in spec["groups"].items():
        for number, case in enumerate(items):
            dct = _date(case["dct"]) if "dct" in case else _date(spec["dct"])
            cases.append(pytest.param(case["text"], dct, case["expect"], id=f"{group}-{number}"))
    return cases


def _negative_cases() -> list[Any]:
    spec = load_yaml((GOLDEN / "negative.yaml").read_text(encoding="utf-8"))
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
    timexes = tag(text, dct)
    found = {t.text: t for t in timexes}
    # a text expected more than once ("9am on Friday ... 9am on Monday") is checked against its occurrences in order
    repeated = Counter(str(e["text"]) for e in expect)
    seen: Counter[str] = Counter()
    for expected in expect:
        key = str(expected["text"])
        assert key in found, f"{expected['text']!r} not tagged in {text!r}; got {list(found)}"
        same = [t for t in timexes if t.text == key]
        if repeated[key] > 1:
            assert seen[key] < len(same), f"{key!r} tagged {len(same)} times in {text!r}, expected {repeated[key]}"
            _check(same[seen[key]], expected)
            seen[key] += 1
        else:
            _check(found[key], expected)


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


_PAST_HINT_CASES = [  # (text, expression, value) with DCT 2025-01-15: the parse's tense of the governing verb
    ("Police arrested him on April 22nd.", "April 22nd", "2024-04-22"),
    ("Police arrested him April 22.", "April 22", "2024-04-22"),
    ("The man, detained on March 3, was freed.", "March 3", "2024-03-03"),
    ("He has been held since March 3.", "March 3", "2024-03-03"),
    ("Officials said the minister had resigned in March.", "March", "2024-03"),
    # must not move: a future, modal or infinitive verb, or a date that belongs to a noun
    ("He will meet the president on April 22.", "April 22", "2025-04-22"),
    ("They said they would vote on March 3.", "March 3", "2025-03-03"),
    ("He is due to be sentenced on April 22.", "April 22", "2025-04-22"),
    ("Tickets for the April 22 match go on sale.", "April 22", "2025-04-22"),
    # a noun of an expected event between the past verb and the month: the month is ahead, the verb's past is the
    # voicing's ("raised expectations of a rate hike in March"); not a noun right before "in" + the month
    ("The comments raised expectations of a rate hike in March.", "March", "2025-03"),
    ("The launch was due in March.", "March", "2025-03"),
    ("The firm announced plans in March for a new plant.", "March", "2024-03"),
    ("He was arrested in March.", "March", "2024-03"),
]


@pytest.mark.parametrize(("text", "expression", "value"), _PAST_HINT_CASES, ids=[c[0] for c in _PAST_HINT_CASES])
def test_parse_tense_hint_from_the_parse(text: str, expression: str, value: str) -> None:
    from timeline.events.verb_tense import parse_tense_hint
    from timeline.nlp import load_nlp

    found = tag(text, dt.date(2025, 1, 15), parse_tense_hint(load_nlp()(text)))
    assert [t.value for t in found if t.text == expression] == [value], [(t.text, t.value) for t in found]


def test_without_a_parse_the_tagger_keeps_its_cue_word_reading() -> None:
    """The `tag` CLI and TempEval path have no parse: "picked up two men on April 22nd" stays the coming April (an
    "-ed" word that far back counts only after a pronoun subject, before an object pronoun ("arrested him") or
    right before a determiner or preposition ("arrested two men", session 23); a particle between is not read)."""
    assert [t.value for t in tag("Police picked up two men on April 22nd.", dt.date(2025, 1, 15))] == ["2025-04-22"]
    assert [t.value for t in tag("Police picked up two men on April 22nd.", dt.date(2025, 1, 15), lambda s, e: None)] \
        == ["2025-04-22"]
    assert [t.value for t in tag("Police arrested him on April 22nd.", dt.date(2025, 1, 15))] == ["2024-04-22"]
    assert [t.value for t in tag("Police arrested two men on April 22nd.", dt.date(2025, 1, 15))] == ["2024-04-22"]


def test_golden_files_use_only_known_keys() -> None:
    """A misspelt key ("not_taged") would be ignored and its case could never fail."""
    negative = load_yaml((GOLDEN / "negative.yaml").read_text(encoding="utf-8"))
    positive = load_yaml((GOLDEN / "positive.yaml").read_text(encoding="utf-8"))
    unknown = [sorted(set(c) - {"text", "not_tagged", "not_dated"}) for c in negative["cases"]]
    unknown += [sorted(set(c) - {"text", "dct", "expect"}) for items in positive["groups"].values() for c in items]
    assert [u for u in unknown if u] == []
