"""The page's audit mode: a supervisor uploads many reports (or a .zip of them) and sees them all.

A table of reports with their findings per principle (`review.io.audit`, the same table as
``review check --summary-csv``), charts across the reports (which principles fail most, which
reports need most work), one report opened from the table, and the table as CSV and Excel.
Uploads are read in memory (`review.io.uploads`); each report is reviewed once per session.
"""

from __future__ import annotations

import hashlib
import html

import altair as alt
import streamlit as st

from review.batch import ReviewOptions, review_many
from review.core.registry import CHECKS
from review.io import audit, render, uploads
from review.page import timeline
from review.page.results import show_html

MAX_UPLOAD_MB = 20  # one uploaded file (a .zip of reports); each report inside is bounded as a single upload
TOP_REPORTS = 20  # the reports shown in "which reports need most work"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLOURS = alt.Scale(domain=[info.label for info in CHECKS], range=[info.colour for info in CHECKS])


def _key(report: uploads.Upload) -> str:
    return hashlib.sha256(f"{report.name}\0{report.text}".encode()).hexdigest()


def reviewed(reports: list[uploads.Upload]) -> tuple[list[dict], list[str]]:
    """The document object of each report (in upload order) and the names of those whose review
    failed; each is reviewed once per session, new ones together with ``nlp.pipe``."""
    done = st.session_state.setdefault("audit_reviews", {})
    todo = [r for r in reports if _key(r) not in done]
    failed: list[str] = []
    if todo:
        progress = st.progress(0.0, text=f"Reviewing {len(todo)} reports…")
        by_name = {r.name: r for r in todo}
        documents = review_many(((r.name, r.text) for r in todo), ReviewOptions(),
                                on_error=lambda name, _: failed.append(name))
        for n, document in enumerate(documents, start=1):
            done[_key(by_name[document["id"]])] = document
            progress.progress(n / len(todo), text=f"Reviewed {n} of {len(todo)} reports")
        progress.empty()
    return [done[_key(r)] for r in reports if _key(r) in done], failed


def principles_chart(documents: list[dict]) -> alt.Chart:
    """Which principles fail most: per principle, the reports with at least one of its findings."""
    totals = audit.principle_totals(documents)
    return alt.Chart(alt.Data(values=totals)).mark_bar().encode(
        x=alt.X("reports:Q", title="Reports with findings", axis=alt.Axis(tickMinStep=1)),
        y=alt.Y("principle:N", title=None, sort=[t["principle"] for t in totals], axis=alt.Axis(labelLimit=200)),
        color=alt.Color("principle:N", scale=COLOURS, legend=None),
        tooltip=[alt.Tooltip("principle:N", title="Principle"), alt.Tooltip("reports:Q", title="Reports"),
                 alt.Tooltip("findings:Q", title="Findings in all")],
    ).properties(title="Which principles fail most", height=alt.Step(28))


def reports_chart(documents: list[dict]) -> alt.Chart:
    """Which reports need most work: the reports with most findings, stacked by principle."""
    rows = [r for r in audit.findings_by_report(documents) if r["rank"] < TOP_REPORTS]
    order = list(dict.fromkeys(r["report"] for r in rows))
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("findings:Q", title="Findings", stack="zero"),
        # each report by its file name (the tooltip gives the whole name, folders and archive included)
        y=alt.Y("report:N", title=None, sort=order,
                axis=alt.Axis(labelLimit=220, labelExpr="peek(split(datum.label, '/'))")),
        color=alt.Color("principle:N", scale=COLOURS,
                        legend=alt.Legend(orient="top", title=None, columns=2, labelLimit=160)),
        tooltip=[alt.Tooltip("report:N", title="Report"), alt.Tooltip("principle:N", title="Principle"),
                 alt.Tooltip("findings:Q", title="Findings"), alt.Tooltip("total:Q", title="All findings")],
    ).properties(title="Which reports need most work", height=alt.Step(22))


def _open_selected(ids: list[str]) -> None:
    """A row picked in the table opens its report (the selectbox below follows it)."""
    rows = st.session_state.audit_table.selection.rows
    if rows:
        st.session_state.audit_open = ids[rows[0]]


def one_report(document: dict) -> None:
    """One report as the review mode shows it: highlighted, with its findings and its timeline."""
    st.html(f"<h3>{html.escape(str(document['id']))}</h3>")
    summary = document["summary"]
    st.caption(f"Report date {document['report_date']} · {summary.get('words', 0)} words · "
               f"{len(document['findings'])} findings")
    show_html(render.legend(document))
    left, right = st.columns([3, 2], gap="medium")
    with left, st.container(height=640):
        show_html(f'<div class="report">{render.highlighted_report(document, id_prefix="a")}</div>')
    with right, st.container(height=640):
        cards = [render.finding_card(i, f, document, id_prefix="a") for i, f in enumerate(document["findings"])]
        show_html("".join(cards) or "<p>No findings.</p>")
    st.subheader("Chronology")
    timeline.show(document, key="audit_timeline")


def audit_mode() -> None:
    st.title("Audit many reports")
    st.caption("Upload many reports, or a .zip of them, to see their findings side by side. "
               "Nothing leaves this computer; the reports are read in memory.")
    files = st.file_uploader(f"Reports: .docx, .txt or .md files, or a .zip of them (up to {MAX_UPLOAD_MB} MB a file)",
                             type=[s.lstrip(".") for s in (*uploads.SUFFIXES, ".zip")], accept_multiple_files=True,
                             key="audit_upload", max_upload_size=MAX_UPLOAD_MB)
    if not files:
        st.info("Upload the reports to audit. README, LICENSE and CHANGELOG files are left out.")
        return
    collected = uploads.collect((f.name, f.getvalue()) for f in files)
    if collected.skipped:
        count = len(collected.skipped)
        with st.expander(f"Left out: {count} file{'s' if count != 1 else ''}"):
            st.dataframe([{"File": s.name, "Why": s.reason} for s in collected.skipped], hide_index=True)
    if not collected.reports:
        st.warning("No report found in the upload.")
        return
    documents, failed = reviewed(collected.reports)
    if failed:
        st.error(f"{len(failed)} reports could not be reviewed (an internal error): see the list below.")
        st.dataframe([{"File": name} for name in failed], hide_index=True)
    st.html(f"<style>{render.stylesheet()}</style>")
    columns = st.columns(3)
    columns[0].metric("Reports", len(documents))
    columns[1].metric("Findings", sum(len(d["findings"]) for d in documents))
    columns[2].metric("Reports with no finding", sum(not d["findings"] for d in documents))
    left, right = st.columns([2, 3])
    left.altair_chart(principles_chart(documents), width="stretch")
    right.altair_chart(reports_chart(documents), width="stretch")

    st.subheader("Reports and their findings per principle")
    ids = [str(d["id"]) for d in documents]
    st.dataframe([audit.row(d) for d in documents], hide_index=True, key="audit_table",
                 on_select=lambda: _open_selected(ids), selection_mode="single-row")
    downloads = st.columns([1, 1, 3])
    # each file is built when it is downloaded
    downloads[0].download_button("Table as CSV", lambda: audit.csv_text(documents), "audit.csv", "text/csv",
                                 on_click="ignore")
    downloads[1].download_button("Table as Excel", lambda: audit.excel_bytes(documents), "audit.xlsx", XLSX,
                                 on_click="ignore")
    st.caption("Counts only: the table and its downloads hold no words of any report.")
    choice = st.selectbox("Open a report", ids, index=None, key="audit_open",
                          placeholder="Pick a report here, or a row of the table")
    if choice is not None and choice in ids:
        one_report(documents[ids.index(choice)])
