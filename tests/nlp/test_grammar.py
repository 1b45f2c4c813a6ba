"""review.nlp.grammar on small parsed sentences: verb forms, main verbs, clauses, subjects."""

import pytest

from review.nlp.grammar import (clause_text, governing_verb, is_non_finite, is_past, is_present_perfect, main_verbs,
                                subject_of)


def verb(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, past, present_perfect", [
    ("The social worker visited the family.", "visited", True, False),
    ("Mum has missed three appointments.", "missed", True, True),
    ("Mum had missed three appointments.", "missed", True, False),
    ("Core groups have been held.", "held", True, True),
    ("Leo was seen by the GP.", "seen", True, False),
    ("Mum did not attend the meeting.", "attend", True, False),
    ("Mum would visit on Sundays.", "visit", False, False),
    ("The referral is made by the school.", "made", False, False),
    ("Mum visits every week.", "visits", False, False),
])
def test_verb_forms(base_nlp, text, word, past, present_perfect):
    token = verb(base_nlp(text), word)
    assert (is_past(token), is_present_perfect(token)) == (past, present_perfect)


def test_a_conjunct_shares_the_auxiliaries_of_its_head(base_nlp):
    doc = base_nlp("The worker has not seen Ethan or met his mother.")
    assert is_past(verb(doc, "met")) is False


def test_main_verbs_are_the_root_and_the_verbs_joined_to_it(base_nlp):
    doc = base_nlp("Mum arrived late and left before the end.")
    assert [t.text for t in main_verbs(doc[:])] == ["arrived", "left"]


@pytest.mark.parametrize("text, expected", [
    ("Grandad collected Ivy from school; he then took her to the park.", ["collected", "took"]),
    ("The health visitor weighed the baby; Mum declined the next appointment.", ["weighed", "declined"]),
    ("Nobody answered the door; a neighbour said the family had moved.", ["answered", "said"]),
])
def test_main_verbs_take_the_clause_before_a_semicolon(base_nlp, text, expected):
    """The parser hangs the clause before a semicolon on the next clause's root as its complement."""
    doc = base_nlp(text)
    assert [t.text for t in main_verbs(doc[:])] == expected


def test_a_reported_clause_without_a_semicolon_is_not_a_main_verb(base_nlp):
    doc = base_nlp("Mum said that Jay had missed the bus.")
    assert [t.text for t in main_verbs(doc[:])] == ["said"]


def test_clause_text_leaves_out_the_clauses_joined_to_the_verb(base_nlp):
    doc = base_nlp("Mum usually walks Mia to school and she collected her on Monday.")
    assert "collected" not in clause_text(verb(doc, "walks"))
    assert "usually" in clause_text(verb(doc, "walks"))


def test_governing_verb_is_the_verb_of_the_words_clause(base_nlp):
    doc = base_nlp("Mia was seen at school on 3 May.")
    start = doc.text.index("3 May")
    assert governing_verb(doc, start, start + len("3 May")).text == "seen"


def test_an_infinitive_is_not_a_clause_verb(base_nlp):
    doc = base_nlp("Mum agreed to make an appointment.")
    assert is_non_finite(verb(doc, "make")) is True
    assert is_non_finite(verb(doc, "agreed")) is False


def test_a_verb_has_its_own_subject(base_nlp):
    doc = base_nlp("Mia wants to go home.")
    assert subject_of(verb(doc, "wants")).text == "Mia"


def test_a_verb_inherits_the_subject_of_its_head(base_nlp):
    doc = base_nlp("Mia wants to go home.")
    assert subject_of(verb(doc, "go")).text == "Mia"
    assert subject_of(verb(doc, "go"), inherit_through=()) is None


def test_the_agent_of_a_passive_counts_only_when_asked(base_nlp):
    doc = base_nlp("The bruise was seen on Monday and reported by the school.")
    reported = verb(doc, "reported")
    assert subject_of(reported).text == "bruise"
    assert subject_of(reported, passive_agent=True).text == "school"


def test_a_conjunct_after_a_noun_can_be_kept_from_inheriting(base_nlp):
    doc = base_nlp("Mia feels safe and staff are worried.")  # the parser misses "staff" as the subject
    are = verb(doc, "are")
    assert subject_of(are).text == "Mia"
    assert subject_of(are, conjunct_after_noun_has_own_subject=True) is None
    joined = base_nlp("Mum shouted and Leo cried.")
    assert subject_of(verb(joined, "cried"), conjunct_after_noun_has_own_subject=True).text == "Leo"
