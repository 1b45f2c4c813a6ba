"""CPU time of the review's own part (the components after the base model, and the document object)
on the 5,000-word benchmark report, warm, in one process: a narrow measure for the warm ratio of
benchmarks/run_all.py that other work on the machine disturbs less than wall time.

    .venv/bin/python benchmarks/warm_review.py [RUNS]

The base model parses the report once; each run reviews a fresh copy of those parsed pieces.
Prints each component's fastest run (ms) and the review part's min and median over RUNS (default 10).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy.tokens import Doc  # noqa: E402

import review  # noqa: E402
from review.batch import FIRST_REVIEW_COMPONENT, ReviewOptions, _with_options, base_parsed_pieces  # noqa: E402
from review.evaluate._samples import corpus_reports, report_of  # noqa: E402
from review.io.document import document_object  # noqa: E402
from review.pipeline import load_pipeline  # noqa: E402

REPORT_DATE = "2024-03-20"


def with_document_object(doc: Doc) -> Doc:
    """The last step of a review: the document object (made, then dropped)."""
    document_object(doc, "bench")
    return doc


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    text = report_of(5_000, corpus_reports())
    nlp = load_pipeline()
    options = ReviewOptions(report_date=review.parse_report_date(REPORT_DATE))
    review.analyse(text, report_date=REPORT_DATE)  # warm
    pieces = base_parsed_pieces(nlp, text)
    steps = list(nlp.pipeline[nlp.pipe_names.index(FIRST_REVIEW_COMPONENT):]) + [
        ("document object", with_document_object)]
    per: dict[str, list[float]] = {}
    totals = []
    for _ in range(runs):
        parts = [Doc(p.vocab).from_bytes(p.to_bytes(exclude=["user_data"])) for p in pieces]
        doc = _with_options(Doc.from_docs(parts, ensure_whitespace=False), options)
        total = 0.0
        for name, step in steps:
            start = time.process_time()
            doc = step(doc)
            elapsed = time.process_time() - start
            per.setdefault(name, []).append(elapsed)
            total += elapsed
        totals.append(total)
    print("  ".join(f"{name.removeprefix('review_')} {min(times) * 1000:.0f}" for name, times in per.items()), "(ms)")
    print(f"review part, CPU: min {min(totals):.3f} s, median {statistics.median(totals):.3f} s of {runs}")


if __name__ == "__main__":
    main()
