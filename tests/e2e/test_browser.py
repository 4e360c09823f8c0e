"""End to end in real Chromium: open the dashboard on the seeds, filter by an actor, download the PNG and the CSV.

Needs /usr/bin/chromium (skipped with a reason when it is absent). Run alone with ``pytest -m e2e``.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from PIL import Image, ImageStat

from timeline.documents import load_seed_articles
from timeline.extract import extract_corpus
from timeline.filters import actor_counts

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _most_frequent_actor() -> str:
    """The seeds' most frequent named actor: the one the test filters by (not hard-coded to a seed's words)."""
    extraction = extract_corpus(load_seed_articles())
    counts = actor_counts(extraction.events, extraction.actors)
    named = counts[~counts["actor"].str.startswith("(")]
    return str(named.iloc[0]["actor"])


def _metric(page: Any, label: str) -> int:
    """The number shown by the metric with this label."""
    text = page.locator("[data-testid='stMetric']", has_text=label).first.inner_text()
    return int(text.splitlines()[-1].replace(",", ""))


def _download(page: Any, label: str, folder: Path) -> bytes:
    """Click a download button and return the file it produced."""
    with page.expect_download(timeout=120_000) as pending:
        page.get_by_role("button", name=label, exact=True).click()
    target = folder / pending.value.suggested_filename
    pending.value.save_as(target)
    return target.read_bytes()


def test_filter_by_actor_then_download_png_and_csv(app_url: str, page: Any, wait_until_idle: Any,
                                                    tmp_path: Path) -> None:
    actor = _most_frequent_actor()
    page.goto(app_url)
    wait_until_idle(page)
    total = _metric(page, "Events")
    assert total > 0

    page.locator("[data-testid='stMultiSelect']", has_text="Actors").first.click()
    page.keyboard.type(actor)
    page.get_by_role("option", name=actor).first.click()
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => document.body.innerText.includes({actor!r} + ' was found as')", timeout=60_000)
    wait_until_idle(page)
    shown = _metric(page, "Events")
    assert 0 < shown < total

    png = _download(page, "Chart PNG", tmp_path)
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.width >= 800 and image.height >= 300
    gray = image.convert("L")
    assert ImageStat.Stat(gray).stddev[0] > 5, "the chart image is blank"
    colours = image.convert("RGB").resize((200, 100)).getcolors(maxcolors=20_000)
    assert colours is None or len(colours) > 10, "the chart image has almost no colours"

    rows = pd.read_csv(io.BytesIO(_download(page, "Data CSV", tmp_path)), keep_default_na=False)
    assert len(rows) == shown
    assert all(actor in value.split("; ") for value in rows["actors"])


def test_clicking_an_event_shows_its_sentence_marked_in_the_article(app_url: str, page: Any,
                                                                     wait_until_idle: Any) -> None:
    page.goto(app_url)
    wait_until_idle(page)
    page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace .points path.point").first.click(force=True)
    page.wait_for_selector("mark", timeout=60_000)
    wait_until_idle(page)
    assert page.get_by_text("Evidence:", exact=False).first.is_visible()
    marked = page.locator("mark").first.inner_text()
    assert len(marked.split()) >= 3
    if page.locator("[data-testid='stPlotlyChart'] .x2tick").count():  # a tall chart: the panel is far below
        assert page.locator("[role='dialog'] mark").first.is_visible(), "the evidence should open over the page"
        page.keyboard.press("Escape")
        page.wait_for_timeout(500)
        assert not page.locator("[role='dialog']").count()


def test_uploads_are_read_and_binary_files_get_a_message(app_url: str, page: Any, wait_until_idle: Any,
                                                         tmp_path: Path) -> None:
    article = tmp_path / "council.txt"
    article.write_text("date 2024-03-08\nThe city council approved the new budget on Tuesday. "
                       "The mayor signed it into law in February.\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    page.goto(app_url)
    wait_until_idle(page)
    page.get_by_text("Upload files", exact=True).click()
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(article))
    page.wait_for_function("() => document.body.innerText.includes('council')", timeout=120_000)
    wait_until_idle(page)
    assert _metric(page, "Articles") == 1 and _metric(page, "Events") >= 1

    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(binary))
    page.wait_for_selector("[data-testid='stAlertContentError']", timeout=120_000)
    assert "binary" in page.locator("[data-testid='stAlertContentError']").first.inner_text()


def test_hovering_an_event_shows_its_date_in_dark_text(app_url: str, page: Any, wait_until_idle: Any) -> None:
    """The hover box names the day the marker stands for (not only 'Friday') and is readable on white."""
    page.goto(app_url)
    wait_until_idle(page)
    page.locator("[data-testid='stPlotlyChart'] .scatterlayer .trace .points path.point").first.hover(force=True)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .hoverlayer .hovertext", timeout=30_000)
    box = page.locator("[data-testid='stPlotlyChart'] .hoverlayer .hovertext").first
    assert re.search(r"\b\d{4}-\d{2}-\d{2}\b", box.text_content() or "")
    fill = box.locator("text").first.evaluate("node => getComputedStyle(node).fill")
    assert sum(int(value) for value in re.findall(r"\d+", fill)[:3]) < 150, fill  # dark text


def test_hovering_a_triangle_says_the_event_is_only_known_by_its_bound(app_url: str, page: Any,
                                                                        wait_until_idle: Any) -> None:
    """An event known only by a bound is drawn in the browser as a triangle whose hover box says "before <day>" or
    "after <day>" (the seeds have such events; their count is in the "On the chart" help)."""
    page.goto(app_url)
    wait_until_idle(page)
    chart = page.locator("[data-testid='stPlotlyChart']")
    assert "only this bound is known" in (chart.locator(".legendtitletext").text_content() or "")
    said = ""
    for index in range(chart.locator(".scatterlayer .trace").count()):
        points = chart.locator(".scatterlayer .trace").nth(index).locator(".points path.point")
        if not points.count():
            continue
        page.mouse.move(5, 5)  # leave the last point, or its hover box stays
        page.wait_for_timeout(100)
        points.first.hover(force=True)
        page.wait_for_timeout(300)
        box = chart.locator(".hoverlayer .hovertext")
        text = box.first.text_content() if box.count() else ""
        if re.search(r"(before|after) (\d{1,2} )?([A-Z][a-z]+ )?\d{4}\b", text or ""):  # lines run together
            said = text or ""
            break
    assert said, f"no hover box of the chart says before/after a day (last: {text!r})"
