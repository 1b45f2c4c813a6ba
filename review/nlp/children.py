"""Which children a report is about, and how old they are.

How it works: docs/internals.md, `review.nlp.children`."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from review.core.text import doc_text, per_doc
from review.nlp.people import ELDER_RELATIVES, NAME_TITLES, RELATIVES_AND_FRIENDS
from review.nlp.temporal.vocabulary import MONTH_WORD, MONTHS

_NAME = r"[A-Z][a-zA-Z'’-]+(?:[ \t]+[A-Z][a-zA-Z'’-]+){0,3}"
_HEADER = re.compile(
    r"^[ \t]*(?:subject[ \t]+)?(?:child|children|child's name|name of child|young person|"
    r"young people|patient|pupil|student|infant|baby)(?:\(ren\))?[ \t]*(?:'s name)?[ \t]*:[ \t]*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_WITH_AGE = re.compile(
    rf"\b({_NAME}),?[ \t]*\((?i:aged?[ \t]*\d|\d{{1,2}}[ \t]*(?:\)|years?|yrs?|months?)|d\.?o\.?b\b)"
    rf"|\b({_NAME}),[ \t]*(?i:aged?[ \t]+\d|d\.?o\.?b\b)"
)
_ANONYMISED = re.compile(r"\b(Child|Sibling|Young Person)[ \t]+([A-Z])\b")
# Words before a first name that are not part of it ("Mrs Jade Hart", "baby Leo", "her Tom").
_BEFORE_A_FIRST_NAME = set(NAME_TITLES) | {"master", "baby", "her", "his", "their", "my", "unborn"}
# A household line's word for a child before their name ("son Riley Vesey"), and the titles of an adult.
_CHILD_RELATION = (r"(?:(?:younger|older|elder|little|big|baby)[ \t]+)?"
                   r"(?:son|daughter|stepson|stepdaughter|step-son|step-daughter|grandson|granddaughter|foster child"
                   r"|(?:half|step)?-?(?:brother|sister)|children|child)")
_ADULT_TITLES = {"mr", "mrs", "ms", "mx", "dr"}
_NOT_NAMES = {"the", "a", "an", "child", "children", "date", "dob", "and", "aged", "age", "year", "years",
              "patient", "pupil", "sibling", "siblings", "report", "subject", "name", "names",  # a label's words
              "none", "nil", "not", "unknown", "no",  # "Other children: None", "Siblings: not known"
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}  # "Thursday and Friday sessions"
# An adult's relation to the family or role in a case ("Mother: Jade Hart (24)", "partner, Kim", "Victim: ...").
_ADULT_RELATIONS = (r"partner|mother|father|mum|dad|carer|parents?|stepfather|stepmother|husband|wife|"
                    r"grand(?:mother|father|ma|pa|parents?)|nan|gran|aunt|uncle|tenant|applicant|victim|suspect|client")
# That relation ending a header entry: the name after it is that adult's ("daughter of Mr Allen's partner, Jade").
_ADULT_BEFORE = re.compile(rf"(?i)\b(?:{_ADULT_RELATIONS})[ \t]*$")

_AGE_PATTERNS = [
    re.compile(r"\baged?[ \t:]*(\d{1,2}(?:\.\d)?)[ \t]*(years?|yrs?|months?|weeks?|days?)?", re.IGNORECASE),
    re.compile(r"\b(\d{1,2}(?:\.\d)?)[ \t-]*(years?|yrs?|months?|weeks?|days?)[ \t-]*old\b", re.IGNORECASE),
    re.compile(r"\((\d{1,2})\)"),
]
# A date of birth, numeric ("DOB: 14/08/2023") or written ("DOB: 14 August 2023", "born 3rd March 2019").
_DOB = re.compile(r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)[ \t:]*(?:(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-]"
                  r"(?P<year>\d{2,4})|(?P<wday>\d{1,2})(?:st|nd|rd|th)?[ \t]+(?P<wmonth>" + MONTH_WORD + r")[ \t]+"
                  r"(?P<wyear>\d{4}))", re.IGNORECASE)
# Words for another person close to the child: a name or age right after one is not the child's.
_RELATIVES = "|".join(RELATIVES_AND_FRIENDS)
_RELATIVE_BEFORE = re.compile(r"(?i)\b(?:" + _RELATIVES + r")[ \t]*,?[ \t]*$")
_RELATIVE_NAME = re.compile(r"(?i:\b(?:" + _RELATIVES + r"|son|daughter))[ \t]*,?[ \t]+([A-Z][a-z'’-]+)\b")
_SOMEONE_ELSE = re.compile(r"(?i)\b(?:" + _RELATIVES + r"|and|mother|father|mum|dad|son|daughter|with)\b")
# Last resort, for a report with no header, age or date of birth: a name, mentioned at least twice,
# that owns what only a child has ("Kai's class teacher", "Kai's mum", "Leo's cot").
_CHILDS_POSSESSION = re.compile(
    r"\b([A-Z][a-z]+)['’]s[ \t]+(?:(?:older|younger|elder|little|big|baby|half-|step-?)[ \t]*)?"
    r"(?:mum|mummy|mother|dad|daddy|father|parents|class[ \t]+teacher|teacher|headteacher|school|nursery|"
    r"attendance|bedroom|key[ \t]+(?:person|worker)|sister|brother|siblings|cot|pram|nappy|nappies|"
    r"reading[ \t]+book|school[ \t]+uniform|classroom|year[ \t]+group|childminder)\b"
)
_TITLE_BEFORE = re.compile(r"\b(?:" + "|".join(t.capitalize() for t in NAME_TITLES) + r")\.?[ \t]+$")
_NOT_A_CHILDS_NAME = ELDER_RELATIVES | {"the", "his", "her", "their", "baby", "child", "carer", "partner", "school",
                                        "nursery", "today"}
_LIVES_ELSEWHERE = re.compile(r"(?i)\b(?:not living (?:at home|with)|lives (?:with (?:his|her|their) (?:paternal |maternal )?"
                              r"(?:grand|father|mother|dad|mum|aunt|uncle|foster)"
                              r"|with (?:the )?(?:paternal |maternal )?(?:grand|aunt|uncle|foster)"  # "lives with maternal grandmother"
                              r"|separately|elsewhere|independently|(?-i:in [A-Z])|with [^;\n]{0,40}?(?-i: in [A-Z]))"  # "with father, Mr Price, in Derby"
                              r"|placed (?:at|in|with)|in (?:foster )?care\b|in (?:a |an )?(?:residential )?placement\b)")
# The last word of a place's name: a header entry so named is a school or a street, never a child.
_PLACE_WORDS = (r"(?:Academy|School|College|Primary|Secondary|High|Grammar|Infants?|Juniors?|Nursery|Sixth[ \t]+Form|"
                r"Surgery|Practice|Centre|Center|Hospital|Clinic|Road|Street|Lane|Avenue|Close|Drive|Way|"
                r"Court|Crescent|Estate|House|Flats?|Room|Tower|Mews|Terrace|Square)\b")
_PLACE = re.compile(r"^[ \t]*(?:[A-Z][\w'’-]*[ \t]+(?:(?:of|the|and|&)[ \t]+)*)+" + _PLACE_WORDS)
_UNBORN = re.compile(r"(?i)[ \t]*unborn\b")
UNBORN_BABY = "Unborn baby"  # how an unborn child with no chosen name is named
_PARENT_OF = re.compile(r"(?i)\b(?:mother|father|mum|dad|parent|carer)s? of[ \t]+")
_NAME_WITH_AGE = re.compile(r"\b([A-Z][a-z'’-]+)(?:,[ \t]*|[ \t]*\(|[ \t]+aged[ \t]+)(\d{1,2})\b(?![/.:]\d)")
_CHOSEN_NAME = re.compile(r"(?i:\bthe name|\bnamed|\bto be called)[ \t]+([A-Z][a-z'’-]+)")
ADULT_YEARS = 18  # a header "Name:" whose date of birth makes them this old is an adult, not a child
_UNIT_YEARS = {"year": 1.0, "yr": 1.0, "month": 1 / 12, "week": 1 / 52, "day": 1 / 365}


def _first_name(full: str) -> str | None:
    words = [w for w in re.split(r"[ \t]+", full.strip()) if w]
    while words and words[0].lower().strip(".") in _BEFORE_A_FIRST_NAME:
        words.pop(0)
    if not words or words[0].lower() in _NOT_NAMES or words[0].endswith(("'s", "’s")):
        return None  # "Mum's partner": no name
    first = words[0]
    if first.isupper() and len(first) >= 3 and re.search(r"[AEIOUY]", first):
        first = first.title()  # "PRECIOUS OKONKWO" as a form writes it in capitals
    return first


def _names_in_header(value: str) -> list[str]:
    """The names in the value of a "Children:" line: "Kayla Brooks (aged 11) and Jake Brooks (aged 5)"."""
    value = re.sub(r"\b(?:of|at)[ \t]+\d.*", " ", value)           # "Skye Lawson of 4 Harper Close, Westbridge"
    value = re.sub(r"\([^)]*\)", " ~ ", value)                  # (aged 7), (8 months old): a mark no name has
    value = re.sub(r"\b(?:d\.?o\.?b\.?|date of birth)\b.*?(?=,|;| and |$)", " ", value, flags=re.IGNORECASE)
    names = []
    parts = re.split(r",|;|\band\b|&|/", value)
    for number, part in enumerate(parts):
        part = re.sub(r"^[ \t]*\d{1,2}[.)][ \t]+", " ", part)  # "1. Kacper NOWAK": a numbered entry
        match = re.match(rf"\s*(?i:(?:his|her|their)[ \t]+)?(?i:{_CHILD_RELATION}[ \t]+)?({_NAME})", part)
        if not match or match.group(1).split()[0].lower().rstrip(".") in _ADULT_TITLES:
            continue  # "Household: Ms Carla Vesey and son Riley Vesey": the mother is no child
        if number and _ADULT_BEFORE.search(parts[number - 1]) or re.match(r"[ \t]+\d", part[match.end():]):
            continue  # "daughter of Mr Allen's partner, Jade Bright": the partner; "Room 4": a place
        anonymised = _ANONYMISED.match(match.group(1))
        name = anonymised.group(0) if anonymised else _first_name(match.group(1))
        if name and name not in names and not re.fullmatch(r"(?i)year|years|reception|nursery|class|form", name) \
                and name.lower() not in _NOT_A_CHILDS_NAME:  # "Lives with: Nan (Margaret Reid) and ..."
            names.append(name)
    return names


def _report_date(doc) -> dt.date:
    """The date ages are counted to: the report's own date, else today."""
    return getattr(getattr(doc, "_", None), "report_date", None) or dt.date.today()


