"""The date check on a section whose dated opening paragraph sets the occasion ("I met Tyler and Grace at their
nan's house on 14/02/25") and whose sub-headings each name one child seen then ("Tyler (9)"): what each child said or
drew under them belongs to that occasion and asks no date of its own. A topic heading ends the occasion; a child
not seen then, or a section with no dated opening, still has its events asked for their date.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"

OCCASION = [
    ("Wishes and feelings\nI met Tyler and Grace at their nan's house on 14/02/25 after tea, first together and then "
     "one at a time in the back room.\n\nTyler (9)\n- In his Three Houses he wrote, \"I worry when Dad shouts.\"\n"
     "- He drew his dog and a bike.\nTyler said he would tell his teacher if he felt unsafe.\n\nGrace (aged 6)\n"
     "- Grace drew a big sun over the house.\n- She said, \"Mum is happy now.\""),
    ("Direct work\nOn 03/03/2025 I spent an hour with Ollie and Jayden at school using the Fairy Godmother tool.\n\n"
     "Ollie (10)\nOllie chose a wish for his mum to stop crying. He picked a red pen and wrote it down.\n\n"
     "Jayden (7)\n- Jayden made a picture of a castle with a moat round it.\n- He told me the moat keeps the "
     "monsters out."),
    ("The children's views\nI visited Amira, Zain and Noor at home on 21 February 2025 and saw each of them in "
     "their bedroom.\n\nAmira (12 years)\nAmira showed me a poem she had written about her brother.\n\n"
     "Zain (8):\n- Zain built a den out of cushions and invited me in.\n\nNoor - 4\n- Noor hid behind the sofa "
     "when I arrived."),
]


@pytest.mark.parametrize("text", OCCASION)
def test_a_childs_sub_heading_goes_on_with_the_dated_occasion(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    # a topic heading ends the occasion
    ("Wishes and feelings\nI met Tyler and Grace at their nan's house on 14/02/25 after tea.\n\nNeighbours\n"
     "- A neighbour heard Dad smash a window.", "heard"),
    # no dated opening paragraph: nothing carries
    ("Concerns\nDad hit Mum in the kitchen while the children watched.\n\nTyler (9)\n- Tyler hit his sister with a "
     "toy car.", "hit"),
    # a child not seen at the occasion: what is told of him is not of that visit
    ("Wishes and feelings\nI saw Tyler on his own at school on 14/02/25.\n\nMason (4)\n- Mason pulled a "
     "radiator cover off the wall.", "pulled"),
    # the opening paragraph's date is vague: the occasion is itself undated
    ("Wishes and feelings\nI met Ollie at school a while ago.\n\nOllie (10)\n- Ollie threw a chair across the room "
     "and kicked a teacher.", None),
])
def test_no_occasion_is_carried_where_the_section_gives_no_day(review_text, text, verb):
    found = date_warnings(review_text(text, report_date=REPORT_DATE))
    if verb is None:
        assert found and all(r in ("date.undated_event", "date.imprecise") for r, _ in found)
        assert ("date.undated_event", "threw") in found or ("date.imprecise", "a while ago") in found
    else:
        assert ("date.undated_event", verb) in found


def test_a_childs_own_vague_time_under_the_occasion_is_still_asked_for(review_text):
    text = ("Wishes and feelings\nI met Tyler at home on 14/02/25.\n\nTyler (9)\n- Tyler told me Dad hit him a few "
            "weeks ago.")
    assert ("date.imprecise", "a few weeks ago") in date_warnings(review_text(text, report_date=REPORT_DATE))
