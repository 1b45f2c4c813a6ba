"""The `date` check: events with no date or time, vaguely dated events, and the chronology.

How it works: docs/internals.md, `review.checks.date`."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from review.core.blocks import names_columns
from review.core.findings import add_finding
from review.core.rules import load_rules
from review.core.text import doc_text, per_doc, sentences, span_text
from review.nlp.grammar import (MODALS, clause_text, clause_tokens, governing_verb, is_past, is_past_progressive,
                                is_present_perfect, is_present_perfect_progressive, main_verbs)
from review.nlp.linguistics import linguistics
from review.nlp.patterns import phrase_pattern
from review.nlp.people import FAMILY_WORDS, NAME_TITLES, RELATIVES_AND_FRIENDS
from review.nlp.temporal import (TemporalExpression, dates_an_event, find_temporal_expressions, is_dayless_clock_time,
                                 is_time_of_day_unit, is_vague, names_a_day, opens_its_block, refers_back_to_a_date,
                                 sent_date, sentence_anchors, stated_report_date, written_date)
from review.nlp.temporal.values import value_range, weekday_date
from review.nlp.temporal.vocabulary import FULL_WEEKDAY_WORD, WEEKDAYS


@dataclass
class Event:
    """One dated event of the chronology: the sentence and the date it is dated by."""

    date: str                # the TimeML value dating it (the most specific in the sentence)
    anchor: str              # first calendar day of that value (YYYY-MM-DD): the sort key
    sentence: int            # index into the report's sentences
    start: int
    end: int
    text: str
    carried: bool            # dated by an earlier sentence or heading, not by its own words
    imprecise: bool


@dataclass
class HeaderEvent:
    """An event the report's header dates ("Assessment: 18/11/2026, 14:10–15:40", "Date of visit: 12/03/2024"):
    the event nouns its label names, the day, and the clock times it ran between, where given."""

    nouns: set[str]
    date: TemporalExpression
    times: tuple[str, str] | None


UndatedEvent = tuple[int, Span, Token]
CLOCK = re.compile(r"T(\d{2}:\d{2})")
WEEKDAY = re.compile(FULL_WEEKDAY_WORD, re.I)  # the sentence's index, the sentence, its event verb
MONTH_OR_YEAR = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
NUMBER = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|all)"
# a count out of a total ("attended 7 of her 9 contacts", "missed five of the last nine appointments"), a counted
# set of occasions or a count over a period ("seen once in the last two years"): a tally, not one event
TALLY = re.compile(r"\b" + NUMBER + r"\s+(?:out\s+)?of\s+(?:(?:the|her|his|their|its|our|my)\s+)?"
                   r"(?:(?:last|past|first|previous)\s+)?" + NUMBER + r"\b|"
                   r"\bon\s+" + NUMBER + r"\s+(?:separate\s+|different\s+)?occasions\b|"
                   r"\b(?:once|twice|" + NUMBER + r"\s+times)\s+(?:in|over|during)\s+the\s+(?:last|past)\b", re.I)
# a count out of a total, without the period words TALLY also takes ("attended 5 of the 8 sessions", "3 of her last 6")
RATIO = re.compile(r"\b" + NUMBER + r"\s+(?:out\s+)?of\s+(?:(?:the|her|his|their|its|our|my)\s+)?"
                   r"(?:(?:last|past|first|previous)\s+)?" + NUMBER + r"\b", re.I)
# a rate after a count ("twice a day", "three times per week", "two sessions each week"): a routine, not occasions
RATE_AFTER = re.compile(r"\s*(?:a|an|per|each|every)\s+(?:\w+\s+)?(?:day|night|week|fortnight|month|term|year|"
                        r"morning|evening|weekend|session|visit)s?\b", re.I)
# the words that place an occasion only by its place in a series ("the last review", "a recent visit")
EARLIER_WORDS = {"last", "previous", "recent", "earlier", "latest"}
# the words that count an unnumbered several ("several times", "a few occasions", "a number of times")
SEVERAL_WORDS = {"several", "few", "couple", "number", "many", "multiple", "numerous", "various"}
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# a count of occasions just before a time ("twice this year", "three times last month", "on two occasions recently"):
# the time bounds a tally, it does not date one event
COUNT_BEFORE = re.compile(r"\b(?:once|twice|" + NUMBER + r"\s+(?:more\s+)?times|on\s+" + NUMBER +
                          r"\s+(?:separate\s+|different\s+)?occasions)\s+(?:so\s+far\s+)?(?:(?:in|over|during)\s+)?$",
                          re.I)
# verbs of a state, not an action: a bullet in the past with one of these tells no event
STATIVE_VERBS = {"be", "seem", "appear", "look", "sound", "feel", "know", "think", "believe", "want", "like",
                 "love", "hate", "need", "live", "remain", "understand", "hope", "wish", "prefer", "mean", "own",
                 "belong", "contain", "include", "weigh", "cost", "deserve", "matter", "become", "stay"}
DEFINITE = {"the", "this", "that", "my", "our"}  # a determiner that refers back to an event already named
BACKGROUND_MARKERS = {"though", "although", "because", "while", "whilst", "as"}
TIME_MARKERS = {"after", "before", "when", "since", "until", "once"}
REASON_MARKERS = {"because", "as", "since", "given"}
SERIES_QUANTIFIERS = {"most", "many", "several", "some", "all", "every", "each", "few", "numerous", "various"}
PERIOD_PREPOSITIONS = {"over", "in", "during", "within", "throughout"}
# words by which a time expression places something at a point in the past, whatever its clause's tense ("a few
# weeks ago", "last year", "the other day", "a while back", "a few weeks before that"); not "recently" or "lately",
# which also tell a period up to now
PAST_POINT = re.compile(r"\b(?:ago|back|last|yesterday|other|before|earlier|previously)\b", re.I)
LENGTH_PREPOSITIONS = {"for", "within", "in", "than", "every", "each", "per"}
# a figure for a period ("Jordan 74%", "attended 3 of 4"): what a month-dated log entry may rightly give
PERIOD_FIGURE = re.compile(r"\d\s*%|\bper\s?cent\b", re.I)
MODAL_WORDS = {"will", "would", "shall", "should", "can", "could", "may", "might", "must"}


def anchors_a_time(doc: Doc, start: int, end: int) -> bool:
    """A period that says when ("over the last few weeks"), not how long ("for the last few weeks")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in PERIOD_PREPOSITIONS


