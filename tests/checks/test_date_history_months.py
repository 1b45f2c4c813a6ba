"""The date check on list entries and table rows of history that open with a month and year ended years before the
report ("- March 2016, Ward 4, six weeks"): history is rightly given to the month, as a background milestone is in
running text ("diagnosed in March 2021"); an entry for a month of the period the report covers ("| Jan 2025 |
eye clinic | DNA |") still asks its day.

Sentences written fresh for this pattern (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import date_warnings

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text", [
    "Mum's mental health\nMum has had two admissions to the Beacon Unit:\n- June 2014, four weeks, postnatal "
    "depression.\n- November 2019, ten days, after an overdose.\n- 02/02/2025 to 09/02/2025, informal.",
    "Previous involvement\n- April 2012 - referral from the GP about Dad's drinking, closed after assessment.\n"
    "- Sept 2018 - CIN plan for neglect, closed in 2019.",
    "Date | Service | Outcome\nMay 2017 | Early Help | closed\nJanuary 2020 | CAMHS | discharged",
])
def test_history_entries_given_to_the_month_are_not_asked_for_their_day(review_text, text):
    assert [r for r, _ in date_warnings(review_text(text, report_date=REPORT_DATE))] == []


@pytest.mark.parametrize("text, month", [
    ("Health appointments\n- January 2025, eye clinic, not brought.\n- 04/03/2025, dental check, seen.",
     "January 2025"),
    ("Date | Child | Appointment | Outcome\nOct 2024 | Ruby | hearing test | DNA", "Oct 2024"),
    ("Police call-outs\n- March 2023 - Dad arrested for assault on Mum.", "March 2023"),
])
def test_an_entry_for_a_month_of_the_recent_period_still_asks_its_day(review_text, text, month):
    assert ("date.imprecise", month) in date_warnings(review_text(text, report_date=REPORT_DATE))
