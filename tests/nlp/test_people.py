"""People: the one vocabulary of titles, family words and pronouns, as its readers use it."""

import pytest

from review.io.redact import ROLE_WORDS, find_identifiers, redact_text
from review.nlp import people
from review.nlp.children import detect_children


def test_titles_are_lower_case_without_a_full_stop():
    assert all(t == t.lower() and "." not in t for t in people.NAME_TITLES)


def test_family_words_hold_every_relative():
    assert people.ELDER_RELATIVES <= people.FAMILY_WORDS
    assert {"mum", "nan", "stepdad", "sister", "son"} <= people.FAMILY_WORDS


@pytest.mark.parametrize("title", people.NAME_TITLES + ("master",))
def test_a_title_is_not_a_childs_first_name(title):
    assert detect_children(f"Child: {title.capitalize()} Leo Hart (aged 3)") == ["Leo"]


@pytest.mark.parametrize("relative", ["Mum", "Nan", "Grandpa", "Mom"])
def test_a_relative_is_never_taken_for_the_child(relative):
    text = f"{relative}'s school called. {relative} was at work."
    assert detect_children(text) == []


def test_redaction_keeps_family_words_and_titles_but_not_the_names_after_them():
    assert people.FAMILY_WORDS <= ROLE_WORDS
    text = "Nan and PC Hart spoke to Mrs Green."
    assert redact_text(text, find_identifiers(text)).text == "Nan and PC [Person 1] spoke to Mrs [Person 2]."


@pytest.mark.parametrize(
    "text, speaker",
    [('Mrs Carter came in with Tom. "Hello," she said.', "Mrs Carter"),
     ('Aunt Sarah came in with Tom. "Hello," he said.', "Tom")],
)
def test_a_title_before_a_name_tells_its_gender(nlp, text, speaker):
    doc = nlp(text)
    assert [q.speaker for q in doc._.quotes] == [speaker]


def test_a_group_is_never_he_or_she(nlp):
    doc = nlp('Mia met the staff. "Go away," she said.')
    assert [q.speaker for q in doc._.quotes] == ["Mia"]
