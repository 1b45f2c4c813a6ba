"""The child's words under a sub-heading naming one child ("Tyler (9)") of a section whose opening paragraph tells
the occasion ("I met Tyler and Grace at their nan's house on 14/02/25"): they were said then, and ask for no
circumstances of their own; the same reading as the date check's (`occasion_sub_headings`). A topic heading ends
the occasion; a section with no dated opening, or a child not seen then, still has its words asked for them.

Texts written fresh for this pattern, with other names, places and tools than any development report.
"""

import pytest
from check_findings import flags_words

REPORT_DATE = "2025-03-20"
RULES = ("child_voice.no_circumstances", "child_voice.reported_no_circumstances")


def flagged(review_text, children, text, target) -> bool:
    result = review_text(text, report_date=REPORT_DATE, children=children)
    return flags_words(result, text, RULES, target)


PASS = [
    (["Tyler", "Grace"],
     "Wishes and feelings\nI met Tyler and Grace at their nan's house on 14/02/25 after tea, first together and "
     "then one at a time in the back room.\n\nTyler (9)\n- He drew his dog and a bike.\nTyler told me he wants to "
     "live with Nan \"until Dad gets better\".\n\nGrace (aged 6)\n- Grace drew a big sun.\n- She said the thing she "
     "misses most is \"my own bed at Mum's.\"", ["until Dad gets better", "my own bed at Mum's."]),
    (["Ollie", "Jayden"],
     "Direct work\nOn 03/03/2025 I spent an hour with Ollie and Jayden in the school library using the Fairy "
     "Godmother tool.\n\nOllie (10)\nOllie chose a wish for his mum. He said he would like \"a holiday by the sea "
     "with no arguing\".\n\nJayden (7)\n- He told me his wish was for \"a bigger bedroom so Callum stops kicking "
     "me\".", ["a holiday by the sea with no arguing", "a bigger bedroom so Callum stops kicking me"]),
]

FLAG = [
    # a topic heading ends the occasion
    (["Tyler"], "Wishes and feelings\nI met Tyler at his nan's house on 14/02/25.\n\nSchool\nTyler told me he hates "
     "\"being sent out of maths\".", "being sent out of maths"),
    # no dated opening paragraph: nothing carries
    (["Tyler"], "Concerns\nTyler is often upset when he comes in.\n\nTyler (9)\nTyler told me he wants \"a new "
     "family\".", "a new family"),
    # a child not seen at the occasion
    (["Tyler", "Mason"], "Wishes and feelings\nI saw Tyler on his own at school on 14/02/25.\n\nMason (4)\nMason "
     "told me he is \"scared of the big dog next door\".", "scared of the big dog next door"),
]


@pytest.mark.parametrize(("children", "text", "targets"), PASS, ids=["two children", "one child each"])
def test_words_under_a_childs_sub_heading_take_the_sections_occasion(review_text, children, text, targets):
    assert [t for t in targets if flagged(review_text, children, text, t)] == []


@pytest.mark.parametrize(("children", "text", "target"), FLAG, ids=["topic heading", "no dated opening",
                                                                     "child not seen then"])
def test_no_occasion_is_carried_where_the_section_gives_none(review_text, children, text, target):
    assert flagged(review_text, children, text, target)
