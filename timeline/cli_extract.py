"""The ``extract`` subcommand: articles in, an events table out (CSV, JSON Lines, JSON, TimelineJS, iCalendar)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from timeline.documents import Article, parse_dct, read_bytes, read_path, unique_ids

OUTPUT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "json", "timelinejs", "ics")


def add_extract_parser(commands: Any) -> None:
    """Register ``extract`` on an argparse subparsers object."""
    parser = commands.add_parser(
        "extract",
        help="extract dated events from articles",
        description=(
            "Extract dated events from news articles. PATH is a .txt file (a first line 'date YYYY-MM-DD' "
            "gives the publication date), an .html page (publication date from its <meta> tags), a .jsonl file "
            "of records {\"id\", \"title\", \"date\", \"text\", \"url\"}, a folder of those, or - for standard "
            "input. Exit code 2 on unreadable input: when some records of a .jsonl file or some files of a folder "
            "are unreadable, the others are still extracted and written, and each skipped one is named on "
            "standard error."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders, or - for stdin")
    parser.add_argument("--dct", type=parse_dct, default=None, metavar="YYYY-MM-DD",
                        help="publication date for articles that carry none (relative dates stay "
                             "unresolved without one)")
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="csv",
                        help="output format (default: csv)")
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                        help="write here instead of standard output")
    parser.set_defaults(func=run_extract)


def read_inputs(paths: list[str], dct: Any, problems: list[str] | None = None) -> list[Article]:
    """All articles named on the command line, in order, with unique ids.

    With a ``problems`` list, unreadable records and files inside a folder or JSON Lines file are skipped and
    noted there (see ``timeline.documents.read_path``); an unreadable file named on the command line raises.
    """
    articles: list[Article] = []
    for path in paths:
        if path == "-":
            articles.extend(read_bytes("stdin.txt", sys.stdin.buffer.read(), dct, problems))
        else:
            articles.extend(read_path(path, dct, problems))
    return unique_ids(articles)


def summary_line(events: int, articles: list[Article], unplaced: int, output: Path | None) -> str:
    """What was extracted, what was left out and why, for standard error.

    >>> summary_line(3, [Article("a", "x", None)], 2, None)
    '3 events from 1 articles; 2 event mentions with neither a date nor an actor are no rows; 1 article without \
a publication date (relative dates unresolved; give --dct): a'
    """
    parts = [f"{events} events from {len(articles)} articles"]
    if unplaced:
        parts.append(f"{unplaced} event mentions with neither a date nor an actor are no rows")
    undated = [article.doc_id for article in articles if article.dct is None]
    if undated:
        names = ", ".join(undated[:3]) + (", ..." if len(undated) > 3 else "")
        parts.append(f"{len(undated)} article{'s' if len(undated) > 1 else ''} without a publication date "
                     f"(relative dates unresolved; give --dct): {names}")
    return "; ".join(parts) + (f" -> {output}" if output is not None else "")


def run_extract(args: argparse.Namespace) -> int:
    """Extract and write the events; returns the exit code."""
    from timeline.exports import export_events
    from timeline.extract import extract_corpus

    problems: list[str] = []
    articles = read_inputs(args.paths, args.dct, problems)
    extraction = extract_corpus(articles)
    payload = export_events(extraction.events, args.format)
    if args.output is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_bytes(payload)
    print(summary_line(len(extraction.events), articles, sum(extraction.unplaced.values()), args.output),
          file=sys.stderr)
    for problem in problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if problems:
        print(f"error: {len(problems)} unreadable record(s) or file(s) skipped, {len(articles)} articles read",
              file=sys.stderr)
        return 2
    return 0
