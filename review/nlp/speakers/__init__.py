"""Who said each quote: speaker attribution from the dependency parse.

In order of trust, a quote's speaker is
1. the subject of the reporting verb that governs it in the parse (Mia said "…"; "…," said Mia;
   Kayla said she felt ‘scared’), or the possessor of a speech noun (Mia's answer was ‘no’);
   a passive labelling verb with no agent (was described as ‘aggressive’) leaves it unknown
   (`verbs`);
2. the subject of a reporting verb next to the quote in the same paragraph ("No!" Mia shouted;
   Mia shouted: "No!") (`verbs`);
3. a person's action next to the quote ("Well, I don't know." Mum looked at the clock), or the
   subject of the narration paragraph just before a quote that opens its paragraph (`narration`);
4. in a dialogue, the person the previous quote's speaker was talking to or asking
   ("I asked Mia what she wanted." "Home."), else the speaker two turns back (turns alternate),
   or the speaker of an earlier quote in the same paragraph (`dialogue`).
A pronoun subject is resolved to the nearest earlier person of a fitting gender: in the same
paragraph first, then the subject of the narration since the previous quote, then the speaker
two turns back in a dialogue; "I" and "we" outside a quote are the writer (`resolve`, over the
people of `mentions`). A quote reported second-hand (Dad said Mia had called him ‘a bully’)
belongs to the person reporting it: the child's voice is only the child's own words (`attribute`).
"""

from review.nlp.speakers.attribute import attribute_speakers, doc_quotes
from review.nlp.speakers.lexicons import Lexicons
from review.nlp.speakers.mentions import Mention, child_aliases, child_reference_at, is_child_name
from review.nlp.speakers.resolve import WRITER, PersonResolver, person_resolver

__all__ = [
    "WRITER",
    "Lexicons",
    "Mention",
    "PersonResolver",
    "attribute_speakers",
    "child_aliases",
    "child_reference_at",
    "doc_quotes",
    "is_child_name",
    "person_resolver",
]
