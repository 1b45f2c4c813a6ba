"""The terminal report of a document object (``review check``'s default text format).

Each finding shows where it is (a line of a text file; for a Word file the paragraph or table
cell, the finding's ``location``), the sentence shortened around the flagged words, which are
marked, the message and the suggestion, wrapped to the width without breaking a word. Findings
on words come in reading order; repeated findings of one rule in one passage (a section under a
heading, else a paragraph) are one entry listing their sentences; notes on the whole report come last.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_right

TEXT_WIDTH = 80  # when no width is given (output to a file or a pipe)
MIN_WIDTH = 40
CONTEXT_WORDS = 8  # words of the sentence kept on each side of the flagged words
MATCH_WORDS = 12  # flagged words longer than this are shortened in the middle
INDENT = "    "
ITEM = "· "
NEWLINE, KEEP_TOGETHER = "\n", "\xa0"  # a no-break space joins words while wrapping, then is a space again
_OPEN, _CLOSE = "\ue000", "\ue001"  # the flagged words' marks while wrapping (one column each)
_PLAIN_MARKS = ("«", "»")
_ANSI = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "dim": "\033[2m", "bold": "\033[1m",
         "mark": "\033[1;4m", "reset": "\033[0m"}
DATE_SOURCES = {"given": "given", "stated": "stated in the report", "sent": "the email's Sent: date",
                "today": "today"}
TODAY_NOTICE = ("The report date is today's: none was given (--report-date) or found in the report, and it "
                "decides what is historic.")
# What a passage's repeated findings of a rule have in common, for the rules whose message
# differs only by the flagged words (shown in each sentence). Other rules list each message.
# Why the flag-confidence stage changed a finding's severity, by the rule's own severity.
CALIBRATED_NOTES = {
    "warning": "A note, not a warning: practitioners marking reports like this accepted most sentences flagged "
               "like {it} (confidence {confidence}).",
    "info": "A warning, not a note: practitioners marking reports like this asked for most sentences like {it} "
            "to be changed (confidence {confidence}).",
}
GROUP_HEADS = {
    "date.undated_event": "These {n} sentences describe events with no date or time, and none is carried over:",
    "date.relative": "These {n} sentences date events only from the day the report was written:",
    "date.imprecise": "These {n} sentences date events only vaguely:",
    "date.vague_change": "These {n} sentences say only vaguely when something changed:",
    "date.recent_change": "These {n} sentences say only that something changed recently:",
    "opinion.judgement": "These {n} sentences state a judgement as fact, with no source and no evidence:",
    "opinion.hedge": "These {n} sentences speculate: the reader cannot tell what was actually observed:",
    "opinion.unattributed_quote": "These {n} sentences quote a label with no source: whose description is it?",
    "opinion.owned": "These {n} sentences own an opinion but give no reason for it:",
    "length.jargon": "These {n} abbreviations are not spelled out; a parent or another agency may not know them:",
    "length.passive": "These {n} sentences do not say who did it:",
    "historic.no_relevance": "These {n} items are historic, and nothing here says how they relate to the current "
                             "concern:",
    "child_voice.no_circumstances": "These {n} quotes of the child's words do not give the circumstances in which "
                                    "they were said:",
    "child_voice.reported_no_circumstances": "These {n} sentences give the child's words with nothing on when, "
                                             "where, to whom or how they were said:",
}


class _Style:
    """Wrapping at one width, and colour (ANSI) or none."""

    def __init__(self, width: int, colour: bool):
        self.width, self.colour = max(width, MIN_WIDTH), colour

    def paint(self, name: str, text: str) -> str:
        return f"{_ANSI[name]}{text}{_ANSI['reset']}" if self.colour and text else text

    def wrap(self, text: str, indent: str = INDENT, hanging: str | None = None, paint: str | None = None) -> list[str]:
        """`text` wrapped to the width, never inside a word (nor at a no-break space), its flagged words marked."""
        wrapper = textwrap.TextWrapper(width=self.width, initial_indent=indent,
                                       subsequent_indent=indent if hanging is None else hanging,
                                       break_long_words=False, break_on_hyphens=False)
        lines = [line.replace(KEEP_TOGETHER, " ") for line in wrapper.wrap(text)] or [indent.rstrip()]
        return [self._mark(line, paint) for line in (self._balanced(lines) if self.colour else lines)]

    @staticmethod
    def _balanced(lines: list[str]) -> list[str]:
        """Lines where flagged words run on to the next line are closed and reopened there (so
        no colour runs into the indent)."""
        result, open_ = [], False
        for line in lines:
            body = line.lstrip(" ")
            line = line[:len(line) - len(body)] + (_OPEN if open_ else "") + body
            open_ = line.rfind(_OPEN) > line.rfind(_CLOSE)
            result.append(line + (_CLOSE if open_ else ""))
        return result

    def _mark(self, line: str, paint: str | None) -> str:
        if not self.colour:
            return line.replace(_OPEN, _PLAIN_MARKS[0]).replace(_CLOSE, _PLAIN_MARKS[1])
        after = _ANSI[paint] if paint else ""
        line = line.replace(_OPEN, _ANSI["reset"] + _ANSI["mark"]).replace(_CLOSE, _ANSI["reset"] + after)
        return f"{after}{line}{_ANSI['reset']}" if paint else line


def _shown(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _shortened(words: str) -> str:
    """`words` (spaces kept at either end), shortened in the middle when longer than MATCH_WORDS."""
    tokens = words.split()
    if len(tokens) <= MATCH_WORDS:
        return words
    lead, trail = words[:len(words) - len(words.lstrip())], words[len(words.rstrip()):]
    return lead + " ".join(tokens[:MATCH_WORDS - 4]) + " … " + " ".join(tokens[-3:]) + trail


def excerpt(document: dict, findings: list[dict]) -> str:
    """The sentence of `findings` (all in one sentence), shortened to a few words around the
    flagged words, which are marked."""
    text = document["text"]
    sentence = document["sentences"][findings[0]["sentence"]]
    begin, end = sentence["start"], sentence["end"]
    spans, position = [], begin
    for finding in sorted(findings, key=lambda f: (f["start"], f["end"])):
        start = min(max(finding["start"], position), end)
        stop = max(min(finding["end"], end), start)
        if stop > start:
            spans.append((start, stop))
            position = stop
    if not spans:
        spans = [(begin, begin)]
    before = re.findall(r"\S+\s*", _shown(text[begin:spans[0][0]]).lstrip())
    after = re.findall(r"\s*\S+", _shown(text[spans[-1][1]:end]).rstrip())
    shown = ("…" if len(before) > CONTEXT_WORDS else "") + "".join(before[-CONTEXT_WORDS:])
    for i, (start, stop) in enumerate(spans):
        if i:
            shown += _shortened(_shown(text[spans[i - 1][1]:start]))
        shown += f"{_OPEN}{_shortened(_shown(text[start:stop]))}{_CLOSE}" if stop > start else ""
    return shown + "".join(after[:CONTEXT_WORDS]) + ("…" if len(after) > CONTEXT_WORDS else "")


def where(document: dict, finding: dict) -> str:
    """Where a finding on words is: its Word `location`, else its line, else (one line) its sentence."""
    if finding.get("location"):
        return finding["location"]
    text = document["text"]
    if "\n" in text.strip():
        return f"line {text.count(NEWLINE, 0, finding['start']) + 1}"
    return f"sentence {finding['sentence'] + 1}"


def _span(first: str, last: str) -> str:
    if first == last:
        return first
    if first.startswith("line ") and last.startswith("line "):
        return f"lines {first[5:]}–{last[5:]}"
    return f"{first} to {last}"


def passages(document: dict) -> list[list[dict]]:
    """The findings on words in reading order, those of one rule and severity in one passage (the section
    under a heading, else the paragraph, per the report's `blocks`) together at the place of the first."""
    starts = [block["start"] for block in document.get("blocks") or []]
    groups: dict[tuple, list[dict]] = {}
    for finding in document["findings"]:
        if finding["sentence"] is not None:
            passage = finding.get("section") or bisect_right(starts, finding["start"]) - 1
            groups.setdefault((finding["rule"], finding["severity"], passage), []).append(finding)
    return sorted(groups.values(), key=lambda group: (group[0]["start"], group[0]["end"], group[0]["rule"]))


def _by_sentence(group: list[dict]) -> list[list[dict]]:
    sentences: dict[int, list[dict]] = {}
    for finding in group:
        sentences.setdefault(finding["sentence"], []).append(finding)
    return list(sentences.values())


def _calibrated(style: _Style, found: list[dict], indent: str = INDENT) -> list[str]:
    """Why the flag-confidence stage shows the findings `found` (one rule, one severity) at a severity
    their rule did not give, once for them all."""
    changed = [f for f in found if f.get("rule_severity") in CALIBRATED_NOTES and f.get("confidence") is not None]
    if not changed:
        return []
    scored = sorted({f["confidence"] for f in changed})
    confidence = f"{scored[0]:.2f}" if len(scored) == 1 else f"{scored[0]:.2f} to {scored[-1]:.2f}"
    it = "it" if len({f["sentence"] for f in found}) == 1 else "these"
    note = CALIBRATED_NOTES[changed[0]["rule_severity"]]
    return style.wrap(note.format(it=it, confidence=confidence), indent=indent, paint="dim")


def _head(style: _Style, place: str, finding: dict, count: int = 1) -> list[str]:
    severity = finding["severity"]
    painted = style.paint(severity, severity)
    head = "  " + "  ".join(part for part in (place, painted, finding["rule"], f"×{count}" if count > 1 else "")
                            if part)
    section = f"(in “{finding['section']}”)" if finding.get("section") else ""
    if not section:
        return [head]
    if len(head) - len(painted) + len(severity) + 2 + len(section) <= style.width:
        return [head + "  " + style.paint("dim", section)]
    return [head, *style.wrap(section, paint="dim")]


def _sentence_entry(style: _Style, document: dict, found: list[dict]) -> list[str]:
    """One entry for a rule's findings in one sentence: the sentence, marked, then each message
    with its suggestion (the suggestion once, after the messages, where they share it)."""
    shared = len({finding["suggestion"] for finding in found}) == 1
    lines = [*_head(style, where(document, found[0]), found[0]), *style.wrap(excerpt(document, found))]
    for finding in found:
        lines += style.wrap(finding["message"])
        if not shared:
            lines += style.wrap(f"Suggestion: {finding['suggestion']}", paint="dim")
    if shared:
        lines += style.wrap(f"Suggestion: {found[0]['suggestion']}", paint="dim")
    return lines + _calibrated(style, found)


def _group_entry(style: _Style, document: dict, group: list[dict]) -> list[str]:
    """One entry for a rule found in several sentences of one passage: what they have in common,
    then each sentence on a line or two with its flagged words marked, then the suggestion."""
    first, sentences = group[0], _by_sentence(group)
    places = [where(document, found[0]) for found in sentences]
    lines = _head(style, _span(places[0], places[-1]), first, len(sentences))
    head = GROUP_HEADS.get(first["rule"])
    lines += style.wrap(head.format(n=len(sentences)) if head else f"In {len(sentences)} sentences here:")
    same_suggestion = len({finding["suggestion"] for finding in group}) == 1
    below = INDENT + " " * len(ITEM)
    for place, found in zip(places, sentences):
        kept = place.replace(" ", KEEP_TOGETHER)  # "table 1, row 3, cell 2" never split over two lines
        lines += style.wrap(f"{kept}  {excerpt(document, found)}", indent=INDENT + ITEM, hanging=below)
        for finding in found:
            if not head:
                lines += style.wrap(finding["message"], indent=below)
            if not same_suggestion:
                lines += style.wrap(f"Suggestion: {finding['suggestion']}", indent=below, paint="dim")
    if same_suggestion:
        lines += style.wrap(f"Suggestion: {first['suggestion']}", paint="dim")
    return lines + _calibrated(style, group)


def _note_entry(style: _Style, finding: dict) -> list[str]:
    severity = finding["severity"]
    return [f"  {style.paint(severity, severity)}  {finding['rule']}",
            *style.wrap(finding["message"]),
            *style.wrap(f"Suggestion: {finding['suggestion']}", paint="dim")]


def _header(style: _Style, document: dict) -> list[str]:
    findings = document["findings"]
    counts = ", ".join(f"{check} {n}" for check, n in document["summary"].get("findings_by_check", {}).items() if n)
    head = f"{document['id']}: {len(findings)} finding{'s' if len(findings) != 1 else ''}" + (
        f" ({counts})" if findings else "")
    source = document["summary"].get("report_date_source")
    dated = f"report date {document['report_date']}" + (f" ({DATE_SOURCES[source]})" if source in DATE_SOURCES else "")
    context = f"{dated}; child: {', '.join(document['children']) or 'not found'}"
    lines = [style.paint("bold", line) for line in style.wrap(head, indent="", hanging="  ")]
    lines += style.wrap(context, indent="  ")
    if source == "today":
        lines += style.wrap(TODAY_NOTICE, indent="  ", paint="warning")
    return lines


def render_text(document: dict, *, colour: bool = False, width: int | None = None) -> str:
    """The terminal report of one document, wrapped to `width` columns (default 80), in ANSI
    colour with the flagged words bold and underlined when `colour`, else marked «like this»."""
    style = _Style(width or TEXT_WIDTH, colour)
    lines = _header(style, document)
    for entry in passages(document):
        lines.append("")
        several = len({finding["sentence"] for finding in entry}) > 1
        lines += _group_entry(style, document, entry) if several else _sentence_entry(style, document, entry)
    notes = [finding for finding in document["findings"] if finding["sentence"] is None]
    if notes:
        lines += ["", style.paint("bold", "  On the whole report:")]
        for finding in notes:
            lines += ["", *_note_entry(style, finding)]
    return "\n".join(lines)
