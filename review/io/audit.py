"""A supervisor's audit view of many reviewed reports: one row a report, its findings by principle.

The one table behind ``review check --summary-csv`` and the page's audit mode (its table and its
CSV and Excel downloads). The principle columns are named as the page names them: the labels of
the registry (`review.core.registry`), one column per check. Counts only: no words of any report.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from review.core.findings import SEVERITIES
from review.core.registry import CHECKS

COLUMNS = ("id", "words", "sentences", "language", "findings", *SEVERITIES)
PRINCIPLE_COLUMNS = {info.name: info.label for info in CHECKS}  # check -> its column (the page's name)
# A spreadsheet takes a cell starting with one of these for a formula; such a value gets a leading "'".
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")


def columns() -> list[str]:
    """The table's columns in order: the report's id and size, findings by severity, then by principle."""
    return [*COLUMNS, *PRINCIPLE_COLUMNS.values()]


def as_cell(value):
    """`value` safe in a spreadsheet cell: text that would be read as a formula is quoted."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS) or (value.startswith("-") and len(value) > 1)):
        return "'" + value
    return value


def row(document: dict) -> dict:
    """One report's row: counts of its findings, with its id and size."""
    findings = document["findings"]
    severities = Counter(f["severity"] for f in findings)
    per_check = Counter(f["check"] for f in findings)
    summary = document.get("summary", {})
    values = {"id": as_cell(str(document["id"])), "words": summary.get("words"), "sentences": summary.get("sentences"),
              "language": summary.get("language") or "", "findings": len(findings),
              **{s: severities.get(s, 0) for s in SEVERITIES}}
    values.update((label, per_check.get(check, 0)) for check, label in PRINCIPLE_COLUMNS.items())
    return values


class SummaryTable:
    """Writes the table as CSV, one row per reviewed report as it comes."""

    def __init__(self, file: TextIO):
        self.writer = csv.DictWriter(file, columns(), lineterminator="\n")
        self.writer.writeheader()

    def add(self, document: dict) -> None:
        self.writer.writerow(row(document))


def csv_text(documents: Iterable[dict]) -> str:
    """The table of `documents` as CSV text."""
    out = io.StringIO()
    table = SummaryTable(out)
    for document in documents:
        table.add(document)
    return out.getvalue()


def excel_bytes(documents: Iterable[dict]) -> bytes:
    """The table of `documents` as an Excel workbook (.xlsx): a header row that stays in view and filters."""
    from openpyxl import Workbook  # imported here: only this download needs it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Reports"
    header = columns()
    sheet.append(header)
    for document in documents:
        values = row(document)
        sheet.append([values[name] for name in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.column_dimensions["A"].width = max(12, min(60, max(len(str(c.value or "")) for c in sheet["A"])))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def principle_totals(documents: list[dict]) -> list[dict]:
    """Per principle, across the reports: how many have a finding of it and how many findings in all."""
    totals = []
    for check, label in PRINCIPLE_COLUMNS.items():
        counts = [sum(f["check"] == check for f in d["findings"]) for d in documents]
        if any(counts):
            totals.append({"check": check, "principle": label, "reports": sum(1 for n in counts if n),
                           "findings": sum(counts)})
    return sorted(totals, key=lambda t: (-t["reports"], -t["findings"], t["principle"]))


def findings_by_report(documents: list[dict]) -> list[dict]:
    """Per report and principle, its number of findings (rows for a stacked chart), reports with
    most findings first."""
    ordered = sorted(documents, key=lambda d: -len(d["findings"]))
    rows = []
    for rank, document in enumerate(ordered):
        per_check = Counter(f["check"] for f in document["findings"])
        rows += [{"report": str(document["id"]), "rank": rank, "principle": label, "findings": per_check[check],
                  "total": len(document["findings"])}
                 for check, label in PRINCIPLE_COLUMNS.items() if per_check.get(check)]
    return rows
