"""The historic check on history as writers outside the team tell it (issue 14, reports-w).

Every text here was written for this module in the shape of a pattern, with other words, people and
places than the development reports it was drawn from; none is copied from a report.
"""

import pytest
from check_findings import historic_matches

REPORT_DATE = "2024-03-20"


def flagged(review_text, text):
    return historic_matches(review_text(text, report_date=REPORT_DATE))


# Each: a pattern, texts told with no link (flagged, with a match expected among the findings).
FLAG = [
    # a former partner in a clause told in the past, within a past telling
    ("Kerry told me that her ex-husband broke her arm.", "ex-husband"),
    ("Ms Amin said her former partner was controlling and took her bank card.", "former partner"),
    # a reason given in a later paragraph ("which is why") is a reason of its own, not a link for earlier history
    ("Family history\n\nDad was cautioned for criminal damage in 2013.\n\nHe has lost his job, which is why "
     "the rent is behind.\n", "2013"),
    # "so" as a degree word, a purpose, or on a clause told in the past or present perfect: no consequence now
    ("Mr Cole was so drunk in 2015 that he fell through a shop window.", "2015"),
    ("Her partner assaulted her in 2014, so she moved to her sister's.", "2014"),
    ("Ms Drew was cautioned for theft in 2012, so she has kept away from the town centre.", "2012"),
    ("Mum took an overdose in 2017 so that she would be taken to hospital.", "2017"),
    # a school stage after "in" told in the past tense of a worry, like a school year ("in Year 5")
    ("Background\n\nIn Reception Kian was moved to a part-time timetable after he kicked staff.\n", "In Reception"),
    ("His mum told me that in juniors he was excluded twice for fighting.", "in juniors"),
    ("In nursery she was bitten so often that her mum made a complaint.", "In nursery"),
    # a complaint made to an agency, and a school's measures short of exclusion, as worries of their own
    ("Neighbours made a complaint about shouting from the flat in 2019.", "2019"),
    ("Ben was put on a reduced timetable at his last school in 2021.", "2021"),
    # a list and its run-on paragraph with no statement of relevance
    ("Health history\n\nMs Reid has lived with depression for most of her adult life. She has been in hospital twice:\n- June 2017, Oak Unit, an overdose."
     "\n- January 2019, Oak Unit, an overdose.\nBoth stays were short.\n\nShe sees her GP monthly.\n", "June 2017"),
    # history the run-on paragraph tells after its statement is not covered by it
    ("Health history\n\nMs Reid has lived with depression for most of her adult life. She has been in hospital twice:\n- June 2017, Oak Unit, an overdose."
     "\n- January 2019, Oak Unit, an overdose.\nBoth came after she stopped her tablets, and this is why I ask about "
     "them now. Her own mother was in prison when she was nine.\n\nShe sees her GP monthly.\n", "when she was nine"),
    # a statement after new history in the run-on paragraph speaks of that history, not the list
    ("Police history\n\nMr Shaw lives alone in a council flat on Hill Street. The police told me of two call-outs to it:\n"
     "- May 2016, a fight with a neighbour.\n- July 2018, a fight in the stairwell.\nIn 2014 Mr Shaw was cautioned "
     "for affray, which is why the court asked about him.\n\nHe works nights.\n", "May 2016"),
]

# Each: a text of the same shape that is linked to the present or is not history.
PASS = [
    # a past telling (what someone said) of a present matter about a former partner
    "Ms Lowe explained that she is being contacted by her former partner on social media.",
    "Kerry mentioned that her ex-husband has been asking to see the boys.",
    # the past named as the reason for what is so now
    "Mr Ellis was assaulted by his stepfather in 2012, and he says this is why he will not shout at his children.",
    "Mum's first baby was removed in 2015. That pattern is what the midwife has in mind in planning for this birth.",
    # the past given as the reason for what is done or so now, in a present clause after "so" or "therefore"
    "Dad was convicted of drink driving in 2016, so staff check he is sober when he collects Amir.",
    "Mum self-harmed as a teenager. It started after her mother died, so I ask her about anniversaries at each visit.",
    "Ms Kaye was in prison in 2015; therefore I will ask probation what work she did there.",
    # a school stage after "at" is a place, not a time; told in the present, a stage is now
    "Kai was often upset at nursery and the staff made a referral.",
    "Mum was treated for depression in primary care.",
    "Dad's drinking was raised with staff in nursery hours.",
    "Poppy is in Reception and has a reduced timetable this term.",
    "In Reception Jay was on a part-time timetable, and he is on one again now.",
    # a list and the paragraph running on after it: a statement of relevance there, before any history of its own,
    # covers the list and the line leading into it
    "Health history\n\nMs Reid has lived with depression for most of her adult life. She has been in hospital twice:\n- June 2017, Oak Unit, an overdose."
    "\n- January 2019, Oak Unit, an overdose.\nBoth came after she stopped her tablets, and this is why I ask "
    "about them at each visit.\n\nShe sees her GP monthly.\n",
    "Previous involvement\n\nWe have known the family for years. They were open to us as follows:\n"
    "- 2016 to 2017, child in need, neglect.\n- 2019, child protection plan, neglect.\nEach time the home fell "
    "back into the same state once we closed, which is why the plan now runs for longer.\n\nThe school is "
    "involved too.\n",
]


@pytest.mark.parametrize(("text", "match"), FLAG, ids=[t[:40] for t, _ in FLAG])
def test_history_with_no_link_is_flagged(review_text, text, match):
    assert match in flagged(review_text, text)


@pytest.mark.parametrize("text", PASS, ids=[t[:40] for t in PASS])
def test_linked_or_present_matters_pass(review_text, text):
    assert flagged(review_text, text) == []
