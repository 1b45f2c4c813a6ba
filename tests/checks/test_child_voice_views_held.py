"""The document-level child_voice result where the child's views are given in the writer's words with no verb of
telling on an occasion: a view the child holds ("feels that ...", "is adamant that ...", "says he wants ..."), or what
the child wrote ("wrote that ..."), with the child as subject. Such a view is known only from the child, so the
report gives the child's views (`child_voice.views_not_quoted`, not `no_quote`). A view only possible ("may feel")
or inside someone else's account or view ("her mother believes that she feels ...", "I think he feels ...") is not
the child's.

Short reports written fresh for this pattern, with other names, places and concerns than any probe or report.
"""

import pytest

from review.evaluate.reports import flags_child_voice

REPORT_DATE = "2025-04-01"


def report(child: str, body: str) -> str:
    return (f"Child: {child} Brookes\nDOB: 02/02/2012 (age 13)\nDate of report: 01/04/2025\n"
            f"Author: A. Patel, Pastoral Lead\n\n{child} is in Year 8 and lives with her mother and stepfather.\n\n"
            f"{body}\n\nHer mother has attended the meetings offered.")


VIEWS_GIVEN = [
    ("Maya", "I met Maya at school on 03/03/2025. Maya feels that her stepdad treats her differently from her "
     "brothers, and she is upset that nobody has noticed."),
    ("Leona", "In our session on 10/03/2025 Leona chose to write instead of talk. She wrote that she is scared when "
     "her uncle visits and that she wants to stay at her gran's at weekends."),
    ("Priya", "I have seen Priya three times this term. Priya is adamant that she wants to live with her dad and "
     "she thinks her mum will not stop drinking."),
    ("Tia", "Tia says she wants to go back to netball and that she is worried about her mum being on her own."),
]

NOT_HERS = [
    ("Maya", "Her mother believes that Maya feels left out at home and is unhappy since the baby was born."),
    ("Leona", "Leona may feel that she is to blame for the arguments, and she might be frightened of her uncle."),
    ("Priya", "I think Priya feels that nobody listens to her, and she is probably sad about the move."),
]


@pytest.mark.parametrize(("child", "body"), VIEWS_GIVEN, ids=[c for c, _ in VIEWS_GIVEN])
def test_a_view_the_child_holds_in_the_writers_words_is_the_childs_view(review_text, child, body):
    assert flags_child_voice(review_text(report(child, body), report_date=REPORT_DATE)) is False


@pytest.mark.parametrize(("child", "body"), NOT_HERS, ids=[c for c, _ in NOT_HERS])
def test_a_view_only_possible_or_in_anothers_account_is_not(review_text, child, body):
    assert flags_child_voice(review_text(report(child, body), report_date=REPORT_DATE)) is True


# A "she" or "he" opening the next sentence is the main clause's subject before it, not someone in a clause that only
# sets the scene ("while mum and dad argued"): the children's views that follow are theirs.
TWO_CHILDREN = [
    "Nadia painted herself in the garden while mum and dad argued inside. She wrote that she wants the arguing to "
    "stop. Kyle built a tower of bricks in the hall as his mum was on the phone. He said he is sad at bedtime.",
    "Nadia drew a big rainbow over the flat when her stepmum had gone out. She said that she likes living there. Kyle "
    "hid under the table while his dad shouted. He told me that he is scared of the dog next door.",
]


@pytest.mark.parametrize("body", TWO_CHILDREN, ids=["wrote and said", "said and told"])
def test_a_pronoun_after_a_scene_setting_clause_is_the_childs(review_text, body):
    text = ("Children: Nadia Cole (DOB 01/05/2015, age 9); Kyle Cole (DOB 03/03/2017, age 8)\nDate of report: "
            f"01/04/2025\nAuthor: B. Shah, Family Support Worker\n\nI saw both children at the centre on 20/03/2025.\n\n"
            f"{body}\n\nTheir mother attends every session.")
    assert flags_child_voice(review_text(text, report_date=REPORT_DATE)) is False
