"""The HTML rendering of document objects (the terminal's text is `review.io.terminal`).

The HTML pieces (`highlighted_report`, `finding_card`, `summary_table`, `checklist_table`,
`chronology_table`) are shared by the self-contained page of ``review check --format html``
(`render_html`, which adds the timeline of `review.io.timeline`) and by the Streamlit page (app.py),
so both show a report the same way.
Every piece of report text is HTML-escaped here; callers pass document objects, never HTML.
"""

from __future__ import annotations

import html
from collections import Counter

from review.core.registry import CHECKS, IN_LEGEND
from review.io.notes import distinct_notes
from review.io.timeline import timeline_svg

CHECK_LABELS = {info.name: info.label for info in CHECKS}
CHECK_COLOURS = {info.name: info.colour for info in CHECKS}
OTHER_COLOUR = "#cfd8dc"
# The principles always offered in a legend, even with no findings; other checks when they have some.
CHECK_ORDER = IN_LEGEND
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Note"}


def _check_order(check: str) -> int:
    return list(CHECK_COLOURS).index(check) if check in CHECK_COLOURS else len(CHECK_COLOURS)


def check_label(check: str) -> str:
    """The principle's name shown to users for a check ("Fact and opinion" for ``opinion``)."""
    return CHECK_LABELS.get(check, check.replace("_", " ").capitalize())


def check_colour(check: str) -> str:
    return CHECK_COLOURS.get(check, OTHER_COLOUR)


def checks_in(document: dict) -> list[str]:
    """The checks with at least one finding, in the legend's order."""
    return sorted({f["check"] for f in document["findings"]}, key=lambda c: (_check_order(c), c))


_e = html.escape

# Shared by the page and the standalone HTML; every selector is under .review so the page's
# own styles are untouched.
CSS = """
.review{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d1d1d}
.review .report{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:1rem 1.2rem;border-radius:.4rem}
.review mark{position:relative;border-radius:.2rem;padding:0 .05rem;color:inherit;cursor:help}
.review mark:focus{outline:2px solid #1d1d1d}
.review mark.overlap{outline:2px dashed #444;outline-offset:1px}
.review mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;width:min(26rem,80vw);white-space:normal;
 background:#fff;color:#1d1d1d;border:1px solid #888;border-radius:.35rem;padding:.5rem .65rem;font-size:.88rem;
 line-height:1.4;box-shadow:0 2px 8px rgba(0,0,0,.18);text-align:left;font-weight:normal}
.review mark:hover>.tip,.review mark:focus>.tip{display:block}
.review .tip b{display:block}.review .tip i{display:block;color:#1f5e1f;font-style:normal}
.review .legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:.4rem 0 .8rem;padding:0;list-style:none}
.review .legend .pill,.review .legend button{border:1px solid #888;border-radius:1rem;padding:.1rem .7rem;font:inherit;
 font-size:.9rem}
.review .legend button{cursor:pointer}
.review .legend button[aria-pressed=false]{opacity:.35}
.review .card{margin:.5rem 0;padding:.5rem .75rem;border-left:.45rem solid #ccc;background:#fff;border-radius:.2rem;
 font-size:.93rem;line-height:1.45}
.review .card.dismissed{opacity:.55}.review .card.dismissed .msg{text-decoration:line-through}
.review .card q{display:block;margin:.2rem 0;color:#333;font-style:italic}
.review .rule{font-family:ui-monospace,monospace;font-size:.82em;color:#444}
.review .sev-error{color:#a00;font-weight:600}.review .sev-warning{color:#8a5a00;font-weight:600}
.review .sev-info{color:#05628a;font-weight:600}
.review .suggestion{color:#1f5e1f}.review .rationale{color:#666;font-size:.9em}
.review .scaffold{margin:.3rem 0;padding:.3rem .6rem;background:#f6f6f6;border-radius:.3rem;font-size:.92em}
.review .scaffold summary{cursor:pointer;color:#333}.review .scaffold dl{margin:.3rem 0 0}
.review .scaffold dt{font-weight:600}.review .scaffold dd{margin:0 0 .2rem 0;color:#555}
.review table{border-collapse:collapse;margin:.4rem 0}
.review td,.review th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.review .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:.2rem;margin-right:.35rem;
 vertical-align:-.1rem;border:1px solid #999}
.review svg.timeline{display:block;max-width:48rem;margin:.4rem 0}.review tr:target{outline:3px solid #444}
"""
_PAGE_CSS = """
body{margin:0;background:#fafafa}main{max-width:62rem;margin:auto;padding:1rem 1.5rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}.meta{color:#555}
"""
_SCRIPT = """
document.querySelectorAll('.legend button').forEach(function(b){b.addEventListener('click',function(){
var on=b.getAttribute('aria-pressed')!=='false';b.setAttribute('aria-pressed',on?'false':'true');
b.closest('section').classList.toggle('hide-'+b.dataset.check,on);});});
document.querySelectorAll('mark[data-findings]').forEach(function(m){m.addEventListener('click',function(){
var li=document.getElementById(m.dataset.findings.split(' ')[0]);if(li){li.scrollIntoView({block:'center'});
li.style.outline='3px solid #444';setTimeout(function(){li.style.outline='';},1500);}});});
"""
# The rewrite scaffold offered for an opinion finding: the parts of a well-founded statement.
OPINION_SCAFFOLD = (
    ("What was observed", "what you (or a named colleague) saw or heard, with the date and time"),
    ("Who said it", "the source of anything you did not see yourself, and their words"),
    ("What the professional concludes", "your view, owned as yours: 'In my professional opinion ...'"),
    ("And why", "the evidence that leads you there: 'because ...'"),
)


