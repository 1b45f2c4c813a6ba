"""Words for people: titles, family words, pronouns and their genders.

One home for the vocabulary that speaker attribution, child detection and redaction share.
Genders are "f", "m" or None (unknown or either).
"""

from __future__ import annotations

# Courtesy titles written before a name ("Mrs Carter", "Dr Shah"), lower case and without a full stop.
NAME_TITLES = ("mr", "mrs", "ms", "miss", "mx", "dr")
# Ranks and roles written like a title before a name ("PC Hart", "Cllr Ahmed"), as written.
OFFICIAL_TITLES = ("PC", "DC", "PS", "DS", "Sgt", "Nurse", "Cllr")

# Courtesy titles that tell a gender ("mx" and "dr" do not).
FEMALE_TITLES = frozenset({"mrs", "miss", "ms"})
MALE_TITLES = frozenset({"mr"})

# A child's mother, father, grandparents, aunts and uncles as reports name them ("Mum", "Nan").
MOTHERS = frozenset({"mum", "mummy", "mom", "mother"})
FATHERS = frozenset({"dad", "daddy", "father"})
GRANDMOTHERS = frozenset({"nan", "nana", "nanny", "gran", "granny", "grandma", "grandmother"})
GRANDFATHERS = frozenset({"grandad", "grandpa", "grandfather"})
GRANDPARENTS = GRANDMOTHERS | GRANDFATHERS
AUNTS = frozenset({"aunt", "auntie"})
UNCLES = frozenset({"uncle"})
AUNTS_AND_UNCLES = AUNTS | UNCLES
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

# Family words that tell a gender, for speaker attribution: the groups above with the rarer spellings,
# step-parents, partners, nieces and nephews they leave out (kept out of them: child detection and
# redaction read the groups as they are).
FEMALE_FAMILY_WORDS = MOTHERS | GRANDMOTHERS | AUNTS | frozenset(
    {"mam", "aunty", "sister", "daughter", "wife", "girlfriend", "stepmother", "stepmum", "niece"})
MALE_FAMILY_WORDS = FATHERS | GRANDFATHERS | UNCLES | frozenset(
    {"papa", "granddad", "brother", "son", "husband", "boyfriend", "stepfather", "stepdad", "nephew"})
# Other words for a person that tell a gender ("the girl", "a gentleman").
FEMALE_PERSON_WORDS = frozenset({"girl", "woman", "lady", "madam", "queen"})
MALE_PERSON_WORDS = frozenset({"boy", "man", "gentleman", "sir", "king", "master"})

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
# The gendered pronouns that can stand for a person as subject or object ("his" is only a possessive).
PERSONAL_PRONOUNS = ("he", "him", "she", "her")
# Gendered pronouns, reflexives included.
FEMALE_PRONOUNS = frozenset({"she", "her", "herself"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})

# Every word that tells a female or a male person (a title, a family or person word, a pronoun):
# a mention so named, or a title or role word before a name, has that gender.
FEMALE_WORDS = FEMALE_TITLES | FEMALE_FAMILY_WORDS | FEMALE_PERSON_WORDS | FEMALE_PRONOUNS
MALE_WORDS = MALE_TITLES | MALE_FAMILY_WORDS | MALE_PERSON_WORDS | MALE_PRONOUNS
