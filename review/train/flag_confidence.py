"""Train the flag-confidence model (``review.calibration``) on marked reports.

``python -m review.train.flag_confidence`` reviews every report of the training sets in
``models/flag_confidence/config.yaml`` with the model switched off, labels each flagged sentence by
whether the set's marking flags it for that check, fits one logistic regression per check
(scikit-learn, the ``train`` extra), and one per rule the config promotes on the sentences with only its
notes, and writes ``model.json``. ``--cross-validate`` instead prints,
for each set left out in turn, the scored checks' precision and recall without and with a model
trained on the other sets: the figures in ``models/flag_confidence/MODEL.md``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from review.calibration import COMPONENT, FlagConfidenceModel
from review.calibration.features import Unit, findings_by_unit, is_counted, unit_features
from review.core.text import sentences
from review.evaluate._data import data_dir
from review.evaluate.reports import ReportScore, figures, score
from review.io.marked import Gold, load_gold, overlapped_sentences, read_report

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "models" / "flag_confidence" / "config.yaml"


@dataclass
class MarkedReport:
    """One reviewed report of a training set: its sentences, its flagged units with features, and its
    marking cut to the checks the set is marked for."""

    set_name: str
    sentences: list[dict]  # each sentence's start and end, as in the document object
    units: dict[Unit, dict[str, float]]  # units with a warning or error of a marked check
    gold: Gold
    candidates: dict[Unit, tuple[str, dict[str, float]]] = field(default_factory=dict)
    # units of a marked check with only notes, one of a rule the config promotes: (that rule, features)

    def label(self, unit: Unit) -> bool:
        """Whether the marking flags this sentence for this check."""
        return any(line.expected and line.check == unit[0]
                   and unit[1] in overlapped_sentences(self.sentences, line.start, line.end) for line in self.gold.lines)

    def scored(self, kept) -> ReportScore:
        """The report evaluation's comparison with the marking of the units (flagged or candidates) that `kept`
        (report, unit) keeps, as warnings."""
        findings = [{"check": unit[0], "sentence": unit[1], "severity": "warning", "rule": ""}
                    for unit in [*self.units, *self.candidates] if kept(self, unit)]
        return score({"sentences": self.sentences, "findings": findings}, self.gold, self.set_name)


def set_folder(entry: dict) -> Path:
    """A training set's folder: reports-dev from the data folder, the others from the repository."""
    folder = entry["folder"]
    return data_dir() / folder if folder.startswith("reports-dev") else ROOT / folder


def read_set(entry: dict, heading_kinds: dict[str, list[str]], promote: list[str]) -> list[MarkedReport]:
    """Review each report of one training set with the flag-confidence model off."""
    import review
    from review.pipeline import load_pipeline

    folder, checks = set_folder(entry), set(entry["checks"])
    reports = []
    with load_pipeline().select_pipes(disable=[COMPONENT]):
        for path in sorted(folder.glob(entry.get("series", "") + "*.txt")):
            text = read_report(path)
            gold = load_gold(path.with_name(path.stem + ".gold.jsonl"), text)
            doc = review.analyse_doc(text, report_date=gold.report_date)
            bounds = [{"start": s.start_char, "end": s.end_char} for s in sentences(doc)]
            marked = Gold(gold.report_date, gold.children, lines=[line for line in gold.lines if line.check in checks])
            units = findings_by_unit(doc)
            features = unit_features(doc, units, heading_kinds)
            counted = {unit for unit, found in units.items()
                       if unit[0] in checks and any(is_counted(f) for f in found)}
            candidates = {unit: (rule, features[unit]) for unit, found in units.items()
                          if unit[0] in checks and unit not in counted
                          for rule in [next((f.rule for f in found if f.rule in promote), None)] if rule}
            reports.append(MarkedReport(folder.name + entry.get("series", ""), bounds,
                                        {u: features[u] for u in counted}, marked, candidates))
    return reports


