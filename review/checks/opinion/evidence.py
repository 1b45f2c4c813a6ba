"""Whether a sentence gives the basis of what it claims: a stated reason, the evidence after a
colon, or specifics (a date, a time, a count, something the writer saw or heard, a quote)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from review.core.text import span_text
from review.nlp.people import FIRST_PERSON
from review.nlp.quotes import DOUBLE_QUOTE_MARKS

# Conjunctions that open a clause giving a reason when they mark an adverbial clause ("as he smells
# of it", "since she told me"); "because" gives one wherever it stands.
REASON_CONJUNCTIONS = ("as", "since")
# Conjunctions that concede another view ("although a new term may be part of the reason").
CONCESSIVE_CONJUNCTIONS = ("although", "though")
# Verbs of the writer's own senses: "I saw", "we heard", "I noticed".
PERCEPTION_VERBS = frozenset({"see", "hear", "notice", "observe", "watch", "smell", "witness", "find"})
SPECIFIC_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL"})
DIGIT = re.compile(r"\d")


def states_a_reason(sent: Span, reason_markers: re.Pattern | None, claim: int | None = None) -> bool:
    """Whether `sent` gives a reason: a reason marker ("because", "based on"), an adverbial clause
    opened by "as" or "since", or a colon followed by a clause that elaborates what came before.
    With `claim` (a token), only a reason that is not itself the claim counts (`supports`)."""
    if any(claim is None or supports(marker, claim) for marker in reason_starts(sent, reason_markers)):
        return True
    return elaborated_after_colon(sent)


def reasons_back(sent: Span, reason_markers: re.Pattern | None) -> bool:
    """Whether `sent` gives the reason for what the sentence before it claimed: a reason that opens it
    ("Because she ...", "For example, on 3 May ...", "This shows ...") or that it gives of "this" or "that"
    ("This is because ...", "I say this because ..."). A reason after a claim of its own is that claim's ("He
    could not attend because the group was cancelled", "I suspect he is not sleeping because of gaming")."""
    starts = reason_starts(sent, reason_markers)
    root = sent.root
    if any(marker.i <= root.i for marker in starts):
        return True
    return bool(starts) and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in ("this", "that")
                                for c in root.children)


def supports(marker: Token, claim: Token) -> bool:
    """Whether the reason opened by `marker` is a reason for `claim`: the claim comes before it, or
    after it in a clause with no subject of its own, joined to the main clause ("The baby is
    exposed to smoke, because ..., and may be exposed to ..."). After it with a subject of its own,
    the claim is part of the reason ("as his weight is a concern and he may be developing ...")."""
    if claim.i < marker.i:
        return True
    verb = claim
    while verb.dep_ in ("aux", "auxpass", "neg", "advmod") and verb.head.i != verb.i:
        verb = verb.head
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def reason_starts(sent: Span, reason_markers: re.Pattern | None) -> list[Token]:
    """The first word of each reason in `sent`: of a reason marker, or "as"/"since" opening an
    adverbial clause."""
    starts = []
    if reason_markers is not None:
        for match in reason_markers.finditer(span_text(sent)):
            span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                      alignment_mode="expand")
            if span is not None and len(span):
                starts.append(span[0])
    starts += [t for t in sent if t.dep_ == "mark" and t.lower_ in REASON_CONJUNCTIONS and t.head.dep_ == "advcl"
               and not since_of_time(t)]
    return starts


def explains_a_cause(marker: Token) -> bool:
    """Whether the reason opened by `marker` is itself what a clause claims: the whole predicate of a "be" that says
    nothing else of its subject ("this is because of what is going on at home", "it was because she was frightened"),
    a cause given as the claim, not a reason given for one ("she is tired because I saw her asleep")."""
    if marker.lower_ not in ("because", "due"):
        return False
    copula = marker.head.head if marker.dep_ == "mark" else marker.head
    return (copula.lemma_ == "be" and any(c.dep_ in ("nsubj", "expl") for c in copula.children)
            and not any(c.dep_ in ("acomp", "attr", "oprd", "dobj", "xcomp") and c.i != marker.i
                        for c in copula.children))  # "the weight loss is due to ...": "due" is the predicate


