"""Which children a report is about, and their ages (for the too-young rule)."""

import datetime as dt

import pytest

from review.nlp.children import child_age_years, child_is_unborn, detect_children


class FakeDoc:
    """The two things the functions read from a Doc: its text and its report date."""

    class _Ext:
        report_date = dt.date(2024, 1, 1)

    def __init__(self, text):
        self.text = text
        self._ = self._Ext()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ("Child: Mia Carter (aged 7), Year 2\nMia lives with her brother Connor (aged 12).", ["Mia"]),
        ("Subject children: Kayla Brooks (aged 11) and Jake Brooks (aged 5)", ["Kayla", "Jake"]),
        ("Patient: Ruby Lewis, DOB 14/06/2019 (aged 4)\nParent: Ms Kerry Lewis", ["Ruby"]),
        ("Mia (aged 7) lives with Mum.", ["Mia"]),
        ("Leo Hart, DOB 02/03/2023, was seen at home.", ["Leo"]),
        ("Re: Gary HOLT, DOB 12/03/1988, probation case\nGary has two children.", []),  # an adult with a date of birth
        ("Child Q was seen at school.", ["Child Q"]),
        ("Mia lives with her brother Connor (aged 12).", []),
        ("Mother: Jade Hart\nThe weather was cold.", []),
        # no header, age or date of birth: a name that owns what only a child has
        ("Kai arrived late. Kai's class teacher saw a bruise.", ["Kai"]),
        ("I met Ms Green. Ms Green's mother was there. Green is a name.", []),  # a titled adult
        ("Kai's class teacher saw a bruise.", []),  # named once only
        ("Mia (aged 7) lives with Mum. Ruby's mum and Ruby came too.", ["Mia"]),  # an age comes first
    ],
)
def test_detect_children(text, expected):
    assert detect_children(FakeDoc(text)) == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Child: Mia Carter (aged 7)", "Mia", 7.0),
        ("Jay, aged 18 months, was seen.", "Jay", 1.5),
        ("Leo is 8 months old.", "Leo", 0.67),
        ("Child: Leo Hart, DOB 02/03/2023", "Leo", 0.83),
        ("Mia lives with her brother Connor (aged 12).", "Mia", None),
        ("Laura's stepbrother Max is 10 months old.", "Laura", None),
        ("Mia and her niece Ava (aged 2) came in.", "Mia", None),
        ("Mia was seen.", "Mia", None),
    ],
)
def test_child_age_years(text, name, expected):
    age = child_age_years(FakeDoc(text), name)
    assert age == pytest.approx(expected, abs=0.02) if expected is not None else age is None


def _children_of(nlp, text, report_date="2024-05-14"):
    import datetime as dt

    doc = nlp.make_doc(text)
    doc._.report_date = dt.date.fromisoformat(report_date)
    return nlp(doc)._.children


HEADER_CASES = [
    ("Young person: Tyrese OKONJO-BELL     D.O.B. 11/11/2009\nSiblings: Keisha (6), Marcus (22) - lives in Leeds\n"
     "\nTyrese was seen at the youth centre on 10/05/2024.\n", ["Tyrese", "Keisha"]),
    ("Children in household:\n  1. Sofia NOWAK    DOB 04/04/2019   Year 1, Willowbrook Primary\n"
     "  2. Adam NOWAK     DOB 09/09/2022   at home\n\nBoth children were seen at home.\n", ["Sofia", "Adam"]),
    ("Name: Gary THORNE   D.O.B. 15/01/1985\nRelationship to children: father of Lola, 8, and Theo, 5\n"
     "\nGary attended supervision on 09/05/2024.\n", ["Lola", "Theo"]),
    ("Name of child: Unborn baby of Amy PRICE (the name Rowan has been chosen)\nSiblings: Jack, DOB 02/02/2017, "
     "lives with his maternal grandmother\n\nAmy is 30 weeks pregnant.\n", ["Rowan"]),
]


@pytest.mark.parametrize("text, expected", HEADER_CASES)
def test_children_come_from_the_header_fields(nlp, text, expected):
    # Written for these tests: adults by age or date of birth, siblings living elsewhere and
    # school names are not children; an unborn baby is known by the name chosen for it.
    assert _children_of(nlp, text) == expected


def test_a_sibling_aged_in_months_is_a_child_and_one_aged_nineteen_is_not(nlp):
    text = "Name of child: Ruby KNOX (7)\nSiblings: Ivy KNOX (18 months), Sam KNOX (19)\n\nRuby was seen at school.\n"
    assert _children_of(nlp, text) == ["Ruby", "Ivy"]


@pytest.mark.parametrize("place", ["Year 8, Ridgeway Academy", "Year 8, Ridgeway High", "Ridgeway Sixth Form",
                                   "Year 4, St Anne's C of E Primary", "12 Ridgeway Road"])
def test_a_school_or_street_in_the_child_header_is_no_child(nlp, place):
    # Written for this test: a header entry named for a school or a street is never a child.
    assert _children_of(nlp, f"Child: Noah Bell (aged 13), {place}\n\nNoah was seen at school.\n") == ["Noah"]


def test_a_school_written_with_an_age_range_is_no_child(nlp):
    text = "Leo Carr (aged 12) goes to Ridgeway High (age 11-18). Leo was seen at school."
    assert _children_of(nlp, text) == ["Leo"]


def test_a_school_after_the_childs_name_is_no_child(nlp):
    doc = nlp("Date of report: 02/02/2024\nPupil: Leah Grant (aged 14), Year 9, Moorfield Academy\n\nLeah is in Year 9.")
    assert doc._.children == ["Leah"]


