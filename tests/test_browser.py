"""End to end in a real headless browser: start the page, paste a report, see every principle highlighted.

Uses Debian's chromium (`apt-get install chromium`) driven by Playwright's Python client; the
page runs on a free port on 127.0.0.1 only. Saves screenshots at 1024 and 1920 px (under
pytest's tmp_path, or with REVIEW_SCREENSHOTS=DIR there); with REVIEW_UPDATE_SCREENSHOT=1 it
replaces the README's, docs/screenshot.png and docs/screenshot-training.png. Prints the page's
height with the sample report (``pytest -s``).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
README_SCREENSHOT = ROOT / "docs" / "screenshot.png"
README_TRAINING_SCREENSHOT = ROOT / "docs" / "screenshot-training.png"
SAMPLE = ROOT / "corpus" / "01-school-mia-before.txt"
WIDTHS = (1024, 1920)
# Buttons, tabs, tab strips and card titles whose text does not fit them (cut off or scrolled).
CUT_LABELS = """() => [...document.querySelectorAll(
    'button, button *, [role=tab], [role=tablist], [data-testid=stExpander] summary, '
    + '[data-testid=stExpander] summary *')]
  .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
  .map(e => (e.closest('button, [role=tab], [role=tablist], summary') || e).innerText.slice(0, 80))"""
# The page's full height: Streamlit scrolls its main area, not the document.
PAGE_HEIGHT = "() => (document.querySelector('[data-testid=stMain]') || document.scrollingElement).scrollHeight"
# Per sentence row of training mode: the principles whose pill lies fully inside the row's column.
TRAINING_ROWS = """() => [...document.querySelectorAll('[class*="st-key-mark-"]')].map(group => {
  const column = group.closest('[data-testid=stColumn]') || group.closest('[data-testid=stVerticalBlock]');
  const box = column.getBoundingClientRect();
  return [...group.querySelectorAll('button')].filter(b => {
    const r = b.getBoundingClientRect();
    return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.right <= window.innerWidth;
  }).map(b => b.innerText.trim());
})"""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PRINCIPLES = ("opinion", "date", "length", "child_voice", "historic")
# A poor draft with at least one flagrant example of each principle's problem.
REPORT = """Thornleigh Primary School: report to the child protection conference

Date of report: 20/03/2024
Child: Mia Carter (aged 7)

On 18/03/2024 Mia was absent from school. Mum is a neglectful parent and the home is chaotic. Dad appeared drunk when he came to collect Mia.

A bruise was noticed on Mia's arm and a referral was made.

In 2015 an uncle was cautioned for shoplifting.

Mia often comes to school in the same clothes as the day before and her hair is not brushed and she says \
she is hungry so staff give her toast at breakfast club and she has also been late a lot this term and her \
reading book is never signed and she has forgotten her PE kit twice.

