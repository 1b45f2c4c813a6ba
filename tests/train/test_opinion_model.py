"""The labelled report sentences, the frozen test split, and the opinion sentence model's plumbing."""

import hashlib
import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from review.checks.opinion.sentence_model import SENTENCE_CLASSES, label_class, load_sentence_model
from review.train.opinion_model import grouped_folds, split_dev

DATA = Path(__file__).resolve().parents[2] / "data" / "opinion-reports"
LABELS = {"observed_fact", "attributed", "owned_with_evidence", "owned_without_evidence",
          "unevidenced_judgement", "speculation", "lookalike"}
FROZEN_TEST_SHA256 = "c320eaeff2209a61cb229b9c36faa36663003c38ca0444ccfc4cd5a87b4a0dae"


def rows(name):
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


def test_the_frozen_test_split_is_unchanged():
    assert hashlib.sha256((DATA / "test.jsonl").read_bytes()).hexdigest() == FROZEN_TEST_SHA256


@pytest.mark.parametrize("name", ["train.jsonl", "test.jsonl"])
def test_every_sentence_follows_the_guide(name):
    sentences = rows(name)
    assert len({r["id"] for r in sentences}) == len(sentences)
    for r in sentences:
        assert r["label"] in LABELS
        flagged = {"unevidenced_judgement": True, "speculation": True}.get(r["label"], r["flag"])
        assert r["flag"] == flagged or r["label"] == "owned_without_evidence", r["id"]
        assert r["span"] is None or r["span"] in r["text"], r["id"]


def test_no_training_sentence_repeats_a_test_sentence():
    test_texts = {r["text"].strip().lower() for r in rows("test.jsonl")}
    assert not [r["id"] for r in rows("train.jsonl") if r["text"].strip().lower() in test_texts]


def test_label_classes():
    assert label_class("unevidenced_judgement", True) == "judgement"
    assert label_class("owned_without_evidence", True) == "judgement"
    assert label_class("owned_without_evidence", False) == "other"
    assert label_class("speculation", True) == "speculation"
    assert {label_class(label, False) for label in ("observed_fact", "attributed", "lookalike")} == {"other"}


def test_folds_hold_out_whole_writers_batches(nlp):
    docs = []
    for writer in ("ra", "rb"):
        for n in range(1, 401):
            doc = Doc(nlp.vocab, words=["x"])
            doc.user_data["id"] = f"{writer}{n:04d}"
            docs.append(doc)
    folds = grouped_folds(docs, 4)
    assert sorted(i for fold in folds for i in fold) == list(range(len(docs)))
    batch_fold = {}
    for k, fold in enumerate(folds):
        for i in fold:
            batch = docs[i].user_data["id"][:2] + str((int(docs[i].user_data["id"][2:]) - 1) // 100)
            assert batch_fold.setdefault(batch, k) == k
    train, dev = split_dev(docs)
    assert dev and len(train) + len(dev) == len(docs)


def test_the_model_scores_the_writers_words(nlp):
    model = load_sentence_model()
    judgement, fact = nlp("Dad is a hopeless father."), nlp("On 3 May at 10:15 I saw Leo eat two slices of toast.")
    scores = model.probabilities([list(judgement), list(fact), []])
    for probabilities in scores:
        assert set(probabilities) == set(SENTENCE_CLASSES) and sum(probabilities.values()) == pytest.approx(1, abs=1e-4)
    assert scores[0]["judgement"] > scores[1]["judgement"]
    assert scores[2]["other"] == 1.0  # no words of the writer's: nothing to judge
    word = model.strongest_word(list(judgement), "judgement", [t for t in judgement if t.pos_ in ("ADJ", "NOUN")])
    assert word is not None and word.text in ("hopeless", "father")
