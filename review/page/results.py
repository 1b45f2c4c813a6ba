"""The review mode's results on the page: the figures and downloads, the legend that filters, the
highlighted report beside its findings (cards that open, with coaching controls), the checklist,
the findings per principle and the chronology.

Streamlit elements over the HTML pieces of `review.io.render`; every piece of user text reaches
the page HTML-escaped (never as Markdown). The coaching decisions (dismissed findings, "this flag
is wrong" notes) live in the session, per text (`coaching_for`).
"""

from __future__ import annotations

import hashlib
import html
import re

import streamlit as st

from review.io import export, notes, render
from review.page import timeline

ALL = "all"  # the legend's choice of every principle


def escaped(text: str) -> str:
    """User text as inert HTML (for st.html)."""
    return html.escape(str(text))


def markdown_escaped(text: str) -> str:
    """User text safe inside a Markdown element: every Markdown and HTML character backslashed."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:&\"'=])", r"\\\1", str(text)).replace("\n", " ")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- coaching state -------------------------------------------------------------------------------

def coaching_for(text_id: str) -> tuple[dict, dict]:
    """The dismissed findings and "this flag is wrong" notes for this text, kept for the session
    (coming back to a text brings its decisions back). The callbacks below edit the current ones."""
    state = st.session_state
    store = state.setdefault("coaching", {})
    state.dismissed, state.wrong = store.setdefault(text_id, ({}, {}))
    return state.dismissed, state.wrong


def dismiss(keys: tuple[str, ...]) -> None:
    reason = st.session_state.get(f"note-{keys[0]}", "").strip()
    st.session_state.dismissed.update(dict.fromkeys(keys, reason))


def restore(keys: tuple[str, ...]) -> None:
    for key in keys:
        st.session_state.dismissed.pop(key, None)


def mark_wrong(keys: tuple[str, ...]) -> None:
    note = st.session_state.get(f"note-{keys[0]}", "").strip()
    st.session_state.wrong.update(dict.fromkeys(keys, note))


def unmark_wrong(keys: tuple[str, ...]) -> None:
    for key in keys:
        st.session_state.wrong.pop(key, None)


# --- rendering ------------------------------------------------------------------------------------

PANEL_HEIGHT = 640  # px: the report and the findings list scroll side by side in boxes this tall
# The page's own layout fixes (Streamlit's parts, by their keys and test ids): legend pills in their
# colours come from `legend_filter`; these let pill rows wrap instead of running off the edge.
PAGE_CSS = """
.st-key-legend [data-testid=stButtonGroup]>div,[class*=st-key-mark-] [data-testid=stButtonGroup]>div{flex-wrap:wrap}
.review .pill.off{display:inline-block;border:1px dashed #aaa;border-radius:1rem;padding:.1rem .6rem;color:#777;
 font-size:.8rem;cursor:not-allowed;margin:.1rem 0}
[data-testid=stExpander] summary p{white-space:normal}
.st-key-report-box .review .report{position:relative}.st-key-report-box .review mark{position:static}
.st-key-report-box .review mark .tip{left:1rem;right:1rem;top:auto;width:auto;margin-top:.3em}
"""
# Clicking a highlight opens its finding's card in the findings list and scrolls it into view. Our own
# script (no user text in it), installed once on the page; the cards are found by their id.
OPEN_CARD_SCRIPT = """<script>
if (!window.reviewOpenCard) {
  window.reviewOpenCard = true;
  document.addEventListener('click', function (event) {
    var mark = event.target.closest && event.target.closest('.review .report mark[data-findings]');
    if (!mark) return;
    var card = document.getElementById(mark.dataset.findings.split(' ')[0]);
    if (!card) return;
    var expander = card.closest('details');
    if (expander && !expander.open) expander.querySelector('summary').click();
    setTimeout(function () {
      card.scrollIntoView({block: 'nearest', behavior: 'smooth'});
      card.style.outline = '3px solid #444';
      setTimeout(function () { card.style.outline = ''; }, 1500);
    }, 350);
  });
}
</script>"""


def show_html(body: str) -> None:
    """Review HTML (already escaped by review.io.render) inside the shared stylesheet's scope."""
    st.html(f'<div class="review">{body}</div>')


