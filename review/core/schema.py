"""The schema of the rules files (``rules/*.yaml``): one pydantic model per check.

Every lexicon and threshold a check reads is a field here, with a description saying what it
is for; a bundled file missing one, or a user's file naming one the check does not have, fails
on load. `review.core.rules` loads, merges and turns validation errors into one-line E301 messages.
"""

from __future__ import annotations

import string
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StrictFloat, StrictInt, StrictStr,
                      model_validator)
from pydantic_core import PydanticCustomError

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = get_args(Severity)


def _problem(text: str) -> PydanticCustomError:
    """A validation error whose message is `text` as it is (no pydantic prefix)."""
    return PydanticCustomError("review", "{problem}", {"problem": text})


def _non_empty(text: str) -> str:
    if not text.strip():
        raise _problem("must not be empty")
    return text


def _template(text: str) -> str:
    """A message or suggestion: every ``{...}`` a named placeholder (or a doubled ``{{`` brace)."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        names = [""]
    if not all(name.isidentifier() for name in names):
        raise _problem("has a broken {placeholder} (use names such as {match})")
    return text


Phrase = Annotated[StrictStr, AfterValidator(_non_empty)]
Phrases = list[Phrase]
Number = Annotated[StrictInt | StrictFloat, Field(ge=0)]
Text = Annotated[StrictStr, AfterValidator(_non_empty)]
Template = Annotated[StrictStr, AfterValidator(_non_empty), AfterValidator(_template)]


def lexicon(description: str):
    """A required lexicon: a list of non-empty phrases."""
    return Field(description=description)


def threshold(description: str):
    """A required threshold: a number >= 0."""
    return Field(description=description)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# Rules -----------------------------------------------------------------------------------------


class RulePatch(Strict):
    """A rule entry in a user's file that changes a bundled rule: only the fields it gives."""

    id: StrictStr = Field(description="CHECK.NAME, the rule's id in findings")
    severity: Severity | None = Field(None, description="info | warning | error")
    message: Template | None = Field(None, description="what is wrong; may use {match} and the check's placeholders")
    suggestion: Template | None = Field(None, description="how to put it right; may use placeholders too")
    rationale: Text | None = Field(None, description="the policy line the rule traces back to")
    enabled: StrictBool | None = Field(None, description="false switches the rule off")
    principle: StrictStr | None = Field(None, description="the principle its findings serve (default: the file's)")
    description: StrictStr | None = Field(None, description="what the rule looks for")


class RuleEntry(RulePatch):
    """A complete rule: id, severity, message, suggestion and rationale are required."""

    severity: Severity
    message: Template
    suggestion: Template
    rationale: Text


class Evidence(Strict):
    """What answers a checklist question (the kinds `review.checks.checklist` implements)."""

    kind: Literal["phrases", "child_wishes", "child_quotes", "child_quotes_with_circumstances",
                  "child_quotes_with_disclosure"] = Field(
        description="phrases: sentences holding a phrase of every lexicon listed; child_wishes: sentences "
                    "recording the child's wishes and feelings; child_quotes: sentences quoting the child; "
                    "child_quotes_with_circumstances / _with_disclosure: those quotes whose circumstances or "
                    "way of disclosure the report gives (the child_quotes kinds do not apply to a pre-verbal child)")
    lexicons: list[StrictStr] = Field(default_factory=list,
                                      description="for kind phrases: the checklist lexicons that must all match "
                                                  "in one sentence")
    needed_if_findings_of: StrictStr | None = Field(
        None, description="the question needs answering only when this check raised findings; otherwise it "
                          "counts as answered")

    @model_validator(mode="after")
    def _lexicons_for_phrases(self) -> "Evidence":
        if (self.kind == "phrases") != bool(self.lexicons):
            raise _problem("kind 'phrases' needs 'lexicons', and only that kind takes them")
        return self


class QuestionEntry(RuleEntry):
    """A checklist rule: one of the policy's questions, with the evidence that answers it."""

    evidence: Evidence = Field(description="what in the report answers the question")


class QuestionPatch(RulePatch):
    evidence: Evidence | None = None


# Files -----------------------------------------------------------------------------------------


class NoThresholds(Strict):
    """A check with no thresholds."""


class NoLexicons(Strict):
    """A check with no lexicons."""


