"""Redaction for sharing: replace names and identifiers in a reviewed document before it is exported.

How it works: docs/internals.md, `review.io.redact`."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass

from review.nlp.children import names_of_people_near_the_child
from review.nlp.people import FAMILY_WORDS, NAME_TITLES, OFFICIAL_TITLES

# Words the base model often tags PERSON that name a role, not a person.
ROLE_WORDS = FAMILY_WORDS | frozenset(NAME_TITLES) | frozenset("""
parent parents partner baby child children carer foster teacher officer doctor nurse gp pc dc ps
sergeant constable social worker health visitor head headteacher year reception nursery school
""".split())
CALENDAR_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
                           "May June July August September October November December".split())
PLACE_WORDS = frozenset("Primary Secondary High School Academy Nursery Surgery Medical Health Centre Children's "
                        "Family Leisure College Hospital General Youth Club Police Station Library Church Mosque "
                        "Emergency Department Ward Unit Service Services Team".split())
TITLES = r"(?:" + "|".join([t.capitalize() for t in NAME_TITLES] + list(OFFICIAL_TITLES)) + r")\.?"
STREET_TYPES = (r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct|Crescent|Place|Gardens|"
                r"Terrace|Grove|Walk|Square|Hill|Row|Mews|Parade|Rise|View|Green|Park|Estate")
_CAP_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"

PATTERNS: dict[str, re.Pattern] = {
    "Email": re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    "Phone number": re.compile(
        r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])"),
    "NI number": re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"),
    "Postcode": re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"),
    "Address": re.compile(
        rf"\b\d{{1,4}}[A-Za-z]?,?\s+(?:{_CAP_WORD}\s+){{0,3}}(?:{STREET_TYPES})\b"
        rf"(?:,\s*{_CAP_WORD}(?:\s+{_CAP_WORD})?(?=\s*(?:[,.;\n]|$)))?"),
    "Place": re.compile(
        rf"\b(?:{_CAP_WORD}\s+){{1,3}}(?:Primary School|Secondary School|High School|School|Academy|Nursery|"
        rf"Surgery|Medical Centre|Health Centre|Children's Centre|Family Centre|Leisure Centre|College|Hospital|"
        rf"General|Youth Club|Club|Police Station|Library|Church|Mosque)\b"),
}
# A date of birth: the date after "DOB", "D.O.B.", "date of birth" or "born (on)".
DATE_OF_BIRTH = re.compile(
    r"(?i:\bD\.?O\.?B\.?|\bdate of birth|\bborn(?: on)?)\s*[:\-]?\s*"
    r"(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})")
# A field label followed by a name or an address, one per line ("Mother: Jade Hart").
NAME_FIELD = re.compile(
    rf"(?im)^[ \t]*(?:mother|father|mum|dad|parent|carer|child|children|patient|name|partner|"
    rf"step-?father|step-?mother|grandmother|grandfather|sibling|brother|sister)s?[ \t]*:[ \t]*"
    rf"(?P<names>.+)$")
ADDRESS_FIELD = re.compile(r"(?im)^[ \t]*(?:home )?address[ \t]*:[ \t]*(?P<address>.+?)[ \t]*$")
_FULL_NAME = re.compile(rf"(?-i:{_CAP_WORD}(?:\s+{_CAP_WORD})*)")


@dataclass(frozen=True)
class Redaction:
    """One piece of text to replace: ``text[start:end]`` becomes ``[label]``."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Redacted:
    """A redacted text and the redactions applied to the original, in order."""

    text: str
    redactions: tuple[Redaction, ...]

    def _shift(self, offset: int, *, is_end: bool) -> int:
        shift = 0
        for r in self.redactions:
            replacement = len(f"[{r.label}]")
            if offset >= r.end:
                shift += replacement - (r.end - r.start)
            elif offset > r.start:
                # inside a redaction: a start moves to its beginning, an end to its end
                return r.start + shift + (replacement if is_end else 0)
            else:
                break
        return offset + shift

    def map_start(self, offset: int) -> int:
        """Where an original start offset lands in the redacted text."""
        return self._shift(offset, is_end=False)

    def map_end(self, offset: int) -> int:
        """Where an original (exclusive) end offset lands in the redacted text."""
        return self._shift(offset, is_end=True)


