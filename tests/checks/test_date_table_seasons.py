"""A chronology's date cell holding only a season or an uncertain month ("Autumn | Isla | ...", "?Mar | ..."):
the row is dated too loosely (date.imprecise), as a month alone in a cell already is. A season word outside a
date cell is not a date ("Summer is in Year 4", a girl's name). Rows written for this test."""

import pytest
from check_findings import date_warnings

TABLE = "Date of report: 10/06/2025\n\nContacts\nDate | Who | What happened\n14/02/2025 | Ben | Seen at clinic.\n{row}\n"


@pytest.mark.parametrize("row, cell", [
    ("Spring | Ben | Missed his dental check twice.", "Spring"),
    ("Winter | Ben | Taken to A&E with a burn.", "Winter"),
    ("?Mar | Ben | Head injury reported by nursery.", "Mar"),
    ("Autumn | Ben | Mum cancelled the hearing test.", "Autumn"),
])
def test_a_season_or_uncertain_month_alone_dates_a_row_loosely(review_text, row, cell):
    result = review_text(TABLE.format(row=row), report_date="2025-06-10")
    assert ("date.imprecise", cell) in date_warnings(result)


def test_a_season_word_in_running_text_is_not_a_date(review_text):
    text = ("Date of report: 10/06/2025\n\nFamily\nSummer is in Year 4 at Hill Top. Autumn Jones is her cousin.\n")
    assert [m for _, m in date_warnings(review_text(text, report_date="2025-06-10"))
            if m in ("Summer", "Autumn")] == []
