"""The historic check on history written the ways reports from other agencies write it (issue 14).

Every text here was written for this module in the shape of a pattern, with other words, people and
places than the development reports it was drawn from (reports-k); none is copied from a report.
"""

import pytest
from check_findings import historic_matches

REPORT_DATE = "2024-03-20"


def flagged(review_text, text):
    return historic_matches(review_text(text, report_date=REPORT_DATE))


# Each: a pattern, a text told with no link (flagged), a text of the same shape that is linked or not history.
FLAG = [
    # a history heading naming past recorded events, over a dated list
    ("Earlier referrals\n\n- 2019 – school raised hunger and poor hygiene\n", "2019"),
    ("Past call-outs to the address\n\n- 2021 – neighbours heard a row, no offence recorded\n", "2021"),
    # a vague past time under a record heading, with no worry word of its own
    ("Housing history\n\nHe was given notice on his flat many years ago after a dispute with the landlord.\n",
     "many years ago"),
    # a refuge stay or lost home, years before
    ("Mum and the boys stayed at a refuge in Harlow in 2019.", "2019"),
    ("Dad fell into rent arrears on the Station Road flat in 2018.", "2018"),
    # a record of past wrongdoing held now, undated
    ("Mr Grant has two cautions for theft.", "has two cautions"),
    # a past illness or treatment, undated, under a history heading
    ("Medical history\n\nShe saw a counsellor for a while after her father died.\n", None),
    ("Medical history\n\nHe was diagnosed with OCD after leaving the army.\n", None),
]

PASS = [
    # recent dated entries under a heading of past events
    "Earlier referrals\n\n- 14/02/2024 – school raised hunger and poor hygiene\n",
    # no record held
    "Mr Grant has no convictions.",
    # the past named as the same as now, its return, or something to bear in mind now
    "Dad was cautioned for hitting a partner in 2017. It is the same controlling behaviour that Mum describes.",
    "Mum was arrested for a drunken fight in 2016; the report from school is about the same kind of night.",
    "Mum's drinking led to a referral in 2016, and the return of that drinking is why school rang me.",
    "Tom was excluded from his first school in 2018, and staff should bear this in mind when he is challenged.",
    # a "Relevant history" heading whose pieces all rest on it
    "Relevant history\n\nDad was cautioned for affray in 2015.\n\nMum was in care as a teenager.\n",
]


@pytest.mark.parametrize(("text", "match"), FLAG, ids=[t[:40] for t, _ in FLAG])
def test_history_written_elsewhere_with_no_link_is_flagged(review_text, text, match):
    found = flagged(review_text, text)
    assert found
    if match is not None:
        assert match in found  # a dated list line split at its dash may be flagged in both halves


@pytest.mark.parametrize("text", PASS, ids=[t[:40] for t in PASS])
def test_linked_or_recent_history_written_elsewhere_passes(review_text, text):
    assert flagged(review_text, text) == []


ITEM_BY_ITEM = (
    "Relevant history and what it means now\n\n"
    "- Dad was cautioned for affray in 2015. I include this because he was arrested for a fight last month.\n"
    "- Mum stopped her tablets in 2020. This matters now because her mood is low again.\n"
    "- Grandad had a stroke in 2018. His GP says he is well enough to collect the children.\n"
    "- The family moved to Luton in May 2020.\n"
)


def test_a_piece_with_no_link_under_a_relevance_heading_linked_piece_by_piece_is_flagged(review_text):
    """The heading titles the links each piece gives: the move, told with none, is flagged, though its date falls
    within the year of a linked piece; the stroke, told with how things stand now, is not."""
    assert flagged(review_text, ITEM_BY_ITEM) == ["May 2020"]


def test_pieces_resting_on_a_relevance_heading_stay_linked(review_text):
    text = ("Relevant history\n\n- Dad was cautioned for affray in 2015.\n- Mum stopped her tablets in 2020.\n"
            "- The family moved to Luton in May 2020.\n")
    assert flagged(review_text, text) == []


def test_an_undated_concern_in_a_paragraph_dated_recently_is_of_that_time(review_text):
    """Written by the developer for this test: under a history heading, a paragraph that dates its account
    inside the last year tells a recent episode, and its undated sentences belong to it."""
    text = ("Date of report: 14/05/2024\nChild: Ruby Lane (aged 6)\n\nHousing history\n"
            "The family came to the council on 12/02/2024 after their landlord served notice. A homelessness "
            "application was made that afternoon. Ms Lane's sister told me they had to leave because of drinking "
            "and fights in the flat.\n")
    result = review_text(text, report_date="2024-05-14")
    assert [f["rule"] for f in result["findings"] if f["check"] == "historic" and f["severity"] == "warning"] == []
