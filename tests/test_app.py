"""The review page's flows with Streamlit's AppTest: paste, upload, filter, coach, download, train, escape."""

import io
import json
from pathlib import Path

import docx
import pytest

import review

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SAMPLE = Path(APP).with_name("corpus") / "01-school-mia-before.txt"
REPORT = ("Date of report: 20/03/2024\nChild: Mia Carter (aged 7)\n\n"
          "On 18/03/2024 Mia was absent from school. Mum is a neglectful parent. Dad appeared drunk when he "
          "came to collect Mia.\n\nIn 2015 an uncle was cautioned for shoplifting.\n\n"
          'Mia said "I don\'t like going home".')
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XSS = '<script>alert("x")</script> <img src=x onerror="alert(1)"> **bold** [link](javascript:alert(1)) # Head'


@pytest.fixture
def app(nlp, start_page):
    """The page, with every file its download buttons offer captured by file name."""
    return start_page(120)


def paste(at, text, *, review=True):
    """Paste `text`, then press Review (unless told not to)."""
    at.text_area(key="pasted").set_value(text).run()
    assert not at.exception, at.exception
    if review:
        press_review(at)
    return at


def press_review(at):
    at.button(key="review").click().run()
    assert not at.exception, at.exception
    return at


def shown_report(at) -> list[str]:
    return [h.value for h in at.html if 'class="report"' in h.value]


def report_html(at) -> str:
    return next(h.value for h in at.html if 'class="report"' in h.value)


def all_html(at) -> str:
    return "\n".join(h.value for h in at.html)


def markdown_texts(at) -> list[str]:
    return [m.value for m in [*at.markdown, *at.caption, *at.error, *at.info, *at.success, *at.warning]]


