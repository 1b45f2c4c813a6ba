"""Reviewing many reports: --jobs, the progress bar, --summary-csv and --scheduler (Dask)."""

import csv
import io
import json
import sys

import pytest

import review
from review.core.registry import CHECKS

REPORTS = [
    "The mother was neglectful during the visit. The house was dirty.",
    "On 11 March 2024 at 10am I saw Mia in the school office with her class teacher.",
    "Mia said “I don't want to go home” when I asked her about the weekend.",
    "La mère a dit que l'enfant était malade depuis trois jours. Elle pleurait beaucoup.",
    "In 2015 the family was known to services. Dad appears to be drinking again.",
    "",
    "Tyler (8) and Amber (5) live with their mother. Tyler said he was hungry.",
]


@pytest.fixture
def report_files(tmp_path):
    paths = []
    for number, text in enumerate(REPORTS):
        path = tmp_path / "reports" / f"report-{number:02d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def single_process():
    return list(review.analyse_many(enumerate(REPORTS), report_date="2024-03-20"))


def test_many_jobs_give_the_same_documents_in_input_order(nlp):
    expected = single_process()
    in_processes = list(review.analyse_many(enumerate(REPORTS), report_date="2024-03-20",
                                            n_process=2, batch_size=2))
    assert [d["id"] for d in in_processes] == list(range(len(REPORTS)))
    assert in_processes == expected


def test_many_cli_jobs_on_a_folder_match_one_process(cli, report_files):
    folder = str(report_files[0].parent)
    status_one, out_one, _ = cli(["--format", "jsonl", "--report-date", "2024-03-20", folder])
    status_two, out_two, _ = cli(["--format", "jsonl", "--report-date", "2024-03-20", "--jobs", "2", folder])
    assert out_two == out_one and status_two == status_one == 1
    assert [json.loads(line)["id"] for line in out_two.splitlines()] == [str(p) for p in report_files]


def test_many_summary_csv_counts_findings_per_principle(cli, report_files, tmp_path):
    summary = tmp_path / "audit.csv"
    status, out, _ = cli(["--format", "jsonl", "--report-date", "2024-03-20", "--summary-csv", str(summary),
                          *map(str, report_files)])
    documents = [json.loads(line) for line in out.splitlines()]
    rows = list(csv.DictReader(summary.open(encoding="utf-8")))
    assert [row["id"] for row in rows] == [d["id"] for d in documents]
    labels = {info.name: info.label for info in CHECKS}  # the principles' names, as the page shows them
    assert list(rows[0])[-len(labels):] == list(labels.values())
    for row, document in zip(rows, documents):
        assert int(row["findings"]) == len(document["findings"])
        for check, label in labels.items():
            assert int(row[label]) == sum(f["check"] == check for f in document["findings"])
    assert sum(int(row["Fact and opinion"]) for row in rows) > 0
    assert rows[3]["language"] == "fr"
    text = summary.read_text(encoding="utf-8")
    assert "neglectful" not in text and "Mia" not in text  # counts only, never the reports' words


def test_many_bad_options_write_nothing_on_stdout(cli, report_files, tmp_path):
    for args, message in [
        (["--jobs", "0"], "E204 --jobs must be between 1"),
        (["--summary-csv", str(tmp_path / "missing" / "audit.csv")], "E203 cannot write the summary"),
    ]:
        status, out, err = cli([*args, str(report_files[0])])
        assert status == 2 and out == "" and message in err and err.count("\n") == 1


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_many_progress_bar_only_on_a_terminal(cli, report_files, monkeypatch):
    paths = [str(p) for p in report_files]
    _, _, err = cli(["--format", "jsonl", *paths])
    assert err == ""
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    _, out, _ = cli(["--format", "jsonl", *paths])
    assert f"/{len(paths)}" in terminal.getvalue() and "report" in terminal.getvalue()
    assert len(out.splitlines()) == len(paths) and "\r" not in out  # the bar never reaches stdout


def test_many_dask_cluster_gives_the_same_results_as_one_process(cli, report_files):
    distributed = pytest.importorskip("distributed")
    expected = single_process()
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                                       host="127.0.0.1", dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        on_cluster = list(review.analyse_many(enumerate(REPORTS), report_date="2024-03-20",
                                              client=client, batch_size=3))
        status, out, err = cli(["--format", "jsonl", "--report-date", "2024-03-20",
                                "--scheduler", cluster.scheduler_address, *map(str, report_files)])
    assert on_cluster == expected
    _, local_out, _ = cli(["--format", "jsonl", "--report-date", "2024-03-20", *map(str, report_files)])
    assert out == local_out and status == 1


def test_many_unreachable_scheduler_is_one_line(cli, report_files, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("review.batch.CONNECT_TIMEOUT", "1s")
    status, out, err = cli(["--scheduler", "tcp://127.0.0.1:9", str(report_files[0])])
    assert status == 2 and out == "" and "E206 cannot reach the Dask scheduler" in err and err.count("\n") == 1


def test_many_scheduler_address_with_an_unknown_protocol_is_one_line(cli, report_files):
    status, out, err = cli(["--scheduler", "bogus://x", str(report_files[0])])
    assert status == 2 and out == "" and "unknown protocol 'bogus'" in err and err.count("\n") == 1


@pytest.fixture
def failing_check(monkeypatch):
    """The historic check raises on any report that says BOOM, as a bug in a check would."""
    from review.checks.historic import HistoricCheck

    reviewing = HistoricCheck.__call__

    def call(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("BOOM in " + doc.text)
        return reviewing(self, doc)

    monkeypatch.setattr(HistoricCheck, "__call__", call)


def test_many_an_internal_error_skips_that_report_only(cli, report_files, failing_check):
    bad = report_files[2]
    bad.write_text("Mia said BOOM when the door slammed.", encoding="utf-8")
    good = [str(p) for p in report_files if p != bad]
    _, expected, _ = cli(["--format", "jsonl", "--report-date", "2024-03-20", *good])
    status, out, err = cli(["--format", "jsonl", "--report-date", "2024-03-20", *map(str, report_files)])
    assert status == 2 and out == expected
    assert err == (f"review: E900 {bad}: internal error (RuntimeError); please report it with the command "
                   "you ran\n")


def test_many_an_internal_error_in_lines_and_processes(cli, nlp, failing_check):
    lines = "Mia was seen at school.\nBOOM went the door.\n\nTyler said he was hungry.\n"
    status, out, err = cli(["--lines", "--format", "jsonl", "--report-date", "2024-03-20"], stdin=lines)
    assert status == 2 and [json.loads(line)["id"] for line in out.splitlines()] == [1, 4]
    assert err.startswith("review: E900 2: internal error (RuntimeError)") and err.count("\n") == 1
    texts = ["Mia was seen at school.", "BOOM went the door.", "Tyler said he was hungry.", "Mum was out."]
    failed = []
    in_processes = list(review.analyse_many(enumerate(texts), report_date="2024-03-20", n_process=2,
                                            batch_size=2, on_error=lambda *failure: failed.append(failure)))
    assert [d["id"] for d in in_processes] == [0, 2, 3] and failed == [(1, "RuntimeError")]
    good = [(i, text) for i, text in enumerate(texts) if i != 1]
    assert in_processes == list(review.analyse_many(good, report_date="2024-03-20"))
    with pytest.raises(RuntimeError):  # without on_error, the API stops as before
        list(review.analyse_many(enumerate(texts), report_date="2024-03-20"))
