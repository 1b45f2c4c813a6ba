"""The attribution pass: every quote of a Doc, top-level ones in order (dialogue needs the earlier
turns), then the nested ones."""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Doc, Token

from review.core.rules import load_rules
from review.core.text import per_doc
from review.nlp.quotes import Quote, doc_quote_marks
from review.nlp.speakers.dialogue import Dialogue, copy_speaker
from review.nlp.speakers.kinds import is_a_label, kind_of
from review.nlp.speakers.layout import QuoteLayout
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import People, child_aliases, is_child_name
from review.nlp.speakers.narration import Narration
from review.nlp.speakers.resolve import WRITER, PersonResolver, addresses, addresses_a_child
from review.nlp.speakers.sections import voice_section_child
from review.nlp.speakers.verbs import ReportingVerbs


# Verbs of recording or hearing whose subject passes on the words of the clause below them.
_RELAYING = ("record", "state", "report", "hear", "note", "log", "write", "say", "tell", "claim", "recall",
             "mention", "explain", "describe", "confirm")


# How a quote's own clause names its speaker (a list's other items take theirs).
_OWN_ATTRIBUTION = ("verb", "reported", "according", "script", "section")


class Attribution:
    """One Doc's attribution: the parts that find a speaker, tried in order of trust."""

    def __init__(self, doc: Doc, quotes: list[Quote], children: list[str], lexicons: Lexicons):
        self.layout = QuoteLayout(doc, quotes)
        self.doc = doc
        self.children = children
        self.lex = lexicons
        self.people = People.of(self.layout, children, lexicons)
        self.resolver = PersonResolver(self.layout, self.people)
        self.verbs = ReportingVerbs(self.layout, lexicons)
        self.narration = Narration(self.layout, self.people, self.resolver)
        self.dialogue = Dialogue(self.layout, self.people, self.resolver, self.narration, lexicons)

    def attribute(self) -> None:
        """Attribute every quote: top-level quotes in order (dialogue needs the earlier turns), then nested ones."""
        top = self.layout.top
        previous_turns: list[Quote] = []
        for n, quote in enumerate(top):
            listed = self.layout.listed_with_previous(quote)
            quote.form = top[n - 1].form if listed else self.verbs.form_of(quote)
            if not self.dialogue.scripted(quote):
                self.attribute_one(quote, n, None)
                self._not_the_one_addressed(quote)
            if listed:
                continue  # an item of a list of quotes: the list's speaker (`_lists_share_a_speaker`)
            if quote.speaker is None and quote.how is None:
                self.dialogue.attribute(quote, previous_turns)
                self._not_the_one_addressed(quote)
            if quote.speaker is None and quote.form == "speech" and not is_a_label(quote):
                self._in_a_voice_section(quote)
            if quote.form == "speech":
                previous_turns.append(quote)
        self._lists_share_a_speaker(top)
        for quote in self.layout.quotes:
            if quote.depth > 0:
                outer = next((q for q in top if q.start <= quote.start and quote.end <= q.end), None)
                quote.form = "phrase"
                self.attribute_one(quote, None, outer)
        self._unless_the_turn_names_the_child(top)
        for quote in self.layout.quotes:
            quote.speaker_is_child = is_child_name(quote.speaker, self.children, self.lex, self.doc)
        for quote in self.layout.quotes:
            quote.kind = kind_of(self.doc, quote, self.lex, self._quoted_by_another(quote, top))

    def _lists_share_a_speaker(self, top: list[Quote]) -> None:
        """The items of a list of quotes in one sentence ("she wrote “A” and “B”", "Good things: “A”, “B”,
        “C”", "“A”, “B” and “C,” Leo said") are one speaker's words, or none's: an item the parse gives no
        reporting verb of its own takes the speaker of the first item that has one, else of the first item.
        Never a person named inside another item's words."""
        groups: list[list[Quote]] = []
        for quote in top:
            if groups and self.layout.listed_with_previous(quote):
                groups[-1].append(quote)
            else:
                groups.append([quote])
        for group in (g for g in groups if len(g) > 1):
            own = [q for q in group if q.how in _OWN_ATTRIBUTION and q.speaker is not None]
            source = own[0] if own else group[0]
            for quote in group:
                if quote is source or quote in own:
                    continue
                copy_speaker(quote, source, "listed" if source.speaker is not None else None)
                quote.verb, quote.relayed_by = source.verb, source.relayed_by

    def _unless_the_turn_names_the_child(self, top: list[Quote]) -> None:
        """A he or she taken for the only child because nobody else fits is not the child when a later quote
        of the same turn (carrying on in the paragraph) names the child ("…," he said. "Anne, go and
        stand …"): people speak to or of the child by name, not of themselves."""
        aliases = child_aliases(self.children, self.doc)
        for n, quote in enumerate(top):
            if not quote.extra.get("child_by_elimination") or quote.speaker_start is not None:
                continue
            turn = [quote] + list(takewhile(lambda q: q.how == "continued" and q.speaker == quote.speaker, top[n + 1:]))
            words = {w.lower() for q in turn for w in re.findall(r"[A-Za-z]+", q.text)}
            if words & aliases or any(addresses_a_child(q.text, self.lex.child_address_words) for q in turn):
                for part in turn:
                    part.speaker, part.speaker_start, part.speaker_end = None, None, None
                    part.how = None if part.how == "continued" else part.how

    def _not_the_one_addressed(self, quote: Quote) -> None:
        """A named speaker whom the words themselves address ("Where, Leo?" credited to Leo by a verb of the
        next sentence, "Before Leo could answer", or by the previous turn's address) is not the speaker:
        the speaker is unknown and the dialogue's turns may still find them."""
        if quote.speaker in (None, WRITER) or quote.how == "continued" or not addresses(quote, self._nested_in(quote),
                                                                                         quote.speaker):
            return  # a turn carried on from an elimination is `_unless_the_turn_names_the_child`'s
        quote.speaker, quote.speaker_start, quote.speaker_end, quote.verb = None, None, None, None
        quote.relayed_by, quote.how = None, None
        quote.extra.pop("child_by_elimination", None)

    def _nested_in(self, quote: Quote) -> list[Quote]:
        """The quotes nested in `quote` (a voice it reports: "the sea kept calling me, ‘Ffion, come and swim’")."""
        return [q for q in self.layout.quotes
                if q.depth > quote.depth and quote.start <= q.start and q.end <= quote.end]

    def _in_a_voice_section(self, quote: Quote) -> None:
        """Words set out with no speaker in a section headed as the child's ("What Alfie has said", then
        '- 25/11/2024: "I like Mummy's Saturdays"') are the child's."""
        child = voice_section_child(self.doc, quote.start, self.children, self.lex)
        if child is not None:
            quote.speaker, quote.how = child, "section"

    def _quoted_by_another(self, quote: Quote, top: list[Quote]) -> bool:
        """Whether the words are quoted inside someone else's quote ("Mum told me: 'Leo goes,
        ‘Mummy, …’'"; a log's "Rosie said to staff '…'"), which then relays them; words
        quoted inside the writer's own are not relayed."""
        if quote.depth == 0:
            return False
        outer = next((q for q in top if q.start <= quote.start and quote.end <= q.end), None)
        if outer is None or outer.speaker in (WRITER, quote.speaker):
            return False
        if outer.speaker and not quote.relayed_by:
            quote.relayed_by = outer.speaker
        return True

    def attribute_one(self, quote: Quote, n: int | None, outer: Quote | None) -> None:
        """The speaker from the parse: the reporting verb (or speech noun) above or beside the quote.

        `n` is the index of a top-level quote (None for a nested one, whose verbs must lie inside
        `outer`, the quote that holds it)."""
        chain = self.verbs.governing_verbs(quote, n)
        if chain and n is not None and outer is None:
            nearer = self.verbs.inner_verb_before(quote, chain[0])
            chain = [nearer] + chain if nearer is not None else chain
        if not chain and n is not None:
            verb = self.verbs.adjacent_verb(quote, n)
            chain = [verb] if verb is not None else []
        if outer is not None and chain:
            chain = [v for v in chain if outer.start <= v.idx < outer.end]
        if not chain:
            if outer is None and n is not None and not self._according_to(quote) and quote.form == "speech":
                self.narration.action_after(quote, n)
            return
        speakers = []
        for verb in chain:
            owner = self.verbs.speech_noun_subject(verb)
            subject = owner if owner is not None else self.verbs.subject_of(verb)[0]
            speakers.append((verb, subject))
        verb, subject = speakers[0]
        quote.verb = verb.text
        quote.how = "verb"
        if subject is None:
            return
        speaker, start, end = self.resolver.resolve(self.verbs.record_owner(subject), quote, outer,
                                                    self._first_speaker(verb) or self._addressee(verb, subject))
        reporters = [(v, s) for v, s in speakers[1:] if not self._has_own_quote(v, verb, quote)]
        self._second_hand(quote, outer, reporters, speaker, start, end)
        if quote.relayed_by is None and outer is None:
            self._relayed_in_a_record(quote, verb)

    def _has_own_quote(self, above: Token, verb: Token, quote: Quote) -> bool:
        """Whether a verb the parse puts above `verb` reports a quote of its own between them ("Evie said
        “a puppy” and Max said “…”": Evie said the first words, she does not pass on Max's)."""
        return any(other is not quote and above.idx < other.start < verb.idx for other in self.layout.top)

    def _second_hand(self, quote: Quote, outer: Quote | None, reporters: list[tuple[Token, Token | None]],
                     speaker: str | None, start: int | None, end: int | None) -> None:
        """Set the speaker, and `relayed_by` when someone other than the writer passes the words on
        ("Dad said Mia called him …": Mia's words, relayed by Dad)."""
        for outer_verb, outer_subject in reporters:
            if outer_subject is None:
                continue
            reporter, _, _ = self.resolver.resolve(outer_subject, quote, outer)
            if reporter and reporter != WRITER and reporter != speaker:
                quote.relayed_by = reporter
                quote.how = "reported"
            break
        quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end

    def _first_speaker(self, verb: Token) -> str | None:
        """"Her mum said '…' and she said '…'": the named subject of the reporting verb this one is
        coordinated with, whom its pronoun cannot stand for."""
        if verb.dep_ != "conj" or not self.verbs.is_speech_verb(verb.head):
            return None
        first = self.verbs.subject_of(verb.head)[0]
        if first is None or first.pos_ == "PRON":
            return None
        return self.people.name_of(first)

    def _addressee(self, verb: Token, subject: Token) -> str | None:
        """"He told Leo '…'", "'…,' she said to Leo": the named person the reporting verb speaks to, whom
        its pronoun subject cannot stand for."""
        addressee = self.verbs.addressee_of(verb)
        if addressee is None or addressee == subject:
            return None
        return self.people.name_of(addressee)

    def _relayed_in_a_record(self, quote: Quote, verb: Token) -> None:
        """"PC Dunn's statement records that Kayla said '…'", "Staff have heard that Zara said '…'": a
        verb of recording or hearing above the reporting verb, whose subject is someone other than the
        writer and the speaker, relays the words."""
        head = verb
        for _ in range(3):
            if head.dep_ not in ("ccomp", "conj") or head.head.i == head.i:
                return
            head = head.head
            if self._has_own_quote(head, verb, quote):
                return
            if head.lemma_.lower() in _RELAYING:
                subject = self.verbs.subject_of(head)[0]
                if subject is None:
                    return
                reporter, _, _ = self.resolver.resolve(self.verbs.record_owner(subject), quote, None)
                if reporter and reporter not in (WRITER, quote.speaker):
                    quote.relayed_by, quote.how = reporter, "reported"
                return

    def _according_to(self, quote: Quote) -> bool:
        """"According to Mia, …" and "In Mia's words, …" name the speaker of the sentence's quotes."""
        span = self.layout.quote_tokens(quote)
        if span is None:
            return False
        doc, inside = self.doc, self.layout.inside
        for token in span.sent if span.sent.start <= span.start else []:
            if token.i in inside:
                continue
            person = None
            if token.lower_ == "according" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to":
                person = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            elif token.lemma_.lower() in ("word", "view", "opinion") and token.head.lower_ == "in":
                person = next((c for c in token.children if c.dep_ == "poss"), None)
            if person is not None and person.i not in inside:
                speaker, start, end = self.resolver.resolve(person, quote, None)
                if speaker:
                    quote.speaker, quote.speaker_start, quote.speaker_end = speaker, start, end
                    quote.how = "according"
                    return True
        return False


def attribute_speakers(doc: Doc, quotes: list[Quote], *, children: list[str], rules) -> list[Quote]:
    """Fill in `speaker`, `speaker_is_child`, `kind` and the speaker's offsets of each quote in place."""
    if not quotes:
        return quotes
    Attribution(doc, quotes, children, Lexicons.from_rules(rules)).attribute()
    return quotes


def doc_quotes(doc: Doc, rules_path: str | None = None) -> list[Quote]:
    """The quotes of a parsed Doc with their speakers, computed once and cached on the Doc.

    Uses ``doc._.children`` (set by review_context) to decide `speaker_is_child`. Any check
    may call it; the first call does the work.
    """
    def attributed() -> list[Quote]:
        quotes = doc_quote_marks(doc)
        attribute_speakers(doc, quotes, children=list(doc._.children or []),
                           rules=load_rules(rules_path).check("child_voice"))
        return quotes

    return per_doc(doc, "review_quotes", attributed)
