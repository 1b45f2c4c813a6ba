"""How well readability measures rank OneStopEnglish sentence pairs (elementary vs intermediate).

``python -m review.evaluate readability [--data PATH] [--fit]``

Each pair is the same sentence written by teachers at two levels; a measure ranks a pair
right when it scores the intermediate version harder (a tie counts half). The pairs are
split in file order: the first 70% tune the review's grade (`review.readability`), the last
30% are held back and only ever measured. ``--fit`` refits the grade's weights on the tuning
part and prints them (to copy into ``review/readability.py``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from review.opinion.data import data_dir

import numpy as np
import textstat

from .. import readability

TUNING_SHARE = 0.7
FEATURES = ("words", "difficult_words", "rare_word_load", "clause_marks", "passives")

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
    "rare-word load": lambda t: readability.sentence_counts(t).rare_word_load,
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


def _features(text: str) -> list[float]:
    counts = readability.sentence_counts(text)
    return [float(getattr(counts, name)) for name in FEATURES]


def fit_grade(pairs: list[tuple[str, str]], l2: float = 1e-3, steps: int = 3000) -> tuple[float, dict[str, float]]:
    """Weights that rank `pairs` (pairwise logistic regression), scaled to Flesch-Kincaid grades."""
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
    fk = np.array([textstat.flesch_kincaid_grade(t) for t in texts])
    b, a = np.polyfit(raw, fk, 1)
    return float(a), {name: float(b * weight) for name, weight in zip(FEATURES, w)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m review.evaluate readability", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="ELE-INT.txt of OneStopEnglish" + " (default: in $REVIEW_DATA_DIR or ../shared/data)")
    parser.add_argument("--fit", action="store_true", help="refit the grade's weights on the tuning part")
    args = parser.parse_args(argv)
    pairs = load_pairs(args.data or data_dir() / "readability-onestopenglish" / "ELE-INT.txt")
    tuning, held_back = split(pairs)
    print(f"OneStopEnglish ELE-INT pairs: {len(pairs)} ({len(tuning)} tuning, {len(held_back)} held back)")
    print("Pairwise accuracy: the harder version scores harder (ties count half).\n")
    measures = {**MEASURES, CHOSEN: readability.sentence_grade}
    rows = [(name, pairwise_accuracy(m, tuning), pairwise_accuracy(m, held_back), pairwise_accuracy(m, pairs))
            for name, m in measures.items()]
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':{width}}  tuning  held back  all pairs")
    for name, tune, held, everything in rows:
        print(f"{name:{width}}  {tune:6.1%}  {held:9.1%}  {everything:9.1%}")
    if args.fit:
        intercept, weights = fit_grade(tuning)
        print("\nRefitted on the tuning part:")
        print(f"GRADE_INTERCEPT = {intercept:.3f}")
        print("GRADE_WEIGHTS = {" + ", ".join(f'"{k}": {v:.4f}' for k, v in weights.items()) + "}")
    print("\nReproduce: python -m review.evaluate readability" + (" --fit" if args.fit else ""))
    return 0
