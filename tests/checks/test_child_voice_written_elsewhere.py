"""The circumstances of the child's words as reports from other agencies set them out (issues 14 and 16).

Every text here was written for this module in the shape of a pattern, with other words, people and places
than the development reports it was drawn from (voice-forms-3); none is copied from a report. Each case is
(child, text, the quote it is about).
"""

import pytest
from check_findings import flags_words

REPORT_DATE = "2025-06-10"
RULES = ("child_voice.no_circumstances", "child_voice.second_hand", "child_voice.reported_no_circumstances")
# An opening paragraph, so that each text is read as a report with blank lines between its paragraphs
# (a text with none at all is read as one paragraph a line).
OPENING = "Report for the review child protection conference.\n\n"


def flagged(review_text, child, text, target) -> bool:
    """Whether the child_voice check asks for the circumstances of the quote `target` in `text`."""
    text = OPENING + text
    result = review_text(text, report_date=REPORT_DATE, children=[child])
    return flags_words(result, text, RULES, target)


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


# A list of the child's words under the line that introduces it ("He said:"), and the paragraph running on
# straight after the list: the lead-in's when, where and how are theirs. A hard-wrapped paragraph (an email
# pasted at 72 characters) is one passage, whatever line its date is on.
SET_OUT_PASS = [
    ("Ella", "When I saw Ella at her school on 3 March 2025, I asked her what she wanted the meeting to know. "
             "She told me:\n- \"I want to keep going to this school.\"\n- \"I miss my dog when I stay at Dad's.\"\n",
     "I want to keep going to this school."),
    ("Ella", "When I saw Ella at her school on 3 March 2025, I asked her what she wanted the meeting to know. "
             "She told me:\n- \"I want to keep going to this school.\"\n- \"I miss my dog when I stay at Dad's.\"\n",
     "I miss my dog when I stay at Dad's."),
    ("Noah", "In our session at the family centre on 12 February 2025 I asked Noah about home, and he listed three "
             "things:\n1. \"Dad shouts at night.\"\n2. \"There's no breakfast.\"\n3. \"I like my room.\"\n",
     "I like my room."),
    ("Ruby", "Asked at the end of the home visit on 4 June 2025 what would make things better, Ruby said:\n"
             "• \"Mum not being sad.\"\n• \"Going to Gran's on Saturdays.\"\n",
     "Going to Gran's on Saturdays."),
    ("Zac", "On 28 May 2025 Zac and I did a worries jar at his kitchen table. He wrote on three slips:\n"
            "- \"police at the door\"\n- \"Mum crying\"\nHe said he felt \"rubbish\" about the police coming.\n",
     "rubbish"),
    ("Kian", "I saw Kian at the youth centre on 2 June 2025, just the two of us. He asked me to write down:\n\n"
             "\"Tell them I'm not going back to that flat.\"\n",
     "Tell them I'm not going back to that flat."),
    ("Maya", "I met Maya in the library at Hillside Academy on 15 April 2025, after her maths lesson, and we\n"
             "talked about the weekend. I asked her how things had been since the move. She was quiet for a\n"
             "long time and then said \"it is better now he has gone\". She wanted to go back to class after\n"
             "that, and I walked her there.\n",
     "it is better now he has gone"),
    # a paragraph introducing the list across a blank line, its items undated: told on that occasion
    ("Ayla", "Ayla and I met in the school garden on 9 May 2025 and she filled in a feelings map with me.\n\n"
             "- Sad side: she wrote \"the bus\" and \"Dad's flat\"\n- Happy side: \"my cat\", \"swimming\"\n",
     "swimming"),
]

# The same layouts where nothing places the words: a list with no lead-in (each entry its own), a list in a
# later section, a line that introduces nothing.
SET_OUT_FLAG = [
    ("Mia", "Contact notes\n- 12/02/2025 at the contact centre, Mia said \"I like seeing Nan.\"\n"
            "- Mia said \"Dad is scary.\"\n",
     "Dad is scary."),
    ("Owen", "Visit on 5 May 2025 at home:\n- Owen was playing with his cars.\n\nOwen's views\n"
             "- Owen said \"I hate school.\"\n",
     "I hate school."),
    ("Leah", "Leah has a lot to say about home. She has said:\n\"nobody gets up in the mornings\".\n",
     "nobody gets up in the mornings"),
    # a paragraph before a list of dated entries: each entry keeps its own date, or none
    ("Theo", "I visited the family home on 9 May 2025.\n\n- 10/05/2025: Theo said \"I like Nan.\"\n"
             "- Theo said \"Dad is scary.\"\n",
     "Dad is scary."),
]


@pytest.mark.parametrize(("child", "text", "target"), SET_OUT_PASS, ids=ids(SET_OUT_PASS))
def test_words_set_out_under_their_circumstances_pass(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), SET_OUT_FLAG, ids=ids(SET_OUT_FLAG))
def test_words_set_out_with_nothing_placing_them_are_asked(review_text, child, text, target):
    assert flagged(review_text, child, text, target)


