"""The `opinion` check: fact and opinion told apart, sentence by sentence.

How it works: docs/internals.md, `review.checks.opinion`."""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from review.checks.opinion.attribution import (WRITER, Voice, find_phrase, legal_categories, unsourced_quoted_labels,
                                               voice_of)
from review.checks.opinion.evidence import (Existentials, conceded, counts_what_is_had, defines_a_term,
                                            depicts_an_occasion, elaborated_after_colon, explains_a_cause,
                                            gives_its_measure, gives_specifics, level_of_risk_in_circumstance,
                                            observed_beside, reason_starts, reasons_back, records_a_process,
                                            says_what_is_talked_about, says_why_it_matters, states_a_plan,
                                            states_a_reason, states_its_scope, weighs_another_view, writer_perceives,
                                            writers_own_account)
from review.checks.opinion.hedge import HedgeCues, names_no_evidence
from review.checks.opinion.labels import PersonJudgements, Trigger
from review.checks.opinion.sentence_model import SentenceModel, load_sentence_model
from review.core.findings import add_finding
from review.core.rules import load_rules
from review.core.text import doc_paragraphs, doc_text, is_heading, sentences, span_text
from review.nlp.linguistics import linguistics
from review.nlp.patterns import phrase_pattern

# Verbs a certainty adverb tells the manner of ("heard clearly", "said clearly"), beside the speech verbs.
HEARING_VERBS = ("hear", "speak", "see", "talk")
# The words a model-driven judgement finding may point at as the evidence it rests on.
MODEL_EVIDENCE_POS = ("ADJ", "ADV", "NOUN", "VERB")


def states_a_habit(adverb: Token) -> bool:
    """Whether `adverb` ("always", "never") modifies a verb in the present simple ("Mum never
    attends", "the children are always hungry", "his book is never signed"): a claim about every
    occasion. "Leo has never been registered" and "Mum never answered on 3 May" state a fact."""
    head = adverb.head
    if adverb.dep_ not in ("advmod", "neg") or head.i == adverb.i or states_a_goal(head):
        return False
    if adverb.i > 0 and adverb.doc[adverb.i - 1].lower_ in ("not", "n't"):
        return False  # "her needs are not always met": a qualification, the opposite of a sweeping claim
    if head.tag_ in ("VBZ", "VBP"):
        return True
    return head.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in head.children)


def states_a_goal(verb: Token) -> bool:
    """'so that a sober adult is always responsible', 'to ensure he is never alone': a clause of
    purpose states what should happen, not what does."""
    for clause in (verb, *verb.ancestors):
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if "so" in marks or ("that" in marks and clause.head.lemma_ in ("so", "ensure")):
            return True
        if clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_ == "ensure":
            return True
    return False


def writers_words(sent: Span, voice: Voice) -> list[Token]:
    """The tokens of `sent` in the writer's voice; none when they are only punctuation (the closing mark
    of a quote's last sentence), so the model does not rate a lone mark."""
    words = [t for t in sent if voice.is_writers(t)]
    return words if any(not (t.is_punct or t.is_space) for t in words) else []


# The word classes of verbs whose clause is the source's words when their subject is not the writer.
ATTRIBUTION_VERBS = ("speech_verbs", "sharing_verbs", "denial_verbs", "recording_verbs")


