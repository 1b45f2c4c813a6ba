"""The `length` check: is the report succinct and understandable?

How it works: docs/internals.md, `review.checks.length`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from review.checks.length.abbreviations import Glossary, Use, is_explained_here, parse_glossary
from review.checks.length.abbreviations import unexplained_abbreviations
from review.checks.length.abbreviations import uses as abbreviation_uses
from review.checks.length.passives import PassiveRules, hidden_agent_passives
from review.core.findings import add_finding
from review.core.rules import CheckRules, load_rules
from review.core.text import doc_paragraphs, doc_text, sentences, words
from review.nlp import readability
from review.nlp.linguistics import linguistics
from review.nlp.quotes import DOUBLE_QUOTE_MARKS, doc_quote_marks

SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}
SUBORDINATE_DEPS = {"advcl", "relcl", "acl", "csubj", "csubjpass", "pcomp", "amod", "xcomp"}
SUBORDINATE_TAGS = {"WDT", "WP", "WP$", "WRB"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CLAUSE_LINKS = {"ccomp", "parataxis", "conj"}   # how a second main clause hangs in the parse
REQUEST_OBJECT_VERBS = {"tell", "ask", "inform", "remind", "warn", "show", "promise", "assure"}  # take a person, then a clause
NOT_PROSE = ("heading", "field", "address", "signature")  # blocks whose abbreviations are not read as running text
SENTENCE_END = re.compile(r"[.!?;:…][\"'”’)\]]*$")  # how a written sentence (or a clause before a colon) ends
WRITER_FIELDS = ("author", "role")   # header fields that give the writer's name and role
GLOSSARY_HEADING = re.compile(r"(?i)glossary|abbreviations|acronyms|key terms|terms used")
COMMON_WORD_ZIPF, COMMON_SHORT_WORD_ZIPF = 4.0, 5.0  # how common a word (of 3+ letters, of 2) is to be everyday
THRESHOLDS = ("sentence_words", "long_sentence_words", "paragraph_words", "hard_grade", "hard_min_words", "run_on_joins", "comma_splice_min_words",
              "report_words", "reading_words_per_minute", "repeat_similarity", "repeat_min_words")
# The word classes of verbs that take a clause as object without "that" ("she told me she was tired"):
# such a clause is not a second sentence run on.
CLAUSE_OBJECT_VERBS = ("speech_verbs", "announcing_verbs", "denial_verbs", "thinking_and_perceiving_verbs")


@dataclass(frozen=True)
class Clause:
    """A predicate with its own subject, and how it is joined to the text before it."""

    predicate: Token
    start: Token          # first token of the clause (its subject, a 'because' or an adverbial before them)
    joint: Token | None   # the token just before `start` in the sentence (None: sentence start)
    join: str             # "start" | "coordinator" | "subordinate" | "comma" | "punctuation" | "none"


def _clause_join(predicate: Token, start: Token, joint: Token | None, coordinators: set[str],
                 reporting_verbs: set[str]) -> str:
    if joint is None:
        return "start"
    if any(child.dep_ == "mark" for child in predicate.children) or start.tag_ in SUBORDINATE_TAGS:
        return "subordinate"
    if (predicate.dep_ in SUBORDINATE_DEPS and not is_request(predicate)) or joint.dep_ == "mark" \
            or joint.tag_ in SUBORDINATE_TAGS:   # a request is a main clause, however the parse hangs it
        return "subordinate"
    if joint.lower_ in coordinators or joint.dep_ == "cc" or start.lower_ in coordinators:
        return "coordinator"   # "and she ...", ", so he ..."
    if joint.text == "," and joint.i > 0 and joint.nbor(-1).lower_ in coordinators:
        return "coordinator"   # "and, by 15, she ..."
    if predicate.dep_ == "ccomp" and (predicate.head.lemma_.lower() in reporting_verbs
                                      or joint.i == predicate.head.i or joint.head.i == predicate.head.i) \
            and not _object_taken(predicate, joint):
        return "subordinate"   # "she told me she was tired", "it is possible we ...": a clause as object
    if (joint.is_punct and joint.text != ",") or joint.is_space:
        return "punctuation"   # a semicolon, dash, colon, bracket or a gap where a dash was lost
    # What precedes may be a clause fronted inside this one ("when he does come(,) he is ..."):
    # then the two are one sentence, however they are punctuated.
    previous = joint if joint.text != "," else (joint.nbor(-1) if joint.i > 0 else joint)
    for child in predicate.children:
        if child.i < start.i and child.left_edge.i <= previous.i <= child.right_edge.i:
            if (child.dep_ not in CLAUSE_LINKS and not is_request(child)) or any(c.dep_ == "mark" for c in child.children):
                return "subordinate"
    return "comma" if joint.text == "," else "none"


def _object_taken(predicate: Token, joint: Token) -> bool:
    """Whether a clause after a comma that the parse hangs as the object of a verb of seeing or
    thinking comes after that verb's own object or phrase ("please find my notes below, I will not
    be there", "I saw the bruise, it was on her arm"): the verb has its object, so the clause is a
    second sentence. A person told or asked ("she told me, she was tired") is not such an object."""
    head = predicate.head
    if joint.text != "," or head.i > joint.i or head.lemma_.lower() in REQUEST_OBJECT_VERBS:
        return False
    return any(c.dep_ in ("dobj", "prep") and head.i < c.i < joint.i for c in head.children)


def is_finite(predicate: Token) -> bool:
    """A verb with tense ("was", "says", "had gone", "will be given"), not "everyone smiling"."""
    return predicate.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in predicate.children)


def is_request(predicate: Token) -> bool:
    """A request ("please see below", "please call me"): a main clause with no subject written."""
    return predicate.tag_ == "VB" and any(c.lower_ == "please" and c.i < predicate.i for c in predicate.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in predicate.children)


def clause_start(predicate: Token) -> int:
    """Index of the first token of the clause: its subject, or anything else of its own before it
    ("over the summer things changed"), but not another clause fronted inside it."""
    own = [c.left_edge.i for c in predicate.children
           if c.i < predicate.i and c.dep_ not in ("punct", "cc") and c.dep_ not in CLAUSE_LINKS | {"advcl"}]
    return min(own, default=predicate.i)


def clauses(sent: Span, coordinators: set[str], reporting_verbs: set[str]) -> list[Clause]:
    """The finite clauses of `sent` in text order, each with how it is joined to what precedes it."""
    found = []
    for token in sent:
        if not (token.n_lefts or token.n_rights):
            continue  # a word with no dependents has no subject (most words: turned away before their children)
        if not (is_finite(token) and any(c.dep_ in SUBJECTS for c in token.children)) and not is_request(token):
            continue
        first = clause_start(token)
        if first < sent.start:
            continue
        while sent.doc[first].is_space and first < token.i:
            first += 1   # a stray space before the subject belongs to the gap, not the clause
        start = sent.doc[first]
        joint = sent.doc[first - 1] if first > sent.start else None
        found.append(Clause(token, start, joint, _clause_join(token, start, joint, coordinators, reporting_verbs)))
    return sorted(found, key=lambda c: c.start.i)


def _is_list_of_clauses(later: list[Clause]) -> bool:
    """True when a clause after a comma-joined one is joined with 'and'/'or': a list ("A, B and C")."""
    return any(c.join == "coordinator" and c.joint is not None and c.joint.lower_ in ("and", "or") for c in later)


def run_ons(sent: Span, clause_list: list[Clause], min_joins: int, reporting_verbs: set[str],
            quoted: list[tuple[int, int]] = (), linking_adverbs: frozenset[str] = frozenset()) -> tuple[str, list[Clause]]:
    """How `sent` runs sentences together ("comma", "none" or "coordinator") and the joints, or ("", []).
    A joint inside a quotation (`quoted`: (start, end) of each, which may open in an earlier
    sentence) is the speaker's, not the writer's. A clause after a comma that opens with a linking
    adverb (`linking_adverbs`: ", however she ...") is a second sentence even before an "and": it
    is no item of a list."""
    for i, clause in enumerate(clause_list):
        if clause.join not in ("comma", "none") or _is_speech_tag(clause.predicate, reporting_verbs):
            continue   # "..., she said." reports speech; it is not a second sentence
        before = [c for c in clause_list[:i] if c.join != "subordinate" or is_request(c.predicate)]   # main clauses
        if not before or _inside_quotes(sent, clause.start) or _in_spans(clause.start.idx, quoted):
            continue
        previous = clause_list[i - 1].predicate
        if previous.lemma_.lower() in reporting_verbs and clause.start.i - previous.i <= 2:
            continue   # "As he left, he said, the mission began": "he said" is an aside
        if (clause.join == "comma" and clause.start.lower_ not in linking_adverbs
                and _is_list_of_clauses(clause_list[i + 1:])):
            continue
        return clause.join, [clause]
    chained = [c for c in clause_list if c.join == "coordinator"]
    if len(chained) >= min_joins:
        return "coordinator", chained
    return "", []


def _is_speech_tag(predicate: Token, reporting_verbs: set[str]) -> bool:
    """'she said', 'he told reporters' with nothing said after it (not 'mum says she has asked him to leave')."""
    return predicate.lemma_.lower() in reporting_verbs and not any(
        c.dep_ in ("ccomp", "xcomp") and c.i > predicate.i for c in predicate.children)


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the character `offset` lies in one of the (start, end) `spans`."""
    return any(start <= offset < end for start, end in spans)


