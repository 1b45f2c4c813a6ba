"""--report-date and the API's report_date: YYYY-MM-DD and the UK forms, day first; anything else E201."""

import datetime as dt
import json

import pytest

import review
from review import parse_report_date
from review.core.errors import ReviewError

MARCH_20 = dt.date(2024, 3, 20)


@pytest.mark.parametrize("value", ["2024-03-20", "20/03/2024", "20.03.2024", "20 March 2024", "20 Mar 2024",
                                   "20 march 2024", " 20/03/2024 "])
def test_iso_and_uk_forms_are_read_day_first(value):
    assert parse_report_date(value) == MARCH_20


def test_one_digit_day_and_month_are_day_first():
    assert parse_report_date("1/3/2024") == dt.date(2024, 3, 1)
    assert parse_report_date("4.7.2024") == dt.date(2024, 7, 4)
    assert parse_report_date("2 Sept 2024") == dt.date(2024, 9, 2)


@pytest.mark.parametrize("value", [
    "31/02/2024",       # no such day
    "03/20/2024",       # month first: never read so
    "20-03-2024",       # not one of the forms
    "20/03.2024",       # two separators
    "20/03/24",         # two-digit year
    "20th March 2024",
    "March 20, 2024",
    "20 Marchy 2024",
    "20240320",
    "２０/03/2024",      # digits that are not ASCII
    "tomorrow",
    "",
])
def test_anything_else_is_e201(value):
    with pytest.raises(ReviewError) as error:
        parse_report_date(value)
    assert error.value.code == "E201"


def test_dates_and_none_pass_through():
    assert parse_report_date(None) is None
    assert parse_report_date(MARCH_20) == MARCH_20
    assert parse_report_date(dt.datetime(2024, 3, 20, 15, 30)) == MARCH_20


def test_api_takes_the_uk_form(nlp):
    assert review.analyse("Mia is well.", report_date="20/03/2024")["report_date"] == "2024-03-20"


@pytest.mark.parametrize("value", ["20/03/2024", "20.03.2024", "20 March 2024", "2024-03-20"])
def test_cli_takes_the_uk_forms(cli, value):
    status, out, err = cli(["--format", "jsonl", "--report-date", value, "-"], "Mia is well.\n")
    assert status in (0, 1) and err == ""
    assert json.loads(out)["report_date"] == "2024-03-20"


@pytest.mark.parametrize("value", ["31/02/2024", "03/20/2024", "20 Smarch 2024"])
def test_cli_refuses_others_in_one_line(cli, value):
    status, out, err = cli(["--report-date", value, "-"], "Mia is well.\n")
    assert status == 2 and out == "" and err.count("\n") == 1
    assert f"E201 --report-date {value!r} is not a date" in err
