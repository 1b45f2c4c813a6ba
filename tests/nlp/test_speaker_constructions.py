"""Speaker attribution by construction, on report and narrative sentences written for these tests
(other names and words than the development novel's)."""

import pytest

from review.nlp.speakers import doc_quotes


def speakers_of(nlp, text, children):
    doc = nlp(text)
    doc._.children = children
    return [(q.text, q.speaker, q.speaker_is_child) for q in doc_quotes(doc)]


# ---- an inverted verb after the quote: "…," shrugged Kofi ------------------------------------------

@pytest.mark.parametrize("text, children, speaker", [
    ('"I don\'t want to go back there," shrugged Kofi when I asked about contact.', ["Kofi"], "Kofi"),
    ('"Not again," groused the foster carer. "He never listens."', ["Kofi"], "the foster carer"),
    ('"The kettle is boiling," fretted Edmund. "Shall I fetch the cups?"', ["Edmund"], "Edmund"),
    ('"Where is my coat?" grumbled Mr Hale, and went out.', ["Edmund"], "Mr Hale"),
])
def test_any_past_tense_verb_inverted_after_a_quote_reports_it(base_nlp, text, children, speaker):
    found = speakers_of(base_nlp, text, children)
    assert {s for _, s, _ in found} == {speaker}
    assert all(is_child == (speaker in children) for _, _, is_child in found)


@pytest.mark.parametrize("text", [
    'Her "new friend," collected the children from school.',
    'The family rented a "temporary," damp flat and stayed the winter.',
])
def test_a_verb_after_a_word_quoted_inside_a_sentence_reports_nothing(base_nlp, text):
    doc = base_nlp(text)
    doc._.children = ["Kofi"]
    [quote] = doc_quotes(doc)
    assert (quote.speaker, quote.kind) == (None, "scare_quote")


@pytest.mark.parametrize("text, children, speaker", [
    ('"Sorry. I won\'t do it again," grinned Zain, looking at the floor.', ["Zain"], "Zain"),
    ('"We shall never manage it," frowned the old shepherd.', ["Zain"], "the old shepherd"),
])
def test_the_quotes_own_subject_is_never_the_subject_of_the_verb_after_it(base_nlp, text, children, speaker):
    # the parser may join the verb to the quote's last clause ("I won't do it", "we shall never …")
    [(_, found, _)] = speakers_of(base_nlp, text, children)
    assert found == speaker


# ---- a quote split by its attribution, the words going on after a wrapped line ---------------------

def test_words_after_an_attribution_that_fills_a_wrapped_line_are_the_same_speakers(base_nlp):
    text = ('"There was nobody at the gate when we got there this morning," said Tobias.\n'
            '"We waited for nearly an hour in the rain and then walked all the way back\n'
            'to the flat on our own."\n')
    found = speakers_of(base_nlp, text, ["Tobias"])
    assert [(speaker, is_child) for _, speaker, is_child in found] == [("Tobias", True)] * 2


# ---- the addressee: the person a reporting verb speaks to is not its pronoun's referent -------------

@pytest.mark.parametrize("text", [
    'He told Leo "you are not going out tonight."',
    '"Get your coat," she said to Leo.',
    '"I haven\'t got the money," he told Leo quietly.',
])
def test_a_pronoun_never_stands_for_the_child_the_verb_speaks_to(base_nlp, text):
    [(_, speaker, is_child)] = speakers_of(base_nlp, text, ["Leo"])
    assert (speaker, is_child) == (None, False)


def test_the_person_spoken_to_does_not_block_a_named_speaker(base_nlp):
    [(_, speaker, is_child)] = speakers_of(base_nlp, 'Leo told his nan "I want to live with you."', ["Leo"])
    assert (speaker, is_child) == ("Leo", True)


def test_a_pronoun_still_stands_for_the_child_when_the_verb_speaks_to_someone_else(base_nlp):
    [(_, speaker, is_child)] = speakers_of(base_nlp, 'He told the teacher "my tummy hurts."', ["Leo"])
    assert (speaker, is_child) == ("Leo", True)


