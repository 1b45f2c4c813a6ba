"""From a subject token to a person: a name as written, "I" as the writer, and a pronoun as the
nearest earlier person of a fitting gender."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from review.nlp.people import FIRST_PERSON, NAME_TITLES, THIRD_PERSON_GENDER
from review.nlp.quotes import Quote
from review.nlp.speakers.layout import QuoteLayout
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import SUBJECTS, Mention, People, child_aliases, is_child_name
from review.nlp.speakers.sections import voice_section_child
from review.nlp.speakers.tuning import DIALOGUE_TURN_REACH, EARLIER_MENTION_REACH

WRITER = "the writer"


def vocatives(quote: Quote) -> set[str]:
    """Names the quote addresses ("Are you in earnest, Marilla?", "Oh--Rhiannon, do you not?"): the speaker
    is someone else."""
    names = set()
    for match in re.finditer(r"(?:^|[,;!?] |--|[—–] ?)((?:[A-Z][a-z]+\.? ?){1,3})(?=[,.!?;]|$)", quote.text):
        names.add(match.group(1).strip().lower())
    return names


def addresses(quote: Quote, nested: list[Quote], name: str | None) -> bool:
    """Whether the quote's own words (not those of the `nested` quotes it reports) speak to `name` by name
    ("Was it at home, Priya?"), by the whole name or its first word past a title: nobody so addresses
    themselves in speech, so a named person the words address is not their speaker."""
    if not name:
        return False
    text = quote.text
    for inner in sorted(nested, key=lambda q: q.start, reverse=True):
        a, b = inner.start - quote.start, inner.end - quote.start
        text = text[:max(0, a - 1)] + " " * (b - a + 2) + text[b + 1:]
    called = vocatives(Quote(start=quote.start, end=quote.end, text=text))
    lowered = name.lower()
    words = [w for w in lowered.split() if w.strip(".") not in NAME_TITLES]
    return lowered in called or bool(words) and not lowered.startswith(("the ", "a ")) \
        and words[0] == lowered.split()[0] and words[0] in called


# Words that may stand before a word of address in a vocative ("oh, my poor dear child").
_VOCATIVE_MODIFIERS = {"oh", "my", "dear", "poor", "little", "silly", "you"}


def addresses_a_child(text: str, address_words: list[str]) -> bool:
    """Whether the words speak to their hearer as a child: a vocative, set off by punctuation, that ends in
    one of `address_words` ("There, get up, child", "My dear little girl, you mustn't")."""
    for chunk in re.split(r"[,;:.!?—–]|--", text.lower()):
        words = re.findall(r"[a-z]+", chunk)
        for word in address_words:
            size = len(word.split())
            if words[-size:] == word.split() and set(words[:-size]) <= _VOCATIVE_MODIFIERS:
                return True
    return False


def named_in_apposition(token: Token) -> Token:
    """The name given beside a role ("his sister Kenzie", "The neighbour, Mrs Patel"), else the token;
    a name followed by its age in brackets ("Ava (8) then said", the age parsed as the subject) is the name."""
    if token.pos_ == "NOUN" or token.pos_ == "PROPN" and token.ent_type_ != "PERSON":
        # a role written with capitals ("Her Head of Year, Mr Dunne") is a role too: the person's name is theirs
        name = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                     and (token.pos_ == "NOUN" or c.ent_type_ == "PERSON")), None)
        return name if name is not None else token
    if token.like_num and token.dep_ in SUBJECTS | {"appos"} and token.i >= 2 and token.doc[token.i - 1].text == "(" \
            and token.doc[token.i - 2].pos_ == "PROPN":
        return token.doc[token.i - 2]
    return token


class PersonResolver:
    """Finds who a subject or a pronoun stands for, among the people mentioned and the earlier speakers."""

    def __init__(self, layout: QuoteLayout, people: People):
        self.layout = layout
        self.people = people

    def child_reference_at(self, token: Token) -> str | None:
        """The child reference ("the child", "the young person") that ends at `token`, if any."""
        return self.people.child_reference_at(token)

    def resolve(self, subject: Token, quote: Quote, nested_in: Quote | None,
                other_than: str | None = None) -> tuple[str | None, int | None, int | None]:
        """(speaker, start, end) for a subject token; a first person inside a quote is its speaker's. A
        pronoun is never `other_than` (the first speaker of "Mum said '…' and she said '…'"), nor, inside a
        quote, that quote's speaker (who would say "I")."""
        lower = subject.lower_
        if not lower.isalpha():
            # a token the tokenizer glued to a quote mark: `here"--she` is "she"
            lower = (re.findall(r"[a-z]+", lower) or [lower])[-1]
        if lower in FIRST_PERSON:
            if nested_in is not None:
                return nested_in.speaker, nested_in.speaker_start, nested_in.speaker_end
            return WRITER, subject.idx, subject.idx + len(subject)
        if subject.pos_ == "PRON" or lower in THIRD_PERSON_GENDER:
            if lower not in THIRD_PERSON_GENDER:
                return None, None, None
            if nested_in is not None and other_than is None:
                other_than = nested_in.speaker  # "Josh told me, 'Dad … he goes “…”'": he is not Josh
            if nested_in is None:
                asked = self.asked_before(subject, THIRD_PERSON_GENDER[lower], quote, other_than)
                if asked is not None:
                    return asked
            mention = self.nearest_person(subject.idx, THIRD_PERSON_GENDER[lower], quote, other_than)
            if mention is None:
                only = self.only_child(THIRD_PERSON_GENDER[lower], quote)
                return (None if only is not None and only == other_than else only), None, None
            return mention.name, mention.start, mention.end
        subject = named_in_apposition(subject)
        return self.people.name_of(subject), subject.idx, subject.idx + len(subject)

    def asked_before(self, subject: Token, gender: str | None, quote: Quote,
                     other_than: str | None) -> tuple[str, int, int] | None:
        """The person a question was put to just before a he or she who answers ("I asked Leo about the bruise.
        He said, ...", "When Mrs Doyle asked her what was wrong, she said ..."): the one asked answers. Only
        where the question is in the sentence of the pronoun or the one before it, in its paragraph and not in a
        quote, and the one asked is "him" or "her" as the pronoun is, or is a child the asker cannot be (the
        asker is the writer, or known to be of the other gender)."""
        if gender is None:
            return None
        doc, inside = self.layout.doc, self.layout.inside
        sentence = subject.sent
        previous = doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        paragraph_start = self.layout.paragraph_start(quote.start)
        for token in reversed(doc[previous.start:subject.i]):
            if token.idx < paragraph_start:
                return None
            if token.i in inside:
                return None  # only the narration since the last quote
            if token.lemma_ not in ("ask", "question") or token.pos_ != "VERB":
                continue
            asker = next((c for c in token.children if c.dep_ in SUBJECTS), None)
            asked = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
            if asker is None or asked is None or asked.i in inside:
                return None
            by_writer = asker.lower_ in FIRST_PERSON
            if asked.lower_ in ("him", "her"):
                if THIRD_PERSON_GENDER[asked.lower_] != gender:
                    return None
                asker_name = None if by_writer else self.people.name_of(named_in_apposition(asker))
                mention = self.nearest_person(asked.idx, gender, quote, asker_name or other_than)
                return (mention.name, mention.start, mention.end) if mention is not None else None
            name = self.people.name_of(named_in_apposition(asked))
            if not is_child_name(name, self.people.children, self.people.lex, doc) or name == other_than:
                return None
            if not by_writer and next((self.people.gender_of(m) for m in self.people.mentions
                                       if m.token.i == asker.i), None) in (None, gender):
                return None  # "Mum asked Leo to tidy up. She said ...": Mum may be the one speaking
            return name, asked.idx, asked.idx + len(asked)
        return None

    def only_child(self, gender: str | None, quote: Quote) -> str | None:
        """The referent of a he or she that nobody earlier in the text fits, in a text about one child:
        that child ("He said '…'" cut from a longer report), unless the child's gender is known not to
        fit or the words name the child (people speak to the child by name, not of themselves), in any part
        of an utterance its attribution splits ("Leo," she said, "come here")."""
        children = self.people.children
        if gender is None or len(children) != 1:
            return None
        known = self.people.genders.get(children[0])
        words = {w.lower() for part in self.layout.utterance(quote) for w in re.findall(r"[A-Za-z]+", part.text)}
        address = self.people.lex.child_address_words
        if known not in (None, gender) or words & child_aliases(children, self.layout.doc) \
                or any(addresses_a_child(part.text, address) for part in self.layout.utterance(quote)) \
                or self._child_named_in_paragraph(quote):
            return None
        quote.extra["child_by_elimination"] = True
        return children[0]

    def _child_named_in_paragraph(self, quote: Quote) -> bool:
        """Whether the narration of the quote's paragraph, up to the end of the sentence its attribution
        ends, names the child (by name or as "the child"): a he or she that no earlier person fits then
        stands before that mention in its sentence, and English names a person there by pronoun only once
        named ("…," she said, disturbed by Anne's face: she is someone else)."""
        start, end = self.layout.paragraph_start(quote.start), self._sentence_end_after(quote)
        people = self.people
        return any(start <= m.start < end and is_child_name(m.name, people.children, people.lex, self.layout.doc)
                   for m in people.mentions)

    def _sentence_end_after(self, quote: Quote) -> int:
        """Where the sentence that carries on after the quote's closing mark ends: the first full stop,
        question or exclamation mark outside every quote, or the paragraph's end."""
        text, end = self.layout.text, self.layout.paragraph_end(quote.start)
        tops = [(q.start - 1, q.end + 1) for q in self.layout.top if q.end >= quote.end]
        for offset in range(quote.end + 1, end):
            if text[offset] in ".!?" and not any(a <= offset < b for a, b in tops):
                return offset
        return end

    def nearest_person(self, offset: int, gender: str | None, quote: Quote | None = None,
                       other_than: str | None = None) -> Mention | None:
        """The nearest person mentioned before `offset` whose gender fits, preferring the quote's
        paragraph (without a quote: the paragraph of `offset`), then the narration since the
        previous quote, then the earlier turns of a dialogue; never one the quote addresses, nor
        `other_than`."""
        quote = quote if quote is not None else Quote(start=offset, end=offset, text="")
        addressed = vocatives(quote) | ({other_than.lower()} if other_than else set())
        found = self._child_of_voice_section(offset, gender, addressed)
        if found is not None:
            return found
        found = self._in_paragraph(offset, gender, quote, addressed)
        if found is not None:
            return found
        # the narration since the previous quote: "Anne stood up." / "Oh!" she said
        mentions = self.people.mentions
        previous_end = max((q.end for q in self.layout.top if q.end <= quote.start), default=0)
        focus = [m for m in mentions if previous_end <= m.start and m.end <= offset
                 and self.people.fits(m, gender) and m.name.lower() not in addressed
                 and m.token.dep_ in SUBJECTS and (m.token.pos_ == "PROPN" or self.child_reference_at(m.token))]
        if focus:
            return focus[-1]
        found = self._earlier_turn(gender, quote, addressed)
        if found is not None:
            return found
        earlier = [m for m in mentions if m.end <= offset and self.people.fits(m, gender)
                   and offset - m.end < EARLIER_MENTION_REACH and m.name.lower() not in addressed]
        return earlier[-1] if earlier else None

    def _child_of_voice_section(self, offset: int, gender: str | None, addressed: set[str]) -> Mention | None:
        """In a section headed as a child's words ("What Tia has said", "Child's account"), a he or she
        that fits that child is the child, unless someone else is the subject before it in its sentence
        ("Mum said she …"), or someone else known to fit is the main subject of the sentence before ("Ms
        Patel was alone with Mia. She asked, …"): the section is told of the child."""
        people, doc = self.people, self.layout.doc
        if gender is None:
            return None
        child = voice_section_child(doc, offset, people.children, people.lex)
        if child is None or child not in people.children or child.lower() in addressed \
                or people.genders.get(child) not in (None, gender):
            return None
        here = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if here is None:
            return None
        sentence = here.sent
        before = doc[sentence.start - 1].sent if sentence.start > 0 else None
        aliases = child_aliases([child], doc)
        for mention in people.mentions:
            if mention.name.lower() in aliases or mention.end > offset or mention.token.dep_ not in SUBJECTS:
                continue
            if sentence.start_char <= mention.start and people.fits(mention, gender):
                return None
            if before is not None and before.start_char <= mention.start < before.end_char \
                    and mention.token.head.dep_ in ("ROOT", "conj") and people.gender_of(mention) == gender:
                return None
        named = [m for m in people.mentions if m.end <= offset and m.name.lower() in aliases]
        return named[-1] if named else Mention(child, offset, offset, gender, doc[0])

    def _in_paragraph(self, offset: int, gender: str | None, quote: Quote, addressed: set[str]) -> Mention | None:
        """A person whose gender is known to fit beats a name, a name beats a role ("her teacher"),
        and within each a subject beats the rest, the last subject of a main clause beating one of a clause
        that only sets the scene in the same sentence ("Ruby drew herself crying while mum shouted. She ...")."""
        paragraph_start = self.layout.paragraph_start(quote.start)
        candidates = [m for m in self.people.mentions if m.end <= offset and m.start >= paragraph_start
                      and self.people.fits(m, gender) and m.name.lower() not in addressed]
        known = [m for m in candidates if gender is not None and self.people.gender_of(m) == gender]
        aliases = child_aliases(self.people.children, self.layout.doc)
        names = [m for m in candidates if m.token.pos_ == "PROPN" or m.name.lower() in aliases]
        for group in (known, names, candidates):
            subjects = [m for m in group if m.token.dep_ in SUBJECTS | {"nsubjpass"}]
            if subjects:
                last = subjects[-1]
                main = [m for m in subjects if m.token.sent == last.token.sent and _in_main_clause(m.token)]
                return main[-1] if main and not _in_main_clause(last.token) else last
            if group:
                return group[-1]
        return None

    def _earlier_turn(self, gender: str | None, quote: Quote, addressed: set[str]) -> Mention | None:
        """In a dialogue a new paragraph is a new turn: prefer the speaker two turns back."""
        previous_turns = [q for q in self.layout.top if q.end <= quote.start and q.speaker and q.form == "speech"
                          and q.speaker != WRITER and quote.start - q.end < DIALOGUE_TURN_REACH]
        if not previous_turns:
            return None
        last = previous_turns[-1]
        same_paragraph = self.layout.paragraph_start(last.start) == self.layout.paragraph_start(quote.start)
        order = [last] if same_paragraph else []
        order += [q for q in reversed(previous_turns) if q.speaker != last.speaker]
        order += [] if same_paragraph else [last]
        for previous in order:
            if previous.speaker.lower() in addressed:
                continue
            mention = next((m for m in reversed(self.people.mentions) if m.name == previous.speaker), None)
            if mention is None or self.people.fits(mention, gender):
                return mention or Mention(previous.speaker, previous.speaker_start or 0,
                                          previous.speaker_end or 0, None, self.layout.doc[0])
        return None


def _in_main_clause(subject) -> bool:
    """Whether a subject's verb is the sentence's main verb or one joined to it, not a clause below it."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def person_resolver(doc: Doc, children: list[str], lexicons: Lexicons, quotes: list[Quote] = ()) -> PersonResolver:
    """A resolver over the whole of `doc`, for a check that asks who a subject or pronoun outside any
    attribution stands for; a person named inside one of `quotes` ("Mummy is poorly") is no referent."""
    layout = QuoteLayout(doc, list(quotes))
    return PersonResolver(layout, People.of(layout, children, lexicons))