Mia said "I don't like going home".
"""

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def page_url():
    port = free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"streamlit did not start: {server.stderr.read().decode()[-2000:]}")
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1050}, accept_downloads=True)
        yield context
        context.close()


def paste_and_review(page, page_url: str, text: str) -> None:
    """Open the page, paste `text` as the report and press Review."""
    page.goto(page_url)
    box = page.get_by_label("Report text")
    box.wait_for(timeout=60_000)
    box.fill(text)
    page.get_by_role("button", name="Review", exact=True).click()


def test_pasted_report_is_highlighted_for_every_principle(page_url, browser, tmp_path):
    """Paste, press Review, see every principle; download Word; hover, click a highlight, filter."""
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    paste_and_review(page, page_url, REPORT)
    page.locator("mark.c-opinion").first.wait_for(timeout=90_000)
    for principle in PRINCIPLES:
        assert page.locator(f"mark.c-{principle}").count() > 0, f"no highlight for {principle}"

    # the Word download carries the findings as comments
    page.get_by_role("button", name="Word with comments").wait_for(timeout=60_000)
    page.wait_for_timeout(1000)  # let the page finish drawing before clicking
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("button", name="Word with comments").click()
    download = download_info.value
    assert download.suggested_filename == "report-review.docx"
    import docx

    comments = list(docx.Document(download.path()).comments)
    assert comments and any("Fact and opinion" in c.text for c in comments)

    # hovering a highlight shows its explanation and suggestion
    mark = page.locator("mark.c-opinion").first
    mark.hover()
    assert mark.locator(".tip").is_visible()
    assert "Suggestion:" in mark.locator(".tip").inner_text()

    # clicking a highlight opens its card in the findings list
    card = page.locator("[data-testid=stExpanderDetails] .card.c-historic").first
    assert not card.is_visible()
    page.locator("mark.c-historic").first.click()
    card.wait_for(state="visible", timeout=10_000)
    page.wait_for_timeout(800)  # scrolled to it
    box, shown = page.locator(".st-key-findings-box").bounding_box(), card.bounding_box()
    assert box["y"] <= shown["y"] < box["y"] + box["height"]  # in view inside the scrolling list
    page.screenshot(path=str(screenshot_path(tmp_path, "card-opened.png")))

    # the legend filters to one principle, and back to all
    page.get_by_role("radio", name="Dates and times").click()
    page.wait_for_function("document.querySelectorAll('mark.c-opinion').length === 0", timeout=30_000)
    assert page.locator("mark.c-date").count() > 0
    page.get_by_role("radio", name="All principles").click()
    page.locator("mark.c-opinion").first.wait_for(timeout=30_000)

    # nothing was fetched from anywhere but this machine
    assert requests and all(url.startswith(("http://127.0.0.1", "data:", "blob:")) for url in requests), [
        u for u in requests if not u.startswith("http://127.0.0.1")]

    page.close()


def screenshot_path(tmp_path: Path, name: str) -> Path:
    folder = Path(os.environ.get("REVIEW_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


@pytest.mark.parametrize("width", WIDTHS)
def test_sample_page_is_compact_with_no_label_cut_off(page_url, browser, tmp_path, width):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 1000})
    paste_and_review(page, page_url, SAMPLE.read_text(encoding="utf-8"))
    page.locator("mark.c-opinion").first.wait_for(timeout=90_000)
    page.get_by_role("button", name="Word with comments").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # the page has finished drawing
    assert page.evaluate(CUT_LABELS) == []
    height = page.evaluate(PAGE_HEIGHT)
    print(f"\npage height with {SAMPLE.name} at {width} px: {height} px")
    assert height < 4000  # the findings scroll beside the report instead of running down the page
    findings = page.locator(".st-key-findings-box").bounding_box()
    assert findings["width"] >= 300  # still wide enough to read at 1024 px
    page.locator("mark.c-opinion").first.hover()
    page.screenshot(path=str(screenshot_path(tmp_path, f"page-{width}.png")))
    if width == 1920 and os.environ.get("REVIEW_UPDATE_SCREENSHOT") == "1":
        page.screenshot(path=str(README_SCREENSHOT))
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_training_mode_offers_all_five_principles_on_every_row(page_url, browser, tmp_path, width):
    from review.core.registry import SCORED
    from review.io.render import check_label

    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(page_url)
    page.get_by_text("Training", exact=True).click()
    page.locator('[class*="st-key-mark-"] button').nth(10).wait_for(timeout=90_000)
    page.wait_for_timeout(1500)
    rows = page.evaluate(TRAINING_ROWS)
    labels = [check_label(c) for c in SCORED]
    assert len(labels) == 5 and len(rows) > 10
    assert all(row == labels for row in rows), [row for row in rows if row != labels][:3]
    assert page.evaluate(CUT_LABELS) == []
    if width == 1920 and os.environ.get("REVIEW_UPDATE_SCREENSHOT") == "1":
        page.screenshot(path=str(README_TRAINING_SCREENSHOT))
    last = page.locator('[class*="st-key-mark-"]').last.get_by_role("button", name=labels[-1])
    last.click()  # usable: the last principle of the last row can be marked
    page.wait_for_function("[...document.querySelectorAll('[class*=\"st-key-mark-\"]')].pop()"
                           ".querySelector('button[kind=pillsActive], button[aria-pressed=true], "
                           "button[aria-checked=true]') !== null", timeout=30_000)
    page.screenshot(path=str(screenshot_path(tmp_path, f"training-{width}.png")))
    page.close()


def test_script_in_a_report_does_not_run(page_url, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    paste_and_review(page, page_url, 'Mum is a neglectful parent. <script>alert("x")</script> '
                     '<img src=x onerror="alert(1)"> **bold** [link](http://example.org)')
    page.locator("mark.c-opinion").first.wait_for(timeout=90_000)
    report = page.locator(".review .report").first
    assert '<script>alert("x")</script>' in report.inner_text()
    assert report.locator("img, script, a, strong").count() == 0
    page.wait_for_timeout(500)
    assert dialogs == []
    page.close()


def test_standalone_html_legend_toggles_a_principle(browser, tmp_path):
    from review.io.render import render_html

    text = "Mum is neglectful. A bruise was noticed."
    findings = [
        {"check": "opinion", "rule": "opinion.judgement", "principle": "accurate", "severity": "warning",
         "start": 7, "end": 17, "match": "neglectful", "sentence": 0, "message": "judgement",
         "suggestion": "say what you saw", "rationale": "fact and opinion"},
        {"check": "date", "rule": "date.undated_event", "principle": "accurate", "severity": "warning",
         "start": 30, "end": 37, "match": "noticed", "sentence": 1, "message": "no date",
         "suggestion": "give the date", "rationale": "dates and times"},
    ]
    document = {"id": "r", "text": text, "report_date": "2024-03-20", "children": [], "findings": findings,
                "sentences": [{"start": 0, "end": 18, "text": text[:18]}, {"start": 19, "end": 40, "text": text[19:]}],
                "summary": {"words": 7, "sentences": 2, "grade": 2.0}}
    path = tmp_path / "review.html"
    path.write_text(render_html([document]), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    opinion = page.locator("mark.c-opinion")
    colour = opinion.evaluate("e => getComputedStyle(e).backgroundColor")
    page.get_by_role("button", name="Fact and opinion").click()
    assert opinion.evaluate("e => getComputedStyle(e).backgroundColor") != colour
    assert not page.locator("#d0-f0").is_visible() and page.locator("#d0-f1").is_visible()
    page.get_by_role("button", name="Fact and opinion").click()
    assert opinion.evaluate("e => getComputedStyle(e).backgroundColor") == colour
    page.locator("mark.c-date").click()
    assert "give the date" in page.locator("mark.c-date .tip").inner_text()
    page.close()
