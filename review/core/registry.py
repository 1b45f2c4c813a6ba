"""The registry of checks: each check's name, spaCy component, label, colour and place.

The one list of checks: the pipeline, the JSON summary, the renderings, the page, the audit CSV
and the evaluations all read it. Order here is the order users see; `runs` is pipeline order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckInfo:
    """One check as the rest of the review knows it."""

    name: str  # the `check` of its findings (SPEC.md)
    component: str  # the spaCy factory that runs it
    label: str  # the principle's name shown to users
    colour: str  # its highlight colour in HTML and on the page
    runs: int  # pipeline position: later checks may read what earlier ones set
    scored: bool  # one of the five principle checks of SPEC.md (counted per check, evaluated)
    in_legend: bool  # always offered in a legend, even with no findings


CHECKS: tuple[CheckInfo, ...] = (
    CheckInfo("opinion", "review_opinion", "Fact and opinion", "#f4a6a6", 2, True, True),
    CheckInfo("date", "review_date", "Dates and times", "#f7d08a", 3, True, True),
    CheckInfo("length", "review_length", "Succinct and clear", "#a8d5f2", 1, True, True),
    CheckInfo("child_voice", "review_child_voice", "The child's voice", "#b9e4b0", 5, True, True),
    CheckInfo("historic", "review_historic", "Historic information", "#d3b8f0", 4, True, True),
    # last: reads what the checks above found
    CheckInfo("checklist", "review_checklist", "Policy checklist", "#d9d9d9", 6, False, True),
    # first: the checks after it record nothing in text that is not English
    CheckInfo("language", "review_language", "Language", "#f2c6e0", 0, False, False),
)

SCORED = tuple(info.name for info in CHECKS if info.scored)
IN_LEGEND = tuple(info.name for info in CHECKS if info.in_legend)


def components_in_run_order() -> list[str]:
    """The checks' spaCy component names in the order the pipeline runs them."""
    return [info.component for info in sorted(CHECKS, key=lambda info: info.runs)]