def since_of_time(mark: Token) -> bool:
    """'has had contact with him since bail was granted', 'has been drinking since she moved in': "since" on
    a clause in the perfect counts time from an event; it gives a reason on any other ("is frightened of
    him, since he flinched ...")."""
    return mark.lower_ == "since" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in mark.head.head.children)


def elaborated_after_colon(sent: Span) -> bool:
    """'Her care appears good: she is on the 50th centile ...': a colon inside the sentence with
    a clause after it (a verb of its own), not a label's colon at the start of a line."""
    if ":" not in span_text(sent):
        return False
    for token in sent[1:-1]:
        if token.text == ":" and token.i > sent.start + 2:
            after = sent.doc[token.i + 1:sent.end]
            if any(t.pos_ in ("VERB", "AUX") for t in after) and len(after) >= 4:
                return True
    return False


def writer_perceives(token: Token) -> bool:
    """'I saw', 'we heard': a verb of the senses whose subject is the writer. Negated, it is an observation
    only of an absence the writer looked for ("I could not see any bruising", "we did not hear shouting");
    "I have not seen the children since March", "I could not see Mum alone" say nothing was observed."""
    if token.lemma_.lower() not in PERCEPTION_VERBS or token.pos_ != "VERB":
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.children):
        return False
    return not any(c.dep_ == "neg" for c in token.children) or observed_absence(token)


def observed_absence(verb: Token) -> bool:
    """Whether what negated `verb` perceived is indefinite ("any bruising", "no marks", "shouting"): an absence
    looked for, not a definite person or thing that was not seen ("the children", "Mum", "him")."""
    seen = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    seen = [next((s for s in c.children if s.dep_ == "nsubj"), c) if c.dep_ == "ccomp" else c for c in seen]
    return any(s.pos_ not in ("PROPN", "PRON") and not any(
        d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ not in ("any", "no")) for d in s.children) for s in seen)


def gives_specifics(sent: Span, is_person: Callable[[Token], bool] | None = None) -> bool:
    """Whether `sent` gives particulars a reader can check: a date, time, count or measure, a
    quotation, or something the writer saw or heard. With `is_person`, a number that counts the people
    a claim is about ("a risk to all three children", "the two boys") is not one: it says who, not what
    was seen or when."""
    numbers = [t for t in sent if t.ent_type_ in SPECIFIC_ENTITIES or DIGIT.search(t.text)]
    if any(is_person is None or not counts_people(t, is_person) for t in numbers):
        return True
    if any(t.text in DOUBLE_QUOTE_MARKS for t in sent):
        return True
    return any(writer_perceives(t) for t in sent)


def counts_people(number: Token, is_person: Callable[[Token], bool]) -> bool:
    """'all three children', 'the 2 adults', 'both of the four siblings': a number that counts people."""
    return number.dep_ == "nummod" and number.like_num and is_person(number.head)


def weighs_another_view(sent: Span) -> bool:
    """'..., although a new school term may be part of the reason', '..., though this is hard to say
    until he attends': a concessive clause, in which a writer who owns a view weighs it against
    another explanation or states its limits."""
    return any(t.lower_ in CONCESSIVE_CONJUNCTIONS and t.dep_ in ("mark", "advmod") and t.i > sent.start for t in sent)


def conceded(cue: Token) -> bool:
    """'Noah's words may be relevant but on their own do not tell us how she was hurt': a modal clause that
    concedes a point against a statement joined by "but" with the same subject and no modal, in which the
    writer weighs the evidence; not a guess set against a fact with a subject of its own ("could be a support
    but nothing is known about her")."""
    verb = cue.head if cue.dep_ in ("aux", "auxpass") else cue
    if not any(c.dep_ == "cc" and c.lower_ == "but" for c in verb.children):
        return False
    return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
        g.dep_ in ("nsubj", "nsubjpass", "expl") or (g.dep_ == "aux" and g.tag_ == "MD") for g in c.children)
        for c in verb.children)


MEASURES = ("%", "percent", "centile", "percentile")