def _text_of(doc) -> str:
    """The text of a Doc (built once: spaCy rebuilds ``doc.text`` on every access), of anything
    else with a ``text``, or of a string."""
    if isinstance(doc, Doc):
        return doc_text(doc)
    return doc.text if hasattr(doc, "text") else str(doc)


def detect_children(doc) -> list[str]:
    """The children a report is about, as it names them (first names, or "Child Q")."""
    text = _text_of(doc)
    structure = getattr(getattr(doc, "_", None), "structure", None)
    names = _children_in_header_fields(doc, structure) if structure is not None else []
    today = _report_date(doc)
    for match in (_HEADER.finditer(text) if not names else ()):
        for name in _names_in_header(match.group(1)):
            if name not in names:
                names.append(name)
    if names:
        return names
    for match in _WITH_AGE.finditer(text):
        if _RELATIVE_BEFORE.search(text[max(0, match.start() - 30):match.start()]):
            continue  # "her brother Connor (aged 12)": a sibling, not the subject of the report
        if _PLACE.match(match.group(1) or match.group(2)):
            continue  # "Ridgeway Academy (aged 11-16)": a school's name
        line_end = text.find("\n", match.start())
        if _is_adult(text[match.start():len(text) if line_end < 0 else line_end], today):
            continue  # "Re: Dean PRICE, DOB 30/04/1993": the father the report is about, not a child
        name = _first_name(match.group(1) or match.group(2))
        if name and name not in names:
            names.append(name)
    for match in _ANONYMISED.finditer(text):
        if match.group(1) == "Child" and match.group(0) not in names:
            names.append(match.group(0))
    if names:
        return names
    for match in _CHILDS_POSSESSION.finditer(text):
        name = match.group(1)
        titled = _TITLE_BEFORE.search(text[max(0, match.start() - 6):match.start()])
        if name.lower() not in _NOT_A_CHILDS_NAME and name not in names and not titled \
                and len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2:
            names.append(name)
    return names


