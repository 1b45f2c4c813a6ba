"""The child's voice: the child's words quoted, their wishes and feelings, and how they were heard.

How it works: docs/internals.md, `review.checks.child_voice`."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from review.checks.child_voice.circumstances import (circumstances_of, circumstances_of_quotes,
                                                     circumstances_of_reported, gives_an_occasion)
from review.checks.child_voice.communications import Communication, communications_of
from review.checks.child_voice.reported import ReportedWords, reported_words_of, views_held_of
from review.checks.child_voice.resolver import ChildResolver
from review.checks.child_voice.unquoted import UnquotedWords, unquoted_words_of
from review.core.findings import add_finding
from review.core.rules import CheckRules, load_rules
from review.core.text import doc_entities, doc_text, is_whole_report, sentence_index, sentences, span_text
from review.nlp.children import child_age_years, child_is_unborn
from review.nlp.grammar import has_modal, subject_of
from review.nlp.patterns import phrase_pattern
from review.nlp.people import FIRST_PERSON
from review.nlp.quotes import Quote
from review.nlp.speakers import CHILD_REPORTED, Lexicons, doc_quotes, voice_section_child

__all__ = ["ChildResolver", "ChildVoice", "ChildVoiceCheck", "Communication", "child_voice", "circumstances_of"]


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
    unquoted: list[UnquotedWords] = field(default_factory=list)  # the child's words after "said:", unquoted
    reported: list[tuple[ReportedWords, list[str]]] = field(default_factory=list)  # indirect speech, its circumstances
    # the child's views given in the writer's words: the child's own wish or feeling (not another's account of
    # it) told as the child's telling ("She told me that she likes living with her nan") or set down under a
    # heading of the child's views
    views_in_writers_words: bool = False

    def unheard(self, children: list[str]) -> list[str]:
        """Those of `children` of whom the report gives nothing of their own (none, where something is
        given of a child it does not name)."""
        return [] if self.heard.get("") else [c for c in children if not self.heard.get(c)]


def wishes_and_feelings(doc: Doc, quotes: list[Quote], resolver: ChildResolver,
                        rules: CheckRules) -> dict[int, tuple[str, str, bool]]:
    """The sentences that record what a child wants, likes, fears or feels ("wish"), or what was
    seen of a child ("observed" responses, "presentation"): sentence index -> (the child, "" for
    one not named; the kind; whether a wish is not the child's own telling: given in someone else's account,
    "Mum says he misses Dad", or supposed, "she would want to stay").

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
                found[index] = (resolver.child_named(quote.speaker) or "", "wish", False)
    words = _WishWords(rules)
    for number, sentence in enumerate(sentences(doc)):
        if number in found:
            continue
        note = _note_style(sentence)
        for token in sentence:
            candidate, token = words.candidate(token)
            if candidate is None and note and token.lemma_.lower() in words.presentation:
                candidate = "presentation"  # "Pt Poppy, 17/12, alert, crying": a state set down in a note
            if candidate is None:
                continue
            subject = subject_of(token, inherit_through=("xcomp", "conj", "acomp"),
                                 conjunct_after_noun_has_own_subject=True)
            speaker = _speaking_child(subject, quotes, resolver) if subject is not None else None
            if speaker is not None and candidate != "observed":
                found[number] = (speaker, "wish", False)  # "I'm hungry", in the child's own words: how they feel
                break
            child = resolver.child_of(subject) if subject is not None else None
            if subject is None and candidate in ("observed", "presentation") and note:
                # "Leo - HV review: Alert, good tone" under a heading; "Pt Poppy, 17/12, alert, crying" in the note
                child = resolver.child_of_heading(sentence.start_char) or _the_one_child_named(sentence, resolver)
            if child is not None and candidate in ("observed", "presentation") \
                    and words.in_anothers_account(token, resolver):
                continue  # "Ms Doyle reports Archie is bottle fed": her account, not what was seen of him
            if child is not None:
                found[number] = (child, candidate, candidate == "wish" and (
                    words.in_anothers_account(token, resolver) or words.supposed(token)))
                break
    return found


# Verbs that report what an antenatal check found ("the scan showed", "movements were felt").
_FINDING_VERBS = ("show", "estimate", "find", "feel", "hear", "measure", "see", "record", "note", "confirm")
# Verbs of an appointment not kept, which say nothing of the baby ("missed her scan").
_NOT_KEPT = ("miss", "decline", "cancel", "refuse", "rearrange", "rebook")


def antenatal_findings(doc: Doc, rules: CheckRules) -> list[int]:
    """The sentences giving what an antenatal check found of an unborn baby ("A growth scan on 05/11 estimated
    fetal weight at 2.6kg"): what is seen of a baby not yet born."""
    pattern = phrase_pattern(rules.lexicon("antenatal_observations"), hyphen_joins_words=True)
    return [n for n, sentence in enumerate(sentences(doc))
            if pattern and pattern.search(span_text(sentence)) and _gives_a_finding(sentence)]