def gives_its_measure(label: Token) -> bool:
    """'Attendance is poor at 71.4%', 'poor attendance (78% this term)', 'weight is low, on the 2nd centile':
    a label given with the figure it rests on, which is the fact (GUIDE.md's lookalikes)."""
    # the noun a label modifies or stands beside ("Attendance: poor at 71.4%"), else the label's clause
    scope = label.head if label.dep_ in ("amod", "appos") else clause_of(label)
    return any(t.lower_ in MEASURES or (t.lower_ == "cent" and t.i > 0 and t.nbor(-1).lower_ == "per")
               for t in scope.subtree)


def depicts_an_occasion(label: Token) -> bool:
    """'attended A&E intoxicated on NYE', 'Paramedics took Leanne, heavily intoxicated, to hospital': a label as
    a depictive of one event in the simple past, the person's state on that occasion as the event's record
    gives it; not one stated with "be" ("Dad was drunk") nor of a habit ("has been coming back drunk"). So is
    a change of state in the simple past on an occasion the sentence names ("there was an incident at reception
    where he became aggressive", "got angry when the bruise was mentioned"); not one with no occasion ("Dad
    became aggressive")."""
    if label.dep_ == "acomp" and label.head.lemma_.lower() in CHANGE_VERBS:
        return label.head.tag_ == "VBD" and on_an_occasion(label.head)
    if label.dep_ == "advcl":
        verb = label.head
    elif label.dep_ in ("amod", "acl") and label.head.pos_ in ("PROPN", "PRON") and label.left_edge.i > 0 and (
            label.doc[label.left_edge.i - 1].text == ","):  # set off by commas beside a name
        verb = label.head.head if label.head.dep_ in ("dobj", "nsubj", "nsubjpass") else label.head
    else:
        return False
    return verb.pos_ == "VERB" and verb.lemma_ != "be" and verb.tag_ == "VBD"


# Verbs of a change of state: "became aggressive", "got upset", "turned nasty".
CHANGE_VERBS = frozenset({"become", "get", "turn", "grow"})
OCCASION_WORDS = ("when", "where", "as", "after", "once")


def on_an_occasion(verb: Token) -> bool:
    """Whether `verb` tells what happened on an occasion its sentence names: in a clause opened by "when" or
    "where" ("an incident at the office where he became aggressive"), or with such a clause of its own ("became
    angry when the scald was mentioned")."""
    opens = [c for c in verb.children if c.dep_ in ("advmod", "mark") and c.i < verb.i]
    if verb.dep_ in ("relcl", "advcl") and any(c.lower_ in OCCASION_WORDS for c in opens):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ in ("advmod", "mark") and m.lower_ in OCCASION_WORDS
                                         for m in c.children) for c in verb.children)


def clause_of(word: Token) -> Token:
    """The verb of the clause `word` is in ("poor" in "her hygiene is poor", "difficult" in "had a
    difficult childhood"): its nearest verb ancestor, or itself."""
    for token in (word, *word.ancestors):
        if token.pos_ in ("VERB", "AUX"):
            return token
    return word


def conjoined_clauses(verb: Token) -> list[Token]:
    """The verbs of the clauses joined to `verb`'s by "and" or a comma, either way along the chain."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX") and first.head.i != first.i:
        first = first.head
    chain, todo = [], [first]
    while todo:
        clause = todo.pop()
        chain.append(clause)
        todo += [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return [c for c in chain if c.i != verb.i]


def observed_beside(label: Token, judges: Callable[[Span], bool], reporting_verbs: frozenset[str],
                    existential: "Existentials") -> bool:
    """'Her oral hygiene is poor and there was heavy plaque on all surfaces', 'Mum had a difficult
    childhood and was in foster care': a label whose clause is joined by "and" (or given a reason by "as" or
    "because") to one saying what was there or what happened (a "there is/was" that `existential` reads as
    evidence, or a clause in the past tense), or that is followed by what was seen (`shown_after`), which gives
    the label its evidence in the same sentence. A clause that `judges` (a label or phrase of its own: "was very
    rude ... and made a scene") gives no evidence, nor one of what the person said ("was rude on the phone and
    said it was none of our business"), as with an appearance."""
    verb = clause_of(label)
    reasons = [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("as", "because") for m in c.children)]  # "..., as there were two bottles"
    return any((existential.gives_evidence(clause) if any(c.dep_ == "expl" for c in clause.children)
                else clause.tag_ == "VBD")
               and clause.lemma_.lower() not in reporting_verbs
               and not judges(own_clause(clause)) for clause in conjoined_clauses(verb) + reasons) or (
        shown_after(label, verb, judges, reporting_verbs))


