"""The English word facts the readability grade looks up, read from a small table in the package.

The table (``english_words.sqlite``, built by ``python -m review.train.word_table``) holds, for
each word of wordfreq's large English list and of the CMU dictionary that wordfreq reads as one
token, wordfreq's frequency bucket and whether textstat counts it as a difficult word: the same
values as the libraries give, without their start-up cost (an indexed file opens in about a
millisecond, where wordfreq, its word list and the CMU dictionary take a few tenths of a second
to load). A word not in the table is left to the libraries.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).with_name("english_words.sqlite")
SCHEMA = "CREATE TABLE words (word TEXT PRIMARY KEY, bucket INTEGER, difficult INTEGER) WITHOUT ROWID"
_QUERY = "SELECT bucket, difficult FROM words WHERE word = ?"
_MIN_FREQUENCY = 10 ** 0 / 1e9  # wordfreq's frequency for Zipf 0, the floor zipf_frequency gives


class WordFacts(NamedTuple):
    bucket: int | None  # the word's place in wordfreq's large English list (None: not in it)
    difficult: bool     # textstat's is_difficult_word(word)


class _Connections(threading.local):
    """One read-only connection per thread and process (sqlite connections are not shared)."""

    def get(self) -> sqlite3.Connection:
        if getattr(self, "pid", None) != os.getpid():
            self.pid = os.getpid()
            self.connection = sqlite3.connect(f"{TABLE.as_uri()}?mode=ro&immutable=1", uri=True)
        return self.connection


_connections = _Connections()


def word_facts(word: str) -> WordFacts | None:
    """What the table says of `word`, or None if it does not hold it."""
    row = _connections.get().execute(_QUERY, (word,)).fetchone()
    return WordFacts(row[0], bool(row[1])) if row else None


def zipf_of_buckets(buckets: Iterable[int | None]) -> float:
    """wordfreq's ``zipf_frequency`` of a word read as tokens in these buckets (wordfreq 3.1):
    each bucket is a frequency of 10^(-bucket/100); tokens combine as 1/f = 1/f1 + 1/f2 + ...;
    a token not on the list (None) gives 0; the frequency is kept to three significant digits,
    the Zipf value to two decimals."""
    buckets = list(buckets)
    if not buckets or None in buckets:
        return 0.0
    frequency = max(1.0 / sum(1.0 / 10 ** (-bucket / 100) for bucket in buckets), _MIN_FREQUENCY)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


def write_table(path: Path, facts: dict[str, WordFacts]) -> None:
    """Write `facts` as a new table at `path`."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(SCHEMA)
        connection.executemany("INSERT INTO words VALUES (?, ?, ?)",
                               sorted((word, f.bucket, int(f.difficult)) for word, f in facts.items()))
    connection.execute("VACUUM")
    connection.close()