# A header gender's value ("Gender: Female", "Sex: M"), by its first word.
_GENDER_VALUES = {"female": "f", "f": "f", "girl": "f", "male": "m", "m": "m", "boy": "m"}


def header_genders(doc, children: list[str]) -> dict[str, str]:
    """The gender ("f" or "m") a header field gives a child ("Gender: Female", "Sex: M"): the child named by the
    nearest "Name:"-like field before it, or the report's one child when no such field names anyone else. A report
    whose child is named only in its header says "he" or "she" of that child nowhere, and so could not otherwise
    tell "He said ..." from the child's words."""
    structure = doc._.structure
    if structure is None or not children:
        return {}
    found: dict[str, str] = {}
    named: str | None = children[0] if len(children) == 1 else None
    for field in sorted(structure.fields, key=lambda f: f.start):
        if field.key == "child":
            in_field = [c for c in children if re.search(rf"\b{re.escape(c)}\b", field.value)]
            named = in_field[0] if len(in_field) == 1 else None
        elif field.key == "gender" and named is not None:
            words = re.findall(r"[A-Za-z]+", field.value)
            gender = _GENDER_VALUES.get(words[0].lower()) if words else None
            if gender is not None:
                found.setdefault(named, gender)
    return found


def _children_in_header_fields(doc, structure) -> list[str]:
    """The subject children, then their siblings, from the report's header fields ("Name of child:",
    "Child(ren):", "Siblings:", "Household:"), else children named with their age after a parent
    ("partner of Stacey (mother of Mia, 9, and Oscar, 6)"). Not a child: a name whose age or date
    of birth makes them an adult, a sibling living elsewhere, an email's "Subject:" line."""
    is_email = bool(structure.field_values("sent"))
    text = _text_of(doc)
    today = _report_date(doc)
    names: list[str] = []
    for key in ("child", "sibling"):
        for field in structure.field_values(key):
            if is_email and field.label.lower() == "subject":
                continue
            for entry, line in _header_entries(text, structure, field):
                if _is_adult(line, today) or (key == "sibling" and _LIVES_ELSEWHERE.search(line)):
                    continue
                for name in _names_of_entry(entry):
                    if name not in names:
                        names.append(name)
    if names:  # beside the labels' children: a name with a child's age that no label read
        names += [name for name in _children_with_ages_in_header(text, structure, today) if name not in names]
    if not names:
        for parent in _PARENT_OF.finditer(text):
            for match in _NAME_WITH_AGE.finditer(text, parent.end(), parent.end() + 60):
                if int(match.group(2)) < ADULT_YEARS and match.group(1) not in names:
                    names.append(match.group(1))
    return names


