"""review.nlp.temporal: finding and normalising temporal expressions, carried dates, the report's own date."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.evaluate.dates import load_table
from review.nlp.temporal import find_temporal_expressions, sentence_anchors, stated_report_date, value_range

REPORT = dt.date(2024, 3, 12)  # a Tuesday


def tag(base_nlp, text, report=REPORT):
    return [(e.text, e.type, e.value) for e in find_temporal_expressions(base_nlp(text), report)]


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("Seen on 12/03/2024.", [("12/03/2024", "DATE", "2024-03-12")]),
    ("Referral received 30.05.17.", [("30.05.17", "DATE", "2017-05-30")]),
    ("Meeting held on 3.3.24 at 10am.", [("3.3.24", "DATE", "2024-03-03"), ("10am", "TIME", "2024-03-03T10:00")]),
    ("At 7.30pm on 01/03/2024 police attended.", [("7.30pm", "TIME", "2024-03-01T19:30"), ("01/03/2024", "DATE", "2024-03-01")]),
    ("Police attended at approximately 19:30.", [("approximately 19:30", "TIME", "2024-03-12T19:30")]),
    ("On arrival at 10:15 the door was open.", [("10:15", "TIME", "2024-03-12T10:15")]),
    ("Last Tuesday she was late.", [("Last Tuesday", "DATE", "2024-03-05")]),
    ("She stayed with Nan over the weekend.", [("the weekend", "DATE", "2024-W10-WE")]),
    ("Three years ago they moved.", [("Three years ago", "DATE", "2021")]),
    ("This morning she was seen.", [("This morning", "TIME", "2024-03-12TMO")]),
    ("They came to notice in early August 2013.", [("early August 2013", "DATE", "2013-08")]),
    ("She was excluded for three days.", [("three days", "DURATION", "P3D")]),
    ("Her brother collects her each day.", [("each day", "SET", "P1D")]),
    ("Dad has contact weekly.", [("weekly", "SET", "P1W")]),
    ("She is currently living with her aunt.", [("currently", "DATE", "PRESENT_REF")]),
    ("Mum recently lost her job.", [("recently", "DATE", "PAST_REF")]),
    ("In the 1990s the area changed.", [("the 1990s", "DATE", "199")]),
    ("Profits rose in the fourth quarter.", [("the fourth quarter", "DATE", "2023-Q4")]),
    ("Mia is in Year 2 at St Anne's.", []),
    ("She scored 9/10 in her test.", []),
    ("The room measured 3.5 by 2.4 metres.", []),
    ("Mia was 18 months old when she was first seen.", []),
    ("May I ask a question?", []),
])
def test_temporal_expressions_found_and_normalised(base_nlp, text, expected):
    assert tag(base_nlp, text) == expected


def test_day_first_numeric_dates_are_uk_dates(base_nlp):
    # 04/03/2024 is 4 March, never 3 April
    assert tag(base_nlp, "Seen on 04/03/2024.") == [("04/03/2024", "DATE", "2024-03-04")]


def test_impossible_numeric_dates_are_not_dates(base_nlp):
    assert tag(base_nlp, "Reference 31/02/2024 was wrong.") == []


def test_vague_and_age_relative_anchors_are_imprecise(base_nlp):
    doc = base_nlp("She disclosed it when she was 4 and was hurt as a baby, and again recently.")
    found = {e.text: e for e in find_temporal_expressions(doc, REPORT)}
    assert found["when she was 4"].imprecise and found["when she was 4"].value is None
    assert found["as a baby"].imprecise
    assert found["recently"].imprecise
    assert not find_temporal_expressions(base_nlp("Seen on 12/03/2024."), REPORT)[0].imprecise


def test_context_relative_expressions_use_the_last_date(base_nlp):
    doc = base_nlp("On 01/03/2024 Mia was seen. The following day she was absent.")
    values = {e.text: (e.value, e.relative) for e in find_temporal_expressions(doc, REPORT)}
    assert values["The following day"] == ("2024-03-02", "context")


@pytest.mark.parametrize("text, phrase, value", [
    ("On 01/03/2024 Mia was seen. Three days before that she was absent.", "Three days before that", "2024-02-27"),
    ("On 01/03/2024 Mia was seen. A few weeks after then she moved.", "A few weeks after then", "FUTURE_REF"),
    ("On 01/03/2024 Mia was seen. Mum rang a couple of days before this.", "a couple of days before this", "2024-02-28"),
])
def test_a_count_before_or_after_that_is_counted_from_the_last_date(base_nlp, text, phrase, value):
    found = {e.text: e for e in find_temporal_expressions(base_nlp(text), REPORT)}
    assert found[phrase].value == value and found[phrase].relative == "context"


def test_a_count_before_an_event_is_still_a_duration(base_nlp):
    found = [e.text for e in find_temporal_expressions(base_nlp("She left two years before the crisis began."), REPORT)]
    assert "two years before" not in found


def found_after_a_date(base_nlp, sequel):
    """(text, value, imprecise, relative) of what is found in `sequel` told after a dated sentence."""
    doc = base_nlp("On 01/03/2024 Mia was seen at home. " + sequel)
    return [(e.text, e.value, e.imprecise, e.relative) for e in find_temporal_expressions(doc, REPORT)[1:]]


@pytest.mark.parametrize("sequel, expected", [
    # "on" after a measure counts on from the date before when it ends the words or a subject follows
    ("Three days on, she was absent.", [("Three days on", "2024-03-04", False, "context")]),
    ("A few weeks on she went missing again.", [("A few weeks on", "FUTURE_REF", True, "context")]),
    ("She was arrested two months on from that.", [("two months on from that", "2024-05", False, "context")]),
    ("Two days prior to that she was absent.", [("Two days prior to that", "2024-02-28", False, "context")]),
    ("She had been seen a few months down the line.", [("a few months down the line", "FUTURE_REF", True, "context")]),
    ("A day or two later she rang.", [("A day or two later", "FUTURE_REF", True, "context")]),
    # no measure at all: some while after the date before
    ("Not long after that she was stopped by police.", [("Not long after that", "FUTURE_REF", True, "context")]),
    ("After a while she stopped attending.", [("After a while", "FUTURE_REF", True, "context")]),
    ("Later on she admitted it.", [("Later on", "FUTURE_REF", True, "context")]),
    ("In the weeks that followed the plan broke down.", [("the weeks that followed", "FUTURE_REF", True, "context")]),
    # a vague or approximate count before or after an event: some day near it
    ("A few days after the visit Mum rang.", [("A few days after", "FUTURE_REF", True, "context")]),
    ("A couple of months before his release he wrote.", [("A couple of months before", "PAST_REF", True, "context")]),
    # a month counted from the date before names no day
    ("Later that month she moved.", [("Later that month", "2024-03", True, "context")]),
    ("The following month she moved.", [("The following month", "2024-04", True, "context")]),
    ("By the end of that month she had moved.", [("the end of that month", "2024-03", True, "context")]),
    ("The following day she moved.", [("The following day", "2024-03-02", False, "context")]),
])
def test_a_time_told_only_after_the_date_before(base_nlp, sequel, expected):
    assert found_after_a_date(base_nlp, sequel) == expected


@pytest.mark.parametrize("sequel", [
    "She spent three days on the ward.",
    "He spent two weeks on remand.",
    "She was in hospital for a few days after the operation.",
    "Later on in the visit she showed me her room.",
    "She was seen again later on 6 March.",
])
def test_a_length_or_a_dated_time_is_no_vague_sequel(base_nlp, sequel):
    assert all(not imprecise for _, _, imprecise, _ in found_after_a_date(base_nlp, sequel))


def test_a_while_after_a_clock_time_is_the_same_occasion(base_nlp):
    doc = base_nlp("At 10:00 on 01/03/2024 I visited. After a while Mia came downstairs.")
    assert [(e.text, e.type, e.imprecise) for e in find_temporal_expressions(doc, REPORT)][-1] == (
        "After a while", "TIME", False)


@pytest.mark.parametrize("text", [
    "He has been offered a place on the Tuesday morning group.",
    "Kai stopped coming to the Thursday drop-in.",
    "She goes to the Saturday club with her cousin.",
])
def test_a_weekday_that_names_a_routine_thing_is_no_date(base_nlp, text):
    assert tag(base_nlp, text) == []


def test_the_weekday_after_a_date_is_that_weeks(base_nlp):
    doc = base_nlp("On 01/03/2024 Mia was admitted. On the Monday she was discharged.")
    assert [(e.text, e.value, e.relative) for e in find_temporal_expressions(doc, REPORT)][-1] == (
        "Monday", "2024-03-04", "context")
    assert tag(base_nlp, "Mia was seen on Monday.") == [("Monday", "DATE", "2024-03-11")]


def test_of_late_is_one_expression_as_lately(base_nlp):
    assert tag(base_nlp, "Mum has been drinking more of late.") == [("of late", "DATE", "PAST_REF")]


def test_times_take_their_day_from_the_paragraph(base_nlp):
    doc = base_nlp("On 01/03/2024 I visited. I left at 4pm.")
    assert [e.value for e in find_temporal_expressions(doc, REPORT)] == ["2024-03-01", "2024-03-01T16:00"]


def test_future_sentences_read_weekdays_forwards(base_nlp):
    assert tag(base_nlp, "Mia will be seen on Friday.") == [("Friday", "DATE", "2024-03-15")]
    assert tag(base_nlp, "Mia was seen on Friday.") == [("Friday", "DATE", "2024-03-08")]


def test_anchor_is_the_first_day_of_the_value(base_nlp):
    [expr] = find_temporal_expressions(base_nlp("They moved in June 2022."), REPORT)
    assert expr.anchor == dt.date(2022, 6, 1)


@pytest.mark.parametrize("value, expected", [
    ("2024-03-12", (dt.date(2024, 3, 12), dt.date(2024, 3, 12))),
    ("2024-03-12T10:00", (dt.date(2024, 3, 12), dt.date(2024, 3, 12))),
    ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    ("2024-W10-WE", (dt.date(2024, 3, 9), dt.date(2024, 3, 10))),
    ("2023-Q4", (dt.date(2023, 10, 1), dt.date(2023, 12, 31))),
    ("2016", (dt.date(2016, 1, 1), dt.date(2016, 12, 31))),
    ("199", (dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
    ("PRESENT_REF", None),
    ("P3D", None),
    (None, None),
])
def test_value_range(value, expected):
    assert value_range(value) == expected


@pytest.mark.parametrize("text, expected", [
    ("", None),
    ("Date of report: 20/03/2024\nChild: Mia", dt.date(2024, 3, 20)),
    ("School report\nReport date - 20 March 2024", dt.date(2024, 3, 20)),
    ("Date: 2024-03-20", dt.date(2024, 3, 20)),
    ("Date of birth: 01/02/2020", None),
    ("The date of report was not given.", None),
    ("Date of report: 20 March", None),
    ("Date: 14/05/2024   Time: 11:20\nHealth visitor note", dt.date(2024, 5, 14)),
    ("Date: 14/01/2023 home visit", None),
])
def test_stated_report_date(text, expected):
    assert stated_report_date(text) == expected


def test_dated_paragraph_and_heading_carry_their_date(nlp):
    text = ("Home visit 11/03/2024\n\nI saw Mia in the kitchen. She was crying.\n\n"
            "Concerns\n\nA bruise was noticed on her arm.")
    doc = nlp(text)
    anchors = sentence_anchors(doc, doc._.dates)
    carried = [a["carried"].value if a["carried"] else None for a in anchors]
    assert carried == [None, "2024-03-11", "2024-03-11", None, None]


@pytest.mark.parametrize("table", ["dev", "heldout", "stress"])
def test_tables_are_well_formed(table):
    cases = load_table(table)
    assert len(cases) >= 30
    assert {c["set"] for c in cases} == {"report", "news"}


@pytest.mark.parametrize("text", ["It happened 800000 days ago.", "It will be 3000000 days from now.",
                                  "That was 200000 weeks ago."])
def test_a_date_outside_the_calendar_is_found_without_a_value(review_text, text):
    dates = review_text(text)["dates"]
    assert len(dates) == 1 and dates[0]["type"] == "DATE" and dates[0]["value"] is None


def test_a_chronology_row_is_not_the_reports_own_date():
    assert stated_report_date("Chronology\nDate: 14/01/2023 home visit\nOn 15/03/2024 I saw Laura.") is None
    assert stated_report_date("Date: 14/01/2023\nOn 15/03/2024 I saw Laura.") == dt.date(2023, 1, 14)


@pytest.mark.parametrize("text, age", [
    ("He was cautioned in his late teens.", "his late teens"),
    ("She used drugs in her twenties.", "her twenties"),
    ("They moved abroad in their mid-thirties.", "their mid-thirties"),
])
def test_a_decade_of_someones_life_is_an_age_anchor(base_nlp, text, age):
    found = {e.text: e for e in find_temporal_expressions(base_nlp(text), REPORT)}
    assert age in found and found[age].imprecise and found[age].value is None


@pytest.mark.parametrize("text, expected", [
    ("Chronology\n2011 - Dad arrested", [("2011", "DATE", "2011")]),
    ("He scored 2011 - 12 points", []),
    ("Cautions\n- 1997 - shoplifting, reprimand", [("1997", "DATE", "1997")]),
    ("Record\n• 2003 – theft of a bicycle", [("2003", "DATE", "2003")]),
    ("Result\n- 4 - 2 to the home side", []),
])
def test_a_year_opening_a_chronology_line_or_bullet_before_a_dash_is_a_date(base_nlp, text, expected):
    assert tag(base_nlp, text) == expected


@pytest.mark.parametrize("text, age", [
    ("At 14, she was excluded.", "At 14"),
    ("He left. At fifteen, he joined a gang.", "At fifteen"),
    ("At 10, police arrived.", None),         # could be a clock time
    ("Police arrived at 14, Oak Road.", None),  # not opening a sentence
])
def test_a_sentence_opening_with_a_teenage_age_is_an_age_anchor(base_nlp, text, age):
    found = {e.text: e for e in find_temporal_expressions(base_nlp(text), REPORT) if e.value is None}
    assert (age in found) if age else not found


@pytest.mark.parametrize("text", [
    "Zoë saw her LAST MONDAY, 3½ weeks ago; the café shut on ’Tuesday’ 12/03/2021 at 10.30 AM.",
    "When ÉLODIE was 4 she moved. When Ana Was 6, NEXT WEEK, early August 2013, the following day",
])
def test_lower_cased_scan_finds_what_the_case_insensitive_rules_find(text):
    """Each rule's fast scan of the lower-cased text gives the very matches, groups and order of its own pattern."""
    from review.nlp.temporal.candidates import _RULES
    from review.nlp.temporal.grammar import lowered

    assert lowered(text) is not None
    for rule in _RULES:
        fast = [(m.span(), m.groupdict()) for m in rule.finditer(text, lowered(text))]
        assert fast == [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]