class PatchFile(Strict):
    """A user's rules file that extends the bundled one (``mode: extend``, the default)."""

    check: StrictStr = Field(description="the check these rules belong to")
    principle: StrictStr | None = Field(None, description="the policy principle its findings serve")
    description: StrictStr | None = None
    mode: Literal["extend", "replace"] = Field("extend", description="replace: this file replaces the bundled one")
    rules: list[QuestionPatch] = Field(default_factory=list, description="rules changed or added, by id")
    lexicons: dict[StrictStr, Phrases] = Field(default_factory=dict, description="phrases added to lexicons")
    thresholds: dict[StrictStr, Number] = Field(default_factory=dict, description="thresholds replaced")
    allow: Phrases = Field(default_factory=list, description="phrases added to the allow-list")

    @model_validator(mode="after")
    def _ids_name_the_check(self):
        for rule in self.rules:
            if not rule.id.startswith(f"{self.check}.") or rule.id == f"{self.check}.":
                raise _problem(f"rule {rule.id}: id must be '{self.check}.NAME'")
        return self


class CheckFile(PatchFile):
    """A complete rules file for one check; subclasses give its lexicons and thresholds."""

    name: ClassVar[str]
    principle: StrictStr = Field(description="the policy principle its findings serve")
    description: StrictStr = ""
    rules: list[RuleEntry] = Field(default_factory=list, description="one entry per rule, id CHECK.NAME")
    lexicons: NoLexicons = NoLexicons()
    thresholds: NoThresholds = NoThresholds()

    @model_validator(mode="after")
    def _ids_once(self):
        seen = set()
        for rule in self.rules:
            if rule.id in seen:
                raise _problem(f"rule {rule.id}: defined twice")
            seen.add(rule.id)
        return self


# One schema per check -------------------------------------------------------------------------


