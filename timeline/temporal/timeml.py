"""Reading TimeML / TempEval-3 input and plain text, writing TimeML with TIMEX3 elements inserted.

TEXT is kept character for character (XML escapes included); tags already inside TEXT are removed first, and a
CDATA section's characters are kept (written escaped, so that tags can go around them).
The DCT's own TIMEX3 (inside <DCT>) is left as it was.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from timeline.documents import InputError, date_header
from timeline.documents import parse_dct as read_dct
from timeline.temporal.timex import Timex

_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.DOTALL)
_VALUE = re.compile(r"""\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_YEAR_MONTH = re.compile(r"(\d{4})(?:-?(\d\d))?$")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
TIMEML_SUFFIXES: tuple[str, ...] = (".tml", ".te3input", ".xml")


@dataclass(frozen=True)
class TimeMLDocument:
    """A document split around its TEXT body: ``head`` + body + ``tail`` is the whole output file."""

    head: str
    body: str  # the raw (escaped) character content of TEXT, tags removed
    tail: str
    dct: dt.date | None
    dct_problem: str = ""  # why a DCT written in the file could not be read ("" when read or absent)


def parse_dct(raw: str) -> dt.date | None:
    """The DCT from a TimeML header's <DCT><TIMEX3 value=...> (or the DCT's text); None when absent or unreadable.

    >>> parse_dct('<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27">02/27/1998</TIMEX3></DCT>')
    datetime.date(1998, 2, 27)
    >>> parse_dct('<DCT><TIMEX3 value="March 3, 2024">March 3, 2024</TIMEX3></DCT>'), parse_dct('<DCT>x</DCT>')
    (datetime.date(2024, 3, 3), None)
    """
    return read_dct_element(raw)[0]


def read_dct_element(raw: str) -> tuple[dt.date | None, str]:
    """(DCT, "") from a TimeML header's <DCT>; (None, why) when it is written but cannot be read; (None, "") when
    there is none. A year or year-month value is its first day.

    >>> read_dct_element('<DCT><TIMEX3 value="2024-02-30">2024-02-30</TIMEX3></DCT>')
    (None, "not a valid publication date: '2024-02-30' (February 2024 has 29 days)")
    """
    block = _DCT.search(raw)
    if not block:
        return None, ""
    attribute = _VALUE.search(block.group(1))
    candidates = [attribute.group(1) or attribute.group(2) or ""] if attribute else []
    candidates.append(html.unescape(_TAG.sub(" ", block.group(1))))
    problem = ""
    for candidate in (c.strip() for c in candidates):
        if not candidate:
            continue
        partial = _YEAR_MONTH.match(candidate)
        if partial and 1 <= int(partial.group(2) or 1) <= 12:
            return dt.date(int(partial.group(1)), int(partial.group(2) or 1), 1), ""
        try:
            found = read_dct(candidate)
        except InputError as error:
            problem = problem or str(error)
            continue
        if found is not None:
            return found, ""
    return None, problem or "the <DCT> element holds no date"


def text_body(raw: str) -> str:
    """The character content of TEXT: tags removed, CDATA sections' characters kept (escaped).

    >>> text_body("<s>Sales rose <![CDATA[in Q1 & <b>May</b>]]> 1998.</s>")
    'Sales rose in Q1 &amp; &lt;b&gt;May&lt;/b&gt; 1998.'
    """
    pieces: list[str] = []
    pos = 0
    for section in _CDATA.finditer(raw):
        pieces.append(_TAG.sub("", raw[pos:section.start()]))
        pieces.append(escape(section.group(1)))
        pos = section.end()
    pieces.append(_TAG.sub("", raw[pos:]))
    return "".join(pieces)


def read_timeml(raw: str) -> TimeMLDocument:
    """Split a TimeML / .TE3input file; raises ValueError when it has no <TEXT> element."""
    opening = _TEXT_OPEN.search(raw)
    closing = _TEXT_CLOSE.search(raw, opening.end()) if opening else None
    if not opening or not closing:
        raise ValueError("no <TEXT> element")
    body = text_body(raw[opening.end():closing.start()])
    dct, problem = read_dct_element(raw[:opening.start()])
    return TimeMLDocument(raw[:opening.end()], body, "</TEXT>\n\n</TimeML>\n", dct, problem)


