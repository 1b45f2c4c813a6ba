"""Passives that hide who acted ("concerns were raised"), told apart from those that name or imply the actor."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token


@dataclass(frozen=True)
class PassiveRules:
    """The lexicons that say which passives hide who acted and which name or imply the actor."""

    verbs: set[str]           # hide the actor when agentless in the past, perfect or future
    harm_verbs: set[str]      # hide the actor when agentless in any tense
    perception: set[str]      # hide the actor only as a report of what was perceived ("was seen hitting")
    not_agents: set[str]      # nouns after "by" that say how, not who ("by the arm", "by accident")
    meetings: set[str]        # a meeting as subject or setting names who acted ("was agreed at the conference")
    step_verbs: frozenset[str] = frozenset()     # hide the actor also as a step still to be taken ("to be booked")
    speech_verbs: frozenset[str] = frozenset()   # verbs that report what a source said ("told me that ...")
    giving: frozenset[str] = frozenset()         # verbs of giving and offering ...
    help_given: frozenset[str] = frozenset()     # ... whose passive hides no one when what is given is routine help
    raised_said: frozenset[str] = frozenset()    # what is raised by saying it ("concerns were raised")
    views: frozenset[str] = frozenset()          # verbs of holding a view ("it was felt that ...")
    agreement: frozenset[str] = frozenset()      # verbs of agreeing ("it was agreed I would ...")
    risk: frozenset[str] = frozenset()           # harm whose passive after "could"/"might" states a risk


QUESTION_WORDS = {"how", "why", "whether", "who", "whom", "what"}
# Verbs an infinitive passive of a step to be taken hangs on ("a decision needs to be made", "he is to be
# referred"): the step's subject is theirs.
STEP_VERBS = {"need", "have", "require", "be"}
FIRST_PERSON = {"i", "we", "me", "us"}
POSSIBILITY_MODALS = {"could", "might", "may", "would"}   # a harm that may happen, not one done
# Nouns of quantity that stand for the noun after their "of" ("lots of advice").
QUANTITY_NOUNS = {"lot", "lots", "plenty", "list", "range", "piece", "bit", "amount", "deal", "number", "variety"}


def hidden_agent_passives(sent: Span, rules: PassiveRules, quoted: list[tuple[int, int]] = ()) -> list[tuple[Token, Token]]:
    """(subject, last word) of each passive in `sent` that hides who acted: a verb of `rules.verbs` in
    the past, perfect or future ("A bruise was noticed", "consideration will be given") or of
    `rules.harm_verbs` in any tense, or a step still to be taken ("Referral to be made", "to be booked")
    with no owner in its item, or a view someone formed (`_view_subject`), with no agent named in the sentence, not inside a quote (`quoted`:
    (start, end) of each), not asked about ("how she was hurt"), not a meeting's act and not in what
    a named source told the writer."""
    found, agent_named = [], False
    for token in sent:
        if token.tag_ != "VBN":
            continue
        children = list(token.children)
        view = _view_subject(token, children, rules)
        if view is not None:
            if not _names_agent(token, rules) and not _told_by_named_source(token, rules) and not any(
                    start <= token.idx < end for start, end in quoted):
                found.append((view, token))
            continue
        if not any(c.dep_ == "auxpass" for c in children):
            continue
        if _names_agent(token, rules):
            agent_named = True
            continue
        lemma = token.lemma_.lower()
        harm = lemma in rules.harm_verbs
        step = lemma in rules.step_verbs and _is_step(token) and token.head.tag_ != "VBD"   # not "had to be booked"
        if not harm and ((lemma not in rules.verbs and not step) or agent_named):
            continue   # after "Riley was seen by the nurse", "Mum was given advice" was the nurse's act too
        if not harm and not any(_is_past_or_future(c, children) for c in children if c.dep_ == "auxpass"):
            continue   # "he is hurt", "was not being given": a state or a habit, not an act
        subjects = [c for c in children if c.dep_ in ("nsubjpass", "csubjpass")] or _step_subjects(sent, token)
        if not subjects or token.dep_ in ("pcomp", "amod"):
            continue
        if any(start <= token.idx < end for start, end in quoted) or _is_implied(token, subjects[0], rules):
            continue
        if (not harm and _told_by_named_source(token, rules)) or _step_has_owner(sent, token):
            continue
        if not harm and not _is_step(token) and _is_routine_act(token, subjects[0], rules):
            continue
        if _writer_agreed(token, children, rules) or _is_risk(token, children, rules):
            continue
        found.append((subjects[0], max([token] + [c for c in children if c.dep_ == "prt"], key=lambda t: t.i)))
    return found


def _view_subject(verb: Token, children: list[Token], rules: PassiveRules) -> Token | None:
    """The subject of a passive that reports a view someone formed, without saying who: done ("it
    was felt that ...", "he was thought to be ...") or reduced ("fractures thought to be weeks old",
    a finding someone made). A present view with no holder ("it is thought that ...") is the
    writer's own hedge, which the opinion check flags and asks whose it is; not a view with a
    complement of neither kind ("she felt she was not believed")."""
    if verb.lemma_.lower() not in rules.views:
        return None
    infinitive = any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)
                     for c in children)
    if verb.dep_ == "acl" and infinitive and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if not any(c.dep_ == "auxpass" and _is_past_or_future(c, children) for c in children):
        return None
    subjects = [c for c in children if c.dep_ == "nsubjpass"]
    if not subjects:
        return None
    clause = any(c.dep_ == "ccomp" for c in children)
    if (subjects[0].lower_ == "it" and clause) or infinitive:
        return subjects[0]
    return None


def _writer_agreed(verb: Token, children: list[Token], rules: PassiveRules) -> bool:
    """An agreement whose agreed clause has the writer as its subject ("it was agreed I would visit
    weekly", "it was arranged that we would meet"): the writer is one of those who agreed, and who
    acts is said."""
    return verb.lemma_.lower() in rules.agreement and any(
        c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in FIRST_PERSON for s in c.children)
        for c in children)


def _is_risk(verb: Token, children: list[Token], rules: PassiveRules) -> bool:
    """A harm that may happen, after a modal of possibility ("the children could be hurt", "she
    might be exploited"): a risk stated, with no act done and so no actor hidden; "will be hurt"
    and "was hurt" still ask who."""
    return verb.lemma_.lower() in rules.risk and any(
        c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in children)


def _is_step(verb: Token) -> bool:
    """An infinitive passive: a step still to be taken ("Referral to be made", "needs to be decided")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _step_subjects(sent: Span, verb: Token) -> list[Token]:
    """The subject of an infinitive passive with none of its own: the noun it describes ("Referral to
    CDC to be considered"; in an item with no finite verb, the last noun before it, however the parser
    hung it), or the subject of the verb of need it hangs on ("a decision will need to be made", "Ben
    is to be referred"); else none."""
    if not _is_step(verb):
        return []
    if verb.dep_ in ("acl", "relcl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in STEP_VERBS:
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not _has_finite_verb(sent):
        return [t for t in sent if t.i < verb.left_edge.i and t.pos_ in ("NOUN", "PROPN")][-1:]
    return []


def _has_finite_verb(sent: Span) -> bool:
    """Whether `sent` has a verb with tense: a plan item ("Hearing test to be booked.") has none."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sent)


def _step_has_owner(sent: Span, verb: Token) -> bool:
    """Whether a plan item's step names who takes it elsewhere in the item: a person's name, or a name
    or pronoun as the subject of another verb ("(Mrs Dale to arrange)"); only for an item with no finite verb."""
    if not _is_step(verb) or _has_finite_verb(sent):
        return False
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head != verb and t.pos_ in ("PROPN", "PRON")
               or (t.ent_type_ == "PERSON") for t in sent if not (verb.left_edge.i <= t.i <= verb.i))


def _told_by_named_source(verb: Token, rules: PassiveRules) -> bool:
    """Whether the passive is in what someone other than the writer is reported to have said
    ("Mrs Dale told me that Theo had been found crying"): finding out who acted is the source's
    account, and the source is named."""
    head = verb
    while head.dep_ in ("ccomp", "conj") and head.head != head and rules.speech_verbs:
        head = head.head
        speakers = [c for c in head.children if c.dep_ == "nsubj"]
        if head.tag_.startswith("VB") and speakers and head.lemma_.lower() in rules.speech_verbs:
            return speakers[0].lower_ not in FIRST_PERSON
    return False


def _names_agent(verb: Token, rules: PassiveRules) -> bool:
    """Whether a "by" phrase of `verb`, or of a verb it shares its subject with ("stopped and searched
    by police"), names who acted: "by her stepfather", "by police", not "by the arm" or "by accident"."""
    shared = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    for head in shared:
        for by in head.subtree:
            if by.lower_ != "by" or by.i < verb.i or any(a.pos_ in ("VERB", "AUX") and a.dep_ not in ("oprd", "acomp")
                                                          for a in _ancestors_below(by, head)):
                continue   # a "by" of a clause inside this one is that clause's; "reported missing by her mum" is the passive's
            if any(n.dep_ == "pobj" and n.lemma_.lower() not in rules.not_agents for n in by.children):
                return True
    return False


def _ancestors_below(token: Token, top: Token) -> list[Token]:
    """The heads between `token` and its ancestor `top`, leaving both out."""
    heads = []
    while token.head != token and token.head != top:
        token = token.head
        heads.append(token)
    return heads


def _is_implied(verb: Token, subject: Token, rules: PassiveRules) -> bool:
    """A passive whose actor is not hidden: the question asked ("how she was hurt"), a sight or a
    sound only as an appointment ("was seen in clinic", not "was seen hitting him"), or a meeting's act."""
    if any(c.lower_ in QUESTION_WORDS and c.i < verb.i for c in verb.children):
        return True
    if verb.lemma_.lower() in rules.perception and not any(
            c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return True
    if subject.lemma_.lower() in rules.meetings:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("at", "in", "during", "by")
               and any(o.dep_ == "pobj" and o.lemma_.lower() in rules.meetings for o in c.children)
               for c in verb.children)


def _is_routine_act(verb: Token, subject: Token, rules: PassiveRules) -> bool:
    """A done passive whose actor the reader knows, because the act is a service's routine and the
    sentence names what matters: the person given or offered routine help ("She was given the number
    for ...", "Mum has been given lots of advice", "has been offered a referral to our team"; not
    "was given cannabis", "Mum was offered a parenting course", nor "information was given", which
    hides to whom as well as who); or "raised" of something not said ("her score was raised", "a
    repair was raised"; not "concerns were raised")."""
    lemma = verb.lemma_.lower()
    if lemma in rules.giving:
        return any(_head_noun(c).lemma_.lower() in rules.help_given for c in verb.children if c.dep_ in ("dobj", "attr"))
    if lemma == "raise":
        forms = {subject.lemma_.lower(), subject.lower_, subject.lower_.removesuffix("s")}   # "Concerns" at a sentence start
        return subject.pos_ in ("NOUN", "PROPN") and not forms & rules.raised_said
    return False


def _head_noun(noun: Token) -> Token:
    """The noun a quantity stands for ("lots of advice", "a list of numbers" -> "advice", "numbers")."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if noun.lemma_.lower() in QUANTITY_NOUNS and of:
        objects = [o for o in of[0].children if o.dep_ == "pobj"]
        if objects:
            return objects[0]
    return noun



def _is_past_or_future(auxpass: Token, siblings: list[Token]) -> bool:
    """'was'/'were', 'been' (have been) or 'be' after a modal (will be, should be) or 'to' (a step to be taken)."""
    return auxpass.tag_ in ("VBD", "VBN") or (auxpass.tag_ == "VB" and any(s.tag_ in ("MD", "TO") for s in siblings))