def _style_rules() -> str:
    rules = []
    for check, colour in CHECK_COLOURS.items():
        rules.append(f".review mark.c-{check},.review .legend .c-{check}{{background:{colour}}}"
                     f".review .card.c-{check}{{border-left-color:{colour}}}"
                     f".review section.hide-{check} mark.c-{check}{{background:none!important;outline:none}}"
                     f".review section.hide-{check} .card.c-{check}{{display:none}}")
    return "".join(rules)


def stylesheet() -> str:
    """The CSS every review fragment needs (self-contained: no fonts or images fetched)."""
    return CSS + _style_rules()


def is_dismissed(finding: dict) -> bool:
    return bool(finding.get("dismissed"))


def _visible(finding: dict, checks) -> bool:
    return finding["end"] > finding["start"] and not is_dismissed(finding) and (
        checks is None or finding["check"] in checks)


def _tip(finding: dict) -> str:
    suggestion = f'<i>Suggestion: {_e(finding["suggestion"])}</i>' if finding.get("suggestion") else ""
    return f'<b>{_e(check_label(finding["check"]))}: {_e(finding["message"])}</b>{suggestion}'



def highlighted_report(document: dict, *, checks=None, id_prefix: str = "f") -> str:
    """The report text as HTML, each flagged span in a <mark> coloured by its principle.

    `checks` limits the highlights to those checks (None: all); each mark refers to its findings'
    cards by id, `id_prefix` + the finding's index (unique per document on a page of several).
    Dismissed findings are not highlighted. Where findings overlap, the text is cut at every
    boundary; a piece covered by several findings is striped in all their colours, outlined,
    and its tooltip (shown on hover, or on focus by click or keyboard) carries every
    explanation and suggestion.
    """
    text = document["text"]
    spans = [(i, f) for i, f in enumerate(document["findings"]) if _visible(f, checks)]
    cuts = sorted({0, len(text), *(f["start"] for _, f in spans), *(f["end"] for _, f in spans)})
    pieces = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [(i, f) for i, f in spans if f["start"] <= left and right <= f["end"]]
        piece = _e(text[left:right])
        if not covering:
            pieces.append(piece)
            continue
        found = sorted({f["check"] for _, f in covering}, key=_check_order)
        classes = " ".join(f"c-{_e(c)}" for c in found) + (" overlap" if len(covering) > 1 else "")
        style = ""
        if len(found) > 1:
            stripes = ",".join(f"{check_colour(c)} {k * 8}px,{check_colour(c)} {(k + 1) * 8}px"
                               for k, c in enumerate(found))
            style = f' style="background:repeating-linear-gradient(135deg,{stripes})"'
        elif found[0] not in CHECK_COLOURS:
            style = f' style="background:{OTHER_COLOUR}"'
        refs = " ".join(f"{id_prefix}{i}" for i, _ in covering)
        label = "; ".join(f"{check_label(f['check'])}: {f['message']}" for _, f in covering)
        tips = "".join(f"<span>{_tip(f)}</span>" for _, f in covering)
        pieces.append(f'<mark class="{classes}"{style} tabindex="0" data-findings="{refs}" aria-label="{_e(label)}">'
                      f'{piece}<span class="tip" role="tooltip">{tips}</span></mark>')
    return "".join(pieces)


