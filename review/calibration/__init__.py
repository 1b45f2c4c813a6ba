"""How far to trust each flag: a small trained model, run after every check, that scores each flagged
sentence with the probability that a practitioner marking the report would flag it too.

The checks' rules fire on words and structure; whether a flag is right also depends on things no one
rule sees (which other rules fired, the kind of block and section, how heavily the rest of the report
is flagged). A logistic regression per check, trained on marked reports (``review.train.flag_confidence``,
figures in ``models/flag_confidence/MODEL.md``), weighs them. Every finding on a sentence, of a check
with a model, gets its ``confidence``; a warning below the threshold is shown as ``info`` instead, with the reason in its
``why``, so a good report is not told to change what a practitioner would accept, and nothing is hidden. A note of a
rule with a model of its own (``promote``: a sentence of 30 to 60 words) is shown as a warning at or above it.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from spacy.language import Language
from spacy.tokens import Doc

from review.calibration.features import findings_by_unit, is_counted, unit_features
from review.core.text import is_whole_report

COMPONENT = "review_flag_confidence"
MODEL_FILE = Path("flag_confidence") / "model.json"
PROMOTED_WHY = ("Shown as a warning, not a note: in reports like this one, practitioners marking them asked "
                "for most sentences like this to be changed (confidence {confidence:.2f}).")
DOWNGRADED_WHY = ("Shown as a note, not a warning: in reports like this one, practitioners marking them "
                  "accepted most sentences flagged like this (confidence {confidence:.2f}).")


class CheckWeights(BaseModel):
    """One check's logistic regression: the intercept and a weight per feature (absent: 0)."""

    model_config = ConfigDict(extra="forbid")
    intercept: float
    weights: dict[str, float]


class FlagConfidenceModel(BaseModel):
    """The trained model file (``models/flag_confidence/model.json``)."""

    model_config = ConfigDict(extra="forbid")
    threshold: float = Field(ge=0, le=1, description="a warning scored below this is shown as info")
    min_report_sentences: int = Field(ge=0, description="shorter texts are not scored: the model "
                                      "learnt from whole reports")
    heading_kinds: dict[str, list[str]] = Field(description="kind of section -> words its heading holds")
    checks: dict[str, CheckWeights]
    promote: dict[str, CheckWeights] = Field(default_factory=dict, description="rule -> a regression for its notes "
                                             "(info): one scored at or above the threshold is shown as a warning")
    trained_on: dict[str, int] = Field(default_factory=dict, description="units per check (and per promoted "
                                       "rule) it learnt from")

    def probability(self, check: str, features: dict[str, float]) -> float | None:
        """The probability that a flag of `check` with `features` is right, or None if the check has
        no model."""
        return _logistic(self.checks.get(check), features)

    def promotion(self, rule: str, features: dict[str, float]) -> float | None:
        """The probability that a practitioner would flag the sentence a note of `rule` is on, or None
        if the rule's notes have no model."""
        return _logistic(self.promote.get(rule), features)


def _logistic(weights: CheckWeights | None, features: dict[str, float]) -> float | None:
    if weights is None:
        return None
    score = weights.intercept + sum(weights.weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-score))


def bundled_model_path() -> Path:
    """The model file shipped in the package (``models/`` is ``review/bundled_models``)."""
    return Path(str(resources.files("review") / "bundled_models" / MODEL_FILE))


@functools.lru_cache(maxsize=4)
def load_model(path: str | None = None) -> FlagConfidenceModel:
    """The model at `path` (default: the bundled one), validated, read once."""
    source = Path(path) if path else bundled_model_path()
    return FlagConfidenceModel.model_validate_json(source.read_text(encoding="utf-8"))


def score_findings(doc: Doc, model: FlagConfidenceModel) -> None:
    """Give every scored finding on a sentence its confidence; show a warning below the threshold as info."""
    if not doc._.findings or not is_whole_report(doc, model.min_report_sentences):
        return
    units = findings_by_unit(doc)
    features = unit_features(doc, units, model.heading_kinds)
    rescored = {}
    for unit, found in units.items():
        noted = not any(is_counted(f) for f in found)  # only notes: one of a promoted rule may become a warning
        for finding in (f for f in found if noted and f.rule in model.promote):
            promoted = round(model.promotion(finding.rule, features[unit]), 3)
            rescored[id(finding)] = (dataclasses.replace(
                finding, severity="warning", confidence=promoted, rule_severity=finding.severity,
                why=" ".join(filter(None, [finding.why, PROMOTED_WHY.format(confidence=promoted)])))
                if promoted >= model.threshold else dataclasses.replace(finding, confidence=promoted))
        probability = model.probability(unit[0], features[unit])
        if probability is None:
            continue
        confidence = round(probability, 3)
        for finding in (f for f in found if id(f) not in rescored):
            if finding.severity == "warning" and probability < model.threshold:
                why = " ".join(filter(None, [finding.why, DOWNGRADED_WHY.format(confidence=confidence)]))
                rescored[id(finding)] = dataclasses.replace(finding, severity="info", confidence=confidence, why=why,
                                                            rule_severity=finding.severity)
            else:
                rescored[id(finding)] = dataclasses.replace(finding, confidence=confidence)
    doc._.findings = [rescored.get(id(finding), finding) for finding in doc._.findings]


@Language.factory(COMPONENT, default_config={"model_path": None})
def make_flag_confidence(nlp: Language, name: str, model_path: str | None):
    """The pipeline component: scores the findings of every check that ran before it (the model
    file is read at the first report, so a pipeline can be built, and the model trained, without it)."""

    def flag_confidence(doc: Doc) -> Doc:
        score_findings(doc, load_model(model_path))
        return doc

    return flag_confidence
