"""review.core.blocks: the structure of a report read from its text (fields, headings, items, rows, wrapping)."""

import pytest

from review.core.blocks import field_key, is_heading_line, read_structure

HEADER = (
    "BRAMBLE LANE NURSERY\n"
    "Report to Review Child Protection Conference\n"
    "\n"
    "Name of child: Poppy ASHWORTH        D.O.B. 03/02/2021\n"
    "Siblings: Finn ASHWORTH (9); Grace ASHWORTH (20) - lives independently\n"
    "Date of report: 14/05/2024\n"
    "Completed by: Mrs L. Quinn, Nursery Manager\n"
    "\n"
    "1. Attendance\n"
    "\n"
    "Poppy attended on 12 of 20 sessions in April.\n"
    "\n"
    "What are we worried about?\n"
    "• Poppy arrived hungry on 02/05/2024.\n"
    "- She asked for a second breakfast.\n"
    "\n"
    "Date\tSession\tNote\n"
    "02/05/2024\tMorning\tHungry on arrival\n"
)


def test_header_fields_are_read_with_their_keys():
    structure = read_structure(HEADER)
    fields = {(f.key, f.value) for f in structure.fields}
    assert ("child", "Poppy ASHWORTH") in fields
    assert ("date_of_birth", "03/02/2021") in fields
    assert ("report_date", "14/05/2024") in fields
    assert ("author", "Mrs L. Quinn, Nursery Manager") in fields
    for f in structure.fields:
        assert HEADER[f.start:f.end] == f.value  # offsets are exact


def test_headings_items_and_rows_and_their_sections():
    structure = read_structure(HEADER)
    kinds = [(b.kind, HEADER[b.start:b.end]) for b in structure.blocks if b.kind != "field"]
    assert ("heading", "1. Attendance") in kinds
    assert ("heading", "What are we worried about?") in kinds
    assert ("item", "• Poppy arrived hungry on 02/05/2024.") in kinds
    assert ("item", "- She asked for a second breakfast.") in kinds
    rows = [b for b in structure.blocks if b.kind == "row"]
    assert [b.row for b in rows] == [0, 1] and {b.table for b in rows} == {0}
    assert [HEADER[s:e] for s, e in rows[1].cells] == ["02/05/2024", "Morning", "Hungry on arrival"]
    assert structure.section_of(HEADER.index("12 of 20")) == "1. Attendance"
    assert structure.section_of(HEADER.index("second breakfast")) == "What are we worried about?"


def test_windows_line_endings_read_the_same():
    crlf = HEADER.replace("\n", "\r\n")
    plain, windows = read_structure(HEADER), read_structure(crlf)
    assert [b.kind for b in plain.blocks] == [b.kind for b in windows.blocks]
    assert [f.value for f in plain.fields] == [f.value for f in windows.fields]


WRAPPED = (
    "Sent: 14 May 2024 09:12\n"
    "\n"
    "I visited the family at home on 13/05/2024 and spoke with both parents\n"
    "about the concerns raised by the school. Dad said he had been sleeping\n"
    "on the sofa since the argument and that he would leave if asked to.\n"
    "\n"
    "Next steps\n"
    "- a joint visit with the health visitor before the conference, to be\n"
    "arranged by me;\n"
    "- share the safety plan with the school.\n"
)


def test_hard_wrapped_lines_are_soft_breaks_and_list_items_stay_apart():
    structure = read_structure(WRAPPED)
    soft = [WRAPPED[end - 10:end] for end in structure.soft_breaks]
    assert "h parents" in soft[0] and len(structure.soft_breaks) == 3
    items = [WRAPPED[b.start:b.end] for b in structure.blocks if b.kind == "item"]
    assert items == ["- a joint visit with the health visitor before the conference, to be\narranged by me;",
                     "- share the safety plan with the school."]


