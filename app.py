"""The review page: paste or upload a draft report, see every sentence against the policy's principles.

    streamlit run app.py                                   # an empty page
    streamlit run app.py -- --sample corpus/01-school-mia-before.txt   # a report pre-loaded

Thin over the same pipeline as the CLI (`review.analyse_doc`); the HTML pieces come from
`review.io.render`, the downloads from `review.io.export`, redaction from `review.io.redact` and the
training mode from `review.page.trainee`. Everything stays on this machine: the pipeline is loaded
once, each analysis is cached in memory per input, downloads are built in memory, and every
piece of user text reaches the page HTML-escaped (never as Markdown).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
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
from review.page import audit, timeline, trainee

CORPUS = Path(__file__).resolve().parent / "corpus"
MAX_UPLOAD_MB = 2  # keep equal to server.maxUploadSize in .streamlit/config.toml
MAX_CHARS = 200_000  # about 30,000 words: far beyond any report for a meeting
ALL = "all"


def escaped(text: str) -> str:
    """User text as inert HTML (for st.html)."""
    return html.escape(str(text))


def markdown_escaped(text: str) -> str:
    """User text safe inside a Markdown element: every Markdown and HTML character backslashed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=])", r"\\\1", str(text)).replace("\n", " ")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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


# --- coaching state -------------------------------------------------------------------------------

def coaching_for(text_id: str) -> tuple[dict, dict]:
    """The dismissed findings and "this flag is wrong" notes for this text, kept for the session
    (coming back to a text brings its decisions back). The callbacks below edit the current ones."""
    state = st.session_state
    store = state.setdefault("coaching", {})
    state.dismissed, state.wrong = store.setdefault(text_id, ({}, {}))
    return state.dismissed, state.wrong


def dismiss(key: str) -> None:
    st.session_state.dismissed[key] = st.session_state.get(f"note-{key}", "").strip()


def restore(key: str) -> None:
    st.session_state.dismissed.pop(key, None)


def mark_wrong(key: str) -> None:
    st.session_state.wrong[key] = st.session_state.get(f"note-{key}", "").strip()


def unmark_wrong(key: str) -> None:
    st.session_state.wrong.pop(key, None)


# --- rendering ------------------------------------------------------------------------------------

def show_html(body: str) -> None:
    """Review HTML (already escaped by review.io.render) inside the shared stylesheet's scope."""
    st.html(f'<div class="review">{body}</div>')


def pill_label(check: str, counts: dict[str, int]) -> str:
    if check == ALL:
        return f"All principles ({sum(counts.values())})"
    return f"{render.check_label(check)} ({counts.get(check, 0)})"


def legend_filter(document: dict) -> list[str] | None:
    """The legend, which is also the filter: each principle in its highlight colour with its number
    of findings; pick one to highlight only it, or all. Returns the checks to show (None: all)."""
    counts = render.finding_counts(document)
    options = [ALL, *(c for c in render.CHECK_LABELS if c in counts or c in render.CHECK_ORDER)]
    options += sorted(set(counts) - set(options))
    colours = "".join(f".st-key-legend button[role=radio]:nth-of-type({n + 1}){{background:{render.check_colour(c)};"
                      f"color:#1d1d1d}}" for n, c in enumerate(options) if c != ALL)
    st.html(f"<style>{colours}.st-key-legend button[aria-checked=true]{{outline:2px solid #1d1d1d}}</style>")
    choice = st.pills("Show", options, default=ALL, key="legend", format_func=lambda c: pill_label(c, counts),
                      help="The legend: pick a principle to highlight only its findings, or all of them.")
    return None if choice in (None, ALL) else [choice]


def finding_controls(finding: dict, dismissed: dict, wrong: dict) -> None:
    """Dismiss (with a reason) or report as wrong (with a note) one finding."""
    key = export.finding_key(finding)
    columns = st.columns(2)
    if key in dismissed:
        columns[0].button("Restore", key=f"restore-{key}", on_click=restore, args=(key,))
    if key in wrong:
        columns[1].button("Unmark “wrong”", key=f"unwrong-{key}", on_click=unmark_wrong, args=(key,))
    if key in dismissed and key in wrong:
        return
    with columns[0 if key not in dismissed else 1].popover("Coach…"):
        st.text_input("Reason or note", key=f"note-{key}", placeholder="e.g. discussed in supervision")
        if key not in dismissed:
            st.button("Dismiss this finding", key=f"dismiss-{key}", on_click=dismiss, args=(key,))
        if key not in wrong:
            st.button("This flag is wrong", key=f"wrong-{key}", on_click=mark_wrong, args=(key,),
                      help="Adds it to the feedback file your team can use to tune the rules.")


