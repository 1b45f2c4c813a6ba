"""Notes on the whole report said once (review.io.notes), in the HTML output and the Word summary alike."""

from review.io.notes import RESTATED_NOTES, distinct_notes
from review.io.render import cards, render_html
from review.io.word import summary_text


def note(check, rule, message):
    return {"check": check, "rule": rule, "principle": "", "severity": "warning", "start": 0, "end": 0, "match": "",
            "sentence": None, "message": message, "suggestion": "Quote the child.", "rationale": ""}


NO_QUOTE = note("child_voice", "child_voice.no_quote", "No words of the child are quoted anywhere in the report.")
CHILD_WORDS = note("checklist", "checklist.child_words", "The report does not quote what the child said.")
BARRIERS = note("checklist", "checklist.barriers", "The report does not name the barriers to working with the family.")
ON_WORDS = {**note("opinion", "opinion.judgement", "A judgement."), "start": 4, "end": 14, "sentence": 0}


def document(findings):
    return {"id": "r", "text": "Mum neglectful.", "report_date": "2024-03-20", "children": [], "findings": findings,
            "sentences": [{"start": 0, "end": 15, "text": "Mum neglectful."}],
            "summary": {"words": 2, "sentences": 1, "grade": 1.0}}


def test_a_restated_checklist_note_is_given_once_under_both_rules():
    assert RESTATED_NOTES["checklist.child_words"] == "child_voice.no_quote"
    grouped = distinct_notes([ON_WORDS, NO_QUOTE, CHILD_WORDS, BARRIERS])
    assert [(n["rule"], rules) for n, rules in grouped] == [
        ("opinion.judgement", ["opinion.judgement"]),
        ("child_voice.no_quote", ["child_voice.no_quote", "checklist.child_words"]),
        ("checklist.barriers", ["checklist.barriers"])]


def test_html_output_and_word_summary_list_it_once():
    doc = document([ON_WORDS, NO_QUOTE, CHILD_WORDS, BARRIERS])
    assert [i for i, _, _ in cards(doc)] == [0, 1, 3]
    page = render_html([doc])
    assert "Findings (3)" in page and page.count("child_voice.no_quote, checklist.child_words") == 1
    assert "does not quote what the child said" not in page
    summary = summary_text([NO_QUOTE, CHILD_WORDS, BARRIERS], {})
    assert summary.count("quoted anywhere") == 1 and "does not quote what the child said" not in summary
