"""Sections of a report given to a child's own words: a heading such as "Voice of the child", "YP's
views", "What Tia has said" or "Ruby's communication", or a table column so headed ("Date | Who heard it |
What Sofia said"). A quote set out there with nobody named as its speaker (a bulleted list of what the
child said, "To her form tutor, 05/06/2025: '…'") is the child's."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from review.core.blocks import Structure, read_structure
from review.core.text import doc_text
from review.nlp.children import child_known_as
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import child_aliases


def voice_section_child(doc: Doc, offset: int, children: list[str], lexicons: Lexicons) -> str | None:
    """The child whose words the section (or table column) holding `offset` is headed as (the child the heading
    names, else the only child; "the child" where the report is about several and the heading names none), or
    None where it is not headed as a child's words."""
    structure = doc._.structure if doc.has_extension("structure") else None
    if structure is None:
        structure = read_structure(doc_text(doc))
    if not children:
        return None
    for heading in (column_heading(structure, doc_text(doc), offset), structure.section_of(offset)):
        child = _child_headed(heading, doc, children, lexicons) if heading else None
        if child is not None:
            return child
    return None


def column_heading(structure: Structure, text: str, offset: int) -> str | None:
    """The heading of the table column whose cell holds `offset` (the first row's cell above it), or None."""
    block = structure.block_at(offset)
    names = structure.column_names(block, text) if block is not None else None
    if names is None:
        return None
    column = next((i for i, (start, end) in enumerate(block.cells) if start <= offset <= end), None)
    return names[column] if column is not None and column < len(names) else None


def _child_headed(heading: str, doc: Doc, children: list[str], lexicons: Lexicons) -> str | None:
    """The child a heading gives its words to, or None."""
    words = re.findall(r"[a-z]+", heading.lower().replace("’", "'").replace("'s", ""))
    if not set(words) & set(lexicons.voice_heading_words):
        return None
    aliases = child_aliases(children, doc)
    named = [w for w in words if w in aliases]
    if named:
        known = child_known_as(doc, children)
        for child in children:
            if named[0] in child_aliases([child]) or known.get(named[0]) == child:
                return child
    text = " " + " ".join(words) + " "
    if any(f" {reference} " in text for reference in lexicons.heading_child_words):
        return children[0] if len(children) == 1 else "the child"
    return None
