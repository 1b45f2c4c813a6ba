"""How long the review page takes to show a 5,000-word report (target: under 3 seconds).

    .venv/bin/python benchmarks/page.py [--words 5000] [--repeat 3]

The report is built from the sample reports in corpus/ (whole reports, in file order and
repeated, cut to the word count). The pipeline is loaded first and not timed (the page loads
it once per server). Each repeat times, from the text alone:

- analysis: the review pipeline and the document object (what `app.analysed` caches);
- page HTML: the highlighted report, a card per finding, the summary, checklist and chronology;
- downloads: the annotated HTML, JSON, .docx with comments and the feedback file (the page
  builds each only when it is downloaded, so this is the worst case);
- the page script itself in Streamlit's AppTest, first view (analysis cache cleared) and a
  change of filter (cached analysis).

Prints the median of each, and the total of analysis + page HTML + downloads, in wall-clock
seconds and in this process's CPU seconds (which other jobs on a shared machine inflate less;
the load average is printed beside them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from review.evaluate._samples import corpus_reports, report_of  # noqa: E402


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def render_page(document: dict) -> str:
    from review.io import render

    return "".join([render.highlighted_report(document),
                    *(render.finding_card(i, f, document) for i, f in enumerate(document["findings"])),
                    render.summary_table(document), render.checklist_table(document),
                    render.chronology_table(document)])


def build_downloads(document: dict, found: dict) -> int:
    from review.io import export

    wrong = {export.finding_key(f): "" for f in document["findings"][:5]}
    files = export.Downloads(document, wrong=wrong, **found)
    return sum(len(build()) for build in (files.html, files.json, files.docx, files.feedback))


def app_runs(text: str, repeat: int) -> tuple[list[float], list[float]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    first, filtered = [], []
    for n in range(repeat):
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.run()
        # a text not seen before, so the analysis really runs
        at.text_area(key="pasted").set_value(f"{text}\n\nPage benchmark run {n + 1}.").run()
        at.button(key="review").click()  # the run that press of Review starts is the one timed
        _, seconds = timed(at.run)
        first.append(seconds)
        at.button_group(key="legend").set_value("date")
        _, seconds = timed(at.run)
        filtered.append(seconds)
        assert not at.exception, at.exception
    return first, filtered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/page.py", description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-app", action="store_true", help="skip the AppTest timings")
    args = parser.parse_args(argv)

    import review
    from review.io.document import document_object
    from review.io.redact import entities

    text = report_of(args.words, corpus_reports())
    _, load_seconds = timed(review.load_pipeline)
    review.analyse("Warm-up sentence.", report_date="2024-03-20")
    analysis, page, downloads, cpu = [], [], [], []
    for _ in range(args.repeat):
        cpu_start = time.process_time()
        doc, seconds = timed(review.analyse_doc, text)
        document, more = timed(document_object, doc, "report")
        found = entities(doc)
        analysis.append(seconds + more)
        _, seconds = timed(render_page, document)
        page.append(seconds)
        _, seconds = timed(build_downloads, document, found)
        downloads.append(seconds)
        cpu.append(time.process_time() - cpu_start)
    median = statistics.median
    total = median([a + p + d for a, p, d in zip(analysis, page, downloads)])
    print(f"report: {len(text.split()):,} words, {len(document['sentences'])} sentences, "
          f"{len(document['findings'])} findings")
    print(f"pipeline load (once per server, not counted): {load_seconds:.2f} s")
    print(f"analysis:  {median(analysis):.2f} s")
    print(f"page HTML: {median(page):.3f} s")
    print(f"downloads: {median(downloads):.3f} s")
    print(f"total analysed and rendered: {total:.2f} s (target < 3 s) -> {'OK' if total < 3 else 'OVER'}")
    print(f"  the same in CPU time: {median(cpu):.2f} s; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    if not args.no_app:
        first, filtered = app_runs(text, args.repeat)
        print(f"page script, first view (AppTest, analysis not cached): {median(first):.2f} s")
        print(f"page script, change of filter (cached analysis): {median(filtered):.2f} s")
    print(f"median of {args.repeat}; reproduce: .venv/bin/python benchmarks/page.py --words {args.words} "
          f"--repeat {args.repeat}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