def shown_after(label: Token, verb: Token, judges: Callable[[Span], bool], reporting_verbs: frozenset[str]) -> bool:
    """'Mr Hughes was aggressive at the meeting, shouting at the chair', 'the flat was dirty, with dog faeces on
    the floor', 'Mum was hostile on the call; she called me a liar': what the person did or what was there, told
    after the label (of `verb`'s clause) in a participle or a "with" phrase of things set off by a comma (not
    "uncooperative with the plan"), or in a past clause after a semicolon or a colon, of a state on an occasion (in
    the simple past). Not one that judges or tells what was said."""
    def tells(clause: Token) -> bool:
        return clause.lemma_.lower() not in reporting_verbs and not judges(own_clause(clause))

    sent = label.sent
    if verb.tag_ != "VBD" and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return False  # not a state on an occasion ("he is rude to staff, truanting lessons and ..."): a list
    for token in sent:
        if token.i <= label.i + 1 or sent.doc[token.i - 1].text != ",":
            continue  # set off by a comma after the label: an attendant circumstance, not what the state is towards
        if token.dep_ in ("advcl", "xcomp", "acl") and token.tag_ == "VBG" and tells(token):
            return True
        if token.lower_ == "with" and any((o.dep_ == "pobj" and o.pos_ == "NOUN") or o.dep_ == "pcomp"
                                          for o in token.children):
            return True
    stop = next((t for t in sent if t.i > label.i and t.text in (";", ":")), None)
    return stop is not None and any(t.i > stop.i and t.pos_ in ("VERB", "AUX") and t.tag_ == "VBD"
                                    and t.dep_ not in ("aux", "auxpass") and tells(t) for t in sent)


class Existentials:
    """Whether a "there is/was ..." clause says what was there, which can evidence a label beside it."""

    def __init__(self, claim_nouns: frozenset[str], absence_nouns: frozenset[str]):
        self.claim_nouns = claim_nouns  # "doubt", "risk", "concern": what such a noun says is there is a claim
        self.absence_nouns = absence_nouns  # "lack", "absence": it says that something is not there

    def gives_evidence(self, clause: Token) -> bool:
        """'there was heavy plaque on all surfaces', 'on 2 December there was no working boiler': what was
        there. Not a claim said to be there ("there is no doubt that he is a risk", "there are concerns about
        ..."), nor a lack told of no occasion it was seen on ("there are no boundaries", "there is little warmth
        between them"): a general absence is as much a judgement as the label beside it."""
        thing = next((c for c in clause.children if c.dep_ in ("attr", "nsubj") and c.pos_ in ("NOUN", "PROPN")),
                     None)
        if thing is None:
            return True
        if thing.lemma_.lower() in self.claim_nouns:
            return False
        lacking = thing.lemma_.lower() in self.absence_nouns or any(
            (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "amod" and c.lower_ == "little")
            for c in thing.children)
        return not lacking or any(t.ent_type_ in ("DATE", "TIME") for t in clause.sent)


def own_clause(verb: Token) -> Span:
    """The words of `verb`'s clause up to the first clause joined to it ("there was heavy plaque" of
    "there was heavy plaque and the kitchen is dirty")."""
    joined = [c.left_edge.i for c in verb.children if c.dep_ in ("conj", "cc") and c.i > verb.i]
    return verb.doc[verb.left_edge.i:min(joined, default=verb.right_edge.i + 1)]


def defines_a_term(sent: Span, is_person: Callable[[Token], bool]) -> bool:
    """'An IDVA is a specialist worker who supports ...': a definition (an indefinite subject, the
    verb "be" and a noun with the clause of what it does), which says what a kind of thing or worker
    is, of no one in particular. "A neighbour is a risk to the children" (a person of the case) and "A
    lodger is a man who is a danger" (a clause that characterises) define nothing."""
    root = sent.root
    if root.lemma_ != "be":
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or (is_person(subject) and subject.pos_ != "PROPN"):  # "an ISVA" is a term, not a name
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children) and any(
        c.dep_ == "attr" and c.pos_ == "NOUN" and any(d.dep_ in ("relcl", "acl") and d.lemma_ != "be" for d in c.children)
        for c in root.children)


