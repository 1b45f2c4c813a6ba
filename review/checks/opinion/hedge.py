"""Speculation cues in the writer's own voice ("seemed drunk", "may be depressed", "it is thought").

How it works: docs/internals.md, `review.checks.opinion.hedge`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from review.checks.opinion.attribution import WRITER, Voice
from review.checks.opinion.evidence import conjoined_clauses
from review.checks.opinion.labels import conjoined, situated
from review.core.text import span_text
from review.nlp.grammar import query_mark
from review.nlp.linguistics import linguistics
from review.nlp.patterns import phrase_pattern
from review.nlp.temporal.vocabulary import MONTHS, SEASONS, WEEKDAYS

COMPLEMENTS = ("acomp", "attr", "oprd")
DECADE = re.compile(r"(?:mid-|early-|late-)?\d0'?s")  # "20s", "mid-30s": an age given by its decade
# Verbs whose clausal complement a hedge adjective completes as what is brought about, not guessed
# ("to make this possible", "kept it possible for her to attend").
RESULT_VERBS = ("make", "render", "keep")
COMPARATIVES = ("more", "less", "as")
INFLECTED_VERB = re.compile(r"(?:ed|s|ing)$")


def lemmas_of(token: Token) -> tuple[str, ...]:
    """The forms a cue may match: the lemma, the word as written and, for an inflected verb the
    tagger mistook for an auxiliary ("Leo seemed withdrawn": lemma "seemed"), its bare stem."""
    forms = (token.lemma_.lower(), token.lower_)
    if token.pos_ == "AUX" and token.tag_ in ("VBD", "VBN", "VBZ", "VBG") and forms[0] == forms[1]:
        forms += (INFLECTED_VERB.sub("", token.lower_),)
    return forms


def is_month(token: Token) -> bool:
    """"May" in a date ("on 2 May 2024", "in May"): written with a capital inside the sentence, beside a number, or
    opening a sentence with no verb after it ("May - I arrived and ...", a log's month); "May I ask ..." and
    "May be using again" are the modal."""
    doc = token.doc
    if token.lower_ != "may":
        return False
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if any(t.like_num for t in beside) or (token.text == "May" and not token.is_sent_start):
        return True
    # "May - I arrived and ...", "May: two visits", "May half term": no verb follows, as one must follow a modal
    after = next((t for t in doc[token.i + 1:token.sent.end] if t.pos_ != "ADV" and t.dep_ != "neg"), None)
    return token.text == "May" and (after is None or (after.tag_ != "VB" and after.pos_ != "PRON"))


def queries_a_date(mark: Token) -> bool:
    """'?Dec', '?March', '?Tues': a query mark against a month, season or weekday asks when something happened,
    which is the date's precision (the date check's), not a guess at what happened ("?NAI", "?DV")."""
    word = mark.nbor().lower_.rstrip(".")
    return word in MONTHS or word in WEEKDAYS or word in SEASONS


def proposes(noun: Token) -> bool:
    """Whether a hedge word used as a noun puts forward a proposition: "the possibility that ...",
    "a possibility of harm", "it is a possibility", "my guess is"; "the suspect" names a person."""
    if noun.dep_ in ("attr", "nsubj") and noun.head.lemma_ == "be":
        return True
    return any(c.dep_ in ("acl", "relcl", "ccomp") and any(m.lower_ in ("that", "whether") for m in c.children)
               or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def names_no_evidence(subject: Token) -> bool:
    """A subject that names no particular evidence: a bare noun ("Intelligence suggests", "reports
    indicate"). A pronoun for what was just said ("this suggests", "which indicates") or a noun
    with a determiner or an owner ("these results", "Kayden's words") points at evidence given."""
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in subject.children)


def states_a_claim(clause: Token) -> bool:
    """Whether a verb's clause states something as so ("there was police involvement", "Dad has moved
    back in"): finite, not asking ("why Mum is worried"), not an instruction or plan ("would be held",
    "must not leave"), not a perception ("heard him shouting")."""
    helpers = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(h.tag_ == "MD" for h in helpers) or any(c.tag_ in ("WRB", "WP") and c.i < clause.i for c in clause.children):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(h.tag_ in ("VBD", "VBZ", "VBP") for h in helpers)


def brought_about(word: Token) -> bool:
    """'to make this possible', 'make it possible for him to attend': a hedge adjective completing a
    verb of causing states what an action achieves, not a guess."""
    return word.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and word.head.lemma_.lower() in RESULT_VERBS


def negated_appearance(verb: Token) -> bool:
    """'He did not appear distressed', 'she did not look frightened': an appearance verb, negated, with
    an adjective: no sign of the state was seen, which reports an observation, not a guess ("did not
    appear to understand" still guesses)."""
    return any(c.dep_ == "neg" for c in verb.children) and any(
        c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ" for c in verb.children)


def refers_to_a_thing(phrase: Span) -> bool:
    """'on the day it is reported', 'when it is said': a phrase such as "it is reported" whose "it"
    is a thing referred to (the verb has no clause of what is reported), not a report of a claim."""
    if phrase[0].lower_ != "it" or phrase[0].dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = phrase[0].head
    return verb.tag_ == "VBN" and not any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children) and not (
        verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "that")


@dataclass(frozen=True)
class HedgeCues:
    words: frozenset[str]
    modals: frozenset[str]
    weak_modals: frozenset[str]
    weak_modal_followers: frozenset[str]
    complement_verbs: frozenset[str]
    phrases: tuple[str, ...]
    exceptions: tuple[str, ...] = ()
    inference_verbs: frozenset[str] = frozenset()
    flag_words: frozenset[str] = frozenset()
    flag_phrases: tuple[str, ...] = ()
    hearsay_verbs: frozenset[str] = frozenset()
    unsourced_passives: frozenset[str] = frozenset()
    unnamed_sources: frozenset[str] = frozenset()
    unnamed_source_verbs: frozenset[str] = frozenset()
    permission_verbs: frozenset[str] = frozenset()
    agency_nouns: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()
    presentation_verbs: frozenset[str] = frozenset()
    presentation_respects: frozenset[str] = frozenset()
    possibility_modals: frozenset[str] = frozenset()
    capacity_verbs: frozenset[str] = frozenset()
    possibility_signals: frozenset[str] = frozenset()
    process_words: frozenset[str] = frozenset()
    estimate_words: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules) -> "HedgeCues":
        settings = linguistics().hedge
        lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
        lex = rules.lexicon
        return cls(lower(lex("hedge_words")), lower(lex("hedge_modals")), lower(lex("hedge_weak_modals")),
                   lower(settings.weak_modal_followers), lower(lex("hedge_complement_verbs")),
                   tuple(lex("hedge_phrases")), tuple(lex("hedge_exceptions")),
                   lower(lex("hedge_inference_verbs")),
                   lower(settings.flag_words), tuple(settings.flag_phrases),
                   lower(lex("hedge_hearsay_verbs")), lower(lex("hedge_unsourced_passives")),
                   lower(lex("hedge_unnamed_sources")), lower(lex("hedge_unnamed_source_verbs")),
                   lower(lex("hedge_permission_verbs")), lower(lex("agency_nouns")),
                   topic_verbs=lower(lex("hedge_topic_verbs")),
                   presentation_verbs=lower(lex("hedge_presentation_verbs")),
                   presentation_respects=lower(lex("hedge_presentation_respects")),
                   possibility_modals=lower(lex("hedge_possibility_modals")),
                   capacity_verbs=lower(lex("hedge_capacity_verbs")),
                   possibility_signals=lower(lex("hedge_possibility_signals")),
                   process_words=lower(lex("legal_process_words")),
                   estimate_words=lower(lex("hedge_estimate_words")))

    def __post_init__(self):
        object.__setattr__(self, "_phrase_pattern", phrase_pattern(self.phrases))
        object.__setattr__(self, "_exception_pattern", phrase_pattern(self.exceptions))
        object.__setattr__(self, "_flag_phrase_pattern", phrase_pattern(self.flag_phrases))
        # every form a token that is not a modal must have to be a cue: most words are turned away by it
        object.__setattr__(self, "_cue_forms", self.words | self.inference_verbs | self.complement_verbs)
        # every lemma a verb must have to pass on hearsay: most words are turned away by it
        object.__setattr__(self, "_hearsay_lemmas", self.hearsay_verbs | self.unsourced_passives | self.unnamed_source_verbs)

    def token_is_cue(self, token: Token) -> bool:
        forms = lemmas_of(token)
        lemma = forms[0]
        if token.tag_ != "MD" and self._cue_forms.isdisjoint(forms):
            return False
        if token.tag_ == "MD":
            if is_month(token):
                return False
            if lemma in self.modals or token.lower_ in self.modals:
                return not self.permits(token) and not self.topic_of_talk(token) and not self.power_to_act(token)
            if lemma in self.weak_modals or token.lower_ in self.weak_modals:
                following = [t for t in token.doc[token.i + 1:token.i + 4] if t.lower_ not in ("not", "n't", "also", "well")]
                if not following or following[0].lower_ not in self.weak_modal_followers:
                    return self.guesses_an_event(token)
                # "could be heard" reports a perception, "could be drinking" guesses
                return not (following[0].lower_ == "be" and len(following) > 1 and following[1].tag_ == "VBN")
            return False
        if any(form in self.words for form in forms):
            if token.pos_ == "VERB" and self.estimates_a_measure(token):
                return False  # "seemed about fifteen or sixteen years old"
            if token.dep_ == "amod" or (token.pos_ in ("NOUN", "PROPN") and not proposes(token)):
                return False  # "possible abuse", "the suspect": a category or a person, not a guess
            if brought_about(token):
                return False
            previous = token.doc[token.i - 1].lower_ if token.i > 0 else ""
            return previous not in COMPARATIVES  # "more likely to have asthma" compares, it does not guess
        if token.pos_ not in ("VERB", "AUX"):
            return False
        if any(form in self.inference_verbs for form in forms):
            verb = token.head if token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX") else token
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None) or next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and names_no_evidence(subject):
                return True  # "Intelligence suggests"; not "this suggests", "Kayden's words suggest"
        if any(form in self.complement_verbs for form in forms):
            if negated_appearance(token) or self.shown_by_conduct(token) or self.estimates_a_measure(token):
                return False
            after = token.doc[token.i + 1:token.i + 3]
            following = [t.lower_ for t in after]
            return any(c.dep_ in COMPLEMENTS for c in token.children) or following[:1] in (["like"], ["that"]) or (
                following in (["as", "if"], ["as", "though"])) or (
                following[:1] == ["to"] and len(after) == 2 and after[1].tag_ == "VB")
        return False

    def guesses_an_event(self, modal: Token) -> bool:
        """'Things could escalate quickly if she stops her medication', 'Dad could easily relapse': a possibility
        modal (`possibility_modals`) before a plain verb of a main clause, with a condition or an adverb of readiness
        on the verb (`possibility_signals`), guesses what may happen. Without one, "Sam could choose a snack" tells
        a capacity, as a verb of the senses, the mind or a skill does ("could see", "could read"). Not negated
        ("could not attend" tells a past fact), nor in a clause put inside another ("asked if he could stay"), nor
        with the writer or the reader as subject ("we could offer", "could you ring"): a suggestion or request."""
        verb = modal.head
        if modal.lower_ not in self.possibility_modals or verb.i <= modal.i or verb.tag_ != "VB":
            return False
        if verb.dep_ not in ("ROOT", "conj") or (verb.dep_ == "conj" and verb.head.dep_ != "ROOT"):
            return False
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
        if subject is None or subject.lower_ in WRITER or subject.lower_ == "you":
            return False
        if verb.lemma_.lower() in self.capacity_verbs or any(c.dep_ == "neg" for c in verb.children):
            return False
        # an adverb before the verb ("could well relapse"; "could sing well" is its manner), a condition anywhere
        signals = [c for c in verb.children if (c.dep_ == "advmod" and c.i < verb.i) or c.dep_ == "prep"]
        signals += [m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]
        return any(t.lower_ in self.possibility_signals for t in signals)

    def permits(self, modal: Token) -> bool:
        """'She may phone the duty line', 'the council may end the duty': "may" giving a person leave to contact,
        use or attend a service, or an agency its power, not guessing."""
        verb = modal.head
        if modal.lower_ != "may" or verb.i == modal.i or verb.tag_ != "VB":
            return False  # "may be using drugs", "may have used": a guess about what is or was done
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return verb.lemma_.lower() in self.permission_verbs or (
            subject is not None and subject.lemma_.lower() in self.agency_nouns)

    def power_to_act(self, modal: Token) -> bool:
        """'he may be re-arrested', 'the caution may be reviewed', 'she might be prosecuted': "may" or "might" before
        the passive of a legal process (`process_words`: the check's legal_process_words) states what the law lets
        an agency do, not a guess about a person ("may be drinking", "may be frightened", "may have been arrested"
        and "the inhaler may be shared" still guess)."""
        words = [t for t in modal.doc[modal.i + 1:modal.i + 6] if t.lower_ not in ("not", "n't", "also")]
        if len(words) < 2 or words[0].lower_ != "be":
            return False
        verb = words[1]
        if verb.lower_ == "re" and len(words) > 3 and words[2].text == "-":  # "re-arrested", split by the tokenizer
            verb = words[3]
        return verb.tag_ == "VBN" and (verb.lemma_.lower() in self.process_words or verb.lower_ in self.process_words)

    def topic_of_talk(self, modal: Token) -> bool:
        """'We talked about what might happen at conference', 'I explained to Dad what may happen if ...', 'This
        report is about his health and how it may affect his care of the children': a modal in a question put as
        the topic of what was said or written (a clause opened by "what", "how", "whether" that a verb of
        `topic_verbs` takes, or that "about" takes or is joined to), not the writer's guess ("I do not know what
        might happen" still hedges)."""
        clause = modal.head
        if clause.i == modal.i or clause.dep_ not in ("ccomp", "pcomp", "dobj", "conj"):
            return False
        opener = clause.doc[clause.left_edge.i]
        if opener.tag_ not in ("WP", "WRB", "WDT") and opener.lower_ not in ("whether", "if"):
            return False
        if clause.head.lower_ == "about":
            return True
        verb = clause.head.head if clause.head.pos_ == "ADP" else clause.head
        # "is about his drinking and whether it might affect contact": joined to the object of "about"
        return verb.lemma_.lower() in self.topic_verbs or any(
            c.dep_ == "prep" and c.lower_ == "about" and c.i < clause.i for c in verb.children)

    def is_hedge_word(self, token: Token) -> bool:
        """Whether `token` is a word of the hedge lexicon (a hedge word, modal, appearance or inference verb),
        whether or not it is a cue where it stands."""
        if token.tag_ == "MD":
            return token.lower_ in self.modals or token.lower_ in self.weak_modals
        return not self._cue_forms.isdisjoint(lemmas_of(token))

    def has_other_senses(self, token: Token) -> bool:
        """Whether cue `token` is a modal or a hedge word, whose other senses guess nothing ("may" of permission,
        "likely to suffer significant harm") and only the sentence's meaning tells apart; appearance verbs,
        hearsay and hedge phrases are told apart by their grammar."""
        return token.tag_ == "MD" or not self.words.isdisjoint(lemmas_of(token))

    def estimates_a_measure(self, verb: Token) -> bool:
        """'looked to be in his early twenties', 'seemed about fifteen', 'appeared to be a woman in her sixties, of
        small build': an appearance verb whose complement estimates age, height, build or size (a number, a decade
        such as "20s", or an `estimate_words` noun), as a description of someone seen does, with no verb or
        participle of a state in it ("appears to be behind what I would expect at two years" judges; "looked about
        15 and was shaking" is two clauses; "appeared intoxicated" and "looked thin" estimate nothing)."""
        words = [t for c in verb.children if c.i > verb.i and c.dep_ not in ("cc", "conj", "punct")
                 for t in c.subtree]
        return any(t.like_num or DECADE.fullmatch(t.lower_) or (t.pos_ == "NOUN" and (
            t.lower_ in self.estimate_words or t.lemma_.lower() in self.estimate_words)) for t in words) and not any(
            (t.tag_ in ("VBN", "VBG") or t.pos_ == "VERB") and t.lemma_.lower() not in self.estimate_words
            for t in words)

    def shown_by_conduct(self, verb: Token) -> bool:
        """'he appeared tense, kept leaving the bay and did not hold her': an appearance joined by "and" to
        what the person did (a verb of conduct in the past), which shows the reader what was seen. What they
        said ("appeared tired and said she had slept badly") is their account, not conduct seen."""
        return any(clause.lemma_ != "be" and clause.pos_ == "VERB" and not (self._cue_forms & set(lemmas_of(clause)))
                   and not any(c.dep_ in ("ccomp", "parataxis") for c in clause.children)
                   and (clause.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in clause.children))
                   for clause in conjoined_clauses(verb))

    def presentation_seen(self, phrase: Span) -> bool:
        """'Lee presents as polite and compliant in supervision', 'on 3 May she presented as brighter, made eye
        contact and laughed': a presentation (`presentation_verbs`) placed in the occasion it was seen on, or
        shown by what the person did, is the writer's record of it; "presents as a happy little boy" guesses."""
        verb = next((t for t in phrase if t.lemma_.lower() in self.presentation_verbs and t.pos_ == "VERB"), None)
        if verb is None:
            return False
        states = [w for c in verb.children if c.dep_ in ("acomp", "advcl", "oprd") for w in conjoined(c)]
        states += [w for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                   for o in c.children if o.dep_ in ("amod", "pobj", "pcomp") for w in conjoined(o)]
        return self.shown_by_conduct(verb) or situated(verb, states, self.presentation_respects)

    def hearsay(self, verb: Token) -> tuple[int, int] | None:
        """Offsets of what the writer passes on with no source: "I understand there was police involvement",
        "I gather Dad has moved back in" (a first-person verb of hearing with a stated clause and no "from");
        "the nurse has been told that ..." (a passive of telling with no agent, in the present or perfect);
        "everyone knows it" (an unnamed everyone as the source)."""
        lemma = verb.lemma_.lower()
        if lemma not in self._hearsay_lemmas or verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ in ("neg", "agent") for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if lemma in self.hearsay_verbs and subject is not None and subject.lower_ in WRITER and verb.tag_ != "VB" and (
                not any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)):
            if any(states_a_claim(c) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
                return subject.idx, verb.idx + len(verb.text)
        if lemma in self.unsourced_passives and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
            helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
            present = any(h.lemma_ == "have" or h.tag_ in ("VBZ", "VBP") for h in helpers)
            if present and any(states_a_claim(c) for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i):
                return helpers[0].idx, verb.idx + len(verb.text)
        if lemma in self.unnamed_source_verbs and subject is not None and subject.lemma_.lower() in self.unnamed_sources:
            return subject.idx, verb.idx + len(verb.text)
        return None

    def find_cues(self, sent: Span, voice: Voice | None = None) -> list[tuple[int, int]]:
        """Character offsets of each speculation cue in `sent` in the writer's voice, in order."""
        found = []
        text = span_text(sent)
        exceptions = [(sent.start_char + m.start(), sent.start_char + m.end())
                      for m in self._exception_pattern.finditer(text)] if self._exception_pattern else []
        pattern = self._phrase_pattern
        if pattern is not None:
            for match in pattern.finditer(text):
                start, end = sent.start_char + match.start(), sent.start_char + match.end()
                span = sent.doc.char_span(start, end, alignment_mode="expand")
                if span is not None and (voice is None or all(voice.is_writers(t) for t in span)) and not (
                        refers_to_a_thing(span)) and not self.presentation_seen(span):
                    found.append((start, end))
        for token in sent:
            if voice is not None and not voice.is_writers(token):
                continue
            if query_mark(token):
                if not queries_a_date(token):
                    found.append((token.idx, token.nbor().idx + len(token.nbor().text)))
            elif self.token_is_cue(token):  # most words: asked first, as it turns them away soonest
                if not any(s <= token.idx < e for s, e in found) and not any(s <= token.idx < e for s, e in exceptions):
                    found.append((token.idx, token.idx + len(token.text)))
            elif (token.lemma_.lower() in self._hearsay_lemmas  # as `hearsay` asks first: most words end here
                  and not any(s <= token.idx < e for s, e in found)
                  and not any(s <= token.idx < e for s, e in exceptions)
                  and (passed_on := self.hearsay(token)) is not None):
                found.append(passed_on)
        return sorted(found)

    def flags(self, sent: Span, voice: Voice | None = None) -> bool:
        """Whether `sent` carries an uncertainty cue in the writer's voice: a speculation cue of
        `find_cues`, or one of the broader ``hedge_flag_words`` / ``hedge_flag_phrases``."""
        return self.has_flag_cue(sent, voice) or bool(self.find_cues(sent, voice))

    def has_flag_cue(self, sent: Span, voice: Voice | None = None) -> bool:
        """Whether one of ``hedge_flag_words`` / ``hedge_flag_phrases`` stands in `sent` in the writer's voice."""
        writers = (lambda token: True) if voice is None else voice.is_writers
        if any(writers(t) and self._is_flag_word(t) for t in sent):
            return True
        if self._flag_phrase_pattern is not None:
            for match in self._flag_phrase_pattern.finditer(span_text(sent)):
                span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                          alignment_mode="expand")
                if span is not None and all(writers(t) for t in span):
                    return True
        return False

    def _is_flag_word(self, token: Token) -> bool:
        forms = lemmas_of(token)
        if self.flag_words.isdisjoint(forms):
            return False
        # a verb such as "appear" only hedges with a complement ("appeared drunk"), as for the finding
        return not any(form in self.complement_verbs for form in forms) or self.token_is_cue(token)