def _gives_a_finding(sentence) -> bool:
    """Whether a sentence gives what was found (a measure, or a verb of finding), not an appointment missed."""
    if any(t.dep_ == "neg" or t.lemma_.lower() in _NOT_KEPT for t in sentence):
        return False
    return any(t.like_num or t.lemma_.lower() in _FINDING_VERBS for t in sentence)


def _the_one_child_named(sentence, resolver: ChildResolver) -> str | None:
    """The child a note names, when it names one child and nobody else ("Pt Poppy, 17/12, alert")."""
    named = {resolver.child_of(t) for t in sentence if t.pos_ == "PROPN"} - {None}
    others = [t for t in sentence if t.ent_type_ == "PERSON" and resolver.child_of(t) is None]
    return named.pop() if len(named) == 1 and not others else None


def _note_style(sentence) -> bool:
    """Whether a sentence is a note with no subject anywhere ("Alert, good tone, sitting with support.",
    "- Wakes for feeds, roots and cries"), as observations are written up under a child's heading."""
    return not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in sentence)


def _speaking_child(subject: Token, quotes: list[Quote], resolver: ChildResolver) -> str | None:
    """The child whose own quote `subject` stands in as its first person ("I", "me"), or None."""
    if subject.lower_ not in FIRST_PERSON:
        return None
    quote = next((q for q in quotes if q.start <= subject.idx < q.end), None)
    if quote is None or not quote.speaker_is_child:
        return None
    return resolver.child_named(quote.speaker) or ""


# Verbs of how someone comes across: a feeling under them is the writer's reading of the child.
_SEEMING = ("appear", "seem", "look")


class _WishWords:
    """Which tokens state a wish or feeling ("wish"), a response seen ("observed") or how a child was
    seen to be ("presentation"), with the token whose subject is the person concerned."""

    def __init__(self, rules: CheckRules):
        self.wish_verbs = {w.lower() for w in rules.lexicon("wish_verbs")}
        self.feelings = {w.lower() for w in rules.lexicon("feeling_words")}
        self.not_wishes = {w.lower() for w in rules.lexicon("unwilling_to")}
        self.missed_occasions = {w.lower() for w in rules.lexicon("missed_occasions")}
        self.stated_with_would = {w.lower() for w in rules.lexicon("stated_with_would")}
        self.observed = {w.lower() for w in rules.lexicon("observed_responses")}
        self.presentation = {w.lower() for w in rules.lexicon("presentation_words")}
        self.reporting = Lexicons.from_rules(rules).reporting

    def in_anothers_account(self, token: Token, resolver: ChildResolver) -> bool:
        """Whether `token` is in a clause reported by someone other than the writer or the child ("Mum
        says he sleeps well", "Ms Doyle reports Archie is bottle fed"): their account of the child."""
        for _ in range(4):
            if token.dep_ == "ccomp" and token.head.lemma_.lower() in self.reporting:
                subject = subject_of(token.head)
                return subject is not None and subject.lower_ not in FIRST_PERSON \
                    and resolver.child_of(subject) is None
            if token.dep_ not in ("acomp", "xcomp", "conj", "advcl", "ccomp") or token.head.i == token.i:
                return False
            token = token.head
        return False

    def supposed(self, token: Token) -> bool:
        """Whether a wish is the writer supposing one: under a modal ("she would want to stay", "would be upset"),
        except a wish stated so ("would like")."""
        return has_modal(token) and token.lemma_.lower() not in self.stated_with_would

    def candidate(self, token: Token) -> tuple[str | None, Token]:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in self.wish_verbs:
            objects = [c for c in token.children if c.dep_ in ("xcomp", "dobj", "ccomp", "prep", "acomp")]
            wish = (bool(objects) or lemma == "feel") and not any(o.lemma_.lower() in self.not_wishes for o in objects)
            if any(o.dep_ == "dobj" and o.tag_ in ("WP", "WDT") for o in objects):
                wish = False  # "to what he wants": a free relative names a thing by the wish, it says no wish
            if lemma == "miss" and any(o.lemma_.lower() in self.missed_occasions for o in objects):
                wish = False  # "has missed two appointments": absent, not longing for someone
            return ("wish" if wish else None), token
        if token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp", "conj", "amod", "oprd"):
            head = token.head if token.dep_ != "amod" else None
            if token.dep_ == "amod" and token.head.dep_ == "attr" and lemma in self.presentation:
                head = token.head.head  # "is a very quiet baby"
            link = head.lemma_.lower() if head is not None else ""
            if link == "be" and head.dep_ == "xcomp" and head.head.lemma_.lower() in _SEEMING:
                link = head.head.lemma_.lower()  # "does not appear to be worried": the writer's reading, as "seems"
            if lemma in self.feelings and link in ("be", "feel", "become", "get"):
                return "wish", head  # "seems unhappy" is the writer's reading, not the child's feeling
            if (lemma in self.feelings or lemma in self.presentation) and \
                    link in ("be", "look", "seem", "appear", "feel", "become", "get", "remain", "stay"):
                return "presentation", head
            return None, token
        if token.pos_ == "VERB" and lemma in self.observed and not has_modal(token) and \
                not any(c.dep_ == "auxpass" for c in token.children):  # "is not being fed": done to the child
            return "observed", token
        return None, token


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
    voice.wishes_sentences = sorted(n for n, (_, kind, _) in found.items()
                                    if kind == "wish" or kind == "observed" and not voice.speaking_children)
    for n, (child, _, _) in sorted(found.items()):
        voice.heard.setdefault(child, []).append(n)
    unborn = [child for child, age in voice.too_young if age is None]
    for n in antenatal_findings(doc, rules) if unborn else ():
        for child in unborn:
            voice.heard.setdefault(child, []).append(n)
    for quote in voice.child_quotes:
        index = sentence_index(doc, quote.start)
        voice.heard.setdefault(resolver.child_named(quote.speaker) or "", []).append(index)
    voice.communications = communications_of(doc, quotes, resolver, rules)
    for communication in voice.communications:
        voice.heard.setdefault(communication.child, []).append(sentence_index(doc, communication.start))
    voice.unquoted = unquoted_words_of(doc, quotes, resolver)
    for words in voice.unquoted:
        voice.heard.setdefault(words.child, []).append(sentence_index(doc, words.start))
    voice.circumstances, voice.disclosure = circumstances_of_quotes(doc, quotes, rules)
    text = doc_text(doc)
    saying_verbs = frozenset(w.lower() for w in rules.lexicon("indirect_saying_verbs"))
    reported = reported_words_of(doc, quotes, resolver, saying_verbs)
    voice.reported = list(zip(reported, circumstances_of_reported(
        doc, [words.as_quote(text) for words in reported], quotes, voice.circumstances, rules)))
    own_wishes = [n for n, (child, kind, not_own) in found.items() if kind == "wish" and child and not not_own]
    voice.views_in_writers_words = _views_in_writers_words(doc, own_wishes, reported, resolver, saying_verbs,
                                                           children, rules)
    doc._.child_voice = voice
    return voice


