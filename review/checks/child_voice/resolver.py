"""Which child a word of the report stands for: a name, "the child", or a pronoun resolved to one."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from review.core.rules import CheckRules
from review.nlp.children import child_known_as
from review.nlp.people import PERSONAL_PRONOUNS, THIRD_PERSON_GENDER
from review.nlp.quotes import Quote
from review.nlp.speakers import Lexicons, child_aliases, person_resolver


class ChildResolver:
    """Decides whether a token refers to one of the children (a name, "the child", or a pronoun)."""

    def __init__(self, doc: Doc, children: list[str], rules: CheckRules, quotes: list[Quote] = ()):
        self.doc = doc
        self.aliases = child_aliases(children, doc)
        self.references = [r.lower() for r in rules.lexicon("child_references")]
        self.people = person_resolver(doc, children, Lexicons.from_rules(rules), quotes)
        self.children = children
        self.named = {alias: child for child in children for alias in child_aliases([child])}
        self.named.update((alias, child) for alias, child in child_known_as(doc, children).items()
                          if alias not in self.named)

    def child_of(self, token: Token) -> str | None:
        """The child `token` refers to: their name, or "" for a child not named ("the child", a
        pronoun standing for it) when the report is about more than one; None for anyone else."""
        word = _whole_word(token).lower()
        if word in self.aliases or token.lower_ in self.aliases:
            return self.named.get(word, self.named.get(token.lower_, ""))
        if self.people.child_reference_at(token):
            return self._only_child()
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            gender = THIRD_PERSON_GENDER[token.lower_]
            paragraph = Quote(start=token.idx, end=token.idx, text="")
            mention = self.people.nearest_person(token.idx, gender, paragraph)
            return None if mention is None else self.child_named(mention.name)
        return None

    def child_of_heading(self, offset: int) -> str | None:
        """The child the heading of the section holding `offset` names ("Leo - HV review 30/10/2026", "Oscar's
        progress on the unit", "What has been seen of the baby"), or None: a note-style line under it with no
        subject of its own ("Alert, good tone, reaching for toys") is told of that child."""
        structure = self.doc._.structure if Doc.has_extension("structure") else None
        heading = structure.section_of(offset) if structure is not None else None
        if not heading:
            return None
        words = re.findall(r"[a-z][a-z'’-]*", heading.lower())
        named = {self.named[w.replace("’", "'").removesuffix("'s")] for w in words
                 if w.replace("’", "'").removesuffix("'s") in self.named}
        if len(named) == 1:
            return named.pop()
        text = " " + " ".join(words) + " "
        if not named and any(f" {reference} " in text for reference in self.references):
            return self._only_child() or None
        return None

    def child_named(self, name: str | None) -> str | None:
        """The child a speaker's or mention's name stands for (see `child_of`)."""
        lowered = (name or "").lower()
        for form in (lowered, lowered.split()[0] if lowered else ""):
            if form in self.named:
                return self.named[form]
        return self._only_child() if lowered in self.references else None

    def _only_child(self) -> str:
        return self.children[0] if len(self.children) == 1 else ""


def _whole_word(token: Token) -> str:
    """The hyphenated word a token is part of ("Lily-Mae" for "Mae")."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    return doc[start:end].text