@pytest.mark.parametrize("text", ["\u212aelvin last week", "ſome time ago", "İstanbul next Friday"])
def test_text_that_lower_cases_otherwise_is_scanned_as_written(text):
    """A character re.I matches to an ASCII letter, or that lower-cases to two, keeps the case-insensitive scan."""
    from review.nlp.temporal.grammar import lowered

    assert lowered(text) is None


_DATE_WORDS = ["last", "NEXT", "Monday", "tuesday", "week", "Weeks", "ago", "early", "August", "2013", "12/03/2021",
               "10.30", "AM", "pm", "the", "following", "day", "when", "she", "was", "4", "Christmas", "XMAS", "nye",
               "summer", "Term", "since", "until", "3rd", "of", "May", "a", "couple", "months", "back", "recently",
               "é", "’", ",", ".", "-", "–", "/", ":", "(", ")", "\n", "2½", "Zoë"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=30).map(" ".join))
def test_lower_cased_scan_equals_the_case_insensitive_rules_on_any_text(text):
    """Over any mix of dates, times, cases and punctuation, the fast scan finds each rule's own matches exactly."""
    from review.nlp.temporal.candidates import _RULES
    from review.nlp.temporal.grammar import lowered

    for rule in _RULES:
        fast = [(m.span(), m.groupdict()) for m in rule.finditer(text, lowered(text))]
        assert fast == [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]


