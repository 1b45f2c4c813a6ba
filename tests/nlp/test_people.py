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


def test_gendered_words_are_the_titles_family_and_person_words_and_pronouns_of_that_gender():
    assert people.FEMALE_WORDS.isdisjoint(people.MALE_WORDS)
    assert people.MOTHERS | people.GRANDMOTHERS | people.AUNTS | people.FEMALE_TITLES <= people.FEMALE_WORDS
    assert people.FATHERS | people.GRANDFATHERS | people.UNCLES | people.MALE_TITLES <= people.MALE_WORDS
    assert people.FEMALE_TITLES | people.MALE_TITLES <= set(people.NAME_TITLES)
    assert {"she", "her", "herself"} <= people.FEMALE_WORDS and {"he", "him", "his", "himself"} <= people.MALE_WORDS
    # every family word with a gender has it (sibling, cousin and parent have none)
    assert people.FAMILY_WORDS - people.FEMALE_WORDS - people.MALE_WORDS == {"step-dad", "step-mum"}


def test_personal_pronouns_have_a_gender():
    assert {people.THIRD_PERSON_GENDER[p] for p in people.PERSONAL_PRONOUNS} == {"f", "m"}


def test_speaker_genders_come_from_people():
    from review.core.rules import load_rules
    from review.nlp.speakers import Lexicons

    lexicons = Lexicons.from_rules(load_rules().check("child_voice"))
    assert (lexicons.female, lexicons.male) == (set(people.FEMALE_WORDS), set(people.MALE_WORDS))
    assert not {"female_nouns", "male_nouns"} & set(load_rules().check("child_voice").lexicons)


@pytest.mark.parametrize("text, speaker", [
    ('Mia came in with her nephew. "Hello," he said.', "her nephew"),
    ('Tom came in with the girl. "Hello," she said.', "the girl"),
])
def test_a_gendered_role_word_is_a_speaker_of_that_gender(nlp, text, speaker):
    doc = nlp(text)
    assert [q.speaker for q in doc._.quotes] == [speaker]


# A name's gender comes from the pronoun after it as a subject, but not from one that cannot be theirs: the object
# of their own verb (English says "herself" there), one after another person is named, or one after two people.
@pytest.mark.parametrize("text, speaker", [
    # "her" is the mother, the object of Sam's verb: Sam is not thereby a girl, so "he" can be Sam
    ('Sam pushed her away at the door. Mum cried. He said "I hate it here."', "Sam"),
    # "she" is the aunt's, named after Sam: Sam gets no vote from it
    ('Sam sat with his aunt and she asked him about school. He said "It is fine."', "Sam"),
    # "their" is of both: neither gets a vote from it, and the quote is still Sam's
    ('Sam and Ella stayed with their nan. Sam cried at bedtime. He said "I miss home."', "Sam"),
])
def test_a_name_gets_no_gender_from_a_pronoun_that_cannot_be_theirs(nlp, text, speaker):
    doc = nlp(text)
    assert [q.speaker for q in doc._.quotes] == [speaker]
