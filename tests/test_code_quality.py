"""The library stays type-checked (mypy, settings in pyproject.toml) and lint-clean (ruff), and never compares
spaCy tokens by identity."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ["mypy", "--no-error-summary"],
    ["ruff", "check", "timeline", "dashboard.py", "tests"],
], ids=["mypy", "ruff"])
def test_checker_passes(command: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True,
                            check=False, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def _identity_on_heads(source: str) -> list[str]:
    """The ``is``/``is not`` comparisons in ``source`` with a ``.head`` on either side."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            sides = [node.left, *node.comparators]
            if any(isinstance(n, ast.Attribute) and n.attr == "head" for side in sides for n in ast.walk(side)):
                found.append(ast.unparse(node))
    return found


def test_tokens_are_never_compared_by_identity() -> None:
    """spaCy makes a new Token object on every access, so ``token.head is token`` is always False (a root's head
    is itself only by ``==``); such a loop never stops at the root (it once hung the extraction)."""
    assert _identity_on_heads("while t.head is not t: pass") == ["t.head is not t"]  # the check can fail
    found = [f"{path.relative_to(ROOT)}: {expr}" for path in sorted((ROOT / "timeline").rglob("*.py"))
             for expr in _identity_on_heads(path.read_text(encoding="utf-8"))]
    assert not found, found
