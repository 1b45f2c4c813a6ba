"""Score the review against a practitioner's marking of realistic reports (``reports-dev``).

``python -m review.evaluate reports [FOLDER]`` reviews each ``NAME.txt`` in FOLDER (default
``reports-dev`` in ``$REVIEW_DATA_DIR`` or ``../shared/data``) with the report date of its
``NAME.gold.jsonl`` and no children given, and prints, for each series (the names' first letter:
A and B in reports-dev) separately, each check's precision and recall, the share of ``no_flag``
lines violated and the document-level child_voice result. The scoring is the one the set's README defines:

- only findings of the five scored checks at ``warning`` or ``error`` count, each on the
  sentence (of the review's own split) that its ``sentence`` index names;
- the unit is (check, sentence): a gold flag is a true positive when a finding of its check
  lies on a sentence its text overlaps, else a false negative; a (check, sentence) with a
  finding that no gold flag of that check overlaps is a false positive;
- precision is TP / (TP + FP) and recall TP / (TP + FN), TPs counted per gold flag;
- a ``no_flag`` line is violated when a finding of its check lies on a sentence it overlaps;
- the review flags a report's child's voice when it raises a child_voice finding with no sentence.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from review.core.findings import COUNTED_SEVERITIES
from review.core.registry import SCORED
from review.evaluate._data import data_dir
from review.io.marked import Gold, GoldLine, load_gold, overlapped_sentences, read_report

@dataclass
class ReportScore:
    """How the review's findings on one report compare with its marking."""

    name: str
    sentences: list[dict]
    true_positives: list[tuple[GoldLine, list]] = field(default_factory=list)  # with the findings that caught it
    false_negatives: list[GoldLine] = field(default_factory=list)
    false_positives: list[tuple[str, int, list]] = field(default_factory=list)  # check, sentence, findings
    no_flag: list[tuple[GoldLine, bool]] = field(default_factory=list)  # (line, violated)
    child_voice_expected: bool | None = None
    child_voice_flagged: bool = False

    @property
    def series(self) -> str:
        return self.name[:1]


def series_in(folder: Path) -> tuple[str, ...]:
    """The series a folder of marked reports holds: the first letters of its gold files' names."""
    return tuple(sorted({path.name[:1] for path in folder.glob("*.gold.jsonl")}))


def counted_findings(document: dict) -> dict[tuple[str, int], list[dict]]:
    """(check, sentence index) -> the scored findings at warning or error that lie on it."""
    units: dict[tuple[str, int], list[dict]] = {}
    for finding in document["findings"]:
        if (finding["check"] in SCORED and finding["severity"] in COUNTED_SEVERITIES
                and finding["sentence"] is not None):
            units.setdefault((finding["check"], finding["sentence"]), []).append(finding)
    return units


def flags_child_voice(document: dict) -> bool:
    """Whether the review says the report as a whole lacks the child's voice."""
    return any(f["check"] == "child_voice" and f["sentence"] is None and f["severity"] in COUNTED_SEVERITIES
               for f in document["findings"])


def score(document: dict, gold: Gold, name: str) -> ReportScore:
    """Compare one reviewed report (a SPEC document object) with its marking."""
    sentences = document["sentences"]
    units = counted_findings(document)
    result = ReportScore(name, sentences, child_voice_expected=gold.child_voice_flag,
                         child_voice_flagged=flags_child_voice(document))
    explained: set[tuple[str, int]] = set()
    for line in gold.lines:
        covered = overlapped_sentences(sentences, line.start, line.end)
        hits = [finding for i in sorted(covered) for finding in units.get((line.check, i), [])]
        if not line.expected:
            result.no_flag.append((line, bool(hits)))
            continue
        explained.update((line.check, i) for i in covered)
        if hits:
            result.true_positives.append((line, hits))
        else:
            result.false_negatives.append(line)
    for (check, index), findings in sorted(units.items(), key=lambda item: (item[0][1], item[0][0])):
        if (check, index) not in explained:
            result.false_positives.append((check, index, findings))
    return result


def review_reports(folder: Path, series: tuple[str, ...]) -> list[ReportScore]:
    """Review and score every report of `series` in `folder`."""
    import review

    results = []
    for path in sorted(folder.glob("*.txt")):
        if path.name[:1] not in series:
            continue
        text = read_report(path)
        gold = load_gold(path.with_name(path.stem + ".gold.jsonl"), text)
        document = review.analyse(text, report_date=gold.report_date, doc_id=path.name)
        results.append(score(document, gold, path.stem))
    return results


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _figures(counts: Counter) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {"tp": tp, "fp": fp, "fn": fn, "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
            "no_flag": counts["no_flag"], "no_flag_violated": counts["violated"],
            "no_flag_share_violated": _ratio(counts["violated"], counts["no_flag"])}