# ---- a speaker given by a description of the child ---------------------------------------------------

@pytest.mark.parametrize("text", [
    '"I don\'t want to go," faltered the frightened child.',
    'The tearful young person said "nobody listens to me."',
    '"Is it nearly morning?" whispered the sleepy girl.',
])
def test_a_child_reference_with_a_describing_word_is_the_child(base_nlp, text):
    [(_, _, is_child)] = speakers_of(base_nlp, text, ["Priya"])
    assert is_child


def test_the_other_child_is_not_the_child(base_nlp):
    [(_, _, is_child)] = speakers_of(base_nlp, 'The other child said "she took my pen."', ["Priya"])
    assert not is_child


# ---- a quote split by its attribution clause is one utterance -----------------------------------------

@pytest.mark.parametrize("text", [
    '"Leo," she said, "put your shoes on, we are late."',
    '"Leo!" he shouted, "come back here at once."',
])
def test_a_name_called_in_one_part_of_a_split_quote_is_not_its_speaker(base_nlp, text):
    found = speakers_of(base_nlp, text, ["Leo"])
    assert len(found) == 2 and not any(is_child for _, _, is_child in found)


def test_separate_sentences_are_separate_utterances(base_nlp):
    found = speakers_of(base_nlp, 'She said "Leo hit me." He said "I did not."', ["Leo"])
    assert [(speaker, is_child) for _, speaker, is_child in found][1] == ("Leo", True)


# ---- a he or she nobody fits is the only child, unless the paragraph tells otherwise -----------------

@pytest.mark.parametrize("text", [
    # the turn speaks to the child by name, in its first part or a later one
    '"You can stay up late tonight, Priya," she said. "Just brush your teeth first."',
    '"That was very rude," he said quietly. "Priya, go to your room."',
    # the narration names the child beside the speaker
    '"Come and sit with me," she said, taking Priya by the hand.',
    '"There is no need to cry," he said, and passed the child a tissue.',
])
def test_a_pronoun_is_not_the_only_child_when_the_paragraph_names_the_child_apart(base_nlp, text):
    found = speakers_of(base_nlp, text, ["Priya"])
    assert found and all(s is None and not c for _, s, c in found)


@pytest.mark.parametrize("text", [
    '"I want to go home," she said. "I miss my cat."',
    '"Who was that?" whispered Priya, pulling the blanket up.',
])
def test_the_child_still_speaks_where_only_the_child_fits(base_nlp, text):
    found = speakers_of(base_nlp, text, ["Priya"])
    assert found and all(c for _, _, c in found)


def test_a_child_named_only_in_a_later_sentence_leaves_the_pronoun_to_the_only_child(base_nlp):
    text = '"Nobody waited for me," she told her aunt that evening. Later a card was pushed under the door for Priya.'
    assert [(s, c) for _, s, c in speakers_of(base_nlp, text, ["Priya"])] == [("Priya", True)]


# ---- a quote as the subject of "be" with a speech noun: "'No' was Kofi's only reply" ----------------

@pytest.mark.parametrize("text, speaker", [
    ('"I never want to see him again" was Kofi\'s only reply.', "Kofi"),
    ('"Not today, thank you" was his mother\'s answer when I asked.', "his mother"),
])
def test_a_quote_that_is_someones_reply_is_theirs(base_nlp, text, speaker):
    assert [s for _, s, _ in speakers_of(base_nlp, text, ["Kofi"])] == [speaker]


# ---- words that speak to their hearer as a child are not the child's -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Come on now, get up, child,", True),
    ("My poor little boy, you must be frozen.", True),
    ("Well, young lady, what have you to say?", True),
    ("", False),
    ("I'm only a child.", False),
    ("The little girl next door has a rabbit.", False),
])
def test_addresses_a_child(text, expected):
    from review.nlp.speakers.resolve import addresses_a_child
    words = ["child", "little boy", "young lady"]
    assert addresses_a_child(text, words) is expected


