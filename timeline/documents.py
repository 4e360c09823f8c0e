"""Reading articles: plain text, HTML pages and JSON Lines, with their publication dates (DCT).

Every reader returns :class:`Article` objects whose ``text`` is exactly the string that the
events' character offsets index. Unreadable input raises :class:`InputError` with a message
meant for a person (the CLI prints it, the dashboard shows it).
"""
from __future__ import annotations

import calendar
import codecs
import datetime as dt
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from timeline.paths import SEEDS_DIR, data_file
from timeline.temporal.rules import load_tables

#: Largest input accepted from one file or upload (bytes).
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Longest article text accepted by the readers (characters; about 16,000 words, longer than news articles):
#: extraction reads about 1,100-6,000 characters a second (a 174,000-character text took 157 s on a busy 2-core
#: machine), so a 5 MB text would take from 14 to 75 minutes.
MAX_ARTICLE_CHARS = 100_000
#: What a headline line never ends with: a sentence's final stop or quote (the first line is then a paragraph),
#: a colon (a lead-in), or a dash (a dateline such as "WASHINGTON --" before the text).
TITLE_NOT_ENDING: tuple[str, ...] = (".", "!", "?", ":", '"', "\u201d", "-", "\u2013", "\u2014")
#: File endings read when a folder is given.
KNOWN_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".json", ".ndjson")

_Item = TypeVar("_Item")

_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh", b"7z\xbc\xaf",
    b"\x00\x00\x01\x00", b"RIFF", b"ID3", b"OggS", b"fLaC", b"\xd0\xcf\x11\xe0",
)


#: Characters no parser or XML file can take (control characters, lone UTF-16 surrogates).
_UNPARSABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: Space within a line: a space or tab, also a no-break, thin or ideographic space (word processors and web pages
#: put a no-break space between "Date:" and its value); not a line or paragraph break.
#: Line breaks other than "\n", each read as "\n" (one character for one: offsets keep).
LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})
_HSPACE = r"[^\S\n\r\f\v\x1c-\x1f\x85\u2028\u2029]"


class InputError(ValueError):
    """Input that cannot be read as an article; the message says why, for a person."""


@dataclass(frozen=True)
class Article:
    """One news article: its id, text, publication date (DCT) and metadata."""

    doc_id: str
    text: str
    dct: dt.date | None
    title: str = ""
    url: str = ""


def parse_dct(value: object) -> dt.date | None:
    """Read a publication date from a date, datetime or string; None for empty values.

    Strings: ISO dates (one-digit month and day allowed, a time after them ignored), ``YYYYMMDD``, day and
    month names ("3 February 2024", "Saturday, February 3, 2024, 10:15 GMT"), a day-month-year with slashes
    when a number over 12 tells the order, and other English wordings with a day, month and year.

    >>> parse_dct("2025-12-13"), parse_dct("2024-2-3"), parse_dct("19980108")
    (datetime.date(2025, 12, 13), datetime.date(2024, 2, 3), datetime.date(1998, 1, 8))
    >>> parse_dct("2025-03-04T10:00:00Z"), parse_dct("Sat. 3rd February 2024"), parse_dct("March 3, 2024 10:15")
    (datetime.date(2025, 3, 4), datetime.date(2024, 2, 3), datetime.date(2024, 3, 3))
    >>> parse_dct("2025-13-45")
    Traceback (most recent call last):
    timeline.documents.InputError: not a valid publication date: '2025-13-45' (there is no month 13)
    >>> parse_dct("30 February 2024")
    Traceback (most recent call last):
    timeline.documents.InputError: not a valid publication date: '30 February 2024' (February 2024 has 29 days)
    >>> parse_dct("03/02/2024")
    Traceback (most recent call last):
    timeline.documents.InputError: not a valid publication date: '03/02/2024' (day and month order unclear: \
write YYYY-MM-DD)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    if not text:
        return None
    numeric, wordy = _date_value_patterns()
    match = numeric.match(text)
    if match:
        year, month, day = _numeric_parts(match, text)
        return _checked_date(year, month, day, text)
    match = wordy.match(text)
    if match:
        months = _date_tables()[0]
        month_word = (match.group("m1") or match.group("m2")).lower().rstrip(".")
        day_text = match.group("d1") or match.group("d2")
        return _checked_date(int(match.group("y1") or match.group("y2")), months[month_word], int(day_text), text)
    if re.search(r"[A-Za-z]", text) and re.search(r"(?<!\d)\d{4}(?!\d)", text):
        found = _dateparser_date(text)
        if found is not None:
            return found
    raise InputError(f"not a valid publication date: {text[:40]!r} (expected YYYY-MM-DD)")


def _numeric_parts(match: re.Match[str], text: str) -> tuple[int, int, int]:
    """(year, month, day) of a numeric date match; InputError when a slash date's order is unclear."""
    if match.group("y"):
        return int(match.group("y")), int(match.group("m")), int(match.group("d"))
    first, second, year = int(match.group("a")), int(match.group("b")), int(match.group("yy"))
    if first > 12 >= second:
        return year, second, first
    if second > 12 >= first or first == second:
        return year, first, second
    raise InputError(f"not a valid publication date: {text[:40]!r} (day and month order unclear: write YYYY-MM-DD)")


