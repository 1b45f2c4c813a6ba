"""The flag-confidence stage: its features, its model file, how it rescores findings, and its training."""

from __future__ import annotations

import json
from collections import Counter

import pytest
import yaml

import review
from review.calibration import (COMPONENT, DOWNGRADED_WHY, PROMOTED_WHY, CheckWeights, FlagConfidenceModel,
                                bundled_model_path, load_model, score_findings)
from review.calibration.features import findings_by_unit, heading_kind, unit_features
from review.core.registry import SCORED
from review.io.marked import Gold, GoldLine
from review.pipeline import load_pipeline
from review.train.flag_confidence import CONFIG, MarkedReport, fit, tally

POOR_REPORT = """Background
Mum is a poor parent and is clearly not coping.
Dad is aggressive and obstructive with professionals.
Last week there was an incident at home.
The children are probably being neglected.
Mum appears to be drinking again.
"""
KINDS = {"history": ["histor", "background"], "views": ["view"]}


def _model(intercept: float, threshold: float = 0.5, min_sentences: int = 5) -> FlagConfidenceModel:
    return FlagConfidenceModel(threshold=threshold, min_report_sentences=min_sentences, heading_kinds=KINDS,
                               checks={check: CheckWeights(intercept=intercept, weights={}) for check in SCORED})


def _raw_doc(text: str):
    """The reviewed Doc with the flag-confidence stage switched off."""
    with load_pipeline().select_pipes(disable=[COMPONENT]):
        return review.analyse_doc(text, report_date="2024-03-20")


def test_the_bundled_model_validates_and_scores_the_checks_its_config_names():
    model = load_model()
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert set(model.checks) == set(config["checks"]) and set(model.checks) <= set(SCORED)
    assert set(model.promote) == set(config["promote"])
    assert 0 < model.threshold < 1
    assert json.loads(bundled_model_path().read_text())["checks"]


def test_the_stage_runs_last_in_the_pipeline():
    assert load_pipeline().pipe_names[-1] == COMPONENT


def test_every_flag_on_a_sentence_gets_a_confidence_in_the_json():
    document = review.analyse(POOR_REPORT, report_date="2024-03-20")
    on_sentences = [f for f in document["findings"] if f["check"] in SCORED and f["sentence"] is not None]
    assert on_sentences
    scored = set(load_model().checks)
    assert all(0 <= f["confidence"] <= 1 for f in on_sentences if f["check"] in scored)
    assert all(f["confidence"] is None for f in document["findings"] if f["check"] not in scored)


def test_a_confident_model_keeps_every_warning():
    doc = _raw_doc(POOR_REPORT)
    before = [(f.rule, f.severity) for f in doc._.findings]
    score_findings(doc, _model(intercept=8))
    assert [(f.rule, f.severity) for f in doc._.findings] == before
    assert all(f.rule_severity is None for f in doc._.findings)
    assert all(f.confidence > 0.99 for f in doc._.findings if f.check in SCORED and f.confidence is not None)


def test_a_doubtful_model_shows_warnings_as_notes_with_the_reason():
    doc = _raw_doc(POOR_REPORT)
    warned = [f for f in doc._.findings if f.check in SCORED and f.severity == "warning"]
    assert warned
    count = len(doc._.findings)
    score_findings(doc, _model(intercept=-8))
    rescored = [f for f in doc._.findings if f.check in SCORED and f.confidence is not None]
    assert rescored and all(f.severity == "info" for f in rescored)
    assert all(DOWNGRADED_WHY.split(":")[0] in f.why for f in rescored)
    assert all(f.rule_severity == "warning" for f in rescored)
    assert len(doc._.findings) == count  # nothing dropped


def test_whole_report_findings_and_short_texts_are_left_alone():
    doc = _raw_doc(POOR_REPORT)
    whole = [f for f in doc._.findings if f.on_whole_report]
    assert whole
    score_findings(doc, _model(intercept=-8))
    assert [f for f in doc._.findings if f.on_whole_report] == whole
    short = _raw_doc("Mum is a poor parent and is clearly not coping.")
    before = list(short._.findings)
    score_findings(short, _model(intercept=-8))
    assert short._.findings == before


