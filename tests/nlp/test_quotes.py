"""Quotes: finding every quotation (pure text) and attributing its speaker (parse)."""

import pytest

from review.nlp.quotes import find_quotes


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ('Mia said "I want to stay with my aunt".', ["I want to stay with my aunt"]),
        ("“No!” Mia shouted.", ["No!"]),
        ("Kayla said she felt ‘scared all the time’.", ["scared all the time"]),
        ("She said she was 'fine' (and 'happy').", ["fine", "happy"]),
        ("He said ‘I heard “go away” from upstairs’.", ["I heard “go away” from upstairs", "go away"]),
        ('"I said \'no\' to that," said Mum.', ["I said 'no' to that,", "no"]),
        ("Mia said 'I don't know' and 'maybe'.", ["I don't know", "maybe"]),
        ("He was described as «aggressive».", ["aggressive"]),
        ("Mum („the carer“) was present.", ["the carer"]),
        ("'The boys' coats are wet,' said Mum. 'Don't bring 'em in.'",
         ["The boys' coats are wet,", "Don't bring 'em in."]),
        ("She was 'ever so' tired and 'this' was 'it' for us.", ["ever so", "this", "it"]),
    ],
)
def test_find_quotes_finds_every_quotation(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Don't touch Jake's bike, it's from the '90s.",
        "The girls' coats were wet and we told 'em to wait.",
        "It's Mia's and Connor's room; they've not tidied it.",
        "Rock'n'roll was playing.",
    ],
)
def test_apostrophes_are_never_quotes(text):
    assert find_quotes(text) == []


def test_offsets_span_exactly_the_words_inside_the_marks():
    text = 'Mia said, " I want to go home. " Then she left.'
    [quote] = find_quotes(text)
    assert text[quote.start:quote.end] == quote.text == "I want to go home."


def test_unclosed_quote_ends_with_its_sentence_not_the_report():
    text = 'Mum said "we are leaving. Later Mia said "no" to that.\nThe next line has "more".'
    found = find_quotes(text)
    assert [q.text for q in found] == ["we are leaving.", "no", "more"]
    assert found[0].closed is False and found[1].closed is True


@pytest.mark.parametrize("text, expected", [
    ('Zara told me: "Mr. and Mrs. Osei let me stay over. It was fun. No closing mark here',
     "Mr. and Mrs. Osei let me stay over."),
    ('"Dr. Lowe bandaged my arm and Ms. Reid drove me home. Then it rained',
     "Dr. Lowe bandaged my arm and Ms. Reid drove me home."),
])
def test_an_unclosed_quote_is_not_ended_by_a_titles_full_stop(text, expected):
    [quote] = find_quotes(text)
    assert quote.text == expected and not quote.closed


def test_unclosed_quote_stops_at_the_end_of_the_line():
    text = 'Mia said "I hate it\nDad was not home.'
    [quote] = find_quotes(text)
    assert quote.text == "I hate it" and not quote.closed


def test_speech_running_over_paragraphs_keeps_to_its_paragraph():
    text = '"The first part of a long speech.\n\n"And the end," she said.'
    assert texts(text) == ["The first part of a long speech.", "And the end,"]


def test_nested_quote_has_depth_one():
    outer, inner = find_quotes("He said ‘I heard “go away” from upstairs’.")
    assert (outer.depth, inner.depth) == (0, 1)


# ---- speakers (needs the parse) ----------------------------------------------------------------

@pytest.fixture(scope="module")
def quotes_of(base_nlp):
    from review.core.extensions import register_extensions
    from review.nlp.speakers import doc_quotes

    register_extensions()

    def run(text, children):
        doc = base_nlp(text)
        doc._.children = children
        return [(q.text, q.speaker, q.speaker_is_child) for q in doc_quotes(doc)]

    return run


