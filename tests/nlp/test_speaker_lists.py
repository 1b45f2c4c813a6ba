"""Who said the items of a list of quotes: sentences written for these tests (other names and words than
the development reports')."""

import pytest

from review.nlp.speakers import doc_quotes


def speakers_of(nlp, text, children):
    doc = nlp(text)
    doc._.children = children
    return [(q.text, q.speaker) for q in doc_quotes(doc)]


# ---- a quote coordinated with another shares its reporting verb and speaker --------------------------

@pytest.mark.parametrize("text, children, speaker", [
    ('During our walk on 03/02/2024 Milo wrote "boys from the park texting me" and "dad getting cross."',
     ["Milo"], "Milo"),
    ('At the review Freya said "kids calling me names", "teachers shouting" and "nobody listening."',
     ["Freya"], "Freya"),
    ('In the car on Monday Ravi told me "men at the shop asking for money" or "my brother going out late."',
     ["Ravi"], "Ravi"),
])
def test_a_quote_listed_after_another_shares_its_speaker(base_nlp, text, children, speaker):
    found = speakers_of(base_nlp, text, children)
    assert len(found) >= 2
    assert [s for _, s in found] == [speaker] * len(found)


@pytest.mark.parametrize("text, children", [
    ('Milo wrote "boys from the park texting me" and "dad getting cross."', ["Milo"]),
    ('Ravi told me "men at the shop asking for money" and "my brother going out late."', ["Ravi"]),
])
def test_a_noun_inside_another_quote_is_never_the_speaker(base_nlp, text, children):
    speakers = {s for _, s in speakers_of(base_nlp, text, children)}
    assert speakers == set(children)


def test_a_list_closed_by_its_attribution_is_all_that_speakers(base_nlp):
    text = '"I want my own room", "I miss the dog" and "I hate the bus," Tamsin said on 04/05/2024.'
    assert [s for _, s in speakers_of(base_nlp, text, ["Tamsin"])] == ["Tamsin"] * 3


def test_a_list_of_words_quoted_as_a_phrase_has_no_speaker(base_nlp):
    text = ('On 12/06/2024 Mrs Day asked, "Are you sad?" and he nodded. Later he sorted the cards and stuck '
            '"Nan", "swimming", "dinner" and "my bike" on the happy side.')
    found = speakers_of(base_nlp, text, ["Kit"])
    assert found[0] == ("Are you sad?", "Mrs Day")
    assert [s for _, s in found[1:]] == [None] * 4


# ---- bare quotes in items that carry on a list whose earlier item gives the child's words ------------

def test_bare_quotes_in_later_items_are_the_childs(base_nlp):
    text = ('Leon and I met at the youth centre on 02/05/2024 and he filled in a feelings sheet with me.\n\n'
            '- Scary things: he wrote "lads from the estate following me" and "my mum crying."\n'
            '- Happy things: "my gran", "Kevin (my mentor) taking me fishing", "football".\n'
            '- Wishes: "a job at the garage" and "a dog".')
    found = speakers_of(base_nlp, text, ["Leon"])
    assert [s for _, s in found] == ["Leon"] * 7


# ---- a noun that is no person is never a speaker -------------------------------------------------------

@pytest.mark.parametrize("text, children, speaker", [
    # the one told, named after a verb of telling, is not the one who said it
    ('After lunch on 4 March Kasim told the dinner lady, Mrs Poole, "My head hurts."', ["Kasim"], "Kasim"),
    ('On the visit Maya told me "I hate PE" and said the swimming coach is "always shouting."', ["Maya"], "Maya"),
    # a time phrase the parser took for a second subject
    ('Most mornings when Mr Shah drops him off, Ollie asks "Is Mum picking me up?"', ["Ollie"], "Ollie"),
    ('Some nights after his dad phones, Zayn says "I want to go back to Bristol."', ["Zayn"], "Zayn"),
])
def test_no_word_but_a_person_speaks(base_nlp, text, children, speaker):
    assert {s for _, s in speakers_of(base_nlp, text, children)} == {speaker}


