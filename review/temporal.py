"""PLACEHOLDER by the lead so the skeleton runs; owned by the temporal engineer: replace freely."""
import datetime as dt
import re

_STATED = re.compile(r"date of (?:the )?report\s*[:\-]\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})", re.I)


def stated_report_date(text: str) -> dt.date | None:
    match = _STATED.search(text[:2000])
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    year = year + 2000 if year < 100 else year
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
