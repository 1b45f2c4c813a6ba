"""The `historic` check: historic items with no stated link to the present, and stale reports.

How it works: docs/internals.md, `review.checks.historic`."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from review.core.blocks import FIELD_KEYS, Block, Structure
from review.core.findings import add_finding
from review.core.rules import load_rules
from review.core.text import doc_text, is_heading, is_whole_report, sentences, span_text
from review.nlp.grammar import governing_verb, is_past, is_present_perfect, main_verbs, subject_of
from review.nlp.people import FIRST_PERSON
from review.nlp.patterns import phrase_pattern, qualified_pattern
from review.nlp.temporal import names_a_routine, value_range

NOT_ITEMS = ("heading", "address", "signature")  # blocks that never hold a historic item
WORD = re.compile(r"[\w'-]+")


def months_before(day: dt.date, months: int) -> dt.date:
    """`day` moved back by whole months (the day clipped to the month's length)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    for clip in range(day.day, 27, -1) if day.day > 28 else (day.day,):
        try:
            return dt.date(year, month, clip)
        except ValueError:
            continue
    return dt.date(year, month, 28)


def is_age_anchor(expr) -> bool:
    """A time told by someone's age ("when he was a teenager", "as a child"): the past of a life."""
    return expr.type == "DATE" and expr.value is None and expr.imprecise


def is_present_age(span: Span, expr) -> bool:
    """Whether an age anchor tells someone's age now ("who is in his twenties"): it hangs on a present "be"."""
    token = next((t for t in span if t.idx >= expr.start), None)
    for _ in range(3):
        if token is None or token.head is token:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_ == "be" and token.tag_ in ("VBZ", "VBP")
    return False


def tells_a_current_routine(span: Span) -> bool:
    """Whether `span` tells a routine going on now by the day it recurs on ("... and both come to the Tuesday group"):
    a weekday naming a routine thing (with its part of the day or not), in a clause told in the present simple."""
    for token in span:
        if not token.is_title or not any(names_a_routine(token.doc[token.i:token.i + width]) for width in (1, 2)):
            continue
        verb = governing_verb(token.doc, token.idx, token.idx + len(token.text))
        if verb is not None and verb.tag_ in ("VBZ", "VBP"):
            return True
    return False


def is_told_past(verb) -> bool:
    """A verb told in the past: a past form, or the past progressive ("was still living")."""
    return is_past(verb) or (verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children))


def clause_verb(doc: Doc, start: int, end: int):
    """The verb of the clause holding characters start..end, through a bare participle ("a form done
    because of ...") to the clause it hangs on; None for a verbless line."""
    verb = governing_verb(doc, start, end)
    while verb is not None and verb.dep_ == "acl" and not any(c.dep_.startswith("aux") for c in verb.children):
        head = verb.head
        verb = governing_verb(doc, head.idx, head.idx + len(head.text)) if head.i != verb.i else None
    return verb


def continues_subject(item: Span, later: Span) -> bool:
    """Whether `later` goes on about the subject of `item`: its subject is a pronoun or a name in `item`."""
    names = {t.lower_ for t in item if t.pos_ == "PROPN"}
    return any(t.dep_ in ("nsubj", "nsubjpass") and (t.pos_ == "PRON" or t.lower_ in names) for t in later)


SINCE = re.compile(r"\bsince\s*$", re.I)
# what comes just before a date of birth: "DOB 12/06/2016", "D.O.B.: ...", "(date of birth 02/09/1997",
# "born 09/07/2018", or a name and an opening bracket ("Danielle Pryce (12.04.1991)")
BIRTH_DATE_LABEL = re.compile(r"(?:\b" + FIELD_KEYS["date_of_birth"] + r"|\bborn(?:\s+on)?)[\s:(-]*$", re.I)
NAME_THEN_BRACKET = re.compile(r"\b[A-Z][a-z]+[ \t]*\([ \t]*$")
# the words before the year of a title: two capitalised words ("Safeguard Children 2023"), or one title noun
# ("Act 1989", the rule's title_nouns)
TITLE_WORDS_BEFORE = re.compile(r"\b(?:([A-Z][a-z]+[ \t]+[A-Z][a-z]+)|([A-Z][a-z]+))[ \t]+$")
YEAR = re.compile(r"(?:19|20)\d{2}")
BRACKETED = re.compile(r"\([^()]*\)")
LETTER = re.compile(r"[A-Za-z]")


