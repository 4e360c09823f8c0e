"""Awkward inputs through the article readers: files, folders, uploads and pasted text.

The cases live in tests/golden/inputs/cases.yaml (one entry per file); adding a file there adds a test.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from timeline.documents import Article, InputError, article_from_text, read_bytes, read_path
from timeline.yaml_strict import load_yaml

INPUTS = Path(__file__).resolve().parent / "golden" / "inputs"
CASES: list[dict[str, Any]] = load_yaml((INPUTS / "cases.yaml").read_text(encoding="utf-8"))["cases"]

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
    text = "<script>alert(1)</script> Officials met on <b>Monday</b>. " + "x" * 90_000
    article = article_from_text(text, dct="2025-05-01")
    assert article.text == text
    assert article.dct == dt.date(2025, 5, 1)


def test_pasted_date_line_beats_the_callers_dct() -> None:
    article = article_from_text("date 2024-06-19\r\nThe treaty was signed.", dct="2020-01-01")
    assert (article.dct, article.text) == (dt.date(2024, 6, 19), "The treaty was signed.")


MIXED_RECORDS = "\n".join([
    '{"id": "good-1", "date": "2024-05-02", "text": "Engineers completed the dam on Wednesday."}',
    '{"id": "broken", "text": "no closing brace"',                      # 2: not JSON
    '["a", "list"]',                                                    # 3: not an object
    '{"id": "no-text", "title": "Missing"}',                            # 4: no text
    '{"id": "bad-date", "date": "2024-02-30", "text": "Talks began."}',  # 5: impossible date
    '{"id": "empty", "text": "   "}',                                   # 6: empty text
    '{"id": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}",          # 7: nested too deeply
    '\x00\x01 garbage',                                                 # 8: control bytes
    '{"id": "good-2", "date": "2024-05-03", "text": "Negotiators resumed talks on Thursday."}',
])


def test_good_records_survive_bad_ones_and_each_bad_one_is_named() -> None:
    problems: list[str] = []
    articles = read_bytes("wire.jsonl", MIXED_RECORDS.encode("utf-8"), problems=problems)
    assert [a.doc_id for a in articles] == ["good-1", "good-2"]
    assert len(problems) == 7
    for line, problem in zip(range(2, 9), problems):
        assert problem.startswith((f"wire.jsonl: line {line} ", f"wire.jsonl:{line}:")), problem
    assert "2024-02-30" in problems[3] and "empty" in problems[4] and "deeply" in problems[5]
    with pytest.raises(InputError, match="line 2"):  # without a problems list the first bad record stops the read
        read_bytes("wire.jsonl", MIXED_RECORDS.encode("utf-8"))


def test_a_file_without_one_good_record_is_an_error_even_when_collecting() -> None:
    problems: list[str] = []
    with pytest.raises(InputError, match=r"bad\.jsonl.*line 1"):
        read_bytes("bad.jsonl", b'{"id": "x"\n', problems=problems)


def test_folder_read_collecting_problems_skips_the_broken_file(tmp_path: Path) -> None:
    shutil.copy(INPUTS / "records_good.jsonl", tmp_path / "a_good.jsonl")
    shutil.copy(INPUTS / "records_bad_line.jsonl", tmp_path / "b_bad.jsonl")
    shutil.copy(INPUTS / "image_named_txt.txt", tmp_path / "c_image.txt")
    problems: list[str] = []
    articles = read_path(tmp_path, problems=problems)
    assert [a.doc_id for a in articles] == ["wire-1", "wire-2", "wire-1-2", "wire-2-2"]
    assert len(problems) == 2 and "b_bad.jsonl: line 2" in problems[0] and "c_image" in problems[1]


def test_thousands_of_tiny_records_are_all_read() -> None:
    lines = [json.dumps({"id": f"n{i}", "text": f"Rebels attacked village {i} on Monday."}) for i in range(5000)]
    articles = read_bytes("many.jsonl", "\n".join(lines).encode("utf-8"))
    assert len(articles) == 5000 and len({a.doc_id for a in articles}) == 5000


TITLES: list[tuple[str, str]] = [
    ("Quake hits Gansu\n\nA quake hit the province on Monday.", "Quake hits Gansu"),
    ("Quake hits Gansu\nA quake hit the province on Monday.", "Quake hits Gansu"),   # no blank line between
    ("Opponents Are Unable to Block Brexit Law\r\nMPs voted on Monday.", "Opponents Are Unable to Block Brexit Law"),
    ("A quake hit the province on Monday.\nMore later.", ""),                       # a paragraph, not a title
    ("Quake hits Gansu", ""),                                                        # nothing after it
    ("WASHINGTON \u2014\nThe Senate voted on Monday.", ""),                          # a dateline
    ("Officials said:\nThe quake hit on Monday.", ""),                               # a lead-in
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_pasted_text_finds_its_headline_line(text: str, title: str) -> None:
    assert article_from_text(text, "pasted", "2024-01-02").title == title


LONG = "Rebels attacked the town on Monday. " * 3_000  # 108,000 characters: minutes of extraction


@pytest.mark.parametrize(("name", "data"), [
    ("long.txt", ("date 2025-03-10\n" + LONG).encode("utf-8")),
    ("long.html", f"<html><body><p>{LONG}</p></body></html>".encode()),
    ("long.jsonl", json.dumps({"id": "long", "text": LONG}).encode("utf-8")),
])
def test_an_article_too_long_to_read_in_seconds_is_a_clear_error(name: str, data: bytes) -> None:
    with pytest.raises(InputError, match=r"long.*too long \(10[78],\d{3} characters; the limit is 100,000\)"):
        read_bytes(name, data)


def test_a_too_long_record_is_skipped_and_named_and_the_others_kept() -> None:
    lines = [json.dumps({"id": "ok", "text": "Rebels attacked the town."}), json.dumps({"id": "long", "text": LONG})]
    problems: list[str] = []
    articles = read_bytes("wire.jsonl", "\n".join(lines).encode("utf-8"), problems=problems)
    assert [a.doc_id for a in articles] == ["ok"] and len(problems) == 1 and "wire.jsonl:2" in problems[0]
    with pytest.raises(InputError, match="too long"):
        article_from_text(LONG)


def test_a_page_of_nested_unclosed_paragraphs_is_read_in_linear_time() -> None:
    """20,000 unclosed <p> nest inside each other: a search for blocks under each block took about a minute."""
    import time

    start = time.perf_counter()
    articles = read_bytes("nested.html", ("<p>" * 20_000 + "Rebels attacked the town on Monday.").encode("utf-8"))
    assert articles[0].text == "Rebels attacked the town on Monday."
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("header, day", [
    ("date: 2024-02-03", dt.date(2024, 2, 3)),
    ("Date: 3 February 2024", dt.date(2024, 2, 3)),
    ("Published: 2024-02-03", dt.date(2024, 2, 3)),
    ("date 2024-2-3", dt.date(2024, 2, 3)),
    ("DATE:2024/02/03 10:15 GMT", dt.date(2024, 2, 3)),
    ("Posted on: Saturday, February 3, 2024 at 10:15 a.m.", dt.date(2024, 2, 3)),
    ("Publication date: 3rd of Feb. 2024", dt.date(2024, 2, 3)),
    ("Dated 13/02/2024", dt.date(2024, 2, 13)),
])
def test_usual_dateline_forms_give_the_publication_date(header: str, day: dt.date) -> None:
    article = article_from_text(f"{header}\nThe council met on Tuesday.")
    assert article.dct == day
    assert article.text == "The council met on Tuesday."


@pytest.mark.parametrize("text", [
    "Date palms grow in the south.\nThe council met on Tuesday.",
    "Published: 2 hours ago\nThe council met on Tuesday.",
    "Dated buildings were torn down on 3 February 2024.\nMore.",
    "Posted 12 goals in 2024, the striker retired.\nMore.",
])
def test_lines_that_only_start_like_a_dateline_are_text(text: str) -> None:
    article = article_from_text(text)
    assert article.dct is None
    assert article.text == text


@pytest.mark.parametrize("header, fragment", [
    ("date: 2024-02-30", "February 2024 has 29 days"),
    ("Date: 31 April 2023", "April 2023 has 30 days"),
    ("Published: 2024-13-01", "no month 13"),
    ("date 03/04/2024", "order unclear"),
])
def test_impossible_datelines_are_clear_errors(header: str, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment) as caught:
        article_from_text(f"{header}\nThe council met on Tuesday.", doc_id="kia")
    assert str(caught.value).startswith("kia: line 1: not a valid publication date")