class OpinionLexicons(Strict):
    evaluative_labels: Phrases = lexicon("words that label a person, a home or a relationship instead of "
                                         "describing it (matched by lemma or as written, in the writer's voice)")
    evaluative_phrases: Phrases = lexicon("phrases that state a conclusion about someone's conduct with no example")
    sweeping_adverbs: Phrases = lexicon("adverbs that, with a present simple verb, claim something of every occasion")
    certainty_adverbs: Phrases = lexicon("adverbs that assert a conclusion is beyond doubt ('clearly intoxicated')")
    source_openers: Phrases = lexicon("a sentence opening (or continuing after a comma) with one of these names "
                                      "its source")
    quote_introducers: Phrases = lexicon("verbs that introduce a quoted label; with no agent the label has no source")
    naming_verbs: Phrases = lexicon("verbs of naming something 'as' what it is to the namer: what one identified "
                                    "person names it as is that person's view ('Mum named weekends as ...')")
    belief_verbs: Phrases = lexicon("verbs of belief: what one identified person thinks or feels is that person's "
                                    "view, not the writer's ('Mum thinks Dad might come')")
    writer_nouns: Phrases = lexicon("nouns by which a writer names themselves in the third person ('the worker "
                                    "feels ...'): their view is the writer's own")
    person_nouns: Phrases = lexicon("nouns for a person: a judgement of one with 'be' characterises a person")
    degree_adverbs: Phrases = lexicon("adverbs of degree: an adjective they grade is a quality judged")
    status_adjectives: Phrases = lexicon("adjectives of age, status, order or kinship, which place a person "
                                         "and do not judge one")
    evidence_verbs: Phrases = lexicon("verbs that draw an inference from the evidence their subject names")
    legal_process_words: Phrases = lexicon("nouns and verbs of a legal or statutory process: the offence, order or "
                                           "category it is for or of is the law's word, not the writer's label")
    relevance_words: Phrases = lexicon("words of why something matters: 'this', 'that' or 'it' said to be one "
                                       "('This is relevant because ...') analyses what came before, not a person")
    document_nouns: Phrases = lexicon("nouns for the document itself ('this report'), whose scope a sentence may "
                                      "state")
    scope_verbs: Phrases = lexicon("verbs of what a document does ('sets out', 'covers'): with one of "
                                   "document_nouns as subject the sentence states its scope, not a claim")
    talk_verbs: Phrases = lexicon("verbs of talking about something: what a person talks about, or will not, is "
                                  "the record of what they say")
    process_verbs: Phrases = lexicon("verbs of an agency's process whose passive, with an agency as agent or "
                                     "recipient, records what was done ('was passed to MASH')")
    agency_nouns: Phrases = lexicon("nouns for an agency: what one 'will' do is a plan, not a claim about the family")
    time_frames: Phrases = lexicon("objects of 'at', 'in' or 'on' that frame a person's state in time or in general "
                                   "('at the moment', 'on the whole'), not in an occasion it was seen on")
    existential_claim_nouns: Phrases = lexicon("nouns whose 'there is ...' states a claim, not what was there ('there "
                                               "is no doubt', 'there is a risk'): no evidence for a label beside it")
    absence_nouns: Phrases = lexicon("nouns that say something is not there ('a lack of warmth'): with no date or time "
                                     "in the sentence, a general absence, no evidence for a label beside it")
    risk_nouns: Phrases = lexicon("nouns of risk: 'is a risk to', 'is at high risk of' state a conclusion")
    forecast_conditions: Phrases = lexicon("words setting the condition of a negated 'will' forecast of a person "
                                           "stated as certain ('without this his language will not develop')")
    owned_markers: Phrases = lexicon("first-person markers that own an opinion")
    cause_claims: Phrases = lexicon("how an owned opinion claims a cause ('is down to', 'stems from'): with no "
                                    "particulars in its sentence, the writer's guess")
    reason_markers: Phrases = lexicon("markers of a stated reason or evidence for an opinion")
    hedge_words: Phrases = lexicon("words that hedge wherever they stand, matched by lemma (not after a comparative)")
    hedge_modals: Phrases = lexicon("modal verbs of possibility, matched only as modals")
    hedge_weak_modals: Phrases = lexicon("weaker modals that hedge only before one of the linguistics data's "
                                         "hedge.weak_modal_followers")
    hedge_possibility_modals: Phrases = lexicon("weaker modals that also guess before a plain verb in a main clause "
                                                "('Dad could easily relapse')")
    hedge_possibility_signals: Phrases = lexicon("conjunctions, prepositions and adverbs on the verb that make a "
                                                 "possibility modal before a plain verb a guess ('could escalate "
                                                 "if ...', 'could easily relapse')")
    hedge_capacity_verbs: Phrases = lexicon("verbs of the senses, the mind or a skill whose 'could' tells a capacity "
                                            "('I could see', 'she could remember', 'he could read'), not a guess")
    hedge_complement_verbs: Phrases = lexicon("verbs that hedge only with a complement or before 'to', 'like', "
                                              "'that', 'as if' ('appeared drunk')")
    hedge_inference_verbs: Phrases = lexicon("verbs that hedge when their subject names no particular evidence "
                                             "('Intelligence suggests'; not 'this suggests')")
    hedge_phrases: Phrases = lexicon("fixed speculation phrases ('it is thought', 'not sure')")
    hedge_hearsay_verbs: Phrases = lexicon("first-person verbs of hearing that pass on the clause they heard with no "
                                           "source ('I understand there was ...')")
    hedge_unsourced_passives: Phrases = lexicon("verbs of telling whose present or perfect passive with no agent passes "
                                                "on hearsay ('has been told that ...')")
    hedge_unnamed_sources: Phrases = lexicon("subjects that name no source ('everyone knows it')")
    hedge_unnamed_source_verbs: Phrases = lexicon("verbs of knowing and saying whose unnamed subject is no source")
    hedge_exceptions: Phrases = lexicon("phrases in which a hedge word states feasibility or a plan, not a guess")
    hedge_permission_verbs: Phrases = lexicon("verbs after which 'may' gives a permission or a power, not a guess")
    hedge_topic_verbs: Phrases = lexicon("verbs of talking something through: a modal in the question they take as "
                                         "their topic ('talked about what might happen') is what was said, not a guess")
    hedge_presentation_verbs: Phrases = lexicon("verbs of a clinical presentation: a hedge phrase of one ('presented "
                                                "as tired') placed in its occasion or shown by conduct records what "
                                                "was seen")
    hedge_estimate_words: Phrases = lexicon("words of an estimate of age, height or build: an appearance verb whose "
                                            "complement is one ('looked to be in his twenties') describes, not guesses")
    hedge_presentation_respects: Phrases = lexicon("nouns of what a presented state is of ('low in mood'), which "
                                                   "place it in no occasion")


