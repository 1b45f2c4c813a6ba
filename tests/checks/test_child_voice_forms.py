"""Reports that give the child's words in less usual forms (single quotes, after a colon with no
quotation marks, a table column, a letter or message, a nickname, signs and symbols), written by
helpers who saw only POLICY.md (data/voice-forms: development; data/voice-forms-2: held out). In every
one the child's words are given, so no document-level child_voice warning may be raised."""

import pytest
from case_tables import gold_reports

KNOWN_GAPS = {
    "W01-early-help.txt": "the child's words after a colon count as words given (no_quote) but not as words "
                          "heard in context for no_wishes",
}


@pytest.mark.parametrize("path, gold", gold_reports(("voice-forms", "voice-forms-2"), KNOWN_GAPS))
def test_no_document_warning_when_the_childs_words_are_given(review_text, path, gold):
    result = review_text(path.read_text(encoding="utf-8"), report_date=gold["report_date"])
    warnings = [f["rule"] for f in result["findings"] if f["check"] == "child_voice" and f["start"] == f["end"] == 0
                and f["severity"] in ("warning", "error")]
    assert warnings == []
