"""child_voice: the child's words, wishes and feelings, circumstances, and the too-young rule."""

import pytest
from case_tables import cases, documents

DOCUMENTS = documents("child_voice")
NO_VOICE, BABY = DOCUMENTS["no_voice"], DOCUMENTS["baby"]


def rules_of(result, check="child_voice"):
    return sorted(f["rule"] for f in result["findings"] if f["check"] == check)


@pytest.mark.parametrize("case", cases("child_voice", "must_flag"))
def test_child_voice_must_flag(review_text, case):
    assert rules_of(review_text(case.text, **case.options)) == list(case.rules)


@pytest.mark.parametrize("case", cases("child_voice", "must_pass"))
def test_child_voice_must_pass(review_text, case):
    result = review_text(case.text, **case.options)
    assert case.unwanted(f["rule"] for f in result["findings"]) == []


def test_contract_quote_is_the_childs(review_text):
    result = review_text('On 12/03/2024 at 10am I visited the home and Mia said "I want to stay with my aunt".',
                         children=["Mia"])
    [quote] = result["quotes"]
    assert quote["text"] == "I want to stay with my aunt"
    assert quote["speaker"] == "Mia" and quote["speaker_is_child"] is True
    assert result["text"][quote["start"]:quote["end"]] == quote["text"]


def test_children_are_detected_when_not_given(review_text):
    result = review_text(NO_VOICE)
    assert result["children"] == ["Mia"]


def test_unattributed_label_has_no_speaker(review_text):
    [quote] = review_text('The home has been described as "chaotic".')["quotes"]
    assert quote["speaker"] is None and quote["speaker_is_child"] is False


def test_too_young_replaces_no_quote(review_text):
    rules = rules_of(review_text(BABY))
    assert "child_voice.no_quote" not in rules and "child_voice.too_young" in rules


@pytest.mark.parametrize("text, expected", [
    ("Nia, who uses Makaton, signed for drink when I asked what she wanted.", [("Nia", "Makaton")]),
    ("Nia has a communication board. She pointed to the picture of her bed.",
     [("Nia", "communication board"), ("Nia", "pointed")]),
    ("Nia's reading record is never signed.", []),
    ("Nia's mum pointed at the door.", []),
])
def test_a_childs_communication_without_words(review_text, text, expected):
    document = review_text(text, children=["Nia"])
    assert [(c["child"], c["means"]) for c in document["communications"]] == expected


def test_a_childs_communication_is_their_voice_and_answers_no_quote(review_text):
    report = ("Child: Nia Shaw (aged 7)\n\nNia lives with her mother. She has cerebral palsy and no speech. "
              "School report her attendance is good. Her weight is on the 25th centile. "
              "On 3 May 2024 at home Nia used her eye-gaze device to choose the symbols for sad and for Dad.")
    rules = {f["rule"] for f in review_text(report)["findings"]}
    assert "child_voice.no_quote" not in rules
    unheard = report.replace("Nia used her eye-gaze device to choose the symbols for sad and for Dad", "I visited Nia")
    assert "child_voice.no_quote" in {f["rule"] for f in review_text(unheard)["findings"]}


@pytest.mark.parametrize("text, children, expected", [
    ('Grandad told Dad to go. Leo (8) then said: "Stop shouting."', ["Leo"], [("Leo", True)]),
    ("I asked the boys what they wanted for tea. Evan (6) said “pizza” and Sol (12) said “I am not hungry.”",
     ["Evan", "Sol"], [("Evan", True), ("Sol", True)]),
    ("Asked what they liked best, Ilse (8) said “the dog” and Sol (10) said “my bedroom, it is quiet.”",
     ["Ilse", "Sol"], [("Ilse", True), ("Sol", True)]),
])
def test_the_speaker_is_the_name_before_its_age_not_a_quoted_word(review_text, text, children, expected):
    """An age in brackets after a name ("Leo (8) said", where the tokenizer reads "8)" as a smiley), and a
    quotation the parser takes for the next verb's subject ("said “pizza” and Sol said"), do not stand
    for the speaker."""
    quotes = review_text(text, children=children)["quotes"]
    assert [(q["speaker"], q["speaker_is_child"]) for q in quotes] == expected


def test_a_speaker_with_words_of_their_own_does_not_relay_the_next_speakers(review_text):
    quotes = review_text("Dad said “we are all fine” and Hana said “I am not fine.”", children=["Hana"])["quotes"]
    assert [(q["speaker"], q["kind"]) for q in quotes] == [("Dad", "adult"), ("Hana", "child_own")]
    relayed = review_text("The nurse’s note records that Hana said “I am not fine.”", children=["Hana"])["quotes"]
    assert [(q["speaker"], q["kind"]) for q in relayed] == [("Hana", "child_reported")]


def test_a_he_inside_a_childs_quote_is_not_the_child(review_text):
    """Inside a child's words the child says "I": a "he" there who speaks is someone else, and when no
    one else fits, no one known."""
    quotes = review_text("Amal told me, 'When my uncle comes round he goes \"get upstairs\" and I have to hide.'",
                         children=["Amal"])["quotes"]
    assert [(q["text"], q["speaker_is_child"]) for q in quotes] == [
        ("When my uncle comes round he goes \"get upstairs\" and I have to hide.", True), ("get upstairs", False)]