# The one spoken to, where the saying is a habit or at no time ("has told his grandad", "tells her coach",
# "often says to her teacher"): to whom, and no occasion. Told once ("told his grandad"), to whom still counts.
LISTENER_FLAG = [
    ("Callum", "Callum has told his grandad \"Mum's new man scares me.\"", "Mum's new man scares me."),
    ("Skye", "Skye tells her swimming coach \"I don't get tea at home.\"", "I don't get tea at home."),
    ("Ibrahim", "Ibrahim has said to his aunt that he is \"sick of the shouting\".", "sick of the shouting"),
    ("Amelie", "Amelie often says to her teacher \"my tummy hurts in the mornings.\"",
     "my tummy hurts in the mornings."),
]
LISTENER_PASS = [
    ("Callum", "Callum told his grandad \"Mum's new man scares me.\"", "Mum's new man scares me."),
    ("Skye", "On 3 May 2025, at swimming club, Skye told her coach \"I don't get tea at home.\"",
     "I don't get tea at home."),
    ("Ibrahim", "When I saw Ibrahim at school on 21 May 2025 he said to his aunt, who had come with him, that he "
                "was \"sick of the shouting\".", "sick of the shouting"),
]


@pytest.mark.parametrize(("child", "text", "target"), LISTENER_FLAG, ids=ids(LISTENER_FLAG))
def test_a_listener_of_a_habit_or_a_saying_at_no_time_is_no_occasion(review_text, child, text, target):
    assert flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), LISTENER_PASS, ids=ids(LISTENER_PASS))
def test_a_listener_of_one_saying_or_with_its_occasion_passes(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)


# The child's words in indirect speech ("Harvey said his stepdad locks him in"), with nothing at all on when,
# where, to whom or how: asked for them. The writer's account of them is lenient: the writer as listener
# ("has told me that"), the sentences before in the passage, the conversation's quote before, or a day in
# the heading or label line above is enough; a view held in the present ("Theo says he ...") is no saying.
REPORTED_FLAG = [
    ("Kian", "I saw Kian at the youth centre on 2 June 2025. He asked me to write down:\n\n"
             "\"Tell them I'm not going back to that flat.\"\n\nKian said his nan had hit him.\n",
     "his nan had hit him"),  # named afresh in a paragraph of its own: no longer that conversation
    ("Harvey", "Harvey said his stepdad locks him in his room.", "his stepdad locks him in his room"),
    ("Ruby", "Ruby has said that Mum's boyfriend hits her.", "Mum's boyfriend hits her"),
    ("Theo", "Theo explained that he sleeps on the sofa most nights.", "he sleeps on the sofa most nights"),
    ("Grace", "Grace mentioned that an older boy at the park had touched her.",
     "an older boy at the park had touched her"),
]
REPORTED_PASS = [
    ("Kian", "I saw Kian at the youth centre on 2 June 2025. He asked me to write down:\n\n"
             "\"Tell them I'm not going back to that flat.\"\n\nHe said he would like his nan at the meeting.\n",
     "he would like his nan at the meeting"),
    ("Harvey", "On 12 May 2025, during my home visit, Harvey said his stepdad locks him in his room.",
     "his stepdad locks him in his room"),
    ("Ruby", "Ruby has told me that Mum's boyfriend hits her.", "Mum's boyfriend hits her"),
    ("Theo", "Theo says he sleeps on the sofa.", "he sleeps on the sofa"),
    ("Grace", "Grace did not say who had hurt her.", "who had hurt her"),
    ("Ava", "I visited Ava at home on 3 June 2025 and we talked in the garden. She said she wants to stay with her "
            "nan.", "she wants to stay with her nan"),
    ("Noah", "Home visit 14 May 2025\n\nNoah said his dad had left in the night.", "his dad had left in the night"),
    ("Finn", "At school on 2 June 2025 I asked Finn about the weekend. He said: \"It was rubbish.\" He said his mum "
             "had been crying all Sunday.", "his mum had been crying all Sunday"),
]


@pytest.mark.parametrize(("child", "text", "target"), REPORTED_FLAG, ids=ids(REPORTED_FLAG))
def test_reported_words_with_nothing_on_how_they_came_are_asked(review_text, child, text, target):
    assert flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), REPORTED_PASS, ids=ids(REPORTED_PASS))
def test_reported_words_placed_or_a_view_held_pass(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)


# A day in the heading of the section, in a label line just above the passage or opening the words' chronology
# row heads the entry they are told in ("Contact 14 May 2025", "14/05/25 - Leo rang"); a year alone places
# nothing.
HEADING_PASS = [
    ("Noah", "Contact 14 May 2025\n\nNoah is a quiet boy. He said \"Dad left in the night.\"",
     "Dad left in the night."),
    ("Leo", "Contacts\n14/05/25 - Leo rang. He said \"I want to come home.\"\n15/05/25 - Nan rang.\n",
     "I want to come home."),
    ("Isla", "Nurse check 03/06/2025\n\nIsla likes her new school. She said \"the kitchen is scary.\"",
     "the kitchen is scary."),
]
HEADING_FLAG = [
    ("Leo", "Contacts\nUndated - Leo rang. He said \"I want to come home.\"\n15/05/25 - Nan rang.\n",
     "I want to come home."),
    ("Noah", "Background 2024\n\nNoah is a quiet boy. He said \"Dad left in the night.\"", "Dad left in the night."),
    ("Isla", "Isla's views\n\nIsla likes her new school. She said \"the kitchen is scary.\"", "the kitchen is scary."),
]


@pytest.mark.parametrize(("child", "text", "target"), HEADING_PASS, ids=ids(HEADING_PASS))
def test_words_under_a_heading_naming_the_day_pass(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), HEADING_FLAG, ids=ids(HEADING_FLAG))
def test_words_under_a_heading_naming_no_day_are_asked(review_text, child, text, target):
    assert flagged(review_text, child, text, target)
