"""The circumstances of the child's words as reports from other agencies set them out (issues 14 and 16).

Every text here was written for this module in the shape of a pattern, with other words, people and places
than the development reports it was drawn from (voice-forms-3); none is copied from a report. Each case is
(child, text, the quote it is about).
"""

import pytest

REPORT_DATE = "2025-06-10"
RULES = ("child_voice.no_circumstances", "child_voice.second_hand")
# An opening paragraph, so that each text is read as a report with blank lines between its paragraphs
# (a text with none at all is read as one paragraph a line).
OPENING = "Report for the review child protection conference.\n\n"


def flagged(review_text, child, text, target) -> bool:
    """Whether the child_voice check asks for the circumstances of the quote `target` in `text`."""
    text = OPENING + text
    result = review_text(text, report_date=REPORT_DATE, children=[child])
    return any(f["rule"] in RULES and f["end"] > f["start"] and target in text[f["start"] - 1:f["end"] + 1]
               for f in result["findings"])


def ids(cases):
    return [f"{child}: {target[:30]}" for child, _, target in cases]


# How often, not when: a frequency phrase ("at times", "on occasion", "from time to time") or a quantified occasion
# ("on most visits", "on every visit") says the words were said more than once, and places none of them.
HOW_OFTEN_FLAG = [
    ("Jamal", "Jamal has said \"I hate it at Dad's\" at times.", "I hate it at Dad's"),
    ("Freya", "On most contact visits Freya said \"I want to go home now.\"", "I want to go home now."),
    ("Billy", "From time to time Billy says \"Mum forgets to pick me up.\"", "Mum forgets to pick me up."),
    ("Sienna", "On every visit Sienna said \"can I come with you?\"", "can I come with you?"),
    ("Kian", "On occasion Kian has said \"the man hurts Mummy.\"", "the man hurts Mummy."),
    ("Lola", "Lola said \"nobody plays with me\" on many occasions.", "nobody plays with me"),
]
# The same prepositions with an occasion a reader can place.
HOW_OFTEN_PASS = [
    ("Jamal", "At the time of my visit on 2 May 2025 Jamal said \"I hate it at Dad's.\"", "I hate it at Dad's."),
    ("Freya", "On the contact visit of 9 May 2025 Freya said \"I want to go home now.\"", "I want to go home now."),
    ("Billy", "At home time on Friday 6 June 2025 Billy said \"Mum forgets to pick me up.\"",
     "Mum forgets to pick me up."),
    ("Kian", "On this occasion, at the after-school club on 3 June 2025, Kian said \"the man hurts Mummy.\"",
     "the man hurts Mummy."),
]


@pytest.mark.parametrize(("child", "text", "target"), HOW_OFTEN_FLAG, ids=ids(HOW_OFTEN_FLAG))
def test_words_said_how_often_but_not_when_are_asked(review_text, child, text, target):
    assert flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), HOW_OFTEN_PASS, ids=ids(HOW_OFTEN_PASS))
def test_words_on_an_occasion_that_can_be_placed_pass(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)