def _inside_quotes(sent: Span, token: Token) -> bool:
    before = sent.text[:token.idx - sent.start_char]
    return sum(before.count(mark) for mark in DOUBLE_QUOTE_MARKS) % 2 == 1


def split_point(sent: Span, clause_list: list[Clause]) -> Token:
    """Where to split a long sentence: the clause joint nearest its middle (else a comma, else the middle)."""
    middle = (sent.start_char + sent.end_char) / 2
    joints = [_joining_word(c) for c in clause_list
              if c.join in ("coordinator", "comma", "none") or (c.join == "subordinate" and c.joint.text == ",")]
    if not joints:
        joints = [sent.doc[t.i + 1] for t in sent[:-1] if t.text in (",", ";") and t.i + 1 < sent.end]
    if not joints:
        return min(sent, key=lambda t: abs(t.idx - middle))
    return min(joints, key=lambda t: abs(t.idx - middle))


def _joining_word(clause: Clause) -> Token:
    """Where a new sentence would start: the coordinator that joins the clause, else its first word."""
    if clause.join == "coordinator" and clause.joint.lower_ != "," and not clause.joint.is_punct:
        return clause.joint
    return clause.start


def _phrase_from(token: Token, end: int, n: int = 5) -> str:
    """Up to `n` words of the text from `token`, stopping before token index `end`."""
    return token.doc[token.i:min(token.i + n, end)].text