# A house number and street ("4 Harper Close"): the words after it on the line are the address's.
_STREET_ADDRESS = re.compile(r"\b\d+[a-z]?,?[ \t]+(?:[A-Z][\w'’-]*[ \t]+)+" + _PLACE_WORDS)
# A name with a date of birth after spaces, as header columns set it ("Leo SMITH      DOB: 12/03/2016").
_WITH_DOB_COLUMN = re.compile(rf"\b({_NAME})[ \t]+(?i:d\.?o\.?b\b)")
# That relation as the label, or with its punctuation, just before a name in a header line ("Mother: Jade Hart (24)").
_ADULT_LABEL_BEFORE = re.compile(rf"(?i)\b(?:{_ADULT_RELATIONS}|patient \(mother\))(?:/carer)?[^:,(\n]{{0,12}}[:,(][ \t]*$")
# A court order or sentence with its length in brackets ("Referral Order (9 months)"): no person, whatever its age.
_COURT_ORDER = re.compile(r"(?:[A-Z][a-z]+[ \t]+)?(?:Order|Sentence|Referral|Plan|Requirement|Licence|Notice)s?")


def _children_with_ages_in_header(text: str, structure, today: dt.date) -> list[str]:
    """The names the header (the text before its first paragraph of running text) gives with a child's age or
    date of birth, whatever the label they stand under ("Brothers: Jordan Carter (Year 5) / Marley Carter (3)",
    a household table's rows): not an adult by age or date of birth, nor one named after an adult's label,
    nor one living elsewhere, nor a place or a court order."""
    end = next((b.start for b in structure.blocks if b.kind == "paragraph"), len(text))
    header = text[:min(end, 3000)]
    found: list[tuple[int, str]] = []
    for pattern in (_WITH_AGE, _WITH_DOB_COLUMN):
        for match in pattern.finditer(header):
            whole = next(group for group in match.groups() if group)
            line_start = header.rfind("\n", 0, match.start()) + 1
            line_end = header.find("\n", match.end())
            line_end = len(header) if line_end < 0 else line_end
            after = header[match.start():line_end]
            following = re.search(rf"[,;][ \t]*{_NAME}[ \t]*\(", after[len(whole):])
            context = after[:len(whole) + following.start()] if following else after
            before = header[line_start:match.start()]
            label = before.split(":")[0] if ":" in before else ""  # "Half-brother (lives with his grandparents):"
            if _is_adult(context, today) or _LIVES_ELSEWHERE.search(label + " " + context) or _PLACE.match(whole) \
                    or _ADULT_LABEL_BEFORE.search(before) or _STREET_ADDRESS.search(before):
                continue  # ... or after a street address on its line ("of 4 Harper Close, Westbridge  DOB")
            if _COURT_ORDER.fullmatch(whole):
                continue
            name = _first_name(whole)
            if name and name.lower() not in _NOT_A_CHILDS_NAME and not name.isupper():
                found.append((match.start(), name))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def _names_of_entry(entry: str) -> list[str]:
    """The child named by one header entry; an unborn baby by the name chosen for it, if any; none
    for a school, surgery or street ("Year 8, Ridgeway Academy")."""
    if _PLACE.search(entry):
        return []
    if _UNBORN.match(entry):
        chosen = _CHOSEN_NAME.search(entry)
        return [chosen.group(1) if chosen else UNBORN_BABY]
    names = [name for name in _names_in_header(entry) if not name.isupper()]  # "NHS number ..." is no name
    if not names and re.match(r"(?i)[ \t]*baby\b", entry):  # "Baby girl OKORO (Grace)": the name given in brackets
        given = re.search(r"\(([A-Z][a-z'’-]+)\)", entry)
        names = [given.group(1)] if given else []
    return names


