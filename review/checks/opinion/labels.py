"""Judgements of people read from the grammar, beside the lexicon: a person characterised with
the verb "be" ("Dad is a gentle and devoted father", "Mum is not being honest"), a risk stated
as a conclusion ("Dad is a risk to the children"), and a negated ability or willingness
("Dad cannot cope", "the family will not engage"); and which lexicon labels describe a thing.

How it works: docs/internals.md, `review.checks.opinion.labels`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from review.nlp.people import FAMILY_WORDS, FEMALE_PERSON_WORDS, GROUP_NOUNS, MALE_PERSON_WORDS

PERSON_PRONOUNS = frozenset({"he", "she", "they"})
RELATIVE_PRONOUNS = frozenset({"who", "that"})
# Modals of ability and willingness in the present: "cannot cope", "will not engage", "won't".
ABILITY_MODALS = frozenset({"can", "ca", "will", "wo"})
# Derivational endings of abstract nouns ("relationship", "childhood", "behaviour", "conditions"):
# a label on one of these judges a relationship or conduct; on any other noun that is not a person
# it describes a thing ("dirty dishes", "a dirty nappy").
# Prepositions that place a state in a situation ("tired and hungry in lessons", "upset after
# contact"): a state seen there, not a character.
SITUATING_PREPOSITIONS = frozenset({"in", "at", "during", "after", "before", "on", "when", "since"})
# Prepositions of what a feeling or knowledge is about ("worried about", "aware of", "responsible for").
FEELING_PREPOSITIONS = frozenset({"about", "of", "for", "that"})
ABSTRACT_ENDINGS = ("ship", "hood", "ness", "ity", "ion", "ions", "ment", "ments", "ance", "ence", "our", "ior",
                    "ism", "cy")

Trigger = tuple[int, int, str]


@dataclass(frozen=True)
class PersonJudgements:
    """The word classes the grammar patterns read (rules/opinion.yaml)."""

    person_nouns: frozenset[str]
    degree_adverbs: frozenset[str]
    status_adjectives: frozenset[str]
    risk_nouns: frozenset[str]
    forecast_conditions: frozenset[str] = frozenset()
    time_frames: frozenset[str] = frozenset()

    def is_person(self, token: Token) -> bool:
        """A name, "he"/"she"/"they", or a word for a person or a group of people."""
        if token.pos_ == "PROPN":
            return True
        if token.pos_ == "PRON":
            return token.lower_ in PERSON_PRONOUNS
        lemma = token.lemma_.lower()
        return token.pos_ == "NOUN" and (lemma in self.person_nouns or lemma in FAMILY_WORDS or lemma in GROUP_NOUNS
                                         or lemma in FEMALE_PERSON_WORDS or lemma in MALE_PERSON_WORDS)

    def describes_a_thing(self, label: Token) -> bool:
        """A label modifying a noun for a thing ("dirty dishes", "a dirty nappy"): an observation."""
        if label.dep_ != "amod" or label.head.pos_ != "NOUN":
            return False
        noun = label.head
        return not self.is_person(noun) and not noun.lower_.endswith(ABSTRACT_ENDINGS)

    def subject(self, verb: Token, person: bool = True) -> Token | None:
        """The person (with `person`; else anyone or anything) `verb` says something of, or None: its
        subject, a shared subject of the verb it is joined to, or the noun a relative clause ("a boy
        who is ...") belongs to."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:
            return None
        return subject if subject is not None and (not person or self.is_person(subject)) else None

    def find(self, sent: Span, is_writers: Callable[[Token], bool]) -> list[Trigger]:
        """Each characterisation, risk conclusion and negated ability in `sent`, in the writer's voice."""
        found: list[Trigger] = []
        for token in sent:
            if not is_writers(token):
                continue
            if is_present_copula(token, perfect=True) and self.subject(token, person=False) is not None:
                found += self.characterisations(token, of_a_person=self.subject(token) is not None)
            elif token.pos_ == "VERB" and self.subject(token) is not None:
                found += negated_ability(token)
            if token.pos_ in ("VERB", "AUX") and self.of_a_person(token):
                found += self.conditional_forecast(token)
        return found

    def of_a_person(self, verb: Token) -> bool:
        """Whether `verb` says something of a person or of what is theirs ("his language", "Ava's speech")."""
        subject = self.subject(verb, person=False)
        return subject is not None and (self.is_person(subject) or any(
            c.dep_ == "poss" and (self.is_person(c) or c.lower_ in ("his", "her", "their")) for c in subject.children))

    def conditional_forecast(self, verb: Token) -> list[Trigger]:
        """'Without this his language will not develop', 'unless she gets help, Leo will not be safe': a negated
        outcome for a person, stated with "will" as certain on a condition (`forecast_conditions`): a
        prediction given as fact. A passive ("will not be seen by ...") is what others will do, not a forecast."""
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in ("will", "wo")), None)
        if modal is None or not any(c.dep_ == "neg" for c in verb.children) or any(
                c.dep_ == "auxpass" for c in verb.children):
            return []
        conditioned = any((c.dep_ == "prep" and c.lower_ in self.forecast_conditions) or (
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.forecast_conditions for m in c.children))
            for c in verb.children)
        return [(modal.idx, verb.idx + len(verb.text), "a forecast stated as certain, on a condition")] if conditioned else []

    def observed_habit(self, sent: Span) -> bool:
        """'He is polite to staff when he collects the children': a person's state in the present, placed in
        the occasion it is seen on, which describes what happens then rather than judging a character."""
        for copula in sent:
            if not is_present_copula(copula) or self.subject(copula) is None:
                continue
            adjectives = [a for c in copula.children if c.dep_ == "acomp" and c.pos_ == "ADJ" for a in conjoined(c)]
            if adjectives and situated(copula, adjectives, is_person=self.is_person, frames=self.time_frames):
                return True
        return False

    def characterisations(self, copula: Token, of_a_person: bool) -> list[Trigger]:
        """What a present-tense "be" says of its subject that is a judgement: a risk, of anyone; a
        quality, of a person."""
        found: list[Trigger] = []
        negated = any(c.dep_ == "neg" for c in copula.children)
        progressive = copula.tag_ == "VBG"  # "is not being honest": conduct, judged
        for complement in copula.children:
            if complement.dep_ == "acomp" and complement.pos_ == "ADJ" and of_a_person:
                adjectives = conjoined(complement)
                placed = situated(copula, adjectives, is_person=self.is_person, frames=self.time_frames)
                if not progressive and (any(has_complement(a) for a in adjectives) or placed):
                    continue
                if progressive or negated or len(adjectives) > 1 or any(self.is_graded(a) for a in adjectives):
                    found += [span_of(a, "a judgement of a person stated as fact") for a in adjectives]
            elif complement.dep_ == "attr" and complement.pos_ == "NOUN":
                found += self.noun_characterisations(complement, of_a_person)
            elif complement.dep_ == "prep" and complement.lower_ == "at":
                risk = next((c for c in complement.children if c.dep_ == "pobj"
                             and c.lemma_.lower() in self.risk_nouns), None)
                if risk is not None:
                    found.append((complement.idx, risk.idx + len(risk.text), "a level of risk stated as a conclusion"))
        return found

    def noun_characterisations(self, noun: Token, of_a_person: bool) -> list[Trigger]:
        """"a risk to the children"; "a gentle and devoted father": each evaluative adjective."""
        if noun.lemma_.lower() in self.risk_nouns:
            return [span_of(noun, "a risk stated as a conclusion, with no evidence")]
        if not of_a_person or not self.is_person(noun):
            return []
        adjectives = [a for m in noun.children if m.dep_ == "amod" for a in conjoined(m)]
        return [span_of(a, "a judgement of a person stated as fact") for a in adjectives
                if a.pos_ in ("ADJ", "VERB") and a.lower_ not in self.status_adjectives and a.ent_type_ != "NORP"
                and not a.like_num]

    def is_graded(self, adjective: Token) -> bool:
        """'very engaged', 'completely committed': a degree adverb grades a quality."""
        return any(c.dep_ == "advmod" and c.lower_ in self.degree_adverbs for c in adjective.children)


