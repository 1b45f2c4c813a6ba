"""``python -m review.evaluate sentences [FILE ...]``: the opinion check on labelled report sentences.

Each FILE is JSON Lines of ``{"id", "text", "label", "flag", ...}`` in the format of
``opinion-sentences-dev`` (default: that set in ``$REVIEW_DATA_DIR`` or ``../shared/data``) and of
``data/opinion-reports/`` (the labelling guide there). Every sentence is reviewed alone, as a
one-sentence report dated 2024-05-14, and prints

- the flag's precision, recall and F1: a sentence is flagged when the opinion check raises a
  ``warning`` or ``error`` on it; gold is the set's ``flag``;
- per class, F1 of the finding kind that names it: ``judgement`` for the writer's unevidenced
  judgement (label ``unevidenced_judgement``, or ``owned_without_evidence`` with ``flag``), ``hedge``
  for ``speculation``;
- the share of each label that is flagged, so misses and false alarms show where they are.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from review import analyse_many
from review.core.findings import COUNTED_SEVERITIES
from review.evaluate._data import data_dir
from review.evaluate.opinion import f1_positive

REPORT_DATE = "2024-05-14"
CLASS_KINDS = {"judgement": "judgement", "speculation": "hedge"}


def read_sentences(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_class(row: dict) -> str | None:
    """The flagged class a labelled sentence belongs to: ``judgement``, ``speculation`` or None."""
    if row["label"] == "unevidenced_judgement" or (row["label"] == "owned_without_evidence" and row["flag"]):
        return "judgement"
    return "speculation" if row["label"] == "speculation" else None


def opinion_kinds(rows: list[dict]) -> list[set[str]]:
    """For each sentence, the kinds of the counted opinion findings the review raises on it alone."""
    documents = analyse_many(((i, row["text"]) for i, row in enumerate(rows)), report_date=REPORT_DATE)
    return [{f.get("kind", f["rule"]) for f in document["findings"]
             if f["check"] == "opinion" and f["severity"] in COUNTED_SEVERITIES} for document in documents]


def figures(rows: list[dict], kinds: list[set[str]]) -> dict:
    """The flag and per-class scores and the flagged share of each label, as a dictionary."""
    flagged = [bool(k) for k in kinds]
    result = {"sentences": len(rows), "flag": f1_positive([r["flag"] for r in rows], flagged)}
    for name, kind in CLASS_KINDS.items():
        result[name] = f1_positive([gold_class(r) == name for r in rows], [kind in k for k in kinds])
    by_label: dict[str, Counter] = defaultdict(Counter)
    for row, was_flagged in zip(rows, flagged):
        key = row["label"] + (" (flag)" if row["label"] == "owned_without_evidence" and row["flag"] else "")
        by_label[key]["all"] += 1
        by_label[key]["flagged"] += was_flagged
    result["flagged_share"] = {label: (c["flagged"], c["all"]) for label, c in sorted(by_label.items())}
    return result


def print_figures(name: str, result: dict) -> None:
    print(f"{name}: {result['sentences']} sentences")
    for key in ("flag", *CLASS_KINDS):
        precision, recall, f1 = result[key]
        print(f"  {key:<12} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print("  flagged share by label:")
    for label, (flagged, total) in result["flagged_share"].items():
        print(f"    {label:<34} {flagged:>4}/{total:<4} {flagged / total:.0%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate sentences", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="JSON Lines of labelled sentences (default: opinion-sentences-dev)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    files = args.files or [data_dir() / "opinion-sentences-dev" / "sentences.jsonl"]
    results = {}
    for path in files:
        rows = read_sentences(path)
        results[str(path)] = figures(rows, opinion_kinds(rows))
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        for name, result in results.items():
            print_figures(name, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
