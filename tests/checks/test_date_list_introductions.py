"""The date check on a sentence ending in a colon that brings in a list whose items each give their own date ("He
has had two hospital admissions:" then "- 05/03/2023 to 09/03/2023, Ward 6 ..."): its events are those items, so
it asks no date itself; a list whose items are undated, or a sentence that does not end in the colon, still does.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings, undated_events

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "Health\nKai was diagnosed with asthma in 2018. He has had two hospital admissions:\n- 14/11/2019, Ward 4, three "
    "nights, chest infection.\n- 05/03/2023 to 09/03/2023, Ward 6, asthma.",
    "Police history\nThe address was first flagged in 2019. Officers have attended four domestic incidents there:\n"
    "- 02/02/2020, Dad arrested.\n- 30/08/2021, no arrest.\n- 17/12/2022 and 01/01/2023, Mum declined to make a "
    "statement.",
    "Education\nRiley joined Oakfield in 2021. He has received three fixed-term exclusions:\n* 12/10/2022 - two days, "
    "fighting\n* 06/02/2023 - one day, swearing at staff\n* 19/06/2024 - five days, assault on a pupil",
])
def test_a_list_introduction_whose_items_give_their_dates_asks_no_date(review_text, text):
    assert undated_events(review_text(text, report_date=REPORT_DATE)) == []


@pytest.mark.parametrize("text, verb", [
    # the items give no dates: the intro is asked for them
    ("Health\nKai was diagnosed with asthma in 2018. He has had two hospital admissions:\n- Ward 4, three nights, "
     "chest infection.\n- Ward 6, asthma.", "had"),
    # one item undated
    ("Health\nAisha was diagnosed with sickle cell disease in 2016. She has had three hospital admissions:\n"
     "- 14/11/2019, Ward 4.\n- an overnight stay after a pain crisis.\n- 02/01/2024, Ward 6.", "had"),
    # no colon: the list after it is not introduced by it
    ("Health\nKai was diagnosed with asthma in 2018. He has had two hospital admissions. He uses a spacer.\n"
     "- 14/11/2019, Ward 4.\n- 05/03/2023, Ward 6.", "had"),
])
def test_an_introduction_to_undated_items_is_still_asked_for_its_dates(review_text, text, verb):
    assert ("date.undated_event", verb) in date_warnings(review_text(text, report_date=REPORT_DATE))
