"""The document object of SPEC.md: every key, and offsets that index `text` exactly."""

import json

import pytest

DOC_KEYS = {"id", "text", "report_date", "children", "summary", "sentences", "dates", "quotes", "findings"}
SENTENCE_KEYS = {"start", "end", "text", "words", "grade", "opinion", "hedge"}
DATE_KEYS = {"start", "end", "text", "type", "value"}
QUOTE_KEYS = {"start", "end", "text", "speaker", "speaker_is_child"}
FINDING_KEYS = {"check", "rule", "principle", "severity", "start", "end", "sentence", "message", "suggestion"}
CHECKS = {"opinion", "date", "length", "child_voice", "historic", "checklist"}

SAMPLES = [
    "",
    "   \n\n  ",
    "The mother was neglectful during the visit.",
    "Date of report: 20/03/2024\n\nOn 12/03/2024 at 10am I visited the home and Mia (aged 7) said "
    "“I want to stay with my aunt”.\n\nIn 2015 Dad was cautioned. Mum seemed drunk.",
    "Emoji 🙂 and “smart quotes” don’t break offsets 👍🏽.\r\nWindows line endings\r\ntoo.",
]


def check_document(document: dict) -> None:
    assert DOC_KEYS <= document.keys()
    json.dumps(document)  # serialisable as it is
    text = document["text"]
    for sentence in document["sentences"]:
        assert SENTENCE_KEYS <= sentence.keys()
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
        assert 0 <= sentence["opinion"] <= 1
        assert isinstance(sentence["hedge"], bool)
    for date in document["dates"]:
        assert DATE_KEYS <= date.keys()
        assert text[date["start"]:date["end"]] == date["text"]
        assert date["type"] in {"DATE", "TIME", "DURATION", "SET"}
    for quote in document["quotes"]:
        assert QUOTE_KEYS <= quote.keys()
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for finding in document["findings"]:
        assert FINDING_KEYS <= finding.keys()
        assert 0 <= finding["start"] <= finding["end"] <= len(text)
        assert finding["check"] in CHECKS
        assert finding["rule"].startswith(finding["check"] + ".")
        assert finding["severity"] in {"info", "warning", "error"}
        assert finding["message"] and finding["suggestion"]
        if finding["sentence"] is not None:
            sentence = document["sentences"][finding["sentence"]]
            assert sentence["start"] <= finding["start"] <= sentence["end"]


@pytest.mark.parametrize("text", SAMPLES)
def test_document_object_matches_spec(review_text, text):
    check_document(review_text(text))


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_input_has_no_findings(review_text, text):
    document = review_text(text)
    assert document["findings"] == [] and document["sentences"] == []


def test_report_date_given_wins_over_stated(review_text):
    document = review_text("Date of report: 01/02/2024\nMia is well.", report_date="2024-03-20")
    assert document["report_date"] == "2024-03-20"
    assert document["summary"]["report_date_source"] == "given"


def test_report_date_stated_in_text_is_used(review_text):
    document = review_text("Date of report: 01/02/2024\nMia is well.", report_date=None)
    assert document["report_date"] == "2024-02-01"
    assert document["summary"]["report_date_source"] == "stated"


def test_children_given_are_reported(review_text):
    assert review_text("Mia is well.", children=["Mia"])["children"] == ["Mia"]


def test_judgement_flagged_and_observed_fact_passes(review_text):
    flagged = review_text("The mother was neglectful during the visit.")
    assert any(f["check"] == "opinion" for f in flagged["findings"])
    clean = review_text("On 11 March 2024 at 10am I saw Mia in the school office with her class teacher.")
    assert not [f for f in clean["findings"] if f["check"] == "opinion"]


def test_the_package_docstring_example_runs(nlp):
    import doctest

    import review

    assert doctest.testmod(review).failed == 0
