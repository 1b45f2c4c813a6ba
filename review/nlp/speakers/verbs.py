"""The reporting verb of a quote: the speech verb (or speech noun) above it in the parse or just
beside it, and that verb's subject."""

from __future__ import annotations

import re

from spacy.tokens import Token

from review.nlp.quotes import Quote
from review.nlp.speakers.layout import QUOTE_CHARS, QuoteLayout
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import SUBJECTS
from review.nlp.speakers.tuning import (GOVERNING_VERB_STEPS, NAME_AFTER_VERB_TOKENS, VERB_BEFORE_LAST_TOKENS,
                                        VERB_BEFORE_TOKENS)

# Verbs of perceiving or recording whose passive subject said the words ("Mia was heard to say …").
_PERCEIVED_SAYING = ("hear", "overhear", "see", "record", "note")
# Verbs of hearsay whose passive subject said the words ("Tyler is reported to have said …").
_HEARSAY_SAYING = ("report", "say", "allege")
# Verbs of wanting whose clause, quoted as a phrase, gives the want in the wanter's words ("he would like
# his dad to 'get help'", "Leo wants Mum to 'stop shouting'"); "like" only with "would".
_WANTING = ("want", "wish", "hope", "prefer", "like")


def contracted_perfect(verb: Token) -> bool:
    """Whether a participle whose only passive auxiliary is a contracted "'s" is the present perfect ("He's
    told his friends ...": he has told them), which the parser reads as "he is told"; not before "to"
    ("he's said to have ..."), the passive of hearsay, nor with an agent ("he's told 'go home' by staff")."""
    auxiliaries = [c for c in verb.children if c.dep_ == "auxpass"]
    return verb.tag_ in ("VBN", "VBD") and len(auxiliaries) == 1 and auxiliaries[0].lower_ in ("'s", "\u2019s") \
        and not any(c.dep_ in ("xcomp", "agent") or (c.lower_ == "to" and c.pos_ == "PART") for c in verb.children)


