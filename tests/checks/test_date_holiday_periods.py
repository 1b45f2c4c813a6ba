"""The date check on holiday and school-calendar times ("before Christmas", "over Easter", "at half term", "in the
summer holidays", "over the holidays"): a stretch of days, not one day, so a vague time that still asks for the
event's date, and whose suggestion names no day the text does not give. The holiday's own day ("on Christmas Day",
"Boxing Day") still resolves to its date.

Sentences written fresh for these patterns (not taken from any development report). Report date 2025-03-20.
"""

import pytest
from check_findings import warning_findings

REPORT_DATE = "2025-03-20"


@pytest.mark.parametrize("text, match", [
    ("Grandma said that Dad pushed Mum into the door before Christmas.", "before Christmas"),
    ("Theo came back from his father's over Christmas with a burn on his wrist.", "Christmas"),
    ("Priya was seen by her aunt at Easter with scratches on her neck.", "at Easter"),
    ("Dad kept the twins in Cornwall at half term and would not bring them back.", "at half term"),
    ("After half-term Callum stopped coming to breakfast club.", "After half-term"),
    ("Sophie ran away from home twice in the summer holidays.", "the summer holidays"),
    ("Over the holidays Mr Ellis was arrested outside the flat.", "the holidays"),
    ("During the Easter holidays Maya stayed with her uncle and came home with a split lip.", "the Easter holidays"),
    ("Last Christmas the neighbours called the police about shouting from the flat.", "Last Christmas"),
    ("In the school holidays Jake was left on his own overnight.", "the school holidays"),
])
def test_a_holiday_period_is_a_vague_time_with_no_day_claimed(review_text, text, match):
    findings = warning_findings(review_text(text, report_date=REPORT_DATE), "date")
    assert [(f["rule"], f["match"]) for f in findings] == [("date.imprecise", match)]
    suggestion = findings[0]["suggestion"]
    assert "December" not in suggestion and "on 2" not in suggestion.split("instead of")[-1]


@pytest.mark.parametrize("text, match, day", [
    ("Dad hit Mum on Christmas Day in front of the children.", "Christmas Day", "25 December 2024"),
    ("On Boxing Day Kian was found wandering near the canal.", "Boxing Day", "26 December 2024"),
])
def test_the_holiday_itself_still_resolves_to_its_day(review_text, text, match, day):
    findings = warning_findings(review_text(text, report_date=REPORT_DATE), "date")
    assert [(f["rule"], f["match"]) for f in findings] == [("date.relative", match)]
    assert day in findings[0]["suggestion"]


@pytest.mark.parametrize("text", [
    "Christmas was a hard time for the family this year.",
    "Since Christmas Freya has been going to school every day.",
    "Mum plans to take the children to her sister's over the summer holidays.",
    "Noah will stay with his grandparents at half term.",
    "On 27 December 2024, over the Christmas holidays, Dad was arrested at the flat.",
])
def test_no_flag_on_a_holiday_that_dates_no_past_event(review_text, text):
    assert warning_findings(review_text(text, report_date=REPORT_DATE), "date") == []


@pytest.mark.parametrize("text", [
    "Over Easter the police were called to the flat after a neighbour heard screaming. No further action was taken.",
    "At half term Dad was seen drunk at the park with the children. No further concerns were raised by the school.",
])
def test_the_outcome_of_a_holiday_incident_is_not_a_new_undated_event(review_text, text):
    findings = warning_findings(review_text(text, report_date=REPORT_DATE), "date")
    assert [f["rule"] for f in findings] == ["date.imprecise"]
