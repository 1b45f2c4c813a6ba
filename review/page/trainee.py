"""Training mode: mark a sample report yourself, then compare with what a careful reviewer flags.

The samples are the fictional reports of ``corpus/`` with their ``.expected.yaml`` files
(read with `review.evaluate.corpus.load_case`). A trainee marks sentences per principle
(check), and the whole report for what is missing from it (the child's words, wishes and
feelings). `score_marks` says which expected findings they caught and missed, and which of
their marks the expected list does not contain (worth a discussion, not necessarily wrong).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from review.evaluate.corpus import Expected, load_case

WHOLE_REPORT = None  # the mark key for "missing from the whole report"


@dataclass(frozen=True)
class Sample:
    """One corpus report available for training."""

    name: str            # file stem, e.g. "01-school-mia-before"
    title: str
    quality: str         # "poor" or "good"
    pair: str | None     # the other half of a before/after pair
    path: Path


@dataclass(frozen=True)
class ExpectedItem:
    """An expected finding with its note and the sentences it lies in (``None``: whole report)."""

    expected: Expected
    note: str
    sentences: frozenset

    @property
    def check(self) -> str:
        return self.expected.check


@dataclass
class TrainingScore:
    """What a trainee caught and missed, and their marks the expected list does not hold."""

    caught: list[ExpectedItem] = field(default_factory=list)
    missed: list[ExpectedItem] = field(default_factory=list)
    unexpected: list[tuple[int | None, str]] = field(default_factory=list)  # (sentence, check)

    @property
    def expected(self) -> int:
        return len(self.caught) + len(self.missed)

    @property
    def recall(self) -> float | None:
        """Share of expected findings caught (None when none are expected)."""
        return len(self.caught) / self.expected if self.expected else None

    def by_check(self) -> dict[str, tuple[int, int]]:
        """check -> (caught, expected)."""
        result: dict[str, list[int]] = {}
        for item in self.caught:
            result.setdefault(item.check, [0, 0])
            result[item.check][0] += 1
            result[item.check][1] += 1
        for item in self.missed:
            result.setdefault(item.check, [0, 0])[1] += 1
        return {check: (c, n) for check, (c, n) in result.items()}


def list_samples(corpus_dir: Path) -> list[Sample]:
    """Every report in `corpus_dir` that has an expected-findings file, in file order."""
    samples = []
    for path in sorted(Path(corpus_dir).glob("*.txt")):
        meta_path = path.with_suffix(".expected.yaml")
        if not meta_path.is_file():
            continue
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
        samples.append(Sample(path.stem, str(meta.get("title") or path.stem), str(meta.get("quality") or ""),
                              meta.get("pair"), path))
    return samples


def load_sample(sample: Sample) -> tuple[str, dict, list[Expected]]:
    """The sample's text, its expected-findings metadata and its expected findings."""
    return load_case(sample.path)


def expected_items(meta: dict, expected: list[Expected], sentences: list[dict]) -> list[ExpectedItem]:
    """Each expected finding with its note and the indices of the `sentences` it overlaps."""
    notes = [str(item.get("note") or "") for item in meta.get("findings") or []]
    items = []
    for i, item in enumerate(expected):
        if item.sentence is None:
            where = frozenset({WHOLE_REPORT})
        else:
            where = frozenset(n for n, s in enumerate(sentences)
                              if s["start"] < item.end and item.start < s["end"])
        items.append(ExpectedItem(item, notes[i] if i < len(notes) else "", where))
    return items


def score_marks(marks: Mapping[int | None, Iterable[str]], items: list[ExpectedItem]) -> TrainingScore:
    """Compare a trainee's marks (sentence index or `WHOLE_REPORT` -> checks) with the expected items.

    An expected finding is caught by a mark of its check on any sentence it lies in; a mark
    that catches nothing is listed as unexpected.
    """
    pairs = {(where, check) for where, checks in marks.items() for check in checks}
    score = TrainingScore()
    used = set()
    for item in items:
        hits = {(where, item.check) for where in item.sentences} & pairs
        if hits:
            score.caught.append(item)
            used |= hits
        else:
            score.missed.append(item)
    score.unexpected = sorted(pairs - used, key=lambda p: (-1 if p[0] is None else p[0], p[1]))
    return score


def expected_as_findings(items: list[ExpectedItem], text: str) -> list[dict]:
    """Expected findings shaped like the document object's findings, to highlight a sample."""
    findings = []
    for item in items:
        e = item.expected
        findings.append({"check": e.check, "rule": e.rule or e.check, "principle": "", "severity": "warning",
                         "start": e.start, "end": e.end, "match": text[e.start:e.end],
                         "sentence": None if e.sentence is None else min(item.sentences - {None}, default=None),
                         "message": item.note or "Expected finding", "suggestion": "", "rationale": ""})
    return sorted(findings, key=lambda f: (f["start"], f["end"]))