class OpinionThresholds(Strict):
    judgement_probability: Number = threshold(
        "the sentence model's probability of an unevidenced judgement at or above which the writer's own words of "
        "a sentence are reported as one when no lexicon word or pattern matches")
    opinion_probability: Number = threshold(
        "with no hedge cue, the sentence model's P(judgement) + P(speculation) at or above which the writer's own "
        "words of a sentence are reported as an unevidenced judgement when no lexicon word or pattern matches")
    speculation_probability: Number = threshold(
        "the sentence model's P(speculation) at or above which a sentence with no speculation cue and no reason is "
        "reported as a hedge")
    stated_opinion_probability: Number = threshold(
        "the least opinion probability of a sentence with a judgement finding or an owned opinion")
    hedge_plain_below: Number = threshold(
        "the sentence model's opinion probability below which a speculation cue outside an owned opinion is read "
        "as a lookalike (permission, statutory wording), not a guess")
    quoted_label_max_words: Number = threshold("longest quoted label (in words) checked for a missing source")
    reason_window_sentences: Number = threshold(
        "how many sentences after an owned opinion (in the same paragraph) may give its reasons")


class OpinionFile(CheckFile):
    name = "opinion"
    lexicons: OpinionLexicons
    thresholds: OpinionThresholds


class DateLexicons(Strict):
    event_verbs: Phrases = lexicon("lemmas of verbs that report a specific event (on the past-tense main verb)")
    event_nouns: Phrases = lexicon("nouns that make a past-tense sentence an event ('A referral was made')")
    habitual_markers: Phrases = lexicon("words and phrases that make a statement habitual or general, not one event")
    vague_periods: Phrases = lexicon("vague periods that date an event no more closely than 'some time lately'")
    recent_times: Phrases = lexicon("times said only to be recent ('recently', 'lately'): a change so dated is asked "
                                    "from when as a warning (date.recent_change)")
    vague_occasions: Phrases = lexicon("earlier occasions mentioned with no number or date")
    record_fields: Phrases = lexicon("lines that give a record's fields rather than report an event")
    vague_sequels: Phrases = lexicon("adverbs that date an event only as after another ('She later told me')")
    vague_sequel_phrases: Phrases = lexicon("phrases that date an event only as some while after or before another "
                                            "('Before long', 'Prior to this', 'at a later point')")
    vague_past_times: Phrases = lexicon("phrases that place a past event only as some time before now ('a while "
                                        "back', 'at some point', 'once')")
    occasion_openers: Phrases = lexicon("phrases that bring in one more occasion with no date ('Another time', "
                                        "'One evening'): the past clause they open tells an event")
    occasion_nouns: Phrases = lexicon("nouns of a routine occasion ('drop-off', 'trip') that, picked out as 'at one "
                                      "drop-off' or 'on one of the trips', bring in one more occasion with no date")
    missed_appointment_words: Phrases = lexicon("clinical shorthand for a missed appointment, itself a past event "
                                                "('DNA'd', 'Multiple DNAs')")
    place_adverbs: Phrases = lexicon("adverbs by which a past 'be' tells where someone was ('was around at the "
                                     "house'): a presence, an event when a time dates it")
    summary_verbs: Phrases = lexicon("verbs whose present perfect sums up what was said or seen over time ('has "
                                     "said she feels safe'), unless what was said is a disclosure")
    summary_adverbs: Phrases = lexicon("adverbs by which a present perfect tells how the whole period has gone ('has "
                                       "attended well')")
    whole_set_words: Phrases = lexicon("words that make a present perfect's object the whole set of the period ('has "
                                       "come to every meeting'): a summary")
    state_places: Phrases = lexicon("nouns after 'has been in/at/to' that tell a state or a stay ('in care'), not a "
                                    "visit ('Police have been in school')")
    recording_verbs: Phrases = lexicon("verbs of writing down what was seen or said ('I have recorded what I saw'): "
                                       "how the concerns were handled, not an event")
    routine_times: Phrases = lexicon("times of the day or week that, as a plural ('in the mornings', 'on Saturdays') "
                                     "or in a rate ('five hours a night'), tell a routine, not one event")
    undertaking_verbs: Phrases = lexicon("verbs of an undertaking whose present perfect with what is undertaken ('I "
                                         "have offered to go with her') tells an offer still standing, not an event")


class DateFile(CheckFile):
    name = "date"
    lexicons: DateLexicons