class DateCheck:
    """Finds and normalises the report's temporal expressions, builds the chronology, flags undated events."""

    def __init__(self, rules_path: str | None = None, verb_forms: dict | None = None):
        self.rules = load_rules(rules_path).check("date")
        self.verb_forms = verb_forms or {}  # the lemmatizer's verb tables: exceptions, suffix rules, lemma index
        self.event_verbs = {w.lower() for w in self.rules.lexicon("event_verbs")}
        self.event_nouns = {w.lower() for w in self.rules.lexicon("event_nouns")}
        self.habitual = phrase_pattern(self.rules.lexicon("habitual_markers"))
        self.record_fields = phrase_pattern(self.rules.lexicon("record_fields"))
        self.vague_occasions = phrase_pattern(self.rules.lexicon("vague_occasions"))
        self.vague_periods = phrase_pattern(self.rules.lexicon("vague_periods"))
        self.recent_times = phrase_pattern(self.rules.lexicon("recent_times"))
        self.vague_sequels = {w.lower() for w in self.rules.lexicon("vague_sequels")}
        self.vague_sequel_phrases = phrase_pattern(self.rules.lexicon("vague_sequel_phrases"))
        self.vague_past_times = phrase_pattern(self.rules.lexicon("vague_past_times"))
        self.occasion_openers = phrase_pattern(self.rules.lexicon("occasion_openers"))
        self.occasion_nouns = {w.lower() for w in self.rules.lexicon("occasion_nouns")}
        self.missed_appointment_words = {w.lower() for w in self.rules.lexicon("missed_appointment_words")}
        self.place_adverbs = {w.lower() for w in self.rules.lexicon("place_adverbs")}
        self.summary_verbs = {w.lower() for w in self.rules.lexicon("summary_verbs")}
        self.summary_adverbs = {w.lower() for w in self.rules.lexicon("summary_adverbs")}
        self.whole_set_words = {w.lower() for w in self.rules.lexicon("whole_set_words")}
        self.state_places = {w.lower() for w in self.rules.lexicon("state_places")}
        self.recording_verbs = {w.lower() for w in self.rules.lexicon("recording_verbs")}
        self.routine_times = {w.lower() for w in self.rules.lexicon("routine_times")}
        self.undertaking_verbs = {w.lower() for w in self.rules.lexicon("undertaking_verbs")}

    def event_verb(self, sent: Span) -> Token | None:
        """The verb of a specific past event reported by `sent`, or None (habitual, general, present, a tally,
        a summary of what someone has said, or the reason given for a view)."""
        if self.is_header(sent) or TALLY.search(span_text(sent)):
            return None
        for verb in main_verbs(sent):
            if verb.lemma_ == "be" and is_past(verb) and (self.frames_an_event(verb) or self.there_was_an_event(verb)):
                return verb  # "At the last home visit Dad was asleep", "There was an argument at the gate"
            if verb.lemma_ == "be" and is_present_perfect(verb) and self.visits_a_place(verb, sent):
                return verb  # "Police have been in school"
            if (is_past(verb) or is_past_progressive(verb)) and self.names_an_earlier_occasion(verb) \
                    and not self.is_habitual(verb, sent):
                return verb  # "At the last review school reported ...", "On my last visit he was wearing ..."
            if not (is_past(verb) or is_telegraphic(verb)) or verb.lemma_ == "be" or self.is_habitual(verb, sent):
                continue
            if is_present_perfect(verb) and verb.lemma_.lower() in self.summary_verbs and not self.discloses(verb):
                continue  # "Maisie has said ...", "Staff have noticed that ...": said over time, not once
            if is_present_perfect(verb) and self.sums_up_the_period(verb):
                continue  # "has attended well this term", "has come to every meeting": the period, not an occasion
            if gives_a_reason_for_a_view(verb) or sets_a_condition(verb) or self.stands_now(verb):
                continue
            if self.relays_a_message(verb):
                continue
            if verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb):
                return verb
            if is_list_item(sent) and not is_present_perfect(verb) and verb.lemma_.lower() not in STATIVE_VERBS:
                return verb  # "* Dad smashed Mum's phone.": a bullet telling what someone did
        reported = self.reported_event(sent)
        if reported is not None:
            return reported
        opener = self.opening_past_verb(sent)
        if opener is not None and self.is_habitual(opener, sent):
            opener = None
        return self.missed_appointment(sent) or self.logged_event(sent) or opener or self.opened_occasion(sent)

    def stands_now(self, verb: Token) -> bool:
        """A present perfect of an undertaking with what is undertaken ("I have offered to go with her", "Mum has
        offered to move out"): an offer or promise still standing, part of the plan, not an incident to date (a past
        "offered to" that was then refused is one)."""
        return is_present_perfect(verb) and verb.lemma_.lower() in self.undertaking_verbs and any(
            c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)

    def relays_a_message(self, verb: Token) -> bool:
        """A request to pass on a view to a meeting ("She asked me to tell the conference that ...", "wanted me to
        let the panel know ..."): the speaker's message for the meeting, their voice, not an incident to date; a past event
        passed on that way is still a disclosure."""
        if verb.lemma_.lower() not in ("ask", "want"):
            return False
        for relay in (c for c in verb.children if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)):
            said = [t for t in relay.subtree if t.i != relay.i and t.pos_ in ("VERB", "AUX")
                    and t.dep_ in ("ccomp", "relcl", "conj", "advcl")]  # the parser may hang it on the meeting
            if relay.lemma_.lower() in SPEECH_VERBS | {"let", "pass", "share"} and any(
                    t.dep_ in ("dobj", "dative", "nsubj", "pobj") and self.is_event_noun(t)
                    and relay.i in (t.head.i, t.head.head.i) for t in relay.subtree) and not any(
                    is_past(c) or is_present_perfect(c) for c in said):
                return True  # not a disclosure passed on ("asked me to tell the meeting that Dad hit her")
        return False

    def reported_event(self, sent: Span) -> Token | None:
        """The past event verb of what someone says in the present ("Mum says Dad hit her", "Ella says she is scared
        and has run off"): the writer passes on an event, which asks for its date as much as one told directly. Not
        the words of a quote, a habit, or a summary of the period."""
        for verb in main_verbs(sent):
            if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() not in SPEECH_VERBS:
                continue
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                for event in [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]:
                    if (is_past(event) and event.lemma_.lower() in self.event_verbs and not in_quote(sent, event.idx)
                            and not self.is_habitual(event, sent) and not self.lasts(event)
                            and not (is_present_perfect(event) and self.sums_up_the_period(event))):
                        return event
        return None

    def sums_up_the_period(self, verb: Token) -> bool:
        """A present perfect that tells how the whole period has gone, not an occasion: a manner adverb ("has
        attended well"), the whole set of its occasions ("has come to every meeting", "has kept all her
        appointments", "has been to all ten sessions"), a bare count going on with a tally ("Mr Grant has attended 6"), a period it runs through
        ("since then", "since he moved in"), or the occasions it happens on named as a bare plural ("has come into
        the building on drop-offs", "has been quiet at handovers")."""
        if any(t.lower_ in ("since", "throughout") and t.dep_ in ("prep", "advmod", "mark")
               for t in outside_relative_clauses(verb)):
            return True  # wherever the parser hangs it ("has brought the twins to clinic on time since the review")
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in self.summary_adverbs:
                return True
            if child.dep_ == "dobj" and child.like_num and not any(c.dep_ == "prep" for c in child.children):
                return True  # a count of a set named before it ("... Mr Grant has attended 6")
        if any(t.dep_ == "prep" and t.lower_ in OCCASION_PREPOSITIONS and any(
                o.dep_ == "pobj" and o.tag_ == "NNS" and not o.ent_type_ and not any(
                    d.dep_ in ("det", "nummod", "poss", "amod") for d in o.children) for o in t.children)
               for t in clause_tokens(verb)):
            return True  # "on drop-offs", "at handovers": each such occasion, not one of them
        return any(noun.lower_ in self.whole_set_words or any(
            (d.dep_ in ("det", "amod", "advmod", "nummod") and d.lower_ in self.whole_set_words)
            or (d.dep_ == "nummod" and any(q.lower_ in self.whole_set_words for q in d.children))
            for d in noun.children)  # "all ten sessions": 'all' hung on the number
            for noun in verb_arguments(verb))

    def counts_several(self, verb: Token) -> bool:
        """The present perfect counts more than one occasion: "has missed two appointments", "has phoned twice",
        "three times"."""
        for token in clause_tokens(verb):
            if token.lower_ == "twice" or (token.lower_ == "times" and any(c.like_num for c in token.children)):
                return True
        return any(self.is_event_noun(noun) and any(c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1")
                                                    for c in noun.children) for noun in verb_arguments(verb))

    def tells_how_the_speaker_is(self, verb: Token) -> bool:
        """A past telling of how the speaker is, feels or usually does, in the present ("He told me he is scared",
        "She said she goes to school most days", "told me he gets on well with them"): a feeling, a habit or a
        standing fact passed on, not an incident to date (a dated telling is still a line of the chronology). Not a
        disclosure (what another person is or does, a past event: see `discloses`), nor what someone will do ("she
        said she would sort it")."""
        if is_present_perfect(verb) or verb.lemma_.lower() not in self.summary_verbs or self.discloses(verb):
            return False
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not in_quote(verb.sent, c.idx)]
        return bool(clauses) and all(c.tag_ in ("VBZ", "VBP") or (c.tag_ == "VB" and any(
            a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") and a.lemma_ != "have" for a in c.children))
            for c in clauses) and not any(is_past(c) or is_present_perfect(c) for c in clauses)

    def discloses(self, verb: Token) -> bool:
        """What a present perfect of saying reports is a disclosure: a past event ("has told me Dad hit her") or
        what another person is or does ("Mum has said Dad has a temper"), not how the speaker feels or sees things
        ("has said she feels safe")."""
        speakers = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
        for clause in verb.children:
            if clause.dep_ != "ccomp" or in_quote(clause.sent, clause.idx):
                continue
            if self.is_habitual(clause, clause.sent) or self.lasts(clause) or clause.tag_ == "VBG":
                continue  # "has told me her partner has been dropping the children off on some days": a habit
            if is_past(clause) and (clause.lemma_.lower() in self.event_verbs or self.has_event_noun(clause)):
                return True
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in speakers and names_a_person(c)
                   for c in clause.children):
                return True
        return False

    def visits_a_place(self, verb: Token, sent: Span) -> bool:
        """A present perfect "be" that tells a visit ("Police have been in school", "has been to the GP", "have been
        round"): not a state or a stay ("has been in care", "has been at the school for three years", "has been
        present")."""
        children = list(verb.children)
        if (any(c.dep_ in ("acomp", "attr", "ccomp", "xcomp", "oprd", "expl") and c.lower_ not in self.place_adverbs
                for c in children)
                or any(c.dep_ == "prep" and c.lower_ in LENGTH_OF_STAY for c in children)
                or any(c.dep_ == "npadvmod" and any(d.lower_ in self.whole_set_words for d in c.children)
                       for c in children)  # "all week"
                or self.is_habitual(verb, sent) or self.lasts(verb) or self.sums_up_the_period(verb)):
            return False  # "has been to every appointment": a summary
        places = [o for c in children if c.dep_ == "prep" and c.lower_ in VISIT_PREPOSITIONS
                  for o in c.children if o.dep_ == "pobj"]
        if places and not all(self.names_a_place(o) for o in places):
            return False  # "has been in tears at drop-off": a state
        return bool(places) or any(c.dep_ in ("advmod", "prt", "acomp") and c.lower_ in self.place_adverbs
                                   for c in children)

    def names_a_place(self, noun: Token) -> bool:
        """A noun for somewhere one can go ("school", "the GP", "Nan's flat"), not a state ("care", "contact") nor
        a time or a number."""
        if noun.pos_ not in ("NOUN", "PROPN") or noun.like_num or noun.ent_type_ in ("DATE", "TIME"):
            return False
        compounds = " ".join(c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))
        names = {noun.lemma_.lower(), noun.lower_}
        return not any(n in self.state_places or f"{compounds} {n}" in self.state_places for n in names)

    def lasts(self, verb: Token) -> bool:
        """A length or a repeated time is told in the verb's clause ("for three years", "every week")."""
        tokens = clause_tokens(verb)
        start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
        return any(e.type in ("DURATION", "SET") and start <= e.start < end for e in verb.doc._.dates or [])

    def opened_occasion(self, sent: Span) -> Token | None:
        """The past verb of a clause that an occasion opener brings in with no date ("Another time he had a mark on
        his arm", "One evening she was out until 2am", "At one drop-off he said ...", "On one of the trips she ..."):
        one more occasion told, an event whatever its verb. Not a length ("off school for one day"), a plan ("agreed
        to meet another time") or a habit."""
        picked = self.one_occasion_picked_out(sent)
        if picked is not None:
            return picked
        if self.occasion_openers is None:
            return None
        for found in self.occasion_openers.finditer(span_text(sent)):
            start, end = sent.start_char + found.start(), sent.start_char + found.end()
            span = sent.doc.char_span(start, end, alignment_mode="expand")
            if span is None or in_quote(sent, start):
                continue
            before = previous_word(sent.doc, span.start)
            if (before is not None and before.lower_ in LENGTH_PREPOSITIONS) or (
                    span.root.head.tag_ == "VB" and span.root.head.i != span.root.i):
                continue  # "for one day": a length; "to meet another time": what is still to be done
            verb = finite_head(governing_verb(sent.doc, start, end))
            if verb is not None and is_past(verb) and not self.is_habitual(verb, sent) and not sets_a_condition(verb):
                return verb
        return None

    def one_occasion_picked_out(self, sent: Span) -> Token | None:
        """The past verb dated only by one occasion picked out of a routine or a series ("at one drop-off", "on one
        of the trips", "during one of her visits"), or by one told only as later, recent or earlier ("On a subsequent
        visit", "at a recent appointment", "on a previous visit"), with an occasion or event noun: which one is not
        said."""
        for token in sent:
            if (token.lower_ != "one" and token.lower_ not in PICKED_OUT) or in_quote(sent, token.idx):
                continue
            if (token.lower_ in PICKED_OUT and token.dep_ == "amod" and token.head.dep_ == "pobj"
                    and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.head.children)):
                noun, prep = token.head, token.head.head  # "on a subsequent visit"
            elif token.lower_ != "one":
                continue
            elif token.dep_ == "nummod" and token.head.dep_ == "pobj":
                noun, prep = token.head, token.head.head  # "at one drop-off"
            elif token.dep_ == "pobj":
                prep = token.head  # "on one of the trips"
                noun = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj" and o.tag_ == "NNS"), None)
            else:
                continue
            if noun is None or prep.lower_ not in OCCASION_PREPOSITIONS or not self.names_an_occasion(noun):
                continue
            start, end = prep.idx, noun.idx + len(noun.text)
            verb = finite_head(governing_verb(sent.doc, start, end)) or verb_after_fronted_time(sent.doc, sent, start,
                                                                                                 end)
            if verb is not None and is_past(verb) and not self.is_habitual(verb, sent) and not sets_a_condition(verb):
                return verb
        return None

    def names_an_occasion(self, noun: Token) -> bool:
        """An event noun or a routine occasion's ("drop-off", "trips"), with the words hyphened to it."""
        words = noun.doc[min(t.i for t in noun.subtree if t.dep_ in ("compound", "punct") or t.i == noun.i):noun.i + 1]
        phrase = "".join(t.text_with_ws for t in words).strip().lower()
        return self.is_event_noun(noun) or any(phrase in (w, w + "s") or noun.lemma_.lower() == w
                                               for w in self.occasion_nouns)

    def opening_past_verb(self, sent: Span) -> Token | None:
        """A capitalised past-tense event verb opening a note or bullet with no subject, which the tagger took for a
        name or a present form ("Rang the MASH a while back", "Met Nan at the gate"): the note tells what the writer
        did."""
        words = [t for t in sent if not (t.is_space or t.is_punct)]
        if (not words or words[0].tag_ not in ("NNP", "NN", "VB", "VBP") or words[0].dep_ != "ROOT"
                or not words[0].text[:1].isupper()):
            return None
        first = words[0]
        if any(c.dep_ in ("nsubj", "compound", "poss") for c in first.children):
            return None  # "Dr Ahmed", "Ryan's mum": a name after all
        return first if self.past_form_lemma(first.lower_) in self.event_verbs else None

    def past_form_lemma(self, word: str) -> str | None:
        """The lemma of `word` read as a verb's past form ("rang" → "ring", "phoned" → "phone"), from the
        lemmatizer's own tables; None when it is not one."""
        exceptions, rules, index = (self.verb_forms.get(k, {}) for k in ("exceptions", "rules", "index"))
        if word in exceptions:
            lemma = exceptions[word][0]
            return lemma if lemma != word and not word.endswith(("s", "ing")) else None
        if not word.endswith("ed"):
            return None
        for old, new in rules:
            if word.endswith(old) and word[:len(word) - len(old)] + new in index:
                return word[:len(word) - len(old)] + new
        return None

    def logged_event(self, sent: Span) -> Token | None:
        """The event noun of a log line that names an event and, after a dash or a comma, its outcome, with no verb
        ("- Home visit – no answer", "- Therapy session 1 – DNA", "Home visit, no answer, card left." in a log row):
        the line records that it happened. A colon gives a finding instead ("- Full skin check: no marks"), dated by
        the examination it belongs to."""
        if not is_log_line(sent) or any(t.tag_ in FINITE_TAGS for t in sent) or states_a_plan(sent):
            return None
        if (self.habitual is not None and self.habitual.search(span_text(sent))) or any(
                e.type == "SET" and sent.start_char <= e.start < sent.end_char for e in sent.doc._.dates or []):
            return None  # "- Home visits fortnightly – Nan": a timetable
        words = [t for t in sent if not t.is_space and not (t.is_punct and t.i == sent.start)]
        # "Left cheek: three bruises, each 1 cm", "Two bruises, each 1 cm, on the cheek": what was seen, described
        commas = ":" not in span_text(sent)
        for i, token in enumerate(words):
            dash = token.text in ("–", "—", "-") and token.whitespace_ and words[i - 1].whitespace_
            comma = token.text == "," and commas and not any(w.like_num for w in words[:i])
            if 0 < i < len(words) - 1 and (dash or comma):
                return next((w for w in words[:i] if w.pos_ in ("NOUN", "PROPN") and self.is_event_noun(w)), None)
        return None

    def missed_appointment(self, sent: Span) -> Token | None:
        """The clinical shorthand of a missed appointment ("DNA'd his review", "Multiple DNAs") in a sentence that
        is not habitual: the shorthand is itself the past event, however the tagger reads it."""
        if self.habitual is not None and self.habitual.search(span_text(sent)):
            return None
        return next((t for t in sent if self.is_missed_appointment(t)), None)

    def missed_appointment_over(self, doc: Doc, start: int, end: int) -> Token | None:
        """The missed-appointment shorthand that the words at start..end hang from, up to their clause's verb."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = governing_verb(doc, start, end)
        token = span.root
        while True:
            if self.is_missed_appointment(token):
                return token
            if token is verb or token.head.i == token.i:
                return None
            token = token.head

    def is_missed_appointment(self, token: Token) -> bool:
        return token.lower_ in self.missed_appointment_words

    def frames_an_event(self, verb: Token) -> bool:
        """The state is told at one event named as its time ("At the last home visit", "during the meeting", "on the
        visit"); not at several ("has been present at two visits": a tally)."""
        return any(prep.dep_ == "prep" and prep.lower_ in ("at", "during", "on") and
                   any(obj.dep_ == "pobj" and obj.tag_ != "NNS" and self.is_event_noun(obj) for obj in prep.children)
                   for prep in verb.children)

    @staticmethod
    def is_header(sent: Span) -> bool:
        """A header field ("Completed by: ...") or a table's first row, the columns' names ("Date | What happened")."""
        structure = sent.doc._.structure
        block = structure.block_at(sent.start_char) if structure is not None else None
        return block is not None and (block.kind == "field" or names_columns(block, doc_text(sent.doc)))

    def is_event_noun(self, noun: Token) -> bool:
        """An event noun, alone or with its compounds ("referral", "core group", "the last core group")."""
        compounds = " ".join(c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))
        nouns = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound")
        names = {noun.lemma_.lower(), noun.lower_}
        return any(name in self.event_nouns or f"{compounds} {name}" in self.event_nouns
                   or f"{nouns} {name}" in self.event_nouns for name in names)

    def names_an_earlier_occasion(self, verb: Token) -> bool:
        """The verb is placed at an earlier occasion named only by its place in a series ("agreed at the last review",
        "At my last visit the house was clean", "on a recent visit"): an occasion of its own, which needs its date."""
        return any(prep.dep_ == "prep" and prep.lower_ in ("at", "during", "on") and any(
            obj.dep_ == "pobj" and obj.tag_ != "NNS" and self.is_event_noun(obj)
            and any(c.dep_ == "amod" and c.lower_ in EARLIER_WORDS for c in obj.children) for obj in prep.children)
            for prep in verb.children)

    def has_event_noun(self, verb: Token) -> bool:
        """The verb's subject or object is an event noun ("A referral was made", "held a meeting")."""
        return any(child.dep_ in ("nsubj", "nsubjpass", "dobj") and self.is_event_noun(child)
                   for child in verb.children)

    def reports_undated_series(self, verb: Token) -> bool:
        """A present perfect that sums up several events: "core groups have been held", "he has had
        several A&E attendances". Its time is the time of writing, so a date carried over from an
        earlier sentence does not date these events."""
        if not is_present_perfect(verb):
            return False
        return any(self.names_events(clause) for clause in conjoined_heads(verb) if is_present_perfect(clause))

    def dates_only_a_change(self, doc: Doc, own: list[TemporalExpression], verb: Token) -> bool:
        """Every date of the sentence bounds a change told in the present perfect in another clause than the event's,
        itself in the present perfect ("His behaviour has deteriorated this year and he has been seen getting into
        cars"): the period of the change, not the day of the event."""
        if verb.tag_ != "VBN" or not is_present_perfect(verb):
            return False
        for expr in own:
            clause = finite_head(governing_verb(doc, expr.start, expr.end))
            if (clause is None or clause.i == verb.i or clause.tag_ != "VBN" or not is_present_perfect(clause)
                    or clause.lemma_ == "be"
                    or clause.lemma_.lower() in self.event_verbs or self.has_event_noun(clause)
                    or verb.i in {t.i for t in clause_tokens(clause)}):
                return False
        return True

    def discloses_over_time(self, doc: Doc, verb: Token, dating: TemporalExpression | None) -> bool:
        """A disclosure told in the present perfect ("Mum has said Dad has a temper"): said up to now, so not dated by
        a date carried from another sentence of its section (a dated heading's, a table row's still dates it)."""
        if not (is_present_perfect(verb) and verb.lemma_.lower() in self.summary_verbs and self.discloses(verb)):
            return False
        structure = doc._.structure
        source = structure.block_at(dating.start) if structure is not None and dating is not None else None
        return source is None or source.kind not in ("heading", "row")

    def counted_before_its_date(self, sent: Span, verb: Token, dating: TemporalExpression | None) -> bool:
        """A present perfect counting several occasions whose only date is carried back from a later sentence
        ("Chantelle has missed two appointments. She did not attend on 22/05/2025."): that date tells one of them. An
        earlier date is the start of the period counted ("was referred on 08/01. I have met her three times"), unless
        it is vague or counted from the report ("seen a couple of months ago. She has missed her check twice"), which
        bounds no period a reader can place."""
        return (dating is not None and is_present_perfect(verb) and self.counts_several(verb)
                and (dating.start >= sent.end_char or is_vague(dating) or is_relative_to_report(dating)))

    def names_events(self, verb: Token) -> bool:
        """The present perfect's subject, object or the object of its preposition is several events ("core groups
        have been held", "has had several A&E attendances", "has been offered visits", "invited to several
        meetings")."""
        passive = any(c.dep_ == "auxpass" for c in verb.children)  # "has been offered several appointments"
        arguments = [c for c in verb.children
                     if c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and (verb.lemma_ == "have" or passive))]
        arguments += [obj for prep in verb.children if prep.dep_ == "prep"
                      for obj in prep.children if obj.dep_ == "pobj"]
        return any(noun.tag_ == "NNS" and self.is_event_noun(noun) for noun in arguments)

    def is_record_field(self, sent: Span) -> bool:
        return self.record_fields is not None and bool(self.record_fields.search(span_text(sent)))

    def __call__(self, doc: Doc) -> Doc:
        expressions = find_temporal_expressions(doc, doc._.report_date)
        ahead = self.meetings_ahead(doc, expressions)
        doc._.dates = expressions
        anchors = sentence_anchors(doc, expressions, doc._.report_date)
        events: list[Event] = []
        undated: list[UndatedEvent] = []
        header = self.header_events(doc, expressions)
        numbered = numbered_occasions(doc, expressions)
        spans = sentences(doc)
        verbs = [None if anchor["heading"] else self.event_verb(sent) for sent, anchor in zip(spans, anchors)]
        month_entries: dict[int, TemporalExpression] = {}  # undated events of an entry dated by its month alone
        told_undated: set[str] = set()  # the nouns of the sentences already asked for their date
        for index, (sent, anchor) in enumerate(zip(spans, anchors)):
            if self.is_record_field(sent):
                continue
            # a back-reference ("the same morning") dates the sentence when a date it can refer to is carried to it
            own = [e for e in anchor["own"] if (dates_an_event(e) or (refers_back_to_a_date(e) and anchor["carried"]))
                   and not is_dayless_clock_time(e)]
            verb = verbs[index]
            # "behaviour has deteriorated this year and he has been seen getting into cars": the year dates the change
            dating_own = [] if own and verb is not None and self.dates_only_a_change(doc, own, verb) else own
            if dating_own:
                dating, carried = most_specific(dating_own), False
            elif verb is not None and (self.reports_undated_series(verb) or self.discloses_over_time(doc, verb,
                                                                                                  anchor["carried"])):
                dating, carried = None, False  # "core groups have been held": not dated by the sentence before
            elif verb is not None and self.counted_before_its_date(sent, verb, anchor["carried"]):
                dating, carried = None, False  # "has missed two appointments. She did not attend on 22/05": one of them
            else:
                dating, carried = anchor["carried"], True
                if dating is not None and own and sent.start_char <= dating.start < sent.end_char:
                    dating = None  # its own date, which dates only the change
                if (dating is not None and is_vague(dating) and verb is not None
                        and any(is_dayless_clock_time(e) for e in anchor["own"])):
                    dating = None  # "Recently ... Mum rang at 8.50am": a time of day needs a day, not a vague time
                if dating is not None and verb is not None and (
                        (is_vague(dating) and introduces_an_event(verb)) or self.opened_occasion(sent) is not None
                        or ((has_indefinite_argument(verb) or is_present_perfect(verb)
                             or self.names_an_earlier_occasion(verb))
                            and carried_from_another_paragraph(doc, sent, dating) and not anchor.get("occasion"))
                        or (self.adds_another_event(verb) and carried_in_running_text(doc, dating))):
                    dating = None  # "Police were called recently ... A DASH was completed": a new event, undated;
                    # a paragraph in the present perfect tells what has happened up to now, not on the day before;
                    # "At my last visit ..." in a later paragraph names an occasion of its own
                if dating is not None and verb is not None and self.opens_a_month_entry(doc, sent, dating):
                    month_entries[index], dating = dating, None  # "October 2024 - 58%. Mum missed the panel."
            if dating is None and verb is not None and not anchor["heading"]:
                dating = (self.header_event_dating(doc, sent, header, expressions)
                          or numbered_occasion_named(sent, numbered))
            vaguely_dated = (self.check_relative(doc, sent, own, ahead)
                             or self.check_imprecise(doc, sent, own, anchor["own"])
                             or self.check_entry_date(doc, sent, own, verbs, spans)
                             or (not own and carried and dating is not None and not is_vague(dating)
                                 and not is_relative_to_report(dating) and self.check_sequel(doc, sent)))
            if (verb is not None and dating is None and not vaguely_dated
                    and not asks_no_date(verb, sent, self.recording_verbs) and not self.tells_how_the_speaker_is(verb)
                    and not introduces_dated_items(doc, sent)
                    and not placed_by_a_told_event(verb, told_undated)):
                undated.append((index, sent, verb))  # "He told me he is scared": a feeling passed on, no incident
            if not vaguely_dated and not (undated and undated[-1][0] == index) and not self.is_header(sent):
                vaguely_dated = self.check_counted_occasions(doc, sent, anchor["own"], anchor)
            if vaguely_dated or (undated and undated[-1][0] == index):
                told_undated.update(t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN"))
            if dating is not None and dating.anchor is not None and (verb is not None or (own and anchor["heading"])
                                                                    or (own and self.is_event_statement(sent))):
                events.append(Event(date=dating.value, anchor=dating.anchor.isoformat(), sentence=index,
                                    start=sent.start_char, end=sent.end_char, text=span_text(sent), carried=carried,
                                    imprecise=dating.imprecise))
        for passage in undated_passages(undated, anchors):
            self.flag_undated_passage(doc, passage, month_entries.get(passage[0][0]))
        events.sort(key=lambda e: (e.anchor, e.date, e.sentence))
        doc._.events = events
        return doc

    def header_events(self, doc: Doc, expressions: list[TemporalExpression]) -> list[HeaderEvent]:
        """The events the header fields date: a field whose label names an event ("Assessment:", "Date of visit:";
        not a record's own date such as "Date of report:") and whose value names a day not after the report date."""
        structure, text, report = doc._.structure, doc_text(doc), doc._.report_date
        found: list[HeaderEvent] = []
        for block in structure.blocks if structure is not None else []:
            line = text[block.start:block.end]
            if block.kind != "field" or ":" not in line:
                continue
            label = line.split(":", 1)[0].lower()
            nouns = {n for n in self.event_nouns if re.search(r"\b" + re.escape(n) + r"\b", label)}
            if not nouns or (self.record_fields is not None and self.record_fields.search(label)):
                continue
            inside = [e for e in expressions if block.start <= e.start < block.end]
            days = [e for e in inside if names_a_day(e) and not (report and e.anchor and e.anchor > report)]
            clocks = sorted(CLOCK.search(e.value).group(1) for e in inside
                            if e.type == "TIME" and e.value and CLOCK.search(e.value))
            if days:
                found.append(HeaderEvent(nouns, days[0], (clocks[0], clocks[-1]) if len(clocks) > 1 else None))
        return found

    def header_event_dating(self, doc: Doc, sent: Span, header: list[HeaderEvent],
                            expressions: list[TemporalExpression]) -> TemporalExpression | None:
        """The header's date for a sentence that tells of that event: it names it ("during the assessment", "on this
        visit"), or its block gives a clock time with no day within the times the event ran ("photographed at
        15:00" under "Assessment: 18/11/2026, 14:10–15:40")."""
        if not header:
            return None
        structure = doc._.structure
        block = structure.block_at(sent.start_char) if structure is not None else None
        clocks = [CLOCK.search(e.value).group(1) for e in expressions
                  if block is not None and block.start <= e.start < block.end and is_dayless_clock_time(e)]
        for event in header:
            if event.times and any(event.times[0] <= clock <= event.times[1] for clock in clocks):
                return event.date
            if any(t.lemma_.lower() in event.nouns and any(d.dep_ in ("det", "poss") and d.lower_ in DEFINITE
                                                           for d in t.children) for t in sent):
                return event.date
        return None

    def flag_undated_passage(self, doc: Doc, passage: list[UndatedEvent],
                             month: TemporalExpression | None = None) -> None:
        """One ``date.undated_event`` where an undated passage is first told, naming the sentences that go on
        with it (and the month its entry gives, where that is all it is dated by)."""
        _, _, verb = passage[0]
        why = f"Its entry gives only the month ('{month.text}'): say on which day." if month is not None else ""
        if len(passage) > 1:
            rest = ", ".join(f"{index + 1} ('{opening(sent)}')" for index, sent, _ in passage[1:])
            plural = "s" if len(passage) > 2 else ""
            why += (" " if why else "") + (f"The same undated passage goes on in sentence{plural} {rest}: one date "
                                           "here dates them all.")
        add_finding(doc, self.rules.rule("date.undated_event"), verb.idx, verb.idx + len(verb.text),
                    allow=self.rules, kind="undated", why=why)

    def meetings_ahead(self, doc: Doc, expressions: list[TemporalExpression]) -> set[int]:
        """The weekdays that name a meeting still to come ("see below for the conference on Monday", "Friday's core
        group"), by their start: in a sentence that tells nothing past, the coming day, not the last one (its value
        is set so)."""
        report, ahead = doc._.report_date, set()
        for expr in expressions:
            span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
            if (report is None or span is None or expr.relative != "report" or expr.type != "DATE"
                    or not WEEKDAY.fullmatch(expr.text) or not self.names_a_meeting(doc, span)):
                continue
            if expr.anchor is not None and expr.anchor <= report:
                if any(t.pos_ in ("VERB", "AUX") and is_past(t) for t in span.sent):
                    continue  # "the meeting on Monday went well": the last one
                day = weekday_date(report, WEEKDAYS[expr.text.lower()], "future")
                expr.value, expr.anchor = day.isoformat(), value_range(day.isoformat())[0]
            if expr.anchor is not None and expr.anchor > report:
                ahead.add(expr.start)
        return ahead

    def names_a_meeting(self, doc: Doc, span: Span) -> bool:
        """The weekday names the day of an event: it follows the event noun ("the conference on Monday") or is
        the possessive before one ("Monday's review")."""
        before = previous_word(doc, span.start)
        if before is not None and before.lower_ == "on":
            before = previous_word(doc, before.i)
        if before is not None and before.pos_ == "NOUN" and self.is_event_noun(before):
            return True
        after = [t for t in doc[span.end:span.end + 3] if not t.is_space]
        if len(after) < 2 or after[0].tag_ != "POS":
            return False
        noun = after[1]
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # "Friday's core group"
        return self.is_event_noun(noun)

    def check_relative(self, doc: Doc, sent: Span, own: list[TemporalExpression], ahead: set[int]) -> bool:
        """``date.relative`` on a past event dated only by words counted from the report date ("yesterday",
        "last week", "on Christmas Day", "three days ago"), with the date they resolve to (True if raised).
        A date written out anywhere in the sentence ("Yesterday (13/05/2024)") dates it. A meeting still to come
        named by its weekday (`ahead`: "the conference on Monday") gets it too: the report is read after that week."""
        if not own or not all(is_relative_to_report(e) or e.imprecise or is_clock_time(e)
                              or counted_from_relative_words(own, n) for n, e in enumerate(own)):
            return False  # "Last Tuesday ... at 3pm": the clock time takes its day from the relative words
        if self.entry_day(doc, sent) is not None:
            return False  # "Monday 9 November 2026: ... He said it was on Saturday night": counted from the entry's day
        relative = [e for e in own if is_relative_to_report(e) and not in_quote(sent, e.start)
                    and not counted_before(doc, e.start) and not (THE_DAY_OF_WRITING.fullmatch(e.text)
                                                                  and dates_itself(doc))
                    and (e.start in ahead or self.dates_past_clause(doc, sent, e.start, e.end))]
        if not relative:
            return False
        expr = relative[0]
        resolved = written_date(expr.value, doc._.report_date)
        add_finding(doc, self.rules.rule("date.relative"), expr.start, expr.end, allow=self.rules, kind="imprecise",
                    resolved=f"{resolved}?" if resolved else "the date")
        return True

    @staticmethod
    def entry_day(doc: Doc, sent: Span) -> TemporalExpression | None:
        """The calendar day the sentence's log entry or paragraph opens with ("Monday 9 November 2026: Home visit.
        ..."), from which its weekdays and "yesterday" are counted; None when it opens with none."""
        structure = doc._.structure
        block = structure.block_at(sent.start_char) if structure is not None else None
        if block is None or block.kind in ("heading", "field"):
            return None
        text = doc_text(doc)
        return next((e for e in doc._.dates or [] if block.start <= e.start < block.end and names_a_day(e)
                     and MONTH_OR_YEAR.search(e.text) and e.relative != "context" and opens_its_block(block, e, text)),
                    None)

    def check_imprecise(self, doc: Doc, sent: Span, own: list[TemporalExpression],
                        expressions: list[TemporalExpression]) -> bool:
        """``date.imprecise`` on the vague anchor that is all a sentence's event is dated by (True if raised).

        A vague anchor is an imprecise date ("recently", "over the summer"), a vague period
        ("over the last few months", from ``vague_periods``) or an unnumbered earlier occasion
        ("not the first time", from ``vague_occasions``); a month with no day or year dating a
        single event ("re-referred in January") is one too. A date or period must date a past,
        non-habitual clause; age-relative anchors ("as a child") are vague by nature and not asked for.
        """
        vague = [e for e in own if e.imprecise and e.value is not None or self.dates_event_by_month_alone(doc, e)]
        if any(e not in vague and not is_relative_to_report(e) and not is_clock_time(e)
               and not dates_only_the_telling(doc, e, vague) for e in own):
            return False  # a precise date in the sentence dates it (a clock time says no day)
        if len(vague) != len(own):
            # words counted from the report date that date no past clause of their own ("Recently Mia told a
            # teacher she had been at her dad's over the weekend": the weekend dates what she told, not the telling)
            vague = [e for e in vague if self.dates_past_clause(doc, sent, e.start, e.end)]
            own = vague
        spans = [(e.start, e.end, e.value) for e in vague]
        if not own and self.vague_periods is not None:
            spans = [(e.start, e.end, None) for e in expressions if e.type == "DURATION"
                     and self.vague_periods.fullmatch(e.text) and anchors_a_time(doc, e.start, e.end)]
        spans = [span for span in spans if not in_quote(sent, span[0])
                 and self.dates_past_clause(doc, sent, span[0], span[1], changes=True)]
        rule = "date.imprecise"
        if spans and not self.dates_past_clause(doc, sent, spans[0][0], spans[0][1]):
            # "things have slipped recently": a change, not an event; asked from when as a warning where the time is
            # only said to be recent (markers ask "'recently': from when?"), noted where it states a span ("over the
            # last few months", "since the autumn") or a far past ("in the past")
            rule = "date.recent_change" if self.is_only_recent(doc, spans[0]) else "date.vague_change"
        if not own and not spans:
            spans = self.vague_past_time(doc, sent)
        if not own and not spans and self.vague_occasions is not None:
            found = self.vague_occasions.search(span_text(sent))
            if found:
                spans = [(sent.start_char + found.start(), sent.start_char + found.end(), None)]
        if spans:
            start, end, value = spans[0]
            resolved = written_date(value, doc._.report_date)
            add_finding(doc, self.rules.rule(rule), start, end, allow=self.rules, kind="imprecise",
                        resolved=f" If it was {resolved}, say so." if resolved else "")
        return bool(spans)

    def is_only_recent(self, doc: Doc, span: tuple) -> bool:
        """Whether a vague anchor (start, end, value) says only that its time was recent ("recently", "lately", "in
        recent weeks", ``recent_times``), giving neither a start nor a span."""
        start, end, _ = span
        return self.recent_times is not None and self.recent_times.search(doc_text(doc)[start:end]) is not None

    def check_counted_occasions(self, doc: Doc, sent: Span, own: list[TemporalExpression], anchor: dict) -> bool:
        """``date.counted_occasions`` on a count of several past occasions none of which is dated ("was reported
        missing three times last month", "has missed two appointments", "on several occasions"; True if raised).

        Not a rate ("twice a day"), a ratio from a record ("5 of the 8 sessions"), a count over a period from a
        calendar date or month ("four times since 12/01/2025", "three injuries since August"), a count beside
        the days themselves, a line of a record that opens with its month ("Mar – attended 2 sessions"), a
        lead-in to a list of them ("three admissions:"), a time of life ("as a teenager"), the grounds of a view
        ("I base this on four sessions"), nor, in the simple past, what happened during the occasion the block
        is dated by ("At the visit on 14/03 ... She left the room twice"); a present perfect counts up to now,
        so only a day told before it, which starts the period counted, takes it out."""
        text = doc_text(doc)
        if anchor["heading"] or RATIO.search(span_text(sent)) or introduces_dated_items(doc, sent) or any(
                names_a_day(e) or YEAR.search(e.text) or is_time_of_life(e) or counts_from_a_calendar_time(text, e)
                for e in own):
            return False
        structure = doc._.structure
        block = structure.block_at(sent.start_char) if structure is not None else None
        if block is not None and any(opens_its_block(block, e, text) for e in [*own, anchor["carried"]] if e):
            return False  # "Mar – attended 2 sessions": a month's line of a record's tally
        for count, verb, start in self.occasion_counts(sent):
            if in_quote(sent, count.idx) or RATE_AFTER.match(text, count.idx + len(count.text)):
                continue
            if not (is_past(verb) or is_present_perfect(verb)) or evidences_a_view(verb):
                continue
            carried = anchor["carried"]
            if carried is not None and names_a_day(carried) and not is_relative_to_report(carried) and (
                    not is_present_perfect(verb) or carried.start < sent.start_char):
                continue  # "During the visit she left the room twice": that day's; "met her on 02/05. I have seen
                # her four times": the period from that day (a day told after the count dates only one of them)
            add_finding(doc, self.rules.rule("date.counted_occasions"), start, count.idx + len(count.text),
                        allow=self.rules, kind="counted")
            return True
        return False

    def occasion_counts(self, sent: Span):
        """Each count of more than one occasion in `sent`, with the verb it counts and where its words start:
        "twice", "three times", "on several occasions", "a number of times", an event noun with a number or
        "several" ("two missed appointments", "3 fixed-term exclusions")."""
        for token in sent:
            if token.lower_ == "twice":
                quantity = [token]
            elif token.lower_ in ("times", "occasions") or (token.tag_ == "NNS" and self.is_event_noun(token)):
                quantity = [c for c in token.children if c.dep_ in ("nummod", "amod", "quantmod")
                            and ((c.like_num and c.lower_ not in ("one", "1")) or c.lower_ in SEVERAL_WORDS)]
                if quantity and token.head.lower_ == "of":
                    continue  # "Of the ten sessions offered, he has attended 8": the total of a ratio
                if any(c.dep_ == "poss" or c.lower_ in ("the", "these", "those", *self.whole_set_words)
                       for c in [*token.children, *(d for q in quantity for d in q.children)]):
                    continue  # "the two missed appointments" (told of already), "all ten sessions" (the whole set)
                head = token.head.head if token.head.lower_ == "of" else None  # "a number of times"
                if not quantity and head is not None and head.lower_ in SEVERAL_WORDS and head.i < token.i:
                    quantity = [head]
                if not quantity:
                    continue
            else:
                continue
            verb = token.head
            while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "xcomp") and verb.head.i != verb.i:
                verb = verb.head  # "was reported missing three times", "have tried to speak to her several times"
            if verb.pos_ in ("VERB", "AUX"):
                start = min(t.left_edge.i for t in [*quantity, *(c for c in token.children if c.dep_ == "det")])
                yield token, verb, sent.doc[max(start, sent.start)].idx

    def vague_past_time(self, doc: Doc, sent: Span) -> list[tuple[int, int, None]]:
        """The phrase that places the sentence's past event only as some time before now ("a while back", "at some
        point", an adverb "once"; not "once a week" nor "once she arrived")."""
        if self.vague_past_times is None or TALLY.search(span_text(sent)):
            return []  # "seen once in the last two years": a count over a period
        for found in self.vague_past_times.finditer(span_text(sent)):
            start, end = sent.start_char + found.start(), sent.start_char + found.end()
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or in_quote(sent, start):
                continue
            last = span[-1]
            following = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if len(span) == 1 and (not stands_as_an_adverb(last) or (
                    following is not None and following.lower_ in ("a", "an", "every", "per", "or", "more", "again"))):
                continue  # "once a week", "once or twice", "once she had gone", "before the visit", "the day before"
            if last.lower_ == "once" and counts_up_to_now(last):
                continue  # "has been reported missing once": how many times so far, not when
            if self.dates_past_clause(doc, sent, start, end) or self.tells_an_event_there_was(doc, start, end):
                return [(start, end, None)]
        return []

    def tells_an_event_there_was(self, doc: Doc, start: int, end: int) -> bool:
        """The words at start..end date a "there was" of an event ("there was a referral at some point")."""
        verb = governing_verb(doc, start, end)
        return verb is not None and is_past(verb) and self.there_was_an_event(verb)

    def adds_another_event(self, verb: Token) -> bool:
        """The sentence brings in one more piece of evidence, not more of the occasion just dated: an event said to
        have been ("There was an argument", "There was also an occasion when ...") or a telling of another past
        event marked as an addition ("She also told me that Theo had been found crying", "A nurse also told me she
        saw him grip her wrist"): its date is that event's, which the date of the sentence before does not give."""
        if self.there_was_an_event(verb) or (verb.dep_ in ("advcl", "relcl") and self.there_was_an_event(verb.head)):
            return True  # "There was an occasion when Dad arrived drunk": the clause tells what the occasion was
        if verb.lemma_.lower() not in SPEECH_VERBS or not any(
                t.lower_ in ADDITION_ADVERBS and t.dep_ == "advmod" for t in clause_tokens(verb)):
            return False
        return any(is_past(clause) and not self.is_habitual(clause, clause.sent) and not in_quote(clause.sent, clause.idx)
                   and (clause.lemma_.lower() not in STATIVE_VERBS or any(c.dep_ == "prep" for c in clause.children))
                   for clause in verb.children if clause.dep_ == "ccomp")

    def there_was_an_event(self, verb: Token) -> bool:
        """A "there was" of an event noun ("there was a referral", "there was also an incident")."""
        return (verb.lemma_ == "be" and any(c.dep_ == "expl" for c in verb.children)
                and any(c.dep_ in ("attr", "nsubj") and self.is_event_noun(c) for c in verb.children))

    def check_entry_date(self, doc: Doc, sent: Span, own: list[TemporalExpression], verbs: list[Token | None],
                         spans: list[Span]) -> bool:
        """``date.imprecise`` on the date that opens a chronology row or list entry when it names no day
        ("| Jul 2024 | 16 wk imms | DNA |", "- Late October - joint visit"): the entry records one event. Where the
        entry gives figures for its month and its own sentence tells no event ("September 2024 - 74%"), the month
        is the right period for them, and an event told in a later sentence of the entry ("Letter sent.") is
        flagged there instead (see `opens_a_month_entry`)."""
        structure = doc._.structure
        block = structure.block_at(sent.start_char) if structure is not None else None
        if (block is None or block.kind not in ("row", "item") or names_columns(block, doc_text(doc))
                or not own or any(names_a_day(e) for e in own)):
            return False
        first = min(own, key=lambda e: e.start)
        if (first.value is None or not opens_its_block(block, first, doc_text(doc)) or in_quote(sent, first.start)
                or self.counts_occasions(doc, first.end, block.end) or is_long_past_month(first, doc._.report_date)):
            return False
        here = next(i for i, span in enumerate(spans) if span.start == sent.start)
        if verbs[here] is None and PERIOD_FIGURE.search(doc_text(doc)[first.end:block.end]):
            return False  # the entry's figures for its month; its events are asked for their day where told
        resolved = written_date(first.value, doc._.report_date)
        add_finding(doc, self.rules.rule("date.imprecise"), first.start, first.end, allow=self.rules, kind="imprecise",
                    resolved=f" If it was {resolved}, say so." if resolved else "")
        return True

    def opens_a_month_entry(self, doc: Doc, sent: Span, dating: TemporalExpression) -> bool:
        """The carried date is the dayless date that opens the sentence's own row or list entry of figures for the
        period, written in an earlier sentence of it ("November 2024 - 52%. Home visit, no answer."): a period for
        the entry's figures, but not the day of the event this sentence tells."""
        structure = doc._.structure
        block = structure.block_at(sent.start_char) if structure is not None else None
        return (block is not None and block.kind in ("row", "item") and dating.start < sent.start_char
                and bool(PERIOD_FIGURE.search(doc_text(doc)[dating.end:block.end]))
                and block.start <= dating.start and not names_a_day(dating) and dating.value is not None
                and not names_columns(block, doc_text(doc)) and opens_its_block(block, dating, doc_text(doc))
                and not self.counts_occasions(doc, dating.end, block.end))

    def counts_occasions(self, doc: Doc, start: int, end: int) -> bool:
        """The words at start..end quantify or count occasions ("attended most sessions", "missed about half",
        "attended 1 session so far"): a tally over the period, not one event ("16 wk imms" counts weeks)."""
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            t.lower_ in SERIES_QUANTIFIERS | {"half"} or (t.like_num and t.dep_ == "nummod" and self.is_event_noun(t.head))
            for t in span)

    def check_sequel(self, doc: Doc, sent: Span) -> bool:
        """``date.imprecise`` on an event the carried date dates only as coming after it ("On 24/03 she did not
        attend. She later told me ...": how much later is not said) (True if raised). Called only for a precise
        carried date: after a vague or relative one ("a few weeks ago ... This was identified afterwards") the
        passage is already asked for its date where that time is written."""
        sequel = self.vague_sequel(doc, sent)
        if sequel is not None:
            start, end = sequel.idx, sequel.idx + len(sequel.text)
        else:
            found = self.vague_sequel_phrase(doc, sent)
            if found is None:
                return False
            start, end = found
        add_finding(doc, self.rules.rule("date.imprecise"), start, end, allow=self.rules, kind="imprecise", resolved="")
        return True

    def vague_sequel_phrase(self, doc: Doc, sent: Span) -> tuple[int, int] | None:
        """A phrase that places a past event only as some while after or before another ("Before long she had gone
        missing", "Prior to this, his sister had told", "at a later point"): ``vague_sequel_phrases``."""
        if self.vague_sequel_phrases is None:
            return None
        for found in self.vague_sequel_phrases.finditer(span_text(sent)):
            start, end = sent.start_char + found.start(), sent.start_char + found.end()
            if not in_quote(sent, start) and self.dates_past_clause(doc, sent, start, end):
                return start, end
        return None

    def vague_sequel(self, doc: Doc, sent: Span) -> Token | None:
        """An adverb that dates a past event only as coming after another ("She later told me", "he subsequently
        disclosed", "Weeks later", "Several days afterwards"), with no date or count of its own ("two days later" is
        a temporal expression, "minutes later" the same day, "later than agreed" a comparison)."""
        for token in sent:
            if (token.lower_ not in self.vague_sequels or token.dep_ != "advmod" or in_quote(sent, token.idx)
                    or any(child.dep_ in ("nummod", "advmod") or (child.dep_ == "npadvmod" and says_how_long(child))
                           for child in token.children)
                    or (token.i > sent.start and is_time_of_day_unit(doc[token.i - 1].text))):
                continue  # "two hours later", "much later", "minutes later": said how long after, or the same day
            following = token.nbor(1) if token.i + 1 < len(doc) else None
            if following is not None and following.lower_ in ("than", "that", "the", "on", "in", "at"):
                continue
            if self.dates_past_clause(doc, sent, token.idx, token.idx + len(token.text)):
                return token
        return None

    def dates_event_by_month_alone(self, doc: Doc, expr: TemporalExpression) -> bool:
        """A month named with no day or year ("re-referred in January") dating an event verb."""
        if expr.imprecise or not re.fullmatch(r"\d{4}-\d{2}", expr.value or "") or re.search(r"\d", expr.text):
            return False
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        before = previous_word(doc, span.start) if span is not None else None
        if before is None or before.lower_ not in ("in", "during"):
            return False  # "since August" bounds a period; it does not date one event
        verb = governing_verb(doc, expr.start, expr.end)
        if verb is None or not (verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb)):
            return False
        # a counted or quantified event ("three injuries", "on most days") is a series, not one event; "one" is one;
        # a number in apposition to a person is their age ("Tyler (19) moved out", "Zara (6 weeks)"), not a count
        return not any((t.like_num and t.lower_ not in ("one", "1") and "appos" not in (t.dep_, t.head.dep_))
                       or t.lower_ in SERIES_QUANTIFIERS for t in clause_tokens(verb))

    def dates_past_clause(self, doc: Doc, sent: Span, start: int, end: int, changes: bool = False) -> bool:
        """The words at start..end date a clause about something that happened, not a habit, nor the
        background of a concessive or reason clause ("even though she was trained at the start of the
        year"); with `changes`, a change told in the present perfect ("things have slipped recently") too."""
        missed = self.missed_appointment_over(doc, start, end)
        if missed is not None:
            return not self.is_habitual(missed, sent)  # "DNA'd his review over the summer"
        verb = finite_head(governing_verb(doc, start, end)) or verb_after_fronted_time(doc, sent, start, end)
        if verb is None:
            opener = self.opening_past_verb(sent)  # "Rang the MASH a while back"
            return opener is not None and not self.is_habitual(opener, sent)
        verb = subordinator_of_a_state(doc, start, end, verb)
        if sets_a_condition(verb):
            return False  # "will be closed once Mum has attended": a condition still to be met
        if self.dates_a_past_occasion(doc, sent, start, end, verb):
            return True
        ongoing = changes and is_present_perfect_progressive(verb)  # "arrears have been building up recently"
        if (not (is_past(verb) or is_telegraphic(verb) or self.is_past_episode(doc, verb, start, end) or ongoing)
                or (verb.lemma_ == "be" and not (self.places_someone(verb) or self.there_was_an_event(verb)
                                                 or is_a_state_at_a_past_point(doc, verb, start, end)))
                or self.is_habitual(verb, sent)):
            return False  # "while they were apart": a state, not an event
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKERS for c in verb.children):
            return False
        if backs_a_present_statement(verb):
            return False
        if changes:
            return True
        # "things have slipped recently": a present perfect tells of an event only with an event verb or noun, and
        # of a pattern, not one event, when what it did is many ("has missed a lot of sessions lately")
        return not is_present_perfect(verb) or (
            (verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb)) and not quantifies_many(verb))

    def dates_a_past_occasion(self, doc: Doc, sent: Span, start: int, end: int, verb: Token) -> bool:
        """Words that by themselves place something in the past ("a few weeks ago", "last year", "the other day",
        "a few weeks before that") date a past occasion whatever the tense of their clause's verb: an event noun
        under a verb in the present ("The records show a call from Mum a few weeks ago"), the start of a state
        ("has been known to the service since last year"), or one of several events told in the present perfect
        ("has had a few bruises, one a couple of months ago"). Not a habit, nor a change ("has improved since last
        month", left to ``date.vague_change``)."""
        text = doc_text(doc)[start:end]
        if not PAST_POINT.search(text) or self.is_habitual(verb, sent) or any(
                c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in verb.children):
            return False
        span = doc.char_span(start, end, alignment_mode="expand")
        before = previous_word(doc, span.start) if span is not None else None
        if is_present_perfect(verb) or (verb.tag_ == "VBG" and any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                                                   for c in verb.children)):
            if before is not None and before.lower_ == "since":
                return verb.lemma_.lower() in STATIVE_VERBS or verb.lemma_.lower() in ("have", "live")
            return verb.lemma_.lower() in self.event_verbs or self.has_event_noun(verb)
        if verb.tag_ in ("VBZ", "VBP") and not is_past(verb):
            if before is not None and before.lower_ in ("since", "than", "from", "until", "till"):
                return False  # "better than last week", "from last year": a comparison or a period
            return self.has_event_noun(verb) or any(
                c.dep_ == "attr" and self.is_event_noun(c) for c in verb.children) or (
                span is not None and self.is_event_noun(span.root.head) and span.root.head.i != span.root.i)
        return False

    @staticmethod
    def is_past_episode(doc: Doc, verb: Token, start: int, end: int) -> bool:
        """A past progressive that tells what was going on at one time: placed by words pointing to a moment in the
        past ("The other day Mum was slurring her words"), or the time clause of a past event ("noticed a bruise when
        he was getting changed before Christmas"); not a routine of a period ("were only coming on the free days in
        the summer")."""
        if not is_past_progressive(verb):
            return False
        return bool(PAST_POINT.search(doc_text(doc)[start:end])) or (
            verb.dep_ == "advcl" and verb.head.i != verb.i and is_past(verb.head))

    def places_someone(self, verb: Token) -> bool:
        """A "be" that tells where someone was ("was around at the house", "was at Nan's flat", "was back there"):
        a presence, an event when a time dates it; not a state ("was at risk", "was in the army", "was in a
        relationship") nor a time ("was at the start of ...": a named date or number is no place)."""
        for child in verb.children:
            if child.dep_ in ("advmod", "acomp", "prt") and child.lower_ in self.place_adverbs:
                return True
            if child.dep_ == "prep" and child.lower_ == "at" and any(
                    obj.dep_ == "pobj" and not obj.ent_type_ and not obj.like_num and any(
                        d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an", "no") for d in obj.children)
                    for obj in child.children):
                return True
        return False

    def is_habitual(self, verb: Token, sent: Span) -> bool:
        """A habitual marker in the verb's own clause ("usually", "every day", "continues to"), or a routine time
        (see `tells_a_routine`)."""
        if self.habitual is not None and self.habitual.search(span_text(sent)) and self.habitual.search(
                clause_text(verb)):
            return True  # a marker in the sentence, then in the clause
        return self.tells_a_routine(verb) or self.records_each_time(verb, sent)

    def records_each_time(self, verb: Token, sent: Span) -> bool:
        """A record or report of what a habitual clause just told, joined to it and pointing back to it ("Staff
        changed her each time and I recorded it on the day", "... every time and I told her mum about it"): one
        record of each occurrence, as habitual as they are, not one more incident."""
        head = verb.head
        if (verb.dep_ != "conj" or head.i == verb.i or head.pos_ not in ("VERB", "AUX")
                or verb.lemma_.lower() not in self.recording_verbs | SPEECH_VERBS
                or not (self.habitual is not None and self.habitual.search(clause_text(head)))):
            return False
        return any(c.dep_ in ("dobj", "pobj") and c.lower_ in REFERRING_BACK for t in [verb, *verb.children]
                   for c in t.children)

    def tells_a_routine(self, verb: Token) -> bool:
        """The verb's clause names the times it recurs at: a plural of a time of day or week after "in", "on", "at"
        or "during" ("TA support in the mornings", "on Saturdays", "at weekends"), or a rate, a count per time
        ("sleeping less than five hours a night", "£20 a week", "twice a day"). Not a counted few ("on two
        mornings": a tally), a period ("in the last few weeks", "on those evenings", "in the weeks that followed")
        nor one time ("at night")."""
        for token in clause_tokens(verb):
            plural = (token.tag_ in ("NNS", "NNPS") and token.lemma_.lower() in self.routine_times) or (
                token.lower_.endswith("s") and token.lower_[:-1] in self.routine_times)  # "Sundays" tagged NNP
            if (plural and token.dep_ == "pobj"
                    and token.head.lower_ in ("in", "on", "at", "during")
                    and not any(c.dep_ in ("amod", "nummod", "quantmod", "predet", "poss", "relcl", "acl")
                                or (c.dep_ == "det" and c.lower_ != "the") for c in token.children)):
                return True
            if token.lower_ in ("a", "an", "per") and token.i + 1 < len(token.doc) and token.i > 0:
                unit, count = token.doc[token.i + 1], token.doc[token.i - 1]
                if unit.lower_ in self.routine_times and (count.tag_ in ("CD", "NNS") or count.lower_ in (
                        "once", "twice")):
                    return True
        return False

    def is_event_statement(self, sent: Span) -> bool:
        """A dated sentence worth a line in the chronology: it has a verb and is not habitual."""
        if self.habitual is not None and self.habitual.search(span_text(sent)):
            return False
        return any(t.pos_ in ("VERB", "AUX") for t in sent) or len(sent) <= 12


def is_a_state_at_a_past_point(doc: Doc, verb: Token, start: int, end: int) -> bool:
    """A past "be" placed by words that by themselves point to a moment in the past ("A few weeks ago Jaxon was
    really upset in class", "Yesterday she was tearful"): an episode seen then, whose date is asked for like an
    event's; not a state through a month, season or year ("was on a CIN plan last year"), a period's bound ("since
    last year"), a comparison ("lower than it was a few months ago") nor a present perfect."""
    if (is_present_perfect(verb) or not PAST_POINT.search(doc_text(doc)[start:end])
            or any(c.dep_ == "mark" and c.lower_ == "than" for c in verb.children)):
        return False
    expr = next((e for e in doc._.dates or [] if e.start == start), None)
    if expr is not None and LONG_PERIOD_VALUE.fullmatch(expr.value or ""):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    before = previous_word(doc, span.start) if span is not None else None
    return before is None or before.lower_ not in ("since", "than", "from", "until", "till", "for")


LONG_PERIOD_VALUE = re.compile(r"\d{4}(?:-\d{2}|-(?:SP|SU|FA|AU|WI)|-Q\d|-H\d)?")  # a year, month, season, quarter


def backs_a_present_statement(verb: Token) -> bool:
    """A time clause ("after Dean returned in December") inside a statement in the present ("the deterioration
    after Dean returned in December ... indicates that ..."): the background of an analysis, whose events are
    told, dated, where they are reported."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in TIME_MARKERS for c in verb.children):
        return False
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.tag_ in ("VBZ", "VBP") and not is_present_perfect(head)


VISIT_PREPOSITIONS = {"to", "in", "at", "into", "round", "around"}
OCCASION_PREPOSITIONS = {"at", "on", "during", "after"}
PICKED_OUT = {"subsequent", "later", "further", "recent", "previous", "earlier"}  # "on a recent visit": one, with no date
LENGTH_OF_STAY = {"for", "since", "throughout", "during", "over", "within", "until"}


def verb_arguments(verb: Token) -> list[Token]:
    """The verb's object and passive subject, and the objects of its prepositions ("attended every session", "has
    come to every meeting", "all appointments have been kept")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    found += [o for p in verb.children if p.dep_ in ("prep", "dative") for o in p.children if o.dep_ == "pobj"]
    return found


def outside_relative_clauses(verb: Token) -> list[Token]:
    """The tokens of the verb's subtree but those of the relative clauses in it ("every meeting we have asked for")."""
    inside = {t.i for t in verb.subtree for c in [t] if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return [t for t in verb.subtree if t.i not in inside]


def names_a_person(noun: Token) -> bool:
    """A family word, a person close to the family or a name ("Dad", "her partner", "Mr Lowe", "Kayden")."""
    word = noun.lower_
    return (word in FAMILY_WORDS or word in RELATIVES_AND_FRIENDS or noun.ent_type_ == "PERSON"
            or any(c.dep_ == "compound" and c.lower_.rstrip(".") in NAME_TITLES for c in noun.children))


def counts_up_to_now(once: Token) -> bool:
    """"once" after the verb of a present perfect it modifies ("Paige has been reported missing once", "has
    only attended once"): a count of the occasions up to now, not a time ("he once locked her in")."""
    verb = once.head
    return verb.i < once.i and verb.pos_ in ("VERB", "AUX") and is_present_perfect(verb)


def counted_before(doc: Doc, start: int) -> bool:
    """A count of occasions comes just before the time at `start` ("attended twice this year", "seen three times
    last month"): a tally over a named period, not one event (a vague time still asks for the dates: "reported
    missing twice recently")."""
    return bool(COUNT_BEFORE.search(doc_text(doc)[max(0, start - 60):start]))


def subordinator_of_a_state(doc: Doc, start: int, end: int, verb: Token) -> Token:
    """The verb a time phrase dates when the parser made the phrase the subordinator of the state after it ("When I
    visited a few weeks before that the flat was tidy": 'before' taken for the mark of 'was'): the clause it is
    joined to ('visited'); else the verb itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if (span is None or verb.lemma_ != "be" or verb.dep_ != "advcl" or verb.head.i == verb.i
            or not any(t.dep_ == "mark" and t.head.i == verb.i for t in span)):
        return verb
    return verb.head if verb.head.pos_ in ("VERB", "AUX") and verb.head.i < span.start else verb


def verb_after_fronted_time(doc: Doc, sent: Span, start: int, end: int) -> Token | None:
    """The first finite verb after a time phrase that opens the sentence when the parser made the phrase's
    preposition the root ("At the start of the season his coach noticed ..."): the verb of the clause it dates."""
    if sent.root.pos_ != "ADP":
        return None
    before = [t for t in sent if t.idx < start and not (t.is_space or t.is_punct)]
    if len(before) > 1 or (before and before[0].pos_ != "ADP"):
        return None
    return next((t for t in sent if t.idx >= end and t.tag_ in ("VBD", "VBN") and t.pos_ in ("VERB", "AUX")), None)


def stands_as_an_adverb(token: Token) -> bool:
    """A word used as an adverb: "once" modifying a verb, "before" with no object and no measure ("were known to
    the team before"; not "before the visit", "the day before", "than ever before")."""
    if any(c.dep_ in ("npadvmod", "nummod") for c in token.children):
        return False
    before = previous_word(token.doc, token.i)
    if before is not None and before.lower_ in ("as", "than", "ever", "never", "day", "night", "week", "morning",
                                                "afternoon", "evening", "weekend", "month", "year"):
        return False
    return token.dep_ == "advmod" or (token.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp")
                                                                       for c in token.children))


def finite_head(verb: Token | None) -> Token | None:
    """The verb a bare participle hangs on ("attended A&E intoxicated on NYE": 'attended'); the verb itself
    when it is a clause's own verb."""
    while (verb is not None and verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.head.i != verb.i
           and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in verb.children)):
        verb = verb.head
    return verb


def conjoined_heads(verb: Token) -> list[Token]:
    """The verb and the verbs it is joined to by "and" before it ("has been invited ... and has only come")."""
    chain = [verb]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def carried_from_another_paragraph(doc: Doc, sent: Span, dating: TemporalExpression) -> bool:
    """The carried date was written in an earlier paragraph or item of the section, not in the sentence's own
    block nor in the section's heading: it dates what goes on being told, not a new event brought in."""
    structure = doc._.structure
    if structure is None:
        return False
    source, here = structure.block_at(dating.start), structure.block_at(sent.start_char)
    return source is not None and here is not None and source.kind != "heading" and source.start != here.start


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10}


