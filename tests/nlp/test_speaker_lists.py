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

