"""Every seed golden file (tests/golden/seeds/*.yaml, format in its README.md) against the real extractor."""
from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from timeline.documents import read_path
from timeline.extract import extract_article
from timeline.paths import PROJECT_DIR
from timeline.yaml_strict import load_yaml

GOLDEN_DIR = Path(__file__).parent / "golden" / "seeds"
GOLDEN_FILES = sorted(GOLDEN_DIR.glob("*.yaml"))
_EXACT_FIELDS = ("event_type", "date_value", "granularity", "modifier", "date_source", "location")


@cache
def _golden(path: Path) -> dict[str, Any]:
    return load_yaml(path.read_text(encoding="utf-8"))


@cache
def _frame(article_path: str) -> pd.DataFrame:
    articles = read_path(PROJECT_DIR / article_path)
    assert len(articles) == 1
    return extract_article(articles[0]).events


def _day(value: Any) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _differences(row: pd.Series, item: dict[str, Any]) -> list[str]:
    problems = []
    for field in _EXACT_FIELDS:
        if field in item and str(row[field]) != str(item[field]):
            problems.append(f"{field}={row[field]!r} (want {item[field]!r})")
    for field in ("date_start", "date_end"):
        if field in item and _day(row[field]) != str(item[field]):
            problems.append(f"{field}={_day(row[field])!r} (want {item[field]!r})")
    if "date_start_min" in item and not (_day(row["date_start"]) and _day(row["date_start"]) >= item["date_start_min"]):
        problems.append(f"date_start={_day(row['date_start'])!r} (want >= {item['date_start_min']})")
    if "date_end_max" in item and not (_day(row["date_end"]) and _day(row["date_end"]) <= item["date_end_max"]):
        problems.append(f"date_end={_day(row['date_end'])!r} (want <= {item['date_end_max']})")
    missing = [a for a in item.get("actors_include", []) if a not in list(row["actors"])]
    if missing:
        problems.append(f"actors {list(row['actors'])} lack {missing}")
    wrong = [a for a in item.get("actors_exclude", []) if a in list(row["actors"])]
    if wrong:
        problems.append(f"actors {list(row['actors'])} have {wrong}")
    return problems


def _matches(row: pd.Series, item: dict[str, Any]) -> bool:
    """True when the row's sentence contains ``sentence_contains`` and its trigger one of ``trigger_any``."""
    return item["sentence_contains"].lower() in str(row["sentence"]).lower() \
        and any(t.lower() in str(row["trigger"]).lower() for t in item["trigger_any"])


def _cases() -> list[Any]:
    cases = []
    for path in GOLDEN_FILES:
        for n, item in enumerate(_golden(path).get("expected", [])):
            cases.append(pytest.param(path, item, id=f"{path.stem}:{n}:{item['sentence_contains'][:30]}"))
    return cases


@pytest.mark.slow
@pytest.mark.parametrize(("path", "item"), _cases())
def test_expected_row(path: Path, item: dict[str, Any]) -> None:
    if item.get("known_gap"):
        pytest.xfail(str(item["known_gap"]))  # a documented limitation, listed in the README
    frame = _frame(_golden(path)["article"])
    candidates = [row for _, row in frame.iterrows() if _matches(row, item)]
    assert candidates, f"no row with trigger in {item['trigger_any']} in a sentence containing {item['sentence_contains']!r}"
    reports = [_differences(row, item) for row in candidates]
    assert any(not r for r in reports), "; ".join(f"{row['trigger']}: {', '.join(r)}"
                                                 for row, r in zip(candidates, reports))


def _absent_cases() -> list[Any]:
    return [pytest.param(path, item, id=f"{path.stem}:absent:{n}:{item['sentence_contains'][:30]}")
            for path in GOLDEN_FILES for n, item in enumerate(_golden(path).get("absent", []))]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "item"), _absent_cases())
def test_absent_row(path: Path, item: dict[str, Any]) -> None:
    frame = _frame(_golden(path)["article"])
    found = [f"{row['trigger']}: {row['summary']}" for _, row in frame.iterrows() if _matches(row, item)]
    assert not found, f"no event, yet rows: {found}"


@pytest.mark.slow
@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_no_dates_from_numbers_and_names(path: Path) -> None:
    frame = _frame(_golden(path)["article"])
    for text in _golden(path).get("must_not_date_text", []):
        bad = [t for t in frame["date_text"] if text.lower() in str(t).lower()]
        assert not bad, f"{text!r} became a date: {bad}"


@pytest.mark.slow
@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_expected_actors(path: Path) -> None:
    frame = _frame(_golden(path)["article"])
    seen = {a for actors in frame["actors"] for a in actors}
    gaps = set(_golden(path).get("actors_known_gaps", []))
    missing = [a for a in _golden(path).get("actors_expected", []) if a not in seen and a not in gaps]
    assert not missing, f"actors missing from the frame: {missing} (seen {sorted(seen)})"


def test_golden_files_are_well_formed() -> None:
    assert GOLDEN_FILES
    item_keys = {"sentence_contains", "trigger_any", "known_gap", "actors_include", "actors_exclude", "date_start", "date_end",
                 "date_start_min", "date_end_max", *_EXACT_FIELDS}
    file_keys = {"article", "expected", "absent", "must_not_date_text", "actors_expected", "actors_known_gaps"}
    for path in GOLDEN_FILES:
        golden = _golden(path)
        assert (PROJECT_DIR / golden["article"]).exists(), path
        assert set(golden) <= file_keys, (path, set(golden) - file_keys)  # a misspelt key would check nothing
        for item in golden["expected"] + golden.get("absent", []):
            assert item["sentence_contains"] and item["trigger_any"], (path, item)
            assert set(item) <= item_keys, (path, set(item) - item_keys)
            for field in ("date_start", "date_end", "date_start_min", "date_end_max"):
                if field in item:
                    dt.date.fromisoformat(str(item[field]))
