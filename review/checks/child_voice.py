"""The child's voice: the child's words quoted, their wishes and feelings, and how they were heard.

How it works: docs/internals.md, `review.checks.child_voice`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from review.core.findings import add_finding
from review.core.rules import CheckRules, load_rules
from review.core.text import doc_text, is_whole_report, sentence_index, sentences
from review.nlp.children import child_age_years, child_is_unborn
from review.nlp.grammar import subject_of
from review.nlp.patterns import phrase_pattern
from review.nlp.people import PERSONAL_PRONOUNS, THIRD_PERSON_GENDER
from review.nlp.quotes import Quote
from review.nlp.speakers import CHILD_REPORTED, Lexicons, child_aliases, doc_quotes, person_resolver


@dataclass
class Communication:
    """A child's communication without words: a sentence in which the child signs, points, gestures or
    uses a communication aid ("Mia pointed to the sad face on her board"); `means` is the cue found."""

    start: int
    end: int
    text: str
    child: str  # "" for a child not named
    means: str


@dataclass
class ChildVoice:
    """What a report shows of the child's voice (shared by the child_voice and checklist checks)."""

    child_quotes: list[Quote] = field(default_factory=list)
    wishes_sentences: list[int] = field(default_factory=list)
    too_young: list[tuple[str, float | None]] = field(default_factory=list)  # (child, age in years; None: unborn)
    speaking_children: list[str] = field(default_factory=list)
    circumstances: dict[int, list[str]] = field(default_factory=dict)  # quote index -> cues found
    disclosure: dict[int, list[str]] = field(default_factory=dict)     # quote index -> how it was said
    heard: dict[str, list[int]] = field(default_factory=dict)  # child -> sentences giving their words, views or presentation
    communications: list[Communication] = field(default_factory=list)

    def unheard(self, children: list[str]) -> list[str]:
        """Those of `children` of whom the report gives nothing of their own (none, where something is
        given of a child it does not name)."""
        return [] if self.heard.get("") else [c for c in children if not self.heard.get(c)]


class ChildResolver:
    """Decides whether a token refers to one of the children (a name, "the child", or a pronoun)."""

    def __init__(self, doc: Doc, children: list[str], rules: CheckRules, quotes: list[Quote] = ()):
        self.doc = doc
        self.aliases = child_aliases(children)
        self.references = [r.lower() for r in rules.lexicon("child_references")]
        self.people = person_resolver(doc, children, Lexicons.from_rules(rules), quotes)
        self.children = children
        self.named = {alias: child for child in children for alias in child_aliases([child])}

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


def wishes_and_feelings(doc: Doc, quotes: list[Quote], resolver: ChildResolver,
                        rules: CheckRules) -> dict[int, tuple[str, str]]:
    """The sentences that record what a child wants, likes, fears or feels ("wish"), or what was
    seen of a child ("observed" responses, "presentation"): sentence index -> (the child, "" for
    one not named; the kind).

    A child's own quote in the first person with a wish or feeling word ("I want…", "I'm
    scared"), or a sentence whose subject is the child with a wish verb (Mia wants, likes,
    misses…) or a feeling (Kayla is scared, feels safe). Observed: the child's responses and
    presentation as the writer saw them (Leo settled; she was alert; he was asleep), which for a
    baby stand in for their words.
    """
    quote_cue = phrase_pattern(rules.lexicon("quoted_wish_cues"), hyphen_joins_words=True)
    found: dict[int, tuple[str, str]] = {}
    for quote in quotes:
        if quote.speaker_is_child and quote_cue and quote_cue.search(quote.text):
            index = sentence_index(doc, quote.start)
            if index is not None:
                found[index] = (resolver.child_named(quote.speaker) or "", "wish")
    words = _WishWords(rules)
    for number, sentence in enumerate(sentences(doc)):
        if number in found:
            continue
        for token in sentence:
            candidate, token = words.candidate(token)
            if candidate is None:
                continue
            subject = subject_of(token, inherit_through=("xcomp", "conj", "acomp"),
                                 conjunct_after_noun_has_own_subject=True)
            child = resolver.child_of(subject) if subject is not None else None
            if child is not None:
                found[number] = (child, candidate)
                break
    return found