def findings_panels(document: dict, dismissed: dict, wrong: dict, checks: list[str] | None) -> None:
    """A tab per principle listing its findings in text order, each with coaching controls."""
    present = render.checks_in(document)
    shown = [c for c in present if checks is None or c in checks]
    if not shown:
        st.success("No findings for the principles shown.")
        return
    tabs = st.tabs([f"{render.check_label(c)} ({sum(f['check'] == c for f in document['findings'])})"
                    for c in shown])
    for tab, check in zip(tabs, shown):
        with tab:
            for i, finding in enumerate(document["findings"]):
                if finding["check"] != check:
                    continue
                with st.container(border=True):
                    show_html(render.finding_card(i, finding, document))
                    if export.finding_key(finding) in wrong:
                        st.caption("Marked as a wrong flag: it is in the feedback file.")
                    finding_controls(finding, dismissed, wrong)


def summary_section(document: dict) -> None:
    summary = document["summary"]
    columns = st.columns(4)
    columns[0].metric("Findings", sum(not render.is_dismissed(f) for f in document["findings"]))
    columns[1].metric("Words", summary.get("words", 0))
    columns[2].metric("Sentences", summary.get("sentences", 0))
    grade = summary.get("grade")
    columns[3].metric("Reading grade", f"{grade:.1f}" if isinstance(grade, (int, float)) else "n/a",
                      help="A readability grade: higher is harder to read.")
    left, right = st.columns(2)
    with left:
        st.subheader("Findings and readability")
        show_html(render.summary_table(document))
        st.subheader("Chronology")
        timeline.show(document)
    with right:
        st.subheader("Policy checklist")
        show_html(render.checklist_table(document))


def downloads_for(document: dict, found: dict, dismissed: dict, wrong: dict, *, redacted: bool,
                  extra_terms: tuple[str, ...], original: bytes | None) -> export.Downloads:
    """The downloads of this state, kept in the session; each file is built when first downloaded."""
    state_key = (digest(document["text"]), tuple(sorted(dismissed.items())), tuple(sorted(wrong.items())),
                 redacted, extra_terms, document["report_date"], tuple(document["children"]), original)
    cache = st.session_state.setdefault("downloads", {})
    if cache.get("key") != state_key:
        cache.update(key=state_key, files=export.Downloads(document, dismissed=dismissed, wrong=wrong,
                                                           redacted=redacted, **found, extra_terms=extra_terms,
                                                           original=original))
    return cache["files"]


