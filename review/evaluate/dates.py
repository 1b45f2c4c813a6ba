"""Temporal expressions against the hand-written tables in tests/data/temporal_*.yaml.

    python -m review.evaluate dates [--table dev|heldout|stress|all] [--errors]

Each table holds report-style and news-style sentences with a report date (the document
creation time) and every TIMEX3 expression expected in them ("text | TYPE | value").
Prediction: `review.nlp.temporal.find_temporal_expressions` on the base spaCy model, with the
table's report date. Figures, as in TempEval-3:

- relaxed span P/R/F1: a predicted expression is right if it overlaps an expected one;
- strict span P/R/F1: the same, with exactly the same start and end;
- value accuracy: over the relaxed matches, the share whose value is the expected one;
  value F1: correct values counted against all expected and all predicted expressions
  (TempEval-3's "value F1");
- type accuracy: over the relaxed matches, the share with the expected TIMEX3 type;
- imprecise accuracy: over the relaxed matches, the share whose `imprecise` flag is right.

The held-out table was written with the dev table, before the tagger, and is reported
separately; it is not used for tuning. Both were written by the tagger's author, so they
share its conventions: the stress table (harder, TimeBank-like sentences) was written after
the tagger and never tuned on, and is the more honest estimate of unseen text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

import yaml

TABLES = Path(__file__).resolve().parents[2] / "tests" / "data"


def load_table(name: str) -> list[dict]:
    """The cases of tests/data/temporal_NAME.yaml: dicts with text, report_date, set and gold."""
    data = yaml.safe_load((TABLES / f"temporal_{name}.yaml").read_text(encoding="utf-8"))
    cases = []
    for group in data["sets"]:
        report_date = group["report_date"]
        if isinstance(report_date, str):
            report_date = dt.date.fromisoformat(report_date)
        for case in group["cases"]:
            cases.append({"text": case["text"], "report_date": case.get("report_date", report_date),
                          "set": group["name"], "gold": [parse_gold(case["text"], g) for g in case["dates"]]})
        # a case's expected dates are located in order, so a repeated text finds its next occurrence
    return cases


def parse_gold(text: str, entry: str) -> dict:
    parts = [p.strip() for p in entry.split("|")]
    if len(parts) not in (3, 4):
        raise ValueError(f"bad expected date {entry!r}: use 'text | TYPE | value [| imprecise]'")
    surface, kind, value = parts[:3]
    start = text.find(surface)
    if start < 0:
        raise ValueError(f"{surface!r} does not occur in {text!r}")
    return {"start": start, "end": start + len(surface), "text": surface, "type": kind,
            "value": None if value == "null" else value, "imprecise": len(parts) == 4 and parts[3] == "imprecise"}


def _prf(true_pos_pred: int, n_pred: int, true_pos_gold: int, n_gold: int) -> tuple[float, float, float]:
    precision = true_pos_pred / n_pred if n_pred else 1.0
    recall = true_pos_gold / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(cases: list[dict], nlp, show_errors: bool = False) -> dict:
    from review.nlp.temporal import find_temporal_expressions

    counts = {"gold": 0, "pred": 0, "relaxed_pred": 0, "relaxed_gold": 0, "strict": 0,
              "matched": 0, "value": 0, "type": 0, "imprecise": 0}
    errors = []
    for case in cases:
        doc = nlp(case["text"])
        predicted = find_temporal_expressions(doc, case["report_date"])
        gold = case["gold"]
        counts["gold"] += len(gold)
        counts["pred"] += len(predicted)
        counts["relaxed_pred"] += sum(any(p.start < g["end"] and g["start"] < p.end for g in gold) for p in predicted)
        for g in gold:
            overlapping = [p for p in predicted if p.start < g["end"] and g["start"] < p.end]
            if not overlapping:
                errors.append(f"MISSED  {g['text']!r} ({g['type']} {g['value']}) in: {case['text']}")
                continue
            p = min(overlapping, key=lambda p: abs(p.start - g["start"]) + abs(p.end - g["end"]))
            counts["relaxed_gold"] += 1
            counts["matched"] += 1
            counts["strict"] += p.start == g["start"] and p.end == g["end"]
            counts["value"] += p.value == g["value"]
            counts["type"] += p.type == g["type"]
            counts["imprecise"] += p.imprecise == g["imprecise"]
            if (p.value, p.type, p.start, p.end, p.imprecise) != (g["value"], g["type"], g["start"], g["end"], g["imprecise"]):
                errors.append(f"WRONG   {p.text!r} {p.type} {p.value} expected {g['text']!r} {g['type']} {g['value']}"
                              f"{' (imprecise ' + str(p.imprecise) + ')' if p.imprecise != g['imprecise'] else ''} in: {case['text']}")
        for p in predicted:
            if not any(p.start < g["end"] and g["start"] < p.end for g in gold):
                errors.append(f"SPURIOUS {p.text!r} ({p.type} {p.value}) in: {case['text']}")
    relaxed = _prf(counts["relaxed_pred"], counts["pred"], counts["relaxed_gold"], counts["gold"])
    strict = _prf(counts["strict"], counts["pred"], counts["strict"], counts["gold"])
    value_f1 = _prf(counts["value"], counts["pred"], counts["value"], counts["gold"])[2]
    matched = counts["matched"] or 1
    if show_errors:
        print("\n".join(errors))
    return {
        "cases": len(cases), "expressions": counts["gold"], "predicted": counts["pred"],
        "relaxed": relaxed, "strict": strict, "value_accuracy": counts["value"] / matched, "value_f1": value_f1,
        "type_accuracy": counts["type"] / matched, "imprecise_accuracy": counts["imprecise"] / matched,
    }


def _print(name: str, result: dict) -> None:
    r, s = result["relaxed"], result["strict"]
    print(f"{name:<16} cases {result['cases']:>3}  expressions {result['expressions']:>3}  predicted {result['predicted']:>3}")
    print(f"  relaxed span  P {r[0]:.3f}  R {r[1]:.3f}  F1 {r[2]:.3f}")
    print(f"  strict span   P {s[0]:.3f}  R {s[1]:.3f}  F1 {s[2]:.3f}")
    print(f"  value accuracy {result['value_accuracy']:.3f}  value F1 {result['value_f1']:.3f}  "
          f"type accuracy {result['type_accuracy']:.3f}  imprecise accuracy {result['imprecise_accuracy']:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate dates", description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", choices=["dev", "heldout", "stress", "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list every missed, wrong and spurious expression")
    args = parser.parse_args(argv)
    import spacy

    from review.core.model import BASE_MODEL

    nlp = spacy.load(BASE_MODEL)
    names = ["dev", "heldout", "stress"] if args.table == "all" else [args.table]
    started = time.perf_counter()
    for name in names:
        cases = load_table(name)
        _print(f"{name} (all)", evaluate(cases, nlp, args.errors))
        for subset in sorted({c["set"] for c in cases}):
            _print(f"  {name} {subset}", evaluate([c for c in cases if c["set"] == subset], nlp))
    print(f"({time.perf_counter() - started:.1f}s)  reproduce: python -m review.evaluate dates --table {args.table}")
    return 0