class _WishWords:
    """Which tokens state a wish or feeling ("wish"), a response seen ("observed") or how a child was
    seen to be ("presentation"), with the token whose subject is the person concerned."""

    def __init__(self, rules: CheckRules):
        self.wish_verbs = {w.lower() for w in rules.lexicon("wish_verbs")}
        self.feelings = {w.lower() for w in rules.lexicon("feeling_words")}
        self.not_wishes = {w.lower() for w in rules.lexicon("unwilling_to")}
        self.observed = {w.lower() for w in rules.lexicon("observed_responses")}
        self.presentation = {w.lower() for w in rules.lexicon("presentation_words")}

    def candidate(self, token: Token) -> tuple[str | None, Token]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in self.wish_verbs:
            objects = [c for c in token.children if c.dep_ in ("xcomp", "dobj", "ccomp", "prep", "acomp")]
            wish = (bool(objects) or lemma == "feel") and not any(o.lemma_.lower() in self.not_wishes for o in objects)
            return ("wish" if wish else None), token
        if token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp", "conj", "amod", "oprd"):
            head = token.head if token.dep_ != "amod" else None
            if token.dep_ == "amod" and token.head.dep_ == "attr" and lemma in self.presentation:
                head = token.head.head  # "is a very quiet baby"
            link = head.lemma_.lower() if head is not None else ""
            if lemma in self.feelings and link in ("be", "feel", "become", "get"):
                return "wish", head  # "seems unhappy" is the writer's reading, not the child's feeling
            if (lemma in self.feelings or lemma in self.presentation) and \
                    link in ("be", "look", "seem", "appear", "feel", "become", "get", "remain", "stay"):
                return "presentation", head
            return None, token
        if token.pos_ == "VERB" and lemma in self.observed and not _modal(token) and \
                not any(c.dep_ == "auxpass" for c in token.children):  # "is not being fed": done to the child
            return "observed", token
        return None, token


def communications_of(doc: Doc, quotes: list[Quote], resolver: ChildResolver, rules: CheckRules) -> list[Communication]:
    """The sentences, outside quotes, in which a child communicates by a sign, gesture, picture or aid:
    a communication cue whose verb has the child as its subject ("Tilly uses PECS", "Mia pointed";
    not "her reading book is never signed")."""
    pattern = phrase_pattern(rules.lexicon("communication_cues"), hyphen_joins_words=True)
    found = []
    for sentence in sentences(doc) if pattern else []:
        for cue in pattern.finditer(sentence.text):
            start = sentence.start_char + cue.start()
            if any(q.start <= start < q.end for q in quotes):
                continue
            child = _child_doing(doc.char_span(start, start + len(cue.group(0)), alignment_mode="expand"), resolver)
            if child is not None:
                found.append(Communication(sentence.start_char, sentence.end_char, sentence.text, child,
                                           cue.group(0)))
                break
    return found


def _child_doing(span, resolver: ChildResolver) -> str | None:
    """The child who is the active subject of the verb a cue belongs to (the cue itself, or the verb above
    a cue noun: "uses a talking mat"); for a verb the parser left without a subject, a child named first
    in the sentence ("Dara (7), who uses BSL, signed …")."""
    if span is None or not len(span):
        return None
    verb = span[0]
    for _ in range(3):
        if verb.pos_ == "VERB" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        subject = subject_of(verb, inherit_through=("xcomp", "conj"))
    if subject is not None:
        return resolver.child_of(subject)
    first = span.sent[0]
    return resolver.child_of(first) if first.lower_ in resolver.aliases else None


def _modal(token: Token) -> bool:
    """A verb with a modal or future auxiliary ("should settle", "will be fed"): no observation."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)


def _quote_window(doc: Doc, quote: Quote, width: int, others: list[Quote] | None = None) -> tuple[int, int]:
    """Where to look for a quote's circumstances: its sentence, and the sentences before it on the
    same line back to the previous quote of the child (whose circumstances are its own).
    Clipped to `width` characters either side of the quote."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    spans = sentences(doc)
    first = sentence_index(doc, quote.start)
    last = sentence_index(doc, max(quote.start, quote.end - 1))
    if first is None or last is None:
        return max(line_start, quote.start - width), min(line_end, quote.end + width)
    start, end = spans[first].start_char, spans[last].end_char
    n = first - 1
    while n >= 0 and spans[n].start_char >= line_start and quote.start - spans[n].start_char <= width:
        previous = spans[n]
        if any(o is not quote and o.speaker_is_child and previous.start_char <= o.start < previous.end_char
               for o in (others or [])):
            break
        start = previous.start_char
        n -= 1
    return max(start, line_start, quote.start - width), min(end, line_end, quote.end + width)


def circumstances_of(doc: Doc, quote: Quote, rules: CheckRules, others: list[Quote]) -> list[str]:
    """What the report says around a quote about when, where, with whom and how it was said."""
    width = int(rules.threshold("circumstances_window"))
    start, end = _quote_window(doc, quote, width, others)
    quoted = [(q.start, q.end) for q in [quote, *others]]
    found = [ent.text for ent in doc.ents if ent.label_ in ("DATE", "TIME", "FAC", "GPE", "LOC")
             and start <= ent.start_char < end and not _in_quotes(ent.start_char, quoted)]
    found += _listener_and_setting(doc, start, end, quoted)
    cues = rules.lexicon("circumstance_cues") + rules.lexicon("disclosure_cues")
    return found + _cues_around(doc, quote, others, start, end, cues)


