"""End to end in a real headless browser: start the page, paste a report, see every principle highlighted.

Uses Debian's chromium (`apt-get install chromium`) driven by Playwright's Python client; the
page runs on a free port on 127.0.0.1 only. Saves a screenshot; with REVIEW_UPDATE_SCREENSHOT=1
it replaces docs/screenshot.png, the one the README shows.
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


def test_pasted_report_is_highlighted_for_every_principle(page_url, browser, tmp_path):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_url)
    box = page.get_by_label("Report text")
    box.wait_for(timeout=60_000)
    box.fill(REPORT)
    box.press("Control+Enter")
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

    # the legend filters to one principle, and back to all
    page.get_by_role("radio", name="Dates and times").click()
    page.wait_for_function("document.querySelectorAll('mark.c-opinion').length === 0", timeout=30_000)
    assert page.locator("mark.c-date").count() > 0
    page.get_by_role("radio", name="All principles").click()
    page.locator("mark.c-opinion").first.wait_for(timeout=30_000)

    # nothing was fetched from anywhere but this machine
    assert requests and all(url.startswith(("http://127.0.0.1", "data:", "blob:")) for url in requests), [
        u for u in requests if not u.startswith("http://127.0.0.1")]

    page.wait_for_timeout(1000)  # the rerun after the last click has finished drawing
    page.locator(".st-key-legend").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(300)
    page.locator("mark.c-opinion").first.hover()
    screenshot = README_SCREENSHOT if os.environ.get("REVIEW_UPDATE_SCREENSHOT") == "1" else tmp_path / "page.png"
    page.screenshot(path=str(screenshot))
    page.close()


def test_script_in_a_report_does_not_run(page_url, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(page_url)
    box = page.get_by_label("Report text")
    box.wait_for(timeout=60_000)
    box.fill('Mum is a neglectful parent. <script>alert("x")</script> <img src=x onerror="alert(1)"> '
             "**bold** [link](http://example.org)")
    box.press("Control+Enter")
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
