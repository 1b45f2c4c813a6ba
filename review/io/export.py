"""Downloads of a reviewed report, built in memory (nothing is written to disk): JSON, HTML,
Word with every finding as a comment on its words (`review.io.word`), and the redacted feedback file of coaching
decisions (keyed by `finding_key`, merged by `with_coaching`)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import threading
from collections.abc import Iterable, Mapping
from functools import cached_property

from review.io.redact import redact_document
from review.io.render import render_html
from review.io.word import to_docx

FEEDBACK_FORMAT = "safeguarding-review-feedback/1"


def finding_key(finding: Mapping) -> str:
    """A stable key for one finding of one text: its rule and offsets."""
    return f"{finding['rule']}@{finding['start']}-{finding['end']}"


def with_coaching(document: dict, dismissed: Mapping[str, str] | None = None) -> dict:
    """A copy of `document` where each finding whose key is in `dismissed` carries its reason."""
    result = copy.deepcopy(document)
    dismissed = dismissed or {}
    for finding in result["findings"]:
        reason = dismissed.get(finding_key(finding))
        if reason is not None:
            finding["dismissed"] = {"reason": reason}
    result["summary"] = {**result["summary"], "dismissed": sum(1 for f in result["findings"] if "dismissed" in f)}
    return result


def to_json(document: dict) -> bytes:
    """A JSON array holding the document object, exactly as ``review check --format json`` writes it."""
    return (json.dumps([document], ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_html(document: dict) -> bytes:
    """The annotated page, identical to ``review check --format html`` for this document."""
    return render_html([document]).encode("utf-8")


def feedback_file(document: dict, wrong: Mapping[str, str], *, persons: Iterable[str] = (),
                  places: Iterable[str] = (), extra_terms: Iterable[str] = ()) -> bytes:
    """The reviewer's feedback on the tool, redacted, as JSON a team can use to tune its rules.

    `wrong` maps `finding_key` to the reviewer's note on a flag they judged wrong; findings
    dismissed in `document` (see `with_coaching`) are listed with their reasons too. Each
    item names the rule, the flagged words and their sentence, all with names and other
    identifiers replaced (`review.io.redact`).
    """
    marked = copy.deepcopy(document)  # notes go in before redaction, so names in them are replaced too
    for finding in marked["findings"]:
        if finding_key(finding) in wrong:
            finding["wrong"] = {"note": wrong[finding_key(finding)]}
    shared = redact_document(marked, persons=persons, places=places, extra_terms=extra_terms)

    def item(finding: dict, note: str) -> dict:
        return {"rule": finding["rule"], "check": finding["check"], "severity": finding["severity"],
                "message": finding["message"], "flagged": finding.get("match", ""),
                "sentence": (shared["sentences"][finding["sentence"]]["text"]
                             if finding.get("sentence") is not None else None),
                "note": note}

    wrong_flags = [item(f, f["wrong"]["note"]) for f in shared["findings"] if f.get("wrong")]
    dismissed = [item(f, f["dismissed"].get("reason", "")) for f in shared["findings"] if f.get("dismissed")]
    payload = {
        "format": FEEDBACK_FORMAT,
        "created": dt.date.today().isoformat(),
        "report_date": document.get("report_date"),
        "redacted": True,
        "wrong_flags": wrong_flags,
        "dismissed": dismissed,
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class Downloads:
    """The download files of one reviewed report in one coaching state, each built when first asked for.

    `dismissed` and `wrong` map `finding_key` to the reviewer's reason or note; with `redacted`
    the HTML, JSON and .docx are built from `redact_document` (`persons`, `places` and
    `extra_terms` as there). `original` is the .docx the report was read from, if it was: the
    Word download is then that document with comments (a plain one when redacted). The feedback
    file is always redacted. Safe to call from the thread a web server builds a download in.
    """

    def __init__(self, document: dict, *, dismissed: Mapping[str, str] | None = None,
                 wrong: Mapping[str, str] | None = None, redacted: bool = False, persons: Iterable[str] = (),
                 places: Iterable[str] = (), extra_terms: Iterable[str] = (), original: bytes | None = None):
        self.document = document
        self.original = original
        self.dismissed = dict(dismissed or {})
        self.wrong = dict(wrong or {})
        self.redacted = redacted
        self.found = {"persons": list(persons), "places": list(places), "extra_terms": list(extra_terms)}
        self._lock = threading.Lock()

    @cached_property
    def coached(self) -> dict:
        return with_coaching(self.document, self.dismissed)

    @cached_property
    def shared(self) -> dict:
        """The document the HTML, JSON and .docx are built from (redacted when asked)."""
        with self._lock:
            return redact_document(self.coached, **self.found) if self.redacted else self.coached

    def html(self) -> bytes:
        return to_html(self.shared)

    def json(self) -> bytes:
        return to_json(self.shared)

    def docx(self) -> bytes:
        return to_docx(self.shared, original=None if self.redacted else self.original)

    def feedback(self) -> bytes:
        return feedback_file(self.coached, self.wrong, **self.found)
