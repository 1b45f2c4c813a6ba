"""How much the temporal components add to the base spaCy pipeline on a 5,000-word report.

    python -m review.evaluate dates_speed [--words 5000] [--repeats 3]

The report is the well-written sample reports of corpus/ joined (and repeated) up to the
word count. Times are the best of `repeats` runs: the base model (spacy.load of the base
pipeline) on the text, then review_date (tagging, chronology, findings) and review_historic
on the parsed Doc. The target (issue 5) is at most +30%.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def sample_report(words: int) -> str:
    good = []
    for path in sorted(CORPUS.glob("*.txt")):
        meta = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
        if meta.get("quality") == "good":
            good.append(path.read_text(encoding="utf-8"))
    parts, count = [], 0
    while count < words:
        for text in good:
            parts.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(parts)


def best_of(repeats: int, run) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate dates_speed")
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    import spacy

    from review.checks.date import DateCheck
    from review.checks.historic import HistoricCheck
    from review.pipeline import BASE_MODEL

    nlp = spacy.load(BASE_MODEL)
    nlp.add_pipe("review_line_breaks", before="parser")
    text = sample_report(args.words)
    date_check, historic_check = DateCheck(), HistoricCheck()

    def prepared():
        doc = nlp(text)
        doc._.report_date = dt.date(2024, 6, 1)
        doc._.findings = []
        return doc

    doc = prepared()
    date_check(doc)  # warm up (dateparser's first use loads its data)
    base = best_of(args.repeats, lambda: nlp(text))

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
