"""How well readability measures rank OneStopEnglish sentence pairs (elementary vs intermediate).

``python -m review.evaluate readability [--data PATH] [--fit]``

Each pair is the same sentence written by teachers at two levels; a measure ranks a pair
right when it scores the intermediate version harder (a tie counts half). The pairs are
split in file order: the first 70% tune the review's grade (`review.nlp.readability`), the last
30% are held back and only ever measured. ``--fit`` refits the grade's weights on the tuning
part and prints them (to copy into ``readability.grade_weights`` of ``review/nlp/linguistics.yaml``). ``--cv`` estimates how well a
grade fitted this way ranks pairs it was not fitted on: the tuning part is cut, in file order,
into `CV_FOLDS` runs of neighbouring pairs (so one article's sentences mostly fall on one
side), and each run is scored by weights fitted on the others.

The review's grade reads part-of-speech tags, so every sentence is tagged once, up front, with
the base spaCy model (`readability.tagger`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import numpy as np
import textstat
from spacy.tokens import Doc

from review.evaluate._data import data_dir
from review.nlp import readability

TUNING_SHARE = 0.7
CV_FOLDS = 10
FEATURES = tuple(readability.GRADE_WEIGHTS)

# Single measures, each oriented so that higher = harder.
MEASURES: dict[str, Callable[[str], float]] = {
    "Flesch-Kincaid grade": textstat.flesch_kincaid_grade,
    "Flesch reading ease (negated)": lambda t: -textstat.flesch_reading_ease(t),
    "Automated readability index": textstat.automated_readability_index,
    "Coleman-Liau index": textstat.coleman_liau_index,
    "Dale-Chall score": textstat.dale_chall_readability_score,
    "Gunning fog": textstat.gunning_fog,
    "Spache": textstat.spache_readability,
    "characters": textstat.char_count,
    "words": textstat.lexicon_count,
    "syllables": textstat.syllable_count,
    "difficult words": textstat.difficult_words,
    "rare-word load": lambda t: sum(map(readability.rare_word_load, readability.plain_words(t))),
}
CHOSEN = "review grade (chosen)"


def load_pairs(path: Path) -> list[tuple[str, str]]:
    """(elementary, intermediate) sentence pairs: two lines, then a line of asterisks."""
    pairs, block = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("*****"):
            if len(block) == 2:
                pairs.append((block[0], block[1]))
            block = []
        elif line.strip():
            block.append(line.strip())
    return pairs


def split(pairs: list) -> tuple[list, list]:
    cut = int(len(pairs) * TUNING_SHARE)
    return pairs[:cut], pairs[cut:]


def pairwise_accuracy(measure: Callable[[str], float], pairs: list[tuple[str, str]]) -> float:
    """Share of pairs whose intermediate version scores higher (ties count half)."""
    if not pairs:
        return 0.0
    score = 0.0
    for easier, harder in pairs:
        a, b = measure(easier), measure(harder)
        score += 1.0 if b > a else 0.5 if b == a else 0.0
    return score / len(pairs)


Sentence = str | Doc


def _features(sentence: Sentence) -> list[float]:
    counts = readability.sentence_counts(sentence)
    return [float(getattr(counts, name)) for name in FEATURES]


def _text(sentence: Sentence) -> str:
    return sentence if isinstance(sentence, str) else sentence.text


def tag_pairs(pairs: list[tuple[str, str]]) -> list[tuple[Doc, Doc]]:
    """The pairs with each sentence tagged by the base model (once, in batches)."""
    docs = iter(readability.tagger().pipe((t for pair in pairs for t in pair), batch_size=256))
    return [(next(docs), next(docs)) for _ in pairs]


def fit_grade(pairs: list[tuple[Sentence, Sentence]], l2: float = 1e-3,
              steps: int = 3000) -> tuple[float, dict[str, float]]:
    """Weights that rank `pairs` (pairwise logistic regression), scaled to Flesch-Kincaid grades.

    A sentence may be a string or a tagged Doc (`tag_pairs`).
    """
    diffs = np.array([np.subtract(_features(b), _features(a)) for a, b in pairs])
    x = np.vstack([diffs, -diffs])
    y = np.r_[np.ones(len(diffs)), np.zeros(len(diffs))]
    scale = x.std(axis=0) + 1e-9
    z = x / scale
    w = np.zeros(z.shape[1])
    for _ in range(steps):  # plain gradient descent: the problem is small and convex
        p = 1.0 / (1.0 + np.exp(-z @ w))
        w -= z.T @ (p - y) / len(y) + l2 * w
    w = w / scale
    # Match the scale to Flesch-Kincaid: fk ~ a + b * (w . features), least squares over the texts.
    texts = [t for pair in pairs for t in pair]
    raw = np.array([np.dot(w, _features(t)) for t in texts])
    fk = np.array([textstat.flesch_kincaid_grade(_text(t)) for t in texts])
    b, a = np.polyfit(raw, fk, 1)
    return float(a), {name: float(b * weight) for name, weight in zip(FEATURES, w)}


def grade_with(intercept: float, weights: dict[str, float]) -> Callable[[Sentence], float]:
    """The grade with these weights, as a measure of one sentence."""
    def grade(sentence: Sentence) -> float:
        counts = readability.sentence_counts(sentence)
        return intercept + sum(weight * getattr(counts, name) for name, weight in weights.items())
    return grade


def cross_validated_accuracy(pairs: list[tuple[Sentence, Sentence]], folds: int = CV_FOLDS) -> float:
    """Mean pairwise accuracy over `folds` runs of neighbouring pairs, each scored by a fit on the rest."""
    fold_of = [i * folds // len(pairs) for i in range(len(pairs))]
    scores = []
    for k in range(folds):
        fitted = fit_grade([p for p, f in zip(pairs, fold_of) if f != k])
        scores.append(pairwise_accuracy(grade_with(*fitted), [p for p, f in zip(pairs, fold_of) if f == k]))
    return float(np.mean(scores))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate readability", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="ELE-INT.txt of OneStopEnglish" + " (default: in $REVIEW_DATA_DIR or ../shared/data)")
    parser.add_argument("--fit", action="store_true", help="refit the grade's weights on the tuning part")
    parser.add_argument("--cv", action="store_true",
                        help=f"estimate the grade's accuracy by {CV_FOLDS}-fold cross-validation on the tuning part")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.data or data_dir() / "readability-onestopenglish" / "ELE-INT.txt")
    tuning, held_back = split(pairs)
    tagged = dict(zip(pairs, tag_pairs(pairs)))
    tagged_tuning = [tagged[p] for p in tuning]
    print(f"OneStopEnglish ELE-INT pairs: {len(pairs)} ({len(tuning)} tuning, {len(held_back)} held back)")
    print("Pairwise accuracy: the harder version scores harder (ties count half).\n")
    rows = [(name, pairwise_accuracy(m, tuning), pairwise_accuracy(m, held_back), pairwise_accuracy(m, pairs))
            for name, m in MEASURES.items()]
    rows.append((CHOSEN, *(pairwise_accuracy(readability.sentence_grade, [tagged[p] for p in part])
                           for part in (tuning, held_back, pairs))))
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':{width}}  tuning  held back  all pairs")
    for name, tune, held, everything in rows:
        print(f"{name:{width}}  {tune:6.1%}  {held:9.1%}  {everything:9.1%}")
    if args.cv:
        print(f"\nReview grade, {CV_FOLDS}-fold cross-validation on the tuning part: "
              f"{cross_validated_accuracy(tagged_tuning):.1%}")
    if args.fit:
        intercept, weights = fit_grade(tagged_tuning)
        print("\nRefitted on the tuning part (readability: in review/nlp/linguistics.yaml):")
        print(f"  grade_intercept: {intercept:.3f}")
        print("  grade_weights: {" + ", ".join(f"{k}: {v:.4f}" for k, v in weights.items()) + "}")
    print("\nReproduce: python -m review.evaluate readability" + " --cv" * args.cv + " --fit" * args.fit)
    return 0
