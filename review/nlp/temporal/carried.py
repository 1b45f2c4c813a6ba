"""Carried dates: the date each sentence carries from its own paragraph, list item or table row, or from its
section's dated heading, so that an event told without a date of its own still has one."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from review.core.blocks import Block, read_structure
from review.core.text import doc_text, per_doc, sentence_index, sentences
from review.nlp.temporal.candidates import TemporalExpression


def sentence_anchors(doc: Doc, expressions: list[TemporalExpression],
                     report_date: dt.date | None = None) -> list[dict]:
    """For each sentence of `sentences(doc)`: its own dating expressions and the date it carries.

    A dated sentence dates the rest of its block (paragraph, list item or table row); a specific
    day, or a vague time in the section's first block, also dates the blocks after it in its section,
    until another date, except from or into a table row or out of a list entry that opens with its
    date; sentences before the first day named in a block take that day; a dated heading ("Home
    visit 11/03/2024") dates its section, and a day the first sentence of the section's opening paragraph gives (the occasion:
    "I saw Kacey and Darius at home on 10/04/25") goes on through the sub-headings right after it that each name
    one child ("Kacey (11)"). A date later than `report_date` (a meeting booked ahead)
    and a clock time with no day of its own carry to nothing. Returns dicts with keys ``own``
    (expressions in the sentence), ``carried`` (a TemporalExpression or None), ``heading`` (bool),
    ``block`` (the start of the sentence's block, its scope) and ``occasion`` (the carried date is the occasion
    a section's dated opening paragraph sets, carried through a sub-heading that names one child: see
    `child_seen_then`).
    """
    spans = sentences(doc)
    own: list[list[TemporalExpression]] = [[] for _ in spans]
    for expr in expressions:
        i = sentence_index(doc, expr.start)
        if i is not None:
            own[i].append(expr)
    blocks = [_block_of(doc, span.start_char) for span in spans]

    def carries(expr: TemporalExpression) -> bool:
        return ((dates_an_event(expr) or refers_back_to_a_date(expr)) and expr.value is not None
                and not is_dayless_clock_time(expr)
                and not (report_date and expr.anchor and expr.anchor > report_date))

    text = doc_text(doc)
    going_on = occasion_sub_headings(doc)
    result = []
    section_date: TemporalExpression | None = None
    carried: TemporalExpression | None = None
    scope: Block | None = None
    opener: Block | None = None  # the first block under the last heading
    occasion: TemporalExpression | None = None  # the day the section's opening block sets for it
    occasion_at = (0, 0)  # where the sentence telling that occasion lies
    under_a_person = False  # under a sub-heading naming one child of that occasion
    entry_date: TemporalExpression | None = None  # the block's first dating expression
    for i, span in enumerate(spans):
        block = blocks[i]
        dating = [e for e in own[i] if carries(e)]
        if (block is not None and block.kind == "heading" and not dating and occasion is not None
                and going_on.get(block.start) == occasion_at):
            carried, under_a_person, scope = occasion, True, block  # "Kacey (11)" after "I saw Kacey ... on 10/04/25"
            result.append({"own": own[i], "carried": None, "heading": True, "block": block.start})
            continue
        if block is not None and block.kind == "heading":
            occasion, under_a_person = None, False
            section_date = dating[0] if dating else None
            scope, carried, opener = block, None, None
            result.append({"own": own[i], "carried": None, "heading": True, "block": block.start})
            continue
        if block is not scope:
            if scope is not None and scope.kind == "heading":
                opener = block
            elif not _carries_on(scope, block, carried, text, opener, entry_date):
                carried = None
            scope, entry_date = block, None
        result.append({"own": own[i], "carried": carried or section_date, "heading": False,
                       "block": block.start if block is not None else None,
                       "occasion": under_a_person and carried is not None and carried is occasion})
        if dating:
            carried = dating[-1]
            entry_date = entry_date or dating[0]
            if (block is opener and block is not None and block.kind == "paragraph" and not under_a_person
                    and (i == 0 or blocks[i - 1] is not block)):
                occasion = next((e for e in dating if names_a_day(e)), None)  # a day in its first sentence
                occasion_at = (span.start_char, span.end_char)
    # sentences before the first day named in a block take that day ("She came in upset. This was
    # on 12/03/2024."); a bare year or month later in the block is too loose to date them
    first_in_block: dict[int | None, TemporalExpression] = {}
    for i, anchor in enumerate(result):
        dating = [e for e in own[i] if carries(e) and names_a_day(e) and e.relative != "context"]
        if dating and not anchor["heading"]:
            first_in_block.setdefault(anchor["block"], dating[0])
    for anchor in result:
        if not anchor["heading"] and anchor["carried"] is None and anchor["block"] is not None:
            anchor["carried"] = first_in_block.get(anchor["block"])
    return result


def occasion_sub_headings(doc: Doc) -> dict[int, tuple[int, int]]:
    """The sub-headings that go on with the occasion their section opens with: each heading (by its start) that
    only names one of the children seen then (`child_seen_then`: "Kacey (11)"), right after the section's opening
    paragraph or after another such sub-heading, mapped to the span of that paragraph's first sentence, which tells
    the occasion ("I saw Kacey and Darius at home on 10/04/25 after school"). Whether that sentence names a day is
    for the caller to read: the date check by its dating expressions, the child's voice by its circumstances.
    Read once per Doc and set of children (the child's voice asks for each quote); the caller may not change it."""
    children = tuple(doc._.children or ()) if Doc.has_extension("children") else ()
    return per_doc(doc, "review_occasion_sub_headings", lambda: _occasion_sub_headings(doc), depends_on=children)


def _occasion_sub_headings(doc: Doc) -> dict[int, tuple[int, int]]:
    text = doc_text(doc)
    spans = sentences(doc)
    found: dict[int, tuple[int, int]] = {}
    told: tuple[int, int] | None = None  # the occasion sentence of the section's opening paragraph
    previous: Block | None = None  # the block of the sentence before
    opener: Block | None = None
    under_a_person = False
    for span in spans:
        block = _block_of(doc, span.start_char)
        if block is None or block is previous:
            continue
        if block.kind == "heading":
            if told is not None and (under_a_person or previous is opener) \
                    and child_seen_then(doc, text[block.start:block.end], text[told[0]:told[1]]):
                found[block.start], under_a_person = told, True
            else:
                told, under_a_person, opener = None, False, None
        elif previous is not None and previous.kind == "heading":
            opener = block
            if block.kind == "paragraph" and not under_a_person:
                told = (span.start_char, span.end_char)
        previous = block
    return found


# a person's name as a sub-heading, with an age where given ("Kacey (11)", "Darius, aged 8", "Lola - 2 years")
_PERSON_HEADING = re.compile(r"\s*([A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+)?\s*(?P<age>(?:[,(:–—-]\s*)?(?:aged?\s*)?"
                             r"\d{1,2}\s*(?:years?|yrs?|months?)?(?:\s*old)?\)?)?\s*:?\s*")


def child_seen_then(doc: Doc, heading: str, occasion: str) -> bool:
    """A heading that only names one of the children seen at the occasion the section opens with, with an age where
    given ("Kacey (11)" after "I saw Kacey and Darius at home on 10/04/25"): a sub-heading for what that child said
    or did then, not a new topic nor a child not seen then ("Noah" after "I saw Lily-Mae on the ward on ...")."""
    found = _PERSON_HEADING.fullmatch(heading)
    if found is None or not re.search(r"\b" + re.escape(found.group(1)) + r"\b", occasion):
        return False
    children = {c.split()[0] for c in (doc._.children or [])} if Doc.has_extension("children") else set()
    return found.group(1) in children or found.group("age") is not None


def _carries_on(previous: Block | None, block: Block | None, carried: TemporalExpression | None, text: str,
                opener: Block | None, entry_date: TemporalExpression | None = None) -> bool:
    """Whether the date carried at the end of block `previous` dates the next block of its section too: a specific
    day does, and a vague time that dates the section's first block (the incident a section opens with goes on
    being told in it); never into or out of a table row, out of a header field, nor out of a dated entry of a list
    ("- 14/07/2017 - arrested ...", "- Last Tuesday he came at 3pm ..."), whose dates are that entry's alone."""
    if carried is None or carried.relative == "context":
        return False  # a back-reference ("that night") dates its own block at most
    opens_section = opener is not None and opener.start <= carried.start < opener.end
    if not (names_a_day(carried) or (is_vague(carried) and opens_section)):
        return False
    if previous is None or block is None:
        return False
    if "row" in (previous.kind, block.kind) or previous.kind == "field":
        return False  # a header field's date ("Date of report: ...") dates no event
    return not (previous.kind == "item" and any(opens_its_block(previous, e, text)
                                                 for e in (carried, entry_date) if e is not None))


def opens_its_block(block: Block, expr: TemporalExpression, text: str) -> bool:
    """The block starts with the expression, after any bullet, number or cell mark ("- 14/07/2017 - ...")."""
    return block.start <= expr.start < block.end and not re.search(r"[A-Za-z]", text[block.start:expr.start])


def _block_of(doc: Doc, offset: int) -> Block | None:
    structure = doc._.structure if Doc.has_extension("structure") else None
    if structure is None or structure.text_length != len(doc_text(doc)):
        structure = read_structure(doc_text(doc))
        if Doc.has_extension("structure"):
            doc._.structure = structure
    return structure.block_at(offset)


def is_vague(expr: TemporalExpression) -> bool:
    """A vague time ("recently", "a few weeks ago", "over the summer"): the incident it dates goes on being
    told in the blocks after it, still only vaguely dated."""
    return expr.type == "DATE" and expr.imprecise


def names_a_day(expr: TemporalExpression) -> bool:
    return not expr.imprecise and bool(expr.value) and bool(re.match(r"\d{4}-\d{2}-\d{2}", expr.value))


_CLOCK_TIME = re.compile(r"T\d{2}:\d{2}")


def is_dayless_clock_time(expr: TemporalExpression) -> bool:
    """A clock time whose day is not named in its own sentence ("at about 11pm"): it says what time,
    not which day, so it dates an event only with a date the sentence carries."""
    return expr.type == "TIME" and expr.relative is not None and bool(expr.value and _CLOCK_TIME.search(expr.value))


def refers_back_to_a_date(expr: TemporalExpression) -> bool:
    """A back-reference that found the date it refers to ("the same morning", "the next day" after a date)."""
    return (expr.type in ("DATE", "TIME") and expr.relative == "context" and expr.value is not None
            and not _CLOCK_TIME.search(expr.value))


def dates_an_event(expr: TemporalExpression) -> bool:
    """True for an expression that says when something happened (a date or time, even a vague one).

    An expression that takes its day from the text before it ("that night", "the next day")
    says nothing of its own: only the date it refers back to dates the event. A clock time
    ("at 3pm") is a time of its own, whichever day it falls on.
    """
    if expr.type not in ("DATE", "TIME") or expr.value in ("PRESENT_REF", "FUTURE_REF"):
        return False
    if expr.relative == "context" and not (expr.value and _CLOCK_TIME.search(expr.value)):
        return False
    return expr.value is not None or expr.imprecise
