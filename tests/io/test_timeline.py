"""The chronology as a timeline: the points both renderings draw, and the static SVG of the HTML output."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import review
from review.io.render import chronology_table, render_html
from review.io.timeline import Gap, span_words, ticks, timeline, timeline_svg, when_words

SVG = "{http://www.w3.org/2000/svg}"


def event(date, sentence, text, anchor=None):
    anchor = anchor if anchor is not None else (date + "-01-01" if len(date) == 4 else date[:10])
    return {"date": date, "anchor": anchor, "sentence": sentence, "start": 0, "end": 1, "text": text,
            "carried": False, "imprecise": False}


DOCUMENT = {
    "id": "r", "report_date": "2024-03-20", "text": "",
    "events": [
        event("2024-03-18", 0, "On 18/03/2024 Mia was absent from school."),
        event("2015", 3, "In 2015 an uncle was cautioned for shoplifting."),
        event("PAST_REF", 4, "Recently things were hard.", anchor=None),  # no calendar time: not drawn
        event("2019-06", 2, "In June 2019 the family moved to Leeds <b>&amp</b>."),
        event("2024-03-12T15:00", 1, "At 3pm on 12 March Dad came to school."),
    ],
    "findings": [{"check": "historic", "rule": "historic.no_relevance", "sentence": 3, "severity": "warning"},
                 {"check": "opinion", "rule": "opinion.judgement", "sentence": 0, "severity": "warning"}],
}
DOCUMENT["events"][2]["anchor"] = None


def test_dated_events_in_time_order_with_historic_marked_and_undated_left_out():
    line = timeline(DOCUMENT)
    assert [e.when for e in line.events] == ["2015", "Jun 2019", "12/03/2024 15:00", "18/03/2024"]
    assert [e.index for e in line.events] == [1, 3, 4, 0]  # each keeps its row of the chronology
    assert [e.kind for e in line.events] == ["unlinked", "historic", "recent", "recent"]
    assert all(e.text for e in line.events) and 2 not in {e.index for e in line.events}
    middles = [e.middle for e in line.events]
    assert middles == sorted(middles)
    assert line.first <= line.events[0].start and line.last >= line.report_date
    assert line.horizon == dt.date(2023, 3, 20)  # 12 months before the report (rules/historic.yaml)


def test_the_horizon_follows_the_months_given():
    assert [e.kind for e in timeline(DOCUMENT, months=60).events] == ["unlinked", "recent", "recent", "recent"]


def test_long_gaps_are_named_and_close_points_stacked():
    line = timeline(DOCUMENT)
    assert Gap(dt.date(2015, 12, 31), dt.date(2019, 6, 1)) in line.gaps
    assert any(g.label == "3 years with no dated event" for g in line.gaps)  # 3.4 years, rounded
    crowded = {**DOCUMENT, "events": [event("2024-03-18", n, f"Event {n}.") for n in range(4)]}
    assert [e.lane for e in timeline(crowded).events] == [0, 1, 2, 3]


def test_recent_events_squeezed_by_a_long_history_get_their_own_axis():
    line = timeline(DOCUMENT)
    assert line.detail is not None
    assert [e.index for e in line.detail.events] == [4, 0]
    assert line.detail.last - line.detail.first < (line.last - line.first) / 4
    assert timeline({**DOCUMENT, "events": DOCUMENT["events"][:1]}).detail is None


def test_dates_read_as_people_say_them():
    assert when_words("2024-03", dt.date(2024, 3, 1), dt.date(2024, 3, 31)) == "Mar 2024"
    assert when_words("2024-W11", dt.date(2024, 3, 11), dt.date(2024, 3, 17)) == "11/03/2024–17/03/2024"
    assert [span_words(d) for d in (3, 20, 100, 800)] == ["3 days", "3 weeks", "3 months", "2 years"]


def test_axis_ticks_are_round_dates_inside_the_axis():
    for first, last in ((dt.date(2014, 10, 1), dt.date(2024, 5, 1)), (dt.date(2023, 11, 5), dt.date(2024, 4, 2)),
                        (dt.date(2024, 3, 1), dt.date(2024, 3, 25))):
        found = ticks(first, last)
        assert 2 <= len(found) <= 9
        assert all(first < day < last for day, _ in found)
        assert [day for day, _ in found] == sorted(day for day, _ in found)


def test_svg_is_well_formed_with_one_linked_mark_per_dated_event():
    svg = timeline_svg(DOCUMENT, id_prefix="d0-e")
    root = ET.fromstring(svg)  # well-formed XML, the sentence's "<b>&amp" escaped
    whole = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "panel whole")
    marks = [m for m in whole.iter() if "event" in (m.get("class") or "").split()]
    line = timeline(DOCUMENT)
    assert len(marks) == len(line.events) == 4
    assert [m.get("class").split()[1] for m in marks] == [e.kind for e in line.events]
    assert [m.tag for m in marks] == [f"{SVG}polygon", f"{SVG}polygon", f"{SVG}circle", f"{SVG}circle"]
    titles = [m.find(f"{SVG}title").text for m in marks]
    assert titles[0].startswith("2015 · Historic, no link to now: In 2015 an uncle")
    assert "<b>&amp</b>" in titles[1]
    links = [a.get("href") for a in whole.iter(f"{SVG}a")]
    assert links == ["#d0-e1", "#d0-e3", "#d0-e4", "#d0-e0"]
    rows = set(re.findall(r'<tr id="([^"]+)"', chronology_table(DOCUMENT, id_prefix="d0-e")))
    assert {link[1:] for link in links} <= rows
    recent = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "panel recent")
    assert len([m for m in recent.iter() if "event" in (m.get("class") or "").split()]) == 2


def test_no_svg_without_a_dated_event():
    assert timeline_svg({**DOCUMENT, "events": DOCUMENT["events"][2:3]}) == ""


def test_html_output_draws_the_timeline_of_a_reviewed_report(nlp):
    document = review.analyse("Date of report: 20/03/2024\n\nOn 18/03/2024 Mia was absent from school.\n\n"
                              "In 2015 an uncle was cautioned for shoplifting.\n", doc_id="r")
    page = render_html([document])
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    marks = [m for m in ET.fromstring(svg).iter() if "event" in (m.get("class") or "").split()]
    assert len(marks) == len(timeline(document).events) == len(document["events"]) >= 2
    assert any("historic" in m.get("class") or "unlinked" in m.get("class") for m in marks)
    assert 'id="d0-e0"' in page
