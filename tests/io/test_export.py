"""Downloads built in memory: JSON, HTML, .docx with Word comments, and the feedback file."""

import io
import json

import docx
import pytest

from review.io.export import feedback_file, finding_key, to_docx, to_html, to_json, with_coaching
from review.io.readers import read_docx
from review.io.render import render_html

REPORT = ("Date of report: 20/03/2024\nChild: Mia Carter (aged 7)\n\n"
          "Mum is a neglectful parent. A bruise was noticed on Mia's arm.\n\n"
          "In 2016 Dad was cautioned for criminal damage. The home has been described as \"chaotic\".")


@pytest.fixture(scope="module")
def document(nlp):
    import review

    return review.analyse(REPORT, report_date="2024-03-20", children=["Mia"], doc_id="mia.txt")


def unzipped(data: bytes) -> bytes:
    """Every part of a .docx package, uncompressed (its text and comments are XML inside a zip)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"".join(package.read(name) for name in package.namelist())


def test_docx_has_a_comment_per_finding_on_words_and_one_summary(document):
    """Where each comment lies is tested in test_word.py; here, what they say."""
    comments = list(docx.Document(io.BytesIO(to_docx(document))).comments)
    on_words = [f for f in document["findings"] if f["end"] > f["start"]]
    assert len(comments) == len(on_words) + 1 and len(on_words) < len(document["findings"])
    for finding, comment in zip(on_words, comments):
        assert finding["message"] in comment.text and finding["suggestion"] in comment.text
        assert finding["rule"] in comment.text and comment.author == "Safeguarding review"
    assert comments[-1].text.startswith("Review notes on the whole report")


def test_docx_keeps_the_report_text(document, tmp_path):
    path = tmp_path / "report.docx"
    path.write_bytes(to_docx(document))
    lines = [line for line in REPORT.split("\n") if line.strip()]
    assert read_docx(path) == "\n\n".join(lines)


def test_docx_of_an_empty_report_opens():
    empty = {"text": "", "findings": [], "sentences": []}
    assert docx.Document(io.BytesIO(to_docx(empty))).paragraphs is not None


def test_dismissed_finding_is_kept_with_its_reason_in_every_download(document):
    key = finding_key(document["findings"][-1])
    coached = with_coaching(document, {key: "Discussed in supervision <b>ok</b>"})
    assert coached["findings"][-1]["dismissed"] == {"reason": "Discussed in supervision <b>ok</b>"}
    assert "dismissed" not in document["findings"][-1]  # the original is untouched
    assert coached["summary"]["dismissed"] == 1
    assert json.loads(to_json(coached))[0]["findings"][-1]["dismissed"]["reason"].startswith("Discussed")
    page = to_html(coached).decode()
    assert "Discussed in supervision &lt;b&gt;ok&lt;/b&gt;" in page and "<b>ok</b>" not in page
    assert "Dismissed by the reviewer: Discussed in supervision" in "".join(
        c.text for c in docx.Document(io.BytesIO(to_docx(coached))).comments)


def test_html_download_is_the_cli_page(document):
    assert to_html(document).decode() == render_html([document])


def test_json_download_is_what_the_cli_writes(document):
    assert json.loads(to_json(document)) == [document]


def test_feedback_file_lists_wrong_flags_redacted(document):
    target = next(f for f in document["findings"] if f["sentence"] is not None and "Mia" in
                  document["sentences"][f["sentence"]]["text"])
    coached = with_coaching(document, {finding_key(document["findings"][0]): "fine for Mia Carter"})
    payload = json.loads(feedback_file(coached, {finding_key(target): "Mia's bruise was dated elsewhere"}))
    assert payload["format"].startswith("safeguarding-review-feedback") and payload["redacted"] is True
    assert [f["rule"] for f in payload["wrong_flags"]] == [target["rule"]]
    assert payload["wrong_flags"][0]["note"] == "[Child A]'s bruise was dated elsewhere"
    assert "[Child A]" in payload["wrong_flags"][0]["sentence"]
    assert len(payload["dismissed"]) == 1
    assert "Mia" not in json.dumps(payload) and "Carter" not in json.dumps(payload)


def test_feedback_file_with_nothing_marked_is_empty(document):
    payload = json.loads(feedback_file(document, {}))
    assert payload["wrong_flags"] == [] and payload["dismissed"] == []


def test_downloads_are_built_on_demand_and_redacted_when_asked(document):
    from review.io.export import Downloads

    key = finding_key(document["findings"][0])
    plain = Downloads(document, dismissed={key: "ok"})
    assert "shared" not in vars(plain)  # nothing built yet
    assert json.loads(plain.json())[0]["findings"][0]["dismissed"] == {"reason": "ok"}
    assert plain.html() == to_html(with_coaching(document, {key: "ok"}))
    shared = Downloads(document, redacted=True, persons=["Mia Carter"])
    for text in (shared.html(), shared.json(), unzipped(shared.docx()), shared.feedback()):
        assert b"Mia" not in text and b"Carter" not in text
    assert b"[Child A]" in unzipped(shared.docx())


def test_word_file_takes_control_characters_pasted_from_a_pdf():
    import review

    document = review.analyse("The mother was neglectful.\x0cThe father shouted\x00 on Monday.", report_date="2024-03-20")
    word = docx.Document(io.BytesIO(to_docx(document)))
    assert "neglectful" in "\n".join(p.text for p in word.paragraphs)
