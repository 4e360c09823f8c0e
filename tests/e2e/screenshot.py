"""Take the README screenshot of the running dashboard: ``python tests/e2e/screenshot.py [docs/screenshot.png]``.

Starts the app on the bundled seeds in headless system Chromium, selects the first event on the chart so the
evidence panel shows, and saves a PNG of the page.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import PROJECT_DIR, chromium_page, streamlit_server, wait_for_app


def take_screenshot(target: Path) -> Path:
    """Save a screenshot of the dashboard with the evidence of the event clicked on the chart."""
    with streamlit_server() as url, chromium_page(width=1500, height=1400) as page:
        page.goto(url)
        wait_for_app(page)
        page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace .points path.point").first.click(force=True)
        page.wait_for_selector("mark", timeout=60_000)
        wait_for_app(page)
        page.keyboard.press("Escape")  # a tall chart opens the evidence over the page: show it in place
        page.wait_for_timeout(300)
        page.mouse.move(5, 5)  # no hover box over the chart
        page.wait_for_timeout(300)
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target))
    return target


if __name__ == "__main__":
    print(take_screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_DIR / "docs" / "screenshot.png"))
