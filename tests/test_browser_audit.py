"""The timeline and the audit view in a real headless browser: Vega draws them from this machine alone.

Uses the page server and Chromium of test_browser.py. Saves screenshots; with
REVIEW_UPDATE_SCREENSHOT=1 it replaces docs/screenshot-timeline.png and docs/screenshot-audit.png,
the ones the README shows.
"""

import io
import os
import zipfile
from pathlib import Path

from test_browser import (  # noqa: F401 (fixtures and skip mark)
    REPORT, ROOT, browser, page_url, paste_and_review, pytestmark)

LOCAL = ("http://127.0.0.1", "data:", "blob:")
CORPUS = ROOT / "corpus"


def screenshot_path(name: str, tmp_path: Path) -> Path:
    return ROOT / "docs" / name if os.environ.get("REVIEW_UPDATE_SCREENSHOT") == "1" else tmp_path / name


def test_timeline_point_shows_its_sentence(page_url, browser, tmp_path):  # noqa: F811
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    paste_and_review(page, page_url, REPORT)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.wait_for(timeout=120_000)
    points = chart.locator(".mark-symbol.role-mark path")
    points.first.wait_for(timeout=30_000)
    assert points.count() >= 2  # the dated events of REPORT: 2015, 18/03/2024
    chart.scroll_into_view_if_needed()
    points.first.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(timeout=10_000)
    assert "In 2015 an uncle was cautioned for shoplifting." in tooltip.inner_text()
    page.mouse.move(0, 0)  # the tooltip away
    page.wait_for_timeout(800)
    chart.screenshot(path=str(screenshot_path("screenshot-timeline.png", tmp_path)))
    points.first.click()
    page.locator(".chosen-event q", has_text="In 2015 an uncle").wait_for(timeout=30_000)
    assert "Historic, no link to now" in page.locator(".chosen-event").inner_text()
    assert all(url.startswith(LOCAL) for url in requests), [u for u in requests if not u.startswith(LOCAL)]
    page.close()


def test_audit_view_reviews_a_zip_of_reports(page_url, browser, tmp_path):  # noqa: F811
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w") as package:
        for path in sorted(CORPUS.glob("0[1-8]-*.txt")):
            package.write(path, f"reports/{path.name}")
        package.writestr("reports/README.md", "# About these reports")
    page = browser.new_page()
    page.set_viewport_size({"width": 1400, "height": 1400})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_url)
    page.get_by_text("Audit many reports").first.click(timeout=60_000)
    uploader = page.locator("[data-testid=stFileUploader]").filter(has_text="Reports: .docx")
    uploader.wait_for(timeout=60_000)
    uploader.locator("input[type=file]").set_input_files(str(archive))
    page.get_by_text("Reports and their findings per principle").wait_for(timeout=300_000)
    page.get_by_text("Left out: 1 file").wait_for(timeout=30_000)
    charts = page.locator("[data-testid=stVegaLiteChart]")
    charts.nth(1).locator(".mark-rect.role-mark path").first.wait_for(timeout=60_000)
    assert charts.nth(0).locator(".mark-rect.role-mark path").count() >= 5  # a bar per principle that fails
    assert "01-school-mia-before.txt" in charts.nth(1).inner_text() or charts.nth(1).locator("text").count() > 8
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Table as Excel").click()
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert sheet.max_row == 9 and sheet["I1"].value == "Fact and opinion"
    assert all(url.startswith(LOCAL) for url in requests), [u for u in requests if not u.startswith(LOCAL)]
    page.wait_for_timeout(1500)
    page.screenshot(path=str(screenshot_path("screenshot-audit.png", tmp_path)))
    page.close()
