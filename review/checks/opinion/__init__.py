"""The `opinion` check: fact and opinion told apart, sentence by sentence.

How it works: docs/internals.md, `review.checks.opinion`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from review.checks.opinion.attribution import Voice, find_phrase, unsourced_quoted_labels, voice_of
from review.checks.opinion.classifier import load_classifier
from review.checks.opinion.hedge import HedgeCues
from review.core.findings import add_finding
from review.core.rules import load_rules
from review.core.text import doc_text, is_heading, paragraphs, sentences
from review.nlp.linguistics import linguistics
from review.nlp.patterns import phrase_pattern

SUBJECTIVE_POS = ("ADJ", "ADV")


def states_a_habit(adverb: Token) -> bool:
    """Whether `adverb` ("always", "never") modifies a verb in the present simple ("Mum never
    attends", "the children are always hungry", "his book is never signed"): a claim about every
    occasion. "Leo has never been registered" and "Mum never answered on 3 May" state a fact."""
    head = adverb.head
    if adverb.dep_ not in ("advmod", "neg") or head.i == adverb.i:
        return False
    if head.tag_ in ("VBZ", "VBP"):
        return True
    return head.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in head.children)


# The word classes of verbs whose clause is the source's words when their subject is not the writer.
ATTRIBUTION_VERBS = ("speech_verbs", "sharing_verbs", "denial_verbs", "recording_verbs")


class OpinionCheck:
    def __init__(self, rules_path: str | None = None, model_path: str | None = None):
        self.rules = load_rules(rules_path).check("opinion")
        lexicon = self.rules.lexicon
        self.classifier = load_classifier(model_path)
        self.labels = frozenset(w.lower() for w in lexicon("evaluative_labels"))
        self.label_phrases = phrase_pattern(lexicon("evaluative_phrases"))
        self.certainty_adverbs = frozenset(w.lower() for w in lexicon("certainty_adverbs"))
        self.sweeping_adverbs = frozenset(w.lower() for w in lexicon("sweeping_adverbs"))
        self.attribution_verbs = linguistics().word_classes.union(*ATTRIBUTION_VERBS)
        self.source_openers = lexicon("source_openers")
        self.quote_introducers = lexicon("quote_introducers")
        self.owned_markers = phrase_pattern(lexicon("owned_markers"))
        self.reason_markers = phrase_pattern(lexicon("reason_markers"))
        self.hedges = HedgeCues.from_rules(self.rules)
        self.judgement_probability = self.rules.threshold("judgement_probability")
        self.quoted_label_max_words = int(self.rules.threshold("quoted_label_max_words"))
        self.reason_window = int(self.rules.threshold("reason_window_sentences"))
        self.stated_opinion_floor = self.rules.threshold("stated_opinion_probability")

    def voice(self, sent: Span) -> Voice:
        return voice_of(sent, self.attribution_verbs, self.source_openers)

    def judgement_trigger(self, sent: Span, voice: Voice, probability: float) -> tuple[int, int, str] | None:
        """(start, end, why) of the label, phrase or word that makes `sent` a judgement, or None."""
        phrase = find_phrase(sent, self.label_phrases)
        if phrase and all(voice.is_writers(t) for t in sent.doc.char_span(*phrase, alignment_mode="expand")):
            return (*phrase, "an evaluative phrase from the opinion lexicon")
        for token in sent:
            if not voice.is_writers(token) or token.pos_ not in ("ADJ", "NOUN", "VERB", "ADV"):
                continue
            if token.lower_ in self.certainty_adverbs and token.head.pos_ in ("ADJ", "VERB") and token.head.i > token.i:
                end = token.head.idx + len(token.head.text)
                return token.idx, end, "a certainty adverb asserting a conclusion"
            if (token.lower_ in self.labels or token.lemma_.lower() in self.labels) and not self.hedges.token_is_cue(token.head):
                return token.idx, token.idx + len(token.text), "an evaluative label from the opinion lexicon"
            if token.lower_ in self.sweeping_adverbs and states_a_habit(token):
                head = token.head
                complement = next((c for c in head.children if c.dep_ in ("acomp", "attr") and c.i > token.i), None)
                first, last = (token, complement) if complement is not None else sorted((token, head), key=lambda t: t.i)
                return first.idx, last.idx + len(last.text), "a sweeping generalisation, with no instances or dates"
        if probability >= self.judgement_probability:
            candidates = [t for t in sent if voice.is_writers(t) and t.pos_ in SUBJECTIVE_POS
                          and not self.hedges.token_is_cue(t) and self.classifier.word_weight(t) > 0]
            if candidates:
                token = max(candidates, key=self.classifier.word_weight)
                return (token.idx, token.idx + len(token.text),
                        f"the classifier rates the sentence {probability:.2f} opinion; strongest word")
        return None

    def __call__(self, doc: Doc) -> Doc:
        spans = sentences(doc)
        for i, sent in enumerate(spans):
            voice = self.voice(sent)
            own_words = [t for t in sent if voice.is_writers(t)]
            probability = self.classifier.probability(own_words)
            cues = self.hedges.find_cues(sent, voice)
            sent._.opinion = round(probability, 4)
            sent._.hedge = bool(cues) or self.hedges.has_flag_cue(sent, voice)

            for start, end in unsourced_quoted_labels(sent, self.quote_introducers, self.quoted_label_max_words):
                add_finding(doc, self.rules.rule("opinion.unattributed_quote"), start, end, kind="unattributed_quote",
                            why="a quoted label introduced with no named source", allow=self.rules)
            owned = find_phrase(sent, self.owned_markers)
            heading = is_heading(doc_text(doc), sent.text, sent.start_char, sent.end_char) or not any(
                t.pos_ in ("VERB", "AUX") for t in sent)  # "9. My professional opinion"
            if owned is not None and not heading:
                sent._.opinion = max(sent._.opinion, self.stated_opinion_floor)
            if owned is None:
                trigger = self.judgement_trigger(sent, voice, probability)
                if trigger is not None:
                    sent._.opinion = max(sent._.opinion, self.stated_opinion_floor)
                    start, end, why = trigger
                    add_finding(doc, self.rules.rule("opinion.judgement"), start, end, kind="judgement",
                                why=f"'{{match}}': {why}", allow=self.rules)
            elif not heading and not self.gives_reasons(doc, spans, i, owned):
                add_finding(doc, self.rules.rule("opinion.owned"), *owned, kind="owned",
                            why="an owned opinion with no 'because' or evidence after it", allow=self.rules)
            if cues:
                add_finding(doc, self.rules.rule("opinion.hedge"), *cues[0], kind="hedge",
                            why="'{match}': a speculation cue in the writer's own voice", allow=self.rules)
        return doc

    def gives_reasons(self, doc: Doc, spans: list[Span], i: int, owned: tuple[int, int]) -> bool:
        """Whether a reason marker follows the owned-opinion marker: in the rest of its sentence or
        in the next ``reason_window_sentences`` sentences of the same paragraph."""
        if self.reason_markers is None:
            return False
        last = spans[min(i + self.reason_window, len(spans) - 1)]
        text = doc_text(doc)
        paragraph_end = next((end for _, end in paragraphs(text) if end >= spans[i].end_char), len(text))
        end = min(last.end_char, paragraph_end)
        return self.reason_markers.search(text, owned[1], max(end, spans[i].end_char)) is not None


@Language.factory(
    "review_opinion",
    requires=["doc._.findings"],
    assigns=["span._.opinion", "span._.hedge", "doc._.findings"],
    default_config={"rules_path": None, "model_path": None},
)
def make_opinion_check(nlp: Language, name: str, *, rules_path: str | None, model_path: str | None) -> OpinionCheck:
    return OpinionCheck(rules_path, model_path)