def _header_entries(text: str, structure, field) -> list[tuple[str, str]]:
    """A header field's value split into one entry per person, each as (its words, the words with
    what else its line and the next field say of them: a date of birth, "(19)", where they live)."""
    line_end = text.find("\n", field.end)
    rest = text[field.end:len(text) if line_end < 0 else line_end]
    following = [f for f in structure.fields if f.start > field.end]
    if following and following[0].key == "date_of_birth" and following[0].start > field.end + len(rest):
        rest += " DOB " + following[0].value  # "Name: Liam Harker" with "DOB: 23/10/1994" on the next line
    value = re.sub(r"\([^)]*\)|\b(?:of|at)[ \t]+\d[^;]*", lambda m: " " * len(m.group(0)),
                   field.value)  # "(Year 2, Larchfield Primary)", "of 4 Harper Close, Westbridge"
    entries, start = [], 0
    for m in re.finditer(r";|,(?=[ \t]*[A-Z][a-z])|\band\b", value):
        if m.group(0) == "," and _ADULT_BEFORE.search(value, start, m.start()):
            continue  # "Kayla Bright (6), daughter of Mr Allen's partner, Jade Bright": the partner, in Kayla's entry
        entries.append((start, m.start()))
        start = m.end()
    entries.append((start, len(value)))
    result = [(field.value[a:b], field.value[a:b]) for a, b in entries if field.value[a:b].strip()]
    if result:
        result[-1] = (result[-1][0], result[-1][1] + rest)
    return result


