"""TempEval-3 evaluation of the temporal tagger: TBAQ halves scored by the shared scorer, plus tagging speed.

``python -m timeline bench --te3 ../shared/data/tempeval3-tbaq`` prints :func:`te3_report`.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from timeline.paths import PROJECT_DIR
from timeline.temporal.cli import tag_document
from timeline.temporal.timeml import output_name

HALVES: tuple[str, ...] = ("TimeBank", "AQUAINT")
_TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
_TEXT_CLOSE = re.compile(r"</TEXT\s*>")


def find_scorer() -> Path | None:
    """The shared TempEval-3 scorer (``../shared/tools/te3score.py`` beside the checkout), else the copy of it in
    ``tests/tools/`` (so that a checkout without the shared folder, as on CI, still scores the committed sample)."""
    for candidate in (PROJECT_DIR.parent / "shared" / "tools" / "te3score.py",
                      PROJECT_DIR / "shared" / "tools" / "te3score.py",
                      PROJECT_DIR / "tests" / "tools" / "te3score.py"):
        if candidate.is_file():
            return candidate
    return None


def make_te3input(gold_dir: Path, out_dir: Path) -> list[Path]:
    """System inputs from gold TimeML: header kept, markup inside TEXT removed, nothing after TEXT."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for gold in sorted(gold_dir.glob("*.tml")):
        raw = gold.read_text(encoding="utf-8")
        opening, closing = _TEXT_OPEN.search(raw), _TEXT_CLOSE.search(raw)
        if not opening or not closing:
            continue
        body = re.sub(r"<[^>]+>", "", raw[opening.end():closing.start()])
        target = out_dir / (gold.name + ".TE3input")
        target.write_text(raw[:opening.end()] + body + "</TEXT>\n\n</TimeML>\n", encoding="utf-8")
        written.append(target)
    return written


def tag_folder(inputs: list[Path], out_dir: Path) -> float:
    """Tag every input into ``out_dir``; returns the seconds spent (reading, tagging and writing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for path in inputs:
        result = tag_document(path.read_text(encoding="utf-8"), path, None)
        (out_dir / output_name(path)).write_text(result, encoding="utf-8")
    return time.perf_counter() - started


def score(scorer: Path, gold_dirs: list[Path], system_dir: Path) -> dict[str, Any]:
    """The scorer's JSON totals for ``gold_dirs`` against ``system_dir``."""
    command = [sys.executable, str(scorer), *map(str, gold_dirs), str(system_dir), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout)["total"])


def te3_report(tbaq_dir: Path) -> str:
    """Markdown table: relaxed/strict/value F1 per TBAQ half and overall, and tagging documents/second."""
    scorer = find_scorer()
    if scorer is None:
        return "TempEval-3 scorer not found (expected ../shared/tools/te3score.py); nothing scored."
    halves = [h for h in HALVES if (tbaq_dir / h).is_dir()]
    if not halves:
        return f"no TimeBank/ or AQUAINT/ folder under {tbaq_dir}"
    from timeline.temporal.rules import load_resources

    load_resources()  # compile the rules once, outside the timing
    rows = []
    with tempfile.TemporaryDirectory(prefix="te3-") as tmp:
        system_dir = Path(tmp) / "system"
        total_docs, total_seconds = 0, 0.0
        for half in halves:
            inputs = make_te3input(tbaq_dir / half, Path(tmp) / "input" / half)
            seconds = tag_folder(inputs, system_dir)
            total_docs += len(inputs)
            total_seconds += seconds
            rows.append((half, len(inputs), score(scorer, [tbaq_dir / half], system_dir), len(inputs) / seconds))
        if len(halves) > 1:
            rows.append(("all", total_docs, score(scorer, [tbaq_dir / h for h in halves], system_dir),
                         total_docs / total_seconds))
    lines = ["| data | docs | relaxed F1 | strict F1 | value F1 | type F1 | docs/s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, docs, result, speed in rows:
        lines.append(f"| {name} | {docs} | {100 * result['relaxed_F1']:.2f} | {100 * result['strict_F1']:.2f} | "
                     f"{100 * result['value_F1']:.2f} | {100 * result['type_F1']:.2f} | {speed:.0f} |")
    return "\n".join(lines)
