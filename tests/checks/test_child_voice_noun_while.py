""""While" as a noun ("a while ago", "for a while", "after quite a while") is a length of time, not the conjunction
that tells what was going on as the child spoke ("while she was drawing"), so it gives the words no circumstances.

Texts written fresh for this pattern, not taken from any development report.
"""

import pytest
from check_findings import flags_words

REPORT_DATE = "2025-06-10"
RULES = ("child_voice.no_circumstances",)


def flagged(review_text, child, text, target) -> bool:
    text = f"{child} is 12.\n\n" + text
    result = review_text(text, report_date=REPORT_DATE, children=[child])
    return flags_words(result, text, RULES, target)


FLAG = [
    ("Rhys", "Rhys fell out with his best friend a while ago. Rhys said \"nobody wants me on the team.\"",
     "nobody wants me on the team."),
    ("Esme", "Esme has been quiet for a while. Esme said \"I just want to be left alone.\"",
     "I just want to be left alone."),
]
PASS = [
    ("Rhys", "On 02/06/2025 while he was building a den in the garden, Rhys said \"nobody wants me on the team.\"",
     "nobody wants me on the team."),
    ("Esme", "Esme said \"I just want to be left alone\" while she was waiting for the bus on 03/06/2025.",
     "I just want to be left alone"),
]


@pytest.mark.parametrize(("child", "text", "target"), FLAG, ids=[c for c, _, _ in FLAG])
def test_the_noun_while_gives_no_circumstances(review_text, child, text, target):
    assert flagged(review_text, child, text, target)


@pytest.mark.parametrize(("child", "text", "target"), PASS, ids=[c for c, _, _ in PASS])
def test_the_conjunction_while_with_an_occasion_still_does(review_text, child, text, target):
    assert not flagged(review_text, child, text, target)
