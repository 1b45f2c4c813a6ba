"""The structure of a report as written: header fields, headings and their sections, paragraphs,
list items and table rows, read once from the text so that every check takes its scope from it.

Read line by line from the text alone (no parse), so it can run before the parser and tell it
which line breaks are only hard wrapping (pasted email) rather than the end of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = re.compile(r"[ \t]*(?:[•●▪◦·‣∙○■□➢►✓*+-]|[–—](?=\s)|o(?=[ \t]))[ \t]+(?=\S)")
# a form's tick box opening a line: "[ ]", "[X]", "☐", "☒", "☑"; with no colon after it the rest of the line is
# the form's printed option ("[ ] Missing from home"), not the writer's words ("[X] Other (please specify): ...")
_TICK_BOX = re.compile(r"[ \t]*(?:\[[ \t]*[xX✓✔*]?[ \t]*\]|[☐☒☑])[ \t]*(?=\S)")
# a form's printed question answered on its line: "Are parents aware of this referral?    Yes", "Has the child been
# seen by a health professional? Yes - conveyed to ED"; the question is the form's words, the answer the writer's
_ANSWERED_QUESTION = re.compile(r"[ \t]*(?P<question>[A-Z][^?\r\n]{4,150}\?)[ \t]+"
                                r"(?P<answer>(?i:yes|no|n/?a|unknown|not known|don't know|unsure)\b.*?)[ \t]*$")
_NUMBERED = re.compile(r"[ \t]*(?:\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})\)|\d{1,2}(?:\.\d{1,2})*\.?)[ \t]+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_HEADING_END = re.compile(r"[.!?;,][\"'”’)\]]*$")
# a chronology row opens with a date: a day ("12/01/24", a register's "21/07"), a month ("03/2019", "March 2019",
# "Mar 19", a log's "Jul") or a year ("2011"), then a dash or bar and the event
_ROW_DATE = (r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}[/.](?:19|20)\d{2}|\d{1,2}/\d{1,2}"
             r"|(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
             r"(?:[ \t]+(?:(?:19|20)\d{2}|\d{2}))?|(?:19|20)\d{2})")
_CHRONOLOGY_ROW = re.compile(r"[ \t]*" + _ROW_DATE + r"[ \t]+[-–—|][ \t]+\S", re.I)
_PIPE_CELLS = re.compile(r"[^|]+")
# a list item that opens with a date, past its bullet or number ("- 02/03/25 - …", "• 14 May: …")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DATED_ITEM = re.compile(r"[ \t]*(?:[•●▪◦·‣∙○■□➢►✓*+-]|[–—]|\(?\w{1,4}[.)])?[ \t]*(?:on[ \t]+)?(?:\d{1,2}[/.]\d{1,2}"
                         r"|\d{1,2}(?:st|nd|rd|th)?[ \t]+" + _MONTH + r"\b|" + _MONTH + r"[ \t]+(?:19|20)\d{2}|(?:19|20)\d{2}\b)",
                         re.I)
_TAB_CELLS = re.compile(r"[^\t]+")
_TAB_ALIGNED_FIELD = re.compile(r"[ \t]*[A-Z][A-Za-z'’()/&,. -]{0,40}:\t")  # "Child:<tab>Noah Price<tab>DOB:<tab>..."
# "Label: value" at the start of a line; the label is a few words (letters, brackets, slashes).
_FIELD = re.compile(r"[ \t]*(?P<label>[A-Z][A-Za-z'’()/&,. -]{0,40}?(?: \d{1,2}(?=[ \t]*:(?!\d)))?)[ \t]*:[ \t]*(?P<value>\S.*?)?[ \t]*$")
_DOB = re.compile(r"(?P<label>D\.?\s?O\.?\s?B\.?|Date of birth)[ \t]*:?[ \t]*(?P<value>\d{1,2}[/.]\d{1,2}[/.]\d{2,4})",
                  re.IGNORECASE)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")
_LETTER_LINE = re.compile(r"(?i)(?:dear\b|\d{1,2}(?:st|nd|rd|th)?[ \t]+[a-z]+[ \t]+\d{4}$|\d+[ \t]+[a-z]"
                          r"|(?:kind|best|warm)?[ \t]*regards\b|yours[ \t]+(?:sincerely|faithfully)|many thanks)")
_CLOSING = re.compile(r"(?i)(?:kind|best|warm|many)?[ \t]*(?:regards|wishes|thanks)[,.]?$|yours[ \t]+(?:sincerely|faithfully)")
_RUNNING_TEXT = re.compile(r"(?<=[a-z0-9]{2})[.!?][\"'”’)]?[ \t]+[A-Z]\S*(?:[ \t]+\S+){4}")  # a sentence, then another
_COLUMN_GAP = re.compile(r"[ \t]{3,}|\t[ \t]*")
_CONTINUES = {"and", "or", "but", "the", "a", "an", "of", "to", "with", "in", "on", "at", "for", "by", "from",
              "that", "as", "his", "her", "their", "is", "was", "were", "are", "has", "had", "have", "not"}
HEADING_MAX_WORDS = 10  # a longer line reads as running text even without a full stop
FIELD_MAX_LABEL_WORDS = 6
QUESTION_HEADING_MAX_WORDS = 8
ADDRESS_MAX_WORDS, ADDRESS_MAX_LINES = 10, 7
WRAP_MIN_WIDTH = 45  # hard wrapping is recognised only in lines at least this long
WRAP_SHARE = 0.6  # a wrapped line is at least this share of its paragraph's longest line

# The nouns a header names the report's child by ("Child", "Pupil", "Young person").
_CHILD_NOUNS = (r"child(?:ren)?|child\(ren\)|young (?:person|people)|patient(?:s|\(s\))?|pt|pupil(?:s|\(s\))?|student"
                r"|learner|baby|unborn baby|infant")
# How a header label is known, whatever its wording: key -> label patterns (whole label, case-insensitive).
FIELD_KEYS = {
    # a child noun alone or with its name ("Pupil name", "Young person's name", "Name of child")
    # or as the one the report is about ("Child examined", "Children subject to the plan", "YP name")
    "child": rf"(?:names?(?:\(s\))?(?: of (?:the )?(?:{_CHILD_NOUNS}))?"
             rf"|(?:{_CHILD_NOUNS}|yp)(?:/(?:{_CHILD_NOUNS}))?(?: \d)?(?:['’]s)?(?: (?:full )?names?)?"
             r"|dependants?|relevant child(?:ren)?|child(?:ren)? present(?: at (?:the )?incident)?"
             r"|subject(?:\(s\)| child(?:ren)?)?|subject children"
             rf"|(?:{_CHILD_NOUNS}) (?:examined|seen|placed|subject (?:of|to) (?:the |a )?(?:cp |child protection )?"
             r"(?:plans?|conference|report))"
             r"|also subject (?:of|to) (?:the |a )?plan"
             r"|child(?:ren)? in (?:the )?(?:household|family|home)|(?:other )?household(?: members)?(?: registered)?|re)",
    # a brother or sister ("Brothers", "Half-sister", "Sibling(s) at this school"; not "Sibling at home", read as
    # placed there)
    "sibling": r"(?:(?:older |younger )?(?:siblings?|sibling\(s\)|(?:half|step)?[ -]?(?:brother|sister)s?|brother/sister)"
               r"(?: (?:at|in) (?:this|the same|another|a different) (?:school|setting|nursery))?"
               r"|brothers? and sisters?|other children(?: in (?:the )?household)?|also placed)",
    "gender": r"(?:gender|sex)",
    "date_of_birth": r"(?:d\.?\s?o\.?\s?b\.?|date of birth)",
    "age": r"age",
    "report_date": r"(?:date(?: of report| report (?:completed|written)| completed| written)?|report date"
                   r"|completed on|dated)",
    "meeting_date": r"(?:(?:date of )?(?:conference|meeting|review)(?: date)?|conference|(?:conference|meeting) date)",
    "author": r"(?:author|report author(?:/role)?|report by|completed by|written by|worker|prepared by|from)",
    "role": r"(?:role|designation|job title)",
    "sent": r"sent",
}
_FIELD_KEY_PATTERNS = [(key, re.compile(rf"{pattern}", re.IGNORECASE)) for key, pattern in FIELD_KEYS.items()]


@dataclass(frozen=True)
class Field:
    """One header field: its label as written, the key it is known by (or None), and its value."""

    label: str
    key: str | None
    value: str
    start: int  # of the value
    end: int


@dataclass(frozen=True)
class Block:
    """One piece of the report's layout: a heading, a header field line, a paragraph, a list item
    or a table row (with its cells), and the heading of the section it is in."""

    kind: str  # heading | field | paragraph | item | form | row | address | signature
    start: int
    end: int
    heading: str | None = None  # the text of the section's heading (a heading's own: None)
    table: int | None = None  # rows: which table (0, 1, ...) and which row of it
    row: int | None = None
    cells: tuple[tuple[int, int], ...] = ()


def names_columns(block: Block, text: str) -> bool:
    """A table's first row naming its columns ("Date | What happened"), not the first line of a chronology written
    "date – event" ("21/07 – both attended"), which has no row of names."""
    if block.kind != "row" or block.row != 0:
        return False
    line = text[block.start:block.end]
    return not ("|" not in line and "\t" not in line and _CHRONOLOGY_ROW.match(line))


@dataclass
class Structure:
    """The blocks of a text in order, its header fields, and the line breaks that only wrap a line."""

    blocks: list[Block] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    soft_breaks: list[int] = field(default_factory=list)  # offsets of line ends inside a wrapped sentence
    # line ends of a hard-wrapped paragraph that close a sentence where the next word would not have fit
    filled_breaks: list[int] = field(default_factory=list)
    text_length: int = 0  # of the text it was read from

    @cached_property
    def _starts(self) -> list[int]:  # asked once per sentence by several checks: built once, after reading
        return [b.start for b in self.blocks]

    def index_at(self, offset: int) -> int | None:
        """The index in `blocks` of the block holding `offset`, or None (blank lines)."""
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < max(self.blocks[i].end, self.blocks[i].start + 1) else None

    def block_at(self, offset: int) -> Block | None:
        """The block holding `offset`, or None (blank lines)."""
        i = self.index_at(offset)
        return None if i is None else self.blocks[i]

    def passage_at(self, offset: int, text: str) -> tuple[int, int] | None:
        """(start, end) of the passage holding `offset`: its block (a paragraph with all its wrapped lines),
        and what a line ending in a colon introduces ("He said:", "told us what they were:"), read with it:
        a list, with a paragraph running straight on after the list, or the one paragraph set out after it
        (a blank line between allowed: "She asked me to include it in her own words:"). None outside every
        block. A list with no lead-in keeps each item apart (a dated entry's date is its own)."""
        i = self.index_at(offset)
        if i is None:
            return None
        block = self.blocks[i]
        if block.kind not in ("item", "paragraph"):
            return block.start, block.end
        first = i
        if block.kind == "paragraph":  # a paragraph straight after a list takes the list in only then
            if i > 0 and self.blocks[i - 1].kind == "paragraph" and self._leads_in(i - 1, text, blank_line=True):
                return self.blocks[i - 1].start, block.end
            if i == 0 or self.blocks[i - 1].kind != "item" or not self._joined(i - 1, text):
                return block.start, block.end
            first = i - 1
        while first > 0 and self.blocks[first - 1].kind == "item" and self._joined(first - 1, text):
            first -= 1
        if first == 0 or self.blocks[first - 1].kind != "paragraph" or not (
                self._leads_in(first - 1, text) or self._introduces_undated(first - 1, text)):
            return block.start, block.end
        return self.blocks[first - 1].start, block.end

    def _introduces_undated(self, i: int, text: str) -> bool:
        """Whether paragraph `i` introduces the list just after it (a blank line between allowed, same
        section) whose items open with no date of their own: "We did the feelings sheet on 02/05" then
        "- Worries: …", "- Hopes: …" are told on that occasion; a dated entry keeps its own date."""
        if not self._joined(i, text, 2):
            return False
        n = i + 1
        while n < len(self.blocks) and self.blocks[n].kind == "item":
            if _DATED_ITEM.match(text, self.blocks[n].start):
                return False
            if n + 1 >= len(self.blocks) or not self._joined(n, text):
                break
            n += 1
        return n > i + 1

    def _leads_in(self, i: int, text: str, blank_line: bool = False) -> bool:
        """Whether block `i` ends in a colon and runs on into the next (across a blank line if `blank_line`)."""
        return self._joined(i, text, 2 if blank_line else 1) \
            and text[self.blocks[i].start:self.blocks[i].end].rstrip().endswith(":")

    def _joined(self, i: int, text: str, breaks: int = 1) -> bool:
        """Whether block `i` and the next run on, with at most `breaks` line breaks between them (1: no blank
        line), in the same section."""
        here, after = self.blocks[i], self.blocks[i + 1]
        return here.heading == after.heading and len(_LINE_BREAK.findall(text, here.end, after.start)) <= breaks

    def section_of(self, offset: int) -> str | None:
        """The heading of the section holding `offset` (None before the first heading)."""
        block = self.block_at(offset)
        return block.heading if block else None

    def field_values(self, key: str) -> list[Field]:
        return [f for f in self.fields if f.key == key]

    def column_names(self, row: Block, text: str) -> list[str] | None:
        """The names its table's first row gives the columns of `row` ("Date | Who heard it | What Sofia said"),
        or None: not a table row, the naming row itself, or a table whose first row names no columns."""
        if row.kind != "row" or row.table is None:
            return None
        names = next((b for b in self.blocks if b.kind == "row" and b.table == row.table and names_columns(b, text)),
                     None)
        if names is None or names is row:
            return None
        return [text[start:end] for start, end in names.cells]


@dataclass
class _Line:
    start: int
    end: int  # without the line end
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and m.start() > 0:
            break
        body = m.group(0).rstrip("\r\n")
        lines.append(_Line(m.start(), m.start() + len(body), body))
    return lines


def line_end_before_spaces(text: str, end: int) -> int:
    """Where a line's text ends before the spaces and tabs ahead of `end` (its line break): the
    offset `Structure.soft_breaks` uses."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    return end


def ends_a_sentence(text: str, line_end: int) -> bool:
    """True when the text up to `line_end` closes a sentence ("... at home." or '... home."').
    Looks back a few characters only: it is asked at every line break."""
    return bool(_SENTENCE_END.search(text, max(0, line_end - 8), line_end))


def field_key(label: str) -> str | None:
    """The key a header label is known by ("Name of child" -> "child"), or None."""
    clean = re.sub(r"\s+", " ", label.strip().rstrip(":").strip())
    for key, pattern in _FIELD_KEY_PATTERNS:
        if pattern.fullmatch(clean):
            return key
    return None


def is_heading_line(line: str) -> bool:
    """A short line standing as a heading: ALL CAPS, numbered ("1. Background"), a label ending
    in a colon ("Worries:"), a form's question, Markdown ("## Plan"), or a few words with no
    closing punctuation."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > HEADING_MAX_WORDS + 2:
        return False
    if stripped.startswith("#"):
        return True
    if _LETTER_LINE.match(stripped) or _POSTCODE.search(stripped):
        return False  # a date line, a salutation or a sign-off of a letter, an address
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 3 and all(not c.islower() for c in letters) and len(stripped.split()) <= HEADING_MAX_WORDS + 2:
        return not _SENTENCE_END.search(stripped) or stripped.endswith(":")
    body = _NUMBERED.sub("", stripped, count=1) if _NUMBERED.match(stripped) else stripped
    if body.endswith(":") and len(body.split()) <= FIELD_MAX_LABEL_WORDS + 2:
        return True
    if body.endswith("?") and len(body.split()) <= QUESTION_HEADING_MAX_WORDS and body[:1].isupper() \
            and not any(mark in body for mark in "\"“”"):
        return True  # a form's question ("What are we worried about?")
    if "," in body and body == stripped:
        return False  # a list of words ("The Chair, Initial Child Protection Conference") is no heading
    return (len(body.split()) <= HEADING_MAX_WORDS and not _HEADING_END.search(body)
            and bool(body[:1]) and (body[0].isupper() or body[0].isdigit()))


def _tab_field_naming_a_child(text: str) -> tuple[str, str, str] | None:
    """(label, key, value) of a tab-separated line that is a label with no colon and its one value, the label
    naming a child, a sibling or a date of birth ("Name of pupil<tab>Kieran Walsh"): a header field, not a
    table's row; else None."""
    cells = [c.strip() for c in text.split("\t") if c.strip()]
    if len(cells) != 2 or ":" in cells[0]:
        return None
    key = field_key(cells[0])
    return (cells[0], key, cells[1]) if key in ("child", "sibling", "date_of_birth") else None


def _cells(line: _Line) -> tuple[tuple[int, int], ...]:
    """The cells of a table-like line (tab- or pipe-separated, or a date – text chronology row)."""
    text = line.text
    if "\t" in text.strip():
        if _TAB_ALIGNED_FIELD.match(text) or _tab_field_naming_a_child(text):
            return ()  # "Name:\t\tRyan Fisher", "Name of pupil\tKieran Walsh": a header field aligned by tabs
        pattern = _TAB_CELLS
    elif text.count("|") >= 2 or (text.count("|") == 1 and _CHRONOLOGY_ROW.match(text)):
        pattern = _PIPE_CELLS
    elif _CHRONOLOGY_ROW.match(text):
        first = re.search(r"[ \t]+[-–—][ \t]+", text)
        return ((line.start, line.start + first.start()), (line.start + first.end(), line.end))
    else:
        return ()
    cells = []
    for m in pattern.finditer(text):
        chunk = m.group(0)
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            cells.append((line.start + m.start() + lead, line.start + m.start() + len(chunk.rstrip())))
    return tuple(cells) if len(cells) >= 2 else ()


def _fields_of(line: _Line) -> list[Field]:
    """The header fields on one line: "Label: value", several in aligned columns, and "D.O.B. date"."""
    found: list[Field] = []
    pieces, position = [], 0
    for gap in _COLUMN_GAP.finditer(line.text):
        pieces.append((position, gap.start()))
        position = gap.end()
    pieces.append((position, len(line.text)))
    pieces = _label_with_its_column(line.text, pieces)
    tab_field = _tab_field_naming_a_child(line.text) if len(pieces) == 2 and "\t" in line.text else None
    if tab_field is not None:
        label, key, value = tab_field  # "Name of pupil<tab>Kieran Walsh"
        start = line.start + line.text.index(value, pieces[1][0])
        return [Field(label, key, value, start, start + len(value))]
    for left, right in pieces:
        chunk = line.text[left:right]
        dob = _DOB.match(chunk.strip()) if chunk.strip() else None
        if dob:
            lead = len(chunk) - len(chunk.lstrip())
            start = line.start + left + lead + dob.start("value")
            found.append(Field(dob.group("label"), "date_of_birth", dob.group("value"), start,
                               start + len(dob.group("value"))))
            continue
        m = _FIELD.match(chunk)
        if not m or len(m.group("label").split()) > FIELD_MAX_LABEL_WORDS:
            continue
        label, value = m.group("label").strip(), (m.group("value") or "")
        start = line.start + left + (m.start("value") if m.group("value") else m.end())
        found.append(Field(label, field_key(label), value, start, start + len(value)))
    return found


def _label_with_its_column(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The column pieces of a line with a bare label joined to the value aligned in the next column
    ("Children:        Nathan DOYLE, DOB ..."), unless that column is a field of its own."""
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(pieces):
        left, right = pieces[i]
        label = _FIELD.match(text[left:right])
        if label and not label.group("value") and i + 1 < len(pieces):
            following = text[pieces[i + 1][0]:pieces[i + 1][1]]
            if following.strip() and not _FIELD.match(following) and not _DOB.match(following.strip()):
                joined.append((left, pieces[i + 1][1]))
                i += 2
                continue
        joined.append((left, right))
        i += 1
    return joined


def _is_field_line(line: _Line, in_header: bool) -> bool:
    fields = _fields_of(line)
    if not fields or _RUNNING_TEXT.search(fields[-1].value):
        return False  # "Date of report: 20 March 2024. On 11 March I saw Mia ...": running text after a label
    if any(f.key for f in fields):
        return True
    return in_header and bool(fields[0].value)


def read_structure(text: str) -> Structure:
    """The structure of `text`: blocks in order, header fields, and soft (wrapping) line breaks."""
    reader = _Reader(text)
    lines = _lines(text)
    addresses = _address_lines(lines)
    for i, line in enumerate(lines):
        if i in addresses:
            reader.add("address", line.start, line.end)
        else:
            reader.next_text = lines[i + 1].text if i + 1 < len(lines) else ""
            reader.read(line)
    reader.close_paragraph()
    reader.structure.text_length = len(text)
    return reader.structure


class _Reader:
    """Reads a text line by line into a Structure, keeping the state a line's reading depends on."""

    def __init__(self, text: str):
        self.text = text
        self.structure = Structure()
        self.heading: str | None = None
        self.in_header = True  # until the first paragraph of running text
        self.table, self.row, self.last_kind = -1, 0, None
        self.last_line = ""  # the text of the last non-blank line
        self.paragraph: list[_Line] = []
        self.list_field: Field | None = None  # a field whose values go on in the lines below ("Child(ren):")
        self.signed = False
        self.next_text = ""  # the line after the one being read: a heading's sentence does not go on into it

    def close_paragraph(self) -> None:
        if self.paragraph:
            self.structure.blocks.append(Block("paragraph", self.paragraph[0].start, self.paragraph[-1].end,
                                               self.heading))
            self.structure.soft_breaks.extend(_soft_breaks(self.paragraph))
            self.structure.filled_breaks.extend(_filled_breaks(self.paragraph))
            self.paragraph = []

    def add(self, kind: str, start: int, end: int, **where) -> None:
        self.close_paragraph()
        heading = None if kind == "heading" else self.heading
        self.structure.blocks.append(Block(kind, start, end, heading, **where))
        self.last_kind = kind

    def extend_last(self, end: int, line_end_before: int) -> None:
        """The line carries on the last block (a wrapped item or field): one block, a soft break."""
        last = self.structure.blocks[-1]
        self.structure.blocks[-1] = Block(last.kind, last.start, end, last.heading, last.table, last.row, last.cells)
        self.structure.soft_breaks.append(line_end_before)
        fields = self.structure.fields
        if last.kind == "field" and fields and fields[-1].end == line_end_before:  # a wrapped value
            value = fields[-1]
            fields[-1] = Field(value.label, value.key, self.text[value.start:end], value.start, end)

    def read(self, line: _Line) -> None:
        if line.blank:
            self.close_paragraph()
            self.list_field, self.last_kind = None, None
            return
        stripped = line.text.strip()
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = line.start + len(line.text.rstrip())
        previous, self.last_line = self.last_line, stripped
        previous_end = self.structure.blocks[-1].end if self.structure.blocks else 0
        indented = line.text[:1] in " \t"
        question = _ANSWERED_QUESTION.match(line.text)
        cells = () if question else _cells(line)
        if question:
            self.list_field = None
            self.add("form", start, line.start + question.end("question"))  # the form's question
            self.add("field", line.start + question.start("answer"), line.start + question.end("answer"))
            self.last_kind = "form"  # the next line is not the answer's: a form's lines stand alone
        elif cells:
            if self.last_kind != "row":
                self.table, self.row = self.table + 1, 0
            self.add("row", start, end, table=self.table, row=self.row, cells=cells)
            self.row += 1
        elif _TICK_BOX.match(line.text):
            self.list_field = None
            self.add("item" if ":" in line.text else "form", start, end)  # a form's option, ticked or not
        elif self.list_field is not None and (indented or _NUMBERED.match(line.text) or _BULLET.match(line.text)):
            self.read_list_value(line, start, end)
        elif _BULLET.match(line.text) or (_NUMBERED.match(line.text) and not is_heading_line(stripped)):
            self.list_field = None
            self.add("item", start, end)
        elif _is_field_line(line, self.in_header or self.last_kind in ("field", "form")) and (
                not self.paragraph or self.titled_header(line)):
            self.read_fields(line, start, end)
        elif self.last_kind in ("item", "field") and not self.paragraph and (
                indented and self.last_kind == "item" or _continues(previous, stripped)):
            self.extend_last(end, previous_end)
        elif _CLOSING.match(stripped) or self.signed:
            self.signed = True  # the rest of a letter or email after "Kind regards" is its signature
            self.add("signature", start, end)
        elif (is_heading_line(stripped) and not (self.paragraph and _continues(self.paragraph[-1].text, stripped))
              and not (len(stripped) >= WRAP_MIN_WIDTH and self.next_text.strip()[:1].islower())):
            # not the first line of a wrapped paragraph: "Neighbours have complained ... shouting from / the flat"
            self.list_field = None
            self.heading = stripped
            self.add("heading", start, end)
        else:
            self.list_field = None
            self.paragraph.append(_Line(start, end, stripped))
            self.in_header = False
            self.last_kind = "paragraph"

    def titled_header(self, line: _Line) -> bool:
        """Whether the paragraph so far is the report's title, a line or two too long for a heading ("Maternity and
        Neonatal Safeguarding Team - Report to Child Protection Conference"), and `line` opens its header
        fields with a field known by its label: each title line is then a heading of its own."""
        if not (len(self.paragraph) <= 2 and all(b.kind == "heading" for b in self.structure.blocks)
                and not any(_SENTENCE_END.search(title.text) for title in self.paragraph)
                and any(f.key for f in _fields_of(line))):
            return False
        titles, self.paragraph = self.paragraph, []
        for title in titles:
            self.heading = title.text
            self.add("heading", title.start, title.end)
        self.in_header = True
        return True

    def read_fields(self, line: _Line, start: int, end: int) -> None:
        fields = _fields_of(line)
        self.structure.fields.extend(f for f in fields if f.value)
        first = fields[0]
        self.list_field = first if (not first.value or first.key in ("child", "sibling")) else None
        if first.value and self.list_field is not None:  # the first value stands on the label's line
            self.structure.fields[-len([f for f in fields if f.value])] = _first_column(first)
        self.add("field", start, end)

    def read_list_value(self, line: _Line, start: int, end: int) -> None:
        """A line of a list field's values: "1. Harper JONES   D.O.B. 02/08/2024" under "Child(ren):"."""
        marker = _NUMBERED.match(line.text) or _BULLET.match(line.text)
        value_start = line.start + marker.end() if marker else start
        others = [f for f in _fields_of(_Line(value_start, end, self.text[value_start:end])) if f.value]
        gap = _COLUMN_GAP.search(self.text, value_start, end)
        value_end = gap.start() if gap else end
        if not others or others[0].start > value_end:
            value = self.text[value_start:value_end]
            self.structure.fields.append(Field(self.list_field.label, self.list_field.key, value, value_start,
                                               value_end))
        self.structure.fields.extend(others)
        self.add("field", start, end)


def _address_lines(lines: list[_Line]) -> set[int]:
    """The lines of a postal address (a letter's, a letterhead's): a run of short lines, one of
    them ending in a postcode."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, _Line(0, 0, "")]):
        if not line.blank and len(line.text.split()) <= ADDRESS_MAX_WORDS and not _FIELD.match(line.text):
            run.append(i)
            continue
        if 2 <= len(run) <= ADDRESS_MAX_LINES and any(_POSTCODE.search(lines[j].text) for j in run):
            found.update(run)
        run = []
    return found


def _first_column(field_: Field) -> Field:
    """A field's value up to the first column gap ("Jade WILLIAMS-OKORO    DOB ..." -> the name)."""
    gap = _COLUMN_GAP.search(field_.value)
    if not gap:
        return field_
    return Field(field_.label, field_.key, field_.value[:gap.start()], field_.start, field_.start + gap.start())


def _continues(previous: str, line: str) -> bool:
    """True when `line` carries on the sentence of the line before it (a wrapped or broken line)."""
    words = previous.split()
    if not words or _SENTENCE_END.search(previous) or previous.endswith(":"):
        return False
    return (line[:1].islower() or previous.endswith(",") or words[-1].lower() in _CONTINUES
            or len(previous) >= WRAP_MIN_WIDTH)


def _soft_breaks(lines: list[_Line]) -> list[int]:
    """Line ends inside a paragraph that only wrap the text: the paragraph is hard-wrapped (its
    lines but the last are long and alike), or the next line carries on the sentence."""
    if len(lines) < 2:
        return []
    wrapped = _hard_wrapped(lines)
    return [line.end for line, after in zip(lines, lines[1:])
            if wrapped or _continues(line.text, after.text)]


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Whether a paragraph's lines but the last are long and alike, most of them ending mid-sentence
    (lines of whole sentences are lines, not wrapping)."""
    widest = max(len(line.text) for line in lines)
    mid_sentence = sum(not _SENTENCE_END.search(line.text) for line in lines[:-1])
    return (widest >= WRAP_MIN_WIDTH and all(len(line.text) >= WRAP_SHARE * widest for line in lines[:-1])
            and mid_sentence * 2 >= len(lines) - 1)


def _filled_breaks(lines: list[_Line]) -> list[int]:
    """Line ends of a hard-wrapped paragraph that close a sentence where the next line's first word would
    not have fit within the paragraph's widest line, and that next line wraps on in turn (is not the
    last): the wrapping broke there, not the writer."""
    if len(lines) < 3 or not _hard_wrapped(lines):
        return []
    widest = max(len(line.text.rstrip()) for line in lines)
    return [line.end for line, after in zip(lines, lines[1:-1])
            if after.text.split() and len(line.text.rstrip()) + 1 + len(after.text.split()[0]) > widest]
