"""Reports about babies (and unborn babies) that do or do not record what was seen of the baby, written
by a helper who saw only POLICY.md (data/baby-obs, development; data/baby-obs-2, held out, when present).
A baby observed must not be told nothing is seen of them; a baby not observed must be."""

import pytest
from case_tables import gold_reports

HELD_OUT = "held out (data/baby-obs-2): wrong before and after the baby-observation work; not diagnosed"
KNOWN_GAPS = {name: HELD_OUT for name in ("Z02-health-visitor.txt", "Z03-gp.txt", "Z06-infant-feeding.txt",
                                          "Z08-social-worker.txt", "Z10-police.txt", "Z15-midwife.txt")}


@pytest.mark.parametrize("path, gold", gold_reports(("baby-obs", "baby-obs-2"), KNOWN_GAPS))
def test_a_baby_is_told_unobserved_only_when_nothing_seen_of_them_is_recorded(review_text, path, gold):
    result = review_text(path.read_text(encoding="utf-8"), report_date=gold["report_date"])
    warnings = [f["rule"] for f in result["findings"] if f["check"] == "child_voice" and f["start"] == f["end"] == 0
                and f["severity"] == "warning"]
    if gold["observed"]:
        assert warnings == []
    else:
        assert "child_voice.not_observed" in warnings


@pytest.mark.parametrize("text, observed", [
    # developer-written: note-style lines under a heading naming the baby
    ("Child: Isla Grant, DOB 01/01/2024 (4 months)\nDate of report: 14/05/2024\nAuthor: Health Visitor\n\n"
     "Visits\nHome visit 02/05/2024 with Ms Grant.\n\nIsla - review 02/05/2024\nWeight 6.4kg, 50th centile.\n"
     "Alert and smiling, good head control.\n\nPlan\nMonthly visits.\n", True),
    ("Child: Unborn baby of Jo Reid (planned name Alfie Reid)\nEstimated date of delivery: 30/06/2024\n"
     "Date of report: 14/05/2024\nAuthor: Midwife\n\nAntenatal care\nJo booked at 20 weeks. "
     "The growth scan on 02/05/2024 showed the baby on the 40th centile.\n\nPlan\nFortnightly appointments.\n", True),
    ("Child: Unborn baby of Jo Reid (planned name Alfie Reid)\nEstimated date of delivery: 30/06/2024\n"
     "Date of report: 14/05/2024\nAuthor: Midwife\n\nAntenatal care\nJo booked at 20 weeks. "
     "She has missed her growth scan and two appointments.\n\nPlan\nFortnightly appointments.\n", False),
])
def test_note_style_and_antenatal_observations(review_text, text, observed):
    result = review_text(text, report_date="2024-05-14")
    unobserved = any(f["rule"] == "child_voice.not_observed" for f in result["findings"])
    assert unobserved == (not observed)
