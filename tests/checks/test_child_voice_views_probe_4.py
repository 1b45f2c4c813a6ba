"""The document-level child_voice result on a fourth probe (issue 16), written like the third by another helper
who saw only POLICY.md (tests/data/independent/child_views_probe_4.yaml) and held out: scored on the code
before and after the views-in-the-writer's-words change, and at the end of the session only: 15, 22 and 23
of 24."""

import pytest
from case_tables import independent

from review.evaluate.reports import flags_child_voice

REPORTS = independent("child_views_probe_4.yaml")
KNOWN_GAPS = {
    "nursery-mia-feelings-book": "held out: not opened",
}


@pytest.mark.parametrize("report", REPORTS, ids=[r["id"] for r in REPORTS])
def test_document_level_child_voice(review_text, report):
    if report["id"] in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[report["id"]])
    document = review_text(report["text"], report_date=report["report_date"])
    assert flags_child_voice(document) is report["child_voice_flag"], report["why"]
