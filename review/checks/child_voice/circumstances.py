"""When, where, to whom and how a quote was said, from the words around it."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from review.checks.child_voice.unquoted import SAYING_VERBS
from review.core.rules import CheckRules
from review.core.text import doc_entities, doc_text, sentence_index, sentences
from review.nlp.grammar import is_past, is_present_perfect_progressive
from review.nlp.linguistics import linguistics
from review.nlp.patterns import phrase_pattern
from review.nlp.people import FIRST_PERSON
from review.nlp.quotes import Quote
from review.nlp.speakers import CHILD_REPORTED, WRITER, child_aliases
from review.nlp.temporal import occasion_sub_headings


def _quote_window(doc: Doc, quote: Quote, width: int, others: list[Quote] | None = None,
                  own_sentence: bool = False) -> tuple[int, int]:
    """Where to look for a quote's circumstances: its sentence, and (unless `own_sentence`) the
    sentences before it in its passage (`_passage`) back to the previous quote of the child (whose
    circumstances are its own). Clipped to `width` characters either side of the quote."""
    passage_start, passage_end = _passage(doc, quote)
    spans = sentences(doc)
    first = sentence_index(doc, quote.start)
    last = sentence_index(doc, max(quote.start, quote.end - 1))
    if first is None or last is None:
        return max(passage_start, quote.start - width), min(passage_end, quote.end + width)
    start, end = spans[first].start_char, spans[last].end_char
    if last + 1 < len(spans) and spans[last + 1].text[:1].islower():
        end = spans[last + 1].end_char  # "“Are you the social?” the older boy asked when I arrived."
    n = -1 if own_sentence else first - 1
    while n >= 0 and spans[n].start_char >= passage_start and quote.start - spans[n].start_char <= width:
        previous = spans[n]
        if any(o is not quote and o.speaker_is_child and previous.start_char <= o.start < previous.end_char
               for o in (others or [])):
            break
        start = previous.start_char
        n -= 1
    return max(start, passage_start, quote.start - width), min(end, passage_end, quote.end + width)


def _passage(doc: Doc, quote: Quote) -> tuple[int, int]:
    """The stretch of text a quote is told in: its line, or the block of the report's layout holding it
    where that is longer (`Structure.passage_at`: a hard-wrapped paragraph, a list of the child's words
    set out under the line that introduces them, "He said:")."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    end = len(text) if end < 0 else end
    structure = doc._.structure if Doc.has_extension("structure") else None
    if structure is None or structure.text_length != len(text):
        return start, end
    first = structure.passage_at(quote.start, text)
    last = structure.passage_at(max(quote.start, quote.end - 1), text)
    return min(start, first[0]) if first else start, max(end, last[1]) if last else end


def _in_one_passage(doc: Doc, first: Quote, then: Quote) -> bool:
    """Whether two quotes are told in the same passage (`_passage`): one conversation goes on."""
    return "\n" not in doc_text(doc)[first.end:then.start] or _passage(doc, then)[0] <= first.start


