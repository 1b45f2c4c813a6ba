"""The opinion check: judgements, hedges and unsourced quoted labels; attribution and owned opinions."""

import pytest
from case_tables import cases

from review.checks.opinion.attribution import quoted_ranges

REPORT_DATE = "2024-03-20"


def opinion(result, severity=("warning", "error")):
    return [(f["rule"], f["match"]) for f in result["findings"] if f["check"] == "opinion" and f["severity"] in severity]


@pytest.mark.parametrize("case", cases("opinion", "must_flag", rule="opinion.judgement"))
def test_opinion_must_flag_judgement(review_text, case):
    assert (case.rule, case.match) in opinion(review_text(case.text, **case.options))


@pytest.mark.parametrize("case", cases("opinion", "must_flag", rule="opinion.hedge"))
def test_opinion_must_flag_hedge(review_text, case):
    assert (case.rule, case.match) in opinion(review_text(case.text, **case.options))


@pytest.mark.parametrize("case", cases("opinion", "must_flag", rule="opinion.unattributed_quote"))
def test_opinion_unattributed_quote(review_text, case):
    found = [m for rule, m in opinion(review_text(case.text, **case.options)) if rule == case.rule]
    assert found == [case.match]


@pytest.mark.parametrize("case", cases("opinion", "must_pass"))
def test_opinion_must_pass(review_text, case):
    result = review_text(case.text, **case.options)
    assert case.unwanted(f["rule"] for f in result["findings"]) == []


@pytest.mark.parametrize("text, flagged", [
    ("Leo seemed withdrawn during the lesson.", True),
    ("Dad appeared drunk at the school gate.", True),
    ("Mrs Khan appeared at school at 3.15pm to collect Aisha.", False),  # arrived: no complement
    ("Mum said that Leo seemed withdrawn.", False),  # Mum's words, not the writer's
])
def test_sentence_hedge_flag(review_text, text, flagged):
    assert review_text(text, report_date=REPORT_DATE)["sentences"][0]["hedge"] is flagged


def test_owned_opinion_without_reasons_is_an_info(review_text):
    result = review_text("I am concerned that Mia's needs are not being met.", report_date=REPORT_DATE)
    assert opinion(result, severity=("info", "warning", "error")) == [("opinion.owned", "I am concerned")]


def test_hedged_label_is_one_hedge_not_also_a_judgement(review_text):
    assert opinion(review_text("Dad appeared drunk at the school gate.", report_date=REPORT_DATE)) == [
        ("opinion.hedge", "appeared")]


def test_unsourced_report_is_the_writers_claim(review_text):
    result = review_text("It was reported that Mum was aggressive.", report_date=REPORT_DATE)
    assert opinion(result) == [("opinion.judgement", "aggressive")]


@pytest.mark.parametrize("between, reason_counts", [
    ("\n\n", False),      # a blank line ends the paragraph (core.text.paragraphs): the reason after it
    ("\r\n\r\n", False),  # is not the opinion's, with Windows line endings too,
    ("\n \n", False),      # or a space on the blank line;
    ("\n", False),         # a text with no blank line at all has a paragraph a line
    (" ", True),
])
def test_reasons_for_an_owned_opinion_are_read_in_its_paragraph(review_text, between, reason_counts):
    text = "In my view Mia is not safe at home." + between + "This is because Dad hit her on 12/03/2024."
    found = opinion(review_text(text, report_date=REPORT_DATE), severity=("info", "warning", "error"))
    assert found == ([] if reason_counts else [("opinion.owned_conclusion", "In my view")])  # a conclusion on risk


def test_findings_name_their_kind_and_trigger(review_text):
    result = review_text('Mr Jones seemed drunk. The house was filthy. It was described as "chaotic".',
                         report_date=REPORT_DATE)
    found = {f["kind"]: f for f in result["findings"] if f["check"] == "opinion"}
    assert set(found) == {"hedge", "judgement", "unattributed_quote"}
    for finding in found.values():
        assert finding["why"] and finding["suggestion"]
        assert result["text"][finding["start"]:finding["end"]] == finding["match"]
    assert "see, hear or smell" in found["hedge"]["suggestion"]