class LengthLexicons(Strict):
    glossary: Phrases = lexicon("abbreviations a parent or another agency may not know, as 'ABBR = expansion; "
                                "other expansion' (case-sensitive; the first expansion is suggested)")
    known_abbreviations: Phrases = lexicon("abbreviations every reader knows ('GP', 'NHS', 'A&E'): never flagged")
    passive_hidden_agent: Phrases = lexicon("verbs whose agentless passive in the past, perfect or future hides "
                                            "who acted ('concerns were raised')")
    passive_harm: Phrases = lexicon("harm done to a child, flagged as a passive in any tense")
    passive_step: Phrases = lexicon("verbs of arranging a next step, whose agentless passive hides who acts only "
                                    "as a step to be taken ('hearing test to be booked')")
    passive_perception: Phrases = lexicon("verbs of seeing and hearing whose passive hides who acted only when "
                                          "a verb follows ('was seen hitting'), not as an appointment")
    by_how_not_who: Phrases = lexicon("nouns after 'by' that say how or where, not who ('by the arm')")
    meetings: Phrases = lexicon("meetings, which name who acted as a passive's subject or setting")
    passive_giving: Phrases = lexicon("verbs of giving and offering, whose done passive with the person helped as subject hides no one")
    passive_view: Phrases = lexicon("verbs of holding a view, whose done or reduced passive hides who formed "
                                    "it ('it was felt that', 'bruises thought to be a week old')")
    passive_agreement: Phrases = lexicon("verbs of agreeing, whose passive with the writer as subject of what was "
                                         "agreed ('it was agreed I would visit') hides no one")
    passive_risk: Phrases = lexicon("verbs of harm whose passive after a modal of possibility ('could be hurt') "
                                    "states a risk, not an act whose actor is hidden")
    help_given: Phrases = lexicon("routine help a service gives or offers ('advice', 'a place', 'the number')")
    raised_said: Phrases = lexicon("what is raised by saying it ('concerns were raised'), unlike 'her score was "
                                   "raised'")


class LengthThresholds(Strict):
    sentence_words: Number = threshold("length.sentence: more words than this in one sentence")
    long_sentence_words: Number = threshold("length.long_sentence: a note on a sentence of at least this many words "
                                            "and no more than sentence_words")
    paragraph_words: Number = threshold("length.paragraph: more words than this in one paragraph")
    hard_grade: Number = threshold("length.hard_to_read: a sentence graded above this ...")
    hard_min_words: Number = threshold("... with at least this many words")
    run_on_joins: Number = threshold("length.run_on: independent clauses joined this many times in one sentence")
    comma_splice_min_words: Number = threshold("length.run_on: a comma splice in a sentence of fewer words passes")
    report_words: Number = threshold("length.report: more words than this in the whole report")
    reading_words_per_minute: Number = threshold("reading speed behind summary.reading_minutes")
    repeat_similarity: Number = threshold("length.repetition: share of word pairs two sentences share (Jaccard)")
    repeat_min_words: Number = threshold("... counting only sentences with at least this many content words")


class LengthFile(CheckFile):
    name = "length"
    lexicons: LengthLexicons
    thresholds: LengthThresholds


