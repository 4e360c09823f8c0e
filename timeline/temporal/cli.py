"""The ``tag`` subcommand: ``python -m timeline tag INPUT... -o OUT_DIR [--dct YYYY-MM-DD]``."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from timeline.documents import InputError, decode_bytes, parsable, parse_dct
from timeline.temporal.filing import filing_date
from timeline.temporal.rules import load_resources
from timeline.temporal.tagger import tag
from timeline.temporal.timeml import (
    TimeMLDocument,
    insert_timexes,
    is_timeml_path,
    output_name,
    read_plain,
    read_timeml,
    unescape_with_map,
)


def tag_document(raw: str, path: Path, dct: dt.date | None) -> str:
    """Tag one input file's content and return the output TimeML (TimeML input keeps its own DCT)."""
    return _tag(_read(raw, path, dct))


def _read(raw: str, path: Path, dct: dt.date | None) -> TimeMLDocument:
    if is_timeml_path(path):
        doc = read_timeml(raw)
        if doc.dct is None and dct is not None:
            doc = replace(doc, dct=dct)
        # the header's wire slug line ("APW20000107.0088  NEWS STORY  2000-01-07 03:03" in EXTRAINFO) dates the
        # story when the record's DCT is later; the <DCT> element itself is written back unchanged
        return replace(doc, dct=filing_date(doc.head, doc.dct, load_resources()))
    return read_plain(parsable(raw), dct)  # control characters are no XML: spaces (offsets unchanged)


def _tag(doc: TimeMLDocument) -> str:
    text, offsets = unescape_with_map(doc.body)
    return insert_timexes(doc, offsets, tag(text, doc.dct))


def dct_warning(doc: TimeMLDocument, path: Path) -> str:
    """The warning for a document tagged without a publication date ("" when it has one).

    >>> dct_warning(read_plain("Troops left on Friday.", None), Path("a.txt"))  # doctest: +ELLIPSIS
    'warning: a.txt: no publication date (...): relative dates such as "Friday" stay unresolved (XXXX)'
    """
    if doc.dct is not None:
        return ""
    why = (f"its DCT cannot be read: {doc.dct_problem}" if doc.dct_problem else
           "no publication date (no <DCT>, no 'date YYYY-MM-DD' first line, no --dct)")
    return f'warning: {path}: {why}: relative dates such as "Friday" stay unresolved (XXXX)'


def iter_inputs(paths: list[Path]) -> Iterator[Path]:
    """Input files: the given files, and the .tml/.TE3input/.txt files of given folders (sorted)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and (is_timeml_path(child) or child.suffix.lower() == ".txt"):
                    yield child
        else:
            yield path


def _parse_date(text: str) -> dt.date:
    try:
        day = parse_dct(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    if day is None:
        raise argparse.ArgumentTypeError("an empty date")
    return day


def run_tag(args: argparse.Namespace) -> int:
    """Tag every input and write one TimeML file per input into ``args.output``; 2 on unreadable input."""
    out_dir = Path(args.output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"error: cannot create {out_dir}: {exc}", file=sys.stderr)
        return 2
    count = 0
    for path in iter_inputs([Path(p) for p in args.inputs]):
        try:
            raw = decode_bytes(path.read_bytes(), str(path))  # UTF-8/16 with or without BOM, cp1252, Latin-1
            doc = _read(raw, path, args.dct)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(f"error: cannot read {path}: {exc}", file=sys.stderr)
            return 2
        warning = dct_warning(doc, path)
        if warning:
            print(warning, file=sys.stderr)
        result = _tag(doc)
        (out_dir / output_name(path)).write_text(result, encoding="utf-8")
        count += 1
    if count == 0:
        print("error: no input files found", file=sys.stderr)
        return 2
    print(f"tagged {count} file(s) into {out_dir}")
    return 0


def add_tag_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``tag`` on the CLI's subparsers."""
    parser = subparsers.add_parser(
        "tag", help="insert TIMEX3 tags into TimeML/.TE3input/.txt files",
        description="Tag temporal expressions (TimeML TIMEX3) in TimeML, .TE3input or plain text files.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    parser.add_argument("-o", "--output", required=True, metavar="OUT_DIR", help="output folder")
    parser.add_argument("--dct", type=_parse_date, default=None,
                        help="publication date for inputs without their own (a 'date YYYY-MM-DD' first line or a TimeML <DCT>); "
                             "YYYY-MM-DD or a written date such as 'March 3, 2024'")
    parser.set_defaults(func=run_tag)
