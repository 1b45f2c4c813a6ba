"""The policy checklist: which of the policy's questions a report answers, and where."""

import pytest

from review.checks.checklist import ChecklistCheck

GOOD = (
    "Date of report: 20/03/2024\n"
    "Child: Mia Carter (aged 7)\n\n"
    "The impact on Mia is that she is tired and hungry in lessons.\n\n"
    "Mrs Carter came to a meeting on 14/03/2024 and we agreed that Mia would come to breakfast club.\n\n"
    "Mr Carter has not replied to my letters. This is a barrier: we cannot talk with him.\n\n"
    "The police investigation is ongoing.\n\n"
    "On 13/03/2024 at 1.30pm I met Mia in the quiet room with her teacher. When I asked what she "
    'would like to change, she said, "I want breakfast at home."\n\n'
    "In June 2021 the school referred the family. I include this because the same pattern is back.\n"
)
POOR = (
    "Date of report: 20/03/2024\n"
    "Child: Mia Carter (aged 7)\n\n"
    "Mia's attendance is poor. Mum does not seem to think school is important. "
    "Mia often comes to school in the same clothes. Staff are worried. "
    "The family did not engage with the TAF.\n"
)
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


def test_good_report_answers_every_question(checklist_of):
    doc = checklist_of(GOOD)
    unanswered = [e["question"] for e in doc._.checklist if not e["answered"]]
    assert unanswered == []
    assert not [f for f in doc._.findings if f.check == "checklist"]


def test_answers_point_at_the_sentences_that_give_them(checklist_of):
    from review.core.text import sentences

    doc = checklist_of(GOOD)
    entry = next(e for e in doc._.checklist if e["question"] == "impact")
    assert any("impact on Mia" in sentences(doc)[i].text for i in entry["sentences"])


@pytest.mark.parametrize("question", ["impact", "barriers", "other_investigations", "wishes_feelings",
                                      "child_words", "circumstances", "how_disclosed"])
def test_poor_report_leaves_questions_unanswered(checklist_of, question):
    doc = checklist_of(POOR)
    entry = next(e for e in doc._.checklist if e["question"] == question)
    assert entry["answered"] is False
    assert f"checklist.{question}" in {f.rule for f in doc._.findings}


def test_parents_working_is_answered_by_a_report_of_non_engagement(checklist_of):
    doc = checklist_of(POOR)
    assert next(e for e in doc._.checklist if e["question"] == "parents_working")["answered"] is True


@pytest.mark.parametrize(
    "text",
    [
        "Amber was subject to a s47 in 2017.",  # a past enquiry is not an ongoing one
        "The police investigation ended in 2019.",
    ],
)
def test_past_investigations_do_not_answer_other_investigations(checklist_of, text):
    doc = checklist_of(text)
    assert next(e for e in doc._.checklist if e["question"] == "other_investigations")["answered"] is False


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