def written_sentences(spans: list[Span]) -> list[list[Span]]:
    """The review's sentences grouped as the writer wrote them: the parser sometimes ends a sentence
    mid-line with no stop ("... taken off her | like she was ..."); a part that starts in lower case
    on the same line as a part ending in a word, not a stop, a colon or a dash, continues it."""
    groups: list[list[Span]] = []
    for sent in spans:
        if groups and _continues(groups[-1][-1], sent):
            groups[-1].append(sent)
        else:
            groups.append([sent])
    return groups


def _continues(previous: Span, sent: Span) -> bool:
    last, first = previous[-1], sent[0]
    between = doc_text(sent.doc)[previous.end_char:sent.start_char]
    return (first.text[:1].islower() and last.text[-1:].isalnum() and not SENTENCE_END.search(last.text)
            and "\n" not in between and "\r" not in between)


def definition_words(sent: Span, glossary: Glossary) -> int:
    """Words inside brackets that define an abbreviation ("... Depression Scale (EPDS; a score of 13
    or more suggests ...)", "CIN (Child in Need)"): the explanation length.jargon asks for is an
    aside the reader may skip, so it does not make the sentence long. Other brackets count."""
    text, total, opened = doc_text(sent.doc), 0, None
    if "(" not in text[sent.start_char:sent.end_char]:
        return 0  # no bracket opens in the sentence (most sentences)
    for token in sent:
        if token.text == "(" and opened is None:
            opened = token
        elif token.text == ")" and opened is not None:
            inside = sent.doc[opened.i + 1:token.i]
            edges = [t for t in (sent.doc[opened.i - 1] if opened.i > sent.start else None,
                                 inside[0] if len(inside) else None) if t is not None]
            if any(_defined_here(text, t, glossary) for t in edges):
                total += words(inside)
            opened = None
    return total


