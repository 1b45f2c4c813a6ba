"""Which children a report is about, and their ages (for the too-young rule)."""

import datetime as dt

import pytest

from review.nlp.children import child_age_years, detect_children


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
