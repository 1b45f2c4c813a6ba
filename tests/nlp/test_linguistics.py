"""Linguistics: the word classes of review/nlp/linguistics.yaml and how the checks compose them."""

import pytest

from review.checks.length import CLAUSE_OBJECT_VERBS
from review.checks.opinion import ATTRIBUTION_VERBS
from review.core.rules import load_rules
from review.nlp.linguistics import WordClasses, linguistics
from review.nlp.speakers.lexicons import REPORTING_VERBS

VERB_CLASSES = [name for name in WordClasses.model_fields if name.endswith("_verbs")]


def test_word_classes_do_not_overlap():
    classes = linguistics().word_classes
    for n, first in enumerate(VERB_CLASSES):
        for second in VERB_CLASSES[n + 1:]:
            assert not classes.union(first) & classes.union(second), (first, second)


def test_union_is_the_lower_case_words_of_the_classes():
    classes = linguistics().word_classes
    assert classes.union("denial_verbs", "coordinators") == {"deny", "and", "but", "so", "or", "yet", "then", "nor"}
    assert classes.union() == frozenset()


@pytest.mark.parametrize("composed, has, lacks", [
    # speech and its quotes: manner verbs, not thinking
    (REPORTING_VERBS, {"say", "whisper", "sob", "retort", "share", "promise"}, {"think", "deny", "allege"}),
    # a clause as object without "that": speech and thinking, not manner of speaking
    (CLAUSE_OBJECT_VERBS, {"say", "think", "see", "deny", "promise"}, {"sob", "share", "allege"}),
    # a source's statement: speech, sharing, denying and recording, not promising
    (ATTRIBUTION_VERBS, {"say", "share", "deny", "allege", "record"}, {"promise", "think", "sob"}),
])
def test_each_check_composes_the_verb_classes_it_needs(composed, has, lacks):
    words = linguistics().word_classes.union(*composed)
    assert has <= words and not lacks & words


def test_every_verb_class_is_read_by_some_check():
    assert set(VERB_CLASSES) == set(REPORTING_VERBS) | set(CLAUSE_OBJECT_VERBS) | set(ATTRIBUTION_VERBS)


def test_word_classes_are_not_policy():
    rules = load_rules()
    assert "reporting_verbs" not in rules.check("child_voice").lexicons
    assert not {"reporting_verbs", "coordinators"} & set(rules.check("length").lexicons)
    assert "attribution_verbs" not in rules.check("opinion").lexicons
    assert not rules.check("language").lexicons
    assert linguistics().language_detection.english_like == ["en", "pcm"]
