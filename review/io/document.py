"""The document object of the contract (SPEC.md): a reviewed Doc as plain JSON-ready data."""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.tokens import Doc

from review.core.findings import SEVERITIES
from review.core.registry import SCORED
from review.core.text import doc_text, sentence_index, sentences

CHECK_ORDER = SCORED


def _plain(value):
    """Dataclasses, dates and containers as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _finding_order(finding) -> tuple:
    return (finding.start, finding.end, -SEVERITIES.index(finding.severity), finding.rule)


def document_object(doc: Doc, doc_id) -> dict:
    """The SPEC.md document object for a reviewed Doc; offsets index ``doc_text(doc)`` exactly."""
    sents = sentences(doc)
    structure = doc._.structure
    findings = []
    for finding in sorted(doc._.findings, key=_finding_order):
        item = _plain(finding)
        whole_document = finding.on_whole_report
        item["sentence"] = None if whole_document else sentence_index(doc, finding.start)
        item["section"] = None if whole_document or structure is None else structure.section_of(finding.start)
        findings.append(item)
    per_check = Counter(f.check for f in doc._.findings)
    summary = {
        "words": 0,
        "sentences": len(sents),
        "grade": None,
        **_plain(doc._.summary or {}),
        "findings": len(findings),
        "findings_by_check": {check: per_check.get(check, 0) for check in
                              [*CHECK_ORDER, *sorted(set(per_check) - set(CHECK_ORDER))]},
        "report_date_source": doc._.report_date_source,
        "children_source": doc._.children_source,
        "header_fields": _plain(structure.fields) if structure else [],
    }
    return {
        "id": doc_id,
        "text": doc_text(doc),
        "report_date": doc._.report_date.isoformat(),
        "children": list(doc._.children or []),
        "summary": summary,
        "sentences": [
            {
                "start": s.start_char,
                "end": s.end_char,
                "text": s.text,
                "words": s._.words,
                "grade": s._.grade,
                "opinion": s._.opinion,
                "hedge": s._.hedge,
            }
            for s in sents
        ],
        "dates": _plain(doc._.dates or []),
        "events": _plain(doc._.events or []),
        "quotes": _plain(doc._.quotes or []),
        "communications": _plain(doc._.child_voice.communications if doc._.child_voice else []),
        "checklist": _plain(doc._.checklist or []),
        "blocks": _plain(structure.blocks) if structure else [],
        "findings": findings,
    }
