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
from review.nlp.children import child_age_years
from review.nlp.grammar import subject_of
from review.nlp.patterns import phrase_pattern
from review.nlp.people import PERSONAL_PRONOUNS, THIRD_PERSON_GENDER
from review.nlp.quotes import Quote
from review.nlp.speakers import Lexicons, child_aliases, doc_quotes, person_resolver


@dataclass
class ChildVoice:
    """What a report shows of the child's voice (shared by the child_voice and checklist checks)."""

    child_quotes: list[Quote] = field(default_factory=list)
    wishes_sentences: list[int] = field(default_factory=list)
    too_young: list[tuple[str, float]] = field(default_factory=list)  # (child, age in years)
    speaking_children: list[str] = field(default_factory=list)
    circumstances: dict[int, list[str]] = field(default_factory=dict)  # quote index -> cues found
    disclosure: dict[int, list[str]] = field(default_factory=dict)     # quote index -> how it was said


class ChildResolver:
    """Decides whether a token refers to one of the children (a name, "the child", or a pronoun)."""

    def __init__(self, doc: Doc, children: list[str], rules: CheckRules, quotes: list[Quote] = ()):
        self.doc = doc
        self.aliases = child_aliases(children)
        self.references = [r.lower() for r in rules.lexicon("child_references")]
        self.people = person_resolver(doc, children, Lexicons.from_rules(rules), quotes)

    def is_child(self, token: Token) -> bool:
        if token.lower_ in self.aliases:
            return True
        if self.people.child_reference_at(token):
            return True
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            gender = THIRD_PERSON_GENDER[token.lower_]
            paragraph = Quote(start=token.idx, end=token.idx, text="")
            mention = self.people.nearest_person(token.idx, gender, paragraph)
            return mention is not None and (mention.name.lower() in self.aliases or mention.name.lower().split()[0] in self.aliases
                                            or mention.name.lower() in self.references)
        return False


def wishes_and_feelings(doc: Doc, quotes: list[Quote], resolver: ChildResolver, rules: CheckRules,
                        *, too_young: bool) -> list[int]:
    """Indices of the sentences that record what the child wants, likes, fears or feels.

    A child's own quote in the first person with a wish or feeling word ("I want…", "I'm
    scared"), or a sentence whose subject is the child with a wish verb (Mia wants, likes,
    misses…) or a feeling (Kayla is scared, feels safe). For a child too young to speak, what
    the writer observed of the child's responses (Leo settled, turned to her for comfort).
    """
    wish_verbs = {w.lower() for w in rules.lexicon("wish_verbs")}
    feelings = {w.lower() for w in rules.lexicon("feeling_words")}
    not_wishes = {w.lower() for w in rules.lexicon("unwilling_to")}
    observed = {w.lower() for w in rules.lexicon("observed_responses")}
    quote_cue = phrase_pattern(rules.lexicon("quoted_wish_cues"), hyphen_joins_words=True)
    found: set[int] = set()
    for quote in quotes:
        if quote.speaker_is_child and quote_cue and quote_cue.search(quote.text):
            index = sentence_index(doc, quote.start)
            if index is not None:
                found.add(index)
    for number, sentence in enumerate(sentences(doc)):
        if number in found:
            continue
        for token in sentence:
            lemma = token.lemma_.lower()
            candidate = False
            if token.pos_ in ("VERB", "AUX") and lemma in wish_verbs:
                objects = [c for c in token.children if c.dep_ in ("xcomp", "dobj", "ccomp", "prep", "acomp")]
                candidate = (bool(objects) or lemma == "feel") and \
                    not any(o.lemma_.lower() in not_wishes for o in objects)
            elif token.pos_ == "ADJ" and lemma in feelings and token.dep_ in ("acomp", "xcomp", "conj", "amod", "oprd"):
                head = token.head if token.dep_ != "amod" else None
                candidate = head is not None and head.lemma_.lower() in ("be", "feel", "look", "become", "get", "seem", "appear")
                if candidate and head.lemma_.lower() in ("seem", "appear", "look"):
                    candidate = False  # "seems unhappy" is the writer's reading, not the child's feeling
                token = head if head is not None else token
            elif too_young and token.pos_ == "VERB" and lemma in observed:
                candidate = True
            if not candidate:
                continue
            subject = subject_of(token, inherit_through=("xcomp", "conj", "acomp"),
                                 conjunct_after_noun_has_own_subject=True)
            if subject is not None and resolver.is_child(subject):
                found.add(number)
                break
    return sorted(found)


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
    found = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "FAC", "GPE", "LOC") and start <= ent.start_char < end \
                and not (quote.start <= ent.start_char < quote.end):
            found.append(ent.text)
    cues = rules.lexicon("circumstance_cues") + rules.lexicon("disclosure_cues")
    return found + _cues_around(doc, quote, others, start, end, cues)


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
        age = child_age_years(doc, child)
        if age is not None and age < limit:
            voice.too_young.append((child, age))
        else:
            voice.speaking_children.append(child)
    voice.child_quotes = [q for q in quotes if q.speaker_is_child]
    resolver = ChildResolver(doc, children, rules, quotes)
    voice.wishes_sentences = wishes_and_feelings(doc, quotes, resolver, rules,
                                                 too_young=bool(voice.too_young) and not voice.speaking_children)
    text = doc_text(doc)
    previous = None  # the child's quote before this one
    for n, quote in enumerate(quotes):
        if quote.speaker_is_child:
            voice.circumstances[n] = circumstances_of(doc, quote, rules, quotes)
            voice.disclosure[n] = disclosure_of(doc, quote, rules, quotes)
            if previous is not None and "\n" not in text[quotes[previous].end:quote.start] \
                    and not names_a_listener(doc, quote):
                # the same paragraph goes on with the same conversation ('She said she would like "..."')
                voice.circumstances[n] = voice.circumstances[n] or voice.circumstances[previous]
                voice.disclosure[n] = voice.disclosure[n] or voice.disclosure[previous]
            previous = n
    doc._.child_voice = voice
    return voice


def _age_words(years: float) -> str:
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
                add_finding(doc, rules.rule("child_voice.no_circumstances"), quote.start, quote.end,
                            allow=rules, speaker=quote.speaker or "the child")
        if not children or not is_whole_report(doc, rules.threshold("min_report_sentences")):
            return doc
        for child, age in voice.too_young:
            add_finding(doc, rules.rule("child_voice.too_young"), 0, 0, child=child, age=_age_words(age))
        if not voice.speaking_children:
            return doc
        if not voice.child_quotes:
            add_finding(doc, rules.rule("child_voice.no_quote"), 0, 0)
        if not voice.wishes_sentences:
            add_finding(doc, rules.rule("child_voice.no_wishes"), 0, 0)
        return doc


@Language.factory(
    "review_child_voice",
    requires=["doc._.children"],
    assigns=["doc._.quotes", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_child_voice_check(nlp: Language, name: str, *, rules_path: str | None) -> ChildVoiceCheck:
    return ChildVoiceCheck(rules_path)