def _is_adult(entry: str, today: dt.date) -> bool:
    dob = _DOB.search(entry)
    age = _age_from_dob(dob, today) if dob else None
    if age is None:
        bracketed = re.search(r"\((\d{1,2})(?:[ \t]*(?:years?|yrs?)(?:[ \t]+old)?)?[ \t]*[,)]", entry)
        age = float(bracketed.group(1)) if bracketed else None
    return age is not None and age >= ADULT_YEARS


def names_of_people_near_the_child(text: str) -> list[str]:
    """Every name written with an age or a date of birth, siblings' too ("her sister, Isla (aged
    14 months)"), and every name right after a relative ("her brother Connor"): for redaction."""
    names = [match.group(1) or match.group(2) for match in _WITH_AGE.finditer(text)]
    names += [match.group(1) for match in _RELATIVE_NAME.finditer(text)]
    return [name for name in names if _first_name(name)]


def _years(number: str, unit: str | None) -> float:
    unit = (unit or "year").lower().rstrip("s")
    return float(number) * _UNIT_YEARS.get(unit, 1.0)


def _age_from_dob(match: re.Match, today: dt.date) -> float | None:
    if match["day"]:
        day, month, year = int(match["day"]), int(match["month"]), int(match["year"])
    else:
        day, year = int(match["wday"]), int(match["wyear"])
        month = MONTHS[match["wmonth"].lower().rstrip(".")]
    if year < 100:
        year += 2000 if year <= today.year % 100 else 1900
    try:
        born = dt.date(year, month, day)
    except ValueError:
        return None
    if born > today:
        return None
    return (today - born).days / 365.25


def child_is_unborn(doc, name: str) -> bool:
    """Whether the report names `name` as an unborn baby: "Unborn baby" itself, or a header child
    field that says unborn and names the child ("Unborn baby of Chloe (to be called Ellis)")."""
    if name == UNBORN_BABY:
        return True
    structure = getattr(getattr(doc, "_", None), "structure", None)
    if structure is None or not name:
        return False
    first = re.compile(rf"\b{re.escape(name.split()[0])}\b")
    return any(_UNBORN.search(f.value) and first.search(f.value) for f in structure.field_values("child"))


def child_age_years(doc, name: str) -> float | None:
    """The child's age in years as the report gives it (near the child's name), else None."""
    text = _text_of(doc)
    report_date = _report_date(doc)
    first = re.escape(name.split()[0]) if name else ""
    if not first:
        return None
    header = _header_age(doc, text, name, report_date)
    if header is not None:
        return header
    # the lines and sentences that name the child, header lines first
    places = [m for m in re.finditer(rf"\b{first}\b[^\n]*", text)]
    for place in places:
        window = place.group(0)[:160]
        dob = _DOB.search(window)
        if dob:
            age = _age_from_dob(dob, report_date)
            if age is not None:
                return round(age, 2)
        for pattern in _AGE_PATTERNS:
            match = pattern.search(window)
            if match and match.start() < 80:
                # the age must belong to this child: no other name in between ("her brother Connor (aged 12)")
                between = window[len(name.split()[0]):match.start()]
                if _SOMEONE_ELSE.search(between):
                    continue
                return round(_years(match.group(1), match.group(2) if match.lastindex and match.lastindex > 1 else None), 2)
    return None