def unzipped(data: bytes) -> bytes:
    """Every part of a .docx package, uncompressed."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"".join(package.read(name) for name in package.namelist())


def downloaded_document(at) -> dict:
    """The JSON download: an array of one document object, as ``review check --format json``."""
    documents = json.loads(files(at)["json"])
    assert isinstance(documents, list) and len(documents) == 1
    return documents[0]


def files(at) -> dict:
    """The files the download buttons of the latest run offer, by kind."""
    offered = {}
    for name, data in at.downloads.items():
        kind = ("feedback" if name == "review-feedback.json" else Path(name).suffix.lstrip("."))
        offered[kind] = data
    offered["preview"] = at.session_state["downloads"]["files"].shared["text"].encode("utf-8")
    return offered


def test_empty_page_asks_for_a_report(app):
    assert any("Paste a report" in m for m in markdown_texts(app))


def test_results_wait_for_the_review_button_and_hide_while_the_text_has_changed(app):
    paste(app, REPORT, review=False)
    assert not shown_report(app) and any("Press Review" in m for m in markdown_texts(app))
    press_review(app)
    assert "neglectful" in shown_report(app)[0]
    paste(app, "Dad is an aggressive man.", review=False)
    assert not shown_report(app) and not app.metric and not app.get("download_button")
    assert "Press Review to check the changed text." in markdown_texts(app)
    press_review(app)
    assert "aggressive" in shown_report(app)[0] and "neglectful" not in shown_report(app)[0]


def test_pasted_report_is_highlighted_with_date_and_child_prefilled(app):
    paste(app, REPORT)
    html = report_html(app)
    for check in ("opinion", "historic", "child_voice"):
        assert f"mark class=\"c-{check}" in html
    assert str(app.date_input(key="report_date").value) == "2024-03-20"
    assert app.text_input(key="children").value == "Mia"
    assert any(m.label == "Findings" for m in app.metric)


def test_editing_the_report_date_re_analyses_with_it_on_review(app):
    paste(app, REPORT)
    app.date_input(key="report_date").set_value(__import__("datetime").date(2016, 6, 1)).run()
    assert not shown_report(app) and any("changed date" in m for m in markdown_texts(app))
    press_review(app)
    assert downloaded_document(app)["report_date"] == "2016-06-01"
    assert str(app.date_input(key="report_date").value) == "2016-06-01"  # kept, not re-detected


def test_suggestion_examples_use_the_report_date(app):
    paste(app, REPORT)
    assert "On 20/03/2024 I saw" in all_html(app) and "12/03/2024" not in all_html(app)
    app.date_input(key="report_date").set_value(__import__("datetime").date(2016, 6, 1)).run()
    press_review(app)
    assert "On 01/06/2016 I saw" in all_html(app) and "20/03/2024 I saw" not in all_html(app)


def test_a_report_with_no_date_says_today_decides_what_is_historic(app):
    paste(app, "Mum is a neglectful parent. In 2015 an uncle was cautioned for shoplifting.")
    assert any("today" in c.value and "historic" in c.value for c in app.caption)
    paste(app, REPORT)
    assert not any("today" in c.value for c in app.caption)


def test_the_date_caption_says_where_the_report_date_came_from(app):
    paste(app, "From: Ms Shah\nSent: 14 May 2024 09:12\nSubject: Leo\n\nLeo was late to school twice last week.")
    assert any("Sent:" in c.value for c in app.caption)
    app.date_input(key="report_date").set_value(__import__("datetime").date(2024, 5, 20)).run()
    assert any(c.value == "Date entered here" for c in app.caption)


def test_principles_with_no_findings_are_shown_but_not_offered(app):
    paste(app, "Date of report: 20/03/2024\nChild: Mia Carter (aged 7)\n\nMum is a neglectful parent.")
    options = app.button_group(key="legend").options
    assert any(o.startswith("Fact and opinion (") for o in options)
    assert not any(o.startswith(("Historic information", "Dates and times")) for o in options)
    legend = next(h.value for h in app.html if "pill off" in h.value)
    assert "Historic information (0)" in legend and 'aria-disabled="true"' in legend


def test_a_note_restated_by_the_checklist_is_shown_once(app):
    paste(app, SAMPLE.read_text(encoding="utf-8"))  # quotes no word of Mia's, records no wishes
    rules = [f["rule"] for f in downloaded_document(app)["findings"]]
    assert {"child_voice.no_quote", "checklist.child_words", "child_voice.no_wishes",
            "checklist.wishes_feelings"} <= set(rules)  # the JSON keeps every rule
    titles = [e.label for e in app.expander]
    assert sum("No words of the child are quoted" in t for t in titles) == 1
    assert not any("does not quote what the child said" in t for t in titles)
    assert sum("wishes and feelings" in t and "record" in t for t in titles) == 1
    cards = all_html(app)
    assert "child_voice.no_quote, checklist.child_words" in cards
    assert files(app)["html"].decode().count("child_voice.no_quote, checklist.child_words") == 1
    assert b"does not quote what the child said" not in files(app)["html"]
    legend = app.button_group(key="legend").options
    assert any(o.startswith("Policy checklist (") for o in legend)


def test_dismissing_a_restated_note_dismisses_both_rules(app):
    paste(app, SAMPLE.read_text(encoding="utf-8"))
    document = downloaded_document(app)
    note = next(f for f in document["findings"] if f["rule"] == "child_voice.no_quote")
    app.button(key=f"dismiss-{note['rule']}@{note['start']}-{note['end']}").click().run()
    dismissed = {f["rule"] for f in downloaded_document(app)["findings"] if f.get("dismissed")}
    assert dismissed == {"child_voice.no_quote", "checklist.child_words"}


def test_filter_shows_one_principle_without_re_running_the_analysis(app, monkeypatch):
    paste(app, REPORT)
    calls = []
    real = review.analyse_doc
    monkeypatch.setattr(review, "analyse_doc", lambda *a, **k: calls.append(1) or real(*a, **k))
    app.button_group(key="legend").set_value("opinion").run()
    html = report_html(app)
    assert 'class="c-opinion' in html and "c-historic" not in html and "c-child_voice" not in html
    app.button_group(key="legend").set_value("all").run()
    assert "c-historic" in report_html(app)
    assert calls == []


def _first_key(at, rule_prefix):
    document = downloaded_document(at)
    finding = next(f for f in document["findings"] if f["rule"].startswith(rule_prefix))
    return f"{finding['rule']}@{finding['start']}-{finding['end']}"


def test_dismiss_with_a_reason_is_kept_in_the_downloads_and_can_be_restored(app):
    paste(app, REPORT)
    key = _first_key(app, "opinion.judgement")
    before = int(next(m for m in app.metric if m.label == "Findings").value)
    app.text_input(key=f"note-{key}").set_value("Discussed: the GP's words").run()
    app.button(key=f"dismiss-{key}").click().run()
    assert int(next(m for m in app.metric if m.label == "Findings").value) == before - 1
    document = downloaded_document(app)
    dismissed = [f for f in document["findings"] if f.get("dismissed")]
    assert [f["dismissed"]["reason"] for f in dismissed] == ["Discussed: the GP's words"]
    assert "neglectful" not in report_html(app).split("<mark")[0] or "dismissed" in all_html(app)
    assert "Dismissed by the reviewer: Discussed" in "".join(
        c.text for c in docx.Document(io.BytesIO(files(app)["docx"])).comments)
    app.button(key=f"restore-{key}").click().run()
    assert not any(f.get("dismissed") for f in downloaded_document(app)["findings"])


def test_this_flag_is_wrong_goes_into_the_redacted_feedback_file(app):
    paste(app, REPORT)
    key = _first_key(app, "opinion.hedge")
    app.text_input(key=f"note-{key}").set_value("Mia's dad was seen by two staff").run()
    app.button(key=f"wrong-{key}").click().run()
    feedback = json.loads(files(app)["feedback"])
    assert [f["rule"] for f in feedback["wrong_flags"]] == ["opinion.hedge"]
    assert "Mia" not in json.dumps(feedback)
    button = next(b for b in app.get("download_button") if b.label.startswith("Feedback file"))
    assert not button.proto.disabled


def test_downloads_and_redaction(app):
    paste(app, REPORT)
    labels = [b.label for b in app.get("download_button")]
    assert {"Annotated HTML", "JSON", "Word with comments"} <= set(labels)
    assert downloaded_document(app)["children"] == ["Mia"]
    assert files(app)["html"].startswith(b"<!doctype html>")
    assert len(docx.Document(io.BytesIO(files(app)["docx"])).comments) > 0
    app.toggle(key="redact").set_value(True).run()
    app.text_input(key="redact_extra").set_value("shoplifting").run()
    shared = files(app)
    shared["docx"] = unzipped(shared["docx"])
    assert b"[Child A]" in shared["docx"]
    for name in ("json", "html", "docx", "preview"):
        assert b"Mia" not in shared[name] and b"shoplifting" not in shared[name]
    assert json.loads(shared["json"])[0]["children"] == ["[Child A]"]
    assert "report-redacted-review.docx" in app.downloads


def _upload(at, name, data, mime="text/plain"):
    at.tabs[0]  # the page has rendered
    at.file_uploader(key="upload").set_value((name, data, mime)).run()
    assert not at.exception, at.exception
    return press_review(at)


def report_docx(heading: str | None = None, header: str | None = None) -> bytes:
    """REPORT as a .docx, a paragraph per line, with a Heading 1 and a page header if given."""
    word = docx.Document()
    if header:
        word.sections[0].header.paragraphs[0].text = header
    if heading:
        word.add_heading(heading, level=1)
    for line in REPORT.split("\n"):
        word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_upload_txt_and_docx(app):
    _upload(app, "mia.txt", REPORT.encode("utf-8"))
    assert "c-opinion" in report_html(app)
    _upload(app, "mia.docx", report_docx(), DOCX)
    assert "c-opinion" in report_html(app)
    assert "mia-review.docx" in app.downloads


def test_uploaded_docx_comes_back_as_itself_with_comments(app):
    _upload(app, "mia.docx", report_docx(heading="Report on Mia", header="Confidential"), DOCX)
    back = docx.Document(io.BytesIO(files(app)["docx"]))
    assert back.paragraphs[0].style.name == "Heading 1"
    assert back.sections[0].header.paragraphs[0].text == "Confidential"
    summaries = [c for c in back.comments if c.text.startswith("Review notes on the whole report")]
    assert len(back.comments) > 1 and len(summaries) == 1
    app.toggle(key="redact").set_value(True).run()  # a redacted copy cannot be the user's own document
    shared = docx.Document(io.BytesIO(files(app)["docx"]))
    assert "Heading 1" not in {p.style.name for p in shared.paragraphs} and "Mia" not in "".join(
        p.text for p in shared.paragraphs)


def test_upload_saved_in_windows_1252_is_read(app):
    _upload(app, "mia.txt", (REPORT + "\nMum said the shoes cost \u00a320 \u2013 \u201ctoo much\u201d.").encode("cp1252"))
    assert not app.error and "c-opinion" in report_html(app) and "\u00a320 \u2013" in report_html(app)


def test_upload_over_the_limit_is_refused_with_a_clear_message(app):
    _upload(app, "big.txt", b"word " * (3 * 1024 * 1024 // 5))
    assert any("the limit is 2 MB" in e.value for e in app.error)
    assert not [h for h in app.html if 'class="report"' in h.value]


def test_upload_that_cannot_be_read_is_one_clear_message(app):
    _upload(app, "notes.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))  # binary, not text
    assert any("Could not read the file" in e.value for e in app.error)


def test_user_text_is_escaped_everywhere(app):
    paste(app, "Mum is a neglectful parent. " + XSS)
    page = all_html(app)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page and "&lt;img src=x" in page
    for text in markdown_texts(app) + [e.label for e in app.expander]:  # card titles are Markdown
        assert "[link]" not in text and "**bold**" not in text and "<img" not in text


def test_file_name_is_never_markup(app):
    name = '<img src=x onerror=alert(1)>**x**[a](b).txt'
    _upload(app, name, b"Mum is a neglectful parent.")
    assert name in [t.value for t in app.text]  # shown as plain text
    for text in markdown_texts(app) + [h.value for h in app.html]:
        assert "<img src=x" not in text and "**x**" not in text
    assert app.downloads
    for file_name in app.downloads:
        assert all(c.isalnum() or c in "._-" for c in file_name)


def test_damaged_docx_is_one_clear_message_naming_the_file_escaped(app):
    _upload(app, "**bad** <b>x</b>.docx", b"not a zip at all",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and "Could not read the file" in errors[0] and "not a readable" in errors[0]
    assert "**bad**" not in errors[0] and "<b>" not in errors[0] and "/proc/" not in errors[0]


def test_training_mode_scores_marks_and_shows_the_pair(app):
    app.radio(key="mode").set_value("Training").run()
    assert not app.exception
    app.selectbox(key="sample").set_value("01-school-mia-before").run()
    text = Path(APP).with_name("corpus").joinpath("01-school-mia-before.txt").read_text()
    neglect = next(i for i, s in enumerate(review.analyse(text, report_date="2024-03-20", children=["Mia"])[
        "sentences"]) if "neglectful parent" in s["text"])
    app.button_group(key=f"mark-01-school-mia-before-{neglect}").set_value(["opinion"]).run()
    app.button_group(key="mark-01-school-mia-before-whole").set_value(["child_voice"]).run()
    app.button(key="reveal-01-school-mia-before").click().run()
    assert not app.exception
    caught = next(m for m in app.metric if m.label == "Expected findings caught").value
    assert caught.startswith("3 of ")  # the label, and both whole-report child_voice items
    assert any("Before and after" in h.value for h in app.header)
    assert any("improved version" in s.value for s in app.subheader)


def test_settings_keep_everything_on_this_machine():
    import importlib.util
    import tomllib

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "127.0.0.1"
    assert "fontFaces" not in config.get("theme", {})  # no font fetched from anywhere
    spec = importlib.util.spec_from_file_location("page", APP)
    page = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page)  # defines the page without drawing it
    assert config["server"]["maxUploadSize"] == page.MAX_UPLOAD_MB


@pytest.mark.parametrize("text", ["", "**x**", "<img src=x onerror=alert(1)>", "[a](javascript:x)", "`c` # h | t"])
def test_markdown_escaping_leaves_no_markup(text):
    import importlib.util

    spec = importlib.util.spec_from_file_location("page", APP)
    page = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page)
    escaped = page.markdown_escaped(text)
    assert all(ch not in escaped.replace("\\" + ch, "") for ch in "*<>[]`#|")


def test_coaching_decisions_are_kept_per_text_for_the_session(app):
    paste(app, REPORT)
    key = _first_key(app, "opinion.judgement")
    app.button(key=f"dismiss-{key}").click().run()
    paste(app, "Mum is a neglectful parent and the home is chaotic.")
    assert not any(f.get("dismissed") for f in downloaded_document(app)["findings"])
    paste(app, REPORT)
    assert [f["rule"] for f in downloaded_document(app)["findings"] if f.get("dismissed")] == [
        "opinion.judgement"]


def test_training_sample_without_a_pair_shows_its_expected_findings_in_the_text(app):
    from review.page.trainee import list_samples

    single = next(s for s in list_samples(Path(APP).with_name("corpus")) if not s.pair)
    app.radio(key="mode").set_value("Training").run()
    app.selectbox(key="sample").set_value(single.name).run()
    app.button(key=f"reveal-{single.name}").click().run()
    assert not app.exception
    assert any("expected findings in the text" in h.value for h in app.header)
    assert any('class="report"' in h.value for h in app.html)