def read_plain(raw: str, dct: dt.date | None) -> TimeMLDocument:
    """Wrap plain text as TimeML; a leading ``date YYYY-MM-DD`` header gives the DCT when ``dct`` is None.

    >>> read_plain(" date 2025-12-13 Troops returned on Friday.", None).dct
    datetime.date(2025, 12, 13)
    """
    raw_date, header_length = date_header(raw)
    if header_length:
        if dct is None:
            dct = read_dct(raw_date)  # InputError for a malformed date: the CLI exits 2 with its message
        raw = raw[header_length:]
    dct_xml = ""
    if dct is not None:
        dct_xml = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n')
    head = f'<?xml version="1.0" ?>\n<TimeML>\n{dct_xml}<TEXT>'
    return TimeMLDocument(head, escape(raw), "</TEXT>\n\n</TimeML>\n", dct)


def unescape_with_map(body: str) -> tuple[str, list[int]]:
    """Unescaped text and, for each of its characters (plus the end), its offset in ``body``.

    >>> unescape_with_map("AT&amp;T")
    ('AT&T', [0, 1, 2, 7, 8])
    """
    if "&" not in body:
        return body, list(range(len(body) + 1))
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for entity in _ENTITY.finditer(body):
        chars.append(body[pos:entity.start()])
        offsets.extend(range(pos, entity.start()))
        decoded = html.unescape(entity.group(0))
        chars.append(decoded)
        offsets.extend([entity.start()] * len(decoded))
        pos = entity.end()
    chars.append(body[pos:])
    offsets.extend(range(pos, len(body) + 1))
    return "".join(chars), offsets


def timex_element_open(timex: Timex, tid: str, anchor_tid: str | None) -> str:
    """The opening <TIMEX3 ...> tag for one timex."""
    attrs = [f"tid={quoteattr(tid)}", f"type={quoteattr(timex.type)}", f"value={quoteattr(timex.value)}"]
    if timex.mod:
        attrs.append(f"mod={quoteattr(timex.mod)}")
    if anchor_tid:
        attrs.append(f"anchorTimeID={quoteattr(anchor_tid)}")
    return "<TIMEX3 " + " ".join(attrs) + ">"


def insert_timexes(doc: TimeMLDocument, text_offsets: list[int], timexes: list[Timex]) -> str:
    """The whole output file: ``doc`` with TIMEX3 elements around each timex (offsets into the unescaped text)."""
    pieces: list[str] = [doc.head]
    pos = 0
    for number, timex in enumerate(timexes, start=1):
        start, end = text_offsets[timex.start], text_offsets[timex.end]
        if start < pos:
            continue
        anchor = f"t{timex.anchor_index + 1}" if timex.anchor_index is not None else None
        pieces.append(doc.body[pos:start])
        pieces.append(timex_element_open(timex, f"t{number}", anchor))
        pieces.append(doc.body[start:end])
        pieces.append("</TIMEX3>")
        pos = end
    pieces.append(doc.body[pos:])
    pieces.append(doc.tail)
    return "".join(pieces)


def output_name(path: Path) -> str:
    """Output file name: ``x.tml.TE3input`` -> ``x.tml``, ``x.txt`` -> ``x.tml``, ``x.tml`` -> ``x.tml``.

    >>> output_name(Path("a/ABC19980108.1830.0711.tml.TE3input"))
    'ABC19980108.1830.0711.tml'
    """
    name = path.name
    if name.lower().endswith(".te3input"):
        name = name[: -len(".te3input")]
        return name if name.lower().endswith(".tml") else name + ".tml"
    if name.lower().endswith(".tml"):
        return name
    return Path(name).stem + ".tml"


def is_timeml_path(path: Path) -> bool:
    """True for .tml / .TE3input / .xml files."""
    return path.name.lower().endswith(TIMEML_SUFFIXES)
