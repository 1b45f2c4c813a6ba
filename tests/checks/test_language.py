"""The language check: text that is not English is named, and no other check flags it."""

import pytest
from case_tables import cases, documents

import review.checks.language as language_check
from review.checks.language import EnglishShortcuts, english_stop_word_share, guess_language


@pytest.mark.parametrize("case", cases("language", "must_flag"))
def test_language_flags_a_report_not_in_english(review_text, case):
    document = review_text(case.text, **case.options)
    assert document["summary"]["language"] == case.language
    assert [f["rule"] for f in document["findings"]] == [case.rule]
    assert document["findings"][0]["sentence"] is None  # about the whole report


@pytest.mark.parametrize("case", cases("language", "must_pass"))
def test_language_passes_english_and_text_too_short_to_tell(review_text, case):
    document = review_text(case.text, **case.options)
    assert case.unwanted(f["rule"] for f in document["findings"]) == []
    assert document["summary"]["language"] in ("en", None)


def test_language_paragraph_in_another_language_is_flagged_and_not_reviewed(review_text):
    english = "The mother was neglectful during the visit. The house was dirty and cold."
    polish = "Matka była bardzo zmęczona. Powiedziała, że dziecko nie chodziło do szkoły od tygodnia."
    text = f"{english}\n\n{polish}\n\n{english}"
    document = review_text(text)
    start = text.index(polish)
    end = start + len(polish)
    language = [f for f in document["findings"] if f["check"] == "language"]
    assert [(f["start"], f["end"]) for f in language] == [(start, end)]
    assert "Polish" in language[0]["message"]
    others = [f for f in document["findings"] if f["check"] != "language"]
    assert any(f["start"] < start for f in others) and any(f["start"] >= end for f in others)
    assert not [f for f in others if start <= f["start"] < end]


def test_language_other_checks_record_nothing_for_a_report_not_in_english(review_text):
    # English-looking evaluative words ("chaotic", "neglectful") would be flagged in English text.
    text = ("La casa era un caos total y la madre parecía negligente y muy cansada. "
            "El niño dijo que tenía hambre y que no había comido nada desde ayer por la mañana.")
    document = review_text(text)
    assert {f["check"] for f in document["findings"]} == {"language"}


def test_language_can_be_switched_off_by_a_rules_file(review_text, tmp_path):
    rules = tmp_path / "language.yaml"
    rules.write_text("check: language\nrules:\n  - {id: language.not_english, enabled: false}\n", encoding="utf-8")
    document = review_text(documents("language")["spanish"], rules_path=str(rules))
    assert not [f for f in document["findings"] if f["check"] == "language"]
    assert document["summary"].get("language") is None  # not judged: every text is reviewed


@pytest.mark.parametrize("text, share", [
    ("", 0.0),
    ("the cat", 0.5),
    ("La mère", 0.0),
    ("She was at the door.", 0.8),
])
def test_english_stop_word_share(text, share):
    assert english_stop_word_share(text) == pytest.approx(share)


ENGLISH = EnglishShortcuts(stop_word_share=0.25, common_word_share=0.8, common_word_zipf=3.0)


def test_guess_language_too_short_is_undetermined():
    assert guess_language("Hola", min_letters=12, english=ENGLISH).code == "und"


@pytest.mark.parametrize("text", [
    "Assessment of parenting capacity",
    "SAFEGUARDING TEAM - REPORT TO REVIEW CONFERENCE",
    "Name of young person: Kieran WALSH   Date of birth: 14/03/2012",
    "| Date | Contact | Outcome |",
    "Family support worker, Northfield Early Help Service",
])
def test_guess_language_reads_headings_and_fields_of_common_words_as_english_without_the_detector(
        text, monkeypatch):
    def no_detector():
        raise AssertionError("the detector was loaded for plainly English text")

    monkeypatch.setattr(language_check, "_identifier", no_detector)
    assert guess_language(text, min_letters=12, english=ENGLISH).code == "en"


@pytest.mark.parametrize("text, code", [
    ("El padre dijo que el niño se cayó de la cama y se golpeó la cabeza.", "es"),
    ("La madre ha detto che il bambino non è andato a scuola questa settimana.", "it"),
    ("Informacja o rodzinie: matka, ojciec i dwoje dzieci", "pl"),
])
def test_guess_language_still_asks_the_detector_for_other_languages(text, code):
    assert guess_language(text, min_letters=12, english=ENGLISH).code == code
