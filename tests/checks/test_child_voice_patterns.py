"""child_voice patterns from issue 16 (the child-views probe), each tested on sentences written for these
tests, not the probe's: a child known by another name or initials, "YP" without an article, a section
headed as the child's words, another person's account of a baby, and a household header's adult."""

import pytest

from review.nlp.children import child_known_as


def doc_level(result):
    return sorted(f["rule"] for f in result["findings"]
                  if f["check"] == "child_voice" and f["sentence"] is None and f["severity"] != "info")


def speakers(result):
    return [(q["text"], q["speaker"], q["speaker_is_child"]) for q in result["quotes"]]


HEADER = "Report to Review Conference\nDate of report: 04/03/2025\nAuthor: Sam Okoro, Family Support Worker\n\n"
FILLER = ("Background\nThe family moved to Hatherley in 2023. The house is warm and tidy. Rent is up to date. "
          "The plan has eight actions. Six are complete.\n\n")


def test_child_known_as_in_brackets_or_initials():
    text = ('Child: Theodore Grant ("Teddy"), DOB 02/02/2016\nSibling: Ruth Grant (RG), aged 9\n'
            "Leonard Price, known as Leo, is 4.\nMia Carter (Year 3) and Ava (aged 7)")
    known = child_known_as(text, ["Theodore", "Ruth", "Leonard", "Mia", "Ava"])
    assert known == {"teddy": "Theodore", "rg": "Ruth", "leo": "Leonard"}


@pytest.mark.parametrize("text, known_as", [
    ('Children: Dominic "Dom" Fletcher, DOB 04/04/2015', {"dom": "Dominic"}),
    ("Young person: Alexandra ‘Lexi’ Moore (14)", {"lexi": "Alexandra"}),
    ("Sibling: Thomas 'TJ' Okoro, aged 6", {"tj": "Thomas"}),
    ('Dominic said "No" quietly.', {}),  # a quoted word after the name is his words, not a name
    ('Asked what he wanted, Dominic said "Mum".', {}),
])
def test_child_known_as_in_quotation_marks_between_first_name_and_surname(text, known_as):
    # Written for this test: a nickname in quotation marks with a surname after it.
    assert child_known_as(text, ["Dominic", "Alexandra", "Thomas"]) == known_as


def test_quote_of_a_child_by_their_initials_is_the_childs(review_text):
    text = (HEADER + "Young person: Marcus Webb (MW), DOB 11/11/2009\n\n" + FILLER +
            "Views\nAt the youth centre on 20/02/2025 MW told me, \"I want to stay at my nan's, it's quiet there.\"\n")
    result = review_text(text)
    assert result["children"] == ["Marcus"]
    assert [s[1:] for s in speakers(result)] == [("MW", True)]
    assert doc_level(result) == []


def test_yp_without_an_article_is_the_child(review_text):
    text = (HEADER + "Young person: Jodie Marsh, DOB 05/05/2010\n\n" + FILLER +
            "Session notes\nOn 12/02/2025 at clinic YP said: 'I feel better when I'm at my dad's.'\n")
    result = review_text(text)
    assert [s[1:] for s in speakers(result)] == [("YP", True)]
    assert doc_level(result) == []


def test_unattributed_quotes_under_a_heading_of_the_childs_words(review_text):
    text = (HEADER + "Child: Owen Pryce, DOB 09/09/2015\n\n" + FILLER +
            "In Owen's words\nFrom my visit to school on 18/02/2025, Owen and me in the library:\n"
            '- "Home is better since Dad stopped drinking."\n- "I want to go to football on Saturdays."\n')
    result = review_text(text)
    assert [s[1:] for s in speakers(result)] == [("Owen", True), ("Owen", True)]
    assert doc_level(result) == []


