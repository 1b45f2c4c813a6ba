"""Redaction of names and identifiers in exported feedback (review/redact.py)."""

import json

import pytest

from review.io.redact import Redaction, find_identifiers, redact_document, redact_text


def _redacted(text, **kwargs):
    return redact_text(text, find_identifiers(text, **kwargs)).text


@pytest.mark.parametrize("text,secret,label", [
    ("Call Mum on 07700 900123 after school.", "07700 900123", "Phone number"),
    ("The surgery number is 0161 496 0000.", "0161 496 0000", "Phone number"),
    ("Email jade.hart@example.org for dates.", "jade.hart@example.org", "Email"),
    ("NHS number: 943 476 5919", "943 476 5919", "NHS number"),
    ("His number is 9434765919 on the record.", "9434765919", "NHS number"),
    ("NI number AB 12 34 56 C is on file.", "AB 12 34 56 C", "NI number"),
    ("Child: Leo Hart, DOB 02/03/2023", "02/03/2023", "Date of birth"),
    ("She was born on 4 May 2017 in hospital.", "4 May 2017", "Date of birth"),
    ("The family live at 14 Kestrel Lane, Danesford.", "14 Kestrel Lane, Danesford", "Address"),
    ("Address: Flat 2, Rowan House, Millbrook", "Flat 2, Rowan House, Millbrook", "Address"),
    ("The postcode is DN4 7QT.", "DN4 7QT", "Postcode"),
    ("She joined Thornleigh Primary School in 2021.", "Thornleigh Primary School", "Place"),
])
def test_identifier_is_replaced_by_its_label(text, secret, label):
    result = _redacted(text)
    assert secret not in result
    assert f"[{label}]" in result


@pytest.mark.parametrize("text", [
    "",
    "On 12/03/2024 at 10am I visited the home.",          # an event date is not a date of birth
    "Attendance was 84% between 04/09/2023 and 15/03/2024.",
    "Mum said she had not received the letters.",          # role words are not names
    "The referral number 1234567890 is not an NHS number.",  # fails the modulus-11 check
    "Mia was seen in Year 2 at 3.20pm.",
])
def test_text_without_identifiers_is_unchanged(text):
    assert _redacted(text) == text


def test_children_get_one_label_each_and_family_names_are_hidden():
    text = "Children: Tyler Reid (aged 9) and Amber Reid (aged 14). Amber's brother Tyler is quiet."
    result = _redacted(text, children=["Tyler", "Amber"])
    assert result == ("Children: [Child A] [Family name] (aged 9) and [Child B] [Family name] (aged 14). "
                      "[Child B]'s brother [Child A] is quiet.")


def test_siblings_and_relatives_are_redacted_when_the_model_misses_them():
    # no `persons`: as if the base model found no PERSON entity at all
    text = "Kai's younger sister, Isla (aged 14 months), was asleep. Kai lives with his brother Connor. Isla cried."
    result = _redacted(text, children=["Kai"])
    assert "Isla" not in result and "Connor" not in result
    assert result.count("[Person 1]") == 2  # Isla, both times


def test_other_people_are_numbered_consistently():
    text = "Mother: Jade Hart\nRyan answered the door. Later Jade said Ryan had left. PC Hughes arrived."
    result = _redacted(text, children=["Leo"], persons=["Ryan"])
    assert "Jade" not in result and "Ryan" not in result and "Hughes" not in result
    assert result.count("[Person 1]") == 2  # Jade, both times
    assert result.count("[Person 2]") == 2  # Ryan, both times


def test_extra_terms_are_removed_case_insensitively():
    assert _redacted("The Danesford team met. danesford again.", extra_terms=["Danesford"]) == (
        "The [Redacted] team met. [Redacted] again.")


def test_offsets_move_with_the_redaction():
    text = "Mia Carter said no. Mia cried."
    redacted = redact_text(text, [Redaction(0, 10, "Child A"), Redaction(20, 23, "Child A")])
    assert redacted.text == "[Child A] said no. [Child A] cried."
    said = text.index("said")
    assert redacted.text[redacted.map_start(said):redacted.map_end(said + 4)] == "said"
    # a span that starts or ends inside a redaction widens to the whole label
    assert redacted.text[redacted.map_start(4):redacted.map_end(6)] == "[Child A]"
    assert redacted.map_end(len(text)) == len(redacted.text)


