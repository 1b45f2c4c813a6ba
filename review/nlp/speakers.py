"""Who said each quote: speaker attribution from the dependency parse.

In order of trust, a quote's speaker is
1. the subject of the reporting verb that governs it in the parse (Mia said "…"; "…," said Mia;
   Kayla said she felt ‘scared’), or the possessor of a speech noun (Mia's answer was ‘no’);
   a passive labelling verb with no agent (was described as ‘aggressive’) leaves it unknown;
2. the subject of a reporting verb next to the quote in the same paragraph ("No!" Mia shouted;
   Mia shouted: "No!");
3. a person's action next to the quote ("Well, I don't know." Mum looked at the clock), or the
   subject of the narration paragraph just before a quote that opens its paragraph;
4. in a dialogue, the person the previous quote's speaker was talking to or asking
   ("I asked Mia what she wanted." "Home."), else the speaker two turns back (turns alternate),
   or the speaker of an earlier quote in the same paragraph.
A pronoun subject is resolved to the nearest earlier person of a fitting gender: in the same
paragraph first, then the subject of the narration since the previous quote, then the speaker
two turns back in a dialogue; "I" and "we" outside a quote are the writer. A quote reported second-hand (Dad said Mia had called him ‘a
bully’) belongs to the person reporting it: the child's voice is only the child's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from review.core.text import doc_text
from review.nlp.quotes import Quote

WRITER = "the writer"
_FIRST_PERSON = {"i", "me", "we", "us", "myself", "ourselves"}
_THIRD_PERSON = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": None, "them": None,
                 "their": None}
_SUBJECTS = {"nsubj", "csubj"}
_NAME_TITLES = {"mr", "mrs", "miss", "ms", "mx", "dr", "mr.", "mrs.", "ms.", "dr."}
_QUOTE_CHARS = set("\"'“”‘’«»„‚")
_COLLECTIVE = {"staff", "police", "family", "team", "school", "nursery", "services", "parents", "people"}


@dataclass
class Lexicons:
    reporting: set[str]
    labelling: set[str]
    speech_nouns: set[str]
    child_references: list[str]
    female: set[str]
    male: set[str]
    persons: set[str]
    verb_after_tokens: int

    @classmethod
    def from_rules(cls, rules) -> "Lexicons":
        lower = lambda name: [w.lower() for w in rules.lexicon(name)]  # noqa: E731
        return cls(
            reporting=set(lower("reporting_verbs")),
            labelling=set(lower("labelling_verbs")),
            speech_nouns=set(lower("speech_nouns")),
            child_references=sorted(lower("child_references"), key=len, reverse=True),
            female=set(lower("female_nouns")),
            male=set(lower("male_nouns")),
            persons=set(lower("person_nouns")),
            verb_after_tokens=int(rules.threshold("verb_after_tokens")),
        )


@dataclass
class Mention:
    """A person referred to outside the quotes: a name, a role ("Mum") or the child."""

    name: str
    start: int
    end: int
    gender: str | None
    token: Token


def child_aliases(children: list[str]) -> set[str]:
    """The lower-case forms that name one of the children: full name, first name, "Child Q"."""
    aliases = set()
    for child in children:
        name = child.strip().lower()
        if not name:
            continue
        aliases.add(name)
        parts = [p for p in re.split(r"\s+", name) if p.strip(".") not in _NAME_TITLES]
        if parts and not name.startswith(("child ", "the ")):
            aliases.add(parts[0])
    return aliases


def is_child_name(name: str | None, children: list[str], lexicons: Lexicons) -> bool:
    """True when `name` (a speaker) is one of the children, or a reference to "the child"."""
    if not name:
        return False
    lowered = re.sub(r"\s+", " ", name.lower()).strip()
    if lowered in child_aliases(children):
        return True
    words = [w for w in lowered.split() if w.strip(".") not in _NAME_TITLES]
    if words and (" ".join(words) in child_aliases(children) or
                  (words[0] in child_aliases(children) and words[0] == lowered.split()[0])):
        return True  # "Anne Shirley" for --child Anne (a title first, as in "Mrs Carter", is not the child)
    return lowered in lexicons.child_references


class _Attributor:
    def __init__(self, doc: Doc, quotes: list[Quote], children: list[str], lexicons: Lexicons):
        self.doc = doc
        self.text = doc_text(doc)
        self.quotes = quotes
        self.children = children
        self.lex = lexicons
        self.top = [q for q in quotes if q.depth == 0]
        # token index -> index in self.top of the top-level quote holding it (marks included)
        self.inside: dict[int, int] = {}
        for n, quote in enumerate(self.top):
            span = doc.char_span(max(0, quote.start - 1), min(len(self.text), quote.end + 1),
                                 alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.inside[token.i] = n
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n", self.text)]
        self.person_entity = {token.i: ent for ent in doc.ents if ent.label_ == "PERSON" for token in ent}
        self.mentions = self._mentions()
        self.genders = self._name_genders()

    # ---- people outside the quotes -------------------------------------------------------
    def _mentions(self) -> list[Mention]:
        mentions: list[Mention] = []
        child_aliases_lower = child_aliases(self.children)
        for token in self.doc:
            if token.i in self.inside or token.is_space:
                continue
            lower = token.lower_
            if not token.text.replace(".", "").replace("-", "").isalpha():
                continue
            if token.pos_ == "PROPN" and token.dep_ not in ("compound", "flat") or \
                    (lower in child_aliases_lower and token.dep_ not in ("compound", "flat")):
                if token.ent_type_ and token.ent_type_ != "PERSON" and lower not in child_aliases_lower:
                    continue
                name = self.name_of(token)
                mentions.append(Mention(name, token.idx, token.idx + len(token), self._title_gender(token), token))
            elif token.pos_ == "NOUN" and (lower in self.lex.persons or lower in self.lex.female
                                           or lower in self.lex.male) and token.dep_ != "compound":
                name = self.name_of(token)
                gender = "f" if lower in self.lex.female else "m" if lower in self.lex.male else None
                mentions.append(Mention(name, token.idx, token.idx + len(token), gender, token))
        return mentions

    def _title_gender(self, token: Token) -> str | None:
        for left in token.lefts:
            word = left.lower_.strip(".")
            if word in self.lex.female:
                return "f"
            if word in self.lex.male:
                return "m"
        previous = self.doc[token.i - 1] if token.i > 0 else None
        if previous is not None:
            word = previous.lower_.strip(".")
            if word in ("mrs", "miss", "ms", "mum", "aunt", "auntie", "nan", "gran"):
                return "f"
            if word in ("mr", "dad", "uncle", "grandad"):
                return "m"
        return None

    def _name_genders(self) -> dict[str, str]:
        """A gender for each name, from the pronouns that follow it as subjects in the text."""
        votes: dict[str, dict[str, int]] = {}
        for mention in self.mentions:
            if mention.gender:
                votes.setdefault(mention.name, {}).setdefault(mention.gender, 0)
                votes[mention.name][mention.gender] += 3
            token = mention.token
            if token.dep_ not in _SUBJECTS:
                continue
            for later in self.doc[token.i + 1: min(len(self.doc), token.i + 12)]:
                if later.i in self.inside:
                    break
                gender = _THIRD_PERSON.get(later.lower_)
                if gender and later.lower_ in ("she", "he", "her", "his", "him", "herself", "himself"):
                    votes.setdefault(mention.name, {}).setdefault(gender, 0)
                    votes[mention.name][gender] += 1
                    break
                if later.lower_ in ("his", "himself"):
                    votes.setdefault(mention.name, {}).setdefault("m", 0)
                    votes[mention.name]["m"] += 1
                    break
                if later.is_sent_start:
                    break
        result = {}
        for name, counts in votes.items():
            best = max(counts, key=counts.get)
            if counts[best] > sum(counts.values()) - counts[best]:
                result[name] = best
        return result

    def gender_of(self, mention: Mention) -> str | None:
        return mention.gender or self.genders.get(mention.name)

    def name_of(self, token: Token) -> str:
        """The words that name the person `token` stands for ("Mrs. Rachel Lynde", "her mother")."""
        if token.pos_ == "PROPN" and not token.text[:1].isupper():
            # "said Anne mournfully": the parser made the adverb the head of the name
            names = [c for c in token.children if c.dep_ in ("compound", "flat") and c.text[:1].isupper()]
            if names:
                token = names[-1]
        if token.pos_ == "PROPN":
            if token.ent_type_ == "PERSON":
                ent = self.person_entity.get(token.i)
                if ent is not None:
                    left, right = token.i, token.i
                    while left > ent.start and self._name_word(self.doc[left - 1]):
                        left -= 1
                    while right + 1 < ent.end and self._name_word(self.doc[right + 1]):
                        right += 1
                    return self._with_title(left, right + 1)
            left = token.i
            while left > 0 and self.doc[left - 1].dep_ in ("compound", "flat") \
                    and self.doc[left - 1].head.i in range(left, token.i + 1) \
                    and self.doc[left - 1].pos_ == "PROPN":
                left -= 1
            return self._with_title(left, token.i + 1)
        lowered = self._child_reference_at(token)
        if lowered:
            return lowered
        left = token.i
        while left > 0 and self.doc[left - 1].dep_ in ("det", "poss", "compound", "amod") \
                and self.doc[left - 1].head.i == token.i:
            left -= 1
        return self.doc[left: token.i + 1].text

    def _with_title(self, start: int, end: int) -> str:
        """The name from token `start` to `end`, with a title just before it ("Mr Brooks", not "Brooks")."""
        if start > 0 and self.doc[start - 1].lower_.rstrip(".") in _NAME_TITLES:
            start -= 1
        return self.doc[start:end].text

    @staticmethod
    def _name_word(token: Token) -> bool:
        return token.pos_ == "PROPN" and token.text.replace(".", "").isalpha() and token.text[:1].isupper()

    def _child_reference_at(self, token: Token) -> str | None:
        start = max(0, token.idx - 25)
        window = self.text[start: token.idx + len(token)].lower()
        for reference in self.lex.child_references:
            if window.endswith(reference) and (len(window) == len(reference)
                                               or not window[-len(reference) - 1].isalnum()):
                return reference
        return None

    # ---- parse helpers ---------------------------------------------------------------------
    def is_speech_verb(self, token: Token) -> bool:
        return token.lemma_.lower() in self.lex.reporting or token.lemma_.lower() in self.lex.labelling

    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject, passive): the subject of `verb`, the agent of a passive, or None."""
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj, True
            return None, True
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child, False
        head = verb
        while head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
            relation = head.dep_
            head = head.head
            for child in head.children:
                if child.dep_ in _SUBJECTS:
                    return child, False
                if child.dep_ == "nsubjpass":
                    if relation == "xcomp" and head.lemma_ in ("hear", "overhear", "see", "record", "note"):
                        return child, False  # "Mia was heard to say …": Mia said it
                    if relation == "conj":
                        return child, False  # "he was interviewed and answered …": he answered
                    return None, True
        # "…," said Mia: the parser sometimes attaches the name after the verb as an object
        nxt = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        if nxt is not None and (nxt.pos_ in ("PROPN", "PRON") or nxt.lower_ in ("the", "her", "his")):
            for token in self.doc[verb.i + 1: min(len(self.doc), verb.i + 5)]:
                if token.pos_ in ("PROPN", "NOUN", "PRON"):
                    if token.i in self.inside:
                        break
                    return token, False
        return None, False

    def quote_tokens(self, quote: Quote) -> Span | None:
        return self.doc.char_span(quote.start, quote.end, alignment_mode="expand")

    def governing_verbs(self, quote: Quote, n: int | None) -> list[Token]:
        """Speech verbs (or verbs with a speech-noun subject) above the quote in the parse, inner first."""
        span = self.quote_tokens(quote)
        if span is None:
            return []
        chain: list[Token] = []
        paragraph = self._paragraph_start(quote.start)
        for token in span:
            if token.head.i >= span.start and token.head.i < span.end and token.head.i != token.i:
                continue
            head = token.head
            steps = 0
            while head is not None and steps < 8:
                outside = self.inside.get(head.i) != n if n is not None else not (span.start <= head.i < span.end)
                if self._paragraph_start(head.idx) != paragraph:
                    break  # the parser joined two paragraphs: a verb there does not govern this quote
                if outside and head not in chain and (self.is_speech_verb(head) or self._speech_noun_subject(head)):
                    chain.append(head)
                if head.head.i == head.i:
                    break
                if head.dep_ == "conj":  # a coordinated verb ("Mum told me '…' and Mia said '…'") does
                    head = head.head     # not report this one: climb past it to what governs both
                    if head.head.i == head.i:
                        break
                head = head.head
                steps += 1
            if chain:
                break
        return chain

    def _speech_noun_subject(self, verb: Token) -> Token | None:
        """The owner of the words: "Mia's answer was 'no'", "his own words about 'dropping stuff off'"."""
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in self.lex.speech_nouns:
            return next((c for c in verb.children if c.dep_ == "poss"), None)
        if verb.lemma_ != "be":
            return None
        for child in verb.children:
            if child.dep_ in _SUBJECTS and child.lemma_.lower() in self.lex.speech_nouns:
                for owner in child.children:
                    if owner.dep_ == "poss":
                        return owner
        return None

    def adjacent_verb(self, quote: Quote, n: int) -> Token | None:
        """A speech verb just after the closing mark ("…," she said) or just before the opening one."""
        span = self.quote_tokens(quote)
        if span is None:
            return None
        paragraph_end = self.text.find("\n\n", quote.end)
        paragraph_end = len(self.text) if paragraph_end < 0 else paragraph_end
        # after: up to the next quote or the end of the sentence
        count = 0
        for token in self.doc[span.end:]:
            if token.idx >= paragraph_end:
                break
            if token.i in self.inside and self.inside[token.i] != n:
                break
            if token.i in self.inside or token.is_space or token.text in _QUOTE_CHARS:
                continue
            if token.text in (".", "!", "?", ";") and count > 0:
                break
            count += 1
            if count > self.lex.verb_after_tokens:
                break
            if token.pos_ in ("VERB", "AUX") and self.is_speech_verb(token):
                return token
        # before: the clause that introduces the quote (Mia said: "…"; Mia shouted, "…")
        before = [t for t in self.doc[max(0, span.start - 8): span.start]
                  if not t.is_space and t.text not in _QUOTE_CHARS and t.i not in self.inside]
        while before and before[-1].text in (",", ":", "—", "-", "–"):
            before.pop()
        if before and before[-1].idx >= self._paragraph_start(quote.start):
            for token in reversed(before[-4:]):
                if token.text in (".", "!", "?", ";"):
                    break
                if token.pos_ in ("VERB", "AUX") and self.is_speech_verb(token):
                    return token
        return None

    def _paragraph_start(self, offset: int) -> int:
        return self.paragraph_starts[max(0, bisect_right(self.paragraph_starts, offset) - 1)]

    # ---- resolving a subject to a person ----------------------------------------------------
    def resolve(self, subject: Token, quote: Quote, nested_in: Quote | None) -> tuple[str | None, int | None, int | None]:
        """(speaker, start, end) for a subject token."""
        lower = subject.lower_
        if not lower.isalpha():
            # a token the tokenizer glued to a quote mark: `here"--she` is "she"
            lower = (re.findall(r"[a-z]+", lower) or [lower])[-1]
        if lower in _FIRST_PERSON:
            if nested_in is not None:
                return nested_in.speaker, nested_in.speaker_start, nested_in.speaker_end
            return WRITER, subject.idx, subject.idx + len(subject)
        if subject.pos_ == "PRON" or lower in _THIRD_PERSON:
            if lower not in _THIRD_PERSON:
                return None, None, None
            mention = self.nearest_person(subject.idx, _THIRD_PERSON[lower], quote)
            if mention is None:
                return None, None, None
            return mention.name, mention.start, mention.end
        return self.name_of(subject), subject.idx, subject.idx + len(subject)

    def nearest_person(self, offset: int, gender: str | None, quote: Quote) -> Mention | None:
        """The nearest person mentioned before `offset` whose gender fits, preferring the paragraph."""
        paragraph_start = self._paragraph_start(quote.start)
        vocatives = self.vocatives(quote)
        candidates = [m for m in self.mentions if m.end <= offset and m.start >= paragraph_start
                      and self._fits(m, gender) and m.name.lower() not in vocatives]
        # a person whose gender is known to fit beats a name, a name beats a role ("her teacher"),
        # and within each a subject beats the rest
        known = [m for m in candidates if gender is not None and self.gender_of(m) == gender]
        names = [m for m in candidates if m.token.pos_ == "PROPN" or m.name.lower() in child_aliases(self.children)]
        for group in (known, names, candidates):
            subjects = [m for m in group if m.token.dep_ in _SUBJECTS | {"nsubjpass"}]
            if subjects:
                return subjects[-1]
            if group:
                return group[-1]
        # the narration since the previous quote: "Anne stood up." / "Oh!" she said
        previous_end = max((q.end for q in self.top if q.end <= quote.start), default=0)
        focus = [m for m in self.mentions if previous_end <= m.start and m.end <= offset
                 and self._fits(m, gender) and m.name.lower() not in vocatives
                 and m.token.dep_ in _SUBJECTS and (m.token.pos_ == "PROPN" or self._child_reference_at(m.token))]
        if focus:
            return focus[-1]
        # a dialogue: a new paragraph is a new turn, so prefer the speaker two turns back
        previous_turns = [q for q in self.top if q.end <= quote.start and q.speaker and q.kind == "speech"
                          and q.speaker != WRITER and quote.start - q.end < 3000]
        if previous_turns:
            last = previous_turns[-1]
            same_paragraph = self._paragraph_start(last.start) == paragraph_start
            order = [last] if same_paragraph else []
            order += [q for q in reversed(previous_turns) if q.speaker != last.speaker]
            order += [] if same_paragraph else [last]
            for previous in order:
                if previous.speaker.lower() in vocatives:
                    continue
                mention = next((m for m in reversed(self.mentions) if m.name == previous.speaker), None)
                if mention is None or self._fits(mention, gender):
                    return mention or Mention(previous.speaker, previous.speaker_start or 0,
                                              previous.speaker_end or 0, None, self.doc[0])
        earlier = [m for m in self.mentions if m.end <= offset and self._fits(m, gender)
                   and offset - m.end < 2000]
        return earlier[-1] if earlier else None

    def _fits(self, mention: Mention, gender: str | None) -> bool:
        if gender is None:
            return True
        token = mention.token
        if token.tag_ in ("NNS", "NNPS") or token.lower_ in _COLLECTIVE:
            return False  # "staff", "the police", "parents": not "he" or "she"
        known = self.gender_of(mention)
        return known is None or known == gender

    def vocatives(self, quote: Quote) -> set[str]:
        """Names the quote addresses ("Are you in earnest, Marilla?"): the speaker is someone else."""
        names = set()
        for match in re.finditer(r"(?:^|[,;!?] )((?:[A-Z][a-z]+\.? ?){1,3})(?=[,.!?;]|$)", quote.text):
            names.add(match.group(1).strip().lower())
        return names

    # ---- the whole pass -------------------------------------------------------------------------
    def attribute(self) -> None:
        """Attribute every quote: top-level quotes in order (dialogue needs the earlier turns), then nested ones."""
        previous_turns: list[Quote] = []
        for n, quote in enumerate(self.top):
            quote.kind = self.kind_of(quote)
            self.attribute_one(quote, n, None)
            if quote.speaker is None and quote.how is None:
                self.attribute_by_dialogue(quote, previous_turns)
            if quote.kind == "speech":
                previous_turns.append(quote)
        for quote in self.quotes:
            if quote.depth > 0:
                outer = next((q for q in self.top if q.start <= quote.start and quote.end <= q.end), None)
                quote.kind = "phrase"
                self.attribute_one(quote, None, outer)
        for quote in self.quotes:
            quote.speaker_is_child = is_child_name(quote.speaker, self.children, self.lex)

    def kind_of(self, quote: Quote) -> str:
        """"speech" for an utterance standing on its own, "phrase" for words quoted inside a sentence."""
        opening = quote.start - 1
        before = self.text[self._paragraph_start(quote.start): max(0, opening)].rstrip()
        if not before or before[-1] in ".!?:,;—–-([\n" or before[-1] in _QUOTE_CHARS:
            return "speech"
        span = self.quote_tokens(quote)
        if span is not None:
            # the quote is the complement of a reporting verb: Mia said "…"; Mum told me "…"
            for token in span:
                head = token.head
                if not (span.start <= head.i < span.end) and head.lemma_.lower() in self.lex.reporting \
                        and head.lemma_.lower() not in self.lex.labelling and head.i < span.start:
                    return "speech"
        if re.search(r"[.!?]\s+\S", quote.text):
            return "speech"  # more than one sentence
        return "phrase"

    def attribute_one(self, quote: Quote, n: int | None, outer: Quote | None) -> None:
        """The speaker from the parse: the reporting verb (or speech noun) above or beside the quote.

        `n` is the index of a top-level quote (None for a nested one, whose verbs must lie inside
        `outer`, the quote that holds it)."""
        chain = self.governing_verbs(quote, n)
        if not chain and n is not None:
            verb = self.adjacent_verb(quote, n)
            chain = [verb] if verb is not None else []
        if outer is not None and chain:
            chain = [v for v in chain if outer.start <= v.idx < outer.end]
        if not chain:
            if outer is None and n is not None and not self._according_to(quote) and quote.kind == "speech":
                self._beat(quote, n)
            return
        speakers = []
        for verb in chain:
            owner = self._speech_noun_subject(verb)
            subject = owner if owner is not None else self.subject_of(verb)[0]
            speakers.append((verb, subject))
        verb, subject = speakers[0]
        quote.verb = verb.text
        quote.how = "verb"
        if subject is None:
            return
        speaker, start, end = self.resolve(subject, quote, outer)
        # second-hand: someone other than the writer reports the words ("Dad said Mia called him …")
        for outer_verb, outer_subject in speakers[1:]:
            if outer_subject is None:
                continue
            reporter, r_start, r_end = self.resolve(outer_subject, quote, outer)
            if reporter and reporter != WRITER and reporter != speaker:
                quote.extra["reported_speaker"] = speaker
                speaker, start, end = reporter, r_start, r_end
                quote.verb = outer_verb.text
                quote.how = "reported"
            break
        quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end

    def _according_to(self, quote: Quote) -> bool:
        """"According to Mia, …" and "In Mia's words, …" name the speaker of the sentence's quotes."""
        span = self.quote_tokens(quote)
        if span is None:
            return False
        for token in span.sent if span.sent.start <= span.start else []:
            if token.i in self.inside:
                continue
            person = None
            if token.lower_ == "according" and token.i + 2 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                person = next((c for c in self.doc[token.i + 1].children if c.dep_ == "pobj"), None)
            elif token.lemma_.lower() in ("word", "view", "opinion") and token.head.lower_ == "in":
                person = next((c for c in token.children if c.dep_ == "poss"), None)
            if person is not None and person.i not in self.inside:
                speaker, start, end = self.resolve(person, quote, None)
                if speaker:
                    quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end
                    quote.how = "according"
                    return True
        return False

    def _beat_before(self, quote: Quote) -> bool:
        """The subject of the narration just before a quote that opens its paragraph: the paragraph
        before it, from the first sentence after that paragraph's last quote ("…" said Marilla,
        eyeing her. Anne sighed. / "I can't.")."""
        paragraph = self._paragraph_start(quote.start)
        if self.text[paragraph:quote.start - 1].strip():
            return False
        previous_paragraph = max((p for p in self.paragraph_starts if p < paragraph), default=None)
        if previous_paragraph is None:
            return False
        narration_start = previous_paragraph
        last_quote = next((q for q in reversed(self.top) if previous_paragraph <= q.start < paragraph), None)
        if last_quote is not None:
            span = self.quote_tokens(last_quote)
            sentence_end = self.doc[span.end - 1].sent.end if span is not None and len(span) else None
            if sentence_end is None or sentence_end >= len(self.doc):
                return False
            narration_start = max(self.doc[sentence_end].idx, last_quote.end + 1)
        subjects = [m for m in self.mentions if narration_start <= m.start < paragraph
                    and m.token.dep_ in _SUBJECTS and m.token.head.pos_ in ("VERB", "AUX")]
        if not subjects:
            return False
        mention = subjects[-1]
        quote.speaker, quote.speaker_start, quote.speaker_end = mention.name, mention.start, mention.end
        quote.how = "narration"
        return True

    def _beat(self, quote: Quote, n: int) -> None:
        """A person's action next to an unattributed quote: "Well, I don't know." Anne looked thoughtful."""
        span = self.quote_tokens(quote)
        if span is None:
            return
        paragraph = self._paragraph_start(quote.start)
        after = []
        for token in self.doc[span.end:span.end + 12]:
            if self._paragraph_start(token.idx) != paragraph or (token.i in self.inside and self.inside[token.i] != n):
                break
            if token.i not in self.inside:
                after.append(token)
        for token in after:
            if token.text in (".", "!", "?", ";") and token is not after[0]:
                break
            if token.dep_ in _SUBJECTS and token.head.pos_ in ("VERB", "AUX") and token.head.i not in self.inside:
                if token.pos_ == "PROPN" or self._child_reference_at(token) or token.lower_ in self.lex.persons \
                        or token.lower_ in self.lex.female or token.lower_ in self.lex.male:
                    speaker, start, end = self.resolve(token, quote, None)
                    if speaker and speaker != WRITER:
                        quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end
                        quote.verb, quote.how = token.head.text, "action"
                return

    def attribute_by_dialogue(self, quote: Quote, turns: list[Quote]) -> None:
        """An unattributed utterance: same speaker as earlier in its paragraph, the person just asked,
        the subject of the narration before it, the person addressed by the previous turn, or the
        speaker two turns back."""
        if quote.kind != "speech":
            return
        paragraph = self._paragraph_start(quote.start)
        same_paragraph = [q for q in turns if self._paragraph_start(q.start) == paragraph and q.speaker]
        if same_paragraph:
            self._copy(quote, same_paragraph[-1], "continued")
            return
        if not turns:
            self._asked(quote) or self._beat_before(quote)
            return
        previous = turns[-1]
        gap = self.text[previous.end: quote.start]
        between_paragraphs = gap.count("\n\n")
        if between_paragraphs > 1 or re.search(r"\w", re.sub(r"[\"'“”‘’]", "", gap)) and \
                not self._only_attribution(gap):
            self._asked(quote) or self._beat_before(quote)
            return
        if self._asked(quote):
            return
        vocative = self._addressee(previous)
        if vocative:
            mention = next((m for m in self.mentions if m.name.lower() == vocative), None)
            quote.speaker = mention.name if mention else vocative.title()
            quote.speaker_start = mention.start if mention else None
            quote.speaker_end = mention.end if mention else None
            quote.how = "addressed"
            return
        # the other person in a two-person exchange: the latest earlier speaker who is not the last one
        if previous.speaker:
            for earlier in reversed(turns[-6:-1]):
                if earlier.speaker and earlier.speaker != previous.speaker:
                    self._copy(quote, earlier, "alternation")
                    return

    def _only_attribution(self, gap: str) -> bool:
        """True when the text between two quotes is just an attribution ("she said. ")."""
        words = re.findall(r"[A-Za-z]+", gap)
        return len(words) <= self.lex.verb_after_tokens

    def _addressee(self, quote: Quote) -> str | None:
        names = self.vocatives(quote)
        known = {m.name.lower() for m in self.mentions} | child_aliases(self.children)
        for name in names:
            if name in known and name != (quote.speaker or "").lower():
                return name
        return None

    def _asked(self, quote: Quote) -> bool:
        """The answer to a question put just before: "I asked Mia what she wanted." "Home." """
        sentence_start = max(0, quote.start - 1)
        span = self.doc.char_span(max(0, self._paragraph_start(quote.start) - 300), sentence_start,
                                  alignment_mode="contract")
        if span is None:
            return False
        for token in reversed(span):
            if token.i in self.inside:
                return False  # only the narration since the last quote
            if token.lemma_ in ("ask", "question", "interview") and token.pos_ == "VERB":
                if not any(c.dep_ in _SUBJECTS for c in token.children):
                    return False  # "…?" asked Mum: Mum asked, she was not asked
                for child in token.children:
                    if child.dep_ in ("dobj", "dative", "nsubjpass") and child.i not in self.inside:
                        person = child
                        speaker, start, end = self.resolve(person, quote, None)
                        if speaker and speaker != WRITER:
                            quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end
                            quote.how = "asked"
                            return True
                return False
        return False

    @staticmethod
    def _copy(quote: Quote, source: Quote, how: str) -> None:
        quote.speaker, quote.speaker_start, quote.speaker_end = source.speaker, source.speaker_start, source.speaker_end
        quote.how = how


def attribute_speakers(doc: Doc, quotes: list[Quote], *, children: list[str], rules) -> list[Quote]:
    """Fill in `speaker`, `speaker_is_child`, `kind` and the speaker's offsets of each quote in place."""
    if not quotes:
        return quotes
    _Attributor(doc, quotes, children, Lexicons.from_rules(rules)).attribute()
    return quotes