def test_unattributed_quote_under_another_heading_stays_unattributed(review_text):
    text = (HEADER + "Child: Owen Pryce, DOB 09/09/2015\n\n" + FILLER +
            "Mother's views\nFrom my visit on 18/02/2025:\n- \"I am doing my best with him.\"\n")
    result = review_text(text)
    assert [q["speaker_is_child"] for q in result["quotes"]] == [False]


def test_pronoun_in_a_voice_section_is_the_child_not_the_role_named_before(review_text):
    text = (HEADER + "Child: Hannah Reed, DOB 03/03/2013\n\nFamily\nHannah lives with her mother and stepfather.\n\n" +
            FILLER + "What Hannah told us\nI met Hannah at school on 21/02/2025. Her tutor, Jordan Ellis, sat in with "
            "us. She said she wants to keep seeing her grandad and she is frightened when her stepfather "
            "drinks.\n")
    result = review_text(text)
    assert "child_voice.no_wishes" not in doc_level(result)


def test_pronoun_in_a_voice_section_keeps_an_adult_subject_of_its_sentence(review_text):
    text = (HEADER + "Child: Hannah Reed, DOB 03/03/2013\n\nFamily\nHannah lives with her mother.\n\n" + FILLER +
            "Voice of the child\nOn 21/02/2025 Hannah's mother said she \"can't cope with the shouting\".\n")
    result = review_text(text)
    [quote] = result["quotes"]
    assert quote["speaker_is_child"] is False


def test_another_persons_account_of_a_baby_is_not_an_observation(review_text):
    text = ("Child: Esme Cole, DOB 01/01/2025 (9 weeks)\nDate of report: 10/03/2025\n\n"
            "Contacts\nTwo clinic appointments were missed, on 05/02/2025 and 19/02/2025. I spoke to Ms Cole by "
            "phone on 26/02/2025. Ms Cole says Esme sleeps well and is feeding every three hours. No weight has "
            "been recorded since birth. A home visit is booked.\n")
    assert "child_voice.not_observed" in doc_level(review_text(text, report_date="2025-03-10"))


def test_an_observation_of_a_baby_by_the_writer_still_counts(review_text):
    text = ("Child: Esme Cole, DOB 01/01/2025 (9 weeks)\nDate of report: 10/03/2025\n\n"
            "Contacts\nTwo clinic appointments were missed, on 05/02/2025 and 19/02/2025. I visited on "
            "26/02/2025. Esme settled in her mother's arms and fed well from a bottle. No weight has "
            "been recorded since birth. A home visit is booked.\n")
    assert "child_voice.not_observed" not in doc_level(review_text(text, report_date="2025-03-10"))


def test_household_header_adult_is_not_a_child(review_text):
    text = ("Household: Mr Ian Holt, Mrs Dee Holt and daughter Freya Holt (10)\nDate of report: 04/03/2025\n\n"
            "Freya attends Moorside School. Mrs Holt works nights.\n")
    assert review_text(text)["children"] == ["Freya"]


def test_what_a_child_will_or_can_do_is_no_communication(review_text):
    text = (HEADER + "Child: Rory Dunn, DOB 04/04/2020\n\n" + FILLER +
            "Rory's communication\nRory has very few words. He can point to pictures of food and he will take an "
            "adult's hand to get a drink. Nursery say he is settled.\n")
    result = review_text(text)
    assert result["communications"] == []
    assert "child_voice.no_quote" in doc_level(result)


def test_pronoun_in_a_voice_section_after_an_adult_main_subject_is_the_adult(review_text):
    text = (HEADER + "Child: Leo Barnes, DOB 07/07/2016\n\nFamily\nLeo lives with his father.\n\n" + FILLER +
            "What Leo said on 03/02/2025\nMr Shaw, his class teacher, was with Leo in the library. He asked, "
            "\"Where did the scratch come from?\" Leo said, \"I fell off the wall.\"\n")
    quotes = {q["text"]: q["speaker_is_child"] for q in review_text(text)["quotes"]}
    assert quotes == {"Where did the scratch come from?": False, "I fell off the wall.": True}
