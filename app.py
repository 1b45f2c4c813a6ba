"""The review page: paste or upload a draft report, see every sentence against the policy's principles.

    streamlit run app.py                                   # an empty page
    streamlit run app.py -- --sample corpus/01-school-mia-before.txt   # a report pre-loaded

Thin over the same pipeline as the CLI (`review.analyse_doc`): the input, the Review button and
the modes are here; the results (figures, downloads, highlighted report, findings, checklist,
chronology) are drawn by `review.page.results` over the HTML pieces of `review.io.render`, and
the training mode's scoring is `review.page.trainee`. Everything stays on this machine: the pipeline is loaded
once, each analysis is cached in memory per input, downloads are built in memory, and every
piece of user text reaches the page HTML-escaped (never as Markdown).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

import streamlit as st

import review
from review.core.errors import ReviewError
from review.core.registry import SCORED
from review.evaluate.corpus import compare
from review.io import export, redact, render
from review.io.document import document_object
from review.io.readers import SUFFIXES, decode, read_docx
from review.page import audit, trainee
from review.page.results import coaching_for, digest, escaped, markdown_escaped, page_styles, review_results, show_html

CORPUS = Path(__file__).resolve().parent / "corpus"
MAX_UPLOAD_MB = 2  # keep equal to server.maxUploadSize in .streamlit/config.toml
MAX_CHARS = 200_000  # about 30,000 words: far beyond any report for a meeting


def sample_argument() -> Path | None:
    """The report named by ``--sample PATH`` after ``streamlit run app.py --``."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--sample", type=Path)
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known.sample


# --- analysis (cached) ---------------------------------------------------------------------------

@st.cache_resource(show_spinner="Loading the language model…")
def pipeline():
    """The review pipeline, loaded once per server."""
    return review.load_pipeline()


@st.cache_data(max_entries=16, show_spinner="Reviewing the report…")
def analysed(text: str, report_date: str | None, children: tuple[str, ...] | None) -> tuple[dict, dict]:
    """The document object of `text` and the people and places the base model found (for redaction).

    Cached in memory per input, so a change of filter or a coaching click does not re-run it.
    """
    pipeline()
    doc = review.analyse_doc(text, report_date=report_date, children=children)
    return document_object(doc, "report"), redact.entities(doc)


def read_upload(name: str, data: bytes) -> str:
    """The text of an uploaded .txt, .md or .docx, read in memory (never written to disk)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise ReviewError("E102", f"unsupported file type {suffix or '(none)'!r}: use .txt, .md or .docx")
    if suffix != ".docx":
        return decode(data, "the uploaded file")
    # read_docx takes a path: an anonymous in-memory file (Linux) gives it one without touching the disk
    if not hasattr(os, "memfd_create"):
        raise ReviewError("E104", f"{name}: .docx uploads need Linux here; paste the text or save it as .txt")
    descriptor = os.memfd_create("upload")
    in_memory = f"/proc/self/fd/{descriptor}"
    try:
        os.write(descriptor, data)
        return read_docx(Path(in_memory))
    except ReviewError as error:
        raise ReviewError(error.code, error.message.replace(in_memory, name)) from None
    finally:
        os.close(descriptor)


def safe_stem(name: str) -> str:
    """A download file name from an upload's name: letters, digits, dot, dash and underscore only."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip(".-")[:60]
    return stem or "report"


# --- review mode ----------------------------------------------------------------------------------

def report_input() -> tuple[str, str, bytes | None]:
    """The report text and a file stem for downloads, from the paste box or an upload, and an
    uploaded .docx itself (the Word download is then that document with the comments added).
    A report given with ``--sample`` is pasted and reviewed on the first visit."""
    if "pasted" not in st.session_state:
        sample = sample_argument()
        st.session_state.pasted = sample.read_text(encoding="utf-8") if sample and sample.is_file() else ""
        st.session_state.review_now = bool(st.session_state.pasted)
    paste_tab, upload_tab = st.tabs(["Paste", "Upload"])
    with paste_tab:
        pasted = st.text_area("Report text", key="pasted", height=160,
                              placeholder="Paste the draft report here, then press Review…")
    with upload_tab:
        uploaded = st.file_uploader(f"A .docx, .txt or .md file (up to {MAX_UPLOAD_MB} MB)",
                                    type=[s.lstrip(".") for s in SUFFIXES], key="upload")
    if uploaded is not None:
        if uploaded.size > MAX_UPLOAD_MB * 1024 * 1024:
            st.error(f"That file is {uploaded.size / 1024 / 1024:.1f} MB; the limit is {MAX_UPLOAD_MB} MB. "
                     "Save the report as plain text, or split it, and try again.")
            return "", "report", None
        try:
            text = read_upload(uploaded.name, uploaded.getvalue())
        except ReviewError as error:
            st.error(f"Could not read the file: {markdown_escaped(error.message)}")
            return "", "report", None
        st.caption("Reviewing the uploaded file:")
        st.text(uploaded.name)
        original = uploaded.getvalue() if Path(uploaded.name).suffix.lower() == ".docx" else None
        return text, safe_stem(uploaded.name), original
    return pasted, "report", None


