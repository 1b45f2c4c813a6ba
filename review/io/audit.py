"""A supervisor's audit view of many reviewed reports: findings per principle, one row a report."""

from __future__ import annotations

import csv
from collections import Counter
from typing import TextIO

from review.core.findings import SEVERITIES
from review.core.rules import load_rules


def principles(rules_path: str | None = None) -> list[str]:
    """Every policy principle a rule in use can report, sorted (the CSV's stable columns)."""
    return sorted({rule.principle for rule in load_rules(rules_path).all_rules()})


class SummaryTable:
    """Writes one CSV row per reviewed report: its id, size, language, findings by severity
    and by principle. No words of any report are written, only counts."""

    def __init__(self, file: TextIO, principle_names: list[str]):
        self.principles = principle_names
        self.writer = csv.writer(file, lineterminator="\n")
        self.writer.writerow(["id", "words", "sentences", "language", "findings", *SEVERITIES,
                              *self.principles])

    def add(self, document: dict) -> None:
        findings = document["findings"]
        severities = Counter(f["severity"] for f in findings)
        per_principle = Counter(f["principle"] for f in findings)
        summary = document.get("summary", {})
        self.writer.writerow([
            document["id"], summary.get("words"), summary.get("sentences"), summary.get("language") or "",
            len(findings), *(severities.get(s, 0) for s in SEVERITIES),
            *(per_principle.get(p, 0) for p in self.principles),
        ])