def _header_age(doc, text: str, name: str, report_date: dt.date) -> float | None:
    """The age of a child named in a header field, from the date of birth its entry gives, on its
    line or in the field below ("Child: Reuben ASHDOWN" then "DOB: 14/03/2026")."""
    structure = getattr(getattr(doc, "_", None), "structure", None)
    if structure is None:
        return None
    for key in ("child", "sibling"):
        for field in structure.field_values(key):
            for entry, line in _header_entries(text, structure, field):
                dob = _DOB.search(line) if name in _names_of_entry(entry) else None
                age = _age_from_dob(dob, report_date) if dob else None
                if age is not None:
                    return round(age, 2)
    return None


# Another name the report gives a child beside their name: "Alfred Whitcombe ("Alfie")", "Kai Thorne
# (KT)", "Leonard Price, known as Leo", "Mia (aka Mimi)". The name or initials must close the bracket
# (or the phrase), so "(Year 3)", "(aged 7)" and "(DOB ...)" are no other name.
_KNOWN_AS_NAME = r"[\"“‘']?([A-Z][a-z'’-]+|[A-Z]{2,3})[\"”’']?"
_NAME_WORDS_AFTER = r"(?:[ \t]+[A-Z][\w'’-]+){0,3}"
# A name in quotation marks between a first name and a surname: Jordan "JJ" Walsh, Alfred ‘Alfie’ Lowe.
_QUOTED_NAME = r"[\"“‘']([A-Z][a-z'’-]+|[A-Z]{2,3})[\"”’']"


def child_known_as(doc, children: list[str]) -> dict[str, str]:
    """The other names the report gives each of `children` right beside their name, lower case, each
    with the child it stands for: {"alfie": "Alfred", "kt": "Kai", "jj": "Jordan"} (Alfred ("Alfie"), Kai
    Thorne (KT), Jordan "JJ" Walsh). Found once per Doc and children."""
    user_data = getattr(doc, "user_data", None)
    key = ("review_child_known_as", tuple(children))
    if user_data is not None and key in user_data:
        return user_data[key]
    text = _text_of(doc)
    known: dict[str, str] = {}
    for child in children:
        first = child.split()[0] if child.strip() else ""
        if not first or first.lower() in ("child", "unborn"):
            continue
        pattern = re.compile(
            rf"\b{re.escape(first)}\b{_NAME_WORDS_AFTER}(?:[ \t]*\((?:(?i:known[ \t]+as|aka|called)[ \t]+)?"
            rf"{_KNOWN_AS_NAME}\)|,?[ \t]+(?i:known[ \t]+as|aka|also[ \t]+called)[ \t]+{_KNOWN_AS_NAME}(?![\w'’-])"
            rf"|[ \t]+{_QUOTED_NAME}(?=[ \t]+[A-Z]))")
        for match in pattern.finditer(text):
            alias = match.group(1) or match.group(2) or match.group(3)
            if alias and alias.lower() not in _NOT_NAMES and alias.lower() != first.lower() \
                    and alias.lower() not in {"dob", "yr", "yrs"}:
                known.setdefault(alias.lower(), child)
        for alias in short_forms(doc, first):
            known.setdefault(alias, child)
    if user_data is not None:
        user_data[key] = known
    return known


def short_forms(doc, first: str) -> set[str]:
    """The names in `doc` that shorten a child's first name by cutting its end ("Alex" for Alexander, "Sam"
    for Samuel), lower case: a proper noun of three letters or more, two or more shorter than the name."""
    if not isinstance(doc, Doc) or len(first) < 5:
        return set()
    name = first.lower()
    return {lower for lower, length in _capitalised_proper_nouns(doc) if 3 <= length <= len(first) - 2
            and name.startswith(lower) and lower not in _NOT_NAMES}


def _capitalised_proper_nouns(doc: Doc) -> frozenset[tuple[str, int]]:
    """Each capitalised proper noun of `doc` (lower case, with its length as written), read once per Doc."""
    return per_doc(doc, "review_capitalised_proper_nouns", lambda: frozenset(
        (t.lower_, len(t.text)) for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper()))