def names_in(children: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in children.split(",") if n.strip())


def context_inputs(text: str, detected: dict, date_column, child_column) -> tuple[str, tuple[str, ...]]:
    """Report date and children, pre-filled from what the report says when it is first reviewed, editable."""
    state = st.session_state
    if state.get("context_for") != digest(text):
        state.context_for = digest(text)
        state.report_date = dt.date.fromisoformat(detected["report_date"])
        state.children = ", ".join(detected["children"])
    report_date = date_column.date_input("Report date", key="report_date", format="DD/MM/YYYY",
                                         help="Anchors 'yesterday' and 'last week', and decides what is historic.")
    children = child_column.text_input("Child or children (comma-separated)", key="children",
                                       help="Found in the report where it names a child with an age or date of "
                                            "birth.")
    if detected["summary"].get("report_date_source") == "today" and report_date.isoformat() == detected[
            "report_date"]:
        date_column.caption("⚠ The report states no date: today's is used, and it decides what is historic.")
    elif report_date.isoformat() != detected["report_date"]:
        date_column.caption("Date entered here")
    else:
        source = {"stated": "stated in the report", "sent": "the email's Sent: date", "given": "given"}
        date_column.caption(f"Date found: {source.get(detected['summary'].get('report_date_source'), 'n/a')}")
    child_column.caption("Children found in the report" if detected["children"] else
                         "No child found in the report: enter the child's name so their words are recognised")
    return report_date.isoformat(), names_in(children)


def review_request(text: str, stem: str) -> None:
    """Press Review: the shown results are now those of this text, with the date and children as
    entered (as found in the report, for a text not reviewed before)."""
    state = st.session_state
    same_text = state.get("context_for") == digest(text) and "report_date" in state
    options = (state.report_date.isoformat(), names_in(state.children)) if same_text else None
    state.reviewed = {"source": (digest(text), stem), "options": options}


def review_mode() -> None:
    st.title("Review a safeguarding report")
    st.caption("Feedback sentence by sentence against the multi-agency information-sharing policy. "
               "Nothing leaves this computer.")
    text, stem, original = report_input()
    state = st.session_state
    button_column, date_column, child_column = st.columns([1, 1, 2], vertical_alignment="top")
    pressed = button_column.button("Review", key="review", type="primary", icon=":material/fact_check:",
                                   width="stretch")
    if pressed or state.pop("review_now", False):
        if len(text) > MAX_CHARS:
            st.error(f"The report is {len(text):,} characters; the limit is {MAX_CHARS:,}. Split it and review "
                     "each part.")
            return
        review_request(text, stem)
    reviewed = state.get("reviewed")
    if not text.strip():
        st.info("Paste a report or upload a file, then press Review.")
        return
    if reviewed is None:
        st.info("Press Review to check the report.")
        return
    if reviewed["source"] != (digest(text), stem):
        st.info("Press Review to check the changed text.")
        return
    detected, found = analysed(text, None, None)
    report_date, children = context_inputs(text, detected, date_column, child_column)
    used = reviewed["options"] or (detected["report_date"], tuple(detected["children"]))
    if (report_date, children) != used:
        st.info("Press Review to check the report with the changed date or children.")
        return
    if used == (detected["report_date"], tuple(detected["children"])):
        document = detected
    else:
        document, found = analysed(text, used[0], used[1] or None)
    dismissed, wrong = coaching_for(digest(text))
    coached = export.with_coaching(document, dismissed)
    review_results(coached, document, found, dismissed, wrong, stem, original)


# --- training mode --------------------------------------------------------------------------------

@st.cache_data(show_spinner=False)
def training_case(name: str) -> tuple[str, dict, list, dict]:
    """A corpus sample: text, metadata, expected items and the tool's own document object."""
    sample = next(s for s in trainee.list_samples(CORPUS) if s.name == name)
    text, meta, expected = trainee.load_sample(sample)
    document, _ = analysed(text, str(meta["report_date"]), tuple(meta.get("children") or ()) or None)
    return text, meta, trainee.expected_items(meta, expected, document["sentences"]), document


