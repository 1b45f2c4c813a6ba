"""What the speed measurements share: long texts made of the sample reports, and a best-of timer.

Used by ``benchmarks/benchmark.py``, ``benchmarks/page.py`` and
``python -m review.evaluate dates_speed`` (the leading underscore keeps it off that command's list).
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

import yaml

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def corpus_reports(quality: str | None = None) -> list[str]:
    """The sample reports of ``corpus/`` in file order; only those of `quality` ("good", "poor") if given."""
    reports = []
    for path in sorted(CORPUS.glob("*.txt")):
        if quality is not None:
            meta = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
            if meta.get("quality") != quality:
                continue
        reports.append(path.read_text(encoding="utf-8"))
    if not reports:
        raise FileNotFoundError(f"no sample reports{' of quality ' + quality if quality else ''} in {CORPUS}")
    return reports


def report_of(n_words: int, reports: list[str]) -> str:
    """Whole sample reports, one after another (repeated), until the text has `n_words` words."""
    parts, count, i = [], 0, 0
    while count < n_words:
        report = reports[i % len(reports)]
        parts.append(report.strip())
        count += len(report.split())
        i += 1
    text = "\n\n".join(parts)
    last_word = next(itertools.islice(re.finditer(r"\S+", text), n_words - 1, None))
    return text[: last_word.end()]  # the last report cut to give exactly n_words words


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The shortest wall-clock time of `repeat` calls of `run`, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)
