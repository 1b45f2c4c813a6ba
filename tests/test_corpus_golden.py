"""Golden tests over corpus/: the review's findings against each sample report's expected findings.

Every expected finding is one test: a finding of its check must cover its sentence. Every
well-written sample is one test: it must come back nearly clean (no more unexpected warnings
than one per 20 sentences). Every report's policy checklist must answer as its companion file
says. The comparison is review/evaluate/corpus.py's, the same one
`python -m review.evaluate corpus` prints figures from.
"""

from pathlib import Path

import pytest
import yaml

import review
from review.evaluate.corpus import compare, load_case

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REPORTS = sorted(CORPUS.glob("*.txt"))
# Expected findings the checks do not catch yet, as "report-stem: rule: sentence start" lines.
# Strict xfail: once a check catches one, the test fails until its line is removed there.
KNOWN_GAPS = Path(__file__).resolve().parent / "data" / "corpus_known_gaps.txt"


def _known_gaps() -> set[str]:
    if not KNOWN_GAPS.exists():
        return set()
    return {line.strip() for line in KNOWN_GAPS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def _gap_key(stem: str, item) -> str:
    return f"{stem}: {item.rule or item.check}: {(item.sentence or '(whole report)')[:50]}"


@pytest.fixture(scope="module")
def reviewed(nlp):
    results = {}
    for path in REPORTS:
        text, meta, expected = load_case(path)
        document = review.analyse(text, report_date=str(meta["report_date"]), children=meta.get("children"))
        results[path.stem] = (document, expected, meta)
    return results


def _expected_cases():
    gaps = _known_gaps()
    for path in REPORTS:
        _, _, expected = load_case(path)
        for n, item in enumerate(expected):
            marks = [pytest.mark.xfail(strict=True, reason="in tests/data/corpus_known_gaps.txt")] if _gap_key(path.stem, item) in gaps else []
            yield pytest.param(path.stem, n, id=f"{path.stem}-{n}-{item.rule or item.check}", marks=marks)


@pytest.mark.parametrize("stem, n", list(_expected_cases()))
def test_expected_finding_is_caught(reviewed, stem, n):
    document, expected, meta = reviewed[stem]
    item = expected[n]
    result = compare(document, [item], stem, meta.get("quality", ""))
    assert result.caught, f"missed {_gap_key(stem, item)}"


GOOD = [p.stem for p in REPORTS
        if yaml.safe_load(p.with_suffix(".expected.yaml").read_text(encoding="utf-8")).get("quality") == "good"]


@pytest.mark.parametrize("stem", GOOD)
def test_well_written_sample_is_nearly_clean(reviewed, stem):
    document, expected, meta = reviewed[stem]
    result = compare(document, expected, stem, "good")
    allowed = max(1, len(document["sentences"]) // 20)
    unexpected = [f"{f['rule']}: {f['match'][:60]!r}" for f in result.unexpected]
    assert len(unexpected) <= allowed, unexpected


@pytest.mark.parametrize("stem", [p.stem for p in REPORTS])
def test_policy_checklist_answers_match_the_corpus(reviewed, stem):
    document, expected, meta = reviewed[stem]
    result = compare(document, [], stem, meta.get("quality", ""), meta.get("checklist"))
    assert result.checklist_asked and not result.checklist_wrong, result.checklist_wrong