def circumstances_of(doc: Doc, quote: Quote, rules: CheckRules, others: list[Quote]) -> list[str]:
    """What the report says around a quote about when, where, with whom and how it was said; for a
    saying told as habitual or untimed ("has said", "often says"), what its own sentence says, less
    a bare "when" or "while" (a habit's "whenever")."""
    width = int(rules.threshold("circumstances_window"))
    tense = saying_tense(doc, quote, rules)
    start, end = _quote_window(doc, quote, width, others,
                               own_sentence=tense == "untimed" or tells_a_group(doc, quote))
    quoted = _quoted_apart(quote, others)
    people = _people_named(doc, others)
    # before the sentence of words said in the past, a clause in the present describes how things are ("Cody is
    # doing well at school", "lives in Hull"), not the occasion the words were said on
    own = sentence_index(doc, quote.start)
    told_from = sentences(doc)[own].start_char if own is not None and not tense else 0
    found = [ent.text for ent in doc_entities(doc) if ent.label_ in ("DATE", "TIME", "FAC", "GPE", "LOC")
             and start <= ent.start_char < end and not _in_quotes(ent.start_char, quoted)
             and ent.text.lower() not in people and not _talked_about(ent)
             and not (ent.start_char < told_from and _describes_the_present(doc, ent.start_char, ent.end_char))]
    relayed = quote.kind == CHILD_REPORTED and bool(quote.relayed_by)
    found += _listener_and_setting(doc, start, end, quoted, relayed=relayed,
                                   frequent={w.lower() for w in rules.lexicon("untimed_saying_words")},
                                   told_from=told_from)
    found += _records(doc, start, end, quoted, rules.lexicon("record_nouns"))
    found += _with_the_writer(doc, quote, others)
    found += _dated_heading(doc, quote)
    cues = rules.lexicon("circumstance_cues") + rules.lexicon("disclosure_cues")
    found += _cues_around(doc, quote, others, start, end, cues, told_from)
    return [cue for cue in found if cue.lower() not in _CONJUNCTIONS_OF_TIME] if tense else found


def saying_tense(doc: Doc, quote: Quote, rules: CheckRules) -> str | None:
    """How a quote's reporting verb places the saying: "untimed" for a habit or a saying with no
    occasion (the present perfect, "Chloe has said"; a frequency word, "has often said", "always
    told"), whose circumstances are its own sentence's; "present" for the simple present ("he says"),
    a habit or a narrative told in the present ("On 14 March I visit Leo. ... he says"), so that the
    sentences before may still date it but a bare "when" is a habit's "whenever"; else None."""
    verb = _reporting_verb(doc, quote)
    if verb is None:
        return None
    return verb_tense(verb, {w.lower() for w in rules.lexicon("untimed_saying_words")})


def verb_tense(verb, frequent: set[str]) -> str | None:
    """How a verb of saying places it (`saying_tense`): "untimed" in the present perfect ("has told", "has been
    saying") or with a word of `frequent` ("often said"), "present" in the simple present ("tells"), else None."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = verb.tag_ == "VBN" and any(a.lemma_.lower() == "have" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries)
    if perfect or is_present_perfect_progressive(verb) or any(c.dep_ == "advmod" and c.lower_ in frequent
                                                              for c in verb.children):
        return "untimed"
    return "present" if verb.tag_ in ("VBZ", "VBP") and not auxiliaries else None


def _reporting_verb(doc: Doc, quote: Quote):
    """The token of the quote's reporting verb (`quote.verb`) in its sentence, the nearest to the quote."""
    if not quote.verb:
        return None
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span.sent if t.text == quote.verb and t.pos_ in ("VERB", "AUX")
             and not quote.start <= t.idx < quote.end]
    return min(words, key=lambda t: abs(t.idx - quote.start), default=None)


def _talked_about(entity) -> bool:
    """Whether a time is what the words are about, not when they were said: a verb's subject or object,
    or a noun's modifier ("described the night as …", "overnight stays")."""
    return entity.label_ in ("DATE", "TIME") and entity.root.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "amod")


def _quoted_apart(quote: Quote, others: list[Quote]) -> list[tuple[int, int]]:
    """The spans whose words are not the narration around `quote`: itself and every other quote but
    one holding it (the statement a nested quote sits in tells its circumstances: "PC Ali's
    statement: ‘Keira said to me “…”’")."""
    return [(q.start, q.end) for q in [quote, *others]
            if q is quote or not (q.start <= quote.start and quote.end <= q.end)]


def _people_named(doc: Doc, quotes: list[Quote]) -> set[str]:
    """The children's names and the quotes' speakers, which the entity recogniser may take for a place
    ("Demi and Brooke's stepdad", "according to Tyler") but which are never a quote's setting."""
    names = set(child_aliases(list(doc._.children or []), doc))
    for quote in quotes:
        if quote.speaker:
            names.update({quote.speaker.lower(), quote.speaker.split()[0].lower()})
    return names


