"""Fixtures for browser tests: a real Streamlit server on a free port and the system Chromium via Playwright.

Playwright drives ``/usr/bin/chromium`` (never a downloaded browser); the tests are skipped only when
that executable is absent.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
STARTUP_SECONDS = 60
#: Extraction of the seeds (spaCy load included) can take a while on a cold machine.
APP_READY_MS = 120_000


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def streamlit_server(port: int | None = None) -> Iterator[str]:
    """Run ``streamlit run dashboard.py`` headless; yields its URL and stops it afterwards."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(PROJECT_DIR / "dashboard.py"),
               "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    process = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"streamlit did not start:\n{output[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@contextmanager
def chromium_page(width: int = 1500, height: int = 1100) -> Iterator[Any]:
    """A Playwright page in the system Chromium that accepts downloads."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
            yield context.new_page()
        finally:
            browser.close()


def wait_for_app(page: Any, timeout_ms: int = APP_READY_MS) -> None:
    """Wait until the app has drawn the chart and no script run is in progress."""
    page.wait_for_timeout(300)  # a run started by the last action shows its status widget within this
    page.wait_for_function(
        "() => { const status = document.querySelector(\"[data-testid='stStatusWidget']\");"
        " return !status || !/Running|Stop/.test(status.innerText); }",  # this Streamlit shows 'Stop' while running
        timeout=timeout_ms)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=timeout_ms)
    page.wait_for_timeout(500)


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """URL of a dashboard server started for this test module."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (browser tests need the system Chromium)")
    with streamlit_server() as url:
        yield url


@pytest.fixture()
def page() -> Iterator[Any]:
    """A fresh Chromium page."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (browser tests need the system Chromium)")
    with chromium_page() as fresh:
        yield fresh


@pytest.fixture()
def wait_until_idle() -> Any:
    """The function that waits for the app to finish a run (chart drawn, no "Running..." status)."""
    return wait_for_app
