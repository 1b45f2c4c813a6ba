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


QUESTION_WORDS = {"how", "why", "whether", "who", "whom", "what"}


def hidden_agent_passives(sent: Span, rules: PassiveRules, quoted: list[tuple[int, int]] = ()) -> list[tuple[Token, Token]]:
    """(subject, last word) of each passive in `sent` that hides who acted: a verb of `rules.verbs` in
    the past, perfect or future ("A bruise was noticed", "consideration will be given") or of
    `rules.harm_verbs` in any tense, with no agent named in the sentence, not inside a quote (`quoted`:
    (start, end) of each), not asked about ("how she was hurt") and not a meeting's act."""
    found, agent_named = [], False
    for token in sent:
        children = list(token.children)
        if token.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in children):
            continue
        if _names_agent(token, rules):
            agent_named = True
            continue
        lemma = token.lemma_.lower()
        harm = lemma in rules.harm_verbs
        if not harm and (lemma not in rules.verbs or agent_named):
            continue   # after "Riley was seen by the nurse", "Mum was given advice" was the nurse's act too
        if not harm and not any(_is_past_or_future(c, children) for c in children if c.dep_ == "auxpass"):
            continue   # "he is hurt", "was not being given": a state or a habit, not an act
        subjects = [c for c in children if c.dep_ in ("nsubjpass", "csubjpass")]
        if not subjects or token.dep_ in ("pcomp", "amod"):
            continue
        if any(start <= token.idx < end for start, end in quoted) or _is_implied(token, subjects[0], rules):
            continue
        found.append((subjects[0], max([token] + [c for c in children if c.dep_ == "prt"], key=lambda t: t.i)))
    return found


def _names_agent(verb: Token, rules: PassiveRules) -> bool:
    """Whether a "by" phrase of `verb`, or of a verb it shares its subject with ("stopped and searched
    by police"), names who acted: "by her stepfather", "by police", not "by the arm" or "by accident"."""
    shared = [verb] + [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    for head in shared:
        for by in head.subtree:
            if by.lower_ != "by" or by.i < verb.i or any(a.pos_ in ("VERB", "AUX") for a in _ancestors_below(by, head)):
                continue   # a "by" of a clause inside this one is that clause's
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


def _is_past_or_future(auxpass: Token, siblings: list[Token]) -> bool:
    """'was'/'were', 'been' (have been) or 'be' after a modal (will be, should be)."""
    return auxpass.tag_ in ("VBD", "VBN") or (auxpass.tag_ == "VB" and any(s.tag_ == "MD" for s in siblings))

