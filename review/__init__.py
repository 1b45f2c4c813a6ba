"""Review child-safeguarding reports against the multi-agency information-sharing policy.

>>> import review
>>> result = review.analyse("The mother was neglectful during the visit.", report_date="2024-03-20")
>>> "opinion" in {f["check"] for f in result["findings"]}
True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator

from review.core.lean_spacy import import_spacy

import_spacy()  # before anything imports spaCy: without its command line, which a review never runs

from spacy.tokens import Doc  # noqa: E402

from review.batch import ReviewOptions, analysed_doc, review_many  # noqa: E402
from review.core.errors import E201, ReviewError  # noqa: E402
from review.io.document import document_object  # noqa: E402
from review.pipeline import load_pipeline  # noqa: E402

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The UK forms practitioners type, day first: 20/03/2024, 20.03.2024 (one separator throughout),
# 20 March 2024 and 20 Mar 2024.
_UK_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})", re.ASCII)
_UK_WORDED_DATE = re.compile(r"(\d{1,2}) +([A-Za-z]+) +(\d{4})", re.ASCII)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTHS = {**{name: n for n, name in enumerate(_MONTH_NAMES, 1)},
           **{name[:3]: n for n, name in enumerate(_MONTH_NAMES, 1)}, "sept": 9}

__all__ = ["analyse", "analyse_doc", "analyse_many", "load_pipeline", "parse_report_date", "ReviewError"]


def parse_report_date(value: str | dt.date | None) -> dt.date | None:
    """A report date from YYYY-MM-DD or a UK form (20/03/2024, 20.03.2024, 20 March 2024), or a
    date or datetime; None stays None. Anything else, an impossible date included, is E201.

    A strict list of forms, not dateparser: even with day-first, strict settings dateparser reads
    03/20/2024 as 20 March and "in 3 days" as a date, and the contract refuses all but these forms.
    Month names are English whatever the locale.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return _date_from_text(value.strip())
    except (ValueError, KeyError):
        raise ReviewError("E201", E201.format(value=value)) from None


def _date_from_text(text: str) -> dt.date:
    """The date `text` states in one of the accepted forms; ValueError or KeyError otherwise."""
    if _ISO_DATE.fullmatch(text):
        return dt.date.fromisoformat(text)
    if numeric := _UK_NUMERIC_DATE.fullmatch(text):
        day, _, month, year = numeric.groups()
        return dt.date(int(year), int(month), int(day))
    if worded := _UK_WORDED_DATE.fullmatch(text):
        day, month, year = worded.groups()
        return dt.date(int(year), _MONTHS[month.lower()], int(day))
    raise ValueError(text)


def _options(report_date, children: Iterable[str] | None, rules_path: str | None) -> ReviewOptions:
    return ReviewOptions(parse_report_date(report_date), tuple(children) if children else None, rules_path)


def analyse_doc(text: str, *, report_date=None, children: Iterable[str] | None = None,
                rules_path: str | None = None) -> Doc:
    """Review `text` and return the spaCy Doc with every finding in ``doc._.findings``."""
    options = _options(report_date, children, rules_path)
    return analysed_doc(load_pipeline(rules_path), text, options)


def analyse(text: str, *, report_date=None, children: Iterable[str] | None = None,
            rules_path: str | None = None, doc_id="text") -> dict:
    """Review `text` and return the document object described in SPEC.md."""
    doc = analyse_doc(text, report_date=report_date, children=children, rules_path=rules_path)
    return document_object(doc, doc_id)


def analyse_many(items: Iterable[tuple[object, str]], *, report_date=None,
                 children: Iterable[str] | None = None, rules_path: str | None = None,
                 n_process: int = 1, batch_size: int = 16, client=None,
                 on_error: Callable[[object, str], None] | None = None) -> Iterator[dict]:
    """Review many ``(id, text)`` pairs with ``nlp.pipe``; yields document objects in input order.

    `n_process` > 1 reviews batches of `batch_size` in that many processes; a Dask `client`
    (``distributed.Client``) reviews them on its cluster instead. Options are checked here,
    before the first document is read. Without `on_error` an unexpected error in one report
    stops the run; with it, that report is left out, ``on_error(id, error type)`` is called
    and the rest are reviewed.
    """
    options = _options(report_date, children, rules_path)
    return review_many(items, options, jobs=n_process, batch_size=batch_size, client=client, on_error=on_error)
