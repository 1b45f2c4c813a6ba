"""Babies and toddlers in reports written largely as clinical or log notes
(tests/data/independent/baby_note_observations.yaml, written by a helper who saw only POLICY.md): a child a
professional saw, noted in verbless lines that name them ("14:10 Pt Ruby, alert, pink, crying"), must not be told
nothing is seen of them; a child nobody saw must be. Measured blind on 2026-12-04: 15 of 24 on the session's first
code, 13 on the code before the note reading, 15 with it; the misses are strict xfails."""

from pathlib import Path

import pytest
import yaml

REPORTS = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "independent" /
                          "baby_note_observations.yaml").read_text(encoding="utf-8"))
# Nobody saw the child, and the review takes the notes about the home, the adults or a sibling, or a parent's word
# ("Mum says he is fine"), for what was seen of them.
NOT_OBSERVED_MISSED = {"bn02", "bn05", "bn08", "bn10", "bn13", "bn16", "bn21", "bn24"}
# Seen, but the note's observations are not linked to the baby.
OBSERVED_MISSED = {"bn04"}


def _cases() -> list:
    cases = []
    for report in REPORTS:
        reason = ("told observed when nobody saw the child" if report["id"] in NOT_OBSERVED_MISSED else
                  "told unobserved although seen" if report["id"] in OBSERVED_MISSED else None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(report, id=report["id"], marks=marks))
    return cases


@pytest.mark.parametrize("report", _cases())
def test_a_child_is_told_unobserved_only_when_nobody_saw_them(review_text, report):
    result = review_text(report["text"], report_date=report["report_date"], children=report["children"])
    unobserved = any(f["rule"] == "child_voice.not_observed" for f in result["findings"])
    assert unobserved == (not report["observed"]), report["why"]
