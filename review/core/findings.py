"""One finding type, kept in one place on the Doc: ``doc._.findings``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.core.schema import SEVERITIES
from review.core.text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from review.core.rules import CheckRules, Rule

__all__ = ["COUNTED_SEVERITIES", "SEVERITIES", "Finding", "add_finding", "is_allowed", "is_unreviewed"]

# The severities a reader is asked to act on (info is a note): what evaluation counts and the flag-confidence stage weighs.
COUNTED_SEVERITIES = ("warning", "error")


@dataclass(frozen=True)
class Finding:
    """One piece of feedback on a span of the text (``start == end == 0`` for the whole report)."""

    check: str
    rule: str
    principle: str
    severity: str
    start: int
    end: int
    message: str
    suggestion: str
    why: str = ""
    kind: str | None = None
    rationale: str = ""
    match: str = ""
    confidence: float | None = None  # how likely a practitioner agrees with it (review.calibration), where measured
    rule_severity: str | None = None  # the rule's own severity, where the flag-confidence stage changed it

    @property
    def on_whole_report(self) -> bool:
        """A finding about the report as a whole: no span and no flagged words, so no sentence."""
        return self.start == self.end == 0 and self.match == ""


class _KeepMissing(dict):
    """Leaves an unknown ``{placeholder}`` in a message as it is instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# The date in a suggestion's example when the report's date is unknown (a Doc not run through the pipeline).
FALLBACK_EXAMPLE_DATE = "12/03/2024"


def example_date(doc: "Doc") -> str:
    """The report's own date as a UK numeric date (20/03/2024), for ``{example_date}`` in a suggestion's
    example, so the example reads like the report it is about."""
    report_date = doc._.report_date
    return report_date.strftime("%d/%m/%Y") if report_date else FALLBACK_EXAMPLE_DATE


def _fill(template: str, values: dict) -> str:
    return template.format_map(_KeepMissing(values))


def is_allowed(check_rules: "CheckRules", text: str) -> bool:
    """True when `text` contains a phrase on the check's allow-list (never flagged)."""
    lowered = text.lower()
    return any(phrase.lower() in lowered for phrase in check_rules.allow)


def is_unreviewed(doc: "Doc", start: int, end: int) -> bool:
    """True when ``[start, end)`` lies in text not reviewed as English (``doc._.unreviewed``,
    set by the language check); a whole-report finding (0, 0) only when all the text is."""
    ranges = doc._.unreviewed
    if not ranges:
        return False
    if start == end == 0:
        return tuple(ranges[0]) == (0, len(doc_text(doc)))
    return any(low <= start and end <= high for low, high in ranges)


def is_form_text(doc: "Doc", start: int, end: int) -> bool:
    """True when ``[start, end)`` lies in a form's printed words (a `form` block): a tick-box option ("[ ] Missing from
    home", "[X] Domestic abuse") or a question answered on its line ("Are parents aware of this referral?  Yes"),
    not the writer's, so no check reviews them."""
    structure = doc._.structure
    block = structure.block_at(start) if structure is not None and start < end else None
    return block is not None and block.kind == "form" and end <= block.end


def add_finding(
    doc: "Doc",
    rule: "Rule",
    start: int,
    end: int,
    *,
    why: str = "",
    kind: str | None = None,
    allow: "CheckRules | None" = None,
    **format_args,
) -> Finding | None:
    """Record a finding of `rule` on ``doc.text[start:end]``; returns it, or None if skipped.

    The rule's message and suggestion may hold ``{placeholders}``; ``{match}`` is always the
    flagged text and ``{example_date}`` the report's date. A disabled rule, or flagged text
    containing a phrase on the allow-list of `allow`, records nothing.
    """
    if not rule.enabled or (rule.check != "language" and is_unreviewed(doc, start, end)) or (
            is_form_text(doc, start, end)):
        return None
    match = doc_text(doc)[start:end]
    if allow is not None and match and is_allowed(allow, match):
        return None
    values = {"match": match, "example_date": example_date(doc), **format_args}
    finding = Finding(
        check=rule.check,
        rule=rule.id,
        principle=rule.principle,
        severity=rule.severity,
        start=start,
        end=end,
        message=_fill(rule.message, values),
        suggestion=_fill(rule.suggestion, values),
        why=_fill(why, values),
        kind=kind,
        rationale=rule.rationale,
        match=match,
    )
    doc._.findings.append(finding)
    return finding