def sentence_of(finding: dict, document: dict) -> str:
    """The text of the sentence a finding is in ("" for a finding on the whole report)."""
    index = finding.get("sentence")
    if index is None or not 0 <= index < len(document["sentences"]):
        return ""
    return document["sentences"][index]["text"]


def cards(document: dict) -> list[tuple[int, dict, list[str]]]:
    """The findings to show as cards, in order: (index, finding, rules), a note on the whole report
    that another rule restates given once with both rules (`review.io.notes`)."""
    index = {id(f): i for i, f in enumerate(document["findings"])}
    return [(index[id(f)], f, rules) for f, rules in distinct_notes(document["findings"])]


def finding_card(i: int, finding: dict, document: dict, *, id_prefix: str = "f", rules: list[str] = ()) -> str:
    """One finding as HTML: severity, rule (or `rules`), the sentence, why, the suggestion and the policy line.

    An opinion finding also gets the rewrite scaffold (`OPINION_SCAFFOLD`); a dismissed one
    shows the reviewer's reason.
    """
    sentence = sentence_of(finding, document)
    match = finding.get("match") or document["text"][finding["start"]:finding["end"]]
    flagged_is_news = match and match != sentence and match not in finding["message"]
    why = finding.get("why") or (f"Flagged text: “{match}”" if flagged_is_news else "")
    parts = [f'<div class="card c-{_e(finding["check"])}{" dismissed" if is_dismissed(finding) else ""}" id="{id_prefix}{i}">',
             f'<span class="sev-{_e(finding["severity"])}">{_e(SEVERITY_LABELS.get(finding["severity"], ""))}</span> ',
             f'<span class="rule">{_e(", ".join(rules) or finding["rule"])}</span> · '
             f'{_e(check_label(finding["check"]))}',
             f'<q>{_e(sentence)}</q>' if sentence else "<q>(the whole report)</q>",
             f'<div class="msg">{_e(finding["message"])}</div>']
    if why:
        parts.append(f"<small>Why: {_e(why)}</small>")
    parts.append(f'<div class="suggestion">Suggestion: {_e(finding["suggestion"])}</div>')
    if finding["check"] == "opinion":
        parts.append('<details class="scaffold"><summary>Rewrite scaffold</summary><dl>' + "".join(
            f"<dt>{_e(head)}</dt><dd>{_e(prompt)}</dd>" for head, prompt in OPINION_SCAFFOLD) + "</dl></details>")
    if finding.get("rationale"):
        parts.append(f'<div class="rationale">Policy: “{_e(finding["rationale"])}”</div>')
    if is_dismissed(finding):
        reason = finding["dismissed"].get("reason") if isinstance(finding["dismissed"], dict) else ""
        parts.append(f'<div><b>Dismissed</b>{": " + _e(reason) if reason else ""}</div>')
    parts.append("</div>")
    return "".join(parts)


def finding_counts(document: dict) -> dict[str, int]:
    """Findings per check, leaving out the ones a reviewer dismissed."""
    return dict(Counter(f["check"] for f in document["findings"] if not is_dismissed(f)))


def legend(document: dict, *, buttons: bool = False) -> str:
    """The principles found, each in its colour with its number of findings (buttons toggle them)."""
    counts = finding_counts(document)
    items = []
    for check in sorted(counts, key=lambda c: (_check_order(c), c)):
        name = f"{_e(check_label(check))} ({counts[check]})"
        items.append(f'<li><button type="button" class="c-{_e(check)}" data-check="{_e(check)}" aria-pressed="true">'
                     f"{name}</button></li>" if buttons else f'<li><span class="pill c-{_e(check)}">{name}</span></li>')
    return f'<ul class="legend" aria-label="Principles">{"".join(items)}</ul>'