def _with_the_writer(doc: Doc, quote: Quote, quotes: list[Quote]) -> list[str]:
    """A conversation the writer takes part in, in the quote's paragraph ("I asked, 'Where?' He said …",
    a script's "SW: '…'" turn): the words were said in the writer's hearing."""
    text = doc_text(doc)
    for other in quotes:
        if other.speaker == WRITER and other.depth == 0 and "\n" not in text[min(other.start, quote.start):
                                                                              max(other.end, quote.end)]:
            return [f"with the writer: {other.text}"]
    return []


def _dated_heading(doc: Doc, quote: Quote) -> list[str]:
    """A day named in the heading of the quote's section, in a label line standing just above its passage
    ("Meeting 3: 23/01/2024, 2.15pm, school medical room", "Home visit - 4 March 2025"), before it in its
    table or chronology row ("10/10/24 - Mum attended ..."), or in the occasion its section's opening paragraph
    tells, carried through a sub-heading naming one child seen then (`occasion_sub_headings`, as the date check
    reads it): the occasion the section or the entry records, as a log's entries are headed."""
    text = doc_text(doc)
    structure = doc._.structure if Doc.has_extension("structure") else None
    if structure is None or structure.text_length != len(text):
        return []
    block = structure.block_at(quote.start)
    if block is None:
        return []
    lines = [block.heading or ""]
    heading = next((b for b in reversed(structure.blocks) if b.kind == "heading" and b.start <= block.start), None)
    told = occasion_sub_headings(doc).get(heading.start) if heading is not None else None
    if told is not None:  # "Kacey (11)" under "I saw Kacey and Darius at home on 10/04/25": that occasion's words
        lines.append(text[told[0]:told[1]])
    if block.kind == "row":  # a table or chronology row is one record: its day, before the words, is theirs
        lines.append(text[block.start:quote.start].replace("\n", " "))
    start = _passage(doc, quote)[0]
    above = next((b for b in reversed(structure.blocks) if b.end <= start), None)
    if above is not None and above.kind in ("heading", "paragraph", "field") \
            and _is_label_line(text[above.start:above.end]):
        lines.append(text[above.start:above.end])
    return [f"the day heading them: {day.group(0)}" for day in map(_A_DAY.search, lines) if day]


def _is_label_line(line: str) -> bool:
    """A short line that is not a sentence: a heading or a log entry's label."""
    return "\n" not in line and len(line.split()) <= _LABEL_MAX_WORDS and not line.rstrip().endswith((".", "!", "?"))


# A label line heading a log entry has at most this many words.
_LABEL_MAX_WORDS = 12
# A date that names a day: 23/01/2024, 4 March, March 4th (not a month or a year alone).
_A_DAY = re.compile(r"\b\d{1,2}[/.-]\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+"
                    r"|\b[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?\b")


def _records(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]], nouns: list[str]) -> list[str]:
    """A written record in the narration that the words are taken from, which says how they came to the
    report: its subject ("The GP's letter states"), its heading ("PC Ali's statement: ‘…’") or its
    place ("From the contact notes of 4 April:")."""
    span = doc.char_span(start, end, alignment_mode="contract")
    wanted = {noun.lower() for noun in nouns}
    return [token.text for token in span if span is not None
            and token.lower_ in wanted and token.pos_ in ("NOUN", "PROPN") and not _in_quotes(token.idx, quoted)
            and token.dep_ in ("nsubj", "nsubjpass", "ROOT", "pobj")] if span is not None else []


def _in_quotes(offset: int, quoted: list[tuple[int, int]]) -> bool:
    return any(start - 1 <= offset < end + 1 for start, end in quoted)


