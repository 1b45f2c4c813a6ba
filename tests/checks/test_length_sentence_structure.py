"""length.sentence counts the sentence as written: the parts of one the parser cut without a stop
together, and not the words of a bracketed definition of an abbreviation.

Every passage here was written for this module, in other words than any report of the development
sets (reports-dev A, reports-c, reports-g) or corpus/; none is taken or adapted from them.
"""

import datetime as dt

import pytest

from review.checks.length import definition_words, parse_glossary, written_sentences
from review.core.text import sentences

# One written sentence of about 70 words with no stop inside it: the parser may end a 'sentence' anywhere in it.
NO_STOP = ("Kayla told me her brother had taken the money from the tin and that he had hidden it under the stairs and "
           "she did not want me to tell her mum because she thought her mum would shout at him again like she did in "
           "the summer and I said that I would have to pass it on and she nodded and went back to her drawing.")
# 54 words and a definition of 12 in brackets after the words it spells ...
DEFINED = ("I am worried that Jayden's sleep is affecting his learning, because his class teacher has logged him "
           "asleep at his desk on six mornings since half term, he scored 9 on the Sleep Disturbance Scale for "
           "Children (SDSC; a score above 7 points to a sleep problem worth a referral), and he has missed the two "
           "sleep clinic appointments offered to the family since January.")
# ... and the same sentence with an aside of content in the brackets instead: every word counts.
ASIDE = DEFINED.replace("(SDSC; a score above 7 points to a sleep problem worth a referral)",
                        "(his mother says he is often on his tablet until after midnight)")
# 59 words and an abbreviation followed by its expansion in brackets.
SPELLED_AFTER = ("Mr Okafor has been supported through the CIN (Child in Need) plan since October and, with the "
                 "family support worker, has set up a morning routine, taken the boys to every dental and optician "
                 "appointment booked for them, cleared the back bedroom so that each boy has his own bed, and kept "
                 "every one of the six reviews held at the family centre.")


@pytest.fixture(scope="module")
def check(length_nlp):
    """Review `text` with the length check; `cut` is text before which the parser is made to end a sentence."""
    def run(text, cut=None):
        doc = length_nlp.make_doc(text)
        if cut:
            doc[next(t.i for t in doc if t.idx == text.index(cut))].is_sent_start = True
        doc._.report_date = dt.date(2024, 3, 20)
        doc._.children = ["Mia"]
        return length_nlp(doc)

    return run


def rules(doc):
    return [f.rule for f in doc._.findings]


@pytest.mark.parametrize("cut", [None, "like she did", "and she nodded"])
def test_length_sentence_counts_a_sentence_cut_without_a_stop_whole(check, cut):
    doc = check(NO_STOP, cut)
    assert len(sentences(doc)) >= 2 or cut is None
    long = [f for f in doc._.findings if f.rule == "length.sentence"]
    assert len(long) == 1
    assert (long[0].start, long[0].end) == (0, len(NO_STOP))


def test_length_sentence_parts_after_a_stop_or_a_line_break_are_sentences_of_their_own(length_nlp):
    doc = length_nlp("Mum rang at 9.15 to say she was running late. she arrived at 10.\n"
                     "Actions agreed\n- school to check in with Mia daily\nand the nurse to see her weekly")
    groups = written_sentences(sentences(doc))
    assert all(len(group) == 1 for group in groups)


def test_length_sentence_leaves_out_a_bracketed_definition(check):
    assert "length.sentence" not in rules(check(DEFINED))
    assert "length.sentence" not in rules(check(SPELLED_AFTER))


def test_length_sentence_counts_a_bracketed_aside_that_defines_nothing(check):
    assert "length.sentence" in rules(check(ASIDE))


def test_definition_words(length_nlp):
    glossary = parse_glossary(["CIN = Child in Need"])
    doc = length_nlp("She scored 16 on the Edinburgh Postnatal Depression Scale (EPDS; 13 or more suggests "
                     "depression).")
    assert definition_words(sentences(doc)[0], glossary) == 6
    doc = length_nlp("Mia has a CIN (Child in Need) plan and a dental check (booked by her aunt) next week.")
    assert definition_words(sentences(doc)[0], glossary) == 3


def test_written_sentences_of_no_text(length_nlp):
    assert written_sentences(sentences(length_nlp(""))) == []
