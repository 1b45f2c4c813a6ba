"""The document-level child_voice result on three probes of 24 whole reports each (issue 16), each written by a
helper who never saw the code (tests/data/independent/child_views_probe_{2,3,4}.yaml): is the report told that
it fails to give the child's voice exactly when a practitioner would say so?

- probe 2: held out while the first probe's patterns were fixed; 20 of 24 right before that work, 22 after.
- probe 3: none quoting a child, 12 giving the child's views in the writer's words and 12 not; first measured
  12 of 24 (11 of the 12 reports giving views without quotation marks were told no words of the child are
  given); developed on, 18 of 24, then 22 (a view the child holds, "feels that", "was clear that"; what the
  child wrote, "wrote that"; a pronoun after a scene-setting "while" clause).
- probe 4: written like probe 3 by another helper and held out: scored before and after the
  views-in-the-writer's-words change and at the end of that session only: 15, 22 and 23 of 24."""

import pytest
from case_tables import independent

from review.evaluate.reports import flags_child_voice

PROBES = ("child_views_probe_2.yaml", "child_views_probe_3.yaml", "child_views_probe_4.yaml")
KNOWN_GAPS = {
    ("child_views_probe_2.yaml", "adultsm-morley"):
        "an adult service's report with only the parent's summary of the child is not flagged",
    ("child_views_probe_3.yaml", "sw-leo-maisie-neglect"):
        "one child heard, the other only telling facts: the unheard child is only an info note",
    ("child_views_probe_3.yaml", "police-mia-harvey-di-incident"):
        "a report where neither child was spoken to is not flagged",
    ("child_views_probe_4.yaml", "nursery-mia-feelings-book"): "held out: not opened",
}
CASES = [(probe, report) for probe in PROBES for report in independent(probe)]


@pytest.mark.parametrize("probe, report", CASES, ids=[f"{p.removesuffix('.yaml')}-{r['id']}" for p, r in CASES])
def test_document_level_child_voice(review_text, probe, report):
    if (probe, report["id"]) in KNOWN_GAPS:
        pytest.xfail(KNOWN_GAPS[probe, report["id"]])
    document = review_text(report["text"], report_date=report["report_date"])
    assert flags_child_voice(document) is report["child_voice_flag"], report["why"]
