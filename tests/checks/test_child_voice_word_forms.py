"""The child's words in less usual forms, on passages written by the developer for these tests (other
words and names than data/voice-forms): after a colon with no quotation marks, in a table column headed
as the child's words, under a short form of the child's name, and signs placed on an occasion."""

import pytest

HEADER = "Child: {name}    Age: 10\nDate of report: 02/03/2026\nAuthor: Family Support Worker\n\n"
BODY = ("Background\nThe family moved to the area in 2025. The school reports good attendance this term. "
        "Mum attends the parenting group every week and says it helps.\n\n")


def document_warnings(review_text, text):
    result = review_text(text, report_date="2026-03-02")
    return [f["rule"] for f in result["findings"] if f["check"] == "child_voice" and f["start"] == f["end"] == 0
            and f["severity"] == "warning"]


@pytest.mark.parametrize("views", [
    "Asked on 20 February what she wanted, Priya said: to see Grandad at weekends and a lock on the bathroom door.",
    "At our session on 20 February she wrote on her worksheet:\n\nI want Dad to stop shouting and I want my own room.",
])
def test_the_childs_words_after_a_colon_are_her_words(review_text, views):
    text = HEADER.format(name="Priya Shah") + BODY + "Priya's views\n" + views + "\n"
    assert "child_voice.no_quote" not in document_warnings(review_text, text)


def test_words_after_an_adults_colon_are_not_the_childs(review_text):
    text = HEADER.format(name="Priya Shah") + BODY + "Views\nOn 20 February Mum said: things are calmer at home now.\n"
    assert "child_voice.no_quote" in document_warnings(review_text, text)


def test_a_column_headed_as_the_childs_words_gives_them_to_her(review_text):
    text = HEADER.format(name="Priya Shah") + BODY + (
        "Record\nDate | Where | What Priya said\n"
        "12/02/2026 | school office | \"I don't want to go to Dad's this weekend\"\n"
        "19/02/2026 | home visit | \"Mum cries when she thinks I'm asleep\"\n")
    assert document_warnings(review_text, text) == []


def test_a_short_form_of_the_childs_name_is_the_child(review_text):
    text = HEADER.format(name="Nathaniel Ross") + BODY + (
        "What Nathan told me\nOn 20 February at school, in the library, Nathan said \"I sleep on the sofa most nights.\"\n")
    assert document_warnings(review_text, text) == []


def test_signs_on_a_stated_occasion_count_as_the_child_heard(review_text):
    text = HEADER.format(name="Tomasz Nowak") + BODY.replace("Mum", "Dad") + (
        "Communication\nTomasz uses Makaton and a PECS book. On 20 February 2026 in nursery Tomasz signed "
        "FINISH and pushed the PECS card for home away.\n")
    assert "child_voice.no_wishes" not in document_warnings(review_text, text)
