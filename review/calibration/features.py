"""What the flag-confidence model reads about each flagged sentence: one definition, used by the
pipeline component and by its training (``review.train.flag_confidence``).

A unit is (check, sentence): every finding of one of the five scored checks that lies on a sentence.
Its features say which rules fired there, what kind of sentence and block it is, and how heavily the
rest of the report is flagged, because the same rule is more often right in a poor report than in a
good one.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from review.core.findings import COUNTED_SEVERITIES
from review.core.registry import SCORED
from review.core.text import sentence_index, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from review.core.findings import Finding

Unit = tuple[str, int]  # (check, sentence index)


def is_counted(finding: "Finding") -> bool:
    """A warning or an error: a finding the reader is asked to act on."""
    return finding.severity in COUNTED_SEVERITIES


def findings_by_unit(doc: "Doc") -> dict[Unit, list["Finding"]]:
    """The scored checks' findings on sentences, grouped by (check, sentence); whole-report
    findings (no sentence) are not units."""
    units: dict[Unit, list] = defaultdict(list)
    for finding in doc._.findings or []:
        if finding.check not in SCORED or finding.on_whole_report:
            continue
        index = sentence_index(doc, finding.start)
        if index is not None:
            units[(finding.check, index)].append(finding)
    return dict(units)


def heading_kind(heading: str | None, heading_kinds: dict[str, list[str]]) -> str:
    """The first kind in `heading_kinds` (kind -> words) whose word the heading contains; ``none``
    outside any heading, ``other`` under a heading of no listed kind."""
    if not heading:
        return "none"
    lowered = heading.lower()
    for kind, words in heading_kinds.items():
        if any(word in lowered for word in words):
            return kind
    return "other"


def unit_features(doc: "Doc", units: dict[Unit, list["Finding"]],
                  heading_kinds: dict[str, list[str]]) -> dict[Unit, dict[str, float]]:
    """Each unit's features (name -> value); `units` is :func:`findings_by_unit` of `doc`."""
    spans = sentences(doc)
    count = max(len(spans), 1)
    structure = doc._.structure
    counted = Counter(f.check for found in units.values() for f in found if is_counted(f))
    all_counted = sum(counted.values())
    checks_on = Counter(index for _, index in units)
    features = {}
    for (check, index), found in units.items():
        span = spans[index]
        block = structure.block_at(span.start_char) if structure is not None else None
        own_counted = sum(is_counted(f) for f in found)
        unit = {("rule=" + f.rule + ("" if is_counted(f) else ":info")): 1.0 for f in found}
        unit.update({
            "words": math.log1p(span._.words or 0),
            "words>35": float((span._.words or 0) > 35),
            "block=" + (block.kind if block else "none"): 1.0,
            "heading=" + heading_kind(block.heading if block else None, heading_kinds): 1.0,
            "check_density": (counted[check] - own_counted) / count * 10,  # the check's other flags per 10 sentences
            "report_density": all_counted / count,  # every check's flags per sentence
            "other_checks": float(checks_on[index] - 1),
            "position": index / count,
            "opinion": span._.opinion or 0.0,  # the sentence model's rating of the writer's words as opinion
        })
        features[(check, index)] = unit
    return features