def _in_quotes(offset: int, quoted: list[tuple[int, int]]) -> bool:
    return any(start - 1 <= offset < end + 1 for start, end in quoted)


def _listener_and_setting(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]]) -> list[str]:
    """Where, and whether the writer was there, from the parse of the narration in `text[start:end]`:
    a verb with the writer as its object ("told me", "showed me", "texted me") and a verb's place or
    occasion ("at the door", "on the bus", "during contact", "through the interpreter"). Another
    listener alone ("told staff") does not say when or where (the corpus's reading)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    found = []
    for verb in span if span is not None else []:
        if verb.pos_ not in ("VERB", "AUX") or _in_quotes(verb.idx, quoted):
            continue
        for child in verb.children:
            if _in_quotes(child.idx, quoted):
                continue
            if child.dep_ in ("dobj", "dative") and child.lower_ in ("me", "us"):
                found.append(f"{verb.text} {child.text}")
            elif child.dep_ == "prep" and child.lower_ in _SETTING_PREPOSITIONS:
                place = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON")), None)
                if place is not None and not _in_quotes(place.idx, quoted) and place.lower_ not in _NOT_SETTINGS:
                    found.append(doc[child.i: place.i + 1].text)
    return found


# Prepositions that give a place or occasion to what someone did ("at the door", "during contact").
_SETTING_PREPOSITIONS = ("in", "at", "on", "during", "through", "after", "before", "over", "via")
# Nouns after those prepositions that set no scene ("in fact", "in general").
_NOT_SETTINGS = ("fact", "general", "particular", "part", "total", "turn", "way")


def disclosure_of(doc: Doc, quote: Quote, rules: CheckRules, others: list[Quote]) -> list[str]:
    """How the words came to be said: in answer to a question, spontaneously, in direct work."""
    width = int(rules.threshold("circumstances_window"))
    start, end = _quote_window(doc, quote, width, others)
    return _cues_around(doc, quote, others, start, end, rules.lexicon("disclosure_cues"))


def _cues_around(doc: Doc, quote: Quote, others: list[Quote], start: int, end: int, cues: list[str]) -> list[str]:
    """Cue phrases in ``text[start:end]`` outside the quote itself, then any question put to the
    child earlier in that window by someone else ("How did that happen?")."""
    found = []
    pattern = phrase_pattern(cues, hyphen_joins_words=True)
    if pattern:
        text = doc_text(doc)
        outside = text[start:quote.start - 1] + " " + text[quote.end + 1:end]
        found.extend(m.group(0) for m in pattern.finditer(outside))
    for other in others:
        if other is not quote and start <= other.start < quote.start and other.text.rstrip().endswith("?") \
                and not other.speaker_is_child:
            found.append(other.text)
    return found


def names_a_listener(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's sentence names who the words were said to ("She told her key person"),
    which makes it a conversation of its own; "she told me" and "she said" do not."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_ in ("dobj", "dative") and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ == "VERB"
               for t in doc[span.sent.start:span.start])


def child_voice(doc: Doc, rules: CheckRules, rules_path: str | None = None) -> ChildVoice:
    """Everything the report shows of the children's voice (computed once, cached on the Doc)."""
    cached = doc._.child_voice
    if cached is not None:
        return cached
    quotes = doc_quotes(doc, rules_path)
    children = list(doc._.children or [])
    voice = ChildVoice()
    limit = rules.threshold("too_young_years")
    for child in children:
        age = None if child_is_unborn(doc, child) else child_age_years(doc, child)
        if child_is_unborn(doc, child) or (age is not None and age < limit):
            voice.too_young.append((child, age))
        else:
            voice.speaking_children.append(child)
    voice.child_quotes = [q for q in quotes if q.speaker_is_child]
    resolver = ChildResolver(doc, children, rules, quotes)
    found = wishes_and_feelings(doc, quotes, resolver, rules)
    voice.wishes_sentences = sorted(n for n, (_, kind) in found.items()
                                    if kind == "wish" or kind == "observed" and not voice.speaking_children)
    for n, (child, _) in sorted(found.items()):
        voice.heard.setdefault(child, []).append(n)
    for quote in voice.child_quotes:
        index = sentence_index(doc, quote.start)
        voice.heard.setdefault(resolver.child_named(quote.speaker) or "", []).append(index)
    voice.communications = communications_of(doc, quotes, resolver, rules)
    for communication in voice.communications:
        voice.heard.setdefault(communication.child, []).append(sentence_index(doc, communication.start))
    _circumstances_of_quotes(doc, quotes, rules, voice)
    doc._.child_voice = voice
    return voice


