"""`python -m review.evaluate corpus --check NAME` lists one check's sample cases in the corpus."""

from pathlib import Path

from review.evaluate import corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_check_lists_only_that_checks_cases(capsys, nlp):
    corpus.main([str(CORPUS), "--check", "historic"])
    out = capsys.readouterr().out
    cases = [line for line in out.splitlines() if line.startswith("  ")]
    assert cases, out
    assert all(" historic." in line for line in cases), out
    assert "01-school-mia-before (poor)" in out
    assert "expected | caught" not in out  # the per-check table is not printed