def page_styles() -> None:
    st.html(f"<style>{render.stylesheet()}{PAGE_CSS}</style>")


def card_groups(document: dict, checks: list[str] | None) -> list[tuple[int, list[dict]]]:
    """The findings list: (index, findings) per card in text order, the notes on the whole report
    last, a note another rule restates once with it; only `checks` (None: all)."""
    groups = []
    for i, finding, rules in render.cards(document):
        if checks is None or finding["check"] in checks:
            same = [f for f in document["findings"] if notes.is_note(f) and f["rule"] in rules[1:]]
            groups.append((i, [finding, *same]))
    return sorted(groups, key=lambda g: (notes.is_note(g[1][0]), g[1][0]["start"], g[0]))


def card_counts(document: dict) -> dict[str, int]:
    """Cards per check (a restated note counted once, under its first rule), dismissed ones left out."""
    counts: dict[str, int] = {}
    for _, group in card_groups(document, None):
        if not render.is_dismissed(group[0]):
            counts[group[0]["check"]] = counts.get(group[0]["check"], 0) + 1
    return counts


def pill_label(check: str, counts: dict[str, int]) -> str:
    if check == ALL:
        return f"All principles ({sum(counts.values())})"
    return f"{render.check_label(check)} ({counts.get(check, 0)})"


def legend_filter(document: dict) -> list[str] | None:
    """The legend, which is also the filter: each principle in its highlight colour with its number
    of findings; pick one to highlight only it, or all. A principle with none is shown, not offered.
    Returns the checks to show (None: all)."""
    counts = card_counts(document)
    shown = [c for c in render.CHECK_LABELS if c in counts or c in render.CHECK_ORDER]
    shown += sorted(set(counts) - set(shown))
    options = [ALL, *(c for c in shown if counts.get(c))]
    colours = "".join(f".st-key-legend button[role=radio]:nth-of-type({n + 1}){{background:{render.check_colour(c)};"
                      f"color:#1d1d1d}}" for n, c in enumerate(options) if c != ALL)
    st.html(f"<style>{colours}.st-key-legend button[aria-checked=true]{{outline:2px solid #1d1d1d}}</style>")
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        choice = st.pills("Show", options, default=ALL, key="legend", format_func=lambda c: pill_label(c, counts),
                          label_visibility="collapsed",
                          help="The legend: pick a principle to highlight only its findings, or all of them.")
        empty = [c for c in shown if not counts.get(c)]
        if empty:
            show_html(" ".join(f'<span class="pill off" aria-disabled="true" title="No findings">'
                               f"{escaped(pill_label(c, counts))}</span>" for c in empty))
    return None if choice in (None, ALL) else [choice]


def finding_controls(group: list[dict], dismissed: dict, wrong: dict) -> None:
    """Dismiss (with a reason) or report as wrong (with a note) one card's finding (and the notes
    that restate it)."""
    keys = tuple(export.finding_key(f) for f in group)
    key = keys[0]
    columns = st.columns(2)
    if key in dismissed:
        columns[0].button("Restore", key=f"restore-{key}", on_click=restore, args=(keys,))
    if key in wrong:
        columns[1].button("Unmark “wrong”", key=f"unwrong-{key}", on_click=unmark_wrong, args=(keys,))
    if key in dismissed and key in wrong:
        return
    with columns[0 if key not in dismissed else 1].popover("Coach…"):
        st.text_input("Reason or note", key=f"note-{key}", placeholder="e.g. discussed in supervision")
        if key not in dismissed:
            st.button("Dismiss this finding", key=f"dismiss-{key}", on_click=dismiss, args=(keys,))
        if key not in wrong:
            st.button("This flag is wrong", key=f"wrong-{key}", on_click=mark_wrong, args=(keys,),
                      help="Adds it to the feedback file your team can use to tune the rules.")


def card_title(finding: dict, document: dict) -> str:
    """An expander's one-line title: the principle and the flagged words (or the note), as plain text."""
    words = finding.get("match") or document["text"][finding["start"]:finding["end"]]
    words = words if len(words) <= 48 else words[:47].rstrip() + "…"
    said = f"“{words}”" if words else finding["message"]
    title = f"{render.check_label(finding['check'])}: {said}"
    return markdown_escaped(title if not render.is_dismissed(finding) else f"(dismissed) {title}")


