"""Rules as data: the bundled rules load, and broken rule files fail with one line naming file and rule."""

import pytest
import yaml

from review.core.errors import ReviewError
from review.core.rules import load_rules

CHECKS = {"opinion", "date", "length", "child_voice", "historic"}


def test_bundled_rules_cover_every_check():
    rules = load_rules()
    assert CHECKS <= set(rules.checks)
    for rule in rules.all_rules():
        assert rule.id.startswith(rule.check + ".")
        assert rule.message and rule.suggestion and rule.rationale
        assert rule.severity in {"info", "warning", "error"}


def write(tmp_path, data, name="custom.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("data, expected", [
    ({"check": "opinion", "rules": [{"id": "opinion.judgement", "sevrity": "info"}]}, "unknown key 'sevrity'"),
    ({"check": "opinion", "rules": [{"id": "opinion.new_rule", "severity": "info"}]}, "rule opinion.new_rule: missing"),
    ({"check": "opinion", "rules": [{"id": "opinion.judgement", "severity": "loud"}]}, "severity must be one of"),
    ({"check": "opinion", "rules": [{"id": "length.sentence", "enabled": False}]}, "id must be 'opinion.NAME'"),
    ({"check": "length", "thresholds": {"sentence_words": -3}}, "threshold 'sentence_words' must be a number >= 0"),
    ({"check": "length", "thresholds": {"sentence_words": "many"}}, "threshold 'sentence_words' must be a number"),
    ({"check": "nosuch"}, "unknown check 'nosuch'"),
    ({"chek": "opinion"}, "unknown key 'chek'"),
    ("check: [unclosed", "not valid YAML"),
    ({"check": "opinion", "rules": [{"id": "opinion.judgement", "message": "Judgement {0} here"}]},
     "'message' has a broken {placeholder}"),
    ({"check": "opinion", "rules": [{"id": "opinion.judgement", "suggestion": "Say { what"}]},
     "'suggestion' has a broken {placeholder}"),
    ({"check": "length", "thresholds": {"sentence_wrds": 3}}, "unknown threshold 'sentence_wrds'"),
    ({"check": "length", "lexicons": {"glosary": ["FGC = Family Group Conference"]}}, "unknown lexicon 'glosary'"),
])
def test_broken_rules_file_names_file_and_problem(tmp_path, data, expected):
    path = write(tmp_path, data)
    with pytest.raises(ReviewError) as error:
        load_rules(path)
    message = str(error.value)
    assert path in message and expected in message
    assert "\n" not in message


def test_user_rules_switch_off_a_rule_and_change_a_threshold(tmp_path):
    path = write(tmp_path, {"check": "length", "rules": [{"id": "length.sentence", "enabled": False}],
                            "thresholds": {"paragraph_words": 10}})
    rules = load_rules(path).check("length")
    assert rules.rule("length.sentence").enabled is False
    assert rules.threshold("paragraph_words") == 10
    assert load_rules().check("length").rule("length.sentence").enabled is True  # bundled untouched


def test_user_rules_extend_lexicons_and_allow_list(tmp_path):
    path = write(tmp_path, {"check": "opinion", "lexicons": {"evaluative_labels": ["slovenly"]},
                            "allow": ["good enough parenting"]})
    rules = load_rules(path).check("opinion")
    assert "slovenly" in rules.lexicon("evaluative_labels")
    assert set(load_rules().check("opinion").lexicon("evaluative_labels")) < set(rules.lexicon("evaluative_labels"))
    assert "good enough parenting" in rules.allow


def test_disabled_rule_raises_no_finding(tmp_path, review_text):
    path = write(tmp_path, {"check": "opinion", "rules": [{"id": "opinion.judgement", "enabled": False}]})
    document = review_text("The mother was neglectful during the visit.", rules_path=path)
    assert not [f for f in document["findings"] if f["rule"] == "opinion.judgement"]


def test_allow_list_silences_matching_text(tmp_path, review_text):
    path = write(tmp_path, {"check": "opinion", "allow": ["neglectful"]})
    document = review_text("The mother was neglectful during the visit.", rules_path=path)
    assert not [f for f in document["findings"] if f["rule"] == "opinion.judgement"]
