"""Human-readable renderings of document objects: coloured text for the terminal, and HTML."""

from __future__ import annotations

import html

CHECK_LABELS = {
    "opinion": "Fact and opinion",
    "date": "Dates and times",
    "length": "Succinct and clear",
    "child_voice": "The child's voice",
    "historic": "Historic information",
    "checklist": "Policy checklist",
}
CHECK_COLOURS = {
    "opinion": "#f4a6a6",
    "date": "#f7d08a",
    "length": "#a8d5f2",
    "child_voice": "#b9e4b0",
    "historic": "#d3b8f0",
    "checklist": "#e0e0e0",
}
_ANSI = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m",
         "reset": "\033[0m"}


def _check_order(check: str) -> int:
    return list(CHECK_COLOURS).index(check) if check in CHECK_COLOURS else len(CHECK_COLOURS)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _counts(document: dict) -> str:
    counts = document["summary"].get("findings_by_check", {})
    return ", ".join(f"{check} {n}" for check, n in counts.items() if n)


def render_text(document: dict, *, colour: bool = False) -> str:
    """The findings of one document, one block per finding, in text order."""
    paint = (lambda name, s: f"{_ANSI[name]}{s}{_ANSI['reset']}") if colour else (lambda name, s: s)
    findings = document["findings"]
    children = ", ".join(document["children"]) or "not found"
    head = (f"{document['id']}: {len(findings)} finding{'s' if len(findings) != 1 else ''}"
            + (f" ({_counts(document)})" if findings else "")
            + f"  [report date {document['report_date']}; child: {children}]")
    lines = [paint("bold", head)]
    text = document["text"]
    for finding in findings:
        if finding["sentence"] is None:
            where = "report"
        else:
            line, col = _line_col(text, finding["start"])
            where = f"{line}:{col}"
        match = text[finding["start"]:finding["end"]]
        quoted = f'  "{match[:60]}{"…" if len(match) > 60 else ""}"' if match else ""
        lines.append(f"  {where:<8} {paint(finding['severity'], finding['severity']):<7}  {finding['rule']}{quoted}")
        lines.append(f"           {finding['message']}")
        lines.append(paint("dim", f"           Suggestion: {finding['suggestion']}"))
    return "\n".join(lines)