def test_sentences_carry_opinion_probability_and_hedge(review_text):
    result = review_text("The mother was neglectful during the visit. "
                         "On 11 March 2024 at 10am I saw Mia in the school office with her class teacher. "
                         "Mr Jones seemed drunk. Mum said he might be late.", report_date=REPORT_DATE)
    judgement, fact, hedged, reported = result["sentences"]
    assert all(0.0 <= s["opinion"] <= 1.0 for s in result["sentences"])
    assert judgement["opinion"] > fact["opinion"]
    assert [s["hedge"] for s in result["sentences"]] == [False, False, True, False]


@pytest.mark.parametrize("text, quoted", [
    ("", []),
    ("Mia's coat and the boys' bikes", []),
    ('She said "no" and \'go away\'.', ["no", "go away"]),
    ("He called it “a tip”.", ["a tip"]),
])
def test_quoted_ranges_skip_apostrophes(text, quoted):
    assert [text[s:e] for s, e in quoted_ranges(text)] == quoted


def test_rules_can_switch_the_hedge_rule_off(review_text, tmp_path):
    rules = tmp_path / "opinion.yaml"
    rules.write_text("check: opinion\nrules:\n  - {id: opinion.hedge, enabled: false}\n", encoding="utf-8")
    result = review_text("Mr Jones seemed drunk.", report_date=REPORT_DATE, rules_path=str(rules))
    assert opinion(result) == []
    assert result["sentences"][0]["hedge"] is True  # the sentence still carries the cue


def test_bundled_sentence_model_is_within_budget_and_loads_offline():
    from review.checks.opinion.sentence_model import bundled_model_dir, load_sentence_model

    assert sum(f.stat().st_size for f in bundled_model_dir().rglob("*") if f.is_file()) < 50_000_000
    assert load_sentence_model().nlp.pipe_names == ["textcat"]


def test_sentence_model_scores_the_review_s_words_as_it_scores_its_own_vocabulary_s():
    from review.checks.opinion.sentence_model import load_sentence_model, own_words_doc
    from review.pipeline import load_pipeline

    model = load_sentence_model()
    doc = load_pipeline()("The flat smelt strongly of damp when I visited on Tuesday. Grandad is a "
                          "wonderful influence, and the twins' nursery keyworker thinks Nan might struggle.")
    sentences = [list(s) for s in doc.sents] + [list(doc[2:6]), []]
    in_own_vocabulary = [model.class_probabilities(model.nlp(own_words_doc(model.nlp.vocab, tokens)))
                         if tokens else None for tokens in sentences]
    shared = model.probabilities(sentences)
    assert shared[:-1] == in_own_vocabulary[:-1] and shared[-1]["other"] == 1.0


@pytest.mark.parametrize("text, hedge", [
    ("Some critics argue that the school was badly run.", True),   # weasel source: a flag cue, not a finding
    ("The cause of the fire is not clear.", True),
    ("It is unknown whether the family moved away.", True),
    ("Mum said some of the neighbours think he is unwell.", False),  # the source's words
    ("At 4pm I saw that the children's bedding was wet.", False),
])
def test_sentence_hedge_flag_counts_broader_uncertainty_cues(review_text, text, hedge):
    result = review_text(text, report_date=REPORT_DATE)
    assert result["sentences"][0]["hedge"] is hedge
    assert not [f for f in result["findings"] if f["rule"] == "opinion.hedge" and f["match"].lower() in (
        "some", "critics", "argue", "not clear", "unknown")]


def test_quote_of_two_sentences_is_the_speakers_words(review_text):
    """The second sentence of a quote has only its closing mark: none of its words are the writer's, so it
    carries no opinion and no hedge, and the writer's sentence after it is read as before."""
    text = 'Priya told me, "I like living with Aunt Sita. I think Mum might come back one day." Priya smiled.'
    sentences = review_text(text)["sentences"]
    quoted = next(s for s in sentences if s["text"].startswith("I think Mum"))
    assert quoted["opinion"] == 0.0 and not quoted["hedge"]


@pytest.mark.parametrize("text", ["Seen in ED with a burn to the hand, ?NAI, discharged home.",
                                  "Mum was tearful at clinic on 3 June, ?PND, GP to review."])
def test_a_query_mark_against_a_word_does_not_end_the_sentence(review_text, text):
    result = review_text("Health\n" + text, report_date=REPORT_DATE)
    assert [text] == [result["text"][s["start"]:s["end"]] for s in result["sentences"]][1:]