def _regression(rows: list[tuple[dict[str, float], bool]], regularisation: float) -> dict | None:
    """A logistic regression of the labels on the features of `rows`, as the model file stores it; None
    when there is nothing to tell apart."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [label for _, label in rows]
    if len(set(labels)) < 2:
        return None
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([features for features, _ in rows])
    regression = LogisticRegression(C=regularisation, max_iter=5000).fit(matrix, labels)
    return {"intercept": round(float(regression.intercept_[0]), 4),
            "weights": {feature: round(float(w), 4) for feature, w in
                        zip(vectoriser.feature_names_, regression.coef_[0]) if abs(w) >= 1e-4}}


def fit(reports: list[MarkedReport], config: dict) -> FlagConfidenceModel:
    """One logistic regression per check on the flagged units of `reports`, and one per promoted rule on
    its candidates."""
    per_check, per_rule = defaultdict(list), defaultdict(list)
    for report in reports:
        for unit, features in report.units.items():
            per_check[unit[0]].append((features, report.label(unit)))
        for unit, (rule, features) in report.candidates.items():
            per_rule[rule].append((features, report.label(unit)))
    checks, promote, trained_on = {}, {}, {}
    for fitted, rows_by_name, chosen in ((checks, per_check, config["checks"]),
                                         (promote, per_rule, config.get("promote", []))):
        for name, rows in sorted(rows_by_name.items()):
            weights = _regression(rows, config["regularisation"]) if name in chosen else None
            if weights is not None:
                fitted[name], trained_on[name] = weights, len(rows)
    return FlagConfidenceModel(threshold=config["threshold"], min_report_sentences=config["min_report_sentences"],
                               heading_kinds=config["heading_kinds"], checks=checks, promote=promote,
                               trained_on=trained_on)


def tally(reports: list[MarkedReport], kept) -> dict[str, Counter]:
    """Per check marked in `reports`: gold flags found (tp) and missed (fn), and kept units no flag
    explains (fp), by the report evaluation's own scoring (``review.evaluate.reports.score``)."""
    table = figures([report.scored(kept) for report in reports])["checks"]
    counts = {check: Counter({key: row[key] for key in ("tp", "fp", "fn")}) for check, row in table.items()}
    return {check: count for check, count in counts.items() if sum(count.values())}


def _pr(counts: Counter) -> str:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"{precision:.2f}/{recall:.2f} (F1 {f1:.3f})"


def cross_validate(sets: dict[str, list[MarkedReport]], held_out: set[str], config: dict) -> None:
    """Leave each set out in turn; print precision/recall without and with the model."""
    pooled = {name: [defaultdict(Counter), defaultdict(Counter)] for name in ("all sets", "held-out sets")}
    print("set | without (P/R) | with (P/R)")
    print("--- | --- | ---")
    for name, reports in sets.items():
        model = fit([r for other, rs in sets.items() if other != name for r in rs], config)

        def calibrated(report, unit, model=model):
            if unit in report.candidates:
                rule, features = report.candidates[unit]
                promoted = model.promotion(rule, features)
                return promoted is not None and promoted >= model.threshold
            probability = model.probability(unit[0], report.units[unit])
            return probability is None or probability >= model.threshold

        without, with_model = tally(reports, lambda r, u: u in r.units), tally(reports, calibrated)
        for group in ("all sets", "held-out sets") if name in held_out else ("all sets",):
            for total, part in zip(pooled[group], (without, with_model)):
                for check, counts in part.items():
                    total[check] += counts
        print(f"{name} | {_pr(sum(without.values(), Counter()))} | {_pr(sum(with_model.values(), Counter()))}")
    for group, (without, with_model) in pooled.items():
        print(f"\n{group}, pooled: without {_pr(sum(without.values(), Counter()))}, "
              f"with {_pr(sum(with_model.values(), Counter()))}")
        for check in sorted(without):
            print(f"  {check}: without {_pr(without[check])}, with {_pr(with_model[check])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.train.flag_confidence", description=__doc__.splitlines()[0])
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--out", type=Path, default=CONFIG.with_name("model.json"))
    parser.add_argument("--cross-validate", action="store_true", help="print leave-one-set-out figures instead")
    args = parser.parse_args(argv)
    config = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    sets, held_out = {}, set()
    for entry in config["training_sets"]:
        reports = read_set(entry, config["heading_kinds"], config.get("promote", []))
        name = reports[0].set_name if reports else entry["folder"]
        sets[name] = reports
        if entry.get("held_out"):
            held_out.add(name)
    if args.cross_validate:
        cross_validate(sets, held_out, config)
        return 0
    model = fit([r for reports in sets.values() for r in reports], config)
    args.out.write_text(json.dumps(model.model_dump(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} (units per check: {model.trained_on})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
