"""The ``language`` check: text that is not English is named, and not reviewed as English.

How it works: docs/internals.md, `review.checks.language`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from review.core.extensions import register_extensions
from review.core.findings import add_finding
from review.core.rules import CheckRules, load_rules
from review.core.text import doc_paragraphs, doc_text
from review.nlp.linguistics import linguistics
from review.nlp.readability import word_zipf

register_extensions()

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")

# Names for the languages a report is most likely to arrive in; others are shown by code.
LANGUAGE_NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian",
    "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gd": "Scottish Gaelic", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "ku": "Kurdish", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "ms": "Malay", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish",
    "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "yo": "Yoruba", "zh": "Chinese",
}


@functools.lru_cache(maxsize=1)
def _identifier():
    """py3langid's bundled model with normalised probabilities (loaded once, on first need: ~1 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_stop_word_share(text: str) -> float:
    """The share of the words in `text` that are on spaCy's English stop-word list."""
    words = _WORD.findall(text.lower())
    return sum(word in STOP_WORDS for word in words) / len(words) if words else 0.0


def common_english_word_share(text: str, min_zipf: float) -> float:
    """The share of the words in `text` that are common in English (Zipf frequency at least
    `min_zipf`): headings, header fields and table rows have few stop words but common words."""
    words = _WORD.findall(text.lower())
    return sum(word_zipf(word) >= min_zipf for word in words) / len(words) if words else 0.0


@dataclass(frozen=True)
class LanguageGuess:
    code: str          # a py3langid label ("en", "pl"), or "und" when the text is too short to tell
    confidence: float  # the detector's probability; 1.0 for the stop-word shortcut, 0.0 for "und"


@dataclass(frozen=True)
class EnglishShortcuts:
    """When text is English without asking the detector (whose model takes about a second to load)."""
    stop_word_share: float    # at least this share of its words are English stop words, or
    common_word_share: float  # at least this share are common English words,
    common_word_zipf: float   # those with at least this Zipf frequency


def guess_language(text: str, *, min_letters: float, english: EnglishShortcuts) -> LanguageGuess:
    """The language of `text`: "und" if it has fewer than `min_letters` letters, "en" if its words
    are mostly English stop words or common English words (`english`), else py3langid's best guess."""
    if len(_LETTER.findall(text)) < min_letters:
        return LanguageGuess("und", 0.0)
    if (english_stop_word_share(text) >= english.stop_word_share
            or common_english_word_share(text, english.common_word_zipf) >= english.common_word_share):
        return LanguageGuess("en", 1.0)
    code, confidence = _identifier().classify(text)
    return LanguageGuess(code, confidence)


class LanguageCheck:
    """Sets ``doc._.language`` and ``doc._.unreviewed``; flags text that is not English."""

    def __init__(self, rules: CheckRules):
        self.rules = rules
        self.rule = rules.rule("language.not_english")
        self.english_like = set(linguistics().language_detection.english_like)
        self.min_letters = rules.threshold("min_letters")
        self.english = EnglishShortcuts(rules.threshold("english_stop_word_share"),
                                        rules.threshold("common_english_word_share"),
                                        rules.threshold("common_english_word_zipf"))
        self.min_confidence = rules.threshold("min_confidence")

    def foreign_language(self, text: str) -> str | None:
        """The code of the language `text` is in when it is confidently not English, else None."""
        guess = guess_language(text, min_letters=self.min_letters, english=self.english)
        if guess.code in self.english_like or guess.code in ("und", "zxx") or guess.confidence < self.min_confidence:
            return None
        return guess.code

    def __call__(self, doc: Doc) -> Doc:
        doc._.unreviewed = []
        if not self.rule.enabled:  # switched off in a rules file: every text is reviewed as English
            return doc
        text = doc_text(doc)
        language = self.foreign_language(text)
        if language is not None:
            doc._.language = language
            doc._.unreviewed = [(0, len(text))]
            add_finding(doc, self.rule, 0, 0, scope="report", language=_name(language))
        else:
            doc._.language = "en" if text.strip() else None
            parts = doc_paragraphs(doc)
            for start, end in parts if len(parts) > 1 else ():
                language = self.foreign_language(text[start:end])
                if language is not None:
                    doc._.unreviewed.append((start, end))
                    add_finding(doc, self.rule, start, end, scope="paragraph", language=_name(language))
        if doc._.summary is not None:
            doc._.summary["language"] = doc._.language
        return doc


def _name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"another language ({code})")


@Language.factory("review_language", requires=["doc._.findings", "doc._.summary"],
                  assigns=["doc._.language", "doc._.unreviewed", "doc._.findings"],
                  default_config={"rules_path": None})
def make_language_check(nlp: Language, name: str, rules_path: str | None):
    return LanguageCheck(load_rules(rules_path).check("language"))