def _circumstances_of_quotes(doc: Doc, quotes: list[Quote], rules: CheckRules, voice: ChildVoice) -> None:
    """The circumstances and the disclosure of each of the child's quotes: its own, else those of the
    quote before it in the same conversation (paragraph), else, for words the report repeats, those
    of their first telling."""
    text = doc_text(doc)
    previous = None  # the child's quote before this one
    for n, quote in enumerate(quotes):
        if not quote.speaker_is_child:
            continue
        voice.circumstances[n] = circumstances_of(doc, quote, rules, quotes)
        voice.disclosure[n] = disclosure_of(doc, quote, rules, quotes)
        sources = []
        if previous is not None and "\n" not in text[quotes[previous].end:quote.start] \
                and not names_a_listener(doc, quote):
            sources.append(previous)  # the same paragraph goes on with the same conversation
        sources += [m for m in range(n) if quotes[m].speaker_is_child and _retold(quotes[m], quote)]
        for source in sources:
            voice.circumstances[n] = voice.circumstances[n] or voice.circumstances[source]
            voice.disclosure[n] = voice.disclosure[n] or voice.disclosure[source]
        previous = n


def _retold(first: Quote, again: Quote) -> bool:
    """Whether `again` repeats the words of `first` (the whole quote, or a part of it of a few words)."""
    def words(quote):
        return " ".join(re.findall(r"[a-z0-9']+", quote.text.lower().replace("’", "'")))
    said, repeated = words(first), words(again)
    return bool(repeated) and (repeated == said or (len(repeated.split()) >= 3 and f" {repeated} " in f" {said} "))


def _relayed(quote: Quote) -> str:
    """Who passed the words on, as the finding says it."""
    return f"passed on by {quote.relayed_by}" if quote.relayed_by else "reported, without saying by whom"


def _age_words(years: float | None) -> str:
    """ "8 months old", "3 years old"; None for a baby not yet born."""
    if years is None:
        return "not yet born"
    return _age_span(years) + " old"


def _age_span(years: float) -> str:
    if years < 1:
        months = max(1, round(years * 12))
        return f"{months} month{'s' if months != 1 else ''}"
    whole = int(years)
    return f"{whole} year{'s' if whole != 1 else ''}"


class ChildVoiceCheck:
    """Sets ``doc._.quotes`` and raises the child_voice findings."""

    def __init__(self, rules_path: str | None = None):
        self.rules_path = rules_path
        self.rules = load_rules(rules_path).check("child_voice")

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc_quotes(doc, self.rules_path)
        doc._.quotes = quotes
        if not doc_text(doc).strip():
            return doc
        voice = child_voice(doc, self.rules, self.rules_path)
        rules = self.rules
        children = list(doc._.children or [])
        for n, quote in enumerate(quotes):
            if quote.speaker_is_child and quote.depth == 0 and not voice.circumstances.get(n):
                if quote.kind == CHILD_REPORTED:  # passed on by someone else: ask who heard it and when
                    add_finding(doc, rules.rule("child_voice.second_hand"), quote.start, quote.end, allow=rules,
                                speaker=quote.speaker or "the child", relayed=_relayed(quote))
                else:
                    add_finding(doc, rules.rule("child_voice.no_circumstances"), quote.start, quote.end,
                                allow=rules, speaker=quote.speaker or "the child")
        if not children or not is_whole_report(doc, rules.threshold("min_report_sentences")):
            return doc
        for child, age in voice.too_young:
            add_finding(doc, rules.rule("child_voice.too_young"), 0, 0, child=child, age=_age_words(age))
        for child in voice.unheard([c for c, _ in voice.too_young]):
            add_finding(doc, rules.rule("child_voice.not_observed"), 0, 0, child=child)
        if voice.speaking_children:
            self._speaking_children(doc, voice, quotes)
        return doc

    def _speaking_children(self, doc: Doc, voice: ChildVoice, quotes: list[Quote]) -> None:
        """No child's words quoted; no wishes and feelings where no child's words are given with their
        circumstances; one child unheard while another is heard."""
        rules = self.rules
        if not voice.child_quotes and not voice.communications:  # signs and aids are a child's words too
            add_finding(doc, rules.rule("child_voice.no_quote"), 0, 0)
        heard_in_context = any(voice.circumstances.get(n) for n, q in enumerate(quotes) if q.speaker_is_child)
        if not voice.wishes_sentences and not heard_in_context:
            add_finding(doc, rules.rule("child_voice.no_wishes"), 0, 0)
        if voice.child_quotes or voice.wishes_sentences:
            for child in voice.unheard(voice.speaking_children):
                add_finding(doc, rules.rule("child_voice.not_heard"), 0, 0, child=child)


@Language.factory(
    "review_child_voice",
    requires=["doc._.children"],
    assigns=["doc._.quotes", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_child_voice_check(nlp: Language, name: str, *, rules_path: str | None) -> ChildVoiceCheck:
    return ChildVoiceCheck(rules_path)