class OpinionCheck:
    def __init__(self, rules_path: str | None = None, model_path: str | None = None):
        self.rules = load_rules(rules_path).check("opinion")
        lexicon = self.rules.lexicon
        self.model_path = model_path
        self.labels = frozenset(w.lower() for w in lexicon("evaluative_labels"))
        self.label_phrases = phrase_pattern(lexicon("evaluative_phrases"))
        self.certainty_adverbs = frozenset(w.lower() for w in lexicon("certainty_adverbs"))
        self.sweeping_adverbs = frozenset(w.lower() for w in lexicon("sweeping_adverbs"))
        self.attribution_verbs = frozenset(v.lower() for v in linguistics().word_classes.union(*ATTRIBUTION_VERBS))
        self.source_openers = lexicon("source_openers")
        self.belief_verbs = frozenset(w.lower() for w in lexicon("belief_verbs"))
        self.naming_verbs = frozenset(w.lower() for w in lexicon("naming_verbs"))
        self.writer_nouns = frozenset(w.lower() for w in lexicon("writer_nouns"))
        self.quote_introducers = lexicon("quote_introducers")
        self.owned_markers = phrase_pattern(lexicon("owned_markers"))
        self.reason_markers = phrase_pattern(lexicon("reason_markers"))
        self.cause_claims = phrase_pattern(lexicon("cause_claims"))
        self.hedges = HedgeCues.from_rules(self.rules)
        self.evidence_verbs = frozenset(w.lower() for w in lexicon("evidence_verbs"))
        self.person_judgements = PersonJudgements(*(frozenset(w.lower() for w in lexicon(name)) for name in (
            "person_nouns", "degree_adverbs", "status_adjectives", "risk_nouns", "forecast_conditions", "time_frames")))
        self.agencies = frozenset(w.lower() for w in lexicon("agency_nouns"))
        self.existentials = Existentials(*(frozenset(w.lower() for w in lexicon(name)) for name in (
            "existential_claim_nouns", "absence_nouns")))
        self.process_verbs = frozenset(w.lower() for w in lexicon("process_verbs"))
        self.relevance_words = frozenset(w.lower() for w in lexicon("relevance_words"))
        self.document_nouns = frozenset(w.lower() for w in lexicon("document_nouns"))
        self.scope_verbs = frozenset(w.lower() for w in lexicon("scope_verbs"))
        self.talk_verbs = frozenset(w.lower() for w in lexicon("talk_verbs"))
        self.legal_process_words = frozenset(w.lower() for w in lexicon("legal_process_words"))
        self.judgement_probability = self.rules.threshold("judgement_probability")
        self.opinion_probability = self.rules.threshold("opinion_probability")
        self.speculation_probability = self.rules.threshold("speculation_probability")
        self.quoted_label_max_words = int(self.rules.threshold("quoted_label_max_words"))
        self.reason_window = int(self.rules.threshold("reason_window_sentences"))
        self.stated_opinion_floor = self.rules.threshold("stated_opinion_probability")
        self.hedge_plain_below = self.rules.threshold("hedge_plain_below")
        self.heard_or_said = linguistics().word_classes.union("speech_verbs") | frozenset(HEARING_VERBS)

    @functools.cached_property
    def sentence_model(self) -> SentenceModel:
        """Loaded on first use, so that training the model can read voices before the model exists."""
        return load_sentence_model(self.model_path)

    def voice(self, sent: Span) -> Voice:
        return voice_of(sent, self.attribution_verbs, self.source_openers, self.belief_verbs, self.writer_nouns,
                        self.naming_verbs)

    def judgement_triggers(self, sent: Span, voice: Voice, evidenced: bool) -> list[Trigger]:
        """(start, end, why) of each label, phrase or pattern that makes `sent` a judgement: in the writer's
        voice, and not the offence or category a legal process is about ("convicted of harassment")."""
        legal = legal_categories(sent, self.legal_process_words)

        def writers(token: Token) -> bool:
            return voice.is_writers(token) and token.i not in legal

        phrase = find_phrase(sent, self.label_phrases)
        found: list[Trigger] = []
        if phrase and all(writers(t) for t in sent.doc.char_span(*phrase, alignment_mode="expand")):
            found.append((*phrase, "an evaluative phrase from the opinion lexicon"))
        colon = elaborated_after_colon(sent)
        for token in sent:
            if not writers(token) or token.pos_ not in ("ADJ", "NOUN", "VERB", "ADV"):
                continue
            if not self.may_judge(token):
                continue  # no word of the lexicons below (most words: turned away before the parse is walked)
            if any(s <= token.idx < e for s, e, _ in found) or self.inferred_from_evidence(token):
                continue
            if token.lower_ in self.certainty_adverbs and not colon:
                asserted = self.asserted_by(token)
                if asserted is not None:
                    found.append((token.idx, asserted.idx + len(asserted.text),
                                  "a certainty adverb asserting a conclusion"))
            elif self.is_label(token) and not colon and not (evidenced and token.tag_ in ("JJR", "RBR")) and not (
                    self.observed_beside(token)) and not gives_its_measure(token) and (
                    not depicts_an_occasion(token)):
                found.append((token.idx, token.idx + len(token.text), "an evaluative label from the opinion lexicon"))
            elif token.lower_ in self.sweeping_adverbs and states_a_habit(token):
                head = token.head
                complement = next((c for c in head.children if c.dep_ in ("acomp", "attr") and c.i > token.i), None)
                first, last = (token, complement) if complement is not None else sorted((token, head), key=lambda t: t.i)
                found.append((first.idx, last.idx + len(last.text), "a sweeping generalisation, with no instances or dates"))
        if not evidenced and not colon:
            found += [t for t in self.person_judgements.find(sent, writers)
                      if not any(s <= t[0] < e or t[0] <= s < t[1] for s, e, _ in found)]
        return sorted(found)

    def may_judge(self, token: Token) -> bool:
        """Whether `token` is a certainty or sweeping adverb or a lexicon label, which `judgement_triggers` asks
        more of; any other word is none of its triggers."""
        lower = token.lower_
        return (lower in self.certainty_adverbs or lower in self.sweeping_adverbs or lower in self.labels
                or token.lemma_.lower() in self.labels)

    def is_label(self, token: Token) -> bool:
        """A lexicon label judging a person, a home or a relationship (not "dirty dishes")."""
        if token.lower_ not in self.labels and token.lemma_.lower() not in self.labels:
            return False
        return not self.hedges.token_is_cue(token.head) and not self.person_judgements.describes_a_thing(token)

    def asserted_by(self, adverb: Token) -> Token | None:
        """The conclusion a certainty adverb asserts: "clearly intoxicated", "clearly being groomed",
        "is clearly depressed" (the adverb on the verb "be": its complement)."""
        head = adverb.head
        if head.lemma_ in self.heard_or_said:
            return None  # "can be heard clearly saying", "she spoke clearly": the manner, not a conclusion
        if head.pos_ in ("ADJ", "VERB") and head.i > adverb.i:
            return head
        if head.lemma_ == "be":
            return next((c for c in head.children if c.dep_ in ("acomp", "attr") and c.i > adverb.i), None)
        return None

    def inferred_from_evidence(self, token: Token) -> bool:
        """Whether `token` is in what an inference verb concludes from evidence its subject names
        ("it suggests his abusive behaviour is continuing", "her hunger shows her needs are not met")."""
        for verb in token.ancestors:
            if verb.lemma_.lower() in self.evidence_verbs and verb.pos_ == "VERB":
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                return subject is not None and subject.i < token.i and not names_no_evidence(subject)
        return False

    def owned_marker(self, sent: Span, voice: Voice) -> tuple[int, int] | None:
        """Offsets of the first owned-opinion marker ("I think", "in my view") in the writer's voice: a
        child's "I think" inside a quote owns nothing of the writer's."""
        if self.owned_markers is None:
            return None
        for match in self.owned_markers.finditer(span_text(sent)):
            span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                      alignment_mode="expand")
            if span is not None and all(voice.is_writers(t) for t in span):
                return sent.start_char + match.start(), sent.start_char + match.end()
        return None

    def unowned_clause_before(self, sent: Span, owned: tuple[int, int]) -> Span | None:
        """'Overall Dean is doing brilliantly and in my view he no longer needs a plan': an owned marker that opens
        a clause joined by "and" or "but" owns that clause only; the clause before it, about a person or what is
        theirs, is the writer's bare claim. Not "the relationship is moving quickly and I am concerned ...", nor a
        marker that opens or closes the sentence ("Dean is doing well, I think" owns it all)."""
        marker = sent.doc.char_span(*owned, alignment_mode="expand")
        if marker is None or marker.start <= sent.start + 1:
            return None
        joiner = sent.doc[marker.start - 1]
        if joiner.lower_ not in ("and", "but") or joiner.dep_ != "cc":
            return None
        before = sent.doc[sent.start:joiner.i]
        while len(before) and before[-1].is_punct:
            before = before[:-1]
        return before if self.person_judgements.of_a_person(before.root) else None

    def owned_feeling(self, sent: Span) -> tuple[int, int] | None:
        """'I am more worried about Alfie', 'we are very concerned': an owned marker ("I am worried")
        with a degree adverb inside it, read from the parse. Offsets of the words, or None."""
        for token in sent:
            if token.dep_ != "acomp" or token.head.lemma_ != "be":
                continue
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i < token.i and self.owned_markers is not None and self.owned_markers.fullmatch(
                    f"{subject.text} {token.head.text} {token.text}"):
                return subject.idx, token.idx + len(token.text)
        return None

    def reasoned_cue(self, sent: Span, cue: tuple[int, int]) -> bool:
        """Whether the speculation cue at `cue` has its basis: a reason in its sentence that is not
        itself the guess, or evidence it is inferred from ("her score suggests the pattern may repeat")."""
        token = sent.doc.char_span(*cue, alignment_mode="expand")[0]
        return states_a_reason(sent, self.reason_markers, claim=token) or self.inferred_from_evidence(token)

    @staticmethod
    def concedes(sent: Span, cue: tuple[int, int]) -> bool:
        """Whether the speculation cue at `cue` concedes a point against a statement (`evidence.conceded`)."""
        return conceded(sent.doc.char_span(*cue, alignment_mode="expand")[0])

    def guesses_about_a_person(self, sent: Span, cue: tuple[int, int]) -> bool:
        """Whether the speculation cue at `cue` guesses at a person's conduct or state ("she may be hiding
        it", "Dad is likely to be drinking"), not at a cause or a limit ("a new term may be part of it")."""
        token = sent.doc.char_span(*cue, alignment_mode="expand")[0]
        verb = token.head if token.dep_ in ("aux", "auxpass", "advmod", "acomp") else token
        return self.person_judgements.subject(verb) is not None

    def reads_as_given(self, sent: Span) -> bool:
        """Whether `sent` is not a bare claim for the sentence model to read alone: the writer's account of
        their own work or knowledge, a person's state placed in the occasion it is seen on, a plan, a count of what
        a person has, the record of an agency's process, what a person talks about, why what came before matters,
        the document's own scope, or a level of risk weighed for a circumstance with its reason ("If Mum relapsed,
        the risk to Ava would be high because ...")."""
        return (writers_own_account(sent) or self.person_judgements.observed_habit(sent)
                or states_a_plan(sent, self.agencies) or counts_what_is_had(sent)
                or records_a_process(sent, self.process_verbs, self.agencies)
                or says_why_it_matters(sent, self.relevance_words, self.person_judgements.of_a_person)
                or states_its_scope(sent, self.document_nouns, self.scope_verbs, self.person_judgements.of_a_person)
                or says_what_is_talked_about(sent, self.talk_verbs, self.person_judgements.subject)
                or (states_a_reason(sent, self.reason_markers)
                    and level_of_risk_in_circumstance(sent, self.person_judgements.risk_nouns) is not None))

    def observed_beside(self, label: Token) -> bool:
        """Whether the label's sentence gives its evidence beside it (`evidence.observed_beside`)."""
        return observed_beside(label, self.judges, self.attribution_verbs, self.existentials)

    def judges(self, clause: Span) -> bool:
        """Whether `clause` carries a lexicon label or phrase of its own."""
        return any(self.is_label(t) for t in clause) or find_phrase(clause, self.label_phrases) is not None

    @staticmethod
    def next_in_passage(spans: list[Span], i: int) -> int | None:
        """The index of the sentence after sentence `i` when it is in the same paragraph, list item or row, else None."""
        if i + 1 >= len(spans):
            return None
        structure = spans[i].doc._.structure
        if structure is not None and structure.block_at(spans[i].start_char) is not structure.block_at(
                spans[i + 1].start_char):
            return None
        return i + 1

    def __call__(self, doc: Doc) -> Doc:
        spans = sentences(doc)
        passages = Passages(self, spans)
        voices = [self.voice(sent) for sent in spans]
        own_words = [writers_words(sent, voice) for sent, voice in zip(spans, voices)]
        classes = self.sentence_model.probabilities(own_words)
        for i, sent in enumerate(spans):
            voice = voices[i]
            probability = 1.0 - classes[i]["other"]
            cues = self.hedges.find_cues(sent, voice)
            sent._.opinion = round(probability, 4)
            sent._.hedge = bool(cues) or self.hedges.has_flag_cue(sent, voice)

            for start, end in unsourced_quoted_labels(sent, self.quote_introducers, self.quoted_label_max_words):
                add_finding(doc, self.rules.rule("opinion.unattributed_quote"), start, end, kind="unattributed_quote",
                            why="a quoted label introduced with no named source", allow=self.rules)
            owned = self.owned_marker(sent, voice) or self.owned_feeling(sent)
            heading = is_heading(doc, sent) or not any(
                t.pos_ in ("VERB", "AUX") for t in sent)  # "9. My professional opinion"
            if owned is not None and not heading:
                sent._.opinion = max(sent._.opinion, self.stated_opinion_floor)
            if owned is None:
                # The model reads a sentence alone: not a heading or fragment, nor one the next sentence evidences.
                model_classes = None if heading or passages.observed_next(i) or self.reads_as_given(sent) else classes[i]
                guessed = not cues and model_classes is not None and self.add_model_speculation(
                    doc, sent, own_words[i], model_classes, passages.states_a_reason(i))
                sent._.hedge = sent._.hedge or guessed
                self.add_judgements(doc, sent, voice, passages.evidenced(i), own_words[i], model_classes,
                                    bool(cues) or guessed)
            before = self.unowned_clause_before(sent, owned) if owned is not None and not heading else None
            if before is not None:
                words = [t for t in before if voice.is_writers(t)]
                before_classes = None if passages.observed_next(i) or self.reads_as_given(before) else (
                    self.sentence_model.probabilities([words])[0])
                self.add_judgements(doc, before, voice, passages.evidenced(i), words, before_classes)
            reasoned = owned is not None and (heading or self.gives_reasons(doc, spans, i, owned))
            # "I think this supports her account, although a new term may be part of it": the writer weighs
            # their own view against another explanation, which is reasoned uncertainty, not a guess.
            weighed = owned is not None and weighs_another_view(sent)
            # "In my view the risk is highest in the first weeks, when he may not see he is unwell": the hedges after
            # an owned level of risk set out the circumstance it is weighed for, a scenario, not a guess.
            level = None if owned is None else level_of_risk_in_circumstance(sent, self.person_judgements.risk_nouns)
            if owned is not None and not reasoned:
                if self.guesses_a_cause(doc, sent, owned) and not passages.next_gives_evidence(i):
                    # "I think this is because of what is going on at home": the cause is the writer's guess
                    add_finding(doc, self.rules.rule("opinion.hedge"), *owned, kind="hedge",
                                why="'{match}': an owned explanation of why, the cause itself the claim, with no "
                                    "evidence for it", allow=self.rules)
                elif owns_as_an_afterthought(sent, owned):
                    # "Poppy is meeting her milestones I think", "She is sexually active, we think": the writer's
                    # doubt tagged on to a claim, with no reason for it, is a guess, not a view set out
                    add_finding(doc, self.rules.rule("opinion.hedge"), *owned, kind="hedge",
                                why="'{match}': an owning clause tagged on after the claim, with no reason given",
                                allow=self.rules)
                else:
                    self.add_owned(doc, owned, classes[i]["judgement"])
            # A hedge inside an owned opinion with its reasons is reasoned, as is one with its reason in the
            # sentence; without them "I think there may be ..." is speculation all the same.
            # So is a concession the writer weighs against a statement ("his words may be relevant but do not
            # tell us ..."), when it is not a guess about a person.
            cue = next((c for c in cues if not self.reasoned_cue(sent, c) and not (
                (weighed or self.concedes(sent, c)) and not self.guesses_about_a_person(sent, c))
                and not (level is not None and c[0] > level.idx)), None) if not reasoned else None
            # A modal or hedge word in a sentence whose own words the model reads as plain is a lookalike: "may"
            # of permission ("Parents may attend with an advocate"), statutory wording ("likely to suffer
            # significant harm").
            if cue is not None and owned is None and probability < self.hedge_plain_below and (
                    self.hedges.has_other_senses(doc.char_span(*cue, alignment_mode="expand")[0])):
                cue = None
            if cue is not None:
                add_finding(doc, self.rules.rule("opinion.hedge"), *cue, kind="hedge",
                            why="'{match}': a speculation cue in the writer's own voice", allow=self.rules)
        return doc

    def add_owned(self, doc: Doc, owned: tuple[int, int], judgement: float) -> None:
        """An owned opinion given no reason: a warning when the sentence model rates it a conclusion (about risk,
        harm, honesty, capacity), which needs its evidence as much as one stated as fact; else a note."""
        if judgement >= self.judgement_probability:
            add_finding(doc, self.rules.rule("opinion.owned_conclusion"), *owned, kind="judgement",
                        why=f"an owned conclusion the sentence model rates {judgement:.2f} an unevidenced judgement, "
                            "with no 'because' or evidence after it", allow=self.rules)
        else:
            add_finding(doc, self.rules.rule("opinion.owned"), *owned, kind="owned",
                        why="an owned opinion with no 'because' or evidence after it", allow=self.rules)

    def add_model_speculation(self, doc: Doc, sent: Span, own_words: list[Token], classes: dict[str, float],
                              reasoned: bool) -> bool:
        """A guess in the writer's voice that no cue word names ("I wonder whether Mum is drinking during the
        day", "I wonder if Dad is back in touch with his old friends"): when
        the sentence model rates the writer's words speculation at `speculation_probability` and the sentence
        gives no reason and its main clause is about a person, what is theirs or the writer, one hedge finding at
        the word the rating rests on most. Not when that word is of the hedge lexicon: the cue grammar has read
        it in another sense where it stands ("more likely to have asthma" compares, "could be heard" perceives).
        Whether one was raised."""
        if reasoned or classes["speculation"] < self.speculation_probability:
            return False
        subject = self.person_judgements.subject(sent.root, person=False)
        if not self.person_judgements.of_a_person(sent.root) and (subject is None or subject.lower_ not in WRITER):
            return False  # "It is too early to say whether the new routine will last": what can be known
        candidates = [t for t in own_words if t.pos_ in MODEL_EVIDENCE_POS or t.tag_ == "MD"]
        token = self.sentence_model.strongest_word(own_words, "speculation", candidates)
        if token is None or self.hedges.is_hedge_word(token):
            return False
        add_finding(doc, self.rules.rule("opinion.hedge"), token.idx, token.idx + len(token.text), kind="hedge",
                    why=f"'{{match}}': the sentence model rates the writer's words {classes['speculation']:.2f} "
                        "speculation, with no reason given; the word it rests on most", allow=self.rules)
        return True

    def model_judgement(self, sent: Span, classes: dict[str, float],
                        hedged: bool) -> tuple[tuple[str, ...], float] | None:
        """The classes and probability by which the sentence model reads the writer's words as an unevidenced
        judgement, or None: P(judgement) at `judgement_probability`; or, in a sentence with no hedge cue whose
        main clause says something of a person or of what is theirs, the opinion mass P(judgement) +
        P(speculation) at `opinion_probability`: a claim about a person that the model is sure is opinion but
        splits between the two ("Dad is less committed to the work", "Mum's new partner is bad news") is a bare
        assertion, which the guide counts a judgement. Not a sentence of what the writer can say or know ("It is
        too early to say ...", "This makes it harder to know ..."), whose uncertainty words the model reads as
        speculation."""
        if classes["judgement"] >= self.judgement_probability:
            return ("judgement",), classes["judgement"]
        mass = classes["judgement"] + classes["speculation"]
        if not hedged and mass >= self.opinion_probability and self.person_judgements.of_a_person(sent.root):
            return ("judgement", "speculation"), mass
        return None

    def add_judgements(self, doc: Doc, sent: Span, voice: Voice, evidenced: bool, own_words: list[Token],
                       classes: dict[str, float] | None, hedged: bool = False) -> None:
        """One finding per judgement in `sent`; else, when the sentence model rates the writer's words an
        unevidenced judgement (`model_judgement`), one at the word its decision rests on most."""
        if defines_a_term(sent, self.person_judgements.is_person):
            return  # "An IDVA is a specialist worker who ...": of no one in particular
        triggers = self.judgement_triggers(sent, voice, evidenced)
        if any(voice.is_writers(t) and self.is_label(t) and self.observed_beside(t) for t in sent):
            classes = None  # the sentence gives its label's evidence: not a judgement the model reads alone
        read = None if triggers or classes is None else self.model_judgement(sent, classes, hedged)
        if read is not None:
            categories, probability = read
            candidates = [t for t in own_words if t.pos_ in MODEL_EVIDENCE_POS]
            token = self.sentence_model.strongest_word(own_words, categories, candidates)
            # the word it rests on is what an evidence verb concludes from evidence named ("because it suggests
            # his abusive behaviour is continuing"): an inference with its basis, as for a lexicon label
            if token is not None and not self.inferred_from_evidence(token):
                rated = "an unevidenced judgement" if categories == ("judgement",) else "opinion, with no hedge"
                triggers = [(token.idx, token.idx + len(token.text),
                             f"the sentence model rates the writer's words {probability:.2f} {rated}; "
                             "the word it rests on most")]
        if triggers and sent._.opinion is not None:  # a clause of a sentence has no rating of its own
            sent._.opinion = max(sent._.opinion, self.stated_opinion_floor)
        for start, end, why in triggers:
            add_finding(doc, self.rules.rule("opinion.judgement"), start, end, kind="judgement",
                        why=f"'{{match}}': {why}", allow=self.rules)

    def gives_reasons(self, doc: Doc, spans: list[Span], i: int, owned: tuple[int, int]) -> bool:
        """Whether a reason marker follows the owned-opinion marker: in the rest of its sentence or
        in the next ``reason_window_sentences`` sentences of the same paragraph."""
        if self.reason_markers is None:
            return False
        last = spans[min(i + self.reason_window, len(spans) - 1)]
        text = doc_text(doc)
        paragraph_end = next((end for _, end in doc_paragraphs(doc) if end >= spans[i].end_char), len(text))
        end = min(last.end_char, paragraph_end)
        if any(t.idx >= owned[1] for t in reason_starts(spans[i], None)):
            return True  # "I feel the case needs to step up as the concerns are now too high"
        return any(not self.claims_its_cause(doc, spans[i], found.start(), found.end())
                   for found in self.reason_markers.finditer(text, owned[1], max(end, spans[i].end_char)))

    def guesses_a_cause(self, doc: Doc, sent: Span, owned: tuple[int, int]) -> bool:
        """Whether what the owned marker owns is a cause it claims in its own sentence, with no particulars there: a
        reason that is the whole predicate (`claims_its_cause`) or a ``cause_claims`` phrase ("is down to", "stems
        from", "is linked to")."""
        text = doc_text(doc)
        if self.reason_markers is not None and any(self.claims_its_cause(doc, sent, found.start(), found.end())
                                                   for found in self.reason_markers.finditer(text, owned[1], sent.end_char)):
            return True
        return (self.cause_claims is not None and not gives_specifics(sent, self.person_judgements.is_person)
                and self.cause_claims.search(text, owned[1], sent.end_char) is not None)

    def claims_its_cause(self, doc: Doc, sent: Span, start: int, end: int) -> bool:
        """Whether the reason marker at start..end opens the cause an owned opinion claims, in its own sentence and
        with no particulars there ("I think this is because of what is going on at home"): the guess, not its
        basis."""
        if not sent.start_char <= start < sent.end_char or gives_specifics(sent, self.person_judgements.is_person):
            return False
        marker = doc.char_span(start, end, alignment_mode="expand")
        return marker is not None and any(explains_a_cause(t) for t in marker)


