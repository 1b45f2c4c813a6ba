"""The reaches and weights of speaker attribution, in one place (each a plain number of tokens,
characters or votes)."""

CHILD_REFERENCE_REACH = 25     # characters before a token's end searched for "the child" (or another child reference)
GENDER_VOTE_TOKENS = 12        # tokens after a name as subject searched for the pronoun that tells its gender
TITLE_GENDER_VOTES = 3         # votes a gendered title or role word counts for (a following pronoun counts 1)
GOVERNING_VERB_STEPS = 8       # parse heads climbed from a quote looking for the verb that reports it
NAME_AFTER_VERB_TOKENS = 4     # tokens after a verb searched for a name the parser made its object ("…," said Mia)
VERB_BEFORE_TOKENS = 8         # tokens before an opening mark searched for the clause that introduces the quote
VERB_BEFORE_LAST_TOKENS = 4    # of those, how many (the last ones) may be its reporting verb (Mia said: "…")
ACTION_AFTER_TOKENS = 12       # tokens after a closing mark searched for a person's action ("…" Anne sighed)
DIALOGUE_TURN_REACH = 3000     # characters back an earlier speaker still counts as a turn of the same dialogue
EARLIER_MENTION_REACH = 2000   # characters back a person mentioned can still be a pronoun's referent
QUESTION_REACH = 300           # characters before a quote's paragraph searched for the question it answers
ALTERNATION_TURNS = 5          # earlier turns searched for the other person of a two-person exchange