def figures(results: list[ReportScore]) -> dict:
    """Per check and over all checks: TP, FP, FN, precision, recall, no_flag lines violated; and
    the document-level child_voice result."""
    counts = {check: Counter() for check in SCORED}
    for r in results:
        for line, _ in r.true_positives:
            counts[line.check]["tp"] += 1
        for line in r.false_negatives:
            counts[line.check]["fn"] += 1
        for check, _, _ in r.false_positives:
            counts[check]["fp"] += 1
        for line, violated in r.no_flag:
            counts[line.check]["no_flag"] += 1
            counts[line.check]["violated"] += violated
    total = sum(counts.values(), Counter())
    judged = [r for r in results if r.child_voice_expected is not None]
    document = {
        "reports": len(judged),
        "right": sum(r.child_voice_expected == r.child_voice_flagged for r in judged),
        "expected_flag": sum(r.child_voice_expected for r in judged),
        "flagged_when_expected": sum(r.child_voice_expected and r.child_voice_flagged for r in judged),
        "flagged_when_not_expected": sum(not r.child_voice_expected and r.child_voice_flagged for r in judged),
        "wrong": [r.name for r in judged if r.child_voice_expected != r.child_voice_flagged],
    }
    return {"reports": len(results), "checks": {check: _figures(counts[check]) for check in SCORED},
            "all": _figures(total), "document_child_voice": document}


def _show(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_table(series: str, table: dict) -> None:
    header = ["check", "TP", "FP", "FN", "precision", "recall", "no_flag", "violated", "share violated"]
    print(f"series {series} ({table['reports']} reports)")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for check, row in [*table["checks"].items(), ("all", table["all"])]:
        print(" | ".join([check, str(row["tp"]), str(row["fp"]), str(row["fn"]), _show(row["precision"]),
                          _show(row["recall"]), str(row["no_flag"]), str(row["no_flag_violated"]),
                          _show(row["no_flag_share_violated"])]))
    doc = table["document_child_voice"]
    print(f"document child_voice: {doc['right']} of {doc['reports']} right (flagged {doc['flagged_when_expected']} "
          f"of {doc['expected_flag']} that need it, {doc['flagged_when_not_expected']} of "
          f"{doc['reports'] - doc['expected_flag']} that do not)" + (f"; wrong: {', '.join(doc['wrong'])}"
                                                                     if doc["wrong"] else ""))


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_check(results: list[ReportScore], check: str) -> None:
    """Every TP, FP and FN of `check`, per report, with the review's sentence text."""
    def sentence_text(r: ReportScore, indices) -> str:
        return _short(" / ".join(r.sentences[i]["text"] for i in sorted(indices))) or "(no sentence)"

    for r in results:
        print(f"\n{r.name}")
        for line, hits in r.true_positives:
            if line.check == check:
                rules = ", ".join(sorted({f["rule"] for f in hits}))
                print(f"  TP  {sentence_text(r, {f['sentence'] for f in hits})}  [{rules}]")
        for c, index, findings in r.false_positives:
            if c == check:
                print(f"  FP  {sentence_text(r, {index})}  [{', '.join(sorted({f['rule'] for f in findings}))}]")
        for line in r.false_negatives:
            if line.check == check:
                covered = overlapped_sentences(r.sentences, line.start, line.end)
                print(f"  FN  {sentence_text(r, covered)}  (gold: {_short(line.why, 120)})")
        for line, violated in r.no_flag:
            if line.check == check and violated:
                covered = overlapped_sentences(r.sentences, line.start, line.end)
                print(f"  no_flag violated  {sentence_text(r, covered)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate reports", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="the reports and gold files (default: reports-dev in "
                        "$REVIEW_DATA_DIR or ../shared/data)")
    parser.add_argument("--series", help="a series letter (reports-dev: A for development, B the test split, score "
                        "it rarely) or all, each series printed separately (default all; the first with --check)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--check", choices=SCORED, help="also list this check's TPs, FPs and FNs per report")
    output.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    folder = args.folder or data_dir() / "reports-dev"
    if not folder.is_dir():
        raise FileNotFoundError(2, "not a folder", str(folder))
    present = series_in(folder)
    chosen = args.series or (present[0] if args.check and present else "all")
    if chosen != "all" and chosen not in present:
        parser.error(f"no series {chosen!r} in {folder} (it has {', '.join(present) or 'none'})")
    series = present if chosen == "all" else (chosen,)
    results = review_reports(folder, series)
    tables = {name: figures([r for r in results if r.series == name]) for name in series}
    if args.json:
        print(json.dumps(tables, indent=1))
    else:
        for number, name in enumerate(series):
            if number:
                print()
            print_table(name, tables[name])
    if args.check:
        print_check(results, args.check)
    return 0
