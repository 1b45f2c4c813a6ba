"""Notes on the whole report, each said once: the page, the HTML output and the Word summary comment
list a note that another rule restates (the same message, or a checklist item in `RESTATED_NOTES`)
once, under both rules."""

from __future__ import annotations

# Checklist notes that say again what a check's note on the whole report says.
RESTATED_NOTES = {"checklist.child_words": "child_voice.no_quote", "checklist.wishes_feelings": "child_voice.no_wishes"}


def is_note(finding: dict) -> bool:
    """True for a finding on the whole report rather than on words of it."""
    return finding["end"] <= finding["start"]


def distinct_notes(notes: list[dict]) -> list[tuple[dict, list[str]]]:
    """Each note once, with the rules that give it (the first note of each is the one shown).

    Findings on words (``end > start``) are never merged, so any list of findings may be passed.
    """
    messages = {note["rule"]: note["message"] for note in notes if is_note(note)}
    grouped: dict[object, tuple[dict, list[str]]] = {}
    for note in notes:
        if not is_note(note):
            key = (note["rule"], note["start"], note["end"])
        else:
            key = messages.get(RESTATED_NOTES.get(note["rule"]), note["message"])
        grouped.setdefault(key, (note, []))[1].append(note["rule"])
    return list(grouped.values())
