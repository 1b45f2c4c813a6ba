"""The shared HTML pieces of review/render.py, on hand-made document objects (no model needed)."""

import pytest

from review.io import render

TEXT = "Mum is neglectful. <b>Dad</b> appeared drunk one afternoon."


def finding(check, start, end, rule=None, **extra):
    return {"check": check, "rule": rule or f"{check}.x", "principle": "accurate", "severity": "warning",
            "start": start, "end": end, "match": TEXT[start:end], "sentence": 0 if end > start else None,
            "message": f"{check} message", "suggestion": f"{check} suggestion", "rationale": "policy line",
            **extra}


def document(*findings, **extra):
    return {"id": "r", "text": TEXT, "report_date": "2024-03-20", "children": [], "sentences": [
        {"start": 0, "end": 18, "text": TEXT[:18], "words": 3}, {"start": 19, "end": len(TEXT), "text": TEXT[19:],
                                                                  "words": 5}],
        "summary": {"words": 8, "sentences": 2, "grade": 3.25}, "findings": list(findings), **extra}


def test_report_text_is_escaped_and_kept_whole():
    html = render.highlighted_report(document())
    assert html == TEXT.replace("<", "&lt;").replace(">", "&gt;")


def test_each_finding_is_a_mark_of_its_check_with_its_explanation():
    neglect = TEXT.index("neglectful")
    html = render.highlighted_report(document(finding("opinion", neglect, neglect + 10)))
    assert '<mark class="c-opinion"' in html and "neglectful<span class=\"tip\"" in html
    assert "opinion message" in html and "Suggestion: opinion suggestion" in html
    assert 'tabindex="0"' in html  # reachable by keyboard and click, not only hover


def test_overlapping_findings_are_cut_striped_and_outlined():
    appeared = TEXT.index("appeared")
    sentence_end = len(TEXT)
    doc = document(finding("opinion", appeared, appeared + 8), finding("date", 19, sentence_end))
    html = render.highlighted_report(doc)
    assert html.count("<mark") == 3  # before, the overlap, after
    overlap = next(piece for piece in html.split("<mark")[1:] if "overlap" in piece)
    assert "c-opinion c-date" in overlap and "repeating-linear-gradient" in overlap
    assert "opinion message" in overlap and "date message" in overlap


@pytest.mark.parametrize("checks, shown, hidden", [
    (None, ["c-opinion", "c-date"], []),
    (["date"], ["c-date"], ["c-opinion"]),
    ([], [], ["c-opinion", "c-date"]),
])
def test_filter_by_check(checks, shown, hidden):
    doc = document(finding("opinion", 7, 17), finding("date", 19, 30))
    html = render.highlighted_report(doc, checks=checks)
    assert all(c in html for c in shown) and not any(c in html for c in hidden)


def test_dismissed_findings_are_not_highlighted_but_listed_with_the_reason():
    doc = document(finding("opinion", 7, 17, dismissed={"reason": "agreed <ok>"}))
    assert "<mark" not in render.highlighted_report(doc)
    card = render.finding_card(0, doc["findings"][0], doc)
    assert "dismissed" in card and "agreed &lt;ok&gt;" in card
    assert render.legend(doc).count("<li") == 0


def test_whole_report_finding_is_not_highlighted_but_has_a_card():
    doc = document(finding("child_voice", 0, 0))
    assert "<mark" not in render.highlighted_report(doc)
    assert "(the whole report)" in render.finding_card(0, doc["findings"][0], doc)


def test_opinion_card_has_the_rewrite_scaffold_and_others_do_not():
    doc = document(finding("opinion", 7, 17), finding("date", 19, 30))
    opinion, date = (render.finding_card(i, f, doc) for i, f in enumerate(doc["findings"]))
    for head, _ in render.OPINION_SCAFFOLD:
        assert head in opinion
    assert "Rewrite scaffold" not in date
    assert "Policy: “policy line”" in opinion and "Mum is neglectful." in opinion


def test_unknown_check_gets_a_label_and_a_colour():
    assert render.check_label("new_check") == "New check"
    doc = document(finding("new_check", 0, 3))
    assert render.OTHER_COLOUR in render.highlighted_report(doc)


def test_checklist_and_chronology_tables_escape_and_number_sentences():
    doc = document(checklist=[
        {"question": "impact", "answered": True, "applicable": True, "sentences": [0, 1], "text": "Impact <b>?"},
        {"question": "barriers", "answered": False, "applicable": True, "sentences": [], "text": "Barriers?"},
        {"question": "how_disclosed", "answered": False, "applicable": False, "sentences": [], "text": "How?"},
    ], events=[{"date": "2024-03-12", "text": "<i>Visit</i>", "sentence": 1}])
    checklist = render.checklist_table(doc)
    assert "Impact &lt;b&gt;?" in checklist and "✔ answered</td><td>1, 2" in checklist
    assert "✘ not answered" in checklist and "How?" not in checklist  # not applicable: left out
    assert "2024-03-12" in render.chronology_table(doc) and "&lt;i&gt;Visit" in render.chronology_table(doc)
    assert render.chronology_table(document()) == "<p>No dated events found.</p>"


def test_summary_counts_findings_per_principle_and_dismissals():
    doc = document(finding("opinion", 7, 17), finding("opinion", 19, 30, dismissed={"reason": ""}),
                   finding("date", 19, 30))
    summary = render.summary_table(doc)
    assert "Fact and opinion</td><td>1" in summary and "Dates and times</td><td>1" in summary
    assert "Findings dismissed</th><td>1" in summary and "3.2" in summary


def test_standalone_page_is_self_contained():
    page = render.render_html([document(finding("opinion", 7, 17))])
    assert page.startswith("<!doctype html>") and "<script>" in page
    assert "http://" not in page and "https://" not in page and "@import" not in page


def test_a_page_of_several_reports_has_unique_finding_ids():
    import re

    import review

    documents = [review.analyse("The mother was neglectful.", report_date="2024-03-20", doc_id=n) for n in (1, 2)]
    ids = re.findall(r'id="([^"]+)"', render.render_html(documents))
    assert ids and len(ids) == len(set(ids))