def is_present_copula(token: Token, perfect: bool = False) -> bool:
    """'is', 'are', 'is being': the verb "be" as a main verb in the present tense; with `perfect`, 'has been'
    too, which says what a person has been like up to now ("Mum has been very supportive throughout")."""
    if token.lemma_ != "be" or token.dep_ not in ("ROOT", "conj", "relcl", "ccomp"):
        return False
    if token.tag_ in ("VBZ", "VBP"):
        return True
    forms = ("VBG", "VBN") if perfect else ("VBG",)
    return token.tag_ in forms and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in token.children)


def has_complement(adjective: Token) -> bool:
    """"able to", "aware that", "worried about Mia", "responsible for": a capacity, or knowledge or a
    feeling about something ("honest with us", "committed to change" keep their judgement)."""
    return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in FEELING_PREPOSITIONS)
               for c in adjective.children)


def situated(copula: Token, adjectives: list[Token], respects: frozenset[str] = frozenset(),
             is_person: Callable[[Token], bool] | None = None, frames: frozenset[str] = frozenset()) -> bool:
    """'she is tired and hungry in lessons': the state is placed in a situation, where it was seen. With
    `respects`, a phrase whose object is one of them ("low in mood") names what the state is of, not where;
    a pronoun object ("in it"), or with `is_person` a person ("not interested in Logan", "hard on Kai"), is
    whom the state is towards, not where ("at Nan's" is a place); with `frames`, one whose object is one of them
    ("at the moment", "at present", "on the whole") frames the claim in time or in general, no occasion seen."""
    def towards_someone(obj: Token) -> bool:
        return obj.tag_ == "PRP" or (is_person is not None and is_person(obj)
                                     and not any(c.dep_ == "case" for c in obj.children))
    return any(c.dep_ in ("prep", "advcl") and (c.lower_ in SITUATING_PREPOSITIONS or any(
        m.dep_ in ("mark", "advmod") and m.lower_ in SITUATING_PREPOSITIONS for m in c.children)) and not any(
        o.dep_ == "pobj" and (o.lemma_.lower() in respects or o.lower_ in frames or towards_someone(o))
        for o in c.children)
        for word in (copula, *adjectives) for c in word.children)


def negated_ability(verb: Token) -> list[Trigger]:
    """'Dad cannot cope', 'the family will not engage': a present modal of ability or will, negated."""
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in ABILITY_MODALS), None)
    if modal is None or verb.lemma_ == "be" or not any(c.dep_ == "neg" for c in verb.children):
        return []
    if any(c.dep_ == "auxpass" for c in verb.children):
        return []  # "Leo will not be seen by CAMHS": what others will do, not the person's will
    return [(modal.idx, verb.idx + len(verb.text), "an inability or unwillingness stated as fact")]


def conjoined(token: Token) -> list[Token]:
    """`token` and the words joined to it by "and", "or" or a comma ("lazy and selfish")."""
    words = [token]
    for child in token.children:
        if child.dep_ == "conj" and (child.pos_ == token.pos_ or child.pos_ in ("ADJ", "VERB") and token.pos_ == "ADJ"):
            words += conjoined(child)
    return words


def span_of(token: Token, why: str) -> Trigger:
    """(start, end, why) of `token`, with a hyphenated word taken whole ("well-adjusted")."""
    start, end = token.idx, token.idx + len(token.text)
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        start = doc[token.i - 2].idx
    return start, end, why
