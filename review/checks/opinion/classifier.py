"""The trained fact/opinion sentence classifier: a logistic regression stored as plain JSON.

``models/opinion/classifier.json`` holds the feature weights, the intercept and the Platt
scaling (fitted on cross-validated scores of the training set) that turns a score into a
probability. Written by ``python -m review.train.opinion_classifier``; read here with no third-party
machine-learning library, so scoring is a dictionary look-up per feature.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from review.checks.opinion.features import sentence_features, word_of

MODEL_FILE = "classifier.json"


def bundled_model_path() -> Path:
    """``models/opinion/classifier.json`` as shipped with the package."""
    return Path(str(resources.files("review") / "bundled_models" / "opinion" / MODEL_FILE))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True)
class OpinionClassifier:
    """Scores a sentence: `probability` that it states the writer's opinion rather than a fact."""

    weights: dict[str, float]
    intercept: float
    platt_slope: float
    platt_intercept: float
    meta: dict

    @classmethod
    def load(cls, path: str | Path | None = None) -> "OpinionClassifier":
        data = json.loads(Path(path or bundled_model_path()).read_text(encoding="utf-8"))
        return cls(data["weights"], data["intercept"], data["platt"][0], data["platt"][1], data.get("meta", {}))

    def score(self, tokens: Iterable[Token]) -> float:
        """The raw linear score (log-odds before calibration)."""
        weights = self.weights
        return self.intercept + sum(weights.get(name, 0.0) * count for name, count in sentence_features(tokens).items())

    def probability(self, tokens: Iterable[Token]) -> float:
        """Calibrated probability that the sentence is the writer's opinion (SUBJ)."""
        return _sigmoid(self.platt_slope * self.score(tokens) + self.platt_intercept)

    def word_weight(self, token: Token) -> float:
        """How much the token's own word pushes a sentence towards opinion (its unigram weight)."""
        return self.weights.get("w=" + word_of(token), 0.0)


@functools.lru_cache(maxsize=2)
def load_classifier(path: str | None = None) -> OpinionClassifier:
    """The classifier, loaded once per path (the bundled one by default)."""
    return OpinionClassifier.load(path)
