"""Training mode logic (review/training.py): samples, expected items per sentence, scoring marks."""

from pathlib import Path

import pytest

from review.evaluate.corpus import Expected
from review.page.trainee import (WHOLE_REPORT, expected_as_findings, expected_items, list_samples, load_sample,
                                 score_marks)

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SENTENCES = [{"start": 0, "end": 20}, {"start": 21, "end": 50}, {"start": 51, "end": 80}]
META = {"findings": [{"note": "label as fact"}, {"note": "no date"}, {"note": "no words of the child"}]}
EXPECTED = [Expected("opinion", "opinion.judgement", "x", 25, 30),
            Expected("date", "date.undated_event", "y", 51, 60),
            Expected("child_voice", "child_voice.no_quote", None)]


@pytest.fixture
def items():
    return expected_items(META, EXPECTED, SENTENCES)


def test_expected_items_know_their_sentences_and_notes(items):
    assert [sorted(i.sentences, key=str) for i in items] == [[1], [2], [None]]
    assert [i.note for i in items] == ["label as fact", "no date", "no words of the child"]


def test_an_expected_finding_across_two_sentences_is_caught_on_either():
    item = expected_items({"findings": [{}]}, [Expected("length", None, "z", 15, 30)], SENTENCES)[0]
    assert item.sentences == {0, 1}
    assert len(score_marks({0: ["length"]}, [item]).caught) == 1
    assert len(score_marks({1: ["length"]}, [item]).caught) == 1


@pytest.mark.parametrize("marks, caught, missed, unexpected", [
    ({}, 0, 3, []),
    ({1: ["opinion"]}, 1, 2, []),
    ({1: ["date"]}, 0, 3, [(1, "date")]),                  # right sentence, wrong principle
    ({0: ["opinion"]}, 0, 3, [(0, "opinion")]),             # right principle, wrong sentence
    ({1: ["opinion"], 2: ["date"], WHOLE_REPORT: ["child_voice"]}, 3, 0, []),
    ({WHOLE_REPORT: ["child_voice", "historic"]}, 1, 2, [(None, "historic")]),
])
def test_score_marks(items, marks, caught, missed, unexpected):
    score = score_marks(marks, items)
    assert (len(score.caught), len(score.missed), score.unexpected) == (caught, missed, unexpected)
    assert score.expected == 3 and score.recall == caught / 3


def test_score_by_check(items):
    score = score_marks({1: ["opinion"]}, items)
    assert score.by_check() == {"opinion": (1, 1), "date": (0, 1), "child_voice": (0, 1)}


def test_nothing_expected_has_no_recall():
    score = score_marks({0: ["opinion"]}, [])
    assert score.recall is None and score.unexpected == [(0, "opinion")]


def test_expected_as_findings_can_be_highlighted(items):
    text = "x" * 80
    findings = expected_as_findings(items, text)
    assert [f["check"] for f in findings] == ["child_voice", "opinion", "date"]  # text order, whole report first
    assert findings[1]["message"] == "label as fact" and findings[1]["sentence"] == 1


def test_corpus_samples_load_with_their_pairs():
    samples = list_samples(CORPUS)
    assert samples, "corpus/ has sample reports"
    names = {s.name for s in samples}
    for sample in samples:
        if sample.pair:
            assert sample.pair in names, f"{sample.name}: pair {sample.pair} is not in corpus/"
    text, meta, expected = load_sample(samples[0])
    assert text and "report_date" in meta and all(e.check for e in expected)
