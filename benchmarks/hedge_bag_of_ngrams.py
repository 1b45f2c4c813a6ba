"""How far a trained word-n-gram classifier gets on CoNLL-2010 Wikipedia hedges: an experiment.

Issue 4 asks for uncertain-class F1 >= 0.65 on a held-back fifth of the CoNLL-2010 Wikipedia
training sentences; the shipped `hedge` flag (cue lists, `python -m review.evaluate opinion`)
reaches 0.538. This script asks whether a trained sentence classifier would do better: binary
word n-grams under a logistic regression, scored by 5-fold cross-validation on the four-fifths
the cue lists were learned from (the held-back fifth is not touched). Not part of the product;
needs the `train` extra (scikit-learn):

    .venv/bin/python benchmarks/hedge_bag_of_ngrams.py      # about 5 minutes on one core
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

GRID = [(ngrams, c, weight) for ngrams in ((1, 1), (1, 2), (1, 3)) for c in (0.3, 1.0, 3.0)
        for weight in (None, "balanced")]


def main() -> int:
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    from review.evaluate import _data as data

    for corpus in ("wikiweasel", "bioscope"):
        kept, _held_back = data.held_back_split(data.conll2010(corpus))
        texts = [text for text, _ in kept]
        labels = np.array([label for _, label in kept])
        folds = StratifiedKFold(5, shuffle=True, random_state=data.SEED)
        results = []
        for ngrams, c, weight in GRID:
            model = make_pipeline(CountVectorizer(ngram_range=ngrams, binary=True, min_df=2),
                                  LogisticRegression(C=c, class_weight=weight, max_iter=3000))
            predicted = cross_val_predict(model, texts, labels, cv=folds)
            results.append((f1_score(labels, predicted), ngrams, c, weight))
        f1, ngrams, c, weight = max(results, key=lambda r: r[0])
        print(f"CoNLL-2010 {corpus}, four-fifths, 5-fold CV: best word {ngrams} n-gram logistic regression "
              f"(C={c}, class weight {weight}) uncertain F1 {f1:.3f} over {len(GRID)} settings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
