"""``python -m review.evaluate opinion``: the opinion check's figures on the dev data.

Prints

- NewsSD-ENG **val** macro-F1 of the trained classifier (threshold 0.5 on its calibrated
  probability), scored on the whole sentence and, as the check does, on the writer's own words
  only; the expected calibration error of that probability on val; the cross-validated
  macro-F1 on NewsSD train that chose the model (from the model file);
- hedge detection F1 (uncertain class) on the held-back fifth of the CoNLL-2010 Wikipedia
  training sentences and of the BioScope training sentences (split by the fixed seed in
  `review.evaluate._data`; no cue list was fitted to these fifths): of the speculation cues that
  raise the ``opinion.hedge`` finding, and of the sentence ``hedge`` flag of the JSON (those cues
  or the flag cues learned by ``python -m review.train.hedge_cues``), and for
  reference the F1 of a cue list learned from the other four-fifths alone (its two settings
  chosen by cross-validation there), which the check does not use: it also learns topic words
  ("cannabis", "medieval") that would misfire on reports;
- speed: the opinion component's time as a share of the base spaCy pipeline's on ``corpus/``.

Needs ``../shared/data`` (or ``$REVIEW_DATA_DIR``). Only NewsSD val is read for the news figure:
never its test split.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import spacy

from review.checks.opinion import OpinionCheck
from review.core.model import BASE_MODEL
from review.evaluate import _data as data

REPO = Path(__file__).resolve().parents[2]


def macro_f1(gold: list[int], predicted: list[int]) -> float:
    scores = []
    for positive in (0, 1):
        tp = sum(g == p == positive for g, p in zip(gold, predicted))
        fp = sum(p == positive != g for g, p in zip(gold, predicted))
        fn = sum(g == positive != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / 2


def f1_positive(gold: list[int], predicted: list[int]) -> tuple[float, float, float]:
    tp = sum(g == p == 1 for g, p in zip(gold, predicted))
    fp = sum(p == 1 and g == 0 for g, p in zip(gold, predicted))
    fn = sum(g == 1 and p == 0 for g, p in zip(gold, predicted))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def expected_calibration_error(gold: list[int], probabilities: list[float], bins: int = 10) -> float:
    total = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [(g, p) for g, p in zip(gold, probabilities) if low <= p < high or (b == bins - 1 and p == 1.0)]
        if members:
            accuracy = sum(g for g, _ in members) / len(members)
            confidence = sum(p for _, p in members) / len(members)
            total += len(members) / len(gold) * abs(accuracy - confidence)
    return total


def news_figures(nlp, check: OpinionCheck) -> None:
    rows = data.newssd("val")
    gold = [label for _, label in rows]
    whole_words, own_words = [], []
    for doc in nlp.pipe([text for text, _ in rows], batch_size=64):
        sent = doc[:]
        voice = check.voice(sent)
        whole_words.append(list(sent))
        own_words.append([t for t in sent if voice.is_writers(t)])
    whole, own = ([1.0 - p["other"] for p in check.sentence_model.probabilities(words)]
                  for words in (whole_words, own_words))
    print(f"NewsSD-ENG val ({len(rows)} sentences) macro-F1, whole sentence:      {macro_f1(gold, [int(p >= 0.5) for p in whole]):.3f}")
    print(f"NewsSD-ENG val macro-F1, writer's own words (as the check): {macro_f1(gold, [int(p >= 0.5) for p in own]):.3f}")
    print(f"NewsSD-ENG val expected calibration error (10 bins):       {expected_calibration_error(gold, own):.3f}")


def cue_candidates(sent) -> set[str]:
    """Lemma unigrams and bigrams of a sentence (modals marked), the candidates of a learned cue list."""
    words = [t.lemma_.lower() + ("/MD" if t.tag_ == "MD" else "") for t in sent if not (t.is_punct or t.is_space)]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def learned_cue_list(candidates: list[set[str]], labels: list[int], min_count: int, min_precision: float) -> set[str]:
    """Cues whose smoothed share of uncertain sentences, (u + 1) / (n + 4), is at least `min_precision`."""
    seen, uncertain = Counter(), Counter()
    for cands, label in zip(candidates, labels):
        seen.update(cands)
        if label:
            uncertain.update(cands)
    return {c for c, n in seen.items() if n >= min_count and (uncertain[c] + 1) / (n + 4) >= min_precision}


def cross_validated_cue_list(candidates: list[set[str]], labels: list[int], folds: int = 5) -> tuple[set[str], tuple]:
    """The learned cue list whose (min_count, min_precision) has the best `folds`-fold CV F1 on these sentences."""
    best = (-1.0, None)
    for setting in [(c, p) for c in (2, 3, 5) for p in (0.4, 0.5, 0.6, 0.7)]:
        predicted = [0] * len(labels)
        for fold in range(folds):
            train = [i for i in range(len(labels)) if i % folds != fold]
            cues = learned_cue_list([candidates[i] for i in train], [labels[i] for i in train], *setting)
            for i in range(fold, len(labels), folds):
                predicted[i] = int(bool(candidates[i] & cues))
        best = max(best, (f1_positive(labels, predicted)[2], setting), key=lambda b: b[0])
    return learned_cue_list(candidates, labels, *best[1]), best[1]


def hedge_figures(nlp, check: OpinionCheck) -> None:
    for corpus, label in (("wikiweasel", "CoNLL-2010 Wikipedia"), ("bioscope", "CoNLL-2010 BioScope")):
        kept, held_back = data.held_back_split(data.conll2010(corpus))
        gold = [y for _, y in held_back]
        sents = [doc[:] for doc in nlp.pipe([text for text, _ in held_back], batch_size=128)]
        predicted = [int(bool(check.hedges.find_cues(sent, check.voice(sent)))) for sent in sents]
        precision, recall, f1 = f1_positive(gold, predicted)
        print(f"{label} held-back fifth ({len(gold)} sentences), speculation cues (opinion.hedge finding): "
              f"uncertain P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
        predicted = [int(check.hedges.flags(sent, check.voice(sent))) for sent in sents]
        precision, recall, f1 = f1_positive(gold, predicted)
        print(f"{label} held-back fifth, the sentence hedge flag (JSON sentences[].hedge): "
              f"uncertain P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")
        kept_sents = [doc[:] for doc in nlp.pipe([text for text, _ in kept], batch_size=128)]
        cues, (min_count, min_precision) = cross_validated_cue_list([cue_candidates(s) for s in kept_sents],
                                                                    [y for _, y in kept])
        predicted = [int(bool(cue_candidates(sent) & cues)) for sent in sents]
        precision, recall, f1 = f1_positive(gold, predicted)
        print(f"{label} held-back fifth, reference: cue list learned from the other four-fifths ({len(cues)} cues, "
              f"count >= {min_count}, share >= {min_precision}, chosen by 5-fold CV there): "
              f"uncertain P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


def speed_figures(nlp, check: OpinionCheck, repeats: int = 3) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    if not texts:
        print("speed: no corpus/ texts found")
        return
    docs = list(nlp.pipe(texts))
    base = opinion = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        docs = list(nlp.pipe(texts))
        base = min(base, time.perf_counter() - started)
        started = time.perf_counter()
        for doc in docs:
            doc._.findings = []
            check(doc)
        opinion = min(opinion, time.perf_counter() - started)
    words = sum(len(d) for d in docs)
    print(f"speed on corpus/ ({len(texts)} reports, {words} tokens, best of {repeats}): base pipeline {base:.2f}s, "
          f"opinion component {opinion:.3f}s = {100 * opinion / base:.1f}% of the base")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate opinion", description=__doc__.splitlines()[0])
    parser.add_argument("--skip", choices=("news", "hedge", "speed"), action="append", default=[])
    args = parser.parse_args(argv)
    from review.core.extensions import register_extensions

    register_extensions()
    nlp = spacy.load(BASE_MODEL)
    check = OpinionCheck()
    print("# opinion check figures (reproduce: python -m review.evaluate opinion)")
    if "news" not in args.skip:
        news_figures(nlp, check)
    if "hedge" not in args.skip:
        hedge_figures(nlp, check)
    if "speed" not in args.skip:
        speed_figures(nlp, check)
    return 0