def writers_own_account(sent: Span) -> bool:
    """'I have been working with the family since May and have done work on routines', 'I am not aware of
    any concerns about his care': the writer, as the subject of the sentence, says what they did or know,
    with no clause claiming anything of anyone else ("I have no doubt that Mum is lying" claims)."""
    # Every clause the writer's, save one that a preposition makes a topic ("worries about how Ava is fed"):
    # "We have spoken to Mum but she does not take them seriously" claims something of Mum.
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass", "expl")
                and not any(a.dep_ in ("pcomp", "pobj") for a in t.ancestors)]
    if not subjects or any(t.lower_ not in FIRST_PERSON for t in subjects):
        return False
    return not any(t.dep_ in ("ccomp", "csubj") or (t.dep_ == "mark" and t.lower_ in ("that", "whether"))
                   for t in sent)  # "I am of the view that his remorse is fake" claims


# Verbs that, with "will", state what will be or must be, not an action planned ("he will be at risk").
STATE_VERBS = frozenset({"be", "have", "need", "get", "become", "end", "struggle", "continue"})


def states_a_plan(sent: Span, agencies: frozenset[str]) -> bool:
    """'If there is not enough progress, the local authority will consider whether to start the PLO', 'I
    will refer Jay to CAMHS': an action the writer or an agency (`agencies`: lemmas) will take, a plan,
    not a claim. A forecast ("Dad will hurt her again", "the risk will rise") is not one."""
    root = sent.root
    will = any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in root.children)
    if not will or root.lemma_.lower() in STATE_VERBS or any(c.dep_ == "neg" for c in root.children):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in FIRST_PERSON or subject.lemma_.lower() in agencies)


def counts_what_is_had(sent: Span) -> bool:
    """'Mum has two children from a previous relationship', 'Dad has three convictions': "have" with a counted
    object, the record of what a person has, which a reader can check; not a characterisation."""
    root = sent.root
    return root.lemma_ == "have" and any(c.dep_ == "dobj" and any(n.dep_ == "nummod" for n in c.children)
                                         for c in root.children)


def records_a_process(sent: Span, process_verbs: frozenset[str], agencies: frozenset[str]) -> bool:
    """'This was passed to MASH', 'Jason is managed by MOSOVO', 'the case was referred to the council': the
    passive of a verb of an agency's process (`process_verbs`) with an agency (`agencies`, or an organisation's
    name) as its agent or the one it went to: a record of what was done, not a claim."""
    root = sent.root
    if root.lemma_.lower() not in process_verbs or root.tag_ != "VBN" or not any(
            c.dep_ == "auxpass" for c in root.children):
        return False
    return any(c.dep_ in ("agent", "prep") and c.lower_ in ("by", "to") and any(
        o.dep_ == "pobj" and (o.ent_type_ == "ORG" or o.lemma_.lower() in agencies) for o in c.children)
        for c in root.children)


# Subjects that point back at what was just said ("This is relevant", "That is why ...", "It matters").
POINTING_SUBJECTS = ("this", "that", "it")


def says_why_it_matters(sent: Span, relevance_words: frozenset[str], of_a_person: Callable[[Token], bool]) -> bool:
    """'This is relevant now because it shows how ill he can become', 'This is the main reason the children are
    on plans, and it is why his mental state matters': every main clause says why what came before matters
    (its subject "this", "that" or "it"; "be" with a word of `relevance_words`, or such a verb; a clause joined
    to it has such a subject too), which is the writer's analysis of the facts given, not a claim about a
    person. Not when a reason it gives claims something of a person (`of_a_person`: "This is relevant because
    Dad is a danger to the baby")."""
    root = sent.root
    joined = [c for c in conjoined_clauses(root) if c.pos_ in ("VERB", "AUX")]
    # a clause joined to it goes on about the same thing ("..., and it did not involve the children")
    if not (points_back(root) and speaks_of_relevance(root, relevance_words) and all(map(points_back, joined))):
        return False
    return not any(c.dep_ == "advcl" and of_a_person(c) for clause in (root, *joined) for c in clause.children)


