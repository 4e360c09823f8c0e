"""Command line: ``python -m timeline extract|tag|bench`` (``--help`` on each for details)."""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from timeline.cli_extract import add_extract_parser
from timeline.documents import InputError

EXIT_INPUT_ERROR = 2
EXIT_INTERNAL_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Dated events from news articles: extract them, tag time expressions, measure speed.",
        epilog="Set TIMELINE_DEBUG=1 to see a full traceback on an internal error.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_extract_parser(commands)
    from timeline.temporal.cli import add_tag_parser

    add_tag_parser(commands)
    from timeline.bench import add_bench_parser

    add_bench_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; returns the process exit code (2 = unreadable input)."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the CLI never shows a traceback unless asked to
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error} (TIMELINE_DEBUG=1 shows details)", file=sys.stderr)
        return EXIT_INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
