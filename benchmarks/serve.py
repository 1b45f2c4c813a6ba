"""How fast and how steady `review serve` is (issue 18 targets: a 1,000-word report answered in
under 0.4 s, median of 20 warm requests; 4 concurrent clients without error; memory steady over
500 requests).

    .venv/bin/python benchmarks/serve.py [--words 1000] [--per-client 10] [--requests 500]

Starts `review serve` on a free port of 127.0.0.1, waits for /health, then prints:

1. the median (and spread) of 20 warm POST /check of a report of `--words` words, beside the
   median of 20 reviews of the same text in this process (what the service adds to the review);
2. 4 clients at once, `--per-client` requests each, over their own connections: errors, wall time;
3. the server's resident memory (VmRSS) before and after `--requests` requests, each a whole
   sample report of corpus/ in turn (so the texts vary).

The server is stopped at the end, whatever happens.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from review.evaluate._samples import corpus_reports, report_of  # noqa: E402

CLIENTS = 4
WARM_REQUESTS = 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process `pid` so far (less inflated than wall time on a busy machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


class Client:
    """One keep-alive connection to the service."""

    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def check(self, text: str) -> tuple[int, float]:
        body = json.dumps({"text": text, "report_date": "2024-03-20"}).encode("utf-8")
        start = time.perf_counter()
        self.connection.request("POST", "/check", body, {"Content-Type": "application/json"})
        answer = self.connection.getresponse()
        document = json.loads(answer.read())
        elapsed = time.perf_counter() - start
        if answer.status == 200 and document.get("id") != "request":
            raise RuntimeError("not a document object")
        return answer.status, elapsed


def wait_for_health(port: int, server: subprocess.Popen, limit: float = 180) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if server.poll() is not None:
            raise RuntimeError("the service stopped before it answered /health")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return time.perf_counter() - start
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("no answer from /health")


def in_process_median(text: str) -> float:
    import review

    def one() -> float:
        start = time.perf_counter()
        document = next(iter(review.analyse_many([("request", text)], report_date="2024-03-20")))
        json.dumps(document, ensure_ascii=False)
        return time.perf_counter() - start

    one()
    return statistics.median(one() for _ in range(WARM_REQUESTS))


def concurrent_clients(port: int, text: str, per_client: int) -> tuple[int, int, float]:
    """`CLIENTS` clients sending `per_client` requests each at once: (answers, errors, wall seconds)."""
    def run_client(_):
        client = Client(port)
        return [client.check(text)[0] for _ in range(per_client)]

    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        statuses = [status for statuses in pool.map(run_client, range(CLIENTS)) for status in statuses]
    return len(statuses), sum(status != 200 for status in statuses), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--per-client", type=int, default=10)
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    reports = corpus_reports()
    text = report_of(args.words, reports)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(f"Benchmark of review serve: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    server = subprocess.Popen([sys.executable, "-m", "review", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        started = wait_for_health(port, server)
        print(f"0. start-up: /health answered {started:.2f} s after the process started")
        client = Client(port)
        client.check(text)  # one more warm-up over this connection
        cpu_before = cpu_seconds(server.pid)
        times = [client.check(text)[1] for _ in range(WARM_REQUESTS)]
        cpu = (cpu_seconds(server.pid) - cpu_before) / WARM_REQUESTS
        print(f"1. {args.words:,}-word report, {WARM_REQUESTS} warm requests: median {statistics.median(times):.3f} s "
              f"(min {min(times):.3f}, max {max(times):.3f}; server CPU {cpu:.3f} s a request)  target < 0.4 s: "
              f"{'met' if statistics.median(times) < 0.4 else 'NOT met'}")
        print(f"   the same review in this process, no HTTP: median {in_process_median(text):.3f} s")
        answers, errors, wall = concurrent_clients(port, text, args.per_client)
        print(f"2. {CLIENTS} concurrent clients x {args.per_client} requests: {answers} answers, {errors} errors, "
              f"{wall:.1f} s ({answers / wall:.1f} reports/s)  target 0 errors: {'met' if not errors else 'NOT met'}")
        before, client = rss_mib(server.pid), Client(port)  # a new connection: the old one idled out
        statuses = [client.check(reports[i % len(reports)])[0] for i in range(args.requests)]
        after = rss_mib(server.pid)
        print(f"3. memory over {args.requests} requests (corpus reports in turn, {sum(s != 200 for s in statuses)} "
              f"errors): RSS {before:.0f} MiB before, {after:.0f} MiB after ({after - before:+.0f} MiB)")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
