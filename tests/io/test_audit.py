"""The audit table (review check --summary-csv and the page's audit mode): columns named as the page names them."""

import csv
import io

from openpyxl import load_workbook

from review.core.registry import CHECKS
from review.io import audit
from review.io.render import check_label


def document(doc_id, checks, words=100):
    findings = [{"check": c, "severity": "warning" if c != "language" else "info", "principle": "x"} for c in checks]
    return {"id": doc_id, "findings": findings, "summary": {"words": words, "sentences": 9, "language": "en"}}


DOCUMENTS = [document("a.txt", ["opinion", "opinion", "date", "historic"]), document("b.docx", []),
             document("=HYPERLINK(1)", ["length", "opinion"])]


def test_principle_columns_are_the_pages_names_of_every_check():
    assert audit.columns()[-len(CHECKS):] == [check_label(info.name) for info in CHECKS]
    assert "Fact and opinion" in audit.columns() and "accurate" not in audit.columns()


def test_csv_counts_findings_per_principle_and_quotes_formulas():
    rows = list(csv.DictReader(io.StringIO(audit.csv_text(DOCUMENTS))))
    assert [r["id"] for r in rows] == ["a.txt", "b.docx", "'=HYPERLINK(1)"]
    assert rows[0]["Fact and opinion"] == "2" and rows[0]["Dates and times"] == "1"
    assert rows[0]["Historic information"] == "1" and rows[0]["findings"] == "4" and rows[0]["warning"] == "4"
    assert rows[1]["findings"] == "0" and rows[2]["Succinct and clear"] == "1"


def test_excel_holds_the_same_table():
    sheet = load_workbook(io.BytesIO(audit.excel_bytes(DOCUMENTS))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == audit.columns()
    assert [dict(zip(values[0], v)) for v in values[1:]] == [audit.row(d) for d in DOCUMENTS]
    assert sheet["A4"].data_type == "s"  # the quoted formula stays text


def test_totals_across_reports():
    totals = audit.principle_totals(DOCUMENTS)
    assert totals[0] == {"check": "opinion", "principle": "Fact and opinion", "reports": 2, "findings": 3}
    assert {t["check"] for t in totals} == {"opinion", "date", "historic", "length"}
    by_report = audit.findings_by_report(DOCUMENTS)
    assert by_report[0]["report"] == "a.txt" and by_report[0]["total"] == 4
    assert sum(r["findings"] for r in by_report if r["report"] == "a.txt") == 4
    assert "b.docx" not in {r["report"] for r in by_report}
