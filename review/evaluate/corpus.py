"""Compare the review's findings with the expected findings of the sample reports in ``corpus/``.

``python -m review.evaluate corpus [CORPUS_DIR]`` prints, for each check, how many expected
findings are caught, how many are missed, and how many warnings the review raises that the
corpus does not expect (with the rate per 20 sentences on the well-written samples), and how
many of the policy checklist's answers agree with the corpus's.

An expected finding names a check (and usually a rule) and a sentence, by a substring that
occurs once in the report (``null`` for the whole report). It is caught by a finding of the
same check that overlaps that sentence (or, for the whole report, any finding of that check
with no sentence). The rule is compared too and reported as "rule agrees".
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from review.core.registry import SCORED

CHECKS = SCORED


@dataclass
class Expected:
    check: str
    rule: str | None
    sentence: str | None
    start: int = 0
    end: int = 0


@dataclass
class Comparison:
    name: str
    quality: str
    sentences: int
    caught: list = field(default_factory=list)      # (Expected, rule agrees: bool)
    missed: list = field(default_factory=list)      # Expected
    unexpected: list = field(default_factory=list)  # finding dicts (warning or error)
    unexpected_info: list = field(default_factory=list)
    checklist_wrong: list = field(default_factory=list)  # (question, expected answer)
    checklist_asked: int = 0


def load_case(path: Path) -> tuple[str, dict, list[Expected]]:
    """The report text, its expected-findings file and the expected findings with offsets."""
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(path.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
    expected = []
    for item in meta.get("findings") or []:
        sentence = item.get("sentence")
        start = text.find(sentence) if sentence else 0
        end = start + len(sentence) if sentence else 0
        expected.append(Expected(item["check"], item.get("rule"), sentence, start, end))
    return text, meta, expected


def _overlaps(finding: dict, expected: Expected, document: dict) -> bool:
    if expected.sentence is None:
        return finding["sentence"] is None
    # widen the expected substring to the sentences it lies in
    spans = [(s["start"], s["end"]) for s in document["sentences"]
             if s["start"] < expected.end and expected.start < s["end"]] or [(expected.start, expected.end)]
    left, right = min(s for s, _ in spans), max(e for _, e in spans)
    if finding["sentence"] is None:
        return False
    return finding["start"] < right and left < max(finding["end"], finding["start"] + 1)


def compare(document: dict, expected: list[Expected], name: str, quality: str,
            checklist: dict | None = None) -> Comparison:
    result = Comparison(name, quality, len(document["sentences"]))
    answers = {item["question"]: item["answered"] for item in document.get("checklist", [])}
    for question, answered in (checklist or {}).items():
        result.checklist_asked += 1
        if answers.get(question) != answered:
            result.checklist_wrong.append((question, answered))
    used = set()
    for item in expected:
        hits = [i for i, f in enumerate(document["findings"])
                if f["check"] == item.check and _overlaps(f, item, document)]
        if hits:
            used.update(hits)
            rule_agrees = item.rule is None or any(document["findings"][i]["rule"] == item.rule for i in hits)
            result.caught.append((item, rule_agrees))
        else:
            result.missed.append(item)
    for i, finding in enumerate(document["findings"]):
        if i in used or finding["check"] not in CHECKS:
            continue
        (result.unexpected_info if finding["severity"] == "info" else result.unexpected).append(finding)
    return result


def review_corpus(corpus: Path) -> list[Comparison]:
    import review

    results = []
    for path in sorted(corpus.glob("*.txt")):
        text, meta, expected = load_case(path)
        document = review.analyse(text, report_date=str(meta["report_date"]), children=meta.get("children"),
                                  doc_id=path.name)
        results.append(compare(document, expected, path.stem, meta.get("quality", ""), meta.get("checklist")))
    return results


def print_table(results: list[Comparison]) -> None:
    rows = defaultdict(lambda: defaultdict(int))
    good_sentences = sum(r.sentences for r in results if r.quality == "good")
    for r in results:
        for item, rule_agrees in r.caught:
            rows[item.check]["expected"] += 1
            rows[item.check]["caught"] += 1
            rows[item.check]["rule agrees"] += rule_agrees
        for item in r.missed:
            rows[item.check]["expected"] += 1
        for finding in r.unexpected:
            rows[finding["check"]]["unexpected"] += 1
            if r.quality == "good":
                rows[finding["check"]]["unexpected (good)"] += 1
        for finding in r.unexpected_info:
            rows[finding["check"]]["unexpected info"] += 1
    header = ["check", "expected", "caught", "rule agrees", "unexpected", "unexpected info",
              "unexpected (good)", "per 20 good sentences"]
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for check in CHECKS:
        row = rows[check]
        rate = 20 * row["unexpected (good)"] / good_sentences if good_sentences else 0.0
        print(" | ".join([check, *(str(row[k]) for k in header[1:-1]), f"{rate:.2f}"]))
    asked = sum(r.checklist_asked for r in results)
    right = asked - sum(len(r.checklist_wrong) for r in results)
    print(f"\npolicy checklist answers agreeing with the corpus: {right} of {asked}")
    print(f"{len(results)} reports, {good_sentences} sentences in well-written samples.")


def print_cases(results: list[Comparison], check: str) -> None:
    """Every sample case of one check in the corpus: caught, missed and unexpected, per report."""
    for r in results:
        lines = [f"  caught     {item.rule or item.check}: {item.sentence!r}" for item, _ in r.caught if item.check == check]
        lines += [f"  MISSED     {item.rule or item.check}: {item.sentence!r}" for item in r.missed if item.check == check]
        lines += [f"  UNEXPECTED {f['rule']}: {f['match'][:70]!r}" for f in r.unexpected if f["check"] == check]
        if lines:
            print(f"{r.name} ({r.quality or 'unrated'})")
            print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate corpus")
    parser.add_argument("corpus", nargs="?", default="corpus", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and unexpected finding")
    parser.add_argument("--check", choices=CHECKS, help="list this check's sample cases in the corpus, report by report")
    args = parser.parse_args(argv)
    results = review_corpus(args.corpus)
    if args.check:
        print_cases(results, args.check)
        return 0
    print_table(results)
    if args.verbose:
        for r in results:
            for item in r.missed:
                print(f"MISSED     {r.name}: {item.rule or item.check}: {item.sentence!r}")
            for f in r.unexpected:
                print(f"UNEXPECTED {r.name}: {f['rule']}: {f['match'][:70]!r}")
            for question, answered in r.checklist_wrong:
                print(f"CHECKLIST  {r.name}: {question} should be {'answered' if answered else 'unanswered'}")
    return 0
