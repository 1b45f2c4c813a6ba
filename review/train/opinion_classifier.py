"""``python -m review.train.opinion_classifier``: rebuild ``models/opinion/classifier.json``.

How it works: docs/internals.md, `review.train.opinion_classifier`."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import spacy

from review.checks.opinion.classifier import bundled_model_path
from review.checks.opinion.features import sentence_features
from review.core.model import BASE_MODEL
from review.evaluate import data

C_GRID = (0.1, 0.3, 1.0)
PANG_LEE_WEIGHTS = (0.0, 0.1, 0.3)
FOLDS = 5


def featurise(nlp, texts: list[str]) -> list[dict]:
    return [dict(sentence_features(doc)) for doc in nlp.pipe(texts, batch_size=128)]


def balanced_weights(y: np.ndarray) -> np.ndarray:
    counts = np.bincount(y.astype(int), minlength=2)
    return np.where(y == 1, len(y) / (2 * counts[1]), len(y) / (2 * counts[0]))


def fit(x_news, y_news, x_pl, y_pl, c, pl_weight):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = list(x_news) + (list(x_pl) if pl_weight else [])
    y = np.concatenate([y_news, y_pl]) if pl_weight else y_news
    w = balanced_weights(y_news)
    if pl_weight:
        w = np.concatenate([w, pl_weight * balanced_weights(y_pl)])
    vectoriser = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000).fit(vectoriser.fit_transform(rows), y, sample_weight=w)
    return vectoriser, model


def cross_validated_scores(x, y, x_pl, y_pl, c, pl_weight) -> np.ndarray:
    from sklearn.model_selection import StratifiedKFold

    scores = np.zeros(len(y))
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=data.SEED).split(x, y):
        vectoriser, model = fit([x[i] for i in train], y[train], x_pl, y_pl, c, pl_weight)
        scores[test] = model.decision_function(vectoriser.transform([x[i] for i in test]))
    return scores


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score

    parser = argparse.ArgumentParser(prog="python -m review.train.opinion_classifier", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=bundled_model_path())
    args = parser.parse_args(argv)
    started = time.time()
    nlp = spacy.load(BASE_MODEL, disable=["ner"])
    news = data.newssd("train")
    pang_lee = data.pang_lee()
    x = featurise(nlp, [t for t, _ in news])
    y = np.array([label for _, label in news])
    x_pl = featurise(nlp, [t for t, _ in pang_lee])
    y_pl = np.array([label for _, label in pang_lee])

    results = []
    for pl_weight in PANG_LEE_WEIGHTS:
        for c in C_GRID:
            scores = cross_validated_scores(x, y, x_pl, y_pl, c, pl_weight)
            f1 = f1_score(y, scores > 0, average="macro")
            results.append((f1, c, pl_weight, scores))
            print(f"C={c:<4} Pang&Lee weight={pl_weight:<4} NewsSD train {FOLDS}-fold CV macro-F1 {f1:.3f}", flush=True)
    best_f1, best_c, best_pl, best_scores = max(results, key=lambda r: r[0])
    print(f"chosen: C={best_c}, Pang&Lee weight={best_pl} (CV macro-F1 {best_f1:.3f})")

    platt = LogisticRegression(C=1e6).fit(best_scores.reshape(-1, 1), y, sample_weight=balanced_weights(y))
    vectoriser, model = fit(x, y, x_pl, y_pl, best_c, best_pl)
    weights = {name: round(float(w), 5) for name, w in zip(vectoriser.feature_names_, model.coef_[0]) if abs(w) >= 1e-5}
    payload = {
        "meta": {
            "what": "fact/opinion sentence classifier (logistic regression); probability = sigmoid(platt[0]*score + platt[1])",
            "trained_on": "NewsSD-ENG train (CC BY 4.0) + Pang & Lee subjectivity v1.0 (CC BY 4.0)",
            "C": best_c, "pang_lee_weight": best_pl, "cv_macro_f1": round(best_f1, 4),
            "class_weight": "balanced (probability calibrated for equal priors)",
            "command": "python -m review.train.opinion_classifier",
        },
        "intercept": round(float(model.intercept_[0]), 5),
        "platt": [round(float(platt.coef_[0][0]), 5), round(float(platt.intercept_[0]), 5)],
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(weights)} weights) in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
