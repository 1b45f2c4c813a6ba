"""Words the child told a group at large ("told staff", "tells teachers"): no one in particular heard them at no one
time, so the occasion told in the sentences before (a weekly club, a visit) does not place them; a named listener,
or a date, place or occasion in their own sentence, still does.

Texts written fresh for this pattern, with other names and places than any development report.
"""

import pytest
from check_findings import flags_words

REPORT_DATE = "2025-06-10"
RULES = ("child_voice.no_circumstances",)


def flagged(review_text, child, text, target) -> bool:
    text = f"{child} is 15 and lives with her aunt.\n\n" + text
    result = review_text(text, report_date=REPORT_DATE, children=[child])
    return flags_words(result, text, RULES, target)


FLAG = [
    ("Jade", "Jade has gone to a climbing club every Saturday since 02/03/2025. She told staff there she \"can't wait "
     "to leave home\".", "can't wait to leave home"),
    ("Mollie", "Mollie has been on the ward since 14/04/2025 for her eating. She told nurses \"I only eat when Mum "
     "isn't looking\".", "I only eat when Mum isn't looking"),
    ("Keeley", "Keeley started at the pupil referral unit on 06/01/2025. Keeley tells teachers \"home is boring and "
     "I'd rather be out\".", "home is boring and I'd rather be out"),
]

PASS = [
    ("Jade", "On 14/05/2025 at the review meeting in the school hall, Jade told the chair \"I want to stay where I "
     "am.\"", "I want to stay where I am."),
    ("Mollie", "I visited Mollie on the ward on 20/05/2025. She told her mum \"I'm sorry I shouted.\"",
     "I'm sorry I shouted."),
    ("Keeley", "On 02/06/2025, during a fire drill at the unit, Keeley told staff \"I'm not going back in there.\"",
     "I'm not going back in there."),
]


@pytest.mark.parametrize(("child", "text", "target"), FLAG, ids=[c for c, _, _ in FLAG])
def test_words_told_to_a_group_at_large_are_asked_for_their_circumstances(review_text, child, text, target):
    assert flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), PASS, ids=[c for c, _, _ in PASS])
def test_words_told_to_someone_or_placed_in_their_own_sentence_pass(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)
