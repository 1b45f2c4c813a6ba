"""Quote kinds and the speaker patterns behind them, on sentences written for these tests (not taken
from the development data)."""

import pytest

from review.nlp.quotes import Quote
from review.nlp.speakers import doc_quotes
from review.nlp.speakers.dialogue import script_label
from review.nlp.speakers.kinds import is_a_label
from review.nlp.speakers.mentions import describes_a_child


def quotes_of(nlp, text, children):
    doc = nlp(text)
    doc._.children = children
    return [(q.text, q.speaker, q.kind) for q in doc_quotes(doc)]


@pytest.mark.parametrize("text, children, expected", [
    ('At the visit Ruby told me "I like my new room."', ["Ruby"], ("Ruby", "child_own")),
    ('Grandma said Ruby told her "I like my new room."', ["Ruby"], ("Ruby", "child_reported")),
    ('Ruby is reported to have said "I like my new room."', ["Ruby"], ("Ruby", "child_reported")),
    ('Grandma said "The children are fed and happy."', ["Ruby"], ("Grandma", "adult")),
    ('The health visitor described the home as "chaotic and unsafe".', ["Ruby"],
     ("The health visitor", "professional_opinion")),
    ('Dr Amin described the rash as "consistent with eczema".', ["Ruby"], ("Dr Amin", "professional_opinion")),
    ('Ruby spends weekends at her "auntie\'s" flat.', ["Ruby"], (None, "scare_quote")),
])
def test_each_kind_of_quote(base_nlp, text, children, expected):
    [(_, speaker, kind)] = quotes_of(base_nlp, text, children)
    assert (speaker, kind) == expected


def test_a_child_quoted_inside_an_adults_quote_is_passed_on_by_that_adult(base_nlp):
    doc = base_nlp('The childminder told me: "Ruby came in and said \'Daddy was shouting.\' She was upset."')
    doc._.children = ["Ruby"]
    outer, inner = doc_quotes(doc)
    assert (outer.kind, inner.speaker, inner.kind, inner.relayed_by) == ("adult", "Ruby", "child_reported",
                                                                        "The childminder")


def test_a_labelling_verb_never_makes_the_person_labelled_the_speaker(base_nlp):
    # the parser reads "The teacher called Owen …" as a noun with a modifier: its noun is the speaker
    found = quotes_of(base_nlp, 'The class teacher called Owen "a born leader".', ["Owen"])
    assert found == [("a born leader", "The class teacher", "professional_opinion")]


def test_go_is_a_verb_of_speech_only_without_a_preposition(base_nlp):
    assert quotes_of(base_nlp, 'Owen has been going to "sleepovers" at a house in Bell Street.', ["Owen"]) == [
        ("sleepovers", None, "scare_quote")]


def test_a_record_speaks_for_its_owner(base_nlp):
    [(_, speaker, kind)] = quotes_of(base_nlp, "Owen's diary entry reads: 'I hate it when they fight.'", ["Owen"])
    assert (speaker, kind) == ("Owen", "child_own")


def test_a_titled_kinship_or_nursing_name_is_a_person_whatever_the_entity_tagger_says(base_nlp):
    found = quotes_of(base_nlp, 'Sister Maguire and Dad sat with Owen. She said "He slept well," and he said '
                           '"He was up at six."', ["Owen"])
    assert [speaker for _, speaker, _ in found] == ["Sister Maguire", "Dad"]


def test_a_role_named_in_apposition_is_the_name(base_nlp):
    found = quotes_of(base_nlp, 'His brother Finn (9) said "We sleep in the same bed."', ["Owen", "Finn"])
    assert found == [("We sleep in the same bed.", "Finn", "child_own")]


@pytest.mark.parametrize("text, expected", [
    ("Owen: ", "Owen"), ("Mum said no. Owen (7): ", "Owen"), ("Me: ", "Me"), ("He said: ", None), ("At 4pm: ", None),
])
def test_script_label(text, expected):
    assert script_label(text) == expected


def test_a_turn_of_a_script_is_its_labels(base_nlp):
    found = quotes_of(base_nlp, "Owen: 'Can I go out?' Me: 'After tea.' Owen: 'Fine.'", ["Owen"])
    assert [(s, k) for _, s, k in found] == [("Owen", "child_own"), ("the writer", "adult"), ("Owen", "child_own")]


@pytest.mark.parametrize("name, expected", [
    ("the eldest", True), ("his little sister", True), ("The younger one", True), ("the twins", True),
    ("her son", True), ("Her mum", False), ("the teacher", False), ("Owen's dad", False),
])
def test_describes_a_child(name, expected):
    assert describes_a_child(name) is expected


@pytest.mark.parametrize("text, expected", [
    ("unkempt", True), ("a follower, not a leader", True), ("I hate it.", False), ("he hits me", False),
    ("one two three four five six", False),
])
def test_is_a_label(text, expected):
    assert is_a_label(Quote(start=0, end=len(text), text=text)) is expected


def test_a_pronoun_nobody_fits_in_a_text_about_one_child_is_the_child(base_nlp):
    assert quotes_of(base_nlp, 'He said "I sleep on the sofa."', ["Owen"]) == [
        ("I sleep on the sofa.", "Owen", "child_own")]
    # words that name the child are said to the child, not by them
    assert quotes_of(base_nlp, 'She said "Owen, put your shoes on."', ["Owen"])[0][1] is None
    # with two children nobody can tell which
    assert quotes_of(base_nlp, 'He said "I sleep on the sofa."', ["Owen", "Finn"])[0][1] is None


def test_a_name_before_a_verb_left_without_a_subject_after_a_fronted_adverbial(base_nlp):
    found = quotes_of(base_nlp, 'At the end of the session on Friday, Nia (6) kept saying "home now".', ["Nia"])
    assert found == [("home now", "Nia", "child_own")]


def test_words_after_a_colon_are_those_of_the_clause_before_it(base_nlp):
    found = quotes_of(base_nlp, 'Nia said she was not going back to that house: "They shout all night."', ["Nia"])
    assert found == [("They shout all night.", "Nia", "child_own")]


def test_a_record_of_someone_else_relays_the_childs_words(base_nlp):
    doc = base_nlp('The health visitor\'s notes record that Nia said "Daddy was sick on the floor."')
    doc._.children = ["Nia"]
    [quote] = doc_quotes(doc)
    assert (quote.speaker, quote.kind, quote.relayed_by) == ("Nia", "child_reported", "The health visitor")


def test_written_words_sent_to_the_writer(base_nlp):
    assert quotes_of(base_nlp, 'Nia emailed me on Monday: "pls come to school"', ["Nia"]) == [
        ("pls come to school", "Nia", "child_own")]


def test_she_in_a_second_coordinated_turn_is_not_the_first_speaker(base_nlp):
    found = quotes_of(base_nlp, 'Nia and her gran were both there. Her gran said "She eats well" and she said '
                                '"I only eat crisps."', ["Nia"])
    assert [speaker.lower().endswith("gran") for _, speaker, _ in found] == [True, False]
    assert found[1][1] == "Nia"


def test_a_view_introduced_by_a_colon_is_its_owners(base_nlp):
    assert quotes_of(base_nlp, 'Nia\'s wish is simple: "I want my own bed."', ["Nia"]) == [
        ("I want my own bed.", "Nia", "child_own")]