def training_marks(name: str, document: dict) -> dict:
    """Per-sentence principle pills; returns sentence index (or WHOLE_REPORT) -> checks marked."""
    checks = list(SCORED)
    marks = {}
    with st.container(border=True):
        st.markdown("**Missing from the whole report**")
        marks[trainee.WHOLE_REPORT] = st.pills("Whole report", checks, selection_mode="multi",
                                                key=f"mark-{name}-whole", format_func=render.check_label,
                                                label_visibility="collapsed") or []
    for i, sentence in enumerate(document["sentences"]):
        text_column, mark_column = st.columns(2)
        with text_column:
            show_html(f'<span class="rule">{i + 1}.</span> {escaped(sentence["text"])}')
        with mark_column:
            marks[i] = st.pills(f"Sentence {i + 1}", checks, selection_mode="multi", key=f"mark-{name}-{i}",
                                format_func=render.check_label, label_visibility="collapsed") or []
    return {k: v for k, v in marks.items() if v}


def training_results(name: str, marks: dict, items: list, document: dict) -> None:
    score = trainee.score_marks(marks, items)
    if score.expected:
        st.metric("Expected findings caught", f"{len(score.caught)} of {score.expected}",
                  help="A finding counts as caught when you marked its principle on its sentence.")
    rows = "".join(f"<tr><td>{escaped(render.check_label(c))}</td><td>{caught} of {n}</td></tr>"
                   for c, (caught, n) in sorted(score.by_check().items()))
    if rows:
        show_html(f"<table><tr><th>Principle</th><th>Caught</th></tr>{rows}</table>")

    def where(item) -> str:
        found = sorted(s for s in item.sentences if s is not None)
        return "whole report" if not found else "sentence " + ", ".join(str(s + 1) for s in found)

    for title, group in (("Missed", score.missed), ("Caught", score.caught)):
        if group:
            st.subheader(f"{title} ({len(group)})")
            show_html("".join(f'<div class="card c-{escaped(i.check)}"><b>{escaped(render.check_label(i.check))}'
                              f"</b> · {escaped(where(i))}<br>{escaped(i.note)}</div>" for i in group))
    if score.unexpected:
        st.subheader(f"Your other marks ({len(score.unexpected)})")
        st.caption("Not in the expected list: worth discussing, not necessarily wrong.")
        show_html("".join(f"<div>{escaped(render.check_label(c))} · "
                          f"{'whole report' if s is None else f'sentence {s + 1}'}</div>"
                          for s, c in score.unexpected))
    tool = compare(document, [item.expected for item in items], name, "")
    st.caption(f"For comparison, the review tool caught {len(tool.caught)} of {len(items)} expected findings "
               f"and raised {len(tool.unexpected)} warnings the list does not expect.")


def side_by_side(sample: trainee.Sample) -> None:
    """The two halves of a before/after pair, each highlighted with its expected findings."""
    st.header("Before and after")
    columns = st.columns(2)
    names = [sample.name, sample.pair] if "before" in sample.name or sample.quality == "poor" else [
        sample.pair, sample.name]
    for column, name in zip(columns, names):
        text, meta, items, _ = training_case(name)
        pseudo = {"text": text, "findings": trainee.expected_as_findings(items, text), "sentences": []}
        with column:
            st.subheader(meta.get("title", name))
            st.caption(f"{len(items)} expected findings")
            show_html(f'<div class="report">{render.highlighted_report(pseudo)}</div>')


def training_mode() -> None:
    st.title("Training: review a sample report yourself")
    st.caption("Mark each sentence with the principles it breaks, and what is missing from the whole report; "
               "then reveal what a careful reviewer would flag.")
    samples = trainee.list_samples(CORPUS)
    if not samples:
        st.warning("No sample reports found in corpus/.")
        return
    by_name = {s.name: s for s in samples}
    name = st.selectbox("Sample report", list(by_name), format_func=lambda n: by_name[n].title, key="sample")
    sample = by_name[name]
    text, meta, items, document = training_case(name)
    page_styles()
    st.caption(f"Report date {meta.get('report_date')} · {len(document['sentences'])} sentences")
    marks = training_marks(name, document)
    revealed = st.session_state.setdefault("revealed", set())
    if st.button("Reveal the expected findings", key=f"reveal-{name}", type="primary"):
        revealed.add(name)
    if name in revealed:
        training_results(name, marks, items, document)
        if sample.pair and sample.pair in by_name:
            side_by_side(sample)
        else:
            st.header("The expected findings in the text")
            pseudo = {"text": text, "findings": trainee.expected_as_findings(items, text), "sentences": []}
            show_html(f'<div class="report">{render.highlighted_report(pseudo)}</div>')


# The page's modes, as the switch at the top of the page offers them (a new mode: one line here).
MODES = {"Review a report": review_mode, "Training": training_mode, "Audit many reports": audit.audit_mode}


def main() -> None:
    st.set_page_config(page_title="Safeguarding report review", layout="wide")
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        mode = st.radio("Mode", list(MODES), key="mode", horizontal=True, label_visibility="collapsed")
        st.caption("Runs entirely on this computer: no report text is sent anywhere, written to disk or logged.")
    MODES[mode]()


if __name__ == "__main__":  # streamlit runs the page as __main__; tests may import it
    main()