def test_a_short_first_line_that_runs_on_into_the_next_is_no_heading():
    text = "Other worries\nThe landlord has complained to the council about rubbish outside\nthe back door.\n"
    kinds = [(b.kind, text[b.start:b.end]) for b in read_structure(text).blocks]
    assert kinds == [("heading", "Other worries"),
                     ("paragraph", "The landlord has complained to the council about rubbish outside\nthe back door.")]


def test_short_lines_of_a_list_are_not_joined():
    text = "Present at the meeting\nMum\nDad\nSocial worker\n"
    assert read_structure(text).soft_breaks == []


@pytest.mark.parametrize("label, key", [
    ("Name of child", "child"), ("Child(ren)", "child"), ("Young person", "child"), ("Subject", "child"),
    ("D.O.B.", "date_of_birth"), ("DOB", "date_of_birth"), ("Siblings", "sibling"),
    ("Other children in household", "sibling"), ("Date of report", "report_date"),
    ("Date completed", "report_date"), ("Date of conference", "meeting_date"), ("Completed by", "author"),
    ("Favourite colour", None),
    # a child noun with its name, and siblings placed somewhere (fresh labels, not a report's)
    ("Student name", "child"), ("Name of young person", "child"), ("Patient's full name", "child"),
    ("Learner", "child"), ("Sibling at home", None),
    ("Student social worker", None), ("Name of school", None),
    # the child as the one the report is about, and plural name labels (session 14)
    ("Name(s)", "child"), ("Names of the children", "child"), ("YP's name", "child"), ("Patient seen", "child"),
    ("Pupils subject to the plan", "child"), ("Also subject of the plan", "child"),
    ("Name of mother", None), ("Names of professionals", None), ("Child's GP", None),
    # the child's gender (session 19)
    ("Gender", "gender"), ("Sex", "gender"), ("Gender identity", None),
])
def test_field_keys(label, key):
    assert field_key(label) == key


@pytest.mark.parametrize("line, heading", [
    ("BACKGROUND", True), ("2. Background", True), ("Worries:", True), ("## Plan", True),
    ("Analysis", True), ("Mum was seen at home on 3 May.", False),
    ("She said that she would try to come to the next meeting if she could.", False),
])
def test_heading_lines(line, heading):
    assert is_heading_line(line) is heading


@pytest.mark.parametrize("line, is_field", [
    ("Date of report: 20 May 2024. On 14 May 2024 at 9am I saw Ruby in the nursery garden.", False),
    ("Completed by: Dr K. Osei, GP Partner", True),
    ("Shared with parents: with Dad on 10/05/2024; Mum by letter, no reply.", True),
])
def test_a_label_before_running_text_is_not_a_header_field(line, is_field):
    assert ([b.kind for b in read_structure(line).blocks] == ["field"]) is is_field


@pytest.mark.parametrize("line", ["2011 - Dad arrested for assault", "March 2019 – referral from school",
                                  "03/2019 - CIN plan ended", "12th Jan 2020 - police called"])
def test_a_chronology_line_may_open_with_a_month_or_a_year(line):
    structure = read_structure("Chronology\n\n" + line + "\n2024 - Home visit")
    assert [b.kind for b in structure.blocks] == ["heading", "row", "row"]


def test_a_label_and_its_value_aligned_in_columns_are_one_field():
    # Written for this test: a header typed with the values lined up after a gap.
    text = ("Young people:      Kai MORROW, D.O.B. 03/03/2012\n"
            "                   Ella MORROW, D.O.B. 21/07/2019\n"
            "Date of birth:     03/03/2012\n"
            "Referrer:          PC Holt      Role: Neighbourhood officer\n"
            "Report date:       09/09/2025\n")
    fields = [(f.key, f.value) for f in read_structure(text).fields]
    assert ("child", "Kai MORROW, D.O.B. 03/03/2012") in fields
    assert ("child", "Ella MORROW, D.O.B. 21/07/2019") in fields
    assert ("date_of_birth", "03/03/2012") in fields
    assert ("report_date", "09/09/2025") in fields
    assert ("role", "Neighbourhood officer") in fields
    assert (None, "PC Holt") in fields