def _checked_date(year: int, month: int, day: int, text: str) -> dt.date:
    """The date, or an InputError saying why there is no such day."""
    if not 1 <= month <= 12:
        raise InputError(f"not a valid publication date: {text[:40]!r} (there is no month {month})")
    try:
        return dt.date(year, month, day)
    except ValueError:
        days = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        raise InputError(f"not a valid publication date: {text[:40]!r} ({calendar.month_name[month]} {year} has "
                         f"{days} days)") from None


def _dateparser_date(text: str) -> dt.date | None:
    """An English date with day, month and year read by dateparser (strictly), else None."""
    import dateparser

    try:
        found = dateparser.parse(text, languages=["en"],
                                 settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found is not None else None


@functools.cache
def _date_tables() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names (lower case, abbreviations without their stop) -> numbers, from the temporal
    normalization tables."""
    tables = load_tables()
    month, weekday = ({str(key).rstrip("."): int(number) for key, number in tables[name].items()}
                      for name in ("month", "weekday"))
    return month, weekday


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) + r"\.?" for word in sorted(words, key=len, reverse=True))


@functools.cache
def _date_value_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(numeric date, date with a month name) at the start of a value; what follows them is ignored."""
    numeric = re.compile(r"(?:(?P<y>\d{4})(?P<sep>[-/.]?)(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                         r"|(?P<a>\d{1,2})(?P<sep2>[-/.])(?P<b>\d{1,2})(?P=sep2)(?P<yy>\d{4}))(?=$|[T\s,|])")
    wordy = re.compile(_wordy_date(named=True) + r"(?![\w-])", re.IGNORECASE)
    return numeric, wordy


def _wordy_date(named: bool) -> str:
    """Regex of a date written with a month name, weekday optional ("Sat., 3rd of February, 2024")."""
    months, weekdays = _date_tables()
    month, weekday, ordinal = _alternation(months), _alternation(weekdays), r"(?:st|nd|rd|th)?"

    def group(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    day, year = group("d1", r"[0-3]?\d"), group("y1", r"\d{4}")
    day2, year2 = group("d2", r"[0-3]?\d"), group("y2", r"\d{4}")
    space = _HSPACE + "+"
    return (rf"(?:(?:{weekday}),?{space})?(?:{day}{ordinal}{space}(?:of{space})?{group('m1', month)},?{space}{year}"
            rf"|{group('m2', month)}{space}{day2}{ordinal},?{space}{year2})")


@functools.cache
def _date_line() -> re.Pattern[str]:
    """A leading publication-date header (labels from data/datelines.yaml): "date 2025-12-13" or "Date: 3 February
    2024" on its own line, or "date 2025-12-13" followed by the text on the same line. The value must be shaped
    like a date, so that "Date palms ..." or "Published: 2 hours ago" are text."""
    from timeline.yaml_strict import load_yaml

    labels = load_yaml(data_file("datelines.yaml").read_text(encoding="utf-8"))["labels"]
    label = "|".join((_HSPACE + "+").join(map(re.escape, str(item).split()))
                     for item in sorted(labels, key=len, reverse=True))
    shape = rf"(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}|\d{{8}})[^\s]*|{_wordy_date(named=False)}"
    h = _HSPACE
    return re.compile(rf"\A\ufeff?{h}*(?:{label})(?:{h}*:{h}*(?P<line>(?P<lead>{shape})[^\n]*?){h}*(?:\n|\Z)"
                      rf"|{h}+(?P<value>{shape})(?:{h}*\r?\n|{h}+|\Z))", re.IGNORECASE)


def decode_bytes(data: bytes, name: str = "input") -> str:
    """Decode bytes of a text document (UTF-8/16/32 with or without BOM, else a detected charset).

    Raises InputError for binary data and for empty documents.

    >>> decode_bytes("café".encode("latin-1"))
    'café'
    >>> decode_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    timeline.documents.InputError: input: this is a binary file (image, archive or program), not a text article
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: {len(data) / 1e6:.0f} MB is too large (the limit is {MAX_INPUT_BYTES // 2**20} MB)")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _check_text(data.decode(encoding, errors="replace"), name)
    if data.startswith(_BINARY_MAGIC):
        raise InputError(f"{name}: this is a binary file (image, archive or program), not a text article")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _check_text(data.decode(utf16, errors="replace"), name)
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: this is a binary file, not a text article")
    ascii_share = sum(1 for byte in data[:65536] if byte < 128) / min(len(data), 65536)
    if ascii_share > 0.7:  # mostly English text with a few accented letters: the Windows-1252 family
        try:
            return _check_text(data.decode("cp1252"), name)
        except UnicodeDecodeError:
            return _check_text(data.decode("latin-1"), name)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: the text encoding could not be recognised; save it as UTF-8")
    return _check_text(str(best), name)


def _check_text(text: str, name: str) -> str:
    """The text, unless control characters (NUL included) make up more than 5% of its start: binary data.

    A stray NUL or escape code in a text is kept (the extractor reads it as a space).
    """
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls / len(sample) > 0.05:
        raise InputError(f"{name}: this is a binary file, not a text article")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """The encoding of UTF-16 text saved without a byte-order mark (every other byte NUL), else None.

    >>> _utf16_without_bom("Talks ended.".encode("utf-16-le")), _utf16_without_bom(b"Talks ended.")
    ('utf-16-le', None)
    """
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0) / (len(sample) / 2), sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.7 and even < 0.1:
        return "utf-16-le"
    if even > 0.7 and odd < 0.1:
        return "utf-16-be"
    return None


def parsable(text: str) -> str:
    r"""``text`` with each control character (tab and line breaks kept) and lone surrogate replaced by a
    space: same length, so that offsets into the text stay right.

    >>> parsable("attacked\x00 the\x1b[0m town\ud800")
    'attacked  the [0m town '
    """
    return _UNPARSABLE.sub(" ", text)


def date_header(text: str) -> tuple[str, int]:
    """The raw value of a leading publication-date header and the header's length (("", 0) if none).

    >>> date_header(" date 2025-12-13 North Korea has held a ceremony.")
    ('2025-12-13', 17)
    >>> date_header("Date: 3 February 2024\\nKim met Putin."), date_header("Published: 2024-2-3 10:15 GMT\\nText.")
    (('3 February 2024', 22), ('2024-2-3 10:15 GMT', 30))
    >>> date_header("Date palms grow in the south."), date_header("Published: 2 hours ago\\nText.")
    (('', 0), ('', 0))
    >>> date_header("Date: 2024-02-03 The ministry said on Friday that troops attacked.")
    ('2024-02-03', 16)
    """
    match = _date_line().match(text)
    if not match:
        return "", 0
    line = match.group("line")
    if line is not None and _TEXT_AFTER_DATE.match(line, len(match.group("lead"))):
        return match.group("lead").strip(), match.end("lead")  # the article starts on the date's line
    return (line or match.group("value")).strip(), match.end()


#: What follows a header's date on its line when it is the article's first sentence, not a time or an update
#: note ("Date: 2024-02-03 The ministry said on Friday ...", but "10:15 GMT", "at 10:15 a.m.", "| Updated: ...").
_TEXT_AFTER_DATE = re.compile(rf"{_HSPACE}+(?![|•·–—-]|updated\b|at\b)[A-Za-z][A-Za-z'’]+(?:{_HSPACE}+\S+){{3,}}",
                              re.IGNORECASE)


def article_from_text(text: str, doc_id: str = "pasted", dct: object = None, title: str = "",
                      url: str = "") -> Article:
    """An article from plain text; a first line ``date YYYY-MM-DD`` (or ``Date: 3 February 2024``, see
    :func:`date_header`) is read as the DCT and removed.

    ``dct`` is used when the text carries no date line.

    >>> a = article_from_text("date 2025-12-13\\nKim met Putin on Friday.")
    >>> a.dct, a.text
    (datetime.date(2025, 12, 13), 'Kim met Putin on Friday.')
    >>> article_from_text(" date 2025-12-13 Kim met Putin.").text
    'Kim met Putin.'
    >>> article_from_text("   ")
    Traceback (most recent call last):
    timeline.documents.InputError: pasted: the article is empty
    """
    text = unix_line_ends(text)
    raw_date, header_length = date_header(text)
    own_dct: dt.date | None = None
    if header_length:
        try:
            own_dct = parse_dct(raw_date)
        except InputError as error:
            raise InputError(f"{doc_id}: line 1: {error}") from None
        text = text[header_length:]
    if not text.strip():
        raise InputError(f"{doc_id}: the article is empty")
    check_length(text, doc_id)
    return Article(doc_id=doc_id, text=text, dct=own_dct or parse_dct(dct), title=title or title_line(text), url=url)


def check_length(text: str, where: str) -> None:
    """Raise InputError if the article text is longer than MAX_ARTICLE_CHARS (it would take minutes to read).

    >>> check_length("x" * 150_000, "long.txt")
    Traceback (most recent call last):
    timeline.documents.InputError: long.txt: the article is too long (150,000 characters; the limit is 100,000): \
split it into several articles
    """
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{where}: the article is too long ({len(text):,} characters; the limit is "
                         f"{MAX_ARTICLE_CHARS:,}): split it into several articles")


def unix_line_ends(text: str) -> str:
    """The text with Windows ("\\r\\n") and old Mac ("\\r") line ends, and the Unicode line and paragraph separators
    (U+2028, U+2029, from web pages and JSON), read as "\\n".

    >>> unix_line_ends("a\\r\\nb\\rc\\u2028d\\u2029e")
    'a\\nb\\nc\\nd\\ne'
    """
    return text.replace("\r\n", "\n").translate(LINE_BREAKS)


def title_line(text: str) -> str:
    """The first line when it looks like a headline: short, with more text on the lines after it (a blank line
    between them or not), no sentence-final stop and no dash at its end (a dateline "WASHINGTON --").

    >>> title_line("   \\nQuake hits Gansu\\n\\nA quake hit.")
    'Quake hits Gansu'
    >>> title_line("Quake hits Gansu\\nA quake hit on Monday.")
    'Quake hits Gansu'
    >>> title_line("A quake hit.\\n\\nMore."), title_line("Quake hits Gansu"), title_line("WASHINGTON \u2014\\nA quake hit.")
    ('', '', '')
    """
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if first and len(first) <= 160 and rest.strip() and not first.endswith(TITLE_NOT_ENDING):
        return first
    return ""


def articles_from_jsonl(text: str, name: str = "input", dct: object = None,
                        problems: list[str] | None = None) -> list[Article]:
    """Articles from JSON Lines records ``{"id", "title", "date", "text", "url"}`` (or a JSON list of them).

    A line that is not a JSON object with a ``text`` raises InputError naming the line; when a ``problems``
    list is given, that line is skipped and its message appended there instead (the good records survive).
    A file without a single good record always raises.

    >>> [a.doc_id for a in articles_from_jsonl('{"id": "x", "text": "Hi.", "date": "2020-01-02"}')]
    ['x']
    >>> problems: list[str] = []
    >>> lines = ['{"id": "x", "text": "Hi."}', '{oops', '[1]']
    >>> [a.doc_id for a in articles_from_jsonl(chr(10).join(lines), "f.jsonl", None, problems)]
    ['x']
    >>> for problem in problems: print(problem)
    f.jsonl: line 2 is not valid JSON (Expecting property name enclosed in double quotes)
    f.jsonl:3: each record must be a JSON object with a "text" string
    """
    stripped = text.lstrip("\ufeff \n\t")
    one_document = stripped.startswith("[")
    if one_document:
        try:
            records: list[tuple[int, Any]] = list(enumerate(json.loads(stripped), start=1))
        except json.JSONDecodeError as error:
            raise InputError(f"{name}: not valid JSON ({error.msg} at line {error.lineno})") from None
        except RecursionError:
            raise InputError(f"{name}: not valid JSON (nested too deeply)") from None
    else:
        records = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    articles: list[Article] = []
    found: list[str] = []
    for index, (number, record) in enumerate(records, start=1):
        try:
            if not one_document:
                record = _json_line(record, f"{name}: line {number}")
            articles.append(_article_from_record(record, f"{name}:{number}", f"{Path(name).stem}-{index}", dct))
        except InputError as error:
            if problems is None:
                raise
            found.append(str(error))
    if not articles:
        raise InputError(found[0] if len(found) == 1 else
                         f"{name}: no readable articles in this file" + (f" ({found[0]}; ...)" if found else ""))
    if problems is not None:
        problems.extend(found)
    return articles


def _json_line(line: str, where: str) -> Any:
    try:
        return json.loads(line.lstrip("\ufeff"))  # files joined with `cat` keep each one's byte-order mark
    except json.JSONDecodeError as error:
        raise InputError(f"{where} is not valid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{where} is not valid JSON (nested too deeply)") from None


def _article_from_record(record: Any, where: str, default_id: str, dct: object) -> Article:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{where}: each record must be a JSON object with a \"text\" string")
    doc_id = str(record.get("id") or record.get("doc_id") or default_id)
    try:
        own_dct = parse_dct(record.get("date") or record.get("dct") or record.get("published"))
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    if not record["text"].strip():
        raise InputError(f"{where}: the article is empty")
    check_length(record["text"], where)
    return Article(doc_id=doc_id, text=record["text"], dct=own_dct or parse_dct(dct),
                   title=str(record.get("title") or ""), url=str(record.get("url") or ""))


def read_bytes(name: str, data: bytes, dct: object = None, problems: list[str] | None = None) -> list[Article]:
    """Articles from an uploaded or read file, by its name's ending (.txt, .html, .jsonl/.json).

    ``problems``: see :func:`articles_from_jsonl` (bad records of a JSON Lines file skipped and noted there).

    >>> read_bytes("note.txt", b"date 2024-06-19\\nThe treaty was signed.")[0].dct
    datetime.date(2024, 6, 19)
    """
    if not data or not data.strip():
        raise InputError(f"{name}: the file is empty")
    text = decode_bytes(data, name)
    suffix = Path(name).suffix.lower()
    head = text.lstrip("\ufeff \r\n\t")[:512].lower()
    if suffix in (".jsonl", ".json", ".ndjson") or (suffix not in (".html", ".htm") and head.startswith("{")):
        return articles_from_jsonl(text, name, dct, problems)
    if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        from timeline.html_article import article_from_html

        return [article_from_html(text, Path(name).stem, dct)]
    return [article_from_text(text, Path(name).stem or "input", dct)]


def read_uploads(files: Iterable[tuple[str, bytes]], dct: object = None,
                 problems: list[str] | None = None) -> list[Article]:
    """Articles from several uploaded files (name, bytes), with unique doc_ids.

    Two files can give the same id (``kia.txt`` and ``kia.html``, or a JSON Lines record whose id is another
    file's name); without the suffix their events would share ids and be counted as one article. When a
    ``problems`` list is given, an unreadable file (and a bad JSON Lines record) is skipped and its message noted
    there, so that the other files' articles are kept; InputError only when no file is readable.

    >>> [a.doc_id for a in read_uploads([("a.txt", b"It rained."), ("a.html", b"<html><p>It rained.</p></html>")])]
    ['a', 'a-2']
    >>> problems: list[str] = []
    >>> [a.doc_id for a in read_uploads([("a.txt", b"It rained."), ("b.txt", b"%PDF-1.4")], None, problems)], problems
    (['a'], ['b.txt: this is a binary file (image, archive or program), not a text article'])
    """
    found: list[str] | None = [] if problems is not None else None
    articles = _read_each(files, lambda file, noted: read_bytes(file[0], file[1], dct, noted), found)
    notes = found or []
    if not articles:
        raise InputError(notes[0] if len(notes) == 1 else "none of the files could be read: " + "; ".join(notes[:5]))
    if problems is not None:
        problems.extend(notes)
    return unique_ids(articles)


def _read_each(items: Iterable[_Item], read: Callable[[_Item, list[str] | None], list[Article]],
               noted: list[str] | None, strict: bool = False) -> list[Article]:
    """The articles ``read(item, noted)`` gives for each item, in order. An unreadable item's InputError is
    raised when ``noted`` is None or ``strict``; else its message is appended to ``noted`` and the next item read.

    >>> notes: list[str] = []
    >>> _read_each([b"It rained.", b""], lambda data, noted: read_bytes("x.txt", data, None, noted), notes), notes
    ([Article(doc_id='x', text='It rained.', dct=None, title='', url='')], ['x.txt: the file is empty'])
    """
    articles: list[Article] = []
    for item in items:
        try:
            articles.extend(read(item, noted))
        except InputError as error:
            if noted is None or strict:
                raise
            noted.append(str(error))
    return articles


def iter_input_files(path: Path) -> Iterator[Path]:
    """The article files under a folder (recursively, sorted), or the file itself.

    >>> list(iter_input_files(Path("no/such/file")))
    Traceback (most recent call last):
    timeline.documents.InputError: no/such/file: no such file or folder
    """
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                       and not p.name.startswith("."))
        if not found:
            raise InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
        yield from found
    elif path.is_file():
        yield path
    else:
        raise InputError(f"{path}: no such file or folder")


def read_path(path: str | Path, dct: object = None, problems: list[str] | None = None) -> list[Article]:
    """Articles from a file or a folder of files.

    The first unreadable file or record raises InputError naming it; when a ``problems`` list is given, a
    folder's unreadable files and a JSON Lines file's bad records are skipped and their messages noted there
    (InputError only when nothing at all is readable).

    >>> read_path(Path("no/such.txt"))
    Traceback (most recent call last):
    timeline.documents.InputError: no/such.txt: no such file or folder
    """
    files = list(iter_input_files(Path(path)))
    articles = _read_each(files, lambda file, noted: read_bytes(str(file), _file_bytes(file), dct, noted), problems,
                          strict=len(files) == 1)
    if not articles:
        raise InputError(f"{path}: no readable articles" + (f" ({problems[0]}; ...)" if problems else ""))
    return unique_ids(articles)


def _file_bytes(file: Path) -> bytes:
    """The file's bytes; InputError when it cannot be read."""
    try:
        return file.read_bytes()
    except OSError as error:
        raise InputError(f"{file}: cannot be read ({error.strerror})") from None


def unique_ids(articles: Iterable[Article]) -> list[Article]:
    """The articles with duplicate doc_ids made unique by a numeric suffix (no article is dropped).

    >>> [a.doc_id for a in unique_ids([Article("a", "x", None), Article("a", "y", None)])]
    ['a', 'a-2']
    """
    seen: dict[str, int] = {}
    out: list[Article] = []
    for article in articles:
        count = seen.get(article.doc_id, 0) + 1
        seen[article.doc_id] = count
        if count > 1:
            article = Article(f"{article.doc_id}-{count}", article.text, article.dct, article.title, article.url)
        out.append(article)
    return out


def load_seed_articles(folder: Path | None = None) -> list[Article]:
    """The sample articles shipped in ``seeds/``.

    >>> len(load_seed_articles()) >= 1
    True
    """
    folder = folder or SEEDS_DIR
    return unique_ids(a for file in sorted(folder.glob("*.txt")) for a in read_bytes(file.name, file.read_bytes()))