class ReportingVerbs:
    """Finds the verbs that report a quote and their subjects, in one Doc."""

    def __init__(self, layout: QuoteLayout, lexicons: Lexicons):
        self.layout = layout
        self.doc = layout.doc
        self.lex = lexicons

    def is_speech_verb(self, token: Token) -> bool:
        """A reporting or labelling verb; "go" only as speech ("he goes 'where's my tea?'", "went, “no”"):
        with the quote opening straight after it, never with a preposition ("going to 'parties'") nor in
        narration between the parts of a quote ("as the boys went out--")."""
        lemma = token.lemma_.lower()
        if lemma == "go" and (any(c.dep_ in ("prep", "prt", "advmod") for c in token.children)
                              or not self._quote_opens_after(token)):
            return False
        return lemma in self.lex.reporting or lemma in self.lex.labelling

    def _quote_opens_after(self, token: Token) -> bool:
        """Whether a quotation opens just after `token`, past a comma, colon or dash at most."""
        rest = self.layout.text[token.idx + len(token):token.idx + len(token) + 4].lstrip(" ,:—–-")
        return rest[:1] in QUOTE_CHARS

    def form_of(self, quote: Quote) -> str:
        """"speech" for an utterance standing on its own, "phrase" for words quoted inside a sentence."""
        text = self.layout.text
        opening = quote.start - 1
        before = text[self.layout.paragraph_start(quote.start): max(0, opening)].rstrip()
        if not before or before[-1] in ".!?:,;—–-([\n|" or before[-1] in QUOTE_CHARS:
            return "speech"
        if text[:max(0, opening)].rstrip(" ").endswith("\t"):
            return "speech"  # the words open a table cell ("03/09 | PC Walsh | “Dad pushed Mum”")
        span = self.layout.quote_tokens(quote)
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

    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """(subject, passive): the subject of `verb`, the agent of a passive, or None."""
        # a quoted word parsed as the verb's auxiliary ("…was it?" whispered Anne) does not make it passive
        passive = any(c.dep_ in ("nsubjpass", "auxpass") and not self._quoted_apart(c, verb) for c in verb.children)
        if passive and contracted_perfect(verb):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return self._named_before_age(subject), False
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj, True
            return None, True
        if verb.dep_ == "relcl" and self._quoted_apart(verb.head, verb):
            return None, False  # "the ‘discipline’ Jayden described": the quoted word is what is described
        subjects = [self._named_before_age(c) for c in verb.children
                    if c.dep_ in SUBJECTS and not self._quoted_apart(c, verb)]
        subjects = [c if not self._a_time(c) else self._named_beside_a_time(c) for c in subjects]
        subjects = [c for c in subjects if c is not None]
        if subjects:
            # two subjects are a parse of a label or a fronted phrase and the real one ("- House of worries:
            # Kacey wrote", "Most evenings when …, Demi asks"): the one nearest before the verb
            before = [c for c in subjects if c.i < verb.i]
            return (before[-1] if before else subjects[0]), False
        if verb.dep_ == "acl" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, False  # "The head teacher called Tyler '…'", parsed as a noun and its modifier
        head = verb
        while head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i \
                and not self._quoted_apart(head.head, verb):  # "…I forget it," smiled Tom: not the quote's "I"
            relation = head.dep_
            head = head.head
            for child in head.children:
                if child.dep_ in SUBJECTS and not self._quoted_apart(child, verb):
                    named = child if not self._a_time(child) else self._named_beside_a_time(child)
                    if named is not None:
                        return named, False  # "'Leo,' said Mum, wondering …": the quoted "Leo" is no subject
                if child.dep_ == "nsubjpass":
                    if relation == "xcomp" and head.lemma_ in _PERCEIVED_SAYING + _HEARSAY_SAYING:
                        return child, False  # "Mia was heard to say …": Mia said it
                    if relation == "conj":
                        return child, False  # "he was interviewed and answered …": he answered
                    return None, True
        if verb.lemma_.lower() in self.lex.labelling:
            return None, False  # the name after "called" is the person labelled, not the speaker
        after = self._name_after(verb)
        return (after if after is not None else self._subject_before(verb)), False

    def _a_time(self, token: Token) -> bool:
        """Whether a subject the parser found is a time or a date, never a speaker: "Most mornings when Mr Shah
        drops him off, Ollie asks …" (a second subject, the person, then speaks), "- 14/02/2025, 19:10 - Kerry
        rang …" (a date opening an entry)."""
        return token.ent_type_ in ("DATE", "TIME") or any(ch.isdigit() for ch in token.text) \
            or token.lemma_.lower() in self.lex.time_nouns

    def _named_beside_a_time(self, time: Token) -> Token | None:
        """The name the parser hung on a date taken for a subject ("- 14/02/2025, 19:10 - Kerry rang …",
        Kerry an apposition of the date), else None."""
        return next((c for c in time.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not self._a_time(c)),
                    None)

    def _quoted_apart(self, token: Token, verb: Token) -> bool:
        """Whether `token` lies in a quotation that does not hold `verb` ("Evie said “a puppy” and Max
        said …": "puppy", parsed as the subject of the second "said", is quoted words, not a speaker)."""
        inside = self.layout.inside
        return token.i in inside and inside.get(token.i) != inside.get(verb.i) \
            and not self.layout.glued_past_close(token)

    def _named_before_age(self, subject: Token) -> Token:
        """The name before an age in brackets that the parser took for a subject ("Ava (8) then said":
        "8)" or "8"), else `subject` itself."""
        doc = self.doc
        if not re.fullmatch(r"\d+\)?", subject.text) or subject.i < 2 or doc[subject.i - 1].text != "(":
            return subject
        name = doc[subject.i - 2]
        return name if name.pos_ in ("PROPN", "NOUN") and name.i not in self.layout.inside else subject

    def _subject_before(self, verb: Token) -> Token | None:
        """A reporting verb the parser left without a subject: the name just before it, past its age in
        brackets ("In the contact room, Archie (3) kept saying …", a fronted adverbial), else the subject
        of the clause before it in the sentence ("He went quiet, then said …")."""
        doc, inside = self.doc, self.layout.inside
        i = verb.i - 1
        while i >= verb.sent.start and (doc[i].dep_ in ("aux", "advmod", "neg") or doc[i].is_space
                                        or verb.dep_ == "xcomp" and doc[i] == verb.head):
            i -= 1  # past "kept" in "Archie (3) kept saying …" too
        if i >= verb.sent.start and doc[i].text == ")":
            while i > verb.sent.start and doc[i].text != "(":
                i -= 1
            i -= 1
        if i >= verb.sent.start and i not in inside and (doc[i].pos_ == "PROPN" or doc[i].lower_ in ("he", "she")):
            return doc[i]
        if verb.dep_ not in ("ROOT", "conj"):
            return None  # "I used a drawing to ask about …": a purpose clause has no speaker of its own
        subjects = [t for t in doc[verb.sent.start:verb.i] if t.dep_ in SUBJECTS and t.i not in inside
                    and t.head.i < verb.i and t.head.pos_ in ("VERB", "AUX")]
        return subjects[-1] if subjects else None

    def _name_after(self, verb: Token) -> Token | None:
        """"…," said Mia: the parser sometimes attaches the name after the verb as an object. Only where the
        verb stands straight after a quote, as English inverts a reporting clause: elsewhere the name after
        the verb is the one told ("Josh told the dinner lady, Mrs Poole, …", "on 04/03 Josh told me") or what
        was said ("and said the swimming coach is …"), never the speaker; but a pronoun subject of the clause
        said stands for the speaker there ("police found Dan in the car, saying he had to '…'")."""
        doc = self.doc
        if not self._straight_after_a_quote(verb):
            after = next((t for t in doc[verb.i + 1:verb.i + 3] if not t.is_space), None)
            return after if after is not None and after.lower_ in ("he", "she") and after.dep_ in SUBJECTS \
                and after.head.head == verb and after.i not in self.layout.inside else None
        after = verb.i + 1
        while after < len(doc) and doc[after].is_space:
            after += 1  # "asked\nAnne": a line break between
        nxt = doc[after] if after < len(doc) else None
        if nxt is not None and nxt.lower_ in ("me", "us"):
            return None
        if nxt is not None and (nxt.pos_ in ("PROPN", "PRON") or nxt.lower_ in ("the", "her", "his")):
            for token in doc[after: min(len(doc), after + NAME_AFTER_VERB_TOKENS)]:
                if token.pos_ in ("PROPN", "NOUN", "PRON"):
                    if token.i in self.layout.inside:
                        break
                    return token
        return None

    def _straight_after_a_quote(self, verb: Token) -> bool:
        """Whether only punctuation and space stand between a quote's closing mark and `verb` ("…," said)."""
        i = verb.i - 1
        while i >= 0 and i not in self.layout.inside and (self.doc[i].is_space or self.doc[i].is_punct):
            i -= 1
        return i >= 0 and i in self.layout.inside

    def governing_verbs(self, quote: Quote, n: int | None) -> list[Token]:
        """Speech verbs (or verbs with a speech-noun subject) above the quote in the parse, inner first."""
        span = self.layout.quote_tokens(quote)
        if span is None:
            return []
        chain: list[Token] = []
        paragraph = self.layout.paragraph_start(quote.start)
        item = self.layout.structure.block_at(quote.start)
        item = item if item is not None and item.kind in ("item", "row") else None
        for token in span:
            if token.head.i >= span.start and token.head.i < span.end and token.head.i != token.i:
                continue
            head = token.head
            steps = 0
            while head is not None and steps < GOVERNING_VERB_STEPS:
                # words quoted apart are never a reporting clause: in "she wrote “A” and “B”" the parse may
                # hang “B” on a verb of “A”; climb past it to the verb both share
                outside = head.i not in self.layout.inside if n is not None \
                    else not (span.start <= head.i < span.end)
                if self.layout.paragraph_start(head.idx) != paragraph:
                    break  # the parser joined two paragraphs: a verb there does not govern this quote
                # nor one in another list item or table row (the climb goes on through them to a lead-in)
                outside = outside and not self._in_another_item(head, item)
                quoted_subject = token.dep_ in SUBJECTS and token.head == head  # "said “pizza” and Sol said …"
                if outside and head not in chain and not quoted_subject \
                        and (self.is_speech_verb(head) or self.speech_noun_subject(head)
                             or self._wants_in_words(head, quote, span)):
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

    def _in_another_item(self, token: Token, item) -> bool:
        """Whether `token` lies outside the list item or table row `item` holding a quote, other than in the
        line before the list that leads into it ("Amir told us what they were:" then "- himself “…”")."""
        if item is None or item.start <= token.idx < max(item.end, item.start + 1):
            return False
        block = self.layout.structure.block_at(token.idx)
        return not (block is not None and block.kind == "paragraph" and token.idx < item.start)

    def inner_verb_before(self, quote: Quote, governing: Token) -> Token | None:
        """The reporting verb of the clause that introduces the quote ("Nan says Poppy keeps asking '…'",
        "the letter states that Amira told the doctor: '…'") when the parser hung the quote on `governing`,
        the verb of the clause above it: the inner verb's subject said the words, the outer one's passes
        them on."""
        span = self.layout.quote_tokens(quote)
        if span is None:
            return None
        before = self._verb_before(quote, span)
        if before is None or before == governing or not governing.i < before.i < span.start \
                or governing not in before.ancestors or self.subject_of(before)[0] is None:
            return None  # "…, not daring to make any stipulations regarding the spelling, '…'": no speaker there
        return before

    def _wants_in_words(self, verb: Token, quote: Quote, span) -> bool:
        """Whether `quote` is a phrase quoting, as a clause of its own (its first word a verb), what the
        subject of a verb of wanting wants: "he would like his dad to 'get help for the drinking'"."""
        lemma = verb.lemma_.lower()
        if lemma not in _WANTING or verb.pos_ != "VERB" or quote.form != "phrase" or verb.i >= span.start:
            return False
        if lemma == "like" and not any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "\u2019d") for c in verb.children):
            return False
        first = next((t for t in span if not t.is_punct), None)
        return first is not None and first.pos_ in ("VERB", "AUX") and first.tag_ == "VB"

    def addressee_of(self, verb: Token) -> Token | None:
        """The name or role a reporting verb speaks to: its object ("told Leo", "asked the boy") or the
        object of its "to" ("said to Leo"); None for a pronoun or anything quoted."""
        candidates = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        candidates += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                       for p in c.children if p.dep_ == "pobj"]
        for token in candidates:
            if token.i not in self.layout.inside and token.pos_ in ("PROPN", "NOUN"):
                return token
        return None

    def record_owner(self, subject: Token) -> Token:
        """Whose words a record holds: "Dr Fenn's letter describes …" is Dr Fenn's, "Priya's diary entry
        reads …" Priya's; any other subject is itself."""
        if subject.lemma_.lower() in self.lex.speech_nouns:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
        return subject

    def speech_noun_subject(self, verb: Token) -> Token | None:
        """The owner of the words: "Mia's answer was 'no'", "his own words about 'dropping stuff off'"."""
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in self.lex.speech_nouns:
            return next((c for c in verb.children if c.dep_ == "poss"), None)
        if verb.lemma_ != "be":
            return None
        for child in verb.children:
            # "Mia's answer was '…'", and the other way round: "'No, thanks' was Mia's only reply"
            if child.dep_ in SUBJECTS | {"attr"} and child.lemma_.lower() in self.lex.speech_nouns \
                    and child.i not in self.layout.inside:
                for owner in child.children:
                    if owner.dep_ == "poss":
                        return owner
        return None

    def adjacent_verb(self, quote: Quote, n: int) -> Token | None:
        """A speech verb just after the closing mark ("…," she said) or just before the opening one."""
        span = self.layout.quote_tokens(quote)
        if span is None:
            return None
        after = self._verb_after(quote, span, n)
        if after is not None and not self._introduced_and_closed(quote):
            return after
        before = self._verb_before(quote, span)
        if before is None and after is None:
            return self._lead_in_verb(quote)
        return before if before is not None else after

    def _lead_in_verb(self, quote: Quote) -> Token | None:
        """The reporting verb of the line ending in a colon that leads into the list holding the quote ("Amir
        told us what they were:" then "- a house with “just me and Mama”"): a list item the parser reads
        as a sentence of its own is still set out as those words."""
        structure, text = self.layout.structure, self.layout.text
        item = structure.block_at(quote.start)
        if item is None or item.kind != "item":
            return None
        passage = structure.passage_at(quote.start, text)
        lead = structure.block_at(passage[0]) if passage is not None and passage[0] < item.start else None
        if lead is None or lead.kind != "paragraph" or not text[lead.start:lead.end].rstrip().endswith(":"):
            return None
        colon = self.doc.char_span(lead.start, lead.end, alignment_mode="expand")
        last = next((t for t in reversed(colon) if not t.is_space), None) if colon is not None else None
        if last is None or last.text != ":":
            return None
        for token in reversed(self.doc[last.sent.start:last.i]):
            if token.i in self.layout.inside or token.idx < lead.start:
                return None
            if token.pos_ in ("VERB", "AUX") and self.is_speech_verb(token) and self.subject_of(token)[0] is not None:
                return token  # "… and told us what they were:", the subject that of "made"
        return None

    def _introduced_and_closed(self, quote: Quote) -> bool:
        """He said, "…." Ms Kaur did not ask: words introduced by a verb and a comma or colon, and ending
        their sentence inside the marks, belong to that verb, not to the next sentence's."""
        before = self.layout.text[self.layout.paragraph_start(quote.start):max(0, quote.start - 1)].rstrip()
        return quote.text.rstrip().endswith((".", "!", "?", "…")) and before.endswith((",", ":"))

    def _verb_after(self, quote: Quote, span, n: int) -> Token | None:
        """A speech verb after the quote, up to the next quote or the end of the sentence."""
        inside = self.layout.inside
        paragraph_end = self.layout.paragraph_end(quote.end)
        item = self.layout.structure.block_at(quote.start)
        if item is not None and item.kind in ("item", "row"):
            paragraph_end = min(paragraph_end, item.end)  # the next list item or row is not its attribution
        count = 0
        for token in self.doc[span.end:]:
            if token.idx >= paragraph_end:
                break
            if token.i in inside and inside[token.i] != n:
                break
            if token.i in inside or token.is_space or token.text in QUOTE_CHARS:
                continue
            if token.text in (".", "!", "?", ";") and count > 0:
                break
            count += 1
            if count > self.lex.verb_after_tokens:
                break
            if token.pos_ in ("VERB", "AUX") and self.is_speech_verb(token):
                return token
            if count == 1 and self._inverted_after(quote, token):
                return token
        return None

    def _inverted_after(self, quote: Quote, verb: Token) -> bool:
        """"…," sighed Tom; "…?" grumbled the porter: a past-tense verb straight after a quote that its
        sentence carries on past, followed by its subject, reports the quote whatever the verb (English
        inverts only a reporting clause so)."""
        if quote.form != "speech" or verb.pos_ != "VERB" or verb.tag_ != "VBD" or not quote.text.rstrip().endswith((",", "?", "!", "—", "-")):
            return False
        after = verb.i + 1
        while after < len(self.doc) and self.doc[after].is_space:
            after += 1
        if after >= len(self.doc) or after in self.layout.inside:
            return False
        subject = self.doc[after]
        return subject.pos_ == "PROPN" or subject.lower_ in ("the", "his", "her", "their", "my", "our")

    def _verb_of_clause_before(self, colon: Token) -> Token | None:
        """Words after a colon are those of the clause before it: "Jordan said he didn't want to go
        back: '…'" is Jordan's (the last reporting verb of that sentence with a subject)."""
        sentence = colon.sent
        for token in reversed(self.doc[sentence.start:colon.i]):
            if token.i in self.layout.inside or token.idx < self.layout.paragraph_start(colon.idx):
                return None
            if token.pos_ in ("VERB", "AUX") and (self.is_speech_verb(token) or self.speech_noun_subject(token)) \
                    and any(c.dep_ in SUBJECTS for c in token.children):
                return token  # also "Kenzie's view is clear: '…'"
        return None

    def _verb_before(self, quote: Quote, span) -> Token | None:
        """A speech verb in the clause that introduces the quote (Mia said: "…"; Mia shouted, "…")."""
        before = [t for t in self.doc[max(0, span.start - VERB_BEFORE_TOKENS): span.start]
                  if not t.is_space and t.text not in QUOTE_CHARS and t.i not in self.layout.inside]
        if before and before[-1].text == ":":
            colon = self._verb_of_clause_before(before[-1])
            if colon is not None:
                return colon
        while before and before[-1].text in (",", ":", "—", "-", "–"):
            before.pop()
        if before and before[-1].idx >= self.layout.paragraph_start(quote.start):
            for token in reversed(before[-VERB_BEFORE_LAST_TOKENS:]):
                if token.text in (".", "!", "?", ";"):
                    break
                if token.pos_ in ("VERB", "AUX") and self.is_speech_verb(token):
                    return token
        return None