def numbered_occasions(doc: Doc, expressions: list[TemporalExpression]) -> dict[tuple[str, int], TemporalExpression]:
    """The occasions numbered and dated by a heading ("Attendance 2 - 09/03/2025", "Visit 3: 14/05/2024"): (the
    noun's lemma, its number) -> the day the heading gives (not one after the report date)."""
    structure, report = doc._.structure, doc._.report_date
    found: dict[tuple[str, int], TemporalExpression] = {}
    for block in structure.blocks if structure is not None else []:
        if block.kind != "heading":
            continue
        days = [e for e in expressions if block.start <= e.start < block.end and names_a_day(e)
                and not (report and e.anchor and e.anchor > report)]
        span = doc.char_span(block.start, block.end, alignment_mode="expand")
        if not days or span is None:
            continue
        for token in span[:-1]:
            number = token.nbor(1)
            if (token.is_alpha and number.text.isdigit() and 0 < int(number.text) <= 20
                    and number.idx < days[0].start):
                found.setdefault((token.lemma_.lower(), int(number.text)), days[0])
    return found


def numbered_occasion_named(sent: Span, numbered: dict[tuple[str, int], TemporalExpression]) -> TemporalExpression | None:
    """The heading's date for a sentence that names its numbered occasion by its ordinal ("The crew at the second
    attendance said ..." under "Attendance 2 - 09/03/2025" above): dated there, not undated here."""
    for token in sent:
        if token.lower_ in ORDINALS and token.dep_ == "amod" and any(
                d.dep_ == "det" and d.lower_ in DEFINITE for d in token.head.children):
            dating = numbered.get((token.head.lemma_.lower(), ORDINALS[token.lower_]))
            if dating is not None:
                return dating
    return None


