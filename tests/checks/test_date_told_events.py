"""A dated telling of an event dated only vaguely: "Mum told me on 3 March that Dad had hit her a few weeks ago".
The day dates the telling; what was told is dated only by the vague time inside what was said, so that time is
asked for (date.imprecise). Sentences written for this test, not taken from any report."""

import pytest
from check_findings import date_warnings

REPORT = "Date of report: 01/06/2025\n\nBackground\n{sentence}\n"


@pytest.mark.parametrize("sentence, vague", [
    ("Mum told me on 3 March that Dad had hit her a few weeks ago.", "a few weeks ago"),
    ("On 12/05/2025 Leo said he was kicked at school recently.", "recently"),
    ("When I visited on 2 April, Nan explained that the boys had stayed out all night over the holidays.",
     "the holidays"),
    pytest.param("The neighbour reported on 14 May that there had been shouting at the flat a while back.",
                 "a while back", marks=pytest.mark.xfail(strict=True, reason="'there had been shouting' is not read "
                                                                            "as a past event the vague time dates")),
])
def test_a_vague_time_in_what_was_told_is_asked_for(review_text, sentence, vague):
    result = review_text(REPORT.format(sentence=sentence), report_date="2025-06-01")
    assert ("date.imprecise", vague) in date_warnings(result)


@pytest.mark.parametrize("sentence", [
    "The school told me on 4 April that Ava has been attending well recently.",  # a state now, not an event
    "Mum told me on 3 March that she is managing well at the moment.",
    "On 3 March Dad said he usually collects the boys on Fridays.",                # a habit
    "Mum told me on 3 March that Dad hit her on 1 March.",                        # the event has its own day
    "On 20 May Ella told her teacher that she had been scared last night.",       # counted from the telling day
    "Recently Mum told me on the phone that the boiler was fixed on 2 May.",       # the vague time dates the telling
])
def test_a_dated_telling_with_no_vague_event_is_clean(review_text, sentence):
    result = review_text(REPORT.format(sentence=sentence), report_date="2025-06-01")
    assert date_warnings(result) == []
