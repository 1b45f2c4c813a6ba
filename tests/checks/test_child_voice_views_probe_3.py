"""The document-level child_voice result on a third probe (issue 16): 24 short reports, none quoting a child, 12
giving the child's views in the writer's own words and 12 not (tests/data/independent/child_views_probe_3.yaml,
written by a helper who saw only POLICY.md). First measured 12 of 24 (every report giving views without
quotation marks was told no words of the child are given); developed on, 18 of 24, then 22 of 24 (a view the
child holds, "feels that", "was clear that"; what the child wrote, "wrote that"; a pronoun
after a scene-setting "while" clause)."""

import pytest
from case_tables import independent

from review.evaluate.reports import flags_child_voice

REPORTS = independent("child_views_probe_3.yaml")
KNOWN_GAPS = {
    "sw-leo-maisie-neglect": "one child heard, the other only telling facts: the unheard child is only an info note",
    "police-mia-harvey-di-incident": "a report where neither child was spoken to is not flagged",
}


@pytest.mark.parametrize("report", REPORTS, ids=[r["id"] for r in REPORTS])
def test_document_level_child_voice(review_text, report):
    if report["id"] in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[report["id"]])
    document = review_text(report["text"], report_date=report["report_date"])
    assert flags_child_voice(document) is report["child_voice_flag"], report["why"]