def _views_in_writers_words(doc: Doc, own_wishes: list[int], reported: list[ReportedWords], resolver: ChildResolver,
                            saying_verbs: frozenset[str], children: list[str], rules: CheckRules) -> bool:
    """Whether one of the child's own wishes or feelings (`own_wishes`: their sentences) is given as the child's
    telling (in a sentence of reported words), as a view the child holds ("feels that", "says he wants"), or
    under a heading of the child's views ("Noah's wishes and feelings")."""
    if any(sentence_index(doc, words.start) in own_wishes for words in reported):
        return True
    spans, lexicons = sentences(doc), Lexicons.from_rules(rules)
    if any(voice_section_child(doc, spans[n].start_char, children, lexicons) for n in own_wishes):
        return True
    view_words = frozenset(w.lower() for w in rules.lexicon("view_words"))
    return bool(views_held_of(doc, own_wishes, resolver, view_words, saying_verbs))


def _on_an_occasion(doc: Doc, communication: Communication) -> bool:
    """Whether a child's communication without words is placed on an occasion: a date or time in its sentence."""
    return any(ent.label_ in ("DATE", "TIME") and communication.start <= ent.start_char < communication.end
               for ent in doc_entities(doc))


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
            if not (quote.speaker_is_child and quote.depth == 0):
                continue
            if quote.kind == CHILD_REPORTED:  # passed on by someone else: ask who heard it, when and how
                if not gives_an_occasion(voice.circumstances.get(n, [])):
                    add_finding(doc, rules.rule("child_voice.second_hand"), quote.start, quote.end, allow=rules,
                                speaker=quote.speaker or "the child", relayed=_relayed(quote))
            elif not gives_an_occasion(voice.circumstances.get(n, [])):  # none, or only "he told me"
                add_finding(doc, rules.rule("child_voice.no_circumstances"), quote.start, quote.end,
                            allow=rules, speaker=quote.speaker or "the child")
        for words, circumstances in voice.reported:
            if not circumstances:  # not when, where, to whom ("told me" is enough here) or how
                add_finding(doc, rules.rule("child_voice.reported_no_circumstances"), words.start, words.end,
                            allow=rules, speaker=words.child or "the child")
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
        """No child's words quoted; no wishes and feelings where no child's words (or communication without
        words) are given with their circumstances; one child unheard while another is heard."""
        rules = self.rules
        # signs and aids are a child's words too, as are the child's words after "said:" with no quotation marks;
        # the child's wishes and feelings reported as told ("she told me she wants to stay") give the child's
        # views in the writer's words, so only a note asks for the words themselves
        if not voice.child_quotes and not voice.communications and not voice.unquoted:
            add_finding(doc, rules.rule("child_voice.views_not_quoted" if voice.views_in_writers_words
                                        else "child_voice.no_quote"), 0, 0)
        heard_in_context = any(voice.circumstances.get(n) for n, q in enumerate(quotes) if q.speaker_is_child) or any(
            _on_an_occasion(doc, c) for c in voice.communications)  # "On 25 May Mia signed ...": her words in context
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
