"""Awkward inputs through the article readers: files, folders, uploads and pasted text.

The cases live in tests/golden/inputs/cases.yaml (one entry per file); adding a file there adds a test.
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.documents import Article, InputError, article_from_text, read_bytes, read_path

INPUTS = Path(__file__).resolve().parent / "golden" / "inputs"
CASES: list[dict[str, Any]] = yaml.safe_load((INPUTS / "cases.yaml").read_text(encoding="utf-8"))["cases"]

Reader = Callable[[Path], list[Article]]
#: The two ways a file reaches the product: a path (CLI, folders) and uploaded bytes (dashboard).
READERS: dict[str, Reader] = {
    "read_path": lambda path: read_path(path),
    "read_bytes": lambda path: read_bytes(path.name, path.read_bytes()),
}


def _case_id(case: dict[str, Any]) -> str:
    return str(case["file"])


def _check_article(article: Article, expected: dict[str, Any]) -> None:
    if "doc_id" in expected:
        assert article.doc_id == expected["doc_id"]
    if "dct" in expected:
        wanted = expected["dct"]
        assert article.dct == (dt.date.fromisoformat(wanted) if wanted else None)
    for key in ("title", "url"):
        if key in expected:
            assert getattr(article, key) == expected[key]
    for fragment in expected.get("text_contains", []):
        assert fragment in article.text, f"lost from the text: {fragment!r}"
    for fragment in expected.get("text_excludes", []):
        assert fragment not in article.text, f"leaked into the text: {fragment!r}"
    if "longest_line_min" in expected:
        assert max(len(line) for line in article.text.splitlines()) >= expected["longest_line_min"]


def test_every_corpus_file_has_a_case_and_every_case_a_file() -> None:
    files = {p.name for p in INPUTS.iterdir() if p.name != "cases.yaml" and not p.name.startswith(".")}
    assert files == {case["file"] for case in CASES}


@pytest.mark.parametrize("reader", list(READERS))
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_reader_on_corpus_file(case: dict[str, Any], reader: str) -> None:
    path = INPUTS / case["file"]
    if "error_contains" in case:
        with pytest.raises(InputError) as caught:
            READERS[reader](path)
        message = str(caught.value)
        assert path.stem in message, f"the message does not name the file: {message!r}"
        assert "Traceback" not in message and len(message) < 300
        for fragment in case["error_contains"]:
            assert fragment.lower() in message.lower(), f"{fragment!r} not in {message!r}"
        return
    articles = READERS[reader](path)
    assert len(articles) == len(case["articles"]), "records lost or invented"
    for article, expected in zip(articles, case["articles"]):
        _check_article(article, expected)


@pytest.mark.parametrize("case", [c for c in CASES if "articles" in c], ids=_case_id)
def test_path_and_upload_read_the_same_articles(case: dict[str, Any]) -> None:
    path = INPUTS / case["file"]
    assert read_path(path) == read_bytes(path.name, path.read_bytes())


def test_seed_date_line_is_removed_and_the_rest_kept_byte_for_byte() -> None:
    raw = (INPUTS / "hostile.txt").read_text(encoding="utf-8")
    article = read_path(INPUTS / "hostile.txt")[0]
    assert raw.startswith("date 2025-05-01\n")
    assert article.text == raw[len("date 2025-05-01\n"):]


def test_folder_reads_every_record_of_every_good_file(tmp_path: Path) -> None:
    good = [c for c in CASES if "articles" in c]
    for case in good:
        shutil.copy(INPUTS / case["file"], tmp_path / case["file"])
    (tmp_path / "notes.png").write_bytes((INPUTS / "image_named_txt.txt").read_bytes())  # not an article ending
    articles = read_path(tmp_path)
    assert len(articles) == sum(len(c["articles"]) for c in good)
    assert len({a.doc_id for a in articles}) == len(articles)


def test_folder_with_a_broken_file_names_that_file(tmp_path: Path) -> None:
    shutil.copy(INPUTS / "records_good.jsonl", tmp_path / "a_good.jsonl")
    shutil.copy(INPUTS / "records_bad_line.jsonl", tmp_path / "b_bad.jsonl")
    with pytest.raises(InputError, match=r"b_bad\.jsonl.*line 2"):
        read_path(tmp_path)


def test_caller_dct_fills_in_only_when_the_input_has_none() -> None:
    assert read_path(INPUTS / "no_date_line.txt", dct="2024-01-02")[0].dct == dt.date(2024, 1, 2)
    assert read_path(INPUTS / "latin1.txt", dct="2024-01-02")[0].dct == dt.date(2025, 2, 10)
    assert read_path(INPUTS / "news_page.html", dct="2024-01-02")[0].dct == dt.date(2025, 3, 4)


def test_unreadable_caller_dct_is_an_input_error() -> None:
    with pytest.raises(InputError, match="2025-13-45"):
        read_path(INPUTS / "no_date_line.txt", dct="2025-13-45")


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"),
    ("  \n\t\r\n ", "empty"),
    ("date 2025-13-45\nThe council met on Tuesday.", "2025-13-45"),
    ("date 2025-05-01\n\n   \n", "empty"),
])
def test_pasted_text_errors_are_readable(text: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment) as caught:
        article_from_text(text)
    assert isinstance(caught.value, ValueError)
    assert "pasted" in str(caught.value)


def test_pasted_hostile_text_is_kept_verbatim() -> None:
    text = "<script>alert(1)</script> Officials met on <b>Monday</b>. " + "x" * 100_000
    article = article_from_text(text, dct="2025-05-01")
    assert article.text == text
    assert article.dct == dt.date(2025, 5, 1)


def test_pasted_date_line_beats_the_callers_dct() -> None:
    article = article_from_text("date 2024-06-19\r\nThe treaty was signed.", dct="2020-01-01")
    assert (article.dct, article.text) == (dt.date(2024, 6, 19), "The treaty was signed.")
