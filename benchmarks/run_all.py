"""Every figure of issue 18's targets, in one run (a few minutes on 2 cores):

    .venv/bin/python benchmarks/run_all.py            # all figures
    .venv/bin/python benchmarks/run_all.py --quick    # fewer runs and requests, a smoke run

1. cold start, each a fresh process, median of `--runs`: bare spaCy (``import spacy``,
   ``spacy.load``, ``nlp(text)``) on the 5,000-word report, with its in-process load+parse time;
   ``review check`` on the same report (target: at most 1.5 times bare spaCy's load+parse) and on
   a 50-word text (target: under 1.1 s); then where one fresh review's time goes;
2. warm, in one process: the full review (``review.analyse``) against the base pipeline on the
   5,000-word report, median of `--runs` (target: at most 1.25 times);
3. peak memory (max RSS) of ``review check`` on 100,000 words (target: under 1 GiB);
4. ``review serve`` (benchmarks/serve.py): a 1,000-word report, median of 20 warm requests (target:
   under 0.4 s), 4 concurrent clients (target: no error), memory over `--requests` requests.

Fresh-process timings use hyperfine where it is on PATH, else a median of repeated runs; runs of
the compared commands alternate, so other work on the machine weighs on both alike, and their
CPU time (user + system) is printed beside the wall time, as it is less swayed by that work.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import benchmark  # noqa: E402  (benchmarks/benchmark.py)

from review.core.model import BASE_MODEL  # noqa: E402
from review.evaluate._samples import corpus_reports, report_of  # noqa: E402

REPORT_DATE = "2024-03-20"
TARGET_COLD_RATIO = 1.5
TARGET_SHORT_S = 1.1
TARGET_WARM_RATIO = 1.25
TARGET_PEAK_BYTES = 1024 ** 3

# A fresh process: bare spaCy on a file; prints its load+parse wall and CPU seconds, measured in the process.
BARE_SPACY = """
import sys, time
import spacy
start, cpu = time.perf_counter(), time.process_time()
nlp = spacy.load(%r)
nlp(open(sys.argv[1], encoding="utf-8").read())
print(time.perf_counter() - start, time.process_time() - cpu)
""" % BASE_MODEL


def review_check(path: Path) -> list[str]:
    return [sys.executable, "-m", "review", "check", "--report-date", REPORT_DATE, str(path)]


def bare_spacy(path: Path) -> list[str]:
    return [sys.executable, "-c", BARE_SPACY, str(path)]


def timed_run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of `command` in a fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def fresh_times(commands: dict[str, list[str]], runs: int) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall seconds of each command in fresh processes, `runs` times, the commands in turn (by
    hyperfine where it is on PATH), and their CPU seconds (from our own runs)."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            wall, cpu = timed_run(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as export:
            subprocess.run(["hyperfine", "--style", "none", "--warmup", "1", "--runs", str(runs), "-i",
                            "--export-json", export.name, *map(subprocess.list2cmdline, commands.values())],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            results = json.loads(Path(export.name).read_text())["results"]
        walls = {name: result["times"] for name, result in zip(commands, results)}
    return walls, cpus


def bare_load_and_parse(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """spaCy's load+parse wall and CPU seconds, as measured inside fresh processes."""
    measured = [subprocess.run(bare_spacy(path), cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
                for _ in range(runs)]
    return [float(wall) for wall, _ in measured], [float(cpu) for _, cpu in measured]


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def runs_of(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def cold_start(args, long_path: Path, short_path: Path) -> None:
    print(f"\n1. Cold start: fresh processes, median of {args.runs} "
          f"({'hyperfine' if shutil.which('hyperfine') else 'runs in turn'})")
    times, cpus = fresh_times({"bare": bare_spacy(long_path), "long": review_check(long_path),
                               "short": review_check(short_path)}, args.runs)
    load_parse_walls, load_parse_cpus = bare_load_and_parse(long_path, args.runs)
    load_parse, load_parse_cpu = statistics.median(load_parse_walls), statistics.median(load_parse_cpus)
    bare, long, short = (statistics.median(times[name]) for name in ("bare", "long", "short"))
    bare_cpu, long_cpu, short_cpu = (statistics.median(cpus[name]) for name in ("bare", "long", "short"))
    print(f"   {'':<62}{'wall':>8}{'CPU':>8}")
    rows = [("bare spaCy, whole process (import, load, parse 5,000 words)", bare, bare_cpu, times["bare"]),
            ("bare spaCy, load+parse measured in the process", load_parse, load_parse_cpu, None),
            ("review check, 5,000-word report, whole process", long, long_cpu, times["long"]),
            ("review check, 50 words, whole process", short, short_cpu, times["short"])]
    for label, seconds, cpu, runs in rows:
        print(f"   {label:<62}{seconds:6.2f} s{cpu:6.2f} s" + (f"  (wall runs: {runs_of(runs)})" if runs else ""))
    print(f"   5,000 words: review check = {long / load_parse:.2f} x bare spaCy's load+parse (CPU: "
          f"{long_cpu / load_parse_cpu:.2f} x)  target <= {TARGET_COLD_RATIO}: "
          f"{verdict(long / load_parse <= TARGET_COLD_RATIO)}; {long / bare:.2f} x bare spaCy's whole process")
    print(f"   50 words: review check {short:.2f} s  target < {TARGET_SHORT_S} s: {verdict(short < TARGET_SHORT_S)}")
    phases = subprocess.run([sys.executable, "-c", benchmark.STARTUP_PHASES, str(short_path)], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    print(f"   where a 50-word review's time goes (one fresh process): {phases}")


def warm(args, long_text: str) -> None:
    import spacy

    import review

    base = spacy.load(BASE_MODEL)
    review.analyse(long_text[:2000], report_date=REPORT_DATE)  # both pipelines loaded and warm
    base(long_text[:2000])
    times: dict[str, list[tuple[float, float]]] = {"base": [], "full": []}
    for _ in range(args.runs):
        for name, run in (("base", lambda: base(long_text)),
                          ("full", lambda: review.analyse(long_text, report_date=REPORT_DATE))):
            start, cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append((time.perf_counter() - start, time.process_time() - cpu))
    (base_s, base_cpu), (full_s, full_cpu) = ([statistics.median(t[i] for t in times[name]) for i in (0, 1)]
                                              for name in ("base", "full"))
    print(f"\n2. Warm, in one process, 5,000-word report, median of {args.runs}: base pipeline {base_s:.3f} s, "
          f"full review {full_s:.3f} s = {full_s / base_s:.2f} x (CPU: {full_cpu / base_cpu:.2f} x)  "
          f"target <= {TARGET_WARM_RATIO}: {verdict(full_s / base_s <= TARGET_WARM_RATIO)}")


def peak_memory(args, reports: list[str], folder: Path) -> None:
    big = folder / "big.txt"
    big.write_text(report_of(args.memory_words, reports), encoding="utf-8")
    elapsed, status, peak = benchmark.run_cli(["--format", "jsonl", "--report-date", REPORT_DATE, str(big)])
    result = verdict(peak < TARGET_PEAK_BYTES) if status in (0, 1) else f"FAILED (exit status {status})"
    print(f"\n3. Peak memory: review check on {args.memory_words:,} words: {peak / 1024 ** 2:,.0f} MiB max RSS "
          f"in {elapsed:.1f} s  target < 1 GiB: {result}")


def serve(args) -> None:
    print("\n4. ", end="", flush=True)
    subprocess.run([sys.executable, str(HERE / "serve.py"), "--per-client", str(args.per_client),
                    "--requests", str(args.requests)], cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, words and requests (a smoke run)")
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (default 5)")
    parser.add_argument("--memory-words", type=int, default=100_000, help="words in the memory test (100,000)")
    parser.add_argument("--per-client", type=int, default=10, help="requests per concurrent client (10)")
    parser.add_argument("--requests", type=int, default=500, help="requests in the service's memory test (500)")
    args = parser.parse_args()
    if args.quick:
        args.runs, args.memory_words, args.per_client, args.requests = 2, 10_000, 2, 20
    benchmark.byte_compiled()
    reports = corpus_reports()
    print(f"Issue 18 figures: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    print(f"Reproduce: .venv/bin/python benchmarks/run_all.py {' '.join(sys.argv[1:])}".rstrip())
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        long_text = report_of(5_000, reports)
        long_path, short_path = folder / "report.txt", folder / "short.txt"
        long_path.write_text(long_text, encoding="utf-8")
        short_path.write_text(" ".join(" ".join(reports).split()[:50]), encoding="utf-8")
        cold_start(args, long_path, short_path)
        warm(args, long_text)
        peak_memory(args, reports, folder)
    serve(args)
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