def test_features_name_the_rules_the_block_and_the_section():
    doc = _raw_doc(POOR_REPORT)
    features = unit_features(doc, findings_by_unit(doc), KINDS)
    assert features
    opinion = [f for (check, _), f in features.items() if check == "opinion"]
    assert opinion and all(any(name.startswith("rule=opinion.") for name in f) for f in opinion)
    assert all(f.get("heading=history") == 1.0 for f in opinion)
    assert all(f["check_density"] >= 0 and 0 <= f["position"] < 1 for f in features.values())


@pytest.mark.parametrize(("heading", "kind"), [(None, "none"), ("Family background", "history"),
                                               ("Child's views", "views"), ("Plan", "other")])
def test_heading_kinds_are_read_from_the_models_words(heading, kind):
    assert heading_kind(heading, KINDS) == kind


SENTENCES = [{"start": 10 * i, "end": 10 * i + 9} for i in range(6)]  # six sentences of nine characters


def _report(units: dict, flags: list) -> MarkedReport:
    """A marked report of SENTENCES whose marking flags each (check, sentence indices) in `flags`."""
    lines = [GoldLine(check, "", 10 * min(covered), 10 * max(covered) + 9, True) for check, covered in flags]
    return MarkedReport("set", SENTENCES, units, Gold(lines=lines))


def test_training_learns_which_flags_the_marking_keeps():
    kept = {"rule=opinion.judgement": 1.0}
    dropped = {"rule=opinion.hedge": 1.0}
    reports = [_report({("opinion", 0): kept, ("opinion", 1): dropped, ("length", 0): kept, ("length", 1): dropped},
                       [("opinion", {0}), ("length", {0})]) for _ in range(20)]
    config = {"checks": ["opinion", "date"], "regularisation": 1.0, "threshold": 0.5, "min_report_sentences": 5, "heading_kinds": KINDS}
    model = fit(reports, config)
    assert model.probability("opinion", kept) > 0.5 > model.probability("opinion", dropped)
    assert model.trained_on == {"opinion": 40}
    assert model.probability("date", kept) is None  # no date units: the check is left unscored
    assert model.probability("length", kept) is None  # not a check the config names


def test_the_tally_counts_as_the_report_evaluation_does():
    report = _report({("date", 0): {}, ("date", 2): {}, ("date", 3): {}}, [("date", {0, 1}), ("date", {5})])
    counts = tally([report], lambda r, u: u != ("date", 3))
    assert counts["date"] == Counter(tp=1, fn=1, fp=1)


LONG_NOTE = "length.long_sentence"
LONG_REPORT = POOR_REPORT + (
    "Mum said that the children had been to the park with their nan on Saturday and that they had come home "
    "late and that nobody had given them any tea before bed that night.\n")


def _promoting(intercept: float) -> FlagConfidenceModel:
    model = _model(intercept=0)
    return model.model_copy(update={"promote": {LONG_NOTE: CheckWeights(intercept=intercept, weights={})}})


def test_a_note_of_a_promoted_rule_is_shown_as_a_warning_with_the_reason_where_the_model_says_so():
    doc = _raw_doc(LONG_REPORT)
    assert [f.severity for f in doc._.findings if f.rule == LONG_NOTE] == ["info"]
    score_findings(doc, _promoting(intercept=8))
    promoted = [f for f in doc._.findings if f.rule == LONG_NOTE]
    assert [(f.severity, f.rule_severity) for f in promoted] == [("warning", "info")]
    assert PROMOTED_WHY.split(":")[0] in promoted[0].why and promoted[0].confidence > 0.99


def test_a_note_the_model_doubts_stays_a_note_with_its_confidence():
    doc = _raw_doc(LONG_REPORT)
    score_findings(doc, _promoting(intercept=-8))
    kept = [f for f in doc._.findings if f.rule == LONG_NOTE]
    assert [(f.severity, f.rule_severity) for f in kept] == [("info", None)] and kept[0].confidence < 0.01
