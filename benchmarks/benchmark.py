"""Speed and memory of the review, against the bare spaCy pipeline it builds on, in one run.

    .venv/bin/python benchmarks/benchmark.py            # the figures of issue 9 (a few minutes)
    .venv/bin/python benchmarks/benchmark.py --quick    # smaller inputs, a smoke run

Prints, for the same texts:
  1. words/second of the bare base pipeline and of the full review (``review.analyse``:
     pipeline and document object) on one long report, and on a batch of reports
     (``nlp.pipe`` / ``review.analyse_many``), with their ratio (target: full >= 60% of base);
  2. the wall time of ``review check`` on a 50-word text in a fresh process (target < 3 s);
  3. the peak memory (max RSS) of ``review check`` on a 100,000-word input (target < 1 GB);
  4. the time each pipeline component takes on the long report.
The reports are the sample reports in ``corpus/``, repeated to the length needed. Timings are
the best of a few runs, in one process, on one core; start-up and memory are measured in a
fresh process each, as a user meets them.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

import review  # noqa: E402
from review.core.model import BASE_MODEL  # noqa: E402
from review.evaluate._samples import best_time, corpus_reports, report_of  # noqa: E402
from review.io.document import document_object  # noqa: E402
from review.pipeline import load_pipeline  # noqa: E402

REPORT_DATE = "2024-03-20"
TARGET_RATIO = 0.60
TARGET_STARTUP_S = 3.0
TARGET_PEAK_BYTES = 1024 ** 3


def byte_compiled() -> None:
    """The package byte-compiled as an install leaves it (``make setup`` does this), so a fresh
    process's start-up is timed as a user meets it even after the sources were edited."""
    compileall.compile_dir(ROOT / "review", quiet=1)


def words(text: str) -> int:
    return len(text.split())


def throughput(args, base, long_text: str, batch: list[str]) -> None:
    review.analyse(long_text[:2000], report_date=REPORT_DATE)  # warm both pipelines up
    base(long_text[:2000])
    n_long, n_batch = words(long_text), sum(words(t) for t in batch)
    rows = [
        ("one report", n_long,
         best_time(lambda: base(long_text), args.repeat),
         best_time(lambda: review.analyse(long_text, report_date=REPORT_DATE), args.repeat)),
        (f"batch of {len(batch)}", n_batch,
         best_time(lambda: list(base.pipe(batch)), args.repeat),
         best_time(lambda: list(review.analyse_many(enumerate(batch), report_date=REPORT_DATE)), args.repeat)),
    ]
    print(f"\n1. Throughput (best of {args.repeat}; base = spacy.load({BASE_MODEL!r}), full = review.analyse)")
    print(f"   {'input':<14}{'words':>8}{'base w/s':>11}{'full w/s':>11}{'full/base':>11}  target >= {TARGET_RATIO:.0%}")
    for name, n, base_s, full_s in rows:
        ratio = base_s / full_s
        print(f"   {name:<14}{n:>8,}{n / base_s:>11,.0f}{n / full_s:>11,.0f}{ratio:>11.0%}  "
              f"{'met' if ratio >= TARGET_RATIO else 'NOT MET'}")


# Run in a fresh process: the bare base pipeline's start-up, then the review's, phase by phase.
STARTUP_PHASES = """
import sys, time
start = time.perf_counter()
import spacy
base = spacy.load("%s")
base(open(sys.argv[1], encoding="utf-8").read())
bare = time.perf_counter() - start
start = time.perf_counter()
import review
imported = time.perf_counter()
nlp = review.load_pipeline()
loaded = time.perf_counter()
review.analyse(open(sys.argv[1], encoding="utf-8").read())
done = time.perf_counter()
print(f"bare spaCy import+load+parse {bare:.2f} s | review: import {imported - start:.2f} s, "
      f"load_pipeline {loaded - imported:.2f} s, first analyse {done - loaded:.2f} s")
""" % BASE_MODEL


def run_cli(args: list[str], stdin=None) -> tuple[float, int, int]:
    """Wall seconds, exit status and peak RSS (bytes) of `review check ARGS` in a fresh process."""
    command = [sys.executable, "-m", "review", "check", *args]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, process.returncode, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def startup_and_memory(args, reports: list[str], folder: Path) -> None:
    short = folder / "short.txt"
    short.write_text(" ".join(" ".join(reports).split()[:50]), encoding="utf-8")
    times = [run_cli(["--report-date", REPORT_DATE, str(short)])[0] for _ in range(args.repeat)]
    median = statistics.median(times)
    print(f"\n2. Start-up: `review check` on a 50-word text, fresh process, median of {args.repeat}: "
          f"{median:.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})  target < {TARGET_STARTUP_S:.0f} s: "
          f"{'met' if median < TARGET_STARTUP_S else 'NOT MET'}")
    phases = subprocess.run([sys.executable, "-c", STARTUP_PHASES, str(short)], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    print(f"   where the time goes (one fresh process): {phases}")
    big = folder / "big.txt"
    big.write_text(report_of(args.memory_words, reports), encoding="utf-8")
    elapsed, status, peak = run_cli(["--format", "jsonl", "--report-date", REPORT_DATE, str(big)])
    verdict = "met" if peak < TARGET_PEAK_BYTES else "NOT MET"
    if status not in (0, 1):
        verdict = f"FAILED (exit status {status})"
    print(f"\n3. Peak memory: `review check --format jsonl` on a {args.memory_words:,}-word report: "
          f"{peak / 1024 ** 2:,.0f} MiB max RSS in {elapsed:.1f} s  target < 1 GiB: {verdict}")


def component_times(args, long_text: str) -> None:
    """Each component's share of the review of the long report (best of `repeat` per component)."""
    nlp = load_pipeline()
    totals: dict[str, float] = {}
    for _ in range(args.repeat):
        doc = nlp.make_doc(long_text)
        doc._.report_date = review.parse_report_date(REPORT_DATE)
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            doc = component(doc)
            elapsed = time.perf_counter() - start
            totals[name] = min(totals.get(name, elapsed), elapsed)
    start = time.perf_counter()
    document_object(doc, "bench")
    totals["(document object)"] = time.perf_counter() - start
    whole = sum(totals.values())
    print(f"\n4. Components on the {words(long_text):,}-word report (best of {args.repeat}):")
    for name, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"   {name:<24}{seconds:>8.3f} s {seconds / whole:>6.1%}")
    print(f"   {'total':<24}{whole:>8.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, one run each (a smoke test)")
    parser.add_argument("--words", type=int, default=5_000, help="words in the long report (default 5,000)")
    parser.add_argument("--batch", type=int, default=30, help="reports in the batch (default 30)")
    parser.add_argument("--memory-words", type=int, default=100_000, help="words in the memory test input")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (default 3)")
    args = parser.parse_args()
    if args.quick:
        args.words, args.batch, args.memory_words, args.repeat = 1_000, 6, 5_000, 1
    byte_compiled()
    reports = corpus_reports()
    long_text = report_of(args.words, reports)
    batch = [reports[i % len(reports)] for i in range(args.batch)]
    print(f"Benchmark: python {sys.version.split()[0]}, spaCy {spacy.__version__}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"Reproduce: .venv/bin/python benchmarks/benchmark.py {' '.join(sys.argv[1:])}".rstrip())
    base = spacy.load(BASE_MODEL)
    throughput(args, base, long_text, batch)
    with tempfile.TemporaryDirectory() as folder:
        startup_and_memory(args, reports, Path(folder))
    component_times(args, long_text)


if __name__ == "__main__":
    main()