class ChildVoiceLexicons(Strict):
    speech_nouns: Phrases = lexicon("nouns whose possessor is the speaker ('Mia's first answer was \"no\"')")
    labelling_verbs: Phrases = lexicon("verbs after which a quote names what someone was called, not an utterance")
    child_references: Phrases = lexicon("how a report refers to the child without a name")
    child_address_words: Phrases = lexicon("words by which someone speaks to a child ('get up, child'): words "
                                           "that address the hearer so are not the child's own")
    voice_heading_words: Phrases = lexicon("words of a heading, with the child named or 'child', that give the "
                                           "section to the child's words ('Voice of the child', 'YP's views')")
    person_nouns: Phrases = lexicon("people referred to by role who can speak (the words that tell a gender are "
                                    "review.nlp.people's)")
    professional_roles: Phrases = lexicon("roles that make a speaker a professional, whose quoted label is a "
                                          "professional opinion")
    assessment_cues: Phrases = lexicon("words in a professional's full-sentence quote that give a view")
    communication_cues: Phrases = lexicon("how a child with little speech communicates: signs, pictures, aids")
    communication_gestures: Phrases = lexicon("a gesture as a verb and a word it governs ('push away': 'pushed "
                                              "the photo away'; 'shake head'), matched on lemmas")
    circumstance_cues: Phrases = lexicon("words that set the circumstances of a quote: when, where, who was present")
    record_nouns: Phrases = lexicon("written records a quote is taken from ('the GP's letter states'): how it came")
    disclosure_cues: Phrases = lexicon("how a quote came to be said: asked, spontaneously, in direct work")
    untimed_saying_words: Phrases = lexicon("frequency words that make a saying a habit, tied to no one occasion "
                                            "('has often said', 'always says')")
    indirect_saying_verbs: Phrases = lexicon("verbs that report the child's words in the writer's own ('said he "
                                             "wants', 'has told me that'): the indirect speech asked about")
    view_words: Phrases = lexicon("words of holding a view whose subject, the child, and clause ('feels that', "
                                  "'was clear that') give the child's view in the writer's words")
    wish_verbs: Phrases = lexicon("verbs whose subject, when it is the child, records a wish or feeling")
    feeling_words: Phrases = lexicon("adjectives of feeling ('Kayla is scared')")
    unwilling_to: Phrases = lexicon("objects after which a wish verb is unwillingness to speak, not a wish")
    stated_with_would: Phrases = lexicon("wish verbs whose 'would' states a wish ('would like'); with other verbs "
                                         "a modal supposes one ('would want', 'would be upset')")
    missed_occasions: Phrases = lexicon("what a child attends, whose missing is an absence, not a longing "
                                        "('missed two appointments', not 'misses her mum')")
    observed_responses: Phrases = lexicon("for a child too young to speak: responses the writer saw")
    antenatal_observations: Phrases = lexicon("for an unborn baby: what antenatal care sees of them (a scan, growth, "
                                              "heartbeat, movements)")
    presentation_words: Phrases = lexicon("for a child too young to speak: how they were seen to be ('alert')")
    quoted_wish_cues: Phrases = lexicon("a child's own words that carry a wish or a feeling")


class ChildVoiceThresholds(Strict):
    too_young_years: Number = threshold("below this age (in years) a child is too young to be quoted")
    min_report_sentences: Number = threshold("the document-level rules apply to texts of at least this many sentences")
    circumstances_window: Number = threshold("how far (in characters) around a child's quote to look for its "
                                             "circumstances")
    verb_after_tokens: Number = threshold("at most this many tokens between a quote's closing mark and its "
                                          "reporting verb")


class ChildVoiceFile(CheckFile):
    name = "child_voice"
    lexicons: ChildVoiceLexicons
    thresholds: ChildVoiceThresholds


class HistoricLexicons(Strict):
    past_markers: Phrases = lexicon("wording that marks an item as past, whatever its date")
    past_qualifiers: Phrases = lexicon("words that place what follows in the past ('previous', 'former'), read before "
                                       "a past_records noun, at most one word between")
    past_records: Phrases = lexicon("nouns of a relationship or a record that a past_qualifiers word makes past "
                                    "('a previous relationship', 'an old conviction')")
    heading_records: Phrases = lexicon("nouns of recorded events that a past_qualifiers word makes a history heading "
                                       "('Previous incidents'); read in headings only")
    held_records: Phrases = lexicon("records of past wrongdoing that, as the object of a present 'have' ('has a "
                                    "caution'), tell a past event")
    past_people: Phrases = lexicon("people read like past_records ('her former partner'): past only in a clause "
                                   "told in the past, as a person may be told of in the present")
    past_times: Phrases = lexicon("vague past times: like an old date, historic only in an item about a worry")
    past_adverbs: Phrases = lexicon("words that, alone as an adverb ('known to the police before'), are a vague past time")
    school_years: Phrases = lexicon("words for a school year ('year', 'yr'): 'in Year 5' told in the past tense of "
                                    "a worry is a time of someone's life, like an age")
    school_stages: Phrases = lexicon("stages of schooling: 'when she was in Reception' told of a worry is a time of "
                                     "someone's life, like an age")
    present_links: Phrases = lexicon("statements that tie an item to the present concern, read across its paragraph "
                                     "and its section's closing paragraph")
    reason_links: Phrases = lexicon("the past named as the reason for what is so now ('this is why she froze'), "
                                    "read in the item's sentence and the rest of its paragraph only")
    link_qualifiers: Phrases = lexicon("words naming a past as the same as now ('same', 'similar'), read before a "
                                       "link_nouns noun, at most one word between")
    link_nouns: Phrases = lexicon("nouns of what recurs ('pattern', 'kind', 'signs'): 'the same relapse pattern' "
                                  "ties an item to the present like a present_links phrase")
    present_cues: Phrases = lexicon("words that place an item in the present, read in its sentence and the next")
    consequence_words: Phrases = lexicon("words giving what is done now as the consequence of the past (', so I ask "
                                         "him about it'), counted on a clause told in the present")
    start_verbs: Phrases = lexicon("verbs whose simple past tells the start of what is still so ('joined the school in "
                                   "2021'): background with no worry so told is not history, whatever its date")
    title_nouns: Phrases = lexicon("words ending a title that a year after them belongs to ('the Children Act 1989'): "
                                   "the year names no event")
    history_headings: Phrases = lexicon("section headings under which a past concern is historic even undated, "
                                        "and (unless a context heading) an old dated item a past concern")
    context_headings: Phrases = lexicon("history headings that give context rather than a record ('Background')")
    relevance_headings: Phrases = lexicon("section headings that state how what follows relates to the present")
    concern_words: Phrases = lexicon("what makes a dated past item a matter of concern (checked for relevance)")


