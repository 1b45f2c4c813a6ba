"""The opinion check on sentences written by someone who saw neither its rules nor any report
(tests/data/independent/opinion_patterns.yaml), and on legal and police records against the writer's own
labels (legal_record_sentences.yaml, by a helper who saw only POLICY.md): the offence, order or category a
legal process is about is the law's word ("convicted of controlling or coercive behaviour"), the same word
said of a person by the writer is a label ("Dad is controlling"). Cases that fail today are strict xfails."""

import pytest
from case_tables import independent, with_known_gaps

PATTERNS = independent("opinion_patterns.yaml")
LEGAL = independent("legal_record_sentences.yaml")
VOICE = independent("opinion_voice_patterns.yaml")
VOICE_2 = independent("opinion_voice_patterns_2.yaml")
REPORT_DATE = "2024-05-14"

# Why each case still fails (one line each); the test turns red when one starts to pass.
KNOWN_GAPS = {
    "Mr Dean is a narcissist.": "a bare noun label not in the lexicon",
    "Neither parent is engaging.": "the sentence model rates it 0.7997, just under the 0.8 threshold, and no lexicon "
                                   "pattern reads a negated subject ('neither parent')",
}

UNDER_BOTH = ("the sentence model rates it under both thresholds (judgement 0.8, opinion mass 0.9) and no lexicon "
              "word or pattern reads it")
VOICE_GAPS = {
    "Mum's boyfriend is trouble.": UNDER_BOTH,
    "Ms Price has slipped back into her old habits.": UNDER_BOTH,
    "Mr Wood is hiding something from us.": UNDER_BOTH,
    "Kerry has given up trying.": UNDER_BOTH,
    "Leon is out of his depth at college.": UNDER_BOTH,
    "I do wonder if Nan is coping as well as she says.": "the sentence model rates it under speculation_probability",
    "One wonders whether anyone is supervising the children at night.": "the sentence model rates it under "
                                                                        "speculation_probability",
    "I imagine the children are frightened of him.": "'imagine' is no cue and the model rates it under the thresholds",
}

LEGAL_GAPS = {
    "In my view Ms Okafor is a very manipulative woman.": "an owned opinion ('In my view') with no reason is read as "
        "owned, not as a label, and raised as info while the sentence model rates it under the judgement threshold",
    "I would describe Mr Quinn as cruel towards the children.": "the same: 'I would describe' owns it, so 'cruel' is "
        "not looked for as a label",
    "Paternal grandmother is intimidating.": "'intimidating' is not in the label lexicon; the sentence model rates "
                                             "it under the threshold",
    "The mother is harassing the school.": "a progressive verb as a characterisation ('is harassing') is not read as "
                                           "a label",
}


def opinion_warnings(review_text, text):
    result = review_text(text, report_date=REPORT_DATE)
    return [f["match"] for f in result["findings"] if f["check"] == "opinion" and f["severity"] in ("warning", "error")]


@pytest.mark.parametrize("case", with_known_gaps(PATTERNS["must_flag"], KNOWN_GAPS))
def test_independent_must_flag(review_text, case):
    found = opinion_warnings(review_text, case["text"])
    assert len(found) >= case.get("labels", 1), found