def test_a_pronoun_speaking_to_the_hearer_as_a_child_is_not_the_only_child(base_nlp):
    text = '"Dry your eyes, child," she said gently. "Nobody is cross with you."'
    found = speakers_of(base_nlp, text, ["Priya"])
    assert found and all(s is None and not c for _, s, c in found)


# ---- a contracted "has" the parser reads as a passive "is": "He's told his friends …" ---------------

@pytest.mark.parametrize("text, children, speaker", [
    ('Tobias is 13. He\'s told two boys in his class "I get paid to carry stuff."', ["Tobias"], "Tobias"),
    ('Nadia is 10. She’s said to her teacher "I don\'t want to go home."', ["Nadia"], "Nadia"),
    ('Reuben is 8. He\'s asked me "Will Dad be there?" more than once.', ["Reuben"], "Reuben"),
])
def test_a_contracted_has_before_a_reporting_verb_is_the_present_perfect(base_nlp, text, children, speaker):
    assert [s for _, s, _ in speakers_of(base_nlp, text, children)] == [speaker]


@pytest.mark.parametrize("text", [
    'Tobias is 13. He\'s been told "You will be excluded."',
    'Tobias is 13. He\'s told "Go home" by the caretaker most nights.',
])
def test_a_real_passive_keeps_its_subject_the_one_told(base_nlp, text):
    assert [s for _, s, _ in speakers_of(base_nlp, text, ["Tobias"])] != ["Tobias"]


# ---- a want quoted in the wanter's words: "he would like his dad to 'get help'" ---------------------

@pytest.mark.parametrize("text, speaker", [
    ('Kasia is 11. She would like her mum to "stop going out at night".', "Kasia"),
    ('Kasia is 11. Kasia wants her brother to "leave my stuff alone".', "Kasia"),
    ('Kasia is 11. She wished her dad would "come home and stay home".', "Kasia"),
])
def test_a_quoted_clause_of_a_verb_of_wanting_is_the_wanters_words(base_nlp, text, speaker):
    assert [s for _, s, _ in speakers_of(base_nlp, text, ["Kasia"])] == [speaker]


@pytest.mark.parametrize("text", [
    'Kasia is 11. Kasia wants a "proper bed" of her own.',       # a noun phrase, not a clause
    'Kasia is 11. Kasia likes to "help out" in the kitchen.',     # "like" without "would" is no want
])
def test_other_quoted_phrases_after_a_want_are_no_ones(base_nlp, text):
    assert [s for _, s, _ in speakers_of(base_nlp, text, ["Kasia"])] == [None]


# ---- the person the words address by name is not their speaker, whatever route named them ----------

@pytest.mark.parametrize("text, children, expected", [
    # a verb of the next sentence ("Before Priya could reply") is no attribution of a quote calling her
    ('"Where did it happen?" asked Mr Okafor. "Was it at home, Priya?" Before Priya could reply, '
     'her mum came in.', ["Priya"], ["Mr Okafor", "Mr Okafor"]),
    ('"Is the boat leaving, Tomasz?" Tomasz shook his head and the ferryman laughed.', ["Tomasz"], [None]),
    # the previous turn's address: a new line that itself calls the child by name is not the child's answer
    ('"This card is from your sister, Rhiannon," said the carer quietly.\n'
     '"Oh--Rhiannon, do you not like it?"', ["Rhiannon"], ["the carer", None]),
])
def test_a_name_the_words_address_is_not_their_speaker(base_nlp, text, children, expected):
    found = speakers_of(base_nlp, text, children)
    assert [speaker for _, speaker, _ in found] == expected
    assert not any(is_child for _, _, is_child in found)


def test_a_name_inside_a_voice_the_quote_reports_does_not_count_as_addressed(base_nlp):
    text = ('"It was as if the sea kept calling me, \'Ffion, come and swim,\' all night," said Ffion.')
    found = speakers_of(base_nlp, text, ["Ffion"])
    assert found[0][1:] == ("Ffion", True)