def test_a_bare_label_before_a_column_that_is_a_field_of_its_own_keeps_no_value():
    fields = [(f.label, f.value) for f in read_structure("Siblings:     Role: support worker\n").fields]
    assert fields == [("Role", "support worker")]


def test_a_list_under_a_line_ending_in_a_colon_is_one_passage_with_it():
    text = ("Views\n"
            "At the park on 2 June we talked and she said:\n"
            "- one thing\n"
            "- another thing\n"
            "She then went home.\n"
            "\n"
            "Dated entries\n"
            "- 3 June: a visit\n"
            "- 4 June: a call\n")
    structure = read_structure(text)
    lead_in = text.index("At the park")
    for part in ("another thing", "She then"):
        assert structure.passage_at(text.index(part), text)[0] == lead_in
    assert structure.passage_at(text.index("a call"), text)[0] == text.index("- 4 June")  # no lead-in: its own
    assert structure.passage_at(text.index("Views"), text) == (0, len("Views"))


def test_a_paragraph_set_out_after_a_line_ending_in_a_colon_is_one_passage_with_it():
    text = ("We talked at the youth centre on 2 June for an hour, and at the end he asked me to write down:\n\n"
            "Tell them no.\n\nThen he went home.\n")
    structure = read_structure(text)
    assert structure.passage_at(text.index("Tell"), text) == (0, text.index("no.") + 3)
    assert structure.passage_at(text.index("Then"), text)[0] == text.index("Then")


def test_a_list_of_undated_items_after_a_paragraph_is_one_passage_with_it():
    text = ("Wishes and worries\n\n"
            "Ayla and I met in the school garden on 9 May and she drew her feelings map with me.\n\n"
            "- Sad side: \"the bus\" and \"Dad's flat\"\n"
            "- Happy side: \"my cat\"\n\n"
            "Contacts\n\n"
            "We spoke again after half term.\n\n"
            "- 12 June: phoned Mum\n"
            "- 13 June: home visit\n")
    structure = read_structure(text)
    lead_in = text.index("Ayla and I")
    for part in ("the bus", "my cat"):
        assert structure.passage_at(text.index(part), text)[0] == lead_in
    # a dated entry's date is its own, so a list with one keeps each item apart
    assert structure.passage_at(text.index("home visit"), text)[0] == text.index("- 13 June")


TICK_BOX_FORM = (
    "Type of concern (tick all that apply):\n"
    "[X] Injury - explanation inconsistent\n"
    "[ ] Parent is hostile and uncooperative\n"
    "\u2610 Missing from home\n"
    "\u2612 Domestic abuse\n"
    "[X] Other (please specify): Dad was shouting at the crew\n"
)


def test_a_forms_tick_box_lines_are_its_printed_words_each_its_own_block():
    structure = read_structure(TICK_BOX_FORM)
    kinds = [(b.kind, TICK_BOX_FORM[b.start:b.end]) for b in structure.blocks]
    assert kinds == [("heading", "Type of concern (tick all that apply):"),
                     ("form", "[X] Injury - explanation inconsistent"),
                     ("form", "[ ] Parent is hostile and uncooperative"),
                     ("form", "\u2610 Missing from home"),
                     ("form", "\u2612 Domestic abuse"),
                     ("item", "[X] Other (please specify): Dad was shouting at the crew")]


def test_a_question_answered_on_its_line_is_the_forms_question_and_the_writers_answer():
    text = ("Is the parent / carer aware of this referral?    No\n"
            "Has the child been seen by a health professional? Yes - conveyed to ED\n"
            "Was she hurt? I could not tell.\n")
    blocks = [(b.kind, text[b.start:b.end]) for b in read_structure(text).blocks]
    assert blocks[:4] == [("form", "Is the parent / carer aware of this referral?"), ("field", "No"),
                          ("form", "Has the child been seen by a health professional?"),
                          ("field", "Yes - conveyed to ED")]
    assert blocks[4][0] != "form"  # answered in the writer's own words: a line of the report
