"""The agreement evaluation: a second marking scored against the first in the report evaluation's unit."""

from pathlib import Path

import review
from review.evaluate.agreement import compare, marking_as_document
from review.evaluate.reports import figures, score
from review.io.marked import load_gold, read_report

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports-y"


def test_a_marking_agrees_fully_with_itself():
    path = sorted(REPORTS.glob("*.txt"))[1]
    text = read_report(path)
    gold = load_gold(path.with_name(path.stem + ".gold.jsonl"), text)
    document = review.analyse(text, report_date=gold.report_date)
    table = figures([score(marking_as_document(gold, document), gold, path.stem)])
    assert table["all"]["precision"] == table["all"]["recall"] == 1.0
    assert table["document_child_voice"]["right"] == 1


def test_only_reports_marked_twice_are_compared(tmp_path):
    source = sorted(REPORTS.glob("*.txt"))[0]
    (tmp_path / (source.stem + ".gold.jsonl")).write_text(
        source.with_name(source.stem + ".gold.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    pairs = compare(REPORTS, tmp_path)
    assert {name: len(results) for name, results in pairs.items()} == dict.fromkeys(pairs, 1)
    assert figures(pairs["second marker vs first"])["all"]["recall"] == 1.0