def carried_in_running_text(doc: Doc, dating: TemporalExpression) -> bool:
    """The carried date was written in a sentence of a paragraph, not opening it as a log line's date ("12/03/2025 -
    Home visit. ...") nor in a heading, a table row or a list entry, whose date is the date of all they hold."""
    structure = doc._.structure
    source = structure.block_at(dating.start) if structure is not None else None
    return (source is not None and source.kind == "paragraph"
            and not opens_its_block(source, dating, doc_text(doc)))


def previous_word(doc: Doc, i: int) -> Token | None:
    """The token before token `i`, passing over the line breaks of hard-wrapped text."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i] if i >= 0 else None


def in_quote(sent: Span, offset: int) -> bool:
    """The offset lies inside quoted words in the sentence (a person's own "tonight" is theirs)."""
    before = doc_text(sent.doc)[sent.start_char:offset]
    opened = sum(before.count(c) for c in "\"“") + len(re.findall(r"(?:^|[\s(])‘", before))
    closed = before.count("”") + len(re.findall(r"’(?:[\s.,;:!?)]|$)", before))
    if "“" in before or "‘" in before:
        return opened > closed
    return before.count('"') % 2 == 1


def is_telegraphic(verb: Token) -> bool:
    """The root of a note with no auxiliary, telling a past event: "Seen by paramedics after a fall",
    "police not called", "Missing from home overnight"."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBG"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return verb.tag_ == "VBN" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
WHOLE_OBJECTS = {"everything", "all"}


def quantifies_many(verb: Token) -> bool:
    """The verb's object or subject is many of something ("missed a lot of sessions", "several calls")."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            continue
        if (child.lemma_.lower() in ("lot", "number") or child.lower_ in SERIES_QUANTIFIERS) and any(
                c.lower_ == "of" for c in child.children):
            return True
        if child.lower_ == "lots" or any(d.lower_ in SERIES_QUANTIFIERS for d in child.children):
            return True
    return False


def dates_only_the_telling(doc: Doc, day: TemporalExpression, vague: list[TemporalExpression]) -> bool:
    """Whether a date dates only a telling while a vague time dates what was told ("Reece told me on 10/04/25 that he
    had a couple of cans at a barbecue recently"): the event told is dated only vaguely."""
    speech_verbs = linguistics().word_classes.speech_verbs
    telling = governing_verb(doc, day.start, day.end)
    if telling is not None and telling.dep_ == "advcl" and telling.head.lemma_.lower() in speech_verbs:
        telling = telling.head  # "When I visited on 2 April, Nan explained that ...": the occasion of the telling
    if telling is None or telling.lemma_.lower() not in speech_verbs:
        return False
    told = [c for c in telling.children if c.dep_ == "ccomp"]
    return any(c.left_edge.idx <= v.start and v.end <= c.right_edge.idx + len(c.right_edge) for c in told for v in vague)


def asks_no_date(verb: Token, sent: Span, recording_verbs: set[str] = frozenset()) -> bool:
    """An event sentence whose missing date is not asked for: a plan, a quote's words, a summary of handling."""
    return states_a_plan(sent) or introduces_a_quote(verb, sent) or handles_everything(verb, recording_verbs)


def states_a_plan(sent: Span) -> bool:
    """A recommendation or action told as who is to do what ("Hearing test to be booked", "School to seat Leo at
    the front"): an infinitive with no finite or past verb before it, so nothing has happened yet ("Taken to A&E
    to be checked" has)."""
    depth = 0
    for token in sent:
        depth += (token.text == "(") - (token.text == ")")
        if depth > 0:
            continue  # "(suggested: the teaching assistant)": an aside
        if token.tag_ == "TO" and token.dep_ == "aux" and token.head.tag_ in ("VB", "VBN"):
            return True
        if token.tag_ in FINITE_TAGS or (token.tag_ == "VBN" and not modifies_next_noun(token)):
            return False
    return False


def modifies_next_noun(token: Token) -> bool:
    """A participle before the noun it describes ("a named adult", "the agreed plan")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ")


def introduces_a_quote(verb: Token, sent: Span) -> bool:
    """A speech verb in running text whose words follow in quotation marks ("She said, "I won't go back""): the
    words are the speaker's voice, whose circumstances the child's-voice check asks for, not an incident to date.
    A log's bullet ("- Poppy said "I don't like going home."") records the occasion itself, an event."""
    if verb.lemma_.lower() not in SPEECH_VERBS or is_list_item(sent):
        return False
    words_said = (next((t for t in child.subtree if not t.is_punct), None)
                  for child in verb.children if child.dep_ == "ccomp")
    return any(first is not None and in_quote(sent, first.idx) for first in words_said)  # a bare mark says nothing


def handles_everything(verb: Token, recording_verbs: set[str] = frozenset()) -> bool:
    """An action done to everything ("Recorded everything on CPOMS", "Logged it all") or to what was seen or said
    ("I have written down what she told me"): a summary of how the concerns were handled, not one event."""
    objects = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "nsubj" and c.i > verb.i)]
    if verb.lemma_.lower() in recording_verbs and any(
            c.dep_ == "ccomp" and min(c.subtree, key=lambda t: t.i).lower_ == "what" for c in verb.children):
        return True
    return any(c.lower_ in WHOLE_OBJECTS or any(d.lower_ == "all" for d in c.children) for c in objects)


def introduces_dated_items(doc: Doc, sent: Span) -> bool:
    """A sentence ending in a colon that brings in the list after it, each of whose items gives its own date ("He
    has had three admissions:" then "- May 2019, ..." rows): its events are those items, dated (or asked for their
    date) there."""
    structure = doc._.structure
    text = doc_text(doc)
    if structure is None or not text[sent.start_char:sent.end_char].rstrip().endswith(":"):
        return False
    here = structure.index_at(sent.start_char)
    if here is None or text[sent.end_char:structure.blocks[here].end].strip():
        return False  # the colon does not end its block
    items = []
    for block in structure.blocks[here + 1:]:
        if block.kind != "item":
            break
        items.append(block)
    return bool(items) and all(any(block.start <= e.start < block.end and dates_an_event(e) and e.value is not None
                                   for e in doc._.dates or []) for block in items)


def is_log_line(sent: Span) -> bool:
    """The sentence is in a list item or a table or log row ("- Home visit – no answer", "Nov 2024 - ... Home visit,
    no answer.")."""
    structure = sent.doc._.structure
    block = structure.block_at(sent.start_char) if structure is not None else None
    return block is not None and block.kind in ("item", "row")


def is_list_item(sent: Span) -> bool:
    structure = sent.doc._.structure
    block = structure.block_at(sent.start_char) if structure is not None else None
    return block is not None and block.kind == "item"


CONDITION_MARKERS = {"until", "till", "unless", "if", "once", "before", "after", "when"}
HYPOTHETICAL_MARKERS = {"if", "unless"}


def sets_a_condition(verb: Token) -> bool:
    """A time or condition clause of a plan or recommendation ("should not have contact until he has completed the
    course", "will be closed once Dad has moved out"), or a case supposed for a view held now ("If Gemma did relapse,
    the risk to Isla is high"): a condition still to be met, not an event that happened."""
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKERS
                                       for c in verb.children):
        return False
    head = verb.head
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i and not any(
            c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in head.children):
        head = head.head
    if any(c.dep_ == "aux" and (c.lower_ in MODAL_WORDS or c.tag_ == "TO") for c in head.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKERS for c in verb.children) and head.tag_ in (
            "VBZ", "VBP") and not is_present_perfect(head):
        return True  # "If Gemma did relapse, the risk to Isla is high": a case supposed, for a view held now
    # the parser may hang the modal lower ("should not have contact until ...": 'contact' taken for the root)
    own = {t.i for t in verb.subtree}
    return head.pos_ != "VERB" and any(t.tag_ == "MD" and t.lower_ in MODAL_WORDS and t.i not in own
                                       for t in head.subtree)


VIEW_VERBS = {"think", "believe", "feel", "worry", "consider", "suspect", "know", "judge", "assess"}


def evidences_a_view(verb: Token) -> bool:
    """The verb tells the grounds of a view: what the view is based on ("I base this on what I have seen on three
    visits"), or a reason clause of a prediction or view ("it could be worse, as I have seen this many times"); not
    the reason for a state told as fact ("has not had her review as it was missed twice")."""
    if any(t.lemma_ == "base" for t in (verb, *verb.ancestors)):
        return True
    if verb.dep_ != "advcl" or not any(c.lower_ in REASON_MARKERS and c.dep_ == "mark" for c in verb.children):
        return False
    view = verb.head
    return view.lemma_ in VIEW_VERBS or any(c.dep_ == "aux" and c.lower_ in MODALS for c in view.children)


def counts_from_a_calendar_time(text: str, expr: TemporalExpression) -> bool:
    """The expression is a calendar month or day after "since" ("since August", "since 12/01"): it starts the period
    a count covers, which a reader can place."""
    since = text[max(0, expr.start - 6):expr.start].lower() == "since " or expr.text.lower().startswith("since ")
    return since and bool(MONTH_OR_YEAR.search(expr.text))


def is_time_of_life(expr: TemporalExpression) -> bool:
    """A time of a person's life ("as a teenager", "in Year 6"): vague by nature, and no date is asked for it."""
    return expr.type == "DATE" and expr.imprecise and expr.value is None


def gives_a_reason_for_a_view(verb: Token) -> bool:
    """A past verb in a "because" clause of a view or a present state ("I would support a plan because
    Maisie has described ...", "it has not been completed because the review was cancelled"): the reason
    for the view, told as evidence elsewhere, not the report of an event."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or not any(c.lower_ in REASON_MARKERS and c.dep_ == "mark" for c in clause.children):
        return False
    return not is_past(clause.head) or is_present_perfect(clause.head)


RECAP_PREPOSITIONS = {"after", "before", "following", "during"}


def placed_by_a_told_event(verb: Token, told: set[str]) -> bool:
    """The verb is placed only by a definite mention of an event already asked for its date ("Dad was spoken to
    after the Millbrook game" once the game was told as "a few weeks ago"): part of that incident, whose date the
    earlier finding already asks for, not a new undated event. `told` holds the nouns of those earlier sentences."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in RECAP_PREPOSITIONS:
            continue
        for noun in prep.children:
            if (noun.dep_ == "pobj" and noun.pos_ == "NOUN" and noun.lemma_.lower() in told
                    and any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an", "another", "every", "each")
                            for d in noun.children)):
                return True
    return False


HISTORY_YEARS = 2  # how long before the report a month and year is history, whose month is the right precision


def is_long_past_month(expr: TemporalExpression, report: dt.date | None) -> bool:
    """A month with its year written out that ended years before the report ("- March 2016, Willow Ward, six weeks"):
    history, given to the month as a background milestone is in running text ("diagnosed in March 2021"); not a
    month of the period the report covers ("| Jul 2024 | 16 wk imms | DNA |"), whose entry asks its day."""
    if report is None or not re.fullmatch(r"\d{4}-\d{2}", expr.value or "") or not re.search(r"(?:19|20)\d{2}", expr.text):
        return False
    span = value_range(expr.value)
    return span is not None and span[1] < dt.date(report.year - HISTORY_YEARS, report.month, min(report.day, 28))


def counted_from_relative_words(own: list[TemporalExpression], n: int) -> bool:
    """The sentence's `n`th time is counted from words counted from the report date before it ("Last Tuesday she
    said she had not eaten since lunch the previous day"): it dates no more than they do."""
    return own[n].relative == "context" and any(is_relative_to_report(e) for e in own[:n])


THE_DAY_OF_WRITING = re.compile(r"today|tonight|this\s+(?:morning|afternoon|evening)", re.I)


def dates_itself(doc: Doc) -> bool:
    """The report states its own date ("Date of report: 20/03/2024", an email's "Sent:" line), so "today" in it
    is that day, plain to any reader of it."""
    if doc._.report_date_source in ("stated", "sent"):
        return True
    return doc._.report_date_source == "given" and per_doc(
        doc, "review_dates_itself", lambda: bool(stated_report_date(doc_text(doc)) or sent_date(doc_text(doc))))


def is_relative_to_report(expr: TemporalExpression) -> bool:
    """A precise date counted from the report date and written with no calendar date of its own ("yesterday",
    "last Tuesday", "on Christmas Day"); a month or year named in words is left to ``date.imprecise``."""
    return (expr.relative == "report" and not expr.imprecise and expr.value is not None
            and not MONTH_OR_YEAR.search(expr.text))


def says_how_long(measure: Token) -> bool:
    """Whether the measure of a "later" or "afterwards" says how long after: a number ("two weeks later") or a unit
    shorter than a day ("a few hours later"), not a vague amount ("weeks later", "some time later")."""
    return any(t.like_num or is_time_of_day_unit(t.text) for t in measure.subtree)


def is_clock_time(expr: TemporalExpression) -> bool:
    """A time of day written with no day of its own ("at 3pm", "about 11pm"), whatever day it was given from its
    sentence or the text before it."""
    return expr.type == "TIME" and bool(expr.value and CLOCK.search(expr.value)) and not MONTH_OR_YEAR.search(
        re.sub(r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hrs|hours|h)?", "", expr.text, flags=re.I))


def undated_passages(undated: list[UndatedEvent], anchors: list[dict]) -> list[list[UndatedEvent]]:
    """The undated events grouped by passage: those of one block (paragraph, list item, table row) with no
    dated sentence between them tell one undated passage. A present perfect tells its own fact up to now, not what
    happened next ("We have made referrals to MASH. Police have been in school."): it starts a passage."""
    passages: list[list[UndatedEvent]] = []
    for item in undated:
        index = item[0]
        if passages:
            last = passages[-1][-1][0]
            same_block = anchors[last]["block"] is not None and anchors[last]["block"] == anchors[index]["block"]
            dated_between = any(a["own"] or a["carried"] for a in anchors[last + 1:index])
            if (same_block and not dated_between and not introduces_an_event(item[2], passages[-1][-1][2])
                    and not is_present_perfect(item[2])):
                passages[-1].append(item)
                continue
        passages.append([item])
    return passages


SPEECH_VERBS = {"say", "tell", "disclose", "report", "state", "explain", "allege", "ask", "reply"}
NEW_EVENT_ADVERBS = {"also", "again", "another", "further", "later", "then", "separately", "previously"}
ADDITION_ADVERBS = {"also", "separately", "additionally"}  # a telling marked as one more piece of evidence


def introduces_an_event(verb: Token, before: Token | None = None) -> bool:
    """The event verb brings in something new rather than going on with the event `before` (or the incident
    told so far): an argument with an indefinite article ("A referral was made"), an adverb such as "also" or
    "again", or what someone said after what was seen ("A bruise was noticed. Mia said ..."), each its own
    piece of evidence; not what was left unsaid ("She did not tell anyone"), which goes on with the episode."""
    if any(t.lower_ in NEW_EVENT_ADVERBS and (t.dep_ in ("advmod", "npadvmod") or t.lower_ == "another")
           for t in clause_tokens(verb)):
        return True  # an adverb of the clause: "no further action was taken" is the outcome, not one more event
    if (before is not None and verb.lemma_.lower() in SPEECH_VERBS and before.lemma_.lower() not in SPEECH_VERBS
            and not gives_an_instruction(verb) and not any(c.dep_ == "neg" for c in verb.children)
            and not tells_of_what_was_told(verb)):
        return True
    return has_indefinite_argument(verb)


REFERRING_BACK = {"this", "that", "it", "these", "those", "them"}
LISTENERS = {"me", "him", "her", "us", "you"}  # the one told ("told me about this"), not what was told


def tells_of_what_was_told(verb: Token) -> bool:
    """A telling whose only content is a word pointing back ("The warden told me about this", "reported it"): the
    source of what was just told, part of that episode, not a new piece of evidence."""
    content = [c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.lower_ not in LISTENERS]
    content += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("about", "of") for o in p.children
                if o.dep_ == "pobj"]
    return bool(content) and all(c.lower_ in REFERRING_BACK for c in content)


def gives_an_instruction(verb: Token) -> bool:
    """A speech verb that tells someone to do something ("She was asked to put the baby down", "told him to
    leave"): what was done about what was seen, part of the same episode, not something said as evidence."""
    return verb.lemma_.lower() in ("ask", "tell") and any(
        c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)


def has_indefinite_argument(verb: Token) -> bool:
    """The verb's subject or object is brought in with an indefinite article ("A home visit was carried out",
    "told a teacher"): something not told of before."""
    return any(child.dep_ in ("nsubj", "nsubjpass", "dobj") and
               any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in child.children)
               for child in verb.children)


def opening(sent: Span, words: int = 5) -> str:
    """The first few words of a sentence, to name it in a message."""
    tokens = span_text(sent).split()
    return " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")


def most_specific(expressions: list[TemporalExpression]) -> TemporalExpression:
    """The expression that dates a sentence best: precise before vague, a day (and time) before a month or year."""
    def key(expr: TemporalExpression):
        value = expr.value or ""
        return (expr.imprecise, expr.anchor is None, -len(value), expr.start)
    return min(expressions, key=key)


@Language.factory(
    "review_date",
    requires=["doc._.report_date"],
    assigns=["doc._.dates", "doc._.events", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_date_check(nlp: Language, name: str, *, rules_path: str | None = None) -> DateCheck:
    return DateCheck(rules_path, verb_forms(nlp))


def verb_forms(nlp: Language) -> dict:
    """The rule lemmatizer's verb tables (exceptions, suffix rules, known lemmas), to read a past form the tagger
    took for a name; empty where the pipeline has no rule lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    try:
        return {"exceptions": lookups.get_table("lemma_exc")["verb"], "rules": lookups.get_table("lemma_rules")["verb"],
                "index": set(lookups.get_table("lemma_index")["verb"])}
    except (AttributeError, KeyError):
        return {}
