"""TimeML reading/writing and the `tag` command: TEXT characters unchanged, DCT untouched, exit codes."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

from timeline.temporal import find_ranges, tag
from timeline.temporal.cli import tag_document

ROOT = Path(__file__).resolve().parents[1]
TE3INPUT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT>
<TEXT>AT&amp;T said on <TIMEX3 tid="t9" type="DATE" value="1998-02-26">Thursday</TIMEX3> it would cut 1,000 jobs next year.</TEXT>
<TLINK lid="l1"/>
</TimeML>
"""


def _text_of(xml: str) -> str:
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.DOTALL)
    assert body
    return re.sub(r"<[^>]+>", "", body.group(1))


def test_tag_document_keeps_text_and_dct() -> None:
    out = tag_document(TE3INPUT, Path("x.tml.TE3input"), None)
    assert _text_of(out) == _text_of(TE3INPUT)
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27"' in out
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3>' in out
    assert 'value="1999">next year</TIMEX3>' in out
    assert "TLINK" not in out


def test_wire_slug_line_in_header_dates_the_story() -> None:
    # an archive record dated a week after the wire story its EXTRAINFO slug line files on 2000-01-07 (Friday)
    doc = TE3INPUT.replace("<TEXT>", "<EXTRAINFO>\nAPW20000107.0088  NEWS STORY  2000-01-07 03:03\n</EXTRAINFO>\n<TEXT>")
    out = tag_document(doc.replace("1998-02-27", "2000-01-15"), Path("x.tml.TE3input"), None)
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="2000-01-15"' in out  # the DCT element is written back as it was
    assert 'value="2000-01-06">Thursday</TIMEX3>' in out  # not 2000-01-13, the Thursday before the record's date
    same_day = tag_document(doc.replace("1998-02-27", "2000-01-07"), Path("x.tml.TE3input"), None)
    assert 'value="2000-01-06">Thursday</TIMEX3>' in same_day


def test_plain_text_with_date_line() -> None:
    out = tag_document("date 2025-12-13\nThe talks ended on Friday.\n", Path("a.txt"), None)
    assert 'value="2025-12-12">Friday</TIMEX3>' in out
    assert 'value="2025-12-13"' in out


def test_plain_text_with_bom_and_date_line(tmp_path: Path) -> None:
    source = tmp_path / "bom.txt"
    source.write_bytes("\ufeffdate 2025-12-13\nThe talks ended on Friday.\n".encode())
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(source), "-o", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert 'value="2025-12-12">Friday</TIMEX3>' in (tmp_path / "out" / "bom.tml").read_text(encoding="utf-8")


def test_cli_writes_one_file_per_input(tmp_path: Path) -> None:
    source = tmp_path / "doc.tml.TE3input"
    source.write_text(TE3INPUT, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(source), "-o", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "doc.tml").is_file()


def test_cli_unreadable_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML>no text element</TimeML>", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(bad), "-o", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1


def test_find_ranges_between_and_from() -> None:
    text = "Fighting raged between March and May, and prices rose from 2019 to 2021."
    timexes = tag(text, dt.date(2025, 12, 13))
    ranges = find_ranges(text, timexes)
    assert [text[r.start:r.end] for r in ranges] == ["between March and May", "from 2019 to 2021"]


def test_find_ranges_without_opener_needs_ordered_dates() -> None:
    text = "Events run Dec. 31 to Jan. 1. The vote moved Friday to Monday."
    timexes = tag(text, dt.date(2018, 11, 8))
    assert [text[r.start:r.end] for r in find_ranges(text, timexes)] == ["Dec. 31 to Jan. 1"]


def test_find_ranges_consecutive_days_and_early_hours() -> None:
    text = "On Saturday and Sunday, Sept. 7 and 8, rain fell from August 27 to the early hours of Sept. 9."
    timexes = tag(text, dt.date(2019, 9, 9))
    assert [text[r.start:r.end] for r in find_ranges(text, timexes)] == [
        "Sept. 7 and 8", "from August 27 to the early hours of Sept. 9"]


def test_find_ranges_year_spans() -> None:
    text = "He joined for the 2024-25 season and won the 2023/24 title; the score was 2019-18."
    timexes = tag(text, dt.date(2025, 12, 13))
    assert [text[r.start:r.end] for r in find_ranges(text, timexes)] == ["2024-25", "2023/24"]
    assert [(t.date_start, t.date_end) for t in timexes[:2]] == [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)), (dt.date(2025, 1, 1), dt.date(2025, 12, 31))]