@pytest.mark.parametrize(
    "header, name, unborn",
    [("Child: Unborn baby of Gina Ross (to be called Theo)", "Theo", True),
     ("Child: Unborn baby of Gina Ross", "Unborn baby", True),
     ("Child: Theo Ross (aged 2)", "Theo", False)],
)
def test_child_is_unborn(nlp, header, name, unborn):
    doc = nlp(f"Date of report: 02/02/2024\n{header}\n\nGina is 30 weeks pregnant.")
    assert child_is_unborn(doc, name) is unborn


def test_children_listed_under_an_aligned_label_are_all_found(nlp):
    # Written for this test: the first child stands after a column gap on the label's line.
    text = ("Subject children:    Kai MORROW, DOB 03/03/2012 (13)\n"
            "                     Ella MORROW, DOB 21/07/2019 (6)\n"
            "Brothers and sisters:   Jude MORROW, DOB 01/01/2021\n"
            "\nKai and Ella were seen at home on 02/09/2025.\n")
    assert _children_of(nlp, text, "2025-09-09") == ["Kai", "Ella", "Jude"]


def test_pupils_listed_under_a_plural_label_are_all_found(nlp):
    # Written for this test: a school's "Pupils:" header with one pupil a line.
    text = ("Pupils:     Harriet COLE    DOB 09/09/2013   Class: Oak (Year 6)\n"
            "            Milo COLE       DOB 14/02/2016   Class: Ash (Year 4)\n"
            "Date of report: 01/09/2025\n\nBoth pupils were seen in school on 28/08/2025.\n")
    assert _children_of(nlp, text, "2025-09-01") == ["Harriet", "Milo"]


def test_a_childs_age_comes_from_the_date_of_birth_field_below_the_name(nlp):
    # Written for this test: "Child:" and "DOB:" on lines of their own, values aligned.
    text = ("Child:          Wren HALLORAN\nDOB:            02/02/2025\nReport date:    09/09/2025\n"
            "\nWren was seen at home on 02/09/2025 with her mother.\n")
    doc = nlp.make_doc(text)
    doc._.report_date = dt.date(2025, 9, 9)
    doc = nlp(doc)
    assert doc._.children == ["Wren"]
    assert child_age_years(doc, "Wren") == pytest.approx(0.6, abs=0.02)


@pytest.mark.parametrize("header, children", [
    # a field saying there is nobody is no child's name
    ("Name: Holly Dean, DOB 02/02/2017\nOther children: None\nDate of report: 01/03/2025", ["Holly"]),
    ("Name of child: Kian Lowe (9)\nSiblings: not known\nDate of report: 01/03/2025", ["Kian"]),
    # a sibling living with a grandparent, aunt or foster carer, with or without "his" or "her", is not asked
    ("Name of child: Kian Lowe (9)\nSiblings: Rio Lowe (12), lives with maternal grandmother", ["Kian"]),
    ("Name of child: Kian Lowe (9)\nSiblings: Rio Lowe (12), lives with Mum", ["Kian", "Rio"]),
    # plural and "(s)" labels name the children too
    ("Name(s): Ada Price DOB 03/04/2016\nReport date: 01/03/2025", ["Ada"]),
    ("Names of children: Ada Price (8), Tom Price (5)\nReport date: 01/03/2025", ["Ada", "Tom"]),
    # a name in capitals, numbered entries, a slashed label, a sibling with a setting, a partner's name (session 14)
    ("Pupil: NIAMH KELLY   DOB: 03/03/2016\nReport date: 01/03/2025", ["Niamh"]),
    ("Subject children:  1. Ada PRICE (DOB 01/02/2018)\n                   2. Tom PRICE (DOB 03/04/2020)\n"
     "Report date: 01/03/2025", ["Ada", "Tom"]),
    ("Child/young person: Ada Price   DOB: 01/02/2012\nReport date: 01/03/2025", ["Ada"]),
    ("Pupil: Ada Price (Year 3)\nSiblings at this school: Tom Price (Year 1)\nReport date: 01/03/2025", ["Ada", "Tom"]),
    ("Relevant children: Ada Price (6), daughter of Mr Cole's partner, Gemma Price\nReport date: 01/03/2025", ["Ada"]),
    ("Name:\t\tAda Price\nDOB:\t\t01/02/2012\nDate:\t\t01/03/2025", ["Ada"]),
    # a name with a child's age under a label the review does not know is a child too, not an adult's or a placed one
    ("Pupil: Ada Price (8)\nAlso at home: Ben Price (4)\nLodger: Sam Cole (34)\nElder sister (lives in foster care): "
     "Kim Price (15)\nReport date: 01/03/2025", ["Ada", "Ben"]),
    ("Pupil: Ada Price (8)\nReferral Order (9 months) ends in June\nReport date: 01/03/2025", ["Ada"]),
])
def test_header_fields_name_the_children(header, children):
    import review

    text = header + "\n\nBackground\nThe family live locally and are known to the service.\n"
    assert review.analyse(text, report_date="2025-03-01")["children"] == children


@pytest.mark.parametrize("dob", ["DOB: 14/08/2023", "DOB: 14 August 2023 (9 months)", "Date of birth: 14th Aug 2023"])
def test_a_date_of_birth_written_in_words_gives_the_age(dob):
    import review

    doc = review.analyse_doc(f"Name: Amelia Jones\n{dob}\nDate of report: 20 May 2024\n\nAmelia was weighed.")
    assert child_age_years(doc, "Amelia") == pytest.approx(0.77, abs=0.01)