@pytest.mark.parametrize("text, speaker", [
    ('- 14/02/2025, 19:10 - Kerry rang 101 saying Dale was "going mad". Officers went out.', "Kerry"),
    ('- 03/03/2025, 22:15 - Gemma phoned 999 stating Lee was "smashing the place up". Police went.', "Gemma"),
])
def test_a_date_opening_an_entry_is_not_its_speaker(base_nlp, text, speaker):
    assert [s for _, s in speakers_of(base_nlp, text, ["Mason"])] == [speaker]


def test_a_name_tagged_as_a_place_is_a_place_where_the_tagger_missed_it(base_nlp):
    text = ('Police believe he carries drugs on a county line run from Rotherham.\n\n'
            'When we met at the library on 02/04/2025 he would not talk about\n'
            'Rotherham at first. Near the end he said, looking away, "They know where I live."')
    assert [s for _, s in speakers_of(base_nlp, text, ["Jaden"])] == ["Jaden"]


def test_a_role_written_with_capitals_is_named_by_its_apposition(base_nlp):
    text = 'His Head of House, Mrs Lowe, told me on 02/05/24 that he has "really settled" in class.'
    assert [s for _, s in speakers_of(base_nlp, text, ["Rory"])] == ["Mrs Lowe"]


def test_list_items_do_not_carry_on_a_lead_in_speaker_the_narration_moved_on_from(base_nlp):
    text = ('Report for the core group.\n\n'
            'Lily loves gymnastics. Her aunt says she "is a little star." On 03/03/2025 at school I did a '
            'worries jar with her.\n'
            '- Worries: "Mum being sad, the dog being ill."\n'
            '- Happy things: "Gran\'s house".')
    found = speakers_of(base_nlp, text, ["Lily", "Jack"])
    assert found[0] == ("is a little star.", "Her aunt")
    assert [s for _, s in found[1:]] == [None, None]


def test_list_items_carry_on_the_speaker_whose_words_lead_into_them(base_nlp):
    text = ('Report for the core group.\n\n'
            'On 03/03/2025 Lily told me what worries her: "lots of things".\n'
            '- "Mum being sad"\n'
            '- "the dog being ill"')
    assert [s for _, s in speakers_of(base_nlp, text, ["Lily"])] == ["Lily"] * 3


def test_the_label_of_a_list_item_is_not_the_subject_of_its_verb(nlp):
    text = ('Report for the core group.\n\n'
            'I saw Ruby and Alfie at school on 08/05/25 and used the three wishes sheet.\n\n'
            'Ruby (9)\n'
            '- Wish One: Ruby wrote, "I wish Dad would stop drinking at weekends."\n'
            '- Wish Two: "a puppy" and "Gran to live with us."')
    assert {s for _, s in speakers_of(nlp, text, ["Ruby", "Alfie"])} == {"Ruby"}


def test_a_verb_in_the_next_list_item_does_not_report_a_quote(base_nlp):
    text = ('Report for the core group.\n\n'
            'Sam and I did a worksheet on 02/06/2025.\n\n'
            '- Worries: he wrote "the older lads" and "Mum on her own."\n'
            '- Hopes: "a job" and "be a chef".\n'
            '- When I asked about the fire he said, "I was not there."')
    found = speakers_of(base_nlp, text, ["Sam"])
    assert [s for _, s in found] == ["Sam"] * 5



def test_a_verb_in_the_line_leading_into_a_list_reports_its_items(nlp):
    text = ('Report for the core group.\n\n'
            'On 04/04/25 Nia made a memory box with our play worker, and told us what went in it:\n'
            '- a photo of "me and Nana at the beach";\n'
            '- her old blanket;\n'
            '- a drawing of "my dog when he was little."')
    assert [s for _, s in speakers_of(nlp, text, ["Nia"])] == ["Nia", "Nia"]