_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1d1d1d;background:#fafafa}
main{max-width:60rem;margin:auto;padding:1rem 1.5rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}
.meta{color:#555}
.legend{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.legend button{border:1px solid #888;border-radius:1rem;padding:.15rem .7rem;cursor:pointer;font:inherit}
.legend button[aria-pressed=false]{opacity:.35}
.report{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:1rem;border-radius:.4rem}
mark{border-radius:.2rem;padding:0 .05rem;color:inherit}
mark.overlap{outline:2px dashed #444;outline-offset:1px}
body.hide-opinion mark.c-opinion,body.hide-date mark.c-date,body.hide-length mark.c-length,
body.hide-child_voice mark.c-child_voice,body.hide-historic mark.c-historic,body.hide-checklist mark.c-checklist{background:none!important;outline:none}
body.hide-opinion li.c-opinion,body.hide-date li.c-date,body.hide-length li.c-length,
body.hide-child_voice li.c-child_voice,body.hide-historic li.c-historic,body.hide-checklist li.c-checklist{display:none}
ol.findings li{margin:.6rem 0;padding:.4rem .6rem;border-left:.4rem solid #ccc;background:#fff}
.rule{font-family:ui-monospace,monospace;font-size:.85em;color:#444}
.sev-error{color:#a00}.sev-warning{color:#8a5a00}.sev-info{color:#05628a}
.suggestion{color:#1f5e1f}.rationale{color:#666;font-size:.9em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
"""
_SCRIPT = """
document.querySelectorAll('.legend button').forEach(function(b){b.addEventListener('click',function(){
var on=b.getAttribute('aria-pressed')!=='false';b.setAttribute('aria-pressed',on?'false':'true');
document.body.classList.toggle('hide-'+b.dataset.check,on);});});
"""


def _style_rules() -> str:
    return "".join(f"mark.c-{c},.legend button.c-{c}{{background:{colour}}}li.c-{c}{{border-left-color:{colour}}}"
                   for c, colour in CHECK_COLOURS.items())


def highlighted_report(document: dict) -> str:
    """The report text as HTML, each flagged span in a <mark> coloured by its check.

    Where findings overlap, the text is cut at every boundary; a piece covered by several
    findings carries all their explanations and a dashed outline.
    """
    text = document["text"]
    spans = [(i, f) for i, f in enumerate(document["findings"]) if f["end"] > f["start"]]
    cuts = sorted({0, len(text), *(f["start"] for _, f in spans), *(f["end"] for _, f in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [(i, f) for i, f in spans if f["start"] <= left and right <= f["end"]]
        piece = html.escape(text[left:right])
        if not covering:
            pieces.append(piece)
            continue
        checks = sorted({f["check"] for _, f in covering}, key=_check_order)
        title = "\n\n".join(f"{f['rule']}: {f['message']}\nSuggestion: {f['suggestion']}" for _, f in covering)
        classes = " ".join(f"c-{c}" for c in checks) + (" overlap" if len(covering) > 1 else "")
        refs = " ".join(f"f{i}" for i, _ in covering)
        pieces.append(f'<mark class="{classes}" data-findings="{refs}" title="{html.escape(title)}">{piece}</mark>')
    return "".join(pieces)


def _finding_item(i: int, finding: dict, document: dict) -> str:
    text = document["text"]
    sentence = (document["sentences"][finding["sentence"]]["text"]
                if finding.get("sentence") is not None else "(the whole report)")
    match = text[finding["start"]:finding["end"]]
    why = finding.get("why") or (f"Flagged text: “{match}”" if match else "")
    return (f'<li id="f{i}" class="c-{html.escape(finding["check"])}">'
            f'<span class="sev-{html.escape(finding["severity"])}">{html.escape(finding["severity"])}</span> '
            f'<span class="rule">{html.escape(finding["rule"])}</span> · {html.escape(finding["principle"])}<br>'
            f'<q>{html.escape(sentence)}</q><br>{html.escape(finding["message"])}'
            + (f'<br><small>{html.escape(why)}</small>' if why else "")
            + f'<br><span class="suggestion">Suggestion: {html.escape(finding["suggestion"])}</span>'
            f'<br><span class="rationale">Policy: {html.escape(finding.get("rationale", ""))}</span></li>')


def _chronology(document: dict) -> str:
    events = document.get("events") or []
    if not events:
        return "<p>No dated events found.</p>"
    rows = []
    for event in events:
        when = event.get("value") or event.get("date") or ""
        rows.append(f"<tr><td>{html.escape(str(when))}</td><td>{html.escape(str(event.get('text', '')))}</td></tr>")
    return "<table><tr><th>When</th><th>What</th></tr>" + "".join(rows) + "</table>"


def _checklist(document: dict) -> str:
    items = document.get("checklist") or []
    if not items:
        return "<p>No checklist for this report.</p>"
    rows = []
    for item in items:
        answered = "✔ answered" if item.get("answered") else "✘ not answered"
        rows.append(f"<tr><td>{html.escape(str(item.get('question', item.get('id', ''))))}</td>"
                    f"<td>{answered}</td></tr>")
    return "<table><tr><th>Policy question</th><th>In this report?</th></tr>" + "".join(rows) + "</table>"


def render_html(documents: list[dict]) -> str:
    """One self-contained page (no external fonts or scripts) annotating every document."""
    sections = []
    for document in documents:
        counts = document["summary"].get("findings_by_check", {})
        legend = "".join(
            f'<li><button type="button" class="c-{c}" data-check="{c}" aria-pressed="true">'
            f'{html.escape(CHECK_LABELS.get(c, c))} ({n})</button></li>' for c, n in counts.items())
        findings = "".join(_finding_item(i, f, document) for i, f in enumerate(document["findings"]))
        summary = document["summary"]
        sections.append(
            f"<section><h1>Review of {html.escape(str(document['id']))}</h1>"
            f"<p class=meta>Report date {html.escape(document['report_date'])} · child: "
            f"{html.escape(', '.join(document['children']) or 'not found')} · {summary.get('words', 0)} words, "
            f"{summary.get('sentences', 0)} sentences, reading grade {summary.get('grade')}</p>"
            f'<ul class="legend" aria-label="Show or hide a principle">{legend}</ul>'
            f'<div class="report">{highlighted_report(document)}</div>'
            f"<h2>Findings ({len(document['findings'])})</h2><ol class=findings>{findings}</ol>"
            f"<h2>Policy checklist</h2>{_checklist(document)}"
            f"<h2>Chronology</h2>{_chronology(document)}</section>")
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            "<title>Safeguarding report review</title>"
            f"<style>{_CSS}{_style_rules()}</style></head><body><main>{''.join(sections)}</main>"
            f"<script>{_SCRIPT}</script></body></html>\n")