def owns_as_an_afterthought(sent: Span, owned: tuple[int, int]) -> bool:
    """Whether an owned-opinion marker closes its sentence after a claim ("Dad is drinking again, I think."), where
    it owns nothing that follows and tells the writer's doubt of what came before."""
    after = sent.doc.char_span(owned[1], sent.end_char, alignment_mode="expand")
    return owned[0] > sent.start_char and (after is None or all(t.is_punct or t.is_space for t in after))


def continues_with(sent: Span, following: Span) -> bool:
    """Whether `following` goes on about the person `sent` is about, so that its particulars can be `sent`'s
    evidence: its subject is a pronoun or a word of `sent` ("Kayla is a lovely girl. Mason started Reception in
    September" does not), or it has no subject (a fragment), or `sent` is not about a named person ("Things have
    got worse. Last Tuesday school rang me ...")."""
    subjects = [t for t in following if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    if not subjects or not any(t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ == "PROPN" for t in sent):
        return True
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    return any(t.pos_ == "PRON" or t.lower_ in words or t.lemma_.lower() in words for t in subjects)


class Passages:
    """What each sentence of a doc gives as evidence, worked out once per sentence: a sentence is asked
    about itself and again as the next sentence of the one before it."""

    def __init__(self, check: OpinionCheck, spans: list[Span]):
        self.spans = spans
        self.check = check
        self.following = functools.cache(lambda i: check.next_in_passage(spans, i))
        self.states_a_reason = functools.cache(lambda i: states_a_reason(spans[i], check.reason_markers))
        self.gives_evidence = functools.cache(lambda i: self.states_a_reason(i) or gives_specifics(
            spans[i], check.person_judgements.is_person))

    def evidenced(self, i: int) -> bool:
        """Whether sentence `i` or the next one gives a reason or particulars (a date, a count, a quote, what
        the writer saw)."""
        following = self.following(i)
        return self.gives_evidence(i) or (following is not None and self.gives_evidence(following)
                                          and continues_with(self.spans[i], self.spans[following]))

    def next_gives_evidence(self, i: int) -> bool:
        """Whether the next sentence of the passage gives a reason or particulars (a date, a count, a quote)."""
        following = self.following(i)
        return following is not None and self.gives_evidence(following)

    def observed_next(self, i: int) -> bool:
        """Whether the next sentence of the passage gives the reason for sentence `i` (`reasons_back`) or what the
        writer saw or heard ("Mum is a caring mother. I saw her comfort Leo ..."): the evidence of a claim the
        sentence model reads alone. A reason the next sentence gives for its own claim is not it."""
        following = self.following(i)
        return following is not None and (reasons_back(self.spans[following], self.check.reason_markers)
                                          or any(writer_perceives(t) for t in self.spans[following]))


@Language.factory(
    "review_opinion",
    requires=["doc._.findings"],
    assigns=["span._.opinion", "span._.hedge", "doc._.findings"],
    default_config={"rules_path": None, "model_path": None},
)
def make_opinion_check(nlp: Language, name: str, *, rules_path: str | None, model_path: str | None) -> OpinionCheck:
    return OpinionCheck(rules_path, model_path)
