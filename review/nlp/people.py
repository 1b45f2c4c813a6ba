"""Words for people: titles, family words, pronouns and their genders.

One home for the vocabulary that speaker attribution, child detection and redaction share.
Genders are "f", "m" or None (unknown or either).
"""

from __future__ import annotations

# Courtesy titles written before a name ("Mrs Carter", "Dr Shah"), lower case and without a full stop.
NAME_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
# Ranks and roles written like a title before a name ("PC Hart", "Cllr Ahmed"), as written.
OFFICIAL_TITLES = ("PC", "DC", "PS", "DS", "Sgt", "Nurse", "Cllr")

# A child's mother, father, grandparents, aunts and uncles as reports name them ("Mum", "Nan").
MOTHERS = frozenset({"mum", "mummy", "mom", "mother"})
FATHERS = frozenset({"dad", "daddy", "father"})
GRANDPARENTS = frozenset({"nan", "nana", "nanny", "gran", "granny", "grandma", "grandmother",
                          "grandad", "grandpa", "grandfather"})
AUNTS_AND_UNCLES = frozenset({"aunt", "auntie", "uncle"})
ELDER_RELATIVES = MOTHERS | FATHERS | GRANDPARENTS | AUNTS_AND_UNCLES
# Other family words: step-parents, siblings, sons and daughters.
STEP_PARENTS = frozenset({"stepdad", "stepmum", "step-dad", "step-mum"})
SIBLINGS = frozenset({"brother", "sister"})
SONS_AND_DAUGHTERS = frozenset({"son", "daughter"})
FAMILY_WORDS = ELDER_RELATIVES | STEP_PARENTS | SIBLINGS | SONS_AND_DAUGHTERS
# People close to a child other than parents, in the order a pattern tries them ("her brother Connor").
RELATIVES_AND_FRIENDS = ("brother", "sister", "sibling", "cousin", "friend", "half-brother", "half-sister",
                         "stepbrother", "stepsister", "step-brother", "step-sister", "nephew", "niece",
                         "partner", "boyfriend", "girlfriend")

# Words just before a name that tell the person's gender ("Mrs Carter", "Aunt Sarah", "Nan Joan").
FEMALE_BEFORE_NAME = frozenset({"mrs", "miss", "ms", "mum", "aunt", "auntie", "nan", "gran"})
MALE_BEFORE_NAME = frozenset({"mr", "dad", "uncle", "grandad"})

# Nouns for a group of people: never the "he" or "she" of a sentence.
GROUP_NOUNS = frozenset({"staff", "police", "family", "team", "school", "nursery", "services", "parents", "people"})

# Pronouns for the writer (outside a quote) or the speaker (inside one).
FIRST_PERSON = frozenset({"i", "me", "we", "us", "myself", "ourselves"})
# Third-person pronouns a subject can be, with the gender of the person they stand for.
THIRD_PERSON_GENDER: dict[str, str | None] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f",
                                              "they": None, "them": None, "their": None}