def _defined_here(text: str, token: Token, glossary: Glossary) -> bool:
    """Whether `token` is an abbreviation explained by the bracket beside it (is_explained_here)."""
    found = [use for use in abbreviation_uses(token.text, glossary) if use.start == 0]
    return bool(found) and is_explained_here(
        text, Use(found[0].key, token.idx, token.idx + found[0].end, found[0].in_glossary),
        glossary.expansions.get(found[0].key, ()))


def content_words(sent: Span) -> frozenset[str]:
    """Lower-cased lemmas of the words that carry content: no stop words or punctuation, but numbers
    and dates kept, so the same kind of event on two dates is not a repetition."""
    return frozenset(t.lemma_.lower() for t in sent if not (t.is_stop or t.is_punct or t.is_space))


def repeated_sentences(word_sets: list[frozenset[str]], min_words: int, similarity: float,
                       max_postings: int = 50) -> list[tuple[int, int]]:
    """(later, earlier) index pairs of near-duplicate sentences (Jaccard of content words).

    Candidates come from an index of words to the sentences that use them; a word used in more
    than `max_postings` sentences is not followed, so the work stays linear in report length.
    """
    index: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for i, current in enumerate(word_sets):
        if len(current) >= min_words:
            shared: dict[int, int] = defaultdict(int)
            for word in current:
                postings = index.get(word, ())
                if len(postings) <= max_postings:
                    for j in postings:
                        shared[j] += 1
            best = max(((n / (len(current) + len(word_sets[j]) - n), j) for j, n in shared.items()), default=None)
            if best and best[0] >= similarity:
                pairs.append((i, best[1]))
            for word in current:
                index[word].append(i)
    return pairs


def _is_common_word(word: str) -> bool:
    """A word in everyday use, so that written in capitals it is emphasis or a name, not an abbreviation."""
    return readability.word_zipf(word) >= (COMMON_SHORT_WORD_ZIPF if len(word) <= 2 else COMMON_WORD_ZIPF)