def _listener_and_setting(doc: Doc, start: int, end: int, quoted: list[tuple[int, int]],
                          relayed: bool = False, frequent: set[str] = frozenset(), told_from: int = 0) -> list[str]:
    """Where, and whether the writer was there, from the parse of the narration in `text[start:end]`:
    a verb with the writer as its object ("told me", "showed me", "texted me", "spoke to me"), and a
    place or occasion of a verb or of how someone was ("at the door", "during contact", "through the
    interpreter", "cross at pick-up", "came to the office", "out of the classroom"), and someone named as
    the one spoken to ("told the YOT officer", "said to Dad"): to whom. A pronoun listener ("Leo told
    her") is one only for words passed on by someone named (`relayed`). Where the verb tells a habit or
    no time (`verb_tense`: "has told his mum", "tells her keyworker", "often says to Dad") the one
    spoken to says to whom and no occasion (`LISTENER_HEARD`). None of a verb in the present before `told_from`
    (`circumstances_of`)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    found = []
    for head in span if span is not None else []:
        how_someone_was = head.pos_ == "ADJ" or head.dep_ == "acomp"  # "cross at pick-up", "cross" read as a noun
        if head.pos_ not in ("VERB", "AUX") and not how_someone_was or _in_quotes(head.idx, quoted) \
                or head.dep_ == "pcomp":  # "about going to court": what was talked of, not where
            continue
        if head.idx < told_from and _in_the_present(head):
            continue
        for child in head.children:
            if _in_quotes(child.idx, quoted):
                continue
            child = _of_after_out(child)
            if not how_someone_was and child.dep_ in ("dobj", "dative") and (child.lower_ in _WRITER or (
                    relayed or _someone_in_particular(child)) and _told_person(head, child)):
                heard_by_relayer = child.lower_ not in _WRITER and not _someone_in_particular(child)
                told_the_writer = child.lower_ in _WRITER and _tells(head)
                prefix = RELAYER_HEARD if heard_by_relayer else WRITER_HEARD if told_the_writer \
                    else LISTENER_HEARD if verb_tense(head, frequent) else ""
                found.append(f"{prefix}{head.text} {child.text}")
            elif not how_someone_was and child.dep_ == "dobj" and head.lemma_.lower() in _CONTACTING \
                    and _someone_in_particular(child):
                found.append(f"{head.text} {child.text}")  # "rang the office": by phone
            elif child.dep_ == "prep" and _sets_a_scene(head, child):
                place = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN", "PRON")), None)
                if place is not None and not _in_quotes(place.idx, quoted) and place.lower_ not in _NOT_SETTINGS \
                        and not _vague_occasion(place):
                    told_the_writer = child.lower_ == "to" and place.lower_ in _WRITER and _tells(head)
                    listener = child.lower_ == "to" and head.lemma_.lower() not in _ARRIVING
                    prefix = WRITER_HEARD if told_the_writer \
                        else LISTENER_HEARD if listener and verb_tense(head, frequent) else ""
                    found.append(f"{prefix}{doc[child.i: place.i + 1].text}")
    return found


def _vague_occasion(place) -> bool:
    """Whether a setting is one no reader could place: "on one visit", "at some point", "on another
    occasion" (a vague determiner), which says that there was an occasion, not which; "on most visits",
    "on every visit" (a quantifier), or "at times", "on occasion", "from time to time" (time or occasion
    with no determiner at all), which say how often, not when."""
    if place.lemma_.lower() in _OCCASION_NOUNS and not any(c.dep_ in ("det", "poss") for c in place.children):
        return True
    return any(c.dep_ in ("det", "nummod", "amod") and c.lower_ in _VAGUE_DETERMINERS
               for c in place.subtree if c.i < place.i)  # "most" of "most contact visits" hangs from "contact"


def gives_an_occasion(cues: list[str]) -> bool:
    """Whether `cues` say more than who heard the words: the one passing them on ("Mum said Leo told her"),
    the writer ("He told me '…'", "she said to me") or, for a habit or a saying at no time, anyone ("has told
    his mum"), each a listener the JSON's circumstances count (to whom), but with when, where and how they
    were said still owed."""
    return any(not cue.startswith((RELAYER_HEARD, WRITER_HEARD, LISTENER_HEARD)) for cue in cues)


def _tells(verb) -> bool:
    """The plain reporting verbs "tell" and "say" ("told me", "said to me"), which say who heard the words
    and nothing of the exchange ("spoke to me", "whispered to me", "texted me" tell how it came)."""
    return verb.lemma_.lower() in _PLAIN_REPORTING


def _of_after_out(preposition):
    """The "of" of "came out of the classroom" when the parser hangs it from "out"; else the token."""
    if preposition.lower_ == "out" and preposition.dep_ == "prep":
        return next((c for c in preposition.children if c.dep_ == "prep" and c.lower_ == "of"), preposition)
    return preposition


def _someone_in_particular(listener) -> bool:
    """Whether a listener is named or singled out ("Dad", "the YOT officer", "her teacher"), not a group
    at large ("told staff", "told friends"), which says not who heard the words."""
    return listener.pos_ == "PROPN" or listener.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") for c in listener.children)


def _told_person(verb, listener) -> bool:
    """Whether `listener` is the person `verb` (a form of "tell" or "ask") was said to: "told her",
    "told the doctor", "asking Keira"."""
    return verb.lemma_.lower() in _TELLING and listener.pos_ in ("PROPN", "NOUN", "PRON") \
        and listener.lower_ not in ("it", "this", "that", "lie", "lies", "truth", "story")


def _describes_the_present(doc: Doc, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` belong to a clause in the present (`_in_the_present`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT":
        token = token.head
    return token is not None and token.pos_ in ("VERB", "AUX") and _in_the_present(token)


def _in_the_present(head) -> bool:
    """Whether a verb, or the verb an adjective describes someone by ("happy at school"), is in the present
    tense: simple ("attends", "is") or progressive ("is doing"), or is the infinitive or gerund such a verb
    takes ("enjoys swimming")."""
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    while verb.dep_ in ("xcomp", "dobj") and verb.tag_ in ("VB", "VBG"):
        verb = verb.head  # "enjoys swimming on Saturdays", "likes to go to the park", "loves drawing"
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children))


def _sets_a_scene(head, preposition) -> bool:
    """Whether a preposition of `head` gives a place, an occasion or the writer as the one spoken to."""
    word = preposition.lower_
    if word == "to":  # "spoke to me", "said to Dad"; "came to the office", not "wants to go to Dad's"
        return head.lemma_.lower() in _ARRIVING or any(
            g.dep_ == "pobj" and (g.lower_ in _WRITER or head.lemma_.lower() in _SPEAKING
                                  and _someone_in_particular(g)) for g in preposition.children)
    if word == "of" and head.i > 0 and head.doc[preposition.i - 1].lower_ == "out":
        return True  # "came out of the classroom"
    if word == "at" and head.lemma_.lower() in _AIMING:
        return False  # "pointed at Mum's eye": what was pointed at, not where
    return word in _SETTING_PREPOSITIONS


_WRITER = ("me", "us")
# How the cue of words said to the one passing them on begins ("Mum said Leo told her").
RELAYER_HEARD = "heard by the one passing them on: "
# How the cue of words said to the writer begins ("he told me", "she said to me").
WRITER_HEARD = "heard by the writer: "
# How the cue of the one spoken to begins where the saying is a habit or at no time ("has told his mum").
LISTENER_HEARD = "heard by, at no stated time: "
# Adverbs that put a saying at some earlier time of its own ("he once said", "she previously told").
_EARLIER_TIMES = ("once", "previously", "earlier", "formerly")
# Adverbs by which words told go on from those told before ("She also said", "He then said").
_GOING_ON = ("also", "then", "further")
# Determiners that make a setting vague: "on one visit", "at some point", "on another occasion".
_VAGUE_DETERMINERS = ("one", "some", "another", "several", "various", "any",
                      "most", "many", "every", "each", "all", "numerous", "multiple")
# Nouns of a time or an occasion that, with no determiner, say how often ("at times", "on occasion").
_OCCASION_NOUNS = ("time", "occasion")
# Conjunctions of time that, with a habitual saying, mean "whenever": no one occasion.
_CONJUNCTIONS_OF_TIME = ("when", "while", "whilst")
# The plain reporting verbs: with the writer as listener they add no circumstance ("he told me '…'").
_PLAIN_REPORTING = ("tell", "say")
# Verbs whose object is the one spoken to ("told the YOT officer", "asked Keira").
_TELLING = ("tell", "ask")
# Verbs of speaking whose "to" names the one spoken to ("said to Dad", "spoke to the chair").
_SPEAKING = ("say", "speak", "talk", "explain", "whisper", "shout", "disclose", "mention", "confide",
             "complain", "reply", "write", "admit")
# Verbs whose "to" names the place someone came to ("came to the office").
_ARRIVING = ("come", "go", "arrive", "walk", "run", "return", "bring", "take")
# Verbs whose "at" is what the act is aimed at ("pointed at the door", "stared at Dad").
_AIMING = ("point", "look", "stare", "glare", "glance", "throw", "wave", "laugh", "smile", "gesture", "nod")
# Verbs of getting in touch whose object says how the words came ("rang the office", "emailed the school").
_CONTACTING = ("ring", "phone", "email", "text", "message", "contact")
# Prepositions that give a place or occasion to what someone did ("at the door", "during contact").
_SETTING_PREPOSITIONS = ("in", "at", "on", "during", "through", "after", "before", "over", "via", "from")
# Nouns after those prepositions that set no scene ("in fact", "in general").
_NOT_SETTINGS = ("fact", "general", "particular", "part", "total", "turn", "way")


def disclosure_of(doc: Doc, quote: Quote, rules: CheckRules, others: list[Quote]) -> list[str]:
    """How the words came to be said: in answer to a question, spontaneously, in direct work."""
    width = int(rules.threshold("circumstances_window"))
    start, end = _quote_window(doc, quote, width, others)
    return _cues_around(doc, quote, others, start, end, rules.lexicon("disclosure_cues"))


def _cues_around(doc: Doc, quote: Quote, others: list[Quote], start: int, end: int, cues: list[str],
                 told_from: int = 0) -> list[str]:
    """Cue phrases in ``text[start:end]`` outside the quote itself, then any question put to the
    child earlier in that window by someone else ("How did that happen?"). Before `told_from`, as in
    `_listener_and_setting`, not a cue of a verb in the present ("is doing well at school")."""
    found = []
    pattern = phrase_pattern(cues, hyphen_joins_words=True)
    if pattern:
        text = _narration_only(doc_text(doc), _quoted_apart(quote, others))
        before = text[start:quote.start - 1]
        outside = before + " " + text[quote.end + 1:end]
        found.extend(m.group(0) for m in pattern.finditer(outside) if not _the_noun_while(outside, m)
                     and not (m.start() < len(before) and start + m.start() < told_from
                              and _describes_the_present(doc, start + m.start(), start + m.end())))
    for other in others:
        if other is not quote and start <= other.start < quote.start and other.text.rstrip().endswith("?") \
                and not other.speaker_is_child:
            found.append(other.text)
    return found


def _the_noun_while(text: str, match) -> bool:
    """Whether a cue "while" is the noun of "a while ago", "for a while", "after quite a while": a length of
    time, not the conjunction that tells what was going on as the words were said ("while she was drawing")."""
    return match.group(0).lower() == "while" and bool(re.search(r"\b(?:a|the|that)\s+$", text[:match.start()], re.I))


def _narration_only(text: str, quoted: list[tuple[int, int]]) -> str:
    """`text` with the words of the given quotes blanked out (same length), so that a cue inside another
    quote ("he's a good dad when he's sober") is not taken for the narration's."""
    for start, end in quoted:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def names_a_listener(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's sentence names who the words were said to ("She told her key person"),
    which makes it a conversation of its own; "she told me" and "she said" do not."""
    return bool(_listeners_named(doc, quote))


def tells_a_group(doc: Doc, quote: Quote) -> bool:
    """Whether the one the quote's sentence names as told is a group at large ("She told staff", "tells
    teachers"): words said to no one in particular at no one time, which the occasion told before (a visit,
    a weekly session) does not place; their circumstances are their own sentence's."""
    return any(not _someone_in_particular(t) and t.pos_ == "NOUN" for t in _listeners_named(doc, quote))


def _listeners_named(doc: Doc, quote: Quote) -> list:
    """The nouns before the quote in its sentence that a verb of telling has as the one told."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in doc[span.sent.start:span.start]
            if t.dep_ in ("dobj", "dative") and t.pos_ in ("NOUN", "PROPN") and t.head.pos_ == "VERB"
            and t.head.lemma_.lower() in _TELLING]  # not "she gets Kayden ready"


def circumstances_of_quotes(doc: Doc, quotes: list[Quote], rules: CheckRules
                            ) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """The circumstances and the disclosure of each of the child's quotes: its own, else those of the
    quote before it in the same conversation (passage), else, for words the report repeats, those
    of their first telling: (quote index -> circumstances, quote index -> disclosure)."""
    circumstances: dict[int, list[str]] = {}
    disclosure: dict[int, list[str]] = {}
    previous = None  # the child's quote before this one
    for n, quote in enumerate(quotes):
        if not quote.speaker_is_child:
            continue
        circumstances[n] = circumstances_of(doc, quote, rules, quotes)
        disclosure[n] = disclosure_of(doc, quote, rules, quotes)
        sources = []
        if previous is not None and _in_one_passage(doc, quotes[previous], quote) \
                and not names_a_listener(doc, quote) and saying_tense(doc, quote, rules) != "untimed" \
                and saying_tense(doc, quotes[previous], rules) != "untimed" \
                and _same_teller(quotes[previous], quote) and not names_another_occasion(doc, quote) \
                and not _another_time_between(doc, quotes[previous], quote):
            sources.append(previous)  # the same paragraph goes on with the same conversation (not after a habit's
            # words: "Theo often says 'I hungry'. Theo said 'Mummy sleep all day.'" tells no conversation going on)
        sources += [m for m in range(n) if quotes[m].speaker_is_child and _retold(quotes[m], quote)]
        for source in sources:
            if not gives_an_occasion(circumstances[n]):  # none, or only that the one passing it on heard it
                circumstances[n] = circumstances[n] + circumstances[source]
            disclosure[n] = disclosure[n] or disclosure[source]
        previous = n
    return circumstances, disclosure


def circumstances_of_reported(doc: Doc, words: list[Quote], quotes: list[Quote],
                              quoted: dict[int, list[str]], rules: CheckRules) -> list[list[str]]:
    """The circumstances of each of the child's words in indirect speech (`words`, each as a quote): its own,
    else those of the child's words told before it in the same passage (a quote, whose circumstances are
    `quoted`'s, or indirect speech), one conversation going on ("She said: '…' She said this happened …"), or,
    for words whose teller is a pronoun ("She said she would like ..."), which goes on from what was told
    before, in the paragraph just before in the same section."""
    told = [(q, quoted.get(n, [])) for n, q in enumerate(quotes) if q.speaker_is_child and q.depth == 0]
    result = []
    for said in words:
        own = circumstances_of(doc, said, rules, quotes)
        if not own:
            earlier = [c for q, c in told if q.end <= said.start and c and (
                _in_one_passage(doc, q, said) or said.extra.get("pronoun") and _next_paragraph(doc, q, said))]
            own = earlier[-1] if earlier else []
        told.append((said, own))
        told.sort(key=lambda pair: pair[0].start)
        result.append(own)
    return result


def _next_paragraph(doc: Doc, first: Quote, then: Quote) -> bool:
    """Whether `then` is in the block of the layout just after the one holding `first`, in the same section."""
    structure = doc._.structure if Doc.has_extension("structure") else None
    if structure is None or structure.text_length != len(doc_text(doc)):
        return False
    before, after = structure.block_at(first.start), structure.block_at(then.start)
    if before is None or after is None or before.heading != after.heading:
        return False
    return next((b for b in structure.blocks if b.start > before.start), None) is after


def _same_teller(first: Quote, then: Quote) -> bool:
    """Whether two quotes come to the report the same way: both heard first-hand, or both passed on by
    the same person ("Mum later said Ava had told her ..." after the writer's own conversation is not it)."""
    return first.kind == then.kind and first.relayed_by == then.relayed_by


def names_another_occasion(doc: Doc, quote: Quote) -> bool:
    """Whether the quote's own sentence says it was said at some other time: a vague setting ("on another
    occasion", "at some point") or an adverb of an earlier time ("he once said", "previously told")."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    for token in span.sent:
        if quote.start <= token.idx < quote.end:
            continue
        if token.dep_ == "advmod" and token.lower_ in _EARLIER_TIMES and token.head.pos_ in ("VERB", "AUX"):
            return True
        if token.dep_ == "pobj" and token.head.lower_ in _SETTING_PREPOSITIONS and _vague_occasion(token):
            return True
    return False


def _another_time_between(doc: Doc, first: Quote, then: Quote) -> bool:
    """Whether a sentence between two quotes, holding neither, tells another event at its own time
    (`_tells_another_event`: "On 15/01 he said '…'. There was an incident at the office a while ago. Connor said
    '…'") or how things are now (`_describes_now`): the second is not the first's conversation going on, unless
    its sentence says it is (`_goes_on`: "She also said ...")."""
    spans = sentences(doc)
    after, before = sentence_index(doc, max(first.start, first.end - 1)), sentence_index(doc, then.start)
    if after is None or before is None or _goes_on(spans[before], then):
        return False
    saying = linguistics().word_classes.union(*SAYING_VERBS)
    return any(_tells_another_event(spans[n], saying) or _describes_now(spans[n], saying)
               for n in range(after + 1, before))


def _goes_on(sent, quote: Quote) -> bool:
    """Whether the sentence of a quote says it goes on from words told before ("She also said", "He then added",
    "went on to say"), outside the quote."""
    return any(not (quote.start <= t.idx < quote.end) and (t.lower_ in _GOING_ON or (
        t.lemma_.lower() in ("add", "continue") and t.pos_ == "VERB") or (t.lower_ == "on" and t.head.lemma_ == "go"))
        for t in sent)


def _describes_now(sent, saying: frozenset[str]) -> bool:
    """Whether a sentence tells how things are now, in the present ("Alfie is a happy little boy."): the telling of
    an occasion has stopped, and words of the child told after it are not of that occasion's conversation. Not a
    saying (`saying`: the verbs of saying)."""
    root = sent.root
    return root.pos_ in ("VERB", "AUX") and _in_the_present(root) and root.lemma_.lower() not in saying


def _tells_another_event(sent, saying: frozenset[str]) -> bool:
    """Whether a sentence places something other than the writer's own doing at a time of its own ("In February
    he was arrested", "There was an incident a while ago"): not the occasion a later quote was said on, as the
    writer's "On 3 May I visited Leo at home" is, nor a saying (`saying`: the verbs of saying)."""
    root = sent.root
    if not is_past(root):
        return False  # "The wound from October 2024 is well healed": how things are, no event
    if root.lemma_.lower() in saying:
        return False  # "On 10/03 Keira said she wants to stay": a saying, which may set the scene
    timed = any(t.ent_type_ in ("DATE", "TIME") for t in sent) or any(t.lower_ == "ago" for t in sent)
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head == root]
    return timed and not any(t.lower_ in FIRST_PERSON for t in subjects)


def _retold(first: Quote, again: Quote) -> bool:
    """Whether `again` repeats the words of `first` (the whole quote, or a part of it of a few words)."""
    def words(quote):
        return " ".join(re.findall(r"[a-z0-9']+", quote.text.lower().replace("’", "'")))
    said, repeated = words(first), words(again)
    return bool(repeated) and (repeated == said or (len(repeated.split()) >= 3 and f" {repeated} " in f" {said} "))
