"""The command line as a user runs it: exit codes, formats, stdin, no tracebacks."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_49f8cb2e46737b4f.txt"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], check=False, cwd=ROOT, input=stdin,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def seed_csv() -> list[dict[str, str]]:
    result = run_cli("extract", str(SEED))
    assert result.returncode == 0, result.stderr.decode()
    return list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))


def test_help_documents_every_subcommand() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in (b"extract", b"tag", b"bench"):
        assert command in result.stdout
    extract_help = run_cli("extract", "--help").stdout
    for option in (b"--dct", b"--format", b"-o", b"timelinejs", b"ics"):
        assert option in extract_help


def test_csv_to_stdout_has_the_schema_columns(seed_csv: list[dict[str, str]]) -> None:
    from timeline.schema import EVENT_COLUMNS

    assert seed_csv, "no events from the seed"
    assert tuple(seed_csv[0].keys()) == EVENT_COLUMNS


@pytest.mark.parametrize("content, name", [
    (b"", "empty.txt"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt"),
    (b"date 2025-13-45\nSomething happened on Friday.", "baddate.txt"),
])
def test_unreadable_input_exits_2_with_one_line(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("extract", str(path))
    assert result.returncode == 2
    message = result.stderr.decode().strip()
    assert message.startswith("error:") and "\n" not in message and "Traceback" not in message


def test_missing_file_exits_2() -> None:
    result = run_cli("extract", "no/such/article.txt")
    assert result.returncode == 2 and b"no such file" in result.stderr


def test_stdin_with_dct_resolves_relative_dates() -> None:
    text = b"The two leaders met in Geneva on Friday to sign the agreement."
    result = run_cli("extract", "-", "--dct", "2025-12-13", "--format", "jsonl", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert any(r["date_value"] == "2025-12-12" for r in rows), rows


def test_stdin_without_dct_leaves_relative_dates_unresolved() -> None:
    text = b"The two leaders met in Geneva on Friday to sign the agreement."
    result = run_cli("extract", "-", "--format", "jsonl", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert rows and all(not r["date_value"][:1].isdigit() for r in rows), rows


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "timelinejs", "ics"])
def test_every_format_writes_a_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = run_cli("extract", str(SEED), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    data = out.read_bytes()
    assert data
    if fmt in ("json", "timelinejs"):
        json.loads(data)
    if fmt == "ics":
        assert data.startswith(b"BEGIN:VCALENDAR") and b"BEGIN:VEVENT" in data


def test_folder_and_jsonl_inputs_keep_every_article(tmp_path: Path) -> None:
    records = [{"id": "a", "title": "A", "date": "2024-03-01", "text": "Rebels attacked the town on Monday."},
               {"id": "b", "title": "B", "date": "2024-03-02", "text": "The company announced a merger on Tuesday."}]
    (tmp_path / "two.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    (tmp_path / "one.txt").write_text("date 2024-03-03\nThe minister resigned on Sunday.", encoding="utf-8")
    result = run_cli("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    docs = {json.loads(line)["doc_id"] for line in result.stdout.decode().splitlines()}
    assert docs == {"a", "b", "one"}


def run_in_process(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch, *args: str,
                   stdin: bytes = b"") -> tuple[int, bytes, str]:
    """``python -m timeline ARGS`` in this process (the spaCy model is loaded once): exit code, stdout, stderr."""
    from timeline.__main__ import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out, err.decode("utf-8")


def test_jsonl_with_bad_records_writes_the_good_ones_names_the_bad_and_exits_2(
        tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "a", "date": "2024-03-01", "text": "Rebels attacked the town on Monday."}),
             '{"id": "broken", "text": "no closing brace"',
             json.dumps({"id": "c", "date": "2024-02-30", "text": "Troops withdrew on Friday."}),
             json.dumps({"id": "b", "date": "2024-03-02", "text": "The company announced a merger on Tuesday."})]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "events.jsonl"
    code, _, stderr = run_in_process(capsysbinary, monkeypatch, "extract", str(tmp_path / "wire.jsonl"),
                                     "--format", "jsonl", "-o", str(out))
    assert code == 2
    docs = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {"a", "b"}
    errors = stderr.splitlines()
    assert any("wire.jsonl: line 2" in line for line in errors) and any("wire.jsonl:3:" in line for line in errors)
    assert errors[-1].startswith("error: 2 unreadable") and "Traceback" not in stderr


@pytest.mark.parametrize("content", [
    b"Rebels attacked\x00 the town on Monday.",
    "Rebels attacked the town on Monday. 🔥\u202e".encode("utf-16"),
    "\ufeffRebels attacked the café on Monday.\r\n".encode(),
    "Rebels attacked the café on Monday – “quoted”.".encode("cp1252"),
], ids=["nul", "utf-16", "bom-crlf", "cp1252"])
def test_awkward_text_on_stdin_gives_its_event(content: bytes, capsysbinary: pytest.CaptureFixture[bytes],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, stderr = run_in_process(capsysbinary, monkeypatch, "extract", "-", "--dct", "2024-03-06",
                                       "--format", "jsonl", stdin=content)
    assert code == 0, stderr
    rows = [json.loads(line) for line in out.decode().splitlines()]
    assert [row["trigger"] for row in rows] == ["attacked"] and rows[0]["date_value"] == "2024-03-04"


def test_stderr_says_what_was_left_out_and_which_articles_have_no_date(
        capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, stderr = run_in_process(capsysbinary, monkeypatch, "extract", "-", "--format", "jsonl",
                                     stdin=b"Rebels attacked the town on Monday. Officers arrested 12 people.")
    assert code == 0
    note = stderr.strip()
    assert note.startswith("1 events from 1 articles") and "1 event mentions with neither a date nor an actor" in note
    assert "without a publication date" in note and "--dct" in note


#: Headline, lede and one more paragraph of a real news article (2019-11-10).
HEADLINE_ARTICLE = ROOT / "tests" / "golden" / "articles" / "headline_and_lede.txt"
#: What a user reads in a row (offsets differ on purpose: the API counts them in the text it was given, header
#: included; the command line in the article text, the header cut off).
ROW_FIELDS = ("title", "event_type", "trigger", "summary", "sentence", "date_text", "date_value", "date_start",
              "date_end", "granularity", "date_source", "actors", "location", "confidence")


def test_api_and_command_line_give_the_same_rows() -> None:
    """``extract_events(text)`` blanks the date header out where the reader cuts it off: both must still see the
    headline as the article's first sentence (and merge it with the lede's event) and give the same rows."""
    from timeline.exports import export_events
    from timeline.extract import extract_events

    text = HEADLINE_ARTICLE.read_text(encoding="utf-8")
    result = run_cli("extract", str(HEADLINE_ARTICLE), "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    cli = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    api = [json.loads(line) for line in export_events(extract_events(text), "jsonl").decode("utf-8").splitlines()]
    assert [{k: row[k] for k in ROW_FIELDS} for row in api] == [{k: row[k] for k in ROW_FIELDS} for row in cli]
    assert any(row["sentence"].startswith(text.splitlines()[1] + " … ") for row in api)  # headline + lede, one row
    header = len(text.splitlines(keepends=True)[0])
    assert all(a["char_start"] - c["char_start"] == header and text[a["char_start"]:a["char_end"]] == a["trigger"]
               for a, c in zip(api, cli))
