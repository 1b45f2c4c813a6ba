"""How much the temporal components add to the base spaCy pipeline on a 5,000-word report.

    python -m review.evaluate dates_speed [--words 5000] [--repeats 3]

The report is the well-written sample reports of corpus/ joined (and repeated), cut to the
word count. Times are the best of `repeats` runs: the base model (spacy.load of the base
pipeline) on the text, then review_date (tagging, chronology, findings) and review_historic
on the parsed Doc. The target (issue 5) is at most +30%.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from review.evaluate._samples import best_time, corpus_reports, report_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate dates_speed")
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    import spacy

    from review.checks.date import DateCheck
    from review.checks.historic import HistoricCheck
    from review.core.model import BASE_MODEL

    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("review_line_breaks", before="parser")
    text = report_of(args.words, corpus_reports("good"))
    date_check, historic_check = DateCheck(), HistoricCheck()

    def prepared():
        doc = nlp(text)
        doc._.report_date = dt.date(2024, 6, 1)
        doc._.findings = []
        return doc

    doc = prepared()
    date_check(doc)  # warm up (dateparser's first use loads its data)
    base = best_time(lambda: nlp(text), args.repeats)

    def temporal():
        d = prepared()
        started = time.perf_counter()
        historic_check(date_check(d))
        return time.perf_counter() - started

    added = min(temporal() for _ in range(args.repeats))
    print(f"report: {len(text.split())} words, {len(doc._.dates or [])} temporal expressions, "
          f"{len(doc._.events or [])} events")
    print(f"base pipeline {base:.3f}s  temporal components {added:.3f}s  added {100 * added / base:.1f}% "
          f"(target <= 30%)")
    print(f"reproduce: python -m review.evaluate dates_speed --words {args.words} --repeats {args.repeats}")
    return 0
