"""The page's audit mode and timeline with Streamlit's AppTest: upload many reports, table, charts, downloads."""

import csv
import io
import json
import zipfile

import docx
import pytest
from openpyxl import load_workbook

import review
from review.io import audit

FIRST = ("Date of report: 20/03/2024\nChild: Mia Carter (aged 7)\n\nOn 18/03/2024 Mia was absent from school. "
         "Mum is a neglectful parent.\n\nIn 2015 an uncle was cautioned for shoplifting.\n")
SECOND = ("Date of report: 02/05/2024\nChild: Leo Hart (aged 2)\n\nOn 29/04/2024 I visited Leo at home. "
          "The home was chaotic and Dad appeared drunk.\n")


@pytest.fixture
def app(nlp, start_page):
    """The page, with every file its download buttons offer captured by file name."""
    return start_page(300)


def word_file(text: str) -> bytes:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def audit_upload(at, files):
    at.radio(key="mode").set_value("Audit many reports").run()
    at.file_uploader(key="audit_upload").set_value(files).run()
    assert not at.exception, at.exception
    return at


def table(at) -> list[dict]:
    """The rows of the reports' table."""
    frame = next(d.value for d in at.dataframe if "Fact and opinion" in d.value.columns)
    return frame.to_dict("records")


def charts(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def test_audit_mode_puts_uploaded_reports_in_a_table_with_charts_and_downloads(app):
    audit_upload(app, [("mia.txt", FIRST.encode(), "text/plain"), ("leo.docx", word_file(SECOND), "application/zip")])
    rows = table(app)
    assert [row["id"] for row in rows] == ["mia.txt", "leo.docx"]
    assert list(rows[0]) == audit.columns()
    expected = review.analyse(FIRST, doc_id="mia.txt")
    assert rows[0]["findings"] == len(expected["findings"]) > 0
    assert rows[0]["Fact and opinion"] == sum(f["check"] == "opinion" for f in expected["findings"]) > 0
    assert rows[1]["Fact and opinion"] > 0  # "chaotic", read from the .docx

    titles = [json.dumps(spec) for spec in charts(app)]
    assert any("Which principles fail most" in t for t in titles) and any("Which reports need most work" in t
                                                                          for t in titles)
    downloaded = list(csv.DictReader(io.StringIO(app.downloads["audit.csv"].decode("utf-8")
                                                 if isinstance(app.downloads["audit.csv"], bytes)
                                                 else app.downloads["audit.csv"])))
    assert [row["id"] for row in downloaded] == ["mia.txt", "leo.docx"]
    assert [int(row["Fact and opinion"]) for row in downloaded] == [row["Fact and opinion"] for row in rows]
    sheet = load_workbook(io.BytesIO(app.downloads["audit.xlsx"])).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == audit.columns() and [v[0] for v in values[1:]] == ["mia.txt", "leo.docx"]
    assert [dict(zip(values[0], v)) for v in values[1:]] == rows
    for data in (app.downloads["audit.xlsx"], str(app.downloads["audit.csv"]).encode()):
        assert b"neglectful" not in data and b"Mia Carter" not in data  # counts only


def test_audit_mode_opens_one_report_from_the_table(app):
    audit_upload(app, [("mia.txt", FIRST.encode(), "text/plain"), ("leo.txt", SECOND.encode(), "text/plain")])
    app.selectbox(key="audit_open").set_value("mia.txt").run()
    assert not app.exception
    report = next(h.value for h in app.html if 'class="report"' in h.value)
    assert 'mark class="c-opinion' in report and "neglectful" in report
    timeline = [spec for spec in charts(app) if "shoplifting" in json.dumps(spec)]
    assert timeline, "the opened report's timeline carries its sentences"


def test_audit_mode_reads_a_zip_leaving_out_what_is_no_report(app):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("reports/mia.txt", FIRST)
        package.writestr("reports/README.md", "# About these reports")
        package.writestr("../escape.txt", SECOND)
        package.writestr("reports/leo.docx", word_file(SECOND))
    audit_upload(app, [("set.zip", data.getvalue(), "application/zip")])
    assert [row["id"] for row in table(app)] == ["set.zip/reports/leo.docx", "set.zip/reports/mia.txt"]
    skipped = next(d.value for d in app.dataframe if "Why" in d.value.columns).to_dict("records")
    assert {s["File"]: s["Why"].split(" (")[0] for s in skipped} == {
        "set.zip/../escape.txt": "unsafe: a path out of the archive", "set.zip/reports/README.md": "not a report"}


def test_review_mode_draws_the_chronology_as_a_timeline(app):
    app.text_area(key="pasted").set_value(FIRST).run()
    app.button(key="review").click().run()
    assert not app.exception
    specs = [json.dumps(spec) for spec in charts(app)]
    timeline = next(s for s in specs if "shoplifting" in s)
    assert "Historic, no link to now" in timeline and "On 18/03/2024 Mia was absent" in timeline


def test_timeline_axis_labels_are_the_html_timelines():
    import datetime as dt

    from review.io.timeline import ticks
    from review.page import timeline as page_timeline

    line = type("Line", (), {"first": dt.date(2014, 11, 1), "last": dt.date(2024, 4, 1)})()
    axis = page_timeline._x(line, "middle").to_dict()["axis"]
    assert axis["values"] == [day.isoformat() for day, _ in ticks(line.first, line.last)]
    assert '"2016-01-01": "2016"' in axis["labelExpr"] and "utcFormat" in axis["labelExpr"]