def _scans_agree(text):
    """Each rule tried only where `RuleStarts` says some rule may match finds its own matches of `text`."""
    from review.nlp.temporal.candidates import _RULE_STARTS, _RULES
    from review.nlp.temporal.grammar import lowered

    lower = lowered(text)
    if lower is None:
        return  # scanned as written, rule by rule
    starts = _RULE_STARTS.find(lower)
    assert starts is not None
    for rule in _RULES:
        found = [(m.span(), m.groupdict()) for m in rule.finditer(text, lower, starts)]
        assert found == [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]


def test_every_rule_joins_the_one_pass_scan_and_none_matches_nothing():
    """The one-pass scan covers the whole grammar; trying a rule only at the places it finds is finditer's own
    search only while no rule can match the empty string."""
    from review.nlp.temporal.candidates import _RULE_STARTS, _RULES

    assert _RULE_STARTS.pattern is not None
    assert not any(rule.lowered.fullmatch("") or rule.pattern.fullmatch("") for rule in _RULES)


@pytest.mark.parametrize("text", [
    "Seen 12/03/2024 and 3.4.24, again on 05-06-2023; not 12/03-2024 nor 1.2/3.",
    "Mum rang at 10.30am, then Monday 4th at 2pm and the next day; six weeks later, at the end of last term.",
    "Since Christmas 2022 (and over the summer) he has been seen twice a week, every other Friday.",
    "2024-03-01.12/3/24:the 1990s,mid-2019/early 2020; Tues. 5 Mar. at approx. 9.15 a.m.",
])
def test_one_pass_scan_finds_what_each_rule_finds_alone(text):
    _scans_agree(text)


def test_one_pass_scan_finds_what_each_rule_finds_alone_in_the_sample_reports():
    from review.evaluate._samples import corpus_reports

    for report in corpus_reports():
        _scans_agree(report)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=30).map(" ".join))
def test_one_pass_scan_equals_each_rule_alone_on_any_text(text):
    """Over any mix of dates, times and punctuation, the rules tried where the one pass says find their matches."""
    _scans_agree(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=30).map("".join))
def test_one_pass_scan_equals_each_rule_alone_on_text_run_together(text):
    """As above with no spaces between the pieces, where one match can end just where the next begins."""
    _scans_agree(text)
