"""The trained sentence model: is the writer's own wording an unevidenced judgement, speculation, or neither.

A spaCy text classifier (``models/opinion/textcat``, trained by ``models/opinion/project.yml`` on the
labelled report sentences in ``data/opinion-reports``) reads only the words in the writer's own voice
(attribution, read from the parse, removes what a source said), so it decides "is this an unevidenced
claim" and attribution decides "is it the writer's".
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from review.nlp.tokenizer import RULELESS

SENTENCE_CLASSES = ("judgement", "speculation", "other")
MODEL_DIR = "textcat"
NOTHING_OWN = {"judgement": 0.0, "speculation": 0.0, "other": 1.0}  # every word is a source's


def label_class(label: str, flag: bool) -> str:
    """The model's class for a sentence labelled by the guide in ``data/opinion-reports/GUIDE.md``:
    an unevidenced judgement (or a strong owned one with no reason) is ``judgement``, speculation is
    ``speculation``, and facts, sourced accounts, owned reasoned opinion and lookalikes are ``other``."""
    if label == "unevidenced_judgement" or (label == "owned_without_evidence" and flag):
        return "judgement"
    return "speculation" if label == "speculation" else "other"


def bundled_model_dir() -> Path:
    """``models/opinion/textcat`` as shipped with the package."""
    return Path(str(resources.files("review") / "bundled_models" / "opinion" / MODEL_DIR))


def own_words_doc(vocab, tokens: Sequence[Token]) -> Doc:
    """A Doc of just `tokens` (the writer's own words of a sentence), spacing kept, for the classifier."""
    words = [t.text for t in tokens if not t.is_space]
    spaces = [bool(t.whitespace_) for t in tokens if not t.is_space]
    return Doc(vocab, words=words, spaces=spaces)


class SentenceModel:
    """Class probabilities of the writer's own words of each sentence, and the words that drive them."""

    def __init__(self, nlp: Language):
        self.nlp = nlp

    @classmethod
    def load(cls, path: str | Path | None = None) -> "SentenceModel":
        """The classifier at `path`, with no tokenizer rules, neither English's nor its saved ones:
        it reads Docs made from the review's own tokens, so they need not be loaded a second time."""
        return cls(spacy.load(path or bundled_model_dir(), exclude=["tokenizer"], config=RULELESS))

    def probabilities(self, sentences: Sequence[Sequence[Token]]) -> list[dict[str, float]]:
        """For each sentence's own words, the probability of each class in SENTENCE_CLASSES.

        Each Doc shares its words' vocabulary, which already holds them, where the model's own would
        make each word anew on its first sight in a process; the model reads words by their text
        alone (ORTH), the same in either."""
        docs = [own_words_doc(tokens[0].vocab if tokens else self.nlp.vocab, tokens) for tokens in sentences]
        scored = iter(self.nlp.pipe(d for d in docs if len(d)))
        return [self.class_probabilities(next(scored)) if len(d) else dict(NOTHING_OWN) for d in docs]

    @staticmethod
    def class_probabilities(doc: Doc) -> dict[str, float]:
        return {c: float(doc.cats[c]) for c in SENTENCE_CLASSES}

    def strongest_word(self, tokens: Sequence[Token], categories: str | Sequence[str],
                       candidates: Sequence[Token]) -> Token | None:
        """Of `candidates` (tokens of `tokens`), the one whose removal lowers the probability of `categories`
        (a class, or classes together) most: the word the model's decision rests on, shown as the finding's
        evidence."""
        if not candidates:
            return None
        categories = (categories,) if isinstance(categories, str) else tuple(categories)
        base = sum(self.probabilities([tokens])[0][c] for c in categories)
        without = self.probabilities([[t for t in tokens if t.i != c.i] for c in candidates])
        drops = [base - sum(p[c] for c in categories) for p in without]
        best = max(range(len(candidates)), key=drops.__getitem__)
        return candidates[best] if drops[best] > 0 else None


@functools.lru_cache(maxsize=2)
def load_sentence_model(path: str | None = None) -> SentenceModel:
    """The sentence model, loaded once per path (the bundled one by default)."""
    return SentenceModel.load(path)
