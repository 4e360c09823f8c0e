"""Event extraction cases from tests/golden/events/cases.yaml (format in its header), one test per case."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline.extract import extract_events
from timeline.schema import check_events_frame
from timeline.yaml_strict import load_yaml

CASES_FILE = Path(__file__).parent / "golden" / "events" / "cases.yaml"
CASES: list[dict[str, Any]] = load_yaml(CASES_FILE.read_text(encoding="utf-8"))["cases"]
_FIELDS = ("event_type", "date_value", "date_source", "modifier", "granularity", "location", "summary", "sentence_index")


def _problems(row: pd.Series, item: dict[str, Any]) -> list[str]:
    problems = [f"{f}={row[f]!r} (want {item[f]!r})" for f in _FIELDS if f in item and str(row[f]) != str(item[f])]
    if "date_start" in item and str(row["date_start"])[:10] != str(item["date_start"]):
        problems.append(f"date_start={row['date_start']} (want {item['date_start']})")
    end = "" if row["date_end"] is None or str(row["date_end"]) in ("NaT", "nan", "None") else str(row["date_end"])[:10]
    if "date_end" in item and end != str(item["date_end"] or ""):
        problems.append(f"date_end={row['date_end']} (want {item['date_end']})")
    if "confidence_below" in item and not row["confidence"] < item["confidence_below"]:
        problems.append(f"confidence={row['confidence']} (want < {item['confidence_below']})")
    if "confidence_at_least" in item and not row["confidence"] >= item["confidence_at_least"]:
        problems.append(f"confidence={row['confidence']} (want >= {item['confidence_at_least']})")
    actors = list(row["actors"])
    problems += [f"{a} not in {actors}" for a in item.get("actors_include", []) if a not in actors]
    problems += [f"{a} in {actors}" for a in item.get("actors_exclude", []) if a in actors]
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    frame = extract_events(case["text"], case.get("dct"), doc_id=case["name"])
    assert check_events_frame(frame) == []
    for item in case.get("expected", []):
        rows = [row for _, row in frame.iterrows() if item["trigger"].lower() in str(row["trigger"]).lower()]
        assert rows, f"no row with trigger {item['trigger']!r}; triggers: {list(frame['trigger'])}"
        reports = [_problems(row, item) for row in rows]
        assert any(not r for r in reports), reports
    for trigger in case.get("absent_triggers", []):
        assert trigger.lower() not in [str(t).lower() for t in frame["trigger"]], list(frame["trigger"])
    for text in case.get("absent_date_text", []):
        assert not any(text.lower() in str(t).lower() for t in frame["date_text"]), list(frame["date_text"])
    for trigger in case.get("one_row_each", []):
        count = sum(trigger.lower() == str(t).lower() for t in frame["trigger"])
        assert count == 1, f"{count} rows with trigger {trigger!r}: {list(frame['trigger'])}"
    for trigger, expected in case.get("rows_with_trigger", {}).items():
        count = sum(trigger.lower() == str(t).lower() for t in frame["trigger"])
        assert count == expected, f"{count} rows with trigger {trigger!r} (want {expected}): {list(frame['trigger'])}"
    if "rows" in case:
        assert len(frame) == case["rows"], frame[["trigger", "date_value"]]


def test_cases_have_unique_names() -> None:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names))


_ITEM_KEYS = {"trigger", "date_start", "date_end", "confidence_below", "confidence_at_least", "actors_include", "actors_exclude",
              *_FIELDS}
_CASE_KEYS = {"name", "text", "dct", "expected", "absent_triggers", "absent_date_text", "one_row_each",
              "rows_with_trigger", "rows"}


def test_cases_use_only_known_keys() -> None:
    """A misspelt key ("actors" for "actors_include") would be ignored and the case could never fail."""
    unknown = [(c["name"], sorted(set(c) - _CASE_KEYS)) for c in CASES if set(c) - _CASE_KEYS]
    unknown += [(c["name"], sorted(set(item) - _ITEM_KEYS)) for c in CASES for item in c.get("expected", [])
                if set(item) - _ITEM_KEYS]
    assert unknown == []
