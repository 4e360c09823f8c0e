"""The ``bench`` subcommand: extraction speed, filter-and-redraw speed, and temporal tagger accuracy."""
from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from timeline.documents import Article, load_seed_articles, read_path


def add_bench_parser(commands: Any) -> None:
    """Register ``bench`` on an argparse subparsers object."""
    parser = commands.add_parser(
        "bench",
        help="measure extraction speed, dashboard filter/redraw speed and tagger accuracy",
        description=(
            "Report articles/second for extraction (spaCy parse included, model load excluded), the time to "
            "filter and redraw a timeline of N synthetic events, and with --te3 the TempEval-3 scores and "
            "documents/second of the temporal tagger."
        ),
    )
    parser.add_argument("--articles", type=Path, default=None, metavar="PATH",
                        help="articles to extract (default: the bundled seeds)")
    parser.add_argument("--min-articles", type=int, default=30,
                        help="repeat the articles until at least this many were extracted (default 30)")
    parser.add_argument("--events", type=int, default=10_000, help="synthetic events to filter and draw")
    parser.add_argument("--te3", type=Path, default=None, metavar="TBAQ_DIR",
                        help="TempEval-3 folder (with TimeBank/ and AQUAINT/) to score the temporal tagger on")
    parser.add_argument("--skip-extract", action="store_true", help="do not measure extraction")
    parser.add_argument("--capitals", type=int, default=0, metavar="CHARS",
                        help="also time the sentence-initial name test on a text of CHARS characters of "
                             "sentence-initial names (e.g. 100000; parse time reported apart)")
    parser.set_defaults(func=run_bench)


def extraction_speed(articles: list[Article], min_articles: int = 30) -> dict[str, float]:
    """Articles and words per second of ``extract_corpus`` (model loaded before timing)."""
    from timeline.extract import extract_corpus
    from timeline.nlp import load_nlp

    load_nlp()
    extract_corpus(articles[:1])  # warm caches (dictionaries, rules)
    repeats = max(1, -(-min_articles // max(1, len(articles))))
    batch = articles * repeats
    started = time.perf_counter()
    events = len(extract_corpus(batch).events)
    seconds = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in batch)
    return {"articles": len(batch), "events": events, "seconds": seconds,
            "articles_per_second": len(batch) / seconds, "words_per_second": words / seconds}


def run_bench(args: argparse.Namespace) -> int:
    """Print the benchmark report; returns the exit code."""
    if not args.skip_extract:
        articles = read_path(args.articles) if args.articles else load_seed_articles()
        speed = extraction_speed(articles, args.min_articles)
        print(f"extraction: {speed['articles']} articles, {speed['events']} events in {speed['seconds']:.2f} s = "
              f"{speed['articles_per_second']:.1f} articles/s ({speed['words_per_second']:.0f} words/s)")
    from timeline.bench_dashboard import time_filter_and_redraw

    redraw = time_filter_and_redraw(args.events)
    print("dashboard: " + ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                    for k, v in redraw.items()))
    if args.capitals > 0:
        from timeline.bench_capitals import time_capitals

        print("capitals: " + ", ".join(f"{k} {v}" for k, v in time_capitals(args.capitals).items()))
    if args.te3:
        from timeline.temporal.evaluate import te3_report

        print(te3_report(args.te3))
    return 0