class HistoricThresholds(Strict):
    horizon_months: Number = threshold("events dated earlier than this many months before the report are historic")
    stale_weeks: Number = threshold("a report whose latest dated event is older than this gets historic.stale")
    min_report_sentences: Number = threshold("historic.stale applies to texts of at least this many sentences")
    following_sentences: Number = threshold("sentences after the item (in its paragraph) searched for a present cue")


class HistoricFile(CheckFile):
    name = "historic"
    lexicons: HistoricLexicons
    thresholds: HistoricThresholds


class LanguageThresholds(Strict):
    min_letters: Number = threshold("text with fewer letters than this is too short to tell")
    english_stop_word_share: Number = threshold("text with at least this share of English function words is "
                                                "English without asking the detector")
    common_english_word_share: Number = threshold("text with at least this share of common English words is "
                                                  "English without asking the detector")
    common_english_word_zipf: Number = threshold("a word is common in English at this Zipf frequency or more")
    min_confidence: Number = threshold("the detector's probability for a language other than English must reach this")


class LanguageFile(CheckFile):
    name = "language"
    thresholds: LanguageThresholds


class ChecklistLexicons(BaseModel):
    """The checklist's phrase lists; a user's file may add lists that its new questions' evidence names."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, Phrases]

    impact: Phrases = lexicon("phrases that say what the impact on the child is")
    parents_working: Phrases = lexicon("phrases that say whether and how the parents have worked with the writer")
    barriers: Phrases = lexicon("phrases that name barriers to working with the family")
    investigations: Phrases = lexicon("an investigation cue; with an 'ongoing' cue in the same sentence it answers "
                                      "other_investigations")
    ongoing: Phrases = lexicon("cues that an investigation is ongoing (or that there is none)")
    historic_explanations: Phrases = lexicon("phrases that explain why historic information matters now")


class ChecklistThresholds(Strict):
    min_report_sentences: Number = threshold("the checklist findings apply to texts of at least this many sentences")


class ChecklistFile(CheckFile):
    """The checklist: its rules are the policy's questions, in order, each with its evidence."""

    name = "checklist"
    rules: list[QuestionEntry] = Field(default_factory=list, description="one rule per question, in asking order")
    lexicons: ChecklistLexicons
    thresholds: ChecklistThresholds

    @model_validator(mode="after")
    def _evidence_lexicons_exist(self):
        known = set(self.lexicons.model_dump())
        named = {name for rule in self.rules for name in rule.evidence.lexicons}
        for rule in self.rules:
            for name in rule.evidence.lexicons:
                if name not in known:
                    raise _problem(f"rule {rule.id}: evidence names lexicon {name!r}, which is missing")
        declared = set(type(self.lexicons).model_fields)
        for name in known - declared - named:
            raise _problem(f"unknown lexicon {name!r} for check 'checklist' "
                           f"(known: {', '.join(sorted(declared | named))})")
        return self


SCHEMAS: dict[str, type[CheckFile]] = {
    schema.name: schema
    for schema in (OpinionFile, DateFile, LengthFile, ChildVoiceFile, HistoricFile, LanguageFile, ChecklistFile)
}
