"""Abbreviations not spelled out at their first use: the glossary's, and any others found by their form."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS


@dataclass(frozen=True)
class Glossary:
    """Abbreviations and their expansions, with one pattern that finds any of them."""

    expansions: dict[str, tuple[str, ...]]
    pattern: re.Pattern


def parse_glossary(lines: list[str]) -> Glossary:
    """Glossary lines "ABBR = expansion; other expansion". Matching is case-sensitive; a plural or
    possessive ("CP plans", "TAF's") is a use; "CP" inside "ICPC" or "s47" inside "s470" is not."""
    expansions = {}
    for line in lines:
        abbreviation, _, spelled = line.partition("=")
        if abbreviation.strip():
            expansions[abbreviation.strip()] = tuple(e.strip() for e in spelled.split(";") if e.strip())
    names = "|".join(re.escape(a) for a in sorted(expansions, key=len, reverse=True)) or "(?!)"
    return Glossary(expansions, re.compile(r"(?<![\w&/-])(" + names + r")(?:s|'s|’s)?(?![\w&/-])"))


# A word with two or more capitals and no run of three lower-case letters ("PSP", "SENCo", "RoSH", "LFTs"),
# perhaps with a number after a hyphen ("ASQ-3"); capitals joined by hyphens ("ROWE-FENTON") are read whole.
_FORM = re.compile(r"(?<![\w&/'’-])([A-Z][A-Za-z0-9&]*(?:-[A-Z][A-Za-z0-9&]*)*)(?:-\d+)?(?![\w&/])")
_LOWER_RUN = re.compile(r"[a-z]{3}")
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*|\b[A-Z]\.)[ \t]+$")  # "Maisie ROWE", "M. BARKER"
_WORD = re.compile(r"[A-Za-z]+(?:['’]s\b)?|\d+")  # a possessive is its word's: "Revised Children's ..." (RCADS)
_FAR_WORD = re.compile(r"[A-Za-z]+|\d+")  # far back, held stricter: a possessive ends the run of words that spell
# a use that names the kind of a thing, then a bracket that glosses the phrase ("DASH risk assessment (a domestic
# abuse risk checklist)"): a few lower-case words, then a bracket of words and no number ("referral (sent on 3 May)"
# adds a detail, it explains nothing)
_NOUN_THEN_GLOSS = re.compile(r"(?:[ \t]+[a-z][a-z-]*){1,3}[ \t]*\([ \t]*[A-Za-z]+[ \t]+[A-Za-z][^()\d\n]*\)")
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]\n\"“”|]")
# Words an expansion may pass over, or use for a letter ("Team Around the Family", "Management of Sexual or ...").
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "to", "in", "on", "at", "a", "an", "with", "or", "under", "by"})
LOOK_BACK, LOOK_AHEAD = 250, 100  # characters before and after a use where its expansion may be
MIN_ACRONYM_LETTERS = 3  # a shorter abbreviation counts as explained only in brackets beside its expansion


@dataclass(frozen=True)
class Use:
    """One use of an abbreviation: `key` is how it is known ("LFT" for "LFTs"), `start`/`end` its letters."""

    key: str
    start: int
    end: int
    in_glossary: bool


def has_abbreviation_form(word: str) -> bool:
    """Two or more capitals, no run of three lower-case letters and no hyphen ("SENCo", not "McDonald"); not a
    reference with three digits or more ("CB26P00418", a case number: a reference is copied, not spelled out)."""
    return (sum(ch.isupper() for ch in word) >= 2 and not _LOWER_RUN.search(word) and "-" not in word
            and sum(ch.isdigit() for ch in word) < 3)


def form_key(word: str) -> str:
    """The abbreviation a word is a use of: a plural "s" after capitals dropped ("LFTs" -> "LFT")."""
    return word[:-1] if word.endswith("s") and len(word) > 2 and word[:-1].isupper() else word


def uses(text: str, glossary: Glossary) -> list[Use]:
    """Every use of a glossary abbreviation and every word of abbreviation form, in text order."""
    found = {m.start(1): Use(m.group(1), m.start(1), m.end(1), True) for m in glossary.pattern.finditer(text)}
    for match in _FORM.finditer(text):
        word = match.group(1)
        if match.start(1) not in found and has_abbreviation_form(word):
            found[match.start(1)] = Use(form_key(word), match.start(1), match.end(1), False)
    return [found[start] for start in sorted(found)]


def acronym_units(abbreviation: str) -> list[str]:
    """What an expansion must spell: each capital (lower-cased) and each number ("S47" -> s, 47)."""
    return [u.lower() for u in re.findall(r"[A-Z]|\d+", abbreviation)]


def spells(units: list[str], words: list[str], function_letters: bool = True) -> bool:
    """Whether consecutive `words` from the first spell `units` by their initials, passing over
    function words ("Team Around the Family" spells t-a-f); with `function_letters` false, a
    function word never gives a letter ("mood and self-harm" does not spell MASH)."""
    if not units:
        return True
    if not words:
        return False
    word, rest = words[0].lower(), words[1:]
    matches = word == units[0] if units[0].isdigit() else word[0] == units[0]
    if matches and word in FUNCTION_WORDS and not function_letters:
        matches = False
    return ((matches and spells(units[1:], rest, function_letters))
            or (word in FUNCTION_WORDS and spells(units, rest, function_letters)))


def has_expansion(abbreviation: str, window: str) -> bool:
    """Whether `window` holds words that spell `abbreviation` ("Multi-Agency Risk Assessment Conference")."""
    units = acronym_units(abbreviation)
    if len(units) < MIN_ACRONYM_LETTERS:
        return False
    words = _WORD.findall(window)
    return any(w[0].lower() == units[0] and w.lower() not in FUNCTION_WORDS and spells(units, words[i:])
               for i, w in enumerate(words))


def is_explained_here(text: str, use: Use, expansions: tuple[str, ...] = ()) -> bool:
    """The use sits in brackets after its expansion ("Child in Need (CIN)", "(EPDS; a score ...)"), is
    followed by a bracket that explains it ("CIN (Child in Need)") or explains the phrase it opens ("DASH risk
    assessment (domestic abuse risk checklist)"), or its expansion is written just
    before it or in the same sentence after it ("an IDVA – an Independent Domestic Violence Adviser –").
    In brackets after words that neither spell it nor are one of its `expansions`, it is not explained."""
    before, after = text[max(0, use.start - 3):use.start].rstrip(), text[use.end:use.end + 3]
    if after.lstrip(" ")[:1] == "(" or (before.endswith("(") and after[:1] in (":", ",", ";")):
        return True
    if _NOUN_THEN_GLOSS.match(text, use.end):
        return True  # "DASH risk assessment (domestic abuse risk checklist)": the bracket explains its phrase
    if before.endswith("(") and after[:1] == ")":   # "Child in Need (CIN)", not "attendance is 71.2% (PA)"
        words = _WORD.findall(text[max(0, use.start - LOOK_BACK):use.start])
        units = acronym_units(use.key)
        if any(spells(units, words[i:]) for i in range(max(0, len(words) - len(units) * 2 - 1), len(words))):
            return True
        return any(e.lower() in text[max(0, use.start - 80):use.start].lower() for e in expansions)
    sentence_after = re.split(r"[.!?](?:\s|$)|\n", text[use.end:use.end + LOOK_AHEAD], maxsplit=1)[0]
    return has_expansion(use.key, text[max(0, use.start - LOOK_BACK):use.start] + " | " + sentence_after)


def is_spelled_out_before(text: str, use: Use, phrases: TextPhrases | None = None) -> bool:
    """Whether the report has already written the words the abbreviation stands for, however far
    back ("Attends Building Better Relationships" ... "Complete BBR"; "sessions of cognitive
    behavioural therapy" ... "Continue weekly CBT"): a reader who met the words in full can follow
    the short form. Held stricter than an expansion nearby: the words lie within one phrase (no
    punctuation between them) and a function word gives no letter, so that "mood and self-harm" far
    back does not explain MASH, and one that gives a letter is a content word in lower case or with a
    capital first, not another abbreviation (but for a heading in capitals) or a word such as "was"
    ("EHA was opened" is not EWO).
    Not for abbreviations under MIN_ACRONYM_LETTERS letters. `phrases` is `TextPhrases(text)`, made once
    for a text whose uses are checked one after another."""
    units = acronym_units(use.key)
    if len(units) < MIN_ACRONYM_LETTERS:
        return False
    for words, first_letters in (phrases or TextPhrases(text)).before(max(0, use.start - LOOK_BACK)):
        if units[0] in first_letters and any(
                w[0].lower() == units[0] and w.lower() not in FUNCTION_WORDS and spells(units, words[i:], False)
                for i, w in enumerate(words)):
            return True
    return False


def _spelling_words(phrase: str) -> tuple[list[str], frozenset[str]]:
    """A phrase's words as is_spelled_out_before reads them (one that may not give a letter is "_"), and
    the first letters of those that may start an expansion."""
    capitals = phrase.isupper()   # a heading in capitals ("ASHBY ROVERS JUNIOR FOOTBALL CLUB") spells as words do
    words = [w if w.lower() in FUNCTION_WORDS or _can_spell_far(w.lower() if capitals else w) else "_"
             for w in _FAR_WORD.findall(phrase)]
    return words, frozenset(w[0].lower() for w in words if w.lower() not in FUNCTION_WORDS)


class TextPhrases:
    """A text's phrases (split at _PHRASE_BREAK) with their spelling words, read once, so that checking
    each use of a long report does not read the whole report before it again."""

    def __init__(self, text: str):
        self.text = text
        self.breaks: list[int] | None = None  # read at the first use checked
        self.whole: list[tuple[list[str], frozenset[str]]] = []

    def before(self, limit: int) -> list[tuple[list[str], frozenset[str]]]:
        """The phrases of ``text[:limit]``, as ``_PHRASE_BREAK.split(text[:limit])`` cuts them."""
        if self.breaks is None:
            self.breaks = [m.start() for m in _PHRASE_BREAK.finditer(self.text)]
            starts = [0] + [b + 1 for b in self.breaks]
            self.whole = [_spelling_words(self.text[start:end]) for start, end in zip(starts, self.breaks)]
        complete = bisect_left(self.breaks, limit)
        start = self.breaks[complete - 1] + 1 if complete else 0
        return self.whole[:complete] + [_spelling_words(self.text[start:limit])]


def _can_spell_far(word: str) -> bool:
    """A word that may give a letter to an expansion far back: not a stop word, not in capitals."""
    return word.lower() not in STOP_WORDS and not (len(word) > 1 and word.isupper())


def unexplained_abbreviations(text: str, glossary: Glossary, known: frozenset[str] = frozenset(),
                              explained_keys: frozenset[str] = frozenset(), skip=None,
                              common_word=None, quoted=None, is_name=None, first_met=None) -> list[tuple[str, int, int]]:
    """(abbreviation, start, end) of the first use of each abbreviation not explained there.

    An abbreviation is a glossary entry or a word of abbreviation form, except one every reader
    knows (`known`), a common word written in capitals (`common_word`: "NOT", "PRICE") and a
    surname in capitals after a first name ("Maisie ROWE"). `skip(start)` says a use is in a
    heading or header line, where it is not read as running text; `quoted(start)` that it is in
    someone's quoted words, which are theirs to use; `is_name(start)` whether the word at `start`
    is a person's name (for "Maisie ROWE", not "Discussed LARC"); `explained_keys` are explained
    in the report's own glossary. Later uses of an abbreviation are fine; one first used bare is
    flagged there, even if it is spelled out later; one whose words were written in full anywhere
    before it is explained (`is_spelled_out_before`). One used bare first in the writer's own
    name-and-role lines (`first_met(start)`: "Author: J. Lord, PA", a sign-off), which the reader
    reads, and then bare in running text is flagged at that first meeting; one used only in skipped
    lines is not flagged.
    """
    seen, found, phrases = set(explained_keys), [], TextPhrases(text)
    first_skipped: dict[str, Use] = {}
    for use in uses(text, glossary):
        if use.key in seen or (quoted and quoted(use.start)):
            continue
        if skip and skip(use.start):
            if is_explained_here(text, use, glossary.expansions.get(use.key, ())):
                seen.add(use.key)   # "Sources: Emergency Department (ED) record" explains ED for the report
            elif first_met and first_met(use.start):
                first_skipped.setdefault(use.key, use)
            continue
        if not use.in_glossary and (use.key in known or _is_word_or_name(text, use, common_word, is_name)):
            continue
        seen.add(use.key)
        if not (is_explained_here(text, use, glossary.expansions.get(use.key, ())) or is_spelled_out_before(text, use, phrases)):
            use = first_skipped.get(use.key, use)   # where the reader first met it: "Author: J. Lord, PA"
            found.append((use.key, use.start, use.start + len(use.key)))
    return found


def _is_word_or_name(text: str, use: Use, common_word, is_name=None) -> bool:
    """A common word in capitals ("NOT", or an abbreviation in everyday use, "DVD") or a surname in
    capitals after a first name ("Maisie ROWE"; the first word a name by `is_name`)."""
    word = text[use.start:use.end]
    if not word.isupper():
        return False
    if common_word and common_word(word.lower()):
        return True
    window = max(0, use.start - 30)
    name_before = _NAME_BEFORE.search(text[window:use.start])
    if not (len(word) >= 4 and name_before and name_before.group().strip().lower() not in STOP_WORDS):
        return False
    return is_name is None or is_name(window + name_before.start())