@pytest.mark.parametrize(
    "text, children, expected",
    [
        ('On 12/03/2024 at 10am I visited the home and Mia said "I want to stay with my aunt".', ["Mia"],
         [("I want to stay with my aunt", "Mia", True)]),
        ("“No!” Mia shouted.", ["Mia"], [("No!", "Mia", True)]),
        ('"I hate it here," said Mia.', ["Mia"], [("I hate it here,", "Mia", True)]),
        ("Mia's first answer was 'no'.", ["Mia"], [("no", "Mia", True)]),
        ("Kayla said she felt ‘scared all the time’.", ["Kayla"], [("scared all the time", "Kayla", True)]),
        ("He was described as 'aggressive'.", ["Mia"], [("aggressive", None, False)]),
        ("Dad said Mia had called him ‘a bully’.", ["Mia"], [("a bully", "Mia", True)]),
        ('I spoke to Mia alone. She said "Daddy shouts at Mummy".', ["Mia"],
         [("Daddy shouts at Mummy", "Mia", True)]),
        ('I asked Mia what she wanted.\n\n"To go home."', ["Mia"], [("To go home.", "Mia", True)]),
        ('Mum told me "she is fine". Mia said "I am not fine".', ["Mia"],
         [("she is fine", "Mum", False), ("I am not fine", "Mia", True)]),
        ('The young person said "leave me alone".', [], [("leave me alone", "the young person", True)]),
        ('"Do you feel safe?" I asked.', ["Mia"], [("Do you feel safe?", "the writer", False)]),
        ("According to Mia, Dad 'always shouts'.", ["Mia"], [("always shouts", "Mia", True)]),
        ("In Mia's words, 'it's rubbish at home'.", ["Mia"], [("it's rubbish at home", "Mia", True)]),
        ("Mia was heard to say 'shut up'.", ["Mia"], [("shut up", "Mia", True)]),
        ('Mr Brooks was interviewed and answered "no comment".', ["Mia"], [("no comment", "Mr Brooks", False)]),
        ('Jordan was seen. I base this on his own words about "dropping stuff off".', ["Jordan"],
         [("dropping stuff off", "Jordan", True)]),
        ("Dad reported that Mia said 'I hate you'.", ["Mia"], [("I hate you", "Mia", True)]),
        ("Jake said 'Daddy hurt Mummy'.", ["Kayla", "Jake"], [("Daddy hurt Mummy", "Jake", True)]),
        # two speakers in one sentence: the second speech verb is coordinated with the first, not reported by it
        ('Mum told me, "Mia is lying," and Mia said, "I\'m not."', ["Mia"],
         [("Mia is lying,", "Mum", False), ("I'm not.", "Mia", True)]),
        # ... while a reported clause's coordinated verbs stay second-hand
        ('Dad said Mia called him "a bully" and told him "I hate you".', ["Mia"],
         [("a bully", "Mia", True), ("I hate you", "Mia", True)]),
    ],
)
def test_speaker_attribution(quotes_of, text, children, expected):
    assert quotes_of(text, children) == expected


def test_an_action_beat_names_the_speaker(quotes_of):
    text = 'Mia put down her pen.\n\n"I am tired."\n\n"Well, I don\'t know." Mum looked at the clock.'
    assert [speaker for _, speaker, _ in quotes_of(text, ["Mia"])] == ["Mia", "Mum"]


def test_a_pronoun_follows_the_narration_since_the_last_quote(quotes_of):
    text = ('"Sit down," said Mum.\n\nMia stood by the door.\n\n'
            '"I don\'t want to," she said.')
    assert quotes_of(text, ["Mia"])[-1] == ("I don't want to,", "Mia", True)


def test_full_name_of_the_child_is_the_child(quotes_of):
    assert quotes_of('"Go away," said Mia Carter.', ["Mia"]) == [("Go away,", "Mia Carter", True)]
    assert quotes_of('"Go away," said Mrs Carter.', ["Mia Carter"])[0][2] is False


def test_dialogue_turns_alternate(quotes_of):
    text = ('"Where do you sleep?" asked Mum.\n\n"In the big bed," said Mia.\n\n'
            '"With whom?"\n\n"With Nana."')
    speakers = [speaker for _, speaker, _ in quotes_of(text, ["Mia"])]
    assert speakers == ["Mum", "Mia", "Mum", "Mia"]


def test_a_quote_keeps_to_its_paragraph_as_core_text_defines_it():
    # a blank line with any line ending ends a paragraph; a text with no blank line has a paragraph a line,
    # except where the line break falls inside a quotation that a later line closes (a wrapped speech)
    for text in ('Mia said "I am\n\ntired" and left.', 'Mia said "I am\r\n\r\ntired" and left.',
                 'Mia said "I am\nShe left.'):
        assert texts(text) == ["I am"]
    assert texts('Mia said "I am\ntired" and left.') == ["I am\ntired"]
    assert texts('Mia said "I am\ntired" and left.\n\nShe came back.') == ["I am\ntired"]
    # a line that opens with a quote mark is a new paragraph even while the speech is open
    assert texts('Mia said "I am tired.\n"So tired," she said.') == ["I am tired.", "So tired,"]


@pytest.mark.parametrize("text, expected", [
    # a plural possessive is only an apostrophe when a closing mark follows before any new quote opens
    ("Dad said he would 'sort it all out' before the girls' new 'school year' starts.",
     ["sort it all out", "school year"]),
    ("'The boys' bikes are outside,' said Gran.", ["The boys' bikes are outside,"]),
    # words cut off by a dash
    ("Owen began 'Mum hit—' and stopped.", ["Mum hit—"]),
    # a dialect elision just after the opening mark
    ("‘’Cos she's always shouting,’ Owen said.", ["’Cos she's always shouting,"]),
    ("Owen said 'cos it's boring and left.", []),
])
def test_apostrophes_elisions_and_cut_off_words(text, expected):
    assert [q.text for q in find_quotes(text)] == expected
