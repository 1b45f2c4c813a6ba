"""The policy checklist: which of the policy's questions a report answers, and where."""

import pytest
from case_tables import cases, documents

from review.checks.checklist import ChecklistCheck

GOOD = documents("checklist")["good"]
QUESTIONS = ["impact", "parents_working", "barriers", "other_investigations", "wishes_feelings",
             "child_words", "circumstances", "how_disclosed", "historic_explained"]


@pytest.fixture
def checklist_of(nlp):
    import datetime as dt

    def run(text, children=None):
        doc = nlp.make_doc(text)
        doc._.report_date = dt.date(2024, 3, 20)
        if children:
            doc._.children = children
        for _, component in nlp.pipeline:
            doc = component(doc)
        if "review_checklist" not in nlp.pipe_names:
            doc = ChecklistCheck()(doc)
        return doc

    return run


def test_checklist_lists_every_question_in_order(checklist_of):
    doc = checklist_of(GOOD)
    assert [entry["question"] for entry in doc._.checklist] == QUESTIONS


def test_answers_point_at_the_sentences_that_give_them(checklist_of):
    from review.core.text import sentences

    doc = checklist_of(GOOD)
    entry = next(e for e in doc._.checklist if e["question"] == "impact")
    assert any("impact on Mia" in sentences(doc)[i].text for i in entry["sentences"])


def entry_of(doc, rule):
    """The checklist entry of the question that `rule` (checklist.<question>) stands for."""
    return next(e for e in doc._.checklist if f"checklist.{e['question']}" == rule)


@pytest.mark.parametrize("case", cases("checklist", "must_flag"))
def test_checklist_must_flag(checklist_of, case):
    doc = checklist_of(case.text)
    assert entry_of(doc, case.rule)["answered"] is False
    assert case.rule in {f.rule for f in doc._.findings}


@pytest.mark.parametrize("case", cases("checklist", "must_pass"))
def test_checklist_must_pass(checklist_of, case):
    doc = checklist_of(case.text)
    asked = [entry_of(doc, case.rule)] if case.rule else doc._.checklist
    assert [e["question"] for e in asked if not e["answered"]] == []
    assert case.unwanted(f.rule for f in doc._.findings) == []


@pytest.mark.parametrize("case", cases("checklist", "unanswered"))
def test_checklist_leaves_unanswered(checklist_of, case):
    assert entry_of(checklist_of(case.text), case.rule)["answered"] is False


def test_a_single_line_gets_no_checklist_findings(checklist_of):
    doc = checklist_of("Mia was late today.")
    assert not [f for f in doc._.findings if f.check == "checklist"]


def test_a_question_added_in_a_user_rules_file_is_answered(tmp_path):
    import datetime as dt

    import yaml

    from review.pipeline import load_pipeline

    question = {"id": "checklist.plan", "severity": "info", "message": "The report does not give the plan.",
                "suggestion": "Say what happens next.", "rationale": "What is the plan?",
                "evidence": {"kind": "phrases", "lexicons": ["plan_words"]}}
    path = tmp_path / "checklist.yaml"
    path.write_text(yaml.safe_dump({"check": "checklist", "rules": [question],
                                    "lexicons": {"plan_words": ["the plan is", "next steps"]}}), encoding="utf-8")
    nlp = load_pipeline(str(path))

    def entry(text):
        doc = nlp.make_doc(text)
        doc._.report_date = dt.date(2024, 3, 20)
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc, next(e for e in doc._.checklist if e["question"] == "plan")

    doc, plan = entry(GOOD + "The plan is a review meeting on 27/03/2024.\n")
    assert plan["answered"] is True and plan["text"] == "What is the plan?"
    from review.core.text import sentences

    answers = [sentences(doc)[i].text.strip() for i in plan["sentences"]]
    assert answers == ["The plan is a review meeting on 27/03/2024."]
    assert [e["question"] for e in doc._.checklist] == QUESTIONS + ["plan"]
    doc, plan = entry(GOOD)
    assert plan["answered"] is False
    assert "checklist.plan" in {f.rule for f in doc._.findings}