def summary_table(document: dict) -> str:
    """Findings per principle, then the report's length and readability."""
    summary = document["summary"]
    counts = finding_counts(document)
    checks = list(summary.get("findings_by_check") or {}) or list(counts)
    checks += [c for c in counts if c not in checks]
    rows = "".join(f'<tr><td><span class="swatch" style="background:{check_colour(c)}"></span>'
                   f"{_e(check_label(c))}</td><td>{counts.get(c, 0)}</td></tr>" for c in checks)
    sentences = document["sentences"]
    longest = max((s.get("words") or 0 for s in sentences), default=0)
    grade = summary.get("grade")
    measures = [("Words", summary.get("words", 0)), ("Sentences", summary.get("sentences", len(sentences))),
                ("Longest sentence (words)", longest),
                ("Reading grade (higher is harder)", "" if grade is None else f"{grade:.1f}"
                 if isinstance(grade, (int, float)) else grade)]
    dismissed = sum(1 for f in document["findings"] if is_dismissed(f))
    if dismissed:
        measures.append(("Findings dismissed", dismissed))
    return ("<table><tr><th>Principle</th><th>Findings</th></tr>" + rows + "</table>"
            "<table>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(str(v))}</td></tr>" for k, v in measures)
            + "</table>")


def checklist_table(document: dict) -> str:
    """The policy's questions and whether the report answers each (with the sentences that do)."""
    items = [i for i in document.get("checklist") or [] if i.get("applicable", True)]
    if not items:
        return "<p>No checklist for this report.</p>"
    rows = []
    for item in items:
        answered = "✔ answered" if item.get("answered") else "✘ not answered"
        where = ", ".join(str(n + 1) for n in item.get("sentences") or [])
        question = item.get("text") or item.get("question") or item.get("id", "")
        rows.append(f"<tr><td>{_e(str(question))}</td><td>{answered}</td>"
                    f"<td>{_e(where)}</td></tr>")
    return ("<table><tr><th>Policy question</th><th>In this report?</th><th>Sentences</th></tr>"
            + "".join(rows) + "</table>")


def chronology_table(document: dict, *, id_prefix: str = "e") -> str:
    """The dated events in date order (``events`` of the document object); each row's id is
    `id_prefix` + its index, which the timeline's points link to."""
    events = document.get("events") or []
    if not events:
        return "<p>No dated events found.</p>"
    rows = []
    for n, event in enumerate(events):
        when = event.get("value") or event.get("date") or ""
        what = event.get("text") or event.get("sentence_text") or ""
        rows.append(f'<tr id="{_e(id_prefix)}{n}"><td>{_e(str(when))}</td><td>{_e(str(what))}</td></tr>')
    return "<table><tr><th>When</th><th>What</th></tr>" + "".join(rows) + "</table>"


def render_html(documents: list[dict]) -> str:
    """One self-contained page (no external fonts, images or scripts) annotating every document."""
    sections = []
    for n, document in enumerate(documents):
        summary = document["summary"]
        prefix = f"d{n}-f"  # card ids unique across the page's documents
        shown = cards(document)
        findings = "".join(finding_card(i, f, document, id_prefix=prefix, rules=rules) for i, f, rules in shown)
        grade = summary.get("grade")
        grade_text = f"{grade:.1f}" if isinstance(grade, (int, float)) else "n/a"
        sections.append(
            f"<section><h1>Review of {_e(str(document['id']))}</h1>"
            f"<p class=meta>Report date {_e(str(document['report_date']))} · child: "
            f"{_e(', '.join(document['children']) or 'not found')} · {_e(str(summary.get('words', 0)))} words, "
            f"{_e(str(summary.get('sentences', 0)))} sentences, reading grade {_e(grade_text)}</p>"
            f"{legend(document, buttons=True)}"
            f'<div class="report">{highlighted_report(document, id_prefix=prefix)}</div>'
            f"<h2>Findings ({len(shown)})</h2>{findings}"
            f"<h2>Summary</h2>{summary_table(document)}"
            f"<h2>Policy checklist</h2>{checklist_table(document)}"
            f"<h2>Chronology</h2>{timeline_svg(document, id_prefix=f'd{n}-e')}"
            f"{chronology_table(document, id_prefix=f'd{n}-e')}</section>")
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            "<title>Safeguarding report review</title>"
            f"<style>{_PAGE_CSS}{stylesheet()}</style></head><body><main class=review>{''.join(sections)}</main>"
            f"<script>{_SCRIPT}</script></body></html>\n")
