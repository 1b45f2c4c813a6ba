"""People mentioned outside the quotes: names, roles ("Mum") and the child, each with a gender
where the text tells it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Token

from review.core.text import doc_entities, per_doc
from review.nlp.children import child_known_as, header_genders
from review.nlp.people import FEMALE_BEFORE_NAME, GROUP_NOUNS, MALE_BEFORE_NAME, NAME_TITLES, THIRD_PERSON_GENDER
from review.nlp.speakers.layout import QuoteLayout
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.tuning import CHILD_REFERENCE_REACH, GENDER_VOTE_TOKENS, TITLE_GENDER_VOTES

SUBJECTS = {"nsubj", "csubj"}
# The pronouns after a name that vote for its gender; "herself" does not (it never has: kept so).
_GENDER_VOTES = {word: gender for word, gender in THIRD_PERSON_GENDER.items() if gender} | {"himself": "m"}


def _object_of_the_same_verb(pronoun: Token, subject: Token) -> bool:
    """Whether `pronoun` is "him" or "her" as an object (not the possessive) in the clause of the verb
    `subject` is the subject of ("Mum hit her", "Oliver seeing her unwell"): English says "herself" there of
    the subject, so the pronoun is someone else (binding theory's principle B)."""
    if pronoun.lower_ not in ("him", "her") or pronoun.tag_ != "PRP":
        return False
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    return verb == subject.head


def _same_person(word: Token, subject: Token) -> bool:
    """Whether `word` names the `subject` itself: what a copula says they are ("Noah is a quiet boy") or a
    role beside their name ("Ms Patel, the teacher, ...")."""
    return word.dep_ == "attr" and word.head == subject.head or word.dep_ == "appos" and word.head == subject


@dataclass
class Mention:
    """A person referred to outside the quotes: a name, a role ("Mum") or the child."""

    name: str
    start: int
    end: int
    gender: str | None
    token: Token


def child_aliases(children: list[str], doc=None) -> set[str]:
    """The lower-case forms that name one of the children: full name, first name, "Child Q", and with
    `doc`, the other names its report gives a child beside their name ("Alfred ("Alfie")", "Kai (KT)")."""
    aliases = set(child_known_as(doc, children)) if doc is not None else set()
    for child in children:
        name = child.strip().lower()
        if not name:
            continue
        aliases.add(name)
        parts = [p for p in re.split(r"\s+", name) if p.strip(".") not in NAME_TITLES]
        if parts and not name.startswith(("child ", "the ")):
            aliases.add(parts[0])
    return aliases


# A child described by place among the children rather than named: "the eldest", "his sister",
# "the younger one", "the twins", "her son".
_AGE_WORDS = r"(?:older|younger|elder|eldest|oldest|youngest|little|big|baby|middle|twin)"
_SIBLING_DESCRIPTION = re.compile(
    rf"^(?:the|his|her|their|[a-z]+'s)(?: {_AGE_WORDS})* (?:sister|brother|sibling|son|daughter|twins|boys|girls|"
    rf"children|kids)$|^the(?: {_AGE_WORDS})+(?: (?:one|child|boy|girl|sister|brother))?$|^the {_AGE_WORDS}$")


def describes_a_child(name: str) -> bool:
    """Whether a speaker's description names a child by place among siblings ("the eldest", "his sister")."""
    return bool(_SIBLING_DESCRIPTION.match(re.sub(r"\s+", " ", name.lower().replace("’", "'")).strip()))


def is_child_name(name: str | None, children: list[str], lexicons: Lexicons, doc=None) -> bool:
    """True when `name` (a speaker) is one of the children (by any name `doc` gives them), a reference to
    "the child", or, in a report about children, a child described by place among siblings."""
    if not name:
        return False
    lowered = re.sub(r"\s+", " ", name.lower()).strip()
    if children and describes_a_child(lowered):
        return True
    aliases = child_aliases(children, doc)
    if lowered in aliases:
        return True
    words = [w for w in lowered.split() if w.strip(".") not in NAME_TITLES]
    if words and (" ".join(words) in aliases or
                  (words[0] in aliases and words[0] == lowered.split()[0])):
        return True  # "Anne Shirley" for --child Anne (a title first, as in "Mrs Carter", is not the child)
    return lowered in lexicons.child_references or _modified_child_reference(lowered, lexicons.child_references)


def _modified_child_reference(description: str, references: list[str]) -> bool:
    """A child reference with a word or two describing the child inside it ("the frightened child",
    "the little girl"); "the other child" is someone else."""
    words = description.split()
    if {"other", "another", "same"} & set(words):
        return False
    for reference in references:
        determiner, _, head = reference.partition(" ")
        if head and description.startswith(determiner + " ") and description.endswith(" " + head) \
                and 0 < len(words) - len(reference.split()) <= 2:
            return True
    return False


def child_reference_at(text: str, token: Token, references: list[str]) -> str | None:
    """The child reference ("the young person") that ends at `token`, if any; `references`
    longest first."""
    start = max(0, token.idx - CHILD_REFERENCE_REACH)
    window = text[start: token.idx + len(token)].lower()
    for reference in references:
        if window.endswith(reference) and (len(window) == len(reference)
                                           or not window[-len(reference) - 1].isalnum()):
            return reference
    return None


# Header fields whose values name no person.
FIELDS_OF_NO_ONE = frozenset({"gender", "date_of_birth", "age", "report_date", "meeting_date", "role", "sent"})


class People:
    """The people mentioned outside the quotes, the names they go by and their genders."""

    def __init__(self, layout: QuoteLayout, children: list[str], lexicons: Lexicons):
        self.layout = layout
        self.doc = layout.doc
        self.children = children
        self.lex = lexicons
        self.person_entity = {token.i: ent for ent in doc_entities(self.doc) if ent.label_ == "PERSON" for token in ent}
        # a name the entity tagger calls a person anywhere in the report is one everywhere in it: it tags
        # the same name ORG in one sentence and PERSON in the next ("Leanne has told me she ...")
        self.person_names = {self.doc[i].lower_ for i in self.person_entity if self.doc[i].pos_ == "PROPN"}
        # and a name it calls a place somewhere, and never a person, is a place everywhere: "a county line run
        # from Dunmore" makes the untagged "Dunmore" of a wrapped line ("talk about\nDunmore") no person either
        self.place_names = {t.lower_ for t in self.doc if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC", "FAC")
                            and t.i not in layout.inside} - self.person_names
        self.mentions = self._mentions()
        self.genders = self._name_genders()
        declared = header_genders(self.doc, children)  # "Gender: Female" in the header, where the text says nothing
        for mention in self.mentions:  # "Lily Carter" in the header, "Lily" in the text: one child
            first = mention.name.split()[:1]
            child = next((c for c in declared if mention.name == c or first == c.split()[:1]), None)
            if child is not None:
                self.genders.setdefault(mention.name, declared[child])
        for name, gender in declared.items():
            self.genders.setdefault(name, gender)

    @classmethod
    def of(cls, layout: QuoteLayout, children: list[str], lexicons: Lexicons) -> "People":
        """The People of `layout`'s Doc, made once per Doc (cached in ``doc.user_data``) for the same
        quotes, children and lexicons: the quotes' attribution and a check's resolver both read them."""
        key = ([(q.start, q.end, q.depth) for q in layout.quotes], list(children), lexicons)
        return per_doc(layout.doc, "review_people", lambda: cls(layout, children, lexicons), depends_on=key)

    def child_reference_at(self, token: Token) -> str | None:
        """The child reference ("the child") that ends at `token`, if any."""
        return child_reference_at(self.layout.text, token, self.lex.child_references)

    def is_person_noun(self, word: str) -> bool:
        """A role noun of the rules that can be a speaker ("teacher", "mum", "dad")."""
        return word in self.lex.persons or word in self.lex.female or word in self.lex.male

    def _mentions(self) -> list[Mention]:
        mentions: list[Mention] = []
        child_aliases_lower = child_aliases(self.children, self.doc)
        for token in self.doc:
            if token.i in self.layout.inside or token.is_space:
                continue
            lower = token.lower_
            if token.pos_ not in ("PROPN", "NOUN") and lower not in child_aliases_lower:
                continue  # neither a name nor a person noun (asked first, as it turns most words away)
            if not token.text.replace(".", "").replace("-", "").isalpha():
                continue
            if token.pos_ == "PROPN" and token.dep_ not in ("compound", "flat") or \
                    (lower in child_aliases_lower and token.dep_ not in ("compound", "flat")):
                name = self.name_of(token)
                # a child is named by the head word or the whole name (a hyphenated "Ruby-Mae" ends in "Mae")
                names_a_child = lower in child_aliases_lower or name.lower() in child_aliases_lower
                a_place = token.ent_type_ and token.ent_type_ != "PERSON" or lower in self.place_names
                if a_place and not names_a_child and lower not in self.person_names \
                        and not (self._word_gender(lower) or self._title_gender(token)):
                    continue  # an organisation or place; a kinship word or titled name ("Sister Doyle") is a person
                if not _written_as_a_name(token) and not names_a_child:
                    continue  # "in the van": a common noun the tagger took for a name
                if not names_a_child and lower not in self.person_names and self._in_printed_words(token):
                    continue  # a heading ("Background") or a field's label ("DOB:"): the form's words, no one
                gender = self._word_gender(lower) or self._title_gender(token)
                mentions.append(Mention(name, token.idx, token.idx + len(token), gender, token))
            elif token.pos_ == "NOUN" and self.is_person_noun(lower) and token.dep_ != "compound":
                name = self.name_of(token)
                mentions.append(Mention(name, token.idx, token.idx + len(token), self._word_gender(lower), token))
        return mentions

    def _in_printed_words(self, token: Token) -> bool:
        """Whether `token` is in a heading, in a header field's label (before its colon) or in the value of a field
        that names no one ("Gender: Female", "DOB: ...", "Role: ...")."""
        structure = self.doc._.structure
        block = structure.block_at(token.idx) if structure is not None else None
        if block is None or block.kind not in ("heading", "field"):
            return False
        if block.kind == "heading":
            return True
        value = next((f for f in structure.fields if f.start <= token.idx < f.end), None)
        return value is None or value.key in FIELDS_OF_NO_ONE

    def _word_gender(self, lower: str) -> str | None:
        """The gender a word for a person tells by itself ("Mum", "grandad", "the girl"), tagged as a
        noun or, capitalised as reports write kinship words, as a proper noun."""
        return "f" if lower in self.lex.female else "m" if lower in self.lex.male else None

    def _title_gender(self, token: Token) -> str | None:
        """The gender a name's title or role word tells ("Mrs Carter", "Aunt Sarah"); not a possessive before it,
        which tells its owner's ("her PE teacher", "his mum")."""
        for left in token.lefts:
            if left.dep_ == "poss":
                continue
            word = left.lower_.strip(".")
            if word in self.lex.female:
                return "f"
            if word in self.lex.male:
                return "m"
        previous = self.doc[token.i - 1] if token.i > 0 else None
        if previous is not None:
            word = previous.lower_.strip(".")
            if word in FEMALE_BEFORE_NAME:
                return "f"
            if word in MALE_BEFORE_NAME:
                return "m"
        return None

    def _name_genders(self) -> dict[str, str]:
        """A gender for each name, from its title and the pronouns that follow it as a subject, before anyone
        else is named."""
        votes: dict[str, Counter] = defaultdict(Counter)
        mentioned = {m.token.i for m in self.mentions}
        for mention in self.mentions:
            if mention.gender:
                votes[mention.name][mention.gender] += TITLE_GENDER_VOTES
            token = mention.token
            if token.dep_ not in SUBJECTS or any(c.dep_ == "conj" for c in token.children):
                continue  # "Oliver and Grace have been staying with their nan": a pronoun after two is of either
            for later in self.doc[token.i + 1: min(len(self.doc), token.i + GENDER_VOTE_TOKENS)]:
                if later.is_sent_start and self._attributes_a_quote(later.sent):
                    break  # "Jack had missed a week. She told me, '...'": who "she" is, is what is being asked
                role_gender = self._word_gender(later.lower_) if later.i in mentioned else None
                if role_gender and _same_person(later, token):
                    votes[mention.name][role_gender] += 1
                    break  # "Noah is a quiet boy"
                if later.i in self.layout.inside or later.i in mentioned and not _same_person(later, token):
                    break  # "Leon sat with the neighbour and she asked him": a pronoun after another person may be theirs
                if later.lower_ in _GENDER_VOTES and _object_of_the_same_verb(later, token):
                    break  # "frightened of Oliver seeing her unwell": a verb's object is never its own subject
                if any(left.dep_ == "poss" and left.lower_ == later.lower_ for left in token.lefts):
                    break  # "her PE teacher noticed marks on her wrists": the same possessive, the same owner
                gender = _GENDER_VOTES.get(later.lower_)
                if gender:
                    votes[mention.name][gender] += 1
                    break
        result = {}
        for name, counts in votes.items():
            best = max(counts, key=counts.get)
            if counts[best] > sum(counts.values()) - counts[best]:
                result[name] = best
        return result

    def _attributes_a_quote(self, sentence) -> bool:
        """Whether `sentence` holds a quote's words: its he or she is then a speaker still to be found."""
        return any(t.i in self.layout.inside for t in sentence)

    def gender_of(self, mention: Mention) -> str | None:
        return mention.gender or self.genders.get(mention.name)

    def fits(self, mention: Mention, gender: str | None) -> bool:
        """Whether the person can be the referent of a pronoun of `gender` (None: any)."""
        if gender is None:
            return True
        token = mention.token
        if token.tag_ in ("NNS", "NNPS") or token.lower_ in GROUP_NOUNS:
            return False  # "staff", "the police", "parents": not "he" or "she"
        known = self.gender_of(mention)
        return known is None or known == gender

    def name_of(self, token: Token) -> str:
        """The words that name the person `token` stands for ("Mrs. Rachel Lynde", "her mother")."""
        if token.pos_ == "PROPN" and not token.text[:1].isupper():
            # "said Anne mournfully": the parser made the adverb the head of the name
            names = [c for c in token.children if c.dep_ in ("compound", "flat") and c.text[:1].isupper()]
            if names:
                token = names[-1]
        if token.pos_ == "PROPN":
            return self._proper_name(token)
        lowered = self.child_reference_at(token)
        if lowered:
            return lowered
        left = token.i
        while left > 0 and self.doc[left - 1].dep_ in ("det", "poss", "compound", "amod") \
                and self.doc[left - 1].head.i == token.i:
            left -= 1
        return self.doc[left: token.i + 1].text

    def _proper_name(self, token: Token) -> str:
        """The whole name around a proper noun: its PERSON entity's name words, else its compounds."""
        if token.ent_type_ == "PERSON":
            ent = self.person_entity.get(token.i)
            if ent is not None:
                left, right = token.i, token.i
                while left > ent.start and _name_word(self.doc[left - 1]):
                    left = _hyphenated_start(self.doc, left - 1)
                while right + 1 < ent.end and _name_word(self.doc[right + 1]):
                    right += 1
                return self._with_title(_hyphenated_start(self.doc, left), right + 1)
        left = token.i
        while left > 0 and self.doc[left - 1].dep_ in ("compound", "flat") \
                and self.doc[left - 1].head.i in range(left, token.i + 1) \
                and self.doc[left - 1].pos_ == "PROPN" and not any(ch.isdigit() for ch in self.doc[left - 1].text) \
                and not (self.doc[left - 1].ent_type_ in ("DATE", "TIME") and left - 1 > 0
                         and self.doc[left - 2].like_num):  # "on 4 March Kasim": the month is no name
            left -= 1
        return self._with_title(_hyphenated_start(self.doc, left), token.i + 1)

    def _with_title(self, start: int, end: int) -> str:
        """The name from token `start` to `end`, with a title just before it ("Mr Brooks", not "Brooks")."""
        if start > 0 and self.doc[start - 1].lower_.rstrip(".") in NAME_TITLES:
            start -= 1
        return self.doc[start:end].text


def _written_as_a_name(token: Token) -> bool:
    """A name is capitalised, or holds capitalised name words ("said Anne mournfully", parsed with
    the adverb as the head of the name)."""
    return token.text[:1].isupper() or any(c.dep_ in ("compound", "flat") and c.text[:1].isupper()
                                            for c in token.children)


def _hyphenated_start(doc, i: int) -> int:
    """Where a hyphenated name ending at token `i` begins: "Ruby-Mae", "Lily-Rose" are one first name
    (the tokenizer splits them at the hyphen, with no space on either side; the tagger may read the
    first part as a common noun, so a capitalised word is enough)."""
    while (i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_
           and not doc[i - 2].whitespace_ and doc[i - 2].text.isalpha() and doc[i - 2].text[:1].isupper()):
        i -= 2
    return i


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text.replace(".", "").isalpha() and token.text[:1].isupper()
