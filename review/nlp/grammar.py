"""Grammar from the dependency parse, shared by the checks: verb forms, main clauses, a clause's
own words, and a verb's subject."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from review.core.text import per_doc

MAIN_CLAUSE = {"ROOT", "conj", "advcl"}
MODALS = {"would", "could", "should", "will", "shall", "may", "might", "must", "can", "'ll", "'d"}


def has_modal(verb: Token) -> bool:
    """A verb with a modal or future auxiliary ("should settle", "will be fed", "can sign"): what may,
    should or will happen, or what someone can do, not what was seen to happen."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def main_verbs(sent: Span) -> list[Token]:
    """Verbs of the sentence's main clauses: its root, verbs joined to it, adverbial clauses. Read once per span
    of a Doc (cached in ``doc.user_data``): the date and historic checks ask it of a sentence several times."""
    found = per_doc(sent.doc, "review_main_verbs", dict)  # span (start, end) -> its main verbs
    key = (sent.start, sent.end)
    verbs = found.get(key)
    if verbs is None:
        verbs = found[key] = tuple(_main_verbs(sent))
    return list(verbs)


def _main_verbs(sent: Span):
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        dep = token.dep_
        if joined_by_semicolon(token) or (dep in MAIN_CLAUSE and (dep == "ROOT" or token.head.dep_ in MAIN_CLAUSE)):
            yield token


def joined_by_semicolon(verb: Token) -> bool:
    """The verb of a clause before a semicolon that the parser hung on the next clause's root as its complement
    ("Mum missed the appointment; the school phoned her"): a main clause of its own, not what the later verb says."""
    head = verb.head
    return (verb.dep_ == "ccomp" and head.dep_ == "ROOT" and verb.i < head.i
            and any(c.dep_ == "punct" and c.text == ";" and verb.right_edge.i < c.i < head.i for c in head.children))


def is_past(verb: Token) -> bool:
    """A verb in a past form: simple past, or a participle with have/be ("has missed", "was seen")."""
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children) \
            and any(c.dep_ in ("aux", "auxpass") for c in verb.head.children):
        return is_past(verb.head)  # "has not seen Ethan or met his mother": the auxiliaries are shared
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":  # "has missed", "was seen", "has been seen"; not "is made", "has not seen"
        if any(c.dep_ == "neg" for c in children) and any(c.lemma_ == "have" for c in children):
            return False
        return any((c.dep_ == "aux" and c.lemma_ == "have") or (c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN"))
                   for c in children)
    if verb.tag_ == "VB":  # "did not attend"
        return any(c.dep_ == "aux" and c.lower_ == "did" for c in children)
    return False


def is_past_progressive(verb: Token) -> bool:
    """A verb in the past progressive, active or passive ("was shaking", "were arguing", "was getting changed"):
    what was going on at a time in the past."""
    if verb.tag_ not in ("VBG", "VBN"):
        return False
    children = list(verb.children)
    if verb.tag_ == "VBN" and not any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in children):
        return False  # "was seen": a simple past passive (see `is_past`)
    return any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD" for c in children)


def is_present_perfect(verb: Token) -> bool:
    """A verb in the present perfect ("has missed", "have been held"): a past left open up to now."""
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children):
        return is_present_perfect(verb.head)
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                      for c in children)


def is_present_perfect_progressive(verb: Token) -> bool:
    """A verb in the present perfect progressive ("has been spending", "have been building up"): what has been
    going on up to now."""
    children = list(verb.children)
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in children)


OWN_CLAUSE_EXCLUDES = {"conj", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj"}


def clause_tokens(verb: Token) -> list[Token]:
    """The tokens of `verb`'s own clause: its subtree without the clauses joined to or reported by it."""
    excluded: set[int] = set()
    for child in verb.children:
        if child.dep_ in OWN_CLAUSE_EXCLUDES:
            excluded.update(t.i for t in child.subtree)
    tokens = [t for t in verb.subtree if t.i not in excluded and not (t.is_punct and t.dep_ == "punct")]
    return tokens or [verb]


def clause_text(verb: Token) -> str:
    """The words of `verb`'s own clause (see `clause_tokens`)."""
    return " ".join(t.text for t in clause_tokens(verb))


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The verb whose clause the words at characters start..end belong to (None for a verbless line)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    while token.head.i != token.i and (token.pos_ not in ("VERB", "AUX") or is_non_finite(token)):
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def is_non_finite(verb: Token) -> bool:
    """A gerund or infinitive with no auxiliary of its own ("about shouting", "to make"): not a clause's verb."""
    return verb.tag_ in ("VBG", "VB") and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"
                                                  for c in verb.children)


SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def subject_of(verb: Token, *, inherit_through: Collection[str] = ("conj", "xcomp"), passive_agent: bool = False,
               conjunct_after_noun_has_own_subject: bool = False) -> Token | None:
    """The subject of `verb`: its own, else (for a verb joined to its head by one of
    `inherit_through`: "Mia wants to go", "Mia smiled and waved") its head's.

    With `passive_agent`, the agent of a passive counts ("it was reported by the school").
    With `conjunct_after_noun_has_own_subject`, a conjunct right after a noun or pronoun ("... and
    staff are worried") inherits nothing: it has a subject of its own that the parser missed.
    """
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
        if passive_agent and child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if conjunct_after_noun_has_own_subject and verb.dep_ == "conj" and _follows_a_noun(verb):
        return None
    if verb.dep_ in inherit_through and verb.head.i != verb.i:
        return subject_of(verb.head, inherit_through=inherit_through, passive_agent=passive_agent,
                          conjunct_after_noun_has_own_subject=conjunct_after_noun_has_own_subject)
    return None


def _follows_a_noun(token: Token) -> bool:
    """The word before `token` (adverbs skipped) is a noun, a name or a pronoun."""
    if token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    while previous.pos_ == "ADV" and previous.i > 0:
        previous = token.doc[previous.i - 1]
    return previous.pos_ in ("NOUN", "PROPN", "PRON")


def query_mark(token: Token) -> bool:
    """A question mark written against the word after it, as notes query a finding ("?NAI", "?DV",
    "Mum tearful, ?cannabis"): speculation in a clinician's or worker's shorthand."""
    if token.text != "?" or token.whitespace_ or token.i + 1 >= len(token.doc):
        return False  # asked first: nearly every token is turned away here
    return token.nbor().is_alpha