def _is_name_at(doc: Doc, offset: int) -> bool:
    """Whether the word at character `offset` is a name to the tagger or the entity recogniser."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return bool(span) and (span[0].pos_ == "PROPN" or span[0].ent_type_ in ("PERSON", "ORG", "GPE"))


class LengthCheck:
    """Sentence and paragraph length, readability, run-ons, jargon, hidden agents and repetition."""

    def __init__(self, rules: CheckRules):
        self.rules = rules
        self.limits = {name: rules.threshold(name) for name in THRESHOLDS}
        self.glossary = parse_glossary(rules.lexicon("glossary"))
        self.known_abbreviations = frozenset(rules.lexicon("known_abbreviations"))
        word_classes = linguistics().word_classes
        self.passives = PassiveRules(*({w.lower() for w in rules.lexicon(name)} for name in (
            "passive_hidden_agent", "passive_harm", "passive_perception", "by_how_not_who", "meetings")),
            step_verbs=frozenset(w.lower() for w in rules.lexicon("passive_step")),
            speech_verbs=frozenset(word_classes.union("speech_verbs")),
            **{field: frozenset(w.lower() for w in rules.lexicon(name)) for field, name in (
                ("giving", "passive_giving"),
                ("help_given", "help_given"), ("raised_said", "raised_said"), ("views", "passive_view"),
                ("agreement", "passive_agreement"), ("risk", "passive_risk"))})
        self.reporting_verbs = set(word_classes.union(*CLAUSE_OBJECT_VERBS))
        self.coordinators = set(word_classes.union("coordinators"))
        self.linking_adverbs = word_classes.union("conjunctive_adverbs")

    def _add(self, doc: Doc, rule_id: str, start: int, end: int, **values) -> None:
        add_finding(doc, self.rules.rule(rule_id), start, end, allow=self.rules, **values)

    def __call__(self, doc: Doc) -> Doc:
        spans = sentences(doc)
        counts = []
        for sent in spans:
            sent._.words = words(sent)
            sent_counts = readability.sentence_counts(sent)
            sent._.grade = round(readability.grade_from_counts(sent_counts), 1)
            counts.append(sent_counts)
        total_words = sum(s._.words for s in spans)
        grade = round(readability.grade_from_counts(sum(counts, readability.NO_COUNTS)), 1)
        paragraph_bounds = doc_paragraphs(doc)
        doc._.summary.update(
            words=total_words,
            sentences=len(spans),
            paragraphs=len(paragraph_bounds),
            grade=grade,
            reading_minutes=round(total_words / self.limits["reading_words_per_minute"], 1),
            longest_sentence_words=max((s._.words for s in spans), default=0),
        )
        quoted = [(quote.start, quote.end) for quote in doc_quote_marks(doc)]
        for group in written_sentences(spans):
            too_long = self._check_sentence_length(doc, group)
            for sent in group:
                self._check_sentence(doc, sent, grade, quoted, too_long)
        self._check_paragraphs(doc, spans, paragraph_bounds)
        self._check_jargon(doc, quoted)
        self._check_repetition(doc, spans)
        if total_words > self.limits["report_words"]:
            self._add(doc, "length.report", 0, 0, words=total_words, minutes=doc._.summary["reading_minutes"],
                      usual_words=int(self.limits["report_words"]))
        return doc

    def _check_sentence_length(self, doc: Doc, group: list[Span]) -> bool:
        """length.sentence on one written sentence (`group`: its parts in the review's split), its
        words counted without a bracketed definition of an abbreviation; True when it is too long. A
        shorter one of long_sentence_words or more gets length.long_sentence, a note the flag-confidence
        stage shows as a warning where practitioners marking reports like it asked for it to be split."""
        counted = sum(sent._.words - definition_words(sent, self.glossary) for sent in group)
        if counted <= self.limits["sentence_words"]:
            if counted >= self.limits["long_sentence_words"]:
                self._add(doc, "length.long_sentence", group[0].start_char, group[-1].end_char,
                          words=sum(sent._.words for sent in group), split_at=self._split_at(group))
            return False
        self._add(doc, "length.sentence", group[0].start_char, group[-1].end_char,
                  words=sum(sent._.words for sent in group), split_at=self._split_at(group))
        return True

    def _split_at(self, group: list[Span]) -> str:
        """Where to end the first sentence of a long one: the words from its split point on."""
        if len(group) == 1:
            split = split_point(group[0], clauses(group[0], self.coordinators, self.reporting_verbs))
        else:   # where the parser ended a part: the one nearest the middle
            middle = (group[0].start_char + group[-1].end_char) / 2
            split = min((sent[0] for sent in group[1:]), key=lambda t: abs(t.idx - middle))
        return _phrase_from(split, group[-1].end)

    def _check_sentence(self, doc: Doc, sent: Span, average_grade: float, quoted: list[tuple[int, int]],
                        too_long: bool = False) -> None:
        clause_list = clauses(sent, self.coordinators, self.reporting_verbs)
        if (not too_long   # length.sentence said it; a long sentence is not also flagged hard to read
                and sent._.grade > self.limits["hard_grade"] and sent._.words >= self.limits["hard_min_words"]):
            hard = readability.rarest_words(sent.text, 3)
            self._add(doc, "length.hard_to_read", sent.start_char, sent.end_char, grade=sent._.grade,
                      average=average_grade, hard_words=", ".join(f"'{w}'" for w in hard))
        kind, joints = run_ons(sent, clause_list, int(self.limits["run_on_joins"]), self.reporting_verbs, quoted,
                               self.linking_adverbs)
        if kind == "comma" and sent._.words < self.limits["comma_splice_min_words"]:
            kind = ""   # two short clauses on either side of a comma read as one breath, not a run-on
        if kind:
            first = joints[0]
            start = (first.joint if kind == "comma" else _joining_word(first)).idx
            joined = {"comma": "only a comma", "none": "nothing at all"}.get(
                kind, ", ".join(sorted({f"'{_joining_word(c).lower_}'" for c in joints})))
            self._add(doc, "length.run_on", start, sent.end_char, clauses=len(joints) + 1, joined=joined,
                      split_at=_phrase_from(_joining_word(first), sent.end),
                      kind=kind)
        for subject, verb in hidden_agent_passives(sent, self.passives, quoted):
            first = next(t for t in subject.subtree if t.dep_ not in ("meta", "punct") or t == subject)
            start = min(first.idx, verb.idx)   # "3. Referral ... to be made" starts at "Referral"
            self._add(doc, "length.passive", start, verb.idx + len(verb.text))

    def _check_paragraphs(self, doc: Doc, spans: list[Span], bounds: list[tuple[int, int]]) -> None:
        per_paragraph = [0] * len(bounds)
        starts = [start for start, _ in bounds]
        for sent in spans:
            i = bisect_right(starts, sent.start_char) - 1
            if i >= 0:
                per_paragraph[i] += sent._.words
        for (start, end), count in zip(bounds, per_paragraph):
            if count > self.limits["paragraph_words"]:
                self._add(doc, "length.paragraph", start, end, words=count)

    def _check_jargon(self, doc: Doc, quoted: list[tuple[int, int]]) -> None:
        structure = doc._.structure
        outside_prose = [(b.start, b.end) for b in structure.blocks if b.kind in NOT_PROSE] if structure else []
        # The writer's own name-and-role lines: an abbreviation met bare there first is flagged there.
        own_role = ([(f.start, f.end) for f in structure.fields if f.key in WRITER_FIELDS]
                    + [(b.start, b.end) for b in structure.blocks if b.kind == "signature"]) if structure else []
        glossary_sections = [(b.start, b.end) for b in structure.blocks
                             if b.heading and GLOSSARY_HEADING.search(b.heading)] if structure else []
        text = doc_text(doc)
        explained = frozenset(use.key for use in abbreviation_uses(text, self.glossary)
                              if any(start <= use.start < end for start, end in glossary_sections))
        found = unexplained_abbreviations(
            text, self.glossary, self.known_abbreviations, explained,
            skip=lambda offset: _in_spans(offset, outside_prose),
            common_word=_is_common_word, quoted=lambda offset: _in_spans(offset, quoted),
            is_name=lambda offset: _is_name_at(doc, offset), first_met=lambda offset: _in_spans(offset, own_role))
        for abbreviation, start, end in found:
            spelled = self.glossary.expansions.get(abbreviation)
            self._add(doc, "length.jargon", start, end, expansion=spelled[0] if spelled else "the words in full")

    def _check_repetition(self, doc: Doc, spans: list[Span]) -> None:
        word_sets = [content_words(s) for s in spans]
        for later, earlier in repeated_sentences(word_sets, int(self.limits["repeat_min_words"]),
                                                 self.limits["repeat_similarity"]):
            sent = spans[later]
            self._add(doc, "length.repetition", sent.start_char, sent.end_char, other=earlier + 1,
                      other_text=spans[earlier].text)


@Language.factory(
    "review_length",
    requires=["doc._.summary", "doc._.findings"],
    assigns=["span._.words", "span._.grade", "doc._.summary", "doc._.findings"],
    default_config={"rules_path": None},
)
def make_length_check(nlp: Language, name: str, *, rules_path: str | None = None) -> LengthCheck:
    return LengthCheck(load_rules(rules_path).check("length"))
