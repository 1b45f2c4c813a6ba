"""The child's words in indirect speech: "Amir has said he doesn't like it at home", "Leo told me that he
was hungry", what the child said put in the writer's words, with no quotation marks."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from review.checks.child_voice.resolver import ChildResolver
from review.core.text import doc_text, sentences
from review.nlp.grammar import has_modal, subject_of
from review.nlp.linguistics import linguistics
from review.nlp.quotes import Quote

@dataclass
class ReportedWords:
    """A child's words given in indirect speech: the clause said (`start`-`end`, as a quote's words would
    be), its verb of saying, and whose words they are."""

    start: int
    end: int
    verb: str
    child: str  # "" for a child not named
    pronoun: bool = False  # told of as "he", "she": going on from what was told before

    def as_quote(self, text: str) -> Quote:
        """The clause as the child's words, so the circumstances of a quote are read around it."""
        return Quote(self.start, self.end, text[self.start:self.end], speaker=self.child or "the child",
                     speaker_is_child=True, form="phrase", kind="child_own", verb=self.verb, how="verb",
                     extra={"pronoun": self.pronoun})


def reported_words_of(doc: Doc, quotes: list[Quote], resolver: ChildResolver,
                      saying_verbs: frozenset[str]) -> list[ReportedWords]:
    """The sentences with no quotation in them whose verb of saying (of `saying_verbs`, the rules'
    ``indirect_saying_verbs``) has a child as its subject and a clause
    as what was said ("JJ said he wants to live at Nana's", "has told me that"): one a sentence. Not a
    saying denied or only possible ("did not say", "would say"), a view held (`_stance`), nor one inside
    someone else's account ("Mum said Leo told her he was hungry": hers to give)."""
    verbs = linguistics().word_classes.union("speech_verbs")
    text = doc_text(doc)
    found = []
    for sentence in sentences(doc):
        if any(sentence.start_char < q.end and q.start < sentence.end_char for q in quotes):
            continue
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in saying_verbs or _stance(verb) or has_modal(verb) \
                    or any(c.dep_ == "neg" for c in verb.children) or _in_anothers_account(verb, verbs):
                continue
            said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            subject = subject_of(verb, inherit_through=("conj",))
            child = resolver.child_of(subject) if subject is not None and said is not None else None
            if child is None:
                continue
            words = list(said.subtree)
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            if text[start:end].strip():
                found.append(ReportedWords(start, end, verb.text, child, subject.pos_ == "PRON"))
                break
    return found


def views_held_of(doc: Doc, sentence_numbers: list[int], resolver: ChildResolver, view_words: frozenset[str],
                  saying_verbs: frozenset[str]) -> list[int]:
    """Those of `sentence_numbers` in which a child holds a view put in the writer's words: the child as subject of
    a word of holding a view (the rules' ``view_words``: "feels that", "thinks they could", "was clear that",
    "does not accept that") or of a verb of saying in the simple present (`_stance`: "says he chose to"), with
    a clause as the view. Such a view is known only from the child's telling; not one only possible ("may
    feel") nor one inside someone else's account or view ("Mum says he thinks ...", "his mother believes that he
    feels ...")."""
    verbs = linguistics().word_classes.union("speech_verbs")
    spans = sentences(doc)
    found = []
    for number in sentence_numbers:
        for word in spans[number]:
            lemma = word.lemma_.lower()
            holds = lemma in view_words and word.pos_ in ("VERB", "AUX", "ADJ")
            if not (holds or word.pos_ == "VERB" and lemma in saying_verbs and _stance(word)):
                continue
            verb = word.head if word.pos_ == "ADJ" and word.dep_ == "acomp" else word  # "was clear that"
            held = next((c for c in (*word.children, *verb.children) if c.dep_ == "ccomp" and c.i > word.i), None)
            subject = subject_of(verb, inherit_through=("conj",))
            if held is None or subject is None or has_modal(verb) or _in_anothers_account(verb, verbs | view_words):
                continue
            if resolver.child_of(subject):
                found.append(number)
                break
    return found


def _stance(verb) -> bool:
    """Whether a verb of saying is in the simple present ("Connor says he doesn't want the police involved"):
    what the child holds now, the writer's account of their view, not a saying on an occasion."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _in_anothers_account(verb, verbs) -> bool:
    """Whether a verb of saying is itself in what someone else's verb of saying reports: any verb of saying
    above it in the parse (a clause the parser hangs on a noun, "told me on 20/01 that she ... and has told
    her that ...", is still inside that account)."""
    return any(head.lemma_.lower() in verbs and head.pos_ == "VERB" for head in verb.ancestors)