def test_tag_never_uses_today() -> None:
    assert [t.value for t in tag("He left yesterday.", None)] == ["XXXX-XX-XX"]


def test_bad_input_does_not_crash() -> None:
    texts = ["", " ", "\x00\x01", "9999-99-99", "February 30, 2024", "Q9 2024", "the 99th century",
             "9999-10000", "H9 2024", "on the 31st", "on the 99th", "31.02.2025", "0/0/0", "2099-00",
             "On Monday, last week and tomorrow, this weekend, two years ago"]
    for dct in (dt.date(2025, 1, 1), dt.date(1, 1, 1), dt.date(9999, 12, 31), None):
        for text in texts:
            for timex in tag(text, dct):
                assert text[timex.start:timex.end] == timex.text


def test_cli_reads_legacy_encodings_and_writes_well_formed_xml(tmp_path: Path) -> None:
    from xml.dom import minidom

    text = "date 2025-02-10\nCafé owners protested\x00 on Monday \x1b[0m\x0c.\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "latin1.txt").write_bytes(text.replace("\x00", "").encode("latin-1"))
    (tmp_path / "in" / "utf16.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "in" / "controls.txt").write_bytes(text.encode("utf-8"))
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(tmp_path / "in"), "-o", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    for name in ("latin1", "utf16", "controls"):
        out = (tmp_path / "out" / f"{name}.tml").read_text(encoding="utf-8")
        minidom.parseString(out)  # control characters are no XML: they become spaces
        assert "Café owners" in out and 'value="2025-02-10">Monday</TIMEX3>' in out


def _with_dct(value: str, shown: str) -> str:
    return TE3INPUT.replace('value="1998-02-27" temporalFunction="false" functionInDocument="CREATION_TIME">02/27/1998',
                            f'value="{value}" temporalFunction="false" functionInDocument="CREATION_TIME">{shown}')


def test_wordy_dct_anchors_relative_dates() -> None:
    out = tag_document(_with_dct("March 3, 2024", "March 3, 2024"), Path("x.tml"), None)
    assert 'value="2024-02-29">Thursday</TIMEX3>' in out
    assert 'value="2025">next year</TIMEX3>' in out


def test_impossible_dct_value_falls_back_on_the_dct_text() -> None:
    out = tag_document(_with_dct("1998-02-30", "February 27, 1998"), Path("x.tml"), None)
    assert 'value="1998-02-26">Thursday</TIMEX3>' in out


def test_cdata_inside_text_keeps_its_characters() -> None:
    raw = TE3INPUT.replace("it would cut", "it <![CDATA[would cut <b>jobs</b> & on Friday]]> would cut")
    out = tag_document(raw, Path("x.tml"), None)
    expected = _text_of(TE3INPUT).replace("it would cut", "it would cut &lt;b&gt;jobs&lt;/b&gt; &amp; on Friday would cut")
    assert _text_of(out) == expected
    assert ">Friday</TIMEX3>" in out


def test_unreadable_or_missing_dct_is_a_warning_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "bad.tml").write_text(_with_dct("2024-02-30", "2024-02-30"), encoding="utf-8")
    (tmp_path / "none.txt").write_text("The talks ended on Friday.\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Date: March 3, 2024\nThe talks ended on Friday.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(tmp_path / "bad.tml"), str(tmp_path / "none.txt"),
                           str(tmp_path / "good.txt"), "-o", str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    warnings = done.stderr.strip().splitlines()
    assert len(warnings) == 2
    assert "bad.tml" in warnings[0] and "February 2024 has 29 days" in warnings[0]
    assert "none.txt" in warnings[1] and "no publication date" in warnings[1]
    assert 'value="2024-03-01">Friday</TIMEX3>' in (tmp_path / "out" / "good.tml").read_text(encoding="utf-8")


def test_cli_reads_a_wordy_dct_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The talks ended on Friday.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "timeline", "tag", str(tmp_path / "a.txt"), "--dct", "March 3, 2024",
                           "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert not done.stderr
    assert 'value="2024-03-01">Friday</TIMEX3>' in (tmp_path / "out" / "a.tml").read_text(encoding="utf-8")
