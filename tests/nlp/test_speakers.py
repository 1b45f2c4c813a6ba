"""Speakers: the public API of review.nlp.speakers on small texts through the whole pipeline."""

import pytest

from review.core.rules import load_rules
from review.nlp.speakers import (WRITER, Lexicons, attribute_speakers, child_aliases, child_reference_at, doc_quotes,
                                 is_child_name, person_resolver)


@pytest.fixture(scope="module")
def lexicons():
    return Lexicons.from_rules(load_rules().check("child_voice"))


def speakers(doc):
    return [(q.text, q.speaker, q.how) for q in doc_quotes(doc)]


def test_child_aliases_are_the_full_and_first_names_without_titles():
    assert child_aliases(["Mia Carter", "Child Q", "Mrs Ann Lee", " "]) == {
        "mia carter", "mia", "child q", "mrs ann lee", "ann"}


@pytest.mark.parametrize(
    "name, expected",
    [("Anne Shirley", True), ("anne", True), ("the young person", True), ("Anne's mum", False),
     ("Mum", False), (None, False)],
)
def test_is_child_name(name, expected, lexicons):
    assert is_child_name(name, ["Anne"], lexicons) is expected


def test_doc_quotes_are_attributed_once_and_cached(nlp):
    doc = nlp('Mia said "I want to go home". "Not yet," said Mum.')
    assert doc_quotes(doc) is doc_quotes(doc)
    assert speakers(doc) == [("I want to go home", "Mia", "verb"), ("Not yet,", "Mum", "verb")]


def test_first_person_outside_a_quote_is_the_writer(nlp):
    doc = nlp('"Do you feel safe?" I asked.')
    assert [q.speaker for q in doc_quotes(doc)] == [WRITER]


def test_a_pronoun_takes_the_nearest_person_of_its_gender(nlp):
    doc = nlp('Mr Brooks and Mia came in. "I am tired," she said.')
    assert speakers(doc) == [("I am tired,", "Mia", "verb")]


def test_an_answer_belongs_to_the_person_asked(nlp):
    doc = nlp('I asked Mia what she wanted.\n\n"To go home."')
    [quote] = doc_quotes(doc)
    assert (quote.speaker, quote.how, quote.speaker_is_child) == ("Mia", "asked", False)


def test_attribute_speakers_fills_the_quotes_in_place(nlp, lexicons):
    from review.nlp.quotes import find_quotes

    doc = nlp('Dad said Mia had called him "a bully".')
    quotes = find_quotes(doc.text)
    assert attribute_speakers(doc, quotes, children=["Mia"], rules=load_rules().check("child_voice")) is quotes
    assert (quotes[0].speaker, quotes[0].how, quotes[0].speaker_is_child) == ("Mia", "reported", True)
    assert (quotes[0].relayed_by, quotes[0].kind) == ("Dad", "child_reported")


def test_child_reference_at_a_token(nlp, lexicons):
    doc = nlp("I spoke to the young person at school.")
    person = next(t for t in doc if t.text == "person")
    school = next(t for t in doc if t.text == "school")
    assert child_reference_at(doc.text, person, lexicons.child_references) == "the young person"
    assert child_reference_at(doc.text, school, lexicons.child_references) is None


def test_person_resolver_finds_who_a_pronoun_stands_for(nlp, lexicons):
    doc = nlp("Mia came home with Mr Brooks. She was tired.")
    people = person_resolver(doc, ["Mia"], lexicons)
    she = next(t for t in doc if t.text == "She")
    assert people.nearest_person(she.idx, "f").name == "Mia"
    assert people.nearest_person(she.idx, "m").name == "Mr Brooks"
    assert people.child_reference_at(she) is None


# Paragraphs as core.text.paragraphs defines them: a blank line with any line ending, or (in a text with
# no blank line) each line; an utterance in a new paragraph does not continue the speaker before it.
@pytest.mark.parametrize(
    "between, speaker, how",
    [("\n\n", None, None), ("\r\n\r\n", None, None), ("\n", None, None)],
)
def test_a_new_paragraph_starts_a_new_turn(nlp, between, speaker, how):
    doc = nlp(f'Mia said "I am tired."{between}"Me too."')
    assert speakers(doc)[-1] == ("Me too.", speaker, how)



@pytest.mark.parametrize(
    "text, child, speaker",
    [
        ('Mum was shouting in the kitchen when I arrived. He said "I made my own tea."', "Theo", "the child"),
        ('Nan was asleep on the sofa. He told me "I locked the back door myself."', "Reuben", "the child"),
        ('Grandad turned up at the gate again. She said "I do not want to go with him."', "Esme", "the child"),
        ('His stepdad left the room. She whispered "He gets angry at night."', "Isla", "the child"),
        ('Dad was waiting in the van outside. She said "I hate it when he drinks."', "Zara", "the child"),
        ('Dad was waiting in the van outside. He said "We are late for football."', "Zara", "Dad"),
        ('Her mother was crying at reception. She said "I cannot cope with this."', "Nell", "Her mother"),
    ],
)
def test_a_capitalised_kinship_word_has_its_gender(nlp, text, child, speaker):
    """"Mum" written as a name is still a woman: the "he" after it is someone else (here the child)."""
    [quote] = doc_quotes(nlp(f"Child: {child} Oakes (aged 8)\n\n{text}"))
    assert (quote.speaker_is_child, quote.speaker if speaker != "the child" else None) == \
        (speaker == "the child", None if speaker == "the child" else speaker)


@pytest.mark.parametrize("text, children, speaker", [
    ("Lily-Rose told me “I don’t want to go back there” when we talked in the car on 2 May 2024.",
     ["Lily-Rose"], "Lily-Rose"),
    ("On 9 May 2024 at school, Harley-Jay (7) said to me “Dad hurt my arm”.", ["Harley-Jay"], "Harley-Jay"),
    ("I spoke with Ms Clarke-Hall at the door. Ms Clarke-Hall said “I have not seen them since Friday”.",
     ["Amara"], "Ms Clarke-Hall"),
])
def test_a_hyphenated_name_is_one_name(review_text, text, children, speaker):
    quotes = review_text(text, children=children)["quotes"]
    assert [q["speaker"] for q in quotes] == [speaker]
    assert quotes[0]["speaker_is_child"] is (speaker in children)


def test_a_child_with_a_hyphenated_name_is_the_one_a_pronoun_names(review_text):
    document = review_text("Evie-Grace (2) was playing with bricks. She shook her head when I asked "
                           "if she wanted her dinner.", children=["Evie-Grace"])
    assert [c["child"] for c in document["communications"]] == ["Evie-Grace"]


@pytest.mark.parametrize("text, speaker", [
    # Written for this test: a date before the name makes the parser take the name for part of the
    # date's phrase, leaving "told" without a subject; "me" after the verb is the one told.
    ("At the contact centre on 14/02/2024 Darnell told me, “Can I stay longer?”", "Darnell"),
    ("At the gate on 03/05/2024 Shania told us, “I’m not going back.”", "Shania"),
    ("“I’m fine,” Shania told me.", "Shania"),
])
def test_the_writer_told_is_never_the_speaker(review_text, text, speaker):
    quotes = review_text(text, children=["Darnell", "Shania"])["quotes"]
    assert [q["speaker"] for q in quotes] == [speaker]
