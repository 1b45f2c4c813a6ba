"""The language check: text that is not English is named, and no other check flags it."""

import pytest

from review.checks.language import english_stop_word_share, guess_language

MUST_FLAG = [
    ("fr", "La mère a dit que l'enfant était malade depuis trois jours. Elle pleurait beaucoup."),
    ("es", "La madre dijo que el niño no había ido a la escuela esta semana porque estaba enfermo."),
    ("pl", "Matka powiedziała, że dziecko nie chodziło do szkoły od tygodnia."),
    ("ro", "Mama a spus că copilul nu a mers la școală săptămâna aceasta."),
    ("cy", "Dywedodd y fam nad oedd y plentyn wedi bod yn yr ysgol yr wythnos hon."),
    ("ur", "ماں نے کہا کہ بچہ اس ہفتے اسکول نہیں گیا۔"),
    ("ar", "قالت الأم إن الطفل لم يذهب إلى المدرسة هذا الأسبوع."),
    ("zh", "母亲说孩子这周没有去上学。她说他生病了，一直在家里睡觉，没有吃东西。"),
]

MUST_PASS = [
    "",
    "Home visit 11/03/2024",
    "Late 9 times",
    "Referral to CSC made.",
    "Attendance 82% this term",
    "DOB: 12/04/2016. NHS no. 123 456 7890. GP: Dr Patel, Riverside Surgery.",
    "Leo was weighed at clinic; weight 7.2kg (25th centile).",
    "PC 1234 attended the address at 23:40 following a 999 call from a neighbour.",
    'Kasia said "Tata mnie bije" (Dad hits me), translated by the interpreter.',
    "Mia said “Mummy shouts at me and I hide under the bed.”",
    "Bonjour",
]


@pytest.mark.parametrize("code, text", MUST_FLAG)
def test_language_flags_a_report_not_in_english(review_text, code, text):
    document = review_text(text)
    assert document["summary"]["language"] == code
    assert [f["rule"] for f in document["findings"]] == ["language.not_english"]
    assert document["findings"][0]["sentence"] is None  # about the whole report


@pytest.mark.parametrize("text", MUST_PASS)
def test_language_passes_english_and_text_too_short_to_tell(review_text, text):
    document = review_text(text)
    assert not [f for f in document["findings"] if f["check"] == "language"]
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
    document = review_text(MUST_FLAG[1][1], rules_path=str(rules))
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


def test_guess_language_too_short_is_undetermined():
    assert guess_language("Hola", min_letters=12, stop_word_share=0.25).code == "und"
