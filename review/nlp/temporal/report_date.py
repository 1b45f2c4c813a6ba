"""The report's own date, read from a line such as "Date of report: 20/03/2024" near its top."""

from __future__ import annotations

import datetime as dt
import re

from review.nlp.temporal.calendar_dates import FULL_DATE_HANDLERS, RULES
from review.nlp.temporal.grammar import Context

_STATED = re.compile(
    r"^[ \t]*(?:date\s+of\s+(?:the\s+)?(?:report|assessment|referral|statement|writing)|report\s+date|date\s+written|"
    r"date\s+completed|date\s+of\s+completion|dated|date)\s*[:\-–]?\s*(?P<date>[^\n]{4,40})$",
    re.I | re.M)


def stated_report_date(text: str) -> dt.date | None:
    """The date a report states as its own, from a line such as "Date of report: 20/03/2024".

    Looks at the first 3,000 characters. The rest of the line must be the date alone, with its
    year: day-first numeric ("20/03/2024", "20.03.24"), ISO, or written ("20 March 2024",
    "March 20, 2024"), so a chronology row ("Date: 14/01/2023 home visit") is not taken for the
    report's date. Returns None when there is no such line.
    """
    ctx = Context(dt.date.today(), False, None)
    for line in _STATED.finditer(text[:3000]):
        candidate = line["date"].strip()
        for pattern, handler, _ in RULES:
            if handler not in FULL_DATE_HANDLERS:
                continue
            found = pattern.match(candidate)
            if found and found["y"] and not candidate[found.end():].strip(" .,;)"):
                result = handler(found, ctx)
                if result and result.value:
                    return dt.date.fromisoformat(result.value)
    return None

