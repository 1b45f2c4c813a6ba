"""The review pipeline is built once per rules path, however the path is passed."""

import review
from review.pipeline import load_pipeline


def test_the_default_pipeline_is_one_object_however_it_is_asked_for():
    assert load_pipeline() is load_pipeline(None) is load_pipeline(rules_path=None) is review.load_pipeline()


def test_a_review_after_loading_the_default_pipeline_uses_that_pipeline(monkeypatch):
    nlp = load_pipeline()
    seen = []
    original = type(nlp).__call__
    monkeypatch.setattr(type(nlp), "__call__", lambda self, doc, **kw: (seen.append(self), original(self, doc, **kw))[1])
    review.analyse_doc("The mother was neglectful.", report_date="2024-03-20")
    assert seen == [nlp]
