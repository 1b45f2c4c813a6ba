"""How a text is divided: sentences (shared by every check and the JSON), paragraphs and headings."""

import pytest

from review.core.text import is_heading, paragraph_at_or_before, paragraph_index, paragraphs, sentences


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("  \n\n ", []),
    ('Poppy told staff "Mummy\'s friend is scary." She cried.',
     ['Poppy told staff "Mummy\'s friend is scary."', "She cried."]),
    ('He said "I can look after myself."\n"Fine."', ['He said "I can look after myself."', '"Fine."']),
    ("Home visit 11/03/2024\nI saw Mia at 10am.", ["Home visit 11/03/2024", "I saw Mia at 10am."]),
    ("Old Mac line\rnext line here.", ["Old Mac line", "next line here."]),
])
def test_sentences_are_trimmed_line_aware_and_keep_closing_quotes(nlp, text, expected):
    doc = nlp(text)
    assert [s.text for s in sentences(doc)] == expected


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("One.\n\nTwo.", ["One.", "Two."]),
    ("One.\r\n\r\nTwo.\r\nStill two.", ["One.", "Two.\r\nStill two."]),
    ("  Lead.  \n \n\n  Next.  ", ["Lead.", "Next."]),
    # no blank line anywhere: pasted one paragraph a line
    ("First line.\nSecond line.\r\n  Third.", ["First line.", "Second line.", "Third."]),
])
def test_paragraphs_split_on_blank_lines(text, expected):
    assert [text[start:end] for start, end in paragraphs(text)] == expected


@pytest.mark.parametrize("text, offsets, expected", [
    ("One.\n\nTwo.", [0, 3, 4, 5, 6, 9], [0, 0, None, None, 1, 1]),
    ("", [0], [None]),
])
def test_paragraph_index_finds_the_paragraph_holding_an_offset(text, offsets, expected):
    bounds = paragraphs(text)
    assert [paragraph_index(bounds, offset) for offset in offsets] == expected


@pytest.mark.parametrize("text, offsets, expected", [
    # the blank lines after a paragraph belong to it; before the first paragraph there is none
    ("One.\r\n\r\nTwo.", [0, 4, 5, 7, 8, 12], [0, 0, 0, 0, 1, 1]),
    ("  One.\nTwo.", [0, 2, 7], [None, 0, 1]),
    ("", [0], [None]),
])
def test_paragraph_at_or_before_counts_the_blank_lines_after_a_paragraph_as_its_own(text, offsets, expected):
    bounds = paragraphs(text)
    assert [paragraph_at_or_before(bounds, offset) for offset in offsets] == expected


@pytest.mark.parametrize("text, expected", [
    ("Home visit 11/03/2024\nI saw Mia at 10am.", True),
    ("Home visit 11/03/2024\r\nI saw Mia at 10am.", True),
    ("Home visit 11/03/2024\rI saw Mia at 10am.", True),  # any line end: the one definition of a line
    ("I saw Mia at 10am.\nShe was fine.", False),
])
def test_a_heading_is_a_short_whole_line_without_closing_punctuation(nlp, text, expected):
    doc = nlp(text)
    assert is_heading(doc, sentences(doc)[0]) is expected


def test_a_text_with_no_blank_line_keeps_a_hard_wrapped_paragraph_whole():
    text = ("I visited the family at home on 13/05/2024 and spoke with both parents about\n"
            "the concerns raised by the school, and then with Ruby on her own in the garden.\n"
            "Dad said he would leave if asked to.\n")
    assert [text[a:b] for a, b in paragraphs(text)] == [text[:text.index("Dad")].strip(), "Dad said he would leave if asked to."]


def test_a_full_line_closing_a_sentence_inside_a_hard_wrapped_paragraph_only_wraps():
    # the next word would not have fit on the full line: the wrapping broke there, not the writer
    text = ("I visited the family at home on 13/05/2024 and spoke with both parents and\n"
            "with Ruby, who showed me her bedroom and the garden, which were both tidy.\n"
            "Mum said that the school had not been in touch with her since the spring\n"
            "term and that she would ring the head teacher herself on Monday.\n")
    assert [text[a:b] for a, b in paragraphs(text)] == [text.strip()]


def test_a_short_line_closing_a_sentence_inside_a_hard_wrapped_paragraph_is_a_break():
    # "Mum" would have fit after "tidy.": the writer chose to start a new line
    text = ("I visited the family at home on 13/05/2024 and spoke with both parents and\n"
            "with Ruby, who showed me her tidy bedroom and the garden.\n"
            "Mum said that the school had not been in touch with her since the spring\n"
            "term and that she would ring the head teacher herself on Monday.\n")
    assert len(paragraphs(text)) == 2


@pytest.mark.parametrize("text, expected", [
    # a speech wrapped across lines, closed on a later line: one paragraph
    ('"I did not go, I\nstayed at home," the boy said.\nHis father agreed.',
     ['"I did not go, I\nstayed at home," the boy said.', "His father agreed."]),
    ('“We left early.\nIt was raining,” she said.', ['“We left early.\nIt was raining,” she said.']),
    # a line opening with a quote mark is a new paragraph; a quotation never closed is the writer's slip
    ('He said "We left.\n"It was raining," she said.', ['He said "We left.', '"It was raining," she said.']),
    ('He said "We left early.\nShe stayed.', ['He said "We left early.', "She stayed."]),
])
def test_a_line_break_inside_an_open_quotation_is_no_paragraph_break(text, expected):
    assert [text[start:end] for start, end in paragraphs(text)] == expected