# ---- a participle clause of the attribution: its subject is the attribution's, never a quoted word ----

def test_a_clause_hanging_on_the_attribution_takes_its_subject_never_a_quoted_word(base_nlp):
    # the parse the parser gives such a sentence at times: the quoted name as a second subject of "said"
    from spacy.tokens import Doc

    from review.core.rules import load_rules
    from review.nlp.quotes import find_quotes
    from review.nlp.speakers.layout import QuoteLayout
    from review.nlp.speakers.lexicons import Lexicons
    from review.nlp.speakers.verbs import ReportingVerbs

    words = ['"', "Leon", ",", '"', "said", "Gwenda", ",", "hoping", "he", "would", "settle", "."]
    spaces = [False, False, False, True, True, False, True, True, True, True, False, False]
    heads = [4, 4, 4, 4, 4, 4, 4, 4, 10, 10, 7, 4]
    deps = ["punct", "nsubj", "punct", "punct", "ROOT", "nsubj", "punct", "advcl", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PUNCT", "PROPN", "PUNCT", "PUNCT", "VERB", "PROPN", "PUNCT", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
    doc = Doc(base_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=[w.lower() for w in words])
    layout = QuoteLayout(doc, find_quotes(doc.text))
    verbs = ReportingVerbs(layout, Lexicons.from_rules(load_rules().check("child_voice")))
    subject, passive = verbs.subject_of(doc[7])
    assert (subject.text, passive) == ("Gwenda", False)


# ---- "go" reports a quote only when the quote opens straight after it -------------------------------

@pytest.mark.parametrize("text, children, speaker", [
    ("When I asked about tea, Kayden goes 'where's my tea?' and laughed.", ["Kayden"], "Kayden"),
    ("Her stepdad went, “Get out!” and slammed the door.", ["Kayden"], "Her stepdad"),
])
def test_go_straight_before_the_quote_reports_it(base_nlp, text, children, speaker):
    [(_, found, is_child)] = speakers_of(base_nlp, text, children)
    assert (found, is_child) == (speaker, speaker in children)


def test_go_in_narration_between_the_parts_of_a_quote_reports_nothing(base_nlp):
    text = ('"That is my nephew Osric," said Mrs Vane. "He never stops reading--" this to the vicar as the '
            'twins went off--"and nobody can stop him."')
    found = speakers_of(base_nlp, text, ["Osric"])
    assert not any(is_child for _, _, is_child in found)


# ---- a subject glued to the closing mark by a dash (`bike"--she`) is the narration's, not quoted ------

@pytest.mark.parametrize("text, children, expected", [
    ('Maisie (7) was quiet at first. "I fell off my bike"--she said quietly--"at the park."', ["Maisie"],
     [("Maisie", True)] * 2),
    ('Dad came to the door. "She is asleep"--he said, not opening it--"come back tomorrow."', ["Maisie"],
     [("Dad", False)] * 2),
    ('"I can not come tonight"--she whispered, looking at the door--"the tide is high."', ["Maisie"],
     [("Maisie", True)] * 2),
])
def test_a_pronoun_glued_to_the_closing_mark_is_the_speaker(base_nlp, text, children, expected):
    assert [(s, is_child) for _, s, is_child in speakers_of(base_nlp, text, children)] == expected


# ---- the clause that introduces the quote reports it, the clause above passes it on -----------------

@pytest.mark.parametrize("text, children, speaker", [
    ("The police log states that Ellis told the officer: 'He hit Mum with a bottle.'", ["Ellis"], "Ellis"),
    ("The GP's letter says that Ivy told the doctor: 'Daddy locks me in.'", ["Ivy"], "Ivy"),
    ("The harbour master wrote that the boy kept shouting 'the boat is sinking!'", ["Ivy"], "the boy"),
    ("Auntie Jo says Ellis keeps asking 'is Daddy in prison?'", ["Ellis"], "Ellis"),
])
def test_the_verb_just_before_the_quote_names_its_speaker_under_a_reporting_clause(base_nlp, text, children,
                                                                                  speaker):
    [(_, found, is_child)] = speakers_of(base_nlp, text, children)
    assert (found, is_child) == (speaker, True)  # "the boy" is a child reference


def test_a_verb_of_a_clause_without_a_speaker_leaves_the_attribution_alone(base_nlp):
    text = ('"Lowri Jones," murmured the new girl, not wanting to make any fuss regarding her name, '
            '"and I am nine."')
    found = speakers_of(base_nlp, text, ["Lowri"])
    assert [s for _, s, _ in found] == ["the new girl"] * 2


# ---- a question-and-answer exchange in one paragraph goes on turn by turn ---------------------------

@pytest.mark.parametrize("text, children, expected", [
    ("‘What did you have for tea?’ I asked. ‘Crisps,’ Tayla said. ‘Did anyone cook?’ ‘No.’", ["Tayla"],
     [("the writer", False), ("Tayla", True), ("the writer", False), ("Tayla", True)]),
    ('"Is the gate locked?" asked Elspeth. "Every night," answered the keeper. "Who has the key?" "I do."',
     ["Elspeth"], [("Elspeth", True), ("the keeper", False), ("Elspeth", True), ("the keeper", False)]),
])
def test_unattributed_turns_after_a_question_and_answer_alternate(base_nlp, text, children, expected):
    assert [(s, is_child) for _, s, is_child in speakers_of(base_nlp, text, children)] == expected


def test_words_carrying_on_an_answer_stay_with_its_speaker(base_nlp):
    text = "I asked, \"Who takes you to school?\" \"Nan, mostly,\" said Tayla. \"And my cousin on Fridays.\""
    found = speakers_of(base_nlp, text, ["Tayla"])
    assert [s for _, s, _ in found] == ["the writer", "Tayla", "Tayla"]


# ---- a child's gender from the header ("Gender: Female"), where the text never says he or she of them -----------

HEADER = "Name: {name}\n{label}: {value}\nDOB: 03/02/2015\n\nBackground\n\n"


@pytest.mark.parametrize("label, value", [("Gender", "Female"), ("Sex", "F"), ("Gender", "Girl")])
def test_a_he_the_header_says_the_child_cannot_be_is_not_the_child(review_text, label, value):
    text = HEADER.format(name="Lily Carter", label=label, value=value) + (
        'Later that day, at 4pm on 4 March 2024: "I don\'t want to go home," he said.\n')
    [quote] = review_text(text, report_date="2024-03-05")["quotes"]
    assert (quote["speaker"], quote["speaker_is_child"]) == (None, False)


@pytest.mark.parametrize("label, value", [("Gender", "Male"), ("Sex", "M")])
def test_a_he_the_header_says_is_the_child_stays_the_childs(review_text, label, value):
    text = HEADER.format(name="Leo Carter", label=label, value=value) + (
        'Later that day, at 4pm on 4 March 2024: "I don\'t want to go home," he said.\n')
    [quote] = review_text(text, report_date="2024-03-05")["quotes"]
    assert quote["speaker_is_child"]


def test_a_header_gender_is_the_childs_named_by_the_field_before_it(review_text):
    text = ("Child 1: Leo Carter\nGender: Male\nChild 2: Ava Carter\nGender: Female\n\nBackground\n\n"
            'At 4pm on 4 March 2024 Leo and Ava were in the kitchen. "Go away," he said.\n')
    [quote] = review_text(text, report_date="2024-03-05")["quotes"]
    assert quote["speaker"] in ("Leo", "Leo Carter")


def test_a_heading_or_a_field_label_is_no_one_who_speaks(review_text):
    """'Background' and 'DOB' are the form's printed words: a he that no person fits stays unknown."""
    text = HEADER.format(name="Lily Carter", label="Gender", value="Female") + (
        '"I don\'t want to go home," he said.\n')
    [quote] = review_text(text, report_date="2024-03-05")["quotes"]
    assert quote["speaker"] is None