@pytest.mark.parametrize("case", with_known_gaps(PATTERNS["must_pass"], KNOWN_GAPS))
def test_independent_must_pass(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []


@pytest.mark.parametrize("case", with_known_gaps(LEGAL["must_pass"], LEGAL_GAPS))
def test_a_legal_record_is_not_the_writers_label(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []


@pytest.mark.parametrize("case", with_known_gaps(LEGAL["must_flag"], LEGAL_GAPS))
def test_the_writers_own_label_is_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) != []


@pytest.mark.parametrize("case", with_known_gaps(VOICE["must_flag"], VOICE_GAPS))
def test_a_pattern_of_the_writers_unevidenced_opinion_is_flagged(review_text, case):
    assert len(opinion_warnings(review_text, case["text"])) >= case.get("labels", 1), case["pattern"]


@pytest.mark.parametrize("case", with_known_gaps(VOICE["must_pass"], VOICE_GAPS))
def test_a_pattern_of_evidenced_or_sourced_writing_is_not_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == [], case["pattern"]


@pytest.mark.parametrize("case", VOICE_2["must_flag"])
def test_a_second_round_pattern_of_unevidenced_opinion_is_flagged(review_text, case):
    assert len(opinion_warnings(review_text, case["text"])) >= case.get("labels", 1), case["pattern"]


@pytest.mark.parametrize("case", VOICE_2["must_pass"])
def test_a_second_round_pattern_of_evidenced_writing_is_not_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == [], case["pattern"]


VOICE_3 = independent("opinion_voice_patterns_3.yaml")


@pytest.mark.parametrize("case", VOICE_3["must_flag"])
def test_a_third_round_pattern_of_unevidenced_opinion_is_flagged(review_text, case):
    assert len(opinion_warnings(review_text, case["text"])) >= case.get("labels", 1), case["pattern"]


@pytest.mark.parametrize("case", VOICE_3["must_pass"])
def test_a_third_round_pattern_of_evidenced_writing_is_not_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == [], case["pattern"]


# An owning clause tagged on after a claim with no reason ("Dad is back living at the house, I think."), by a helper
# who saw only POLICY.md (opinion_owned_afterthoughts.yaml): speculation (must_flag), or an owned view with its
# reason, someone's words reported, a plain fact (must_pass).
AFTERTHOUGHTS = independent("opinion_owned_afterthoughts.yaml")


@pytest.mark.parametrize("case", AFTERTHOUGHTS["must_flag"], ids=lambda case: case["text"][:50])
def test_an_opinion_owned_as_an_afterthought_is_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"])


@pytest.mark.parametrize("case", AFTERTHOUGHTS["must_pass"], ids=lambda case: case["text"][:50])
def test_an_owned_view_with_its_reason_or_a_report_of_words_is_not_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []


# The writer's own explanation of why something happens, given with nothing to back it ("I feel her lateness is down
# to her mum's new partner"), by a helper who saw only POLICY.md (opinion_owned_explanations.yaml): speculation
# (must_flag), or an explanation with its evidence, a cause someone named reported, a plain factual cause (must_pass).
EXPLANATIONS = independent("opinion_owned_explanations.yaml")
CLAIMED_BY_A_CLAUSE = "not flagged: a 'because' clause after a claim of the person's own is read as its reason"
EXPLANATION_GAPS = {
    "My sense is that Ellie is withdrawn because she is being bullied by the older girls.": CLAIMED_BY_A_CLAUSE,
    "I suspect Tyler falls asleep in lessons because he is up all night gaming.": CLAIMED_BY_A_CLAUSE,
    "I think Mum misses appointments because she is frightened of what we will find.": CLAIMED_BY_A_CLAUSE,
    "I believe Dad is reluctant to engage because he has something to hide.": CLAIMED_BY_A_CLAUSE,
    "I get the impression that Leah stays off school because she is looking after her mum.": CLAIMED_BY_A_CLAUSE,
    "I believe Ruby is scared to go home because of Mum's boyfriend.": CLAIMED_BY_A_CLAUSE,
    "I think Sophie has stopped eating at lunch because she is worried about her weight.": CLAIMED_BY_A_CLAUSE,
}


@pytest.mark.parametrize("case", with_known_gaps(EXPLANATIONS["must_flag"], EXPLANATION_GAPS))
def test_an_owned_explanation_of_a_cause_with_nothing_behind_it_is_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"])


@pytest.mark.parametrize("case", with_known_gaps(EXPLANATIONS["must_pass"], EXPLANATION_GAPS))
def test_an_explanation_with_its_evidence_or_a_reported_cause_is_not_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []


@pytest.mark.parametrize("text, flagged", [
    ("I think this is because of what is going on at home.", True),
    ("In my view his outbursts are linked to his dad's drinking.", True),
    ("I think this is because of what is going on at home. On 3 May she told me Dad had hit Mum.", False),
    ("I think she is tired because I saw her asleep in class on 3 May.", False),
])
def test_an_owned_cause_is_a_guess_unless_its_evidence_is_given(review_text, text, flagged):
    found = review_text(text, report_date=REPORT_DATE)["findings"]
    rules = [f["rule"] for f in found if f["check"] == "opinion" and f["severity"] in ("warning", "error")]
    assert rules == (["opinion.hedge"] if flagged else [])


# Four files by helpers who saw only POLICY.md (session 18), each of one construction: an appearance verb giving an
# estimate of age, height or build (opinion_appearance_estimates.yaml), a number counting the people a claim is about
# (opinion_counted_people.yaml), an adjective whose preposition takes a person (opinion_relational_adjectives.yaml),
# and the writer saying what is not known (opinion_knowledge_gaps.yaml).
ESTIMATES = independent("opinion_appearance_estimates.yaml")
COUNTED = independent("opinion_counted_people.yaml")
RELATIONAL = independent("opinion_relational_adjectives.yaml")
GAPS_OF_KNOWLEDGE = independent("opinion_knowledge_gaps.yaml")
MODEL_UNDER = "the sentence model rates it under the thresholds and no lexicon word or pattern reads it"
NO_CUE_WORD = "no cue word ('I do not know whether', 'we have no information') and the model rates it under them"
GAP_CUE = "the knowledge-gap wording is a hedge cue whatever the question it opens is about"
SESSION_18_GAPS = {
    "Leon looked unloved and uncared for when he arrived at the youth club.":
        "'uncared' is tagged a past verb joined to 'looked', so the appearance is read as shown by conduct",
    "PC Harland noted that the front-seat passenger appeared intoxicated and seemed intent on causing trouble "
    "with officers.": "the appearance is inside what PC Harland noted, so it is read as his account, not the writer's",
    "The health visitor saw a man in the kitchen who looked to be in his late fifties, balding and of large "
    "build.": "'balding' is a participle, which the estimate test reads as a state",
    "The lodger appeared to be older than the mother, perhaps in his mid-forties.":
        "'perhaps' is a hedge word of its own beside the estimate",
    "The two boys are completely beyond their mother's control.": MODEL_UNDER,
    "All three siblings are frightened of their stepfather.": MODEL_UNDER,
    "The six young people who hang around the shop are a bad crowd and are leading Kayden astray.": MODEL_UNDER,
    "Probation: Mr Kell poses a high risk of harm to the three children of his new partner.": MODEL_UNDER,
    "Ms Devlin is obsessed with him and would do anything he asked.": MODEL_UNDER,
    "Mum is not attached to Freya in the way a mother should be, and she is more focused on her new boyfriend than "
    "on her daughter.": MODEL_UNDER,
    **{text: NO_CUE_WORD for text in (
        "I do not know whether Ms Reid had been drinking when she collected the children on Friday.",
        "We have not been able to confirm whether Mr Price is dealing drugs from the flat, though it would not "
        "surprise us.",
        "I am unsure whether Mrs Hall genuinely wants to engage or is just telling us what we want to hear.",
        "We have no information about what goes on in that house at night, which in itself is worrying.",
        "It is not known whether Kacper's father is as gentle with him at home as he appears at the school gate.",
        "I do not know whether Mum actually gives Amira her medication or just says she does; I will ask at the "
        "next visit.",
        "I am unsure whether the uncle's interest in Leo is entirely innocent.",
        "I do not know whether the parents can be trusted to follow the safety plan; we will see at the review.",
        "We have no information about the father, but men like him often turn out to be violent.",
        "I am unsure whether Mrs Bennett cares enough about the children to put them first.")},
    **{text: GAP_CUE for text in (
        "It is not known whether Mr Okafor is still living at 14 Larch Road; the tenancy record has not been "
        "updated since March.",
        "We are not sure if Tayla's father still has contact with her; the school will ask her mother at the next "
        "meeting.",
        "It is unclear if the referral sent by the nursery on 12 June was received by the Early Help team.",
        "We are not sure if the school nurse referral was passed to the health visiting team after the transfer.",
        "It is unclear if Mia attended the dental appointment booked for 18 January; I will contact the surgery to "
        "find out.",
        "It is not known whether the child protection medical was completed before the family left the area.",
        "We are not sure whether Poppy's grandmother still collects her from school on Tuesdays.")},
}
def test_a_forms_printed_options_are_not_the_writers_words(review_text):
    """'[ ] Parent is hostile and uncooperative' is the form's option, ticked or not: no check reviews it; what the
    writer adds after 'please specify:' is reviewed."""
    text = ("Type of concern (tick all that apply):\n[X] Injury - explanation inconsistent\n"
            "[ ] Parent is hostile and uncooperative\n[ ] Missing from home\n"
            "[X] Other (please specify): Dad is aggressive\n")
    found = review_text(text, report_date=REPORT_DATE)["findings"]
    flagged = {text[f["start"]:f["end"]] for f in found if f["start"] < f["end"]}
    assert flagged == {"aggressive"}


# A file by a helper who saw only POLICY.md (session 19): a statement about a person, a home or a relationship
# joined to a "there is/are/was ..." clause. A clause asserting certainty or a chance ("there is no doubt", "there is
# every likelihood"), or a lack told of no occasion ("there are no rules at all"), evidences nothing; one saying what
# was found, placed or counted does (opinion_existential_clauses.yaml).
EXISTENTIAL = independent("opinion_existential_clauses.yaml")
# And one of a person's state with "at", "in" or "on": framed in time or in general ("at the moment", "on the
# whole") it is a judgement; placed in an occasion a professional saw it is not (opinion_states_framed_in_time.yaml).
FRAMED = independent("opinion_states_framed_in_time.yaml")
# And a person's state in the past with "was": shown by what was seen, in a participle, a "with" phrase or after a
# semicolon, it is evidenced; with no occasion or nothing seen it is a judgement (opinion_past_states_on_an_occasion).
PAST_STATES = independent("opinion_past_states_on_an_occasion.yaml")
SHOUTING = "'shouting' is a speech verb, and what a person said is not read as evidence for a label"
PAST_STATE_MISSES = (
    "Mr Adeyemi was combative with the professionals involved with the family.",
    "Jessica was sullen and lacking in confidence at school.",
    "Mum's new partner, Mr Briggs, was intimidating towards the health visiting team.",
    "Mr Thompson was belligerent at the core group meeting on 3 May.",
    "Maisie was distressed at drop-off at Little Acorns Nursery on 14 January.",
    "Lily was frequently tearful during lessons in the spring term.",
    "Mr Ali was agitated at a number of recent contact sessions.",
    "Mr Price was threatening towards the family support worker, which is typical of how he behaves.",
)
SESSION_19_GAPS = {
    "Leon is so withdrawn at times that staff at the pupil referral unit feel he is unreachable.":
        "'so ... that' gives a consequence, which is read as the complement that explains the adjective",
    "In general, Ms Doherty is not honest with professionals about who is living in the household.":
        "'honest with professionals' has a complement of its own, read as what the quality is towards",
    "Grandad is very frail at present and is not able to manage Ellie's care on his own.":
        "'frail' is read as a state of health, which is not graded as a quality judged",
    "Mr Brennan is very plausible when speaking to professionals but is not genuine about making changes.":
        "'when speaking to professionals' reads as the occasion it is seen on",
    "Ms Taylor is so preoccupied with her new partner during this period that Ruby's needs are not a priority.":
        "'during this period' reads as an occasion; 'period' also names past occasions",
    "Mr Brennan was hostile at the core group meeting on 10 September, shouting at the chair and leaving after ten "
    "minutes.": SHOUTING,
    "Mrs Patel was intoxicated when officers attended the address at 9:40pm on 27 December; she was unsteady on her "
    "feet and slurring her words.": "'unsteady' after the semicolon is a lexicon label, so that clause is read as "
                                    "judging, not as what was seen",
    "Mr Hussain was angry when I arrived for the visit on 2 December at 3pm and would not let me speak to Amira "
    "alone.": "what he would not do is joined by 'and' but is not in the simple past",
    **{text.strip(): MODEL_UNDER for text in PAST_STATE_MISSES},
    "Mr Hughes was aggressive at the core group meeting on 14 March, shouting at the chair and leaving after ten "
    "minutes.": SHOUTING,
    "At the review child protection conference on 28 January, Mr Shaw was abusive, calling the social worker 'a child "
    "snatcher' and threatening to report her.": "the quoted words are what Mr Shaw called her, read as a label with "
                                                "no source",
    "Mr and Mrs Okafor present as cooperative with the school, but there is little genuine trust between them and "
    "professionals.": MODEL_UNDER,
    "The grandparents mean well, but there is no stability for the children while they remain in their care.":
        MODEL_UNDER,
    "There is no proper supervision of the children whatsoever, yet Ms Turner continues to insist that she is a good "
    "parent.": MODEL_UNDER,
    "The bedroom Jayden shares with his brother is unsuitable; on 22 January there was one single mattress on the "
    "floor and no bedding.": "the parse makes the label's clause a complement of the one after the semicolon, so the "
                             "evidence is not read as joined to it",
    "Poppy appears frightened of her stepfather; there is a drawing she made at school on 10 January showing him "
    "shouting, which she explained to her teacher.": "'appears' is read as a hedge: the evidence after the semicolon "
                                                     "is not looked for",
}


# One construction per file (sessions 18 and 19): each file's must_flag flagged, its must_pass left clean.
CONSTRUCTIONS = (ESTIMATES, COUNTED, RELATIONAL, GAPS_OF_KNOWLEDGE, EXISTENTIAL, FRAMED, PAST_STATES)
CONSTRUCTION_GAPS = {**SESSION_18_GAPS, **SESSION_19_GAPS}
CONSTRUCTIONS_FLAG = [case for data in CONSTRUCTIONS for case in data["must_flag"]]
CONSTRUCTIONS_PASS = [case for data in CONSTRUCTIONS for case in data["must_pass"]]


@pytest.mark.parametrize("case", with_known_gaps(CONSTRUCTIONS_FLAG, CONSTRUCTION_GAPS),
                         ids=lambda case: case["text"][:50])
def test_an_unevidenced_judgement_of_each_construction_is_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"])


@pytest.mark.parametrize("case", with_known_gaps(CONSTRUCTIONS_PASS, CONSTRUCTION_GAPS),
                         ids=lambda case: case["text"][:50])
def test_the_evidenced_or_plain_sentence_of_each_construction_is_not_flagged(review_text, case):
    assert opinion_warnings(review_text, case["text"]) == []
