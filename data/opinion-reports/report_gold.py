"""Write the reports-dev gold format for the opinion check from the sentence labels of whole reports.

``python data/opinion-reports/report_gold.py`` reads ``narrative.jsonl`` (every sentence of each report
in ``reports/``, labelled by GUIDE.md) and writes ``reports/NAME.gold.jsonl`` beside each report: a flag
line for each sentence labelled ``flag: true``, a ``no_flag`` line for each owned, lookalike or attributed
judgement that is not flagged (the near-misses), so that
``python -m review.evaluate reports data/opinion-reports/reports`` scores the opinion check (read only
its opinion row: the other checks are not marked).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEAR_MISSES = ("owned_with_evidence", "owned_without_evidence", "lookalike")


def gold_lines(rows: list[dict], text: str) -> list[dict]:
    """The gold lines of one report's labelled sentences; a sentence whose text is not unique in the
    report is left out (the scorer finds a gold text by its first occurrence)."""
    lines, seen = [], set()
    for row in rows:
        if text.count(row["text"]) != 1 or row["text"] in seen:
            continue
        seen.add(row["text"])
        why = f"{row['label']}: {row['why']}"
        if row["flag"]:
            lines.append({"text": row["text"], "check": "opinion", "why": why})
        elif row["label"] in NEAR_MISSES or (row["label"] == "attributed" and row.get("span")):
            lines.append({"text": row["text"], "check": "opinion", "expect": "no_flag", "why": why})
    return lines


def main() -> None:
    rows = [json.loads(line) for line in (HERE / "narrative.jsonl").read_text(encoding="utf-8").splitlines() if line]
    for name in sorted({row["report"] for row in rows}):
        text = (HERE / "reports" / f"{name}.txt").read_text(encoding="utf-8")
        lines = gold_lines([row for row in rows if row["report"] == name], text)
        with (HERE / "reports" / f"{name}.gold.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
        print(f"{name}: {sum('expect' not in line for line in lines)} flags, "
              f"{sum('expect' in line for line in lines)} near-misses")


if __name__ == "__main__":
    main()