def downloads_section(document: dict, found: dict, dismissed: dict, wrong: dict, stem: str,
                      original: bytes | None) -> None:
    redacted = st.toggle("Redact names and identifiers in the downloads", key="redact",
                         help="Children become [Child A], other people [Person 1]; dates of birth, addresses, "
                              "phone numbers, emails and NHS numbers are replaced. Use it to share an example.")
    extra = st.text_input("Also redact these words (comma-separated)", key="redact_extra",
                          disabled=not redacted)
    extra_terms = tuple(t.strip() for t in extra.split(",") if t.strip()) if redacted else ()
    files = downloads_for(document, found, dismissed, wrong, redacted=redacted, extra_terms=extra_terms,
                          original=original)
    name = "report-redacted" if redacted else stem
    columns = st.columns(4)
    columns[0].download_button("Annotated HTML", files.html, f"{name}-review.html", "text/html", on_click="ignore")
    columns[1].download_button("JSON", files.json, f"{name}-review.json", "application/json", on_click="ignore")
    columns[2].download_button("Word with comments", files.docx, f"{name}-review.docx",
                               "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               on_click="ignore")
    columns[3].download_button(f"Feedback file ({len(wrong)} wrong, {len(dismissed)} dismissed)", files.feedback,
                               "review-feedback.json", "application/json", on_click="ignore",
                               disabled=not (wrong or dismissed),
                               help="The flags you marked wrong and the findings you dismissed, always redacted.")
    if redacted:
        with st.expander("Preview the redacted report"):
            show_html(f'<div class="report">{escaped(files.shared["text"])}</div>')


def safe_stem(name: str) -> str:
    """A download file name from an upload's name: letters, digits, dot, dash and underscore only."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip(".-")[:60]
    return stem or "report"


# --- review mode ----------------------------------------------------------------------------------

def report_input() -> tuple[str, str, bytes | None]:
    """The report text and a file stem for downloads, from the paste box or an upload, and an
    uploaded .docx itself (the Word download is then that document with the comments added)."""
    if "pasted" not in st.session_state:
        sample = sample_argument()
        st.session_state.pasted = sample.read_text(encoding="utf-8") if sample and sample.is_file() else ""
    paste_tab, upload_tab = st.tabs(["Paste", "Upload"])
    with paste_tab:
        pasted = st.text_area("Report text", key="pasted", height=220,
                              placeholder="Paste the draft report here…")
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


def context_inputs(text: str, detected: dict) -> tuple[str, tuple[str, ...]]:
    """Report date and children, pre-filled from what the report says, editable."""
    state = st.session_state
    if state.get("context_for") != digest(text):
        state.context_for = digest(text)
        state.report_date = dt.date.fromisoformat(detected["report_date"])
        state.children = ", ".join(detected["children"])
    left, right = st.columns(2)
    report_date = left.date_input("Report date", key="report_date", format="DD/MM/YYYY",
                                  help="Anchors 'yesterday' and 'last week', and decides what is historic.")
    children = right.text_input("Child or children (comma-separated)", key="children",
                                help="Found in the report where it names a child with an age or date of birth.")
    names = tuple(n.strip() for n in children.split(",") if n.strip())
    source = {"stated": "stated in the report", "given": "given", "today": "today: the report states none"}
    left.caption(f"Date found: {source.get(detected['summary'].get('report_date_source'), 'n/a')}")
    right.caption("Children found in the report" if detected["children"] else
                  "No child found in the report: enter the child's name so their words are recognised")
    return report_date.isoformat(), names


def review_mode() -> None:
    st.title("Review a safeguarding report")
    st.caption("Feedback sentence by sentence against the multi-agency information-sharing policy. "
               "Nothing leaves this computer.")
    text, stem, original = report_input()
    if not text.strip():
        st.info("Paste a report or upload a file to review it.")
        return
    if len(text) > MAX_CHARS:
        st.error(f"The report is {len(text):,} characters; the limit is {MAX_CHARS:,}. Split it and review "
                 "each part.")
        return
    detected, found = analysed(text, None, None)
    report_date, children = context_inputs(text, detected)
    if report_date == detected["report_date"] and list(children) == detected["children"]:
        document = detected
    else:
        document, found = analysed(text, report_date, children or None)
    dismissed, wrong = coaching_for(digest(text))
    coached = export.with_coaching(document, dismissed)

    st.html(f"<style>{render.stylesheet()}</style>")
    checks = legend_filter(coached)
    report_column, panel_column = st.columns([3, 2], gap="medium")
    with report_column:
        st.subheader("The report")
        show_html(f'<div class="report">{render.highlighted_report(coached, checks=checks)}</div>')
    with panel_column:
        st.subheader("Findings by principle")
        findings_panels(coached, dismissed, wrong, checks)
    st.header("Summary")
    summary_section(coached)
    st.header("Downloads")
    downloads_section(document, found, dismissed, wrong, stem, original)


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
        text_column, mark_column = st.columns([3, 2])
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
    st.html(f"<style>{render.stylesheet()}</style>")
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


def main() -> None:
    st.set_page_config(page_title="Safeguarding report review", layout="wide")
    with st.sidebar:
        mode = st.radio("Mode", ["Review a report", "Training", "Audit many reports"], key="mode")
        st.caption("Runs entirely on this computer: no report text is sent anywhere, written to disk or logged.")
    {"Training": training_mode, "Audit many reports": audit.audit_mode}.get(mode, review_mode)()


if __name__ == "__main__":  # streamlit runs the page as __main__; tests may import it
    main()
