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


@pytest.mark.parametrize("views", [
    "When I saw her at school on 18 February she told me that she loves her weekends at Grandad's and wants "
    "to stay there more.",
    "Priya explained to me in the car after contact that she feels safer when Dad is not at home.",
    "She has said to her teacher more than once that she would like to live with her aunt.",
])
def test_wishes_told_in_the_writers_words_are_her_views(review_text, views):
    """The child's wishes and feelings reported as she told them: her views, so no report-level warning, only
    a note that none of her own words are quoted."""
    text = HEADER.format(name="Priya Shah") + BODY + "Priya's views\n" + views + "\n"
    result = review_text(text, report_date="2026-03-02")
    assert "child_voice.no_quote" not in document_warnings(review_text, text)
    assert "child_voice.views_not_quoted" in {f["rule"] for f in result["findings"] if f["severity"] == "info"}


@pytest.mark.parametrize("not_views", [
    "On 18 February Priya told me that she had walked to school on her own.",      # a fact she told, no view
    "Mum says Priya loves her weekends at Grandad's and wants to stay there more.",  # an adult's account
    "Staff noticed that Priya was tearful at lunch on 18 February.",                 # others saw a feeling
])
def test_told_facts_and_adults_accounts_are_not_her_views(review_text, not_views):
    text = HEADER.format(name="Priya Shah") + BODY + "Priya's views\n" + not_views + "\n"
    assert "child_voice.no_quote" in document_warnings(review_text, text)


@pytest.mark.parametrize("absent", [
    "Priya has missed three appointments with the school nurse this term.",
    "She missed two days of school after half term and one session at the youth club.",
])
def test_missing_an_appointment_is_not_a_wish(review_text, absent):
    """"missed two appointments" is an absence, not the child missing someone: no wishes and feelings."""
    text = HEADER.format(name="Priya Shah") + BODY + "Priya\n" + absent + "\n"
    assert "child_voice.no_wishes" in document_warnings(review_text, text)


def test_missing_a_person_is_a_feeling(review_text):
    text = HEADER.format(name="Priya Shah") + BODY + "Priya\nPriya told me on 18 February that she misses her dad.\n"
    assert "child_voice.no_wishes" not in document_warnings(review_text, text)


def test_a_wish_that_only_names_a_thing_is_not_a_wish(review_text):
    """"takes you to what he wants": a free relative names a thing by the wish, it says nothing he wishes."""
    text = HEADER.format(name="Priya Shah") + BODY + (
        "Priya's views\nPriya points to whatever she likes on the shelf. At snack time she reaches for what she "
        "wants. She told me on 18 February that the bus was late.\n")
    assert "child_voice.no_quote" in document_warnings(review_text, text)


@pytest.mark.parametrize("supposed", [
    "I think Priya would want to stay with her mum and would be upset to move schools.",
    pytest.param("Priya would probably prefer not to go to contact; she does not seem to be worried about Dad.",
                 marks=pytest.mark.xfail(strict=True, reason="'would prefer' states a wish; the hedge 'probably' "
                                                             "that makes it a supposition is not read")),
    "She does not appear to be frightened of anyone at home.",
])
def test_wishes_the_writer_supposes_are_not_her_views(review_text, supposed):
    """"would want", "would be upset" (a modal supposing a wish, unlike "would like") and a feeling under
    "appear"/"seem" are the writer's reading of the child, even under a heading of her views."""
    text = HEADER.format(name="Priya Shah") + BODY + "Priya's wishes and feelings\n" + supposed + "\n"
    assert "child_voice.no_quote" in document_warnings(review_text, text)


def test_wishes_set_down_under_her_heading_are_her_views(review_text):
    text = HEADER.format(name="Priya Shah") + BODY + (
        "Priya's wishes and feelings\nPriya would like to see her dad at the weekends. She wants her own bedroom "
        "and feels happier now that the shouting has stopped.\n")
    assert "child_voice.no_quote" not in document_warnings(review_text, text)