def _document(text, findings, children=("Mia",)):
    sentences = [{"start": 0, "end": text.index(".") + 1, "text": text[:text.index(".") + 1]}]
    return {"id": "mia-carter.docx", "text": text, "report_date": "2024-03-20", "children": list(children),
            "summary": {"words": 5}, "sentences": sentences, "dates": [], "events": [], "checklist": [],
            "quotes": [], "findings": findings}


def test_redacted_document_leaves_no_name_in_any_field():
    text = 'Mia Carter is withdrawn. Mrs Carter said "Mia is fine".'
    start = text.index("withdrawn")
    findings = [
        {"check": "opinion", "rule": "opinion.judgement", "start": start, "end": start + 9, "match": "withdrawn",
         "message": "'withdrawn' about Mia Carter is a judgement.", "suggestion": "Say what Mia did.",
         "sentence": 0},
        {"check": "child_voice", "rule": "child_voice.no_wishes", "start": 0, "end": 0, "match": "",
         "message": "Mia's wishes are missing.", "suggestion": "", "sentence": None},
    ]
    document = _document(text, findings)
    document["quotes"] = [{"start": text.index("Mia is"), "end": text.index("Mia is") + 11, "text": "Mia is fine",
                           "speaker": "Mrs Carter", "speaker_is_child": False}]
    result = redact_document(document)
    flat = repr(result)
    assert "Mia" not in flat and "Carter" not in flat
    assert result["id"] == "report" and result["children"] == ["[Child A]"]
    judged = result["findings"][0]
    assert result["text"][judged["start"]:judged["end"]] == "withdrawn" == judged["match"]
    assert result["findings"][1]["start"] == result["findings"][1]["end"] == 0
    quote = result["quotes"][0]
    assert result["text"][quote["start"]:quote["end"]] == quote["text"] == "[Child A] is fine"
    sentence = result["sentences"][0]
    assert result["text"][sentence["start"]:sentence["end"]] == sentence["text"]
    assert document["text"] == text  # the original is not changed


def test_redacting_a_reviewed_report_keeps_every_offset_consistent(review_text, base_nlp):
    from review.io.redact import entity_names

    text = ("Date of report: 20/03/2024\nChild: Mia Carter, DOB 02/05/2017\nAddress: 14 Kestrel Lane, Danesford\n\n"
            "Mia's attendance is very poor. Mrs Carter appeared drunk one afternoon. "
            "Mia said \"Daddy grabbed me\". Call 07700 900123.")
    document = review_text(text, children=["Mia"])
    result = redact_document(document, persons=entity_names(base_nlp(text)))
    for secret in ("Mia", "Carter", "02/05/2017", "Kestrel", "07700"):
        assert secret not in repr(result)
    for key in ("sentences", "quotes", "dates"):
        for item in result[key]:
            assert result["text"][item["start"]:item["end"]] == item["text"]
    for finding in result["findings"]:
        assert result["text"][finding["start"]:finding["end"]] == finding["match"]
    assert len(result["findings"]) == len(document["findings"])


def test_a_town_named_in_an_address_is_redacted_everywhere():
    text = "Address: 14 Kestrel Lane, Danesford\n\nShe was seen at Danesford General on 11/10/2023."
    result = _redacted(text)
    assert "Danesford" not in result and "Kestrel" not in result
    assert "on 11/10/2023" in result


def test_places_from_the_model_are_redacted_but_not_abbreviations():
    from types import SimpleNamespace

    from review.io.redact import entities

    text = "The family moved from Millbrook. A TAF was held."
    doc = SimpleNamespace(ents=[SimpleNamespace(text="Millbrook", label_="GPE"),
                                SimpleNamespace(text="TAF", label_="GPE")])
    assert _redacted(text, **entities(doc)) == "The family moved from [Place]. A TAF was held."


def test_module_examples_hold():
    import doctest

    import review.io.redact

    assert doctest.testmod(review.io.redact).failed == 0


def test_a_redacted_date_of_birth_keeps_no_value():
    import review

    document = review.analyse("Mia Carter (DOB 02/05/2017) lives with her mother.", report_date="2024-03-20")
    redacted = redact_document(document)
    assert "2017" not in json.dumps(redacted)


def test_an_nhs_number_at_the_end_of_a_sentence_is_redacted():
    text = "NHS number 943 476 5919."
    assert redact_text(text, find_identifiers(text)).text == "NHS number [NHS number]."
