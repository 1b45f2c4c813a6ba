"""How far two practitioners marking the same reports agree, and the review with each of them.

``python -m review.evaluate agreement FOLDER SECOND [FOLDER SECOND ...]`` reads each report of
FOLDER with its marking (``NAME.gold.jsonl``) and a second, independent marking of it
(``SECOND/NAME.gold.jsonl``, same format), and prints, over all the pairs of folders given, precision and recall per check, in the unit of ``review.evaluate reports``, of:
the second marker against the first; the review against the first; the review against the second.
Two careful markers' agreement is the most any review can be expected to reach.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from review.core.registry import SCORED
from review.evaluate.reports import figures, score
from review.io.marked import Gold, load_gold, overlapped_sentences, read_report


def marking_as_document(gold: Gold, document: dict) -> dict:
    """A marking as if it were the review's output: a warning of each flag's check on every sentence it
    overlaps, and the document child_voice flag as a finding with no sentence."""
    findings = [{"check": line.check, "severity": "warning", "sentence": index, "rule": f"marker.{line.check}"}
                for line in gold.lines if line.expected
                for index in sorted(overlapped_sentences(document["sentences"], line.start, line.end))]
    if gold.child_voice_flag:
        findings.append({"check": "child_voice", "severity": "warning", "sentence": None, "rule": "marker.document"})
    return {"sentences": document["sentences"], "findings": findings}


def compare(folder: Path, second: Path) -> dict[str, list]:
    """Per pairing, the report scores (``review.evaluate.reports.ReportScore``) of every report marked twice."""
    import review

    pairs = {"second marker vs first": [], "review vs first marker": [], "review vs second marker": []}
    for path in sorted(folder.glob("*.txt")):
        other = second / (path.stem + ".gold.jsonl")
        if not other.exists():
            continue
        text = read_report(path)
        first, again = load_gold(path.with_name(path.stem + ".gold.jsonl"), text), load_gold(other, text)
        document = review.analyse(text, report_date=first.report_date, doc_id=path.name)
        pairs["second marker vs first"].append(score(marking_as_document(again, document), first, path.stem))
        pairs["review vs first marker"].append(score(document, first, path.stem))
        pairs["review vs second marker"].append(score(document, again, path.stem))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate agreement", description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+", help="pairs: a folder of marked reports, then the "
                        "folder of their second marking (same file names)")
    args = parser.parse_args(argv)
    if len(args.folders) % 2:
        parser.error("give the folders in pairs: reports, then their second marking")
    totals: dict[str, list] = {}
    for folder, second in zip(args.folders[::2], args.folders[1::2]):
        for name, results in compare(folder, second).items():
            totals.setdefault(name, []).extend(results)
    if not any(totals.values()):
        raise FileNotFoundError(2, "no report is marked in both", str(args.folders[1]))
    print("pairing | reports | " + " | ".join(SCORED) + " | all | document child_voice")
    print(" | ".join("---" for _ in range(len(SCORED) + 4)))
    for name, results in totals.items():
        table = figures(results)
        cells = [f"{row['precision'] or 0:.2f}/{row['recall'] or 0:.2f}" for row in table["checks"].values()]
        doc = table["document_child_voice"]
        print(f"{name} | {table['reports']} | " + " | ".join(cells) +
              f" | {table['all']['precision'] or 0:.2f}/{table['all']['recall'] or 0:.2f} | {doc['right']} of {doc['reports']}")
    return 0

