"""How a text is divided: sentences (shared by every check and the JSON) and paragraphs."""

import pytest

from review.core.text import paragraphs, sentences


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
