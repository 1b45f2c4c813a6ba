"""The base model's lemmatizer, reading and writing a Doc's lemmas as one array.

spaCy's rule lemmatizer works a word's lemma out from its form, part of speech and morphology alone,
but keeps only some (not a word already in its base form, most of a report), and visits every token as
a Python object, setting its lemma one by one. Here the keys are read for all tokens at once
(``Doc.to_array``), each key's lemma is kept once spaCy's own ``lemmatize`` has given it, and the
lemmas are written back in one array, so every lemma is the one spaCy gives
(tests/nlp/test_faster_base_components.py).
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "review_lemmatizer"
BASE_COMPONENT = "lemmatizer"
MAX_KEPT_WORDS = 100_000  # (form, part of speech, morphology) keys whose lemma is kept (a few MB)


class ArrayLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` (rule mode) whose lemmas are kept by key and set as one array."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lemma_of: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph): the lemma's hash

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables()
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        keys, lemmas = columns[:, :3].tolist(), columns[:, 3].tolist()
        lemma_of, strings = self.lemma_of, doc.vocab.strings
        changed = False
        for i, key in enumerate(keys):
            if lemmas[i] != 0 and not self.overwrite:
                continue  # set before, by the attribute ruler
            key = tuple(key)
            lemma = lemma_of.get(key)
            if lemma is None:
                if len(lemma_of) >= MAX_KEPT_WORDS:
                    lemma_of.clear()  # a long-running service reads many reports: keep its memory bounded
                # spaCy's own answer, which depends on the key alone (the form, part of speech, morphology)
                lemma = lemma_of[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
            changed = True
        if changed:
            columns[:, 3] = lemmas
            doc.from_array([LEMMA], columns[:, 3].copy())
        return doc


@Language.factory(COMPONENT, default_config={"mode": "rule", "overwrite": False})
def make_array_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool):
    """The component; :func:`use_array_lemmatizer` gives it the base model's tables."""
    return ArrayLemmatizer(nlp.vocab, None, name, mode=mode, overwrite=overwrite)


def use_array_lemmatizer(nlp: Language) -> None:
    """Put :class:`ArrayLemmatizer`, with the base lemmatizer's mode and tables, in its place."""
    base = nlp.get_pipe(BASE_COMPONENT)
    if base.mode != "rule" or not isinstance(base, EnglishLemmatizer):
        return  # a model this was not written for keeps its own
    lemmatizer = nlp.replace_pipe(BASE_COMPONENT, COMPONENT, config={"mode": base.mode, "overwrite": base.overwrite})
    lemmatizer.initialize(lookups=base.lookups)
