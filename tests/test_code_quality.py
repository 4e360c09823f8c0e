"""The library stays type-checked (mypy, settings in pyproject.toml) and lint-clean (ruff)."""
from __future__ import annotations

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
