"""The report's own date: a line such as "Date of report: 20/03/2024" near its top, else the
"Sent:" header of the email it was pasted from."""

from __future__ import annotations

import datetime as dt
import re

from review.nlp.temporal.calendar_dates import FULL_DATE_HANDLERS, RULES
from review.nlp.temporal.grammar import Context

HEAD_CHARS = 3000  # where a report's own date line, or its email header, is looked for
_STATED = re.compile(
    r"^[ \t]*(?:date\s+of\s+(?:the\s+)?(?:report|assessment|referral|statement|writing)|report\s+date|date\s+written|"
    r"date\s+completed|date\s+of\s+completion|dated|date)\s*[:\-–]?\s*(?P<date>[^\n]{4,40})$",
    re.I | re.M)
# An email header: "Sent: Tuesday, 14 May 2024 09:12", "Sent: 14/05/2024 16:42:03", "Sent: 14 May 2024 9:12 AM".
_SENT = re.compile(r"^[ \t]*sent[ \t]*:[ \t]*(?P<date>[^\n]{4,60}?)"
                   r"(?:[ \t,]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]\.?m\.?)?)?[ \t]*$", re.I | re.M)


# a time of day after the date on its line ("Date: 14/05/2024   Time: 11:20", "Dated 14/05/2024 at 9.15am")
_CLOCK_AFTER = re.compile(r"^[\s,]*(?:(?:time|at)\s*[:\-–]?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?\s*$", re.I)


def _whole_date(candidate: str) -> dt.date | None:
    """`candidate` read as one whole date with its year, and nothing after it but punctuation."""
    ctx = Context(dt.date.today(), False, None)
    for pattern, handler, *_ in RULES:
        if handler not in FULL_DATE_HANDLERS:
            continue
        found = pattern.match(candidate)
        if found and found["y"] and not _CLOCK_AFTER.sub("", candidate[found.end():]).strip(" .,;)"):
            result = handler(found, ctx)
            if result and result.value:
                return dt.date.fromisoformat(result.value)
    return None


def stated_report_date(text: str) -> dt.date | None:
    """The date a report states as its own, from a line such as "Date of report: 20/03/2024".

    Looks at the first 3,000 characters. The rest of the line must be the date alone, with its
    year: day-first numeric ("20/03/2024", "20.03.24"), ISO, or written ("20 March 2024",
    "March 20, 2024"), perhaps with a time of day after it ("Time: 11:20"), so a chronology row ("Date:
    14/01/2023 home visit") is not taken for the report's date. Returns None when there is no such line.
    """
    for line in _STATED.finditer(text[:HEAD_CHARS]):
        found = _whole_date(line["date"].strip())
        if found:
            return found
    return None


def sent_date(text: str) -> dt.date | None:
    """The date of the first "Sent:" header in the first 3,000 characters (the email a report
    was pasted from: "Sent: Tuesday, 14 May 2024 09:12"), its time left aside; None
    when there is none or its date is not a whole date with its year."""
    for line in _SENT.finditer(text[:HEAD_CHARS]):
        found = _whole_date(line["date"].strip())
        if found:
            return found
    return None
