"""The rules schema: every lexicon and threshold is described, a missing one fails on load, and
the linguistics data (not policy) loads on its own schema."""

import pytest
import yaml

from review.core import findings, schema
from review.core.errors import ReviewError
from review.core.rules import load_rules
from review.nlp.linguistics import Linguistics, linguistics


def described_fields(model):
    """(name, description) of each field of `model` and of the models nested in it."""
    for name, info in model.model_fields.items():
        yield name, info.description
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, schema.BaseModel):
            yield from described_fields(annotation)


@pytest.mark.parametrize("check", sorted(schema.SCHEMAS))
def test_every_lexicon_and_threshold_has_a_description(check):
    file_schema = schema.SCHEMAS[check]
    for section in ("lexicons", "thresholds"):
        for name, info in file_schema.model_fields[section].annotation.model_fields.items():
            assert info.description, f"{check} {section[:-1]} {name!r} has no description"


@pytest.mark.parametrize("check", sorted(schema.SCHEMAS))
def test_the_bundled_rules_give_every_lexicon_and_threshold_of_the_schema(check):
    rules = load_rules().check(check)
    file_schema = schema.SCHEMAS[check]
    assert set(rules.lexicons) == set(file_schema.model_fields["lexicons"].annotation.model_fields)
    assert set(rules.thresholds) == set(file_schema.model_fields["thresholds"].annotation.model_fields)


def test_severities_have_one_definition():
    assert findings.SEVERITIES is schema.SEVERITIES == ("info", "warning", "error")


def replacing(tmp_path, check, drop_lexicon):
    """A ``mode: replace`` copy of the bundled file for `check` with one lexicon left out."""
    from review.core.rules import bundled_rules_dir

    data = yaml.safe_load((bundled_rules_dir() / f"{check}.yaml").read_text(encoding="utf-8"))
    data["mode"] = "replace"
    del data["lexicons"][drop_lexicon]
    path = tmp_path / f"{check}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("check, lexicon", [("opinion", "hedge_words"), ("opinion", "hedge_phrases"),
                                            ("date", "event_verbs"), ("checklist", "impact")])
def test_a_missing_lexicon_fails_on_load(tmp_path, check, lexicon):
    path = replacing(tmp_path, check, lexicon)
    with pytest.raises(ReviewError) as error:
        load_rules(path)
    assert str(error.value) == f"E301 {path}: lexicon {lexicon!r} is missing"


QUESTION = {"id": "checklist.plan", "severity": "info", "message": "No plan.", "suggestion": "Give the plan.",
            "rationale": "What is the plan?"}


@pytest.mark.parametrize("evidence, expected", [
    (None, "rule checklist.plan: missing 'evidence'"),
    ({"kind": "phrases", "lexicons": ["plan_words"]}, "evidence names lexicon 'plan_words', which is missing"),
    ({"kind": "phrases"}, "kind 'phrases' needs 'lexicons'"),
    ({"kind": "child_wishes", "lexicons": ["impact"]}, "only that kind takes them"),
    ({"kind": "guesswork"}, "evidence: kind must be 'phrases'"),
    ({"kind": "child_quotes", "colour": "red"}, "unknown key"),
])
def test_broken_question_evidence_names_file_and_problem(tmp_path, evidence, expected):
    rule = dict(QUESTION, **({"evidence": evidence} if evidence is not None else {}))
    path = tmp_path / "checklist.yaml"
    path.write_text(yaml.safe_dump({"check": "checklist", "rules": [rule]}), encoding="utf-8")
    with pytest.raises(ReviewError) as error:
        load_rules(str(path))
    message = str(error.value)
    assert str(path) in message and expected in message and "\n" not in message


def test_a_new_lexicon_is_accepted_only_for_a_question_that_names_it(tmp_path):
    path = tmp_path / "checklist.yaml"
    path.write_text(yaml.safe_dump({"check": "checklist", "lexicons": {"plan_words": ["the plan is"]}}),
                    encoding="utf-8")
    with pytest.raises(ReviewError, match="unknown lexicon 'plan_words' for check 'checklist'"):
        load_rules(str(path))
    rule = dict(QUESTION, evidence={"kind": "phrases", "lexicons": ["plan_words"]})
    data = {"check": "checklist", "rules": [rule], "lexicons": {"plan_words": ["the plan is"]}}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    rules = load_rules(str(path)).check("checklist")
    assert rules.lexicon("plan_words") == ["the plan is"]
    assert list(rules.rules)[-1] == "checklist.plan"


def test_linguistics_data_loads_and_every_setting_is_described():
    data = linguistics()
    assert data.hedge.weak_modal_followers and data.hedge.flag_words and data.readability.grade_weights
    for name, description in described_fields(Linguistics):
        assert description, f"linguistics setting {name!r} has no description"


def test_linguistics_settings_are_not_rules():
    opinion = load_rules().check("opinion")
    assert not {"hedge_weak_modal_followers", "hedge_flag_words", "hedge_flag_phrases"} & set(opinion.lexicons)
