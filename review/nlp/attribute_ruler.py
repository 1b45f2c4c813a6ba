"""The base model's attribute ruler, with its one-token patterns found by a table look-up.

spaCy's ``AttributeRuler`` runs a Matcher of all its patterns over every token, and in the base
model 171 of its 179 patterns are one token, named by its fine-grained tag and lower-case form. Here
those are looked up in a table by each token's (tag, form); the others (several tokens, a regular
expression) still go through a Matcher. The matches and their order are the same, and spaCy's own
code sets the attributes, so every POS, MORPH and LEMMA is the same (tests/nlp/test_faster_base_components.py),
at less than half the cost (figures in docs/benchmarks.md).
"""

from __future__ import annotations

from collections import defaultdict

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

COMPONENT = "review_attribute_ruler"
BASE_COMPONENT = "attribute_ruler"

# The token attributes a one-token pattern may name here, read for all tokens at once by
# ``Doc.to_array`` (strings as their hashes, IS_SPACE as 0 or 1); the first two key the table.
_COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_KEYED = ("TAG", "LOWER")
MAX_KEPT_ROWS = 100_000  # rows of attribute values whose matches are kept (a few MB)
ANY = -1  # the key part of a pattern that does not name the attribute (no hash is negative)


def _as_value(vocab, value) -> int:
    """A pattern's value as ``Doc.to_array`` gives it: a string's hash, a flag's 0 or 1."""
    return int(value) if isinstance(value, int) else vocab.strings.add(value)


def _key_values(vocab, value) -> list[int] | None:
    """The values a keyed attribute may take for the pattern (``[ANY]`` where any), or None where
    it is not an equality or ``IN``."""
    if value is None:
        return [ANY]
    if isinstance(value, (str, int)):
        return [_as_value(vocab, value)]
    if isinstance(value, dict) and value.keys() == {"IN"}:
        return [_as_value(vocab, item) for item in value["IN"]]
    return None


def _test(vocab, column: int, value):
    """A test of one token's row of attribute values for one pattern entry, or None where only the
    Matcher can say (a regular expression, an operator)."""
    if isinstance(value, (str, int)):
        wanted = _as_value(vocab, value)
        return lambda row: row[column] == wanted
    if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
        (operator, items), = value.items()
        allowed = frozenset(_as_value(vocab, item) for item in items)
        return (lambda row: row[column] in allowed) if operator == "IN" else (lambda row: row[column] not in allowed)
    return None


def _one_token_entry(vocab, tokens: list[dict]) -> tuple[list[list[int]], list] | None:
    """A one-token pattern as the table's key values and the tests left, or None for the Matcher."""
    if len(tokens) != 1 or not set(tokens[0]) <= set(_COLUMNS):
        return None
    entry = tokens[0]
    columns = list(_COLUMNS)
    keys = [_key_values(vocab, entry.get(name)) for name in _KEYED]
    keyed = {name for name, values in zip(_KEYED, keys) if values is not None}
    keys = [values or [ANY] for values in keys]
    tests = [_test(vocab, columns.index(name), value) for name, value in entry.items() if name not in keyed]
    return None if None in tests else (keys, tests)


class TagIndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose one-token patterns are found by a table look-up of each token's tag and lower-case form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._index_size = -1
        self._entries_of: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def _build_index(self) -> None:
        """Sort the patterns: one-token ones with simple tests into a table by (tag, lower-case form),
        the rest into a Matcher of their own."""
        self._table: dict[tuple[int, int], list[tuple[int, int, list]]] = defaultdict(list)
        self._rest = Matcher(self.vocab, validate=self.validate)
        for attr_id, pattern in enumerate(self.patterns):
            key = self.vocab.strings[str(attr_id)]
            for tokens in pattern["patterns"]:
                entry = _one_token_entry(self.vocab, tokens)
                if entry is None:
                    self._rest.add(key, [tokens])
                    continue
                (tags, lowers), tests = entry
                for tag in tags:
                    for lower in lowers:
                        self._table[tag, lower].append((attr_id, key, tests))
        self._index_size = len(self.attrs)
        self._entries_of.clear()

    def _entries(self, row: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """``(attr_id, match_id)`` of every one-token pattern a token of attribute values `row` matches:
        those in the four cells of the table it may be in (either or both parts of the key ANY) whose
        tests it passes."""
        tag, lower = row[0], row[1]
        return tuple((attr_id, key) for cell in ((tag, lower), (tag, ANY), (ANY, lower), (ANY, ANY))
                     for attr_id, key, tests in self._table.get(cell, ()) if all(test(row) for test in tests))

    def match(self, doc: Doc):
        """The matches of :meth:`AttributeRuler.match`: ``(attr_id, match_id, start, end)``, sorted."""
        if self._index_size != len(self.attrs):
            self._build_index()
        found = {(int(self.vocab.strings[m_id]), m_id, s, e)
                 for m_id, s, e in (self._rest(doc, allow_missing=True, as_spans=False) if len(self._rest) else ())}
        entries_of = self._entries_of  # a row's matches, worked out once per row of values: a report repeats its words
        for i, row in enumerate(map(tuple, doc.to_array(list(_COLUMNS.values())).tolist())):
            entries = entries_of.get(row)
            if entries is None:
                if len(entries_of) >= MAX_KEPT_ROWS:
                    entries_of.clear()  # a long-running service reads many reports: keep its memory bounded
                entries = entries_of[row] = self._entries(row)
            found.update((attr_id, key, i, i + 1) for attr_id, key in entries)
        return sorted(found)


@Language.factory(COMPONENT, default_config={"validate": False})
def make_tag_indexed_attribute_ruler(nlp: Language, name: str, validate: bool):
    """The component; :func:`use_tag_indexed_attribute_ruler` gives it the base model's patterns."""
    return TagIndexedAttributeRuler(nlp.vocab, name, validate=validate)


def use_tag_indexed_attribute_ruler(nlp: Language) -> None:
    """Put :class:`TagIndexedAttributeRuler`, with the same patterns, in the base ruler's place."""
    patterns = nlp.get_pipe(BASE_COMPONENT).patterns
    ruler = nlp.replace_pipe(BASE_COMPONENT, COMPONENT)
    ruler.add_patterns(patterns)
