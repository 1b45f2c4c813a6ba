"""The historic check on history as writers outside the team tell it (issue 14, reports-w).

Every text here was written for this module in the shape of a pattern, with other words, people and
places than the development reports it was drawn from; none is copied from a report.
"""

import pytest

REPORT_DATE = "2024-03-20"


def flagged(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    return [f["match"] for f in result["findings"] if f["rule"] == "historic.no_relevance"]


# Each: a pattern, texts told with no link (flagged, with a match expected among the findings).
FLAG = [
    # a former partner in a clause told in the past, within a past telling
    ("Kerry told me that her ex-husband broke her arm.", "ex-husband"),
    ("Ms Amin said her former partner was controlling and took her bank card.", "former partner"),
]

# Each: a text of the same shape that is linked to the present or is not history.
PASS = [
    # a past telling (what someone said) of a present matter about a former partner
    "Ms Lowe explained that she is being contacted by her former partner on social media.",
    "Kerry mentioned that her ex-husband has been asking to see the boys.",
]


@pytest.mark.parametrize(("text", "match"), FLAG, ids=[t[:40] for t, _ in FLAG])
def test_history_with_no_link_is_flagged(review_text, text, match):
    assert match in flagged(review_text, text)


@pytest.mark.parametrize("text", PASS, ids=[t[:40] for t in PASS])
def test_linked_or_present_matters_pass(review_text, text):
    assert flagged(review_text, text) == []