def _valid_nhs_number(digits: str) -> bool:
    """The NHS number's modulus-11 check digit."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits[:9]))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


_NHS = re.compile(r"(?<![\d/.])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d/]|\.\d)")  # a full stop may follow
_NHS_LABEL = re.compile(r"(?i)\bNHS\s*(?:no\.?|number|num)?\s*[:\-]?\s*$")


def _name_parts(name: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", name) if w.lower() not in ROLE_WORDS and w[0].isupper()]


def _clean_person(text: str) -> str | None:
    """A PERSON entity as a name: cut at a line break, role words and titles dropped."""
    text = text.split("\n")[0].strip(" ,.;:'’\"")
    text = re.sub(r"(?:'s|’s)$", "", text)
    parts = _name_parts(text)
    return " ".join(parts) if parts else None


def find_identifiers(text: str, *, children: Iterable[str] = (), persons: Iterable[str] = (),
                     places: Iterable[str] = (), extra_terms: Iterable[str] = ()) -> list[Redaction]:
    """Every identifier in `text`, non-overlapping and in order.

    `children` are the report's children (labelled "Child A", "Child B", ...), `persons`
    other names (for example the base model's PERSON entities), `places` towns and other
    places (its GPE, LOC and FAC entities), `extra_terms` any further
    words or phrases to remove ("Redacted"). Names in the text's own fields ("Mother: ..."),
    after a title ("Ms Green"), with an age ("Isla (aged 2)") or after a relative ("her brother
    Connor") are found whatever the model missed. Every whole-word, capitalised occurrence of a
    name, or of any part of a full name, is replaced, with the same label throughout.
    """
    labels: dict[str, str] = {}  # word -> label; the first label given to a word stays
    _label_children(text, children, labels)
    _label_other_people(text, persons, labels)
    _label_places(text, places, labels)
    for term in extra_terms:
        term = term.strip()
        if term:
            labels.setdefault(term, "Redacted")
    found = _identifiers_by_form(text)
    for word, label in labels.items():
        flags = re.IGNORECASE if label == "Redacted" else 0
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, flags):
            found.append(Redaction(m.start(), m.end(), label))
    return _non_overlapping(found)


def _identifiers_by_form(text: str) -> list[Redaction]:
    """Identifiers recognised by their form: phone numbers, postcodes, emails, NHS numbers,
    a date of birth or an address in its field."""
    found: list[Redaction] = []
    for label, pattern in PATTERNS.items():
        found.extend(Redaction(m.start(), m.end(), label) for m in pattern.finditer(text))
    for m in _NHS.finditer(text):
        digits = "".join(m.groups())
        if _valid_nhs_number(digits) or _NHS_LABEL.search(text[max(0, m.start() - 20):m.start()]):
            found.append(Redaction(m.start(), m.end(), "NHS number"))
    for m in DATE_OF_BIRTH.finditer(text):
        found.append(Redaction(m.start("date"), m.end("date"), "Date of birth"))
    for m in ADDRESS_FIELD.finditer(text):
        found.append(Redaction(m.start("address"), m.end("address"), "Address"))
    return found


def _label_children(text: str, children: Iterable[str], labels: dict[str, str]) -> None:
    """Each child's given name gets "Child A", "Child B", ...; the rest of their name, and a
    capitalised word right after their given name ("Mia Carter"), "Family name"."""
    for i, child in enumerate(c for c in children if c and c.strip()):
        parts = _name_parts(child)
        for part in parts[:1] if len(parts) > 1 else parts:
            labels.setdefault(part, _child_label(i))
        for part in parts[1:]:
            labels.setdefault(part, "Family name")
        if parts:
            for m in re.finditer(rf"(?<![\w-]){re.escape(parts[0])}[ \t]+({_CAP_WORD})\b", text):
                if m.group(1).lower() not in ROLE_WORDS and m.group(1) not in CALENDAR_WORDS:
                    labels.setdefault(m.group(1), "Family name")


def _label_other_people(text: str, persons: Iterable[str], labels: dict[str, str]) -> None:
    """Every other person's given name gets "Person 1", "Person 2", ...; their family name
    (the last word of a full name) "Family name". People come from the text's name fields,
    `persons`, titles ("Ms Green") and names given beside the child's (which the model may miss)."""
    field_names = [name for m in NAME_FIELD.finditer(text)
                   for chunk in re.split(r",|\band\b|\(|;", m.group("names"))
                   for name in _FULL_NAME.findall(chunk)]
    titled_names = [m.group(1) for m in re.finditer(rf"\b{TITLES}[ \t]+({_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)", text)]
    near_child = [name for name in names_of_people_near_the_child(text)  # ("sister, Isla (aged 2)")
                  if name.split()[0] not in CALENDAR_WORDS]
    number = 0
    for person in (p for p in (_clean_person(p) for p in [*field_names, *persons, *titled_names, *near_child]) if p):
        *given, family = person.split() if len(person.split()) > 1 else [person, None]
        if family:
            labels.setdefault(family, "Family name")
        if given[0] not in labels:
            number += 1
            labels[given[0]] = f"Person {number}"
        for part in given[1:]:
            labels.setdefault(part, labels[given[0]])


def _label_places(text: str, places: Iterable[str], labels: dict[str, str]) -> None:
    """The name words of a school, surgery or club, a town after an address's last comma and
    the model's places get "Place" (so every later mention of those words goes too)."""
    place_names = [m.group(0) for m in PATTERNS["Place"].finditer(text)]
    place_names += [m.group(0).rsplit(",", 1)[-1] for m in PATTERNS["Address"].finditer(text) if "," in m.group(0)]
    place_names += [m.group("address").rsplit(",", 1)[-1] for m in ADDRESS_FIELD.finditer(text)
                    if "," in m.group("address")]
    place_names += [p.split("\n")[0] for p in places]
    for place in place_names:
        for part in re.findall(_CAP_WORD, place):
            if part not in PLACE_WORDS and part.lower() not in ROLE_WORDS and part not in CALENDAR_WORDS:
                labels.setdefault(part, "Place")


def _non_overlapping(found: list[Redaction]) -> list[Redaction]:
    """Longest first where redactions overlap; then in text order."""
    chosen: list[Redaction] = []
    for r in sorted(found, key=lambda r: (r.start, -(r.end - r.start))):
        if r.end <= r.start:
            continue
        if chosen and r.start < chosen[-1].end:
            if r.end > chosen[-1].end:  # overlapping tail: widen the earlier one
                chosen[-1] = Redaction(chosen[-1].start, r.end, chosen[-1].label)
            continue
        chosen.append(r)
    return chosen


def redact_text(text: str, redactions: Iterable[Redaction]) -> Redacted:
    """`text` with each redaction replaced by its bracketed label."""
    redactions = tuple(_non_overlapping(list(redactions)))
    pieces, position = [], 0
    for r in redactions:
        pieces.append(text[position:r.start])
        pieces.append(f"[{r.label}]")
        position = r.end
    pieces.append(text[position:])
    return Redacted("".join(pieces), redactions)


def _replacer(original: str, redactions: tuple[Redaction, ...]):
    """A function replacing, in any string, every redacted surface form (longest first)."""
    forms = {original[r.start:r.end]: r.label for r in redactions}
    if not forms:
        return lambda s: s
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    return lambda s: pattern.sub(lambda m: f"[{forms[m.group(0)]}]", s)


def _replace_strings(value, replace):
    if isinstance(value, str):
        return replace(value)
    if isinstance(value, list):
        return [_replace_strings(v, replace) for v in value]
    if isinstance(value, dict):
        return {k: _replace_strings(v, replace) for k, v in value.items()}
    return value


def redact_document(document: dict, *, persons: Iterable[str] = (), places: Iterable[str] = (),
                    extra_terms: Iterable[str] = ()) -> dict:
    """A copy of a SPEC document object with every identifier replaced and every offset moved.

    `persons` and `places` are what the base model found (``entities(doc)``); the document's
    own ``children`` are always redacted. The ``id`` (often a file name) becomes "report".
    """
    original = document["text"]
    redactions = find_identifiers(original, children=document.get("children") or [], persons=persons,
                                  places=places, extra_terms=extra_terms)
    redacted = redact_text(original, redactions)
    replace = _replacer(original, redacted.redactions)
    result = copy.deepcopy(document)
    for key in ("sentences", "dates", "quotes", "communications", "findings", "events", "blocks", "header_fields"):
        items = result.get("summary", {}).get(key) if key == "header_fields" else result.get(key)
        for item in items or []:
            if not isinstance(item, dict) or not isinstance(item.get("start"), int) or not isinstance(
                    item.get("end"), int):
                continue
            start, end = item["start"], item["end"]
            whole_document = key == "findings" and start == end == 0 and not item.get("match")
            if whole_document:
                continue
            if key in ("dates", "events") and any(r.start < end and start < r.end for r in redactions):
                for field in ("value", "date", "anchor"):  # a redacted date of birth keeps no value
                    if field in item:
                        item[field] = None
            new_start, new_end = redacted.map_start(start), redacted.map_end(end)
            for field in ("text", "match"):
                if item.get(field) == original[start:end]:
                    item[field] = redacted.text[new_start:new_end]
            item["start"], item["end"] = new_start, new_end
            if item.get("cells"):
                item["cells"] = [[redacted.map_start(a), redacted.map_end(b)] for a, b in item["cells"]]
    body = {k: v for k, v in result.items() if k != "text"}
    body = _replace_strings(body, replace)
    body["children"] = [f"[{_child_label(i)}]" for i, _ in enumerate(document.get("children") or [])]
    body["id"] = "report"
    body["summary"] = {**body.get("summary", {}), "redacted": len(redacted.redactions)}
    return {"id": body.pop("id"), "text": redacted.text, **body}


def _child_label(i: int) -> str:
    return f"Child {chr(ord('A') + i)}" if i < 26 else f"Child {i + 1}"


def entity_names(doc) -> list[str]:
    """The PERSON entities of a spaCy Doc, as text (for `redact_document`'s `persons`)."""
    return [ent.text for ent in doc.ents if ent.label_ == "PERSON"]


def entities(doc) -> dict[str, list[str]]:
    """The people and places the base model found in a Doc: ``redact_document(document, **entities(doc))``.

    Places are GPE, LOC and FAC entities written in title case (all-capital ones are mostly
    abbreviations the model mistakes for places, such as "TAF").
    """
    places = [ent.text for ent in doc.ents if ent.label_ in ("GPE", "LOC", "FAC") and not ent.text.isupper()]
    return {"persons": entity_names(doc), "places": places}