def findings_list(document: dict, dismissed: dict, wrong: dict, checks: list[str] | None) -> None:
    """Every finding of the principles shown as a card that opens (clicking its highlight opens it),
    with its coaching controls; the notes on the whole report after them."""
    groups = card_groups(document, checks)
    if not groups:
        st.success("No findings for the principles shown.")
        return
    for n, (i, group) in enumerate(groups):
        finding = group[0]
        if notes.is_note(finding) and (n == 0 or not notes.is_note(groups[n - 1][1][0])):
            st.markdown("**On the whole report**")
        with st.expander(card_title(finding, document)):
            show_html(render.finding_card(i, finding, document, rules=[f["rule"] for f in group]))
            if export.finding_key(finding) in wrong:
                st.caption("Marked as a wrong flag: it is in the feedback file.")
            finding_controls(group, dismissed, wrong)


def summary_metrics(document: dict) -> None:
    summary = document["summary"]
    grade = summary.get("grade")
    with st.container(horizontal=True, gap="medium"):
        st.metric("Findings", sum(not render.is_dismissed(f) for _, f, _ in render.cards(document)))
        st.metric("Words", summary.get("words", 0))
        st.metric("Sentences", summary.get("sentences", 0))
        st.metric("Reading grade", f"{grade:.1f}" if isinstance(grade, (int, float)) else "n/a",
                  help="A readability grade: higher is harder to read.")


def chronology_section(document: dict) -> None:
    """The dated events of the report on a timeline, their table folded beneath."""
    st.subheader("Chronology")
    timeline.show(document)


def details_section(document: dict) -> None:
    """Below the report: the policy checklist, the findings per principle and the chronology."""
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.subheader("Policy checklist")
        show_html(render.checklist_table(document))
    with right:
        st.subheader("Findings and readability")
        show_html(render.summary_table(document))
    chronology_section(document)


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
    """The download buttons in one row that wraps, with the redaction switch beside them."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        redacted = st.session_state.get("redact", False)
        extra = st.session_state.get("redact_extra", "") if redacted else ""
        extra_terms = tuple(t.strip() for t in extra.split(",") if t.strip())
        files = downloads_for(document, found, dismissed, wrong, redacted=redacted, extra_terms=extra_terms,
                              original=original)
        name = "report-redacted" if redacted else stem
        st.download_button("Annotated HTML", files.html, f"{name}-review.html", "text/html", on_click="ignore")
        st.download_button("JSON", files.json, f"{name}-review.json", "application/json", on_click="ignore")
        st.download_button("Word with comments", files.docx, f"{name}-review.docx",
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           on_click="ignore")
        st.download_button(f"Feedback file ({len(wrong)} wrong, {len(dismissed)} dismissed)", files.feedback,
                           "review-feedback.json", "application/json", on_click="ignore",
                           disabled=not (wrong or dismissed),
                           help="The flags you marked wrong and the findings you dismissed, always redacted.")
        st.toggle("Redact names", key="redact",
                  help="Children become [Child A], other people [Person 1]; dates of birth, addresses, "
                       "phone numbers, emails and NHS numbers are replaced. Use it to share an example.")
    if redacted:
        st.text_input("Also redact these words (comma-separated)", key="redact_extra")
        with st.expander("Preview the redacted report"):
            show_html(f'<div class="report">{escaped(files.shared["text"])}</div>')


def review_results(coached: dict, document: dict, found: dict, dismissed: dict, wrong: dict, stem: str,
                   original: bytes | None) -> None:
    """The summary and downloads, the report beside its findings (each in a box that scrolls), then
    the checklist, the findings per principle and the chronology."""
    page_styles()
    st.html(OPEN_CARD_SCRIPT, unsafe_allow_javascript=True)
    summary_metrics(coached)
    downloads_section(document, found, dismissed, wrong, stem, original)
    checks = legend_filter(coached)
    report_column, panel_column = st.columns([3, 2], gap="medium")
    with report_column, st.container(height=PANEL_HEIGHT, border=False, key="report-box"):
        show_html(f'<div class="report">{render.highlighted_report(coached, checks=checks)}</div>')
    with panel_column, st.container(height=PANEL_HEIGHT, key="findings-box"):
        findings_list(coached, dismissed, wrong, checks)
    details_section(coached)