def reaches_now(doc: Doc, expr) -> bool:
    """Whether a time is the start of a stretch running up to now ("has come to the club since September
    2022", "on the plan since 2019"): an old start, not an old event."""
    return bool(SINCE.search(doc_text(doc)[max(0, expr.start - 12):expr.start]))


@dataclass
class Item:
    """One place a historic item may be told: a sentence, or a whole table row (its cells together)."""

    span: Span
    block: Block | None
    row: bool = False
    dates: list = field(default_factory=list)  # the date expressions inside it, in the Doc's order


def dates_within(dates: list, spans: list[Span]) -> list[list]:
    """The expressions of `dates` (in the Doc's order) that start inside each of `spans`, found by
    bisection: each item's dates are read for itself and again for every other item's old times."""
    order = sorted(range(len(dates)), key=lambda i: dates[i].start)
    starts = [dates[i].start for i in order]
    return [[dates[i] for i in sorted(order[bisect_left(starts, span.start_char):bisect_left(starts, span.end_char)])]
            for span in spans]


@dataclass
class Historic:
    """An item found historic: where to flag it and the old dates it names."""

    start: int
    end: int
    old: list


class HistoricCheck:
    def __init__(self, rules_path: str | None = None):
        self.rules = load_rules(rules_path).check("historic")
        self.horizon_months = int(self.rules.threshold("horizon_months"))
        self.stale_weeks = self.rules.threshold("stale_weeks")
        self.min_report_sentences = self.rules.threshold("min_report_sentences")
        self.following = int(self.rules.threshold("following_sentences"))
        self.past_markers = phrase_pattern(self.rules.lexicon("past_markers"))
        self.past_people = {w.strip().lower() for w in self.rules.lexicon("past_people") if w.strip()}
        records = [*self.rules.lexicon("past_records"), *self.past_people]  # "her first husband" as "an old conviction"
        self.past_records = qualified_pattern(self.rules.lexicon("past_qualifiers"), records)
        self.heading_records = qualified_pattern(self.rules.lexicon("past_qualifiers"),
                                                 self.rules.lexicon("heading_records"))
        self.held_records = {w.strip().lower() for w in self.rules.lexicon("held_records") if w.strip()}
        self.past_times = phrase_pattern(self.rules.lexicon("past_times"))
        years = [re.escape(w) for w in self.rules.lexicon("school_years") if w.strip()]
        stages = [re.escape(w.strip()) for w in self.rules.lexicon("school_stages") if w.strip()]
        self.school_years = re.compile(rf"\bin\s+(?:{'|'.join(years)})\.?\s*\d{{1,2}}\b", re.I) if years else None
        self.school_stage_times = re.compile(rf"\bin\s+(?:the\s+)?(?:{'|'.join(stages)})\b", re.I) if stages else None
        self.school_stages = re.compile(rf"\bwhen\s+(?:[\w'-]+\s+){{1,2}}(?:was|were)\s+(?:in|at)\s+(?:the\s+)?(?:{'|'.join(stages)})\b",
                                        re.I) if stages else None
        self.past_adverbs = {w.strip().lower() for w in self.rules.lexicon("past_adverbs") if w.strip()}
        self.present_links = phrase_pattern(self.rules.lexicon("present_links"))
        self.reason_links = phrase_pattern(self.rules.lexicon("reason_links"))
        self.same_links = qualified_pattern(self.rules.lexicon("link_qualifiers"), self.rules.lexicon("link_nouns"))
        self.present_cues = phrase_pattern(self.rules.lexicon("present_cues"))
        self.consequence_words = {w.strip().lower() for w in self.rules.lexicon("consequence_words") if w.strip()}
        self.concern_words = phrase_pattern(self.rules.lexicon("concern_words"))
        self.start_verbs = {w.strip().lower() for w in self.rules.lexicon("start_verbs") if w.strip()}
        self.title_nouns = {w.strip().lower() for w in self.rules.lexicon("title_nouns") if w.strip()}
        self.history_headings = phrase_pattern(self.rules.lexicon("history_headings"))
        self.relevance_headings = phrase_pattern(self.rules.lexicon("relevance_headings"))
        self.context_headings = {w.strip().lower() for w in self.rules.lexicon("context_headings") if w.strip()}

    def __call__(self, doc: Doc) -> Doc:
        dated = doc._.report_date_source != "today"
        horizon = months_before(doc._.report_date, self.horizon_months) if dated else None
        structure: Structure | None = doc._.structure
        items = self.items(doc, structure)
        recent: dict[tuple[int, int], bool] = {}  # block -> whether it names a recent time, read on first need
        found = [self.historic(doc, item, horizon, structure, recent) for item in items]
        date_ranges: dict[int, list] = {}  # item number -> the ranges of its dates, read on first need
        for n, historic in enumerate(found):
            if historic is None or self.is_linked(doc, items, found, n, structure):
                continue
            if any(self.told_again(doc, items, found, n, e, horizon, structure, date_ranges) for e in historic.old):
                continue
            add_finding(doc, self.rules.rule("historic.no_relevance"), historic.start, historic.end,
                        allow=self.rules, kind="historic")
        if dated:
            self.check_stale(doc, doc._.report_date)
        else:
            self.note_unknown_date(doc)
        return doc

    @staticmethod
    def items(doc: Doc, structure: Structure | None) -> list[Item]:
        """The sentences outside headings, with each table row taken whole instead of its sentences."""
        items: list[Item] = []
        seen_rows: set[int] = set()
        for span in sentences(doc):
            block = structure.block_at(span.start_char) if structure else None
            if block is not None and block.kind == "row":
                if block.start not in seen_rows:
                    seen_rows.add(block.start)
                    row = doc.char_span(block.start, block.end, alignment_mode="expand")
                    if row is not None:
                        items.append(Item(row, block, row=True))
                continue
            if (block is not None and block.kind in NOT_ITEMS) or is_heading(doc, span):
                continue
            items.append(Item(span, block))
        for item, own in zip(items, dates_within(doc._.dates or [], [item.span for item in items])):
            item.dates = own
        return items

    def historic(self, doc: Doc, item: Item, horizon: dt.date | None, structure: Structure | None,
                 recent: dict[tuple[int, int], bool] | None = None) -> Historic | None:
        """Where `item` is historic (a concern with an old or vague past time, past wording, or a past
        concern under a history heading), or None; with no horizon (no report date) nothing is
        historic by its date."""
        span = item.span
        own = item.dates
        timed = [(e, r) for e in own if e.type in ("DATE", "TIME") and (r := value_range(e.value))]
        old = [e for e, r in timed if horizon is not None and r[1] < horizon and not reaches_now(doc, e)]
        if horizon is not None and any(r[1] >= horizon and e.relative != "context" for e, r in timed):
            return None  # it also names a recent time
        old = [e for e in old if not self.names_no_occasion(doc, e)]
        marker = self.past_marker(span, own)
        vague = self.vague_past_time(span, own) or self.past_school_year(span)
        heading = (structure.section_of(span.start_char) if structure else None) or ""
        if not (marker or self.says(self.concern_words, span_text(span))
                or ((old or vague) and self.is_record_heading(heading))):
            # background with no worry in it: an old date still makes it history ("The family moved from Salford
            # in 2022", "Seen for constipation in 2022"), but a vague time alone does not; under a record heading
            # ("Substance use history") a vague time is a past record, as an old date is
            vague = None
            old = [] if self.is_standing_background(item) else [
                e for e in old if not self.is_a_field_value(doc, e, structure)]
        if old:
            return Historic(old[0].start, old[0].end, old)
        if marker is None and vague is not None:
            marker = span.start_char + vague.start(), span.start_char + vague.end()
        if marker is not None:
            if not any(t.pos_ in ("VERB", "AUX") for t in span):
                return None  # an inline title ("Previous conviction."), not an item
            return Historic(*marker, [])
        if self.dated_recently(doc, item, horizon, recent):
            return None  # "Housing history. The family approached us on 03/02/2025 ... An application was taken the
            # same day.": an undated sentence of a paragraph that dates its account recently is of that time
        clause = self.past_under_history_heading(span, heading)
        return Historic(*clause, []) if clause else None

    def is_standing_background(self, item: Item) -> bool:
        """Background with no worry in it that is not a past occasion: the writer's account of their own work
        ("I have been the family's health visitor since ...") or the start of what is still so ("Dexter joined
        Holly Bank in Reception in September 2021")."""
        verbs = main_verbs(item.span)
        if any(subject is not None and subject.lower_ in FIRST_PERSON for subject in map(subject_of, verbs)):
            return True
        return any(verb.lemma_.lower() in self.start_verbs and is_past(verb) and not is_present_perfect(verb)
                   for verb in verbs)

    def names_no_occasion(self, doc: Doc, expr) -> bool:
        """Whether an old date names no past occasion, whatever the item: a date of birth ("DOB 12/06/2016", "born
        09/07/2018", "Danielle Pryce (12.04.1991)") or the year of a title ("the Children Act 1989", "Working
        Together to Safeguard Children 2023")."""
        text = doc_text(doc)
        before = text[max(0, expr.start - 40):expr.start]
        if BIRTH_DATE_LABEL.search(before) or NAME_THEN_BRACKET.search(before):
            return True
        title = TITLE_WORDS_BEFORE.search(before)
        return title is not None and YEAR.fullmatch(text[expr.start:expr.end]) is not None and bool(
            title.group(1) or title.group(2).lower() in self.title_nouns)

    @staticmethod
    def is_a_field_value(doc: Doc, expr, structure: Structure | None) -> bool:
        """Whether a date is the whole value of a header field, whose label says what the date is ("Tenancy start
        date: 11/03/2024"); in an item with no worry in it, such a date is a record, not a past occasion."""
        text = doc_text(doc)
        return structure is not None and any(
            f.start <= expr.start and expr.end <= f.end
            and not LETTER.search(BRACKETED.sub("", text[f.start:expr.start] + text[expr.end:f.end]))
            for f in structure.fields)

    @staticmethod
    def dated_recently(doc: Doc, item: Item, horizon: dt.date | None,
                       recent: dict[tuple[int, int], bool] | None = None) -> bool:
        """Whether `item`'s paragraph (or list item) names a day or month inside the horizon (a recent time),
        so that an undated past concern told in it is of that recent account, not a matter of history. With
        `recent`, each block's answer is kept there, for the other sentences of the same paragraph."""
        if horizon is None or item.block is None or item.row:
            return False
        block = item.block
        if recent is not None and (block.start, block.end) in recent:
            return recent[block.start, block.end]
        found = any(e.type in ("DATE", "TIME") and block.start <= e.start < block.end and e.relative != "context"
                    and (r := value_range(e.value)) and r[1] >= horizon for e in doc._.dates or [])
        if recent is not None:
            recent[block.start, block.end] = found
        return found

    def past_marker(self, span: Span, own: list) -> tuple[int, int] | None:
        """The wording that marks `span` as past: a past_markers phrase or an age ("when she was 15")."""
        text = span_text(span)
        found = next((m for p in (self.past_markers, self.past_records) if p for m in p.finditer(text)
                      if not self.names_a_person(m.group()) or self.person_told_past(span, m)), None)
        if found:
            return span.start_char + found.start(), span.start_char + found.end()
        age = next((e for e in own if is_age_anchor(e) and not is_present_age(span, e)), None)
        if age:
            return age.start, age.end
        return self.held_record(span)

    def held_record(self, span: Span) -> tuple[int, int] | None:
        """A record of past wrongdoing held now ("She has a caution for shoplifting", "he has two convictions"):
        a present "have" whose object is a held_records noun, not negated ("has no convictions"); its characters."""
        for verb in main_verbs(span):
            if verb.lemma_ != "have" or verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "neg" for c in verb.children):
                continue
            for obj in verb.children:
                if obj.dep_ == "dobj" and obj.lower_ in self.held_records \
                        and not any(c.lower_ in ("no", "any") for c in obj.children):
                    return verb.idx, obj.idx + len(obj.text)
        return None

    def vague_past_time(self, span: Span, own: list):
        """A vague past time ("years ago", "back then", "in the past") told of a closed past: not the
        start of a longer time ("in the past week"), and not in a sentence told only in the present
        perfect ("has called police in the past": experience up to now, whose date the date check asks)."""
        found = (self.past_times.search(span_text(span)) if self.past_times else None) or self.past_adverb(span)
        if found is None or self.begins_a_longer_time(span, found, own):
            return None
        verbs = main_verbs(span)
        if verbs and not any(is_told_past(v) and not is_present_perfect(v) for v in verbs):
            return None
        return found

    def past_adverb(self, span: Span):
        """A past_adverbs word standing alone as an adverb ("was known to the police before"): not before an
        object ("before school") or a clause ("before she left"), nor in a negated telling ("had never
        seen him like that before"); the match in `span`'s text, or None."""
        for token in span:
            if token.lower_ not in self.past_adverbs or any(True for _ in token.children) or token.dep_ == "mark":
                continue
            verb = clause_verb(span.doc, token.idx, token.idx + len(token.text)) or token.head
            if any(t.dep_ == "neg" or t.lower_ == "never" for t in (*verb.children, *token.head.children)):
                continue
            return WORD.match(span_text(span), token.idx - span.start_char)
        return None

    @staticmethod
    def begins_a_longer_time(span: Span, found, own: list) -> bool:
        """Whether a vague past time found in `span` runs on into a longer time expression ("in the past
        few weeks", "in the past year"): that expression, not the vague phrase, tells when."""
        end = span.start_char + found.end()
        return any(e.start < end < e.end for e in own)

    def names_a_person(self, marker: str) -> bool:
        """Whether a past marker ends in a person ("her former partner", "ex-husband"): someone who may be
        told of in the present ("her ex-partner collects the children"), so past only in a past telling."""
        last = marker.lower().split()[-1]
        return last.removeprefix("ex-") in self.past_people

    @staticmethod
    def person_told_past(span: Span, found) -> bool:
        """Whether a former partner found in `span` is told in the past: a main verb of the sentence and the verb of
        the clause naming the person both told in the past ("her ex-partner hit her"), not a past telling of a
        present matter ("She told me she has been getting messages from her ex-partner")."""
        if not any(is_told_past(v) for v in main_verbs(span)):
            return False
        verb = clause_verb(span.doc, span.start_char + found.start(), span.start_char + found.end())
        return verb is None or is_told_past(verb)

    def past_school_year(self, span: Span):
        """A school year or stage ("in Year 5", "In Reception he bit ...") in a sentence told in the past tense, or a
        school stage told as a time of someone's life ("when she was in Reception"): like an age, the past of a life.
        A stage after "at" ("his days at nursery") is a place, and one qualifying a noun ("in primary care", "in
        nursery hours") is no stage: neither is a time."""
        text = span_text(span)
        stage = self.school_stages.search(text) if self.school_stages else None
        if stage:
            return stage
        found = self.school_years.search(text) if self.school_years else None
        if found is None and self.school_stage_times is not None:
            found = next((m for m in self.school_stage_times.finditer(text) if self.ends_its_phrase(span, m)), None)
        return found if found and any(is_past(v) for v in main_verbs(span)) else None

    @staticmethod
    def ends_its_phrase(span: Span, found) -> bool:
        """Whether the words `found` in `span` end with the head of the phrase after their preposition ("in
        Reception"), not with a word qualifying a noun after them ("in primary care"); a name read onto them ("In
        Reception Kian was ...") is the subject of the clause that follows."""
        found = span.doc.char_span(span.start_char + found.start(), span.start_char + found.end(), alignment_mode="expand")
        last = found[-1] if found is not None and len(found) else None
        return last is not None and (last.dep_ == "pobj" or (last.dep_ == "compound" and last.head.pos_ == "PROPN"))

    def has_present_cue(self, doc: Doc, span: Span) -> bool:
        """Whether `span` places something in the present: a present_cues word whose clause is not told in
        the past ("he still drinks", not "Dad was still living there back then"; "because she is", not
        "excluded because of ..."); a describing word ("her current partner") counts whatever the tense."""
        if self.present_consequence(span) or tells_a_current_routine(span):
            return True
        if self.present_cues is None:
            return False
        for m in self.present_cues.finditer(span_text(span)):
            start, end = span.start_char + m.start(), span.start_char + m.end()
            cue = doc.char_span(start, end, alignment_mode="expand")
            if cue is not None and cue.root.pos_ == "ADJ":
                return True
            verb = clause_verb(doc, start, end)
            if verb is None or not is_told_past(verb):
                return True
        return False

    def present_consequence(self, span: Span) -> bool:
        """Whether `span` tells what is done or so now because of what came before: a consequence_words word ("so",
        "therefore") on a clause told in the present (", so I ask him about it at every visit", "so we check he is
        sober at handover", "so I will ask"); not a degree word ("so drunk"), a purpose ("so that"), a clause told in
        the past ("so she left him") or in the present perfect, the past up to now."""
        for token in span:
            purpose = token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "that"
            if token.lower_ not in self.consequence_words or token.dep_ not in ("advmod", "cc", "mark") \
                    or token.head.pos_ not in ("VERB", "AUX") or purpose:
                continue
            verb = token.head
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if any(c.lemma_ == "have" for c in auxes) or any(c.tag_ == "VBD" or c.lower_ in ("would", "could", "might")
                                                             for c in auxes):
                continue
            if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP", "MD") for c in auxes):
                return True
        return False

    def is_linked(self, doc: Doc, items: list[Item], found: list, n: int, structure: Structure | None) -> bool:
        """Whether item `n` is tied to the present: by its own words (see `links_itself`), by its table's
        relevance column, or by its heading (see `heading_links`), unless that section links its history
        item by item and this item's paragraph says nothing (see `links_item_by_item`)."""
        item = items[n]
        heading = (item.block.heading if item.block else None) or ""
        if self.links_itself(doc, items, found, n, structure) or self.columns_link(doc, structure, item):
            return True
        return self.heading_links(heading, found[n]) and not self.links_item_by_item(doc, items, found, n, structure)

    def links_itself(self, doc: Doc, items: list[Item], found: list, n: int, structure: Structure | None) -> bool:
        """Whether item `n`'s own words tie it to the present: a present cue in it or in the next sentence of its
        paragraph about the same person; a statement of relevance in it, later in its paragraph, after the list it
        leads or belongs to (see `list_linked`), or closing its section; the past named as the reason for what is so
        now ("this is why she froze") in it or later in its paragraph."""
        item = items[n]
        text = doc_text(doc)
        if self.has_present_cue(doc, item.span) or self.states_link(span_text(item.span)):
            return True
        if item.block is None or structure is None or item.row:
            return self.says(self.reason_links, span_text(item.span))
        if self.says(self.reason_links, text[item.span.start_char:item.block.end]):
            return True
        following = [later for later in items[n + 1:n + 1 + self.following] if later.block == item.block]
        if any(self.has_present_cue(doc, later.span) and continues_subject(item.span, later.span)
               for later in following):
            return True
        if self.states_link(text[item.span.end_char:item.block.end]) or self.list_linked(structure, item.block, found, text):
            return True
        closing = self.section_closing(structure, item.block)
        if closing is None or any(f and closing.start <= f.start < closing.end for f in found):
            return False  # a closing paragraph with history of its own speaks of that history
        link = self.find_link(text, closing.start, closing.end)
        return link is not None and not self.tells_past(text[closing.start:link])

    def list_linked(self, structure: Structure, block: Block, found: list, text: str) -> bool:
        """Whether `block`, a list or the line leading into it ("He has had three admissions:"), is tied to the present
        by the paragraph running straight on after the list, one passage with it (see `Structure.passage_at`): a
        statement of relevance or a reason there ("Each admission followed ... This pattern is why I check ... now")
        speaks of the list, unless that paragraph tells history of its own before it, which the statement may be about."""
        after = self.run_on_paragraph(structure, block, text)
        if after is None:
            return False
        links = [self.find_link(text, after.start, after.end),  # "this is why" points back to the list, one passage
                 (m := self.reason_links.search(text, after.start, after.end)) and m.start() if self.reason_links else None]
        link = min((at for at in links if at is not None), default=None)
        return link is not None and not any(f and after.start <= f.start < link for f in found) \
            and not self.tells_past(text[after.start:link])

    @staticmethod
    def run_on_paragraph(structure: Structure, block: Block, text: str) -> Block | None:
        """The paragraph running straight on after the list that `block` leads into or belongs to, read in one passage
        with it and its lead-in, or None."""
        blocks = structure.blocks
        i = blocks.index(block) + 1
        if block.kind == "paragraph" and not (i < len(blocks) and blocks[i].kind == "item"):
            return None
        while i < len(blocks) and blocks[i].kind == "item":
            i += 1
        if i == len(blocks) or blocks[i].kind != "paragraph":
            return None
        passage = structure.passage_at(blocks[i].start, text)
        return blocks[i] if passage is not None and passage[0] <= block.start else None

    def links_item_by_item(self, doc: Doc, items: list[Item], found: list, n: int, structure: Structure | None) -> bool:
        """Whether item `n`'s section, under a heading that states relevance ("Relevant history"), gives each piece
        of history its own link while `n`'s paragraph (or list item) gives none: most of the section's other
        paragraphs holding history link it in their own words. Then the heading titles the links the writer gives,
        and a piece told with none is unexplained; a section whose pieces all rest on the heading stays linked."""
        item = items[n]
        if item.block is None or structure is None or item.row:
            return False
        own: dict[int, bool] = {}  # paragraph start -> whether it links its history in its own words
        for m, other in enumerate(items):
            if other.block is None or other.row or other.block.heading != item.block.heading \
                    or own.get(other.block.start):
                continue
            key = other.block.start
            if found[m]:
                own[key] = self.links_itself(doc, items, found, m, structure)
            elif key in own:  # a later sentence of a paragraph with history: it may tell that matter now
                own[key] = self.tells_now(doc, other.span)
        if own.get(item.block.start):
            return False
        others = [linked for key, linked in own.items() if key != item.block.start]
        return bool(others) and 2 * sum(others) > len(others)

    def tells_now(self, doc: Doc, span: Span) -> bool:
        """Whether a sentence tells how things stand now: a main verb in the present tense ("says he is fit",
        "I do not think it affects ..."), or a present cue in a clause not told in the past or told in the present
        perfect ("has been noticed again this term"); the present perfect alone ("has had no contact for years")
        tells the past up to now, not the present."""
        if any(v.tag_ in ("VBZ", "VBP") or (v.tag_ == "VB" and any(c.dep_ == "aux" and c.lemma_ == "do"
                                                                     and c.tag_ in ("VBZ", "VBP") for c in v.children))
               for v in main_verbs(span)):
            return True  # "says he is fit", "I do not see it as a barrier"; "has had" is a VBN with its aux
        if self.present_cues is None:
            return False
        for m in self.present_cues.finditer(span_text(span)):
            start, end = span.start_char + m.start(), span.start_char + m.end()
            verb = clause_verb(doc, start, end)
            if verb is None or not is_told_past(verb) or is_present_perfect(verb):
                return True
        return False

    def states_link(self, text: str) -> bool:
        """Whether `text` states how something relates to now: a present_links phrase, or the past named as the same
        as now ("the same relapse pattern", "the same kind of violence")."""
        return self.says(self.present_links, text) or self.says(self.same_links, text)

    def find_link(self, text: str, start: int, end: int) -> int | None:
        """Where the first statement of relevance (see `states_link`) in text[start:end] begins, or None."""
        found = [m.start() for p in (self.present_links, self.same_links) if p and (m := p.search(text, start, end))]
        return min(found) if found else None

    def tells_past(self, text: str) -> bool:
        """Whether `text` has past wording (a past marker or record, a vague past time): a closing paragraph that
        tells a past of its own before its statement of relevance ("Mum has told staff in the past that she left
        school early; I mention this because ...") speaks of that past, not of its section's."""
        return any(self.says(p, text) for p in (self.past_markers, self.past_records, self.past_times))

    def columns_link(self, doc: Doc, structure: Structure | None, item: Item) -> bool:
        """Whether a table row's table names a column for how each row relates to now ("Date | Event | Why it
        matters now", "| Date | Concern | Relevance |"): its first row, naming the columns, reads as a relevance
        heading over every row that fills that column."""
        if not item.row or structure is None or item.block is None:
            return False
        columns = structure.column_names(item.block, doc_text(doc))
        if columns is None:
            return False
        column = next((i for i, name in enumerate(columns) if self.heading_links(name, None)), None)
        if column is None:
            return False
        cells = item.block.cells
        return column < len(cells) and bool(doc_text(doc)[cells[column][0]:cells[column][1]].strip())

    def heading_links(self, heading: str, historic: Historic | None) -> bool:
        """Whether an item's heading ties it to the present: a heading that states relevance ("Relevant
        history"), or one naming the present ("Current sentence") over an item old only by its date (the
        current order's start); an item its own wording tells as past ("was known to us when she was
        14") is not made current by a "Current concerns" heading."""
        if self.says(self.relevance_headings, heading):
            return True
        dated = historic is not None and bool(historic.old)
        return dated and (self.says(self.present_cues, heading) or self.states_link(heading))

    def told_again(self, doc: Doc, items: list[Item], found: list, n: int, expr, horizon, structure,
                   date_ranges: dict[int, list]) -> bool:
        """Whether the time `expr` names falls within an old time of another, linked item: the same
        past told again (a chronology row and the paragraph that explains it). `date_ranges` keeps
        each item's date ranges once read."""
        r = value_range(expr.value)
        if not r or horizon is None:
            return False
        item = items[n]
        for m, other in enumerate(items):
            if m == n or self.another_piece(item, other):
                continue
            if m not in date_ranges:
                date_ranges[m] = [value_range(e.value) for e in other.dates if e.type == "DATE"]
            spans = date_ranges[m]
            if any(s and s[0] <= r[0] and r[1] <= s[1] < horizon for s in spans) \
                    and self.is_linked(doc, items, found, m, structure):
                return True
        return False

    @staticmethod
    def another_piece(item: Item, other: Item) -> bool:
        """Whether `other` is another piece of the same section's history (another paragraph or list item under
        the same heading, neither a table row): one of its dates holding `item`'s ("in 2022", "in August 2022")
        tells two pieces of one list, not one past told again."""
        if item.row or other.row or item.block is None or other.block is None:
            return False
        return other.block is not item.block and other.block.start != item.block.start \
            and other.block.heading == item.block.heading

    @staticmethod
    def says(pattern, text: str) -> bool:
        return bool(pattern and text and pattern.search(text))

    @staticmethod
    def section_closing(structure: Structure, block: Block) -> Block | None:
        """The last paragraph of `block`'s section when it comes after `block`, or None."""
        blocks = structure.blocks
        last = None
        for later in blocks[blocks.index(block) + 1:]:
            if later.kind == "heading" or later.heading != block.heading:
                break
            if later.kind == "paragraph":
                last = later
        return last

    def is_history_heading(self, heading: str) -> bool:
        """Whether a section heading marks what follows as the past: a history_headings phrase ("Family history",
        "Background"), a past record ("Previous convictions", "Earlier relationships") or past recorded events
        ("Previous incidents at the address")."""
        return self.says(self.history_headings, heading) or self.is_past_record_heading(heading)

    def is_past_record_heading(self, heading: str) -> bool:
        """Whether a heading names past records or recorded events ("Previous convictions", "Earlier referrals")."""
        return self.says(self.past_records, heading) or self.says(self.heading_records, heading)

    def is_record_heading(self, heading: str) -> bool:
        """Whether a history heading heads a record of the past ("Mother's history", "Previous convictions"), not
        context ("Background"): under it, what is dated before the horizon is told as a past concern whatever its
        words ("2016 - breach of order")."""
        if self.is_past_record_heading(heading):
            return True
        return any(m.group().lower() not in self.context_headings
                   for m in (self.history_headings.finditer(heading) if self.history_headings and heading else ()))

    def past_under_history_heading(self, span, heading: str) -> tuple[int, int] | None:
        """The clause of a past concern told under a history heading ("Family history"), or None.

        The heading marks what follows as the past even where the sentence gives no date
        ("Mum's older sister has had her children removed"); returns that clause's character span.
        """
        if not self.is_history_heading(heading):
            return None
        if self.concern_words is None or not self.concern_words.search(span_text(span)):
            return None
        verb = next((v for v in main_verbs(span) if is_past(v)), None)
        if verb is None:
            return None
        joined = {t.i for child in verb.children if child.dep_ in ("conj", "cc") for t in child.subtree}
        clause = [t for t in verb.subtree if t.i not in joined and not t.is_punct]
        return clause[0].idx, clause[-1].idx + len(clause[-1].text)

    def check_stale(self, doc: Doc, report: dt.date) -> None:
        if not is_whole_report(doc, self.min_report_sentences):
            return
        ends = [r[1] for e in doc._.events or [] if (r := value_range(e.date)) and r[1] <= report]
        if not ends:
            return
        latest = max(ends)
        weeks = (report - latest).days / 7
        if weeks > self.stale_weeks:
            add_finding(doc, self.rules.rule("historic.stale"), 0, 0, kind="stale",
                        latest=latest.strftime("%d/%m/%Y"), weeks=int(weeks))

    def note_unknown_date(self, doc: Doc) -> None:
        """Once for the whole report: with no report date, what is historic cannot be told by date."""
        has_dates = any(e.type == "DATE" and value_range(e.value) for e in doc._.dates or [])
        if has_dates or is_whole_report(doc, self.min_report_sentences):
            add_finding(doc, self.rules.rule("historic.report_date_unknown"), 0, 0, kind="report_date")


@Language.factory(
    "review_historic",
    requires=["doc._.report_date", "doc._.dates", "doc._.events"],
    assigns=["doc._.findings"],
    default_config={"rules_path": None},
)
def make_historic_check(nlp: Language, name: str, *, rules_path: str | None = None) -> HistoricCheck:
    return HistoricCheck(rules_path)