def points_back(verb: Token) -> bool:
    """Whether `verb`'s subject is a bare "this", "that" or "it" (not "this report", "that man")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in POINTING_SUBJECTS and all(
        c.dep_ == "punct" for c in subject.children)


def speaks_of_relevance(verb: Token, relevance_words: frozenset[str]) -> bool:
    """'matters', 'is relevant', 'is the main reason', 'is why ...': `verb` is a word of `relevance_words`, or
    "be" with one as its complement or a clause it opens."""
    if verb.lemma_.lower() in relevance_words:
        return True
    return verb.lemma_ == "be" and any(
        (c.dep_ in ("acomp", "attr", "advmod") and c.lemma_.lower() in relevance_words)
        or (c.dep_ in ("ccomp", "advcl", "attr") and c.left_edge.lower_ == "why") for c in verb.children)


# Words that set the circumstance a level of risk is stated for ("if she relapsed", "when he is unwell").
CIRCUMSTANCE_MARKS = ("if", "unless", "when", "while", "whenever")


def level_of_risk_in_circumstance(sent: Span, risk_nouns: frozenset[str]) -> Token | None:
    """'If Mum did relapse, the risk to Ava is high ...', 'the risk to the children is highest in the first weeks of
    a relapse, when ...': a level of risk ("be" with an adjective, its subject a word of `risk_nouns`) stated for
    a circumstance (a clause of condition or time, or a phrase of when) is the writer weighing a risk, not a
    claim about a person. The adjective of the level, or None."""
    for level in sent:
        if level.pos_ != "ADJ":
            continue
        if level.dep_ == "acomp" and level.head.lemma_ == "be":
            verb = level.head
        elif any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") for c in level.children):
            verb = level  # "the danger is greatest ...", parsed with the adjective as the head
        else:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in risk_nouns for c in verb.children):
            continue
        clauses = [c for c in verb.children if c.dep_ == "advcl"]
        marked = any(m.dep_ in ("mark", "advmod") and m.lower_ in CIRCUMSTANCE_MARKS
                     for c in clauses for m in c.children)
        if marked or any(t.lower_ in CIRCUMSTANCE_MARKS and t.dep_ == "advmod" and t.i > level.i for t in verb.subtree):
            return level
    return None


def states_its_scope(sent: Span, document_nouns: frozenset[str], scope_verbs: frozenset[str],
                     of_a_person: Callable[[Token], bool]) -> bool:
    """'This report sets out my assessment of whether the arrangement is safe', 'This report covers the period since
    May', 'My letter is about ...': the document (one of `document_nouns`, with "this", "the", "my" or "our") as the
    subject of a verb of what it does (`scope_verbs`) or of "be" with "about" or "based on" says what it covers,
    not a claim about anyone. Not with a relative clause that claims something of a person ("about a family that
    does not care")."""
    root = sent.root
    if any(t.dep_ == "relcl" and of_a_person(t) for t in sent):
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in document_nouns or not any(
            c.dep_ in ("det", "poss") and c.lower_ in ("this", "the", "my", "our") for c in subject.children):
        return False
    if root.lemma_.lower() in scope_verbs:
        return True
    if root.lemma_ == "base":  # "This report is based on my contacts ..."
        return any(c.dep_ == "auxpass" for c in root.children)
    return root.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in ("about", "on") for c in root.children)


# Verbs of wanting or being willing that take the talking ("does not want to talk about home").
WILLING_VERBS = frozenset({"want", "like", "wish", "choose", "refuse"})


def says_what_is_talked_about(sent: Span, talk_verbs: frozenset[str],
                              subject_of: Callable[[Token], Token | None]) -> bool:
    """'Leon does not talk about home', 'Ava does not want to talk about her dad', 'Jo talks about her nan a lot': a
    person (`subject_of` the main verb) who talks, or will not, about something (`talk_verbs` with "about" or "of"):
    the record of what they say to the writer, not a judgement of them."""
    root = sent.root
    if subject_of(root) is None:
        return False
    verb = root
    if root.lemma_.lower() in WILLING_VERBS:
        verb = next((c for c in root.children if c.dep_ == "xcomp"), root)
    return verb.lemma_.lower() in talk_verbs and any(c.dep_ == "prep" and c.lower_ in ("about", "of")
                                                     for c in verb.children)
