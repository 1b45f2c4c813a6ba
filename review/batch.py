"""Reviewing many reports: in this process, in several processes, or on a Dask cluster.

Every way runs :func:`review_batch` on batches of ``(id, text)`` pairs and returns plain document
objects, which travel between processes (the review's Doc extensions cannot be serialised);
results come back in input order, with only a few batches in flight per worker.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from review.core.errors import E204, E205, E206, ReviewError
from review.io.document import document_object
from review.pipeline import load_pipeline

CONNECT_TIMEOUT = "10s"  # how long to wait for a Dask scheduler before giving up
DASK_PROTOCOLS = ("tcp", "tls", "inproc", "ucx", "ws", "wss")
# Texts longer than this are parsed by the base model in pieces of at most this many characters.
LONG_TEXT_CHARS = 20_000
# The first component of the review proper; the ones before it are the base model's.
FIRST_REVIEW_COMPONENT = "review_context"
_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class ReviewOptions:
    """What every document in one run shares."""

    report_date: dt.date | None = None
    children: tuple[str, ...] | None = None
    rules_path: str | None = None
    keep_going: bool = False  # a report whose review fails becomes a ReviewFailure; the rest go on


@dataclass(frozen=True)
class ReviewFailure:
    """In place of a document: a report whose review raised an unexpected error (its type only,
    since an error's message may quote the report)."""

    id: object
    error: str


def prepared_doc(nlp, text: str, options: ReviewOptions):
    """A Doc ready for the review pipeline: tokenised, with the caller's report date and children."""
    doc = nlp.make_doc(text)
    return _with_options(doc, options)


def _with_options(doc: Doc, options: ReviewOptions) -> Doc:
    doc._.report_date = options.report_date
    doc._.children = list(options.children) if options.children else None
    return doc


def text_chunks(text: str, size: int = LONG_TEXT_CHARS) -> list[str]:
    """`text` cut into pieces of at most `size` characters that join back to exactly `text`.

    Each cut falls after a line break where there is one in the second half of the piece, else
    after the end of a sentence (". ", "? ", "! "), else after a space, so pieces end in
    whitespace, no word is cut (unless a "word" is longer than half a piece) and, wherever the
    text allows, no sentence either.
    """
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start + size // 2: start + size]
        newline = window.rfind("\n")
        sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        spaces = [m.end() for m in _WHITESPACE.finditer(window)]
        offset = newline + 1 if newline >= 0 else (
            sentence_ends[-1] if sentence_ends else spaces[-1] if spaces else len(window))
        cut = start + size // 2 + offset
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def analysed_doc(nlp, text: str, options: ReviewOptions) -> Doc:
    """The reviewed Doc for one text. A long text is parsed by the base model in pieces
    (:func:`text_chunks`) joined into one Doc before the review components run on it whole:
    the model's memory grows with the length of what it reads at once (2 GB for 100,000 words),
    while each check needs the whole report."""
    if len(text) <= LONG_TEXT_CHARS:
        return nlp(prepared_doc(nlp, text, options))
    doc = _with_options(Doc.from_docs(base_parsed_pieces(nlp, text), ensure_whitespace=False), options)
    for _, component in nlp.pipeline[nlp.pipe_names.index(FIRST_REVIEW_COMPONENT):]:
        doc = component(doc)
    return doc


def base_parsed_pieces(nlp, text: str) -> list[Doc]:
    """`text` in pieces (:func:`text_chunks`), each run through the pipeline's components before the
    first review component, ready to be joined into one Doc for the review components."""
    first_review = nlp.pipe_names.index(FIRST_REVIEW_COMPONENT)
    parts = []
    for piece in text_chunks(text):
        part = nlp.make_doc(piece)
        for _, component in nlp.pipeline[:first_review]:
            part = component(part)
        part.user_data.pop(("._.", "structure", None, None), None)  # a piece's own; the whole is read again
        parts.append(part)
    return parts


def review_stream(items: Iterable[tuple[object, str]], options: ReviewOptions,
                  batch_size: int = 16) -> Iterator[dict | ReviewFailure]:
    """Document objects for ``(id, text)`` pairs, in order, reviewed in this process: each batch's
    short texts together with ``nlp.pipe``, its long ones one by one with :func:`analysed_doc`."""
    nlp = load_pipeline(options.rules_path)
    for batch in _batches(items, batch_size):
        if not options.keep_going:
            yield from _batch_documents(nlp, batch, options, batch_size)
            continue
        try:
            yield from list(_batch_documents(nlp, batch, options, batch_size))
        except Exception:  # one report failed somewhere in the batch: review each alone to isolate it
            yield from (_document_or_failure(nlp, doc_id, text, options) for doc_id, text in batch)


def _batch_documents(nlp, batch: list[tuple[object, str]], options: ReviewOptions,
                     batch_size: int) -> Iterator[dict]:
    short = [i for i, (_, text) in enumerate(batch) if len(text) <= LONG_TEXT_CHARS]
    piped = nlp.pipe((prepared_doc(nlp, batch[i][1], options) for i in short), batch_size=batch_size)
    docs = dict(zip(short, piped))
    for i, (doc_id, text) in enumerate(batch):
        doc = docs.pop(i) if i in docs else analysed_doc(nlp, text, options)
        yield document_object(doc, doc_id)


def _document_or_failure(nlp, doc_id, text: str, options: ReviewOptions) -> dict | ReviewFailure:
    try:
        return document_object(analysed_doc(nlp, text, options), doc_id)
    except Exception as error:
        return ReviewFailure(doc_id, error.__class__.__name__)


def review_batch(batch: list[tuple[object, str]], options: ReviewOptions) -> list[dict | ReviewFailure]:
    """Review one batch; the unit of work sent to a worker process or a Dask worker."""
    return list(review_stream(batch, options, batch_size=max(1, len(batch))))


def _batches(items: Iterable[tuple[object, str]], size: int) -> Iterator[list[tuple[object, str]]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _in_order(submit: Callable[[list], object], batches: Iterable[list], window: int) -> Iterator[dict]:
    """Submit batches, keeping at most `window` in flight, and yield their documents in order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _warm_worker(rules_path: str | None) -> None:
    load_pipeline(rules_path)


def review_in_processes(items, options: ReviewOptions, jobs: int, batch_size: int) -> Iterator[dict]:
    """Review with `jobs` worker processes (forked from this one where the system allows, so
    each starts with the pipeline already loaded)."""
    from concurrent.futures import ProcessPoolExecutor  # only --jobs needs it: not imported by every review

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                             initializer=_warm_worker, initargs=(options.rules_path,)) as pool:
        yield from _in_order(lambda batch: pool.submit(review_batch, batch, options),
                             _batches(items, batch_size), window=2 * jobs)


def connect(address: str):
    """A Dask client for the scheduler at `address` (needs the optional ``distributed`` extra)."""
    try:
        from distributed import Client
    except ImportError:
        raise ReviewError("E205", E205) from None
    scheme = address.split("://", 1)[0] if "://" in address else "tcp"
    if scheme not in DASK_PROTOCOLS:  # checked first: distributed fails slowly, with a traceback
        raise ReviewError("E206", E206.format(address=address, reason=f"unknown protocol {scheme!r}"))
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ReviewError("E206", E206.format(address=address, reason=error.__class__.__name__)) from None


def review_on_cluster(items, options: ReviewOptions, client, batch_size: int) -> Iterator[dict]:
    """Review on a Dask cluster through `client`; the workers need this package installed."""
    threads = max(1, sum(client.nthreads().values()))
    yield from _in_order(lambda batch: client.submit(review_batch, batch, options, pure=False),
                         _batches(items, batch_size), window=2 * threads)


def check_jobs(jobs: int) -> None:
    """Refuse a number of processes below 1 or above four per CPU core."""
    limit = (os.cpu_count() or 1) * 4
    if not 1 <= jobs <= limit:
        raise ReviewError("E204", E204.format(limit=limit))


def review_many(items: Iterable[tuple[object, str]], options: ReviewOptions, *, jobs: int = 1,
                batch_size: int = 16, client=None,
                on_error: Callable[[object, str], None] | None = None) -> Iterator[dict]:
    """Document objects for ``(id, text)`` pairs, in input order: in this process (``jobs=1``),
    in `jobs` processes, or on the Dask cluster behind `client`. With `on_error`, a report whose
    review raises is left out and ``on_error(id, error type)`` called; the others go on."""
    check_jobs(jobs)
    if on_error is not None:
        options = dataclasses.replace(options, keep_going=True)
    if client is not None:
        documents = review_on_cluster(items, options, client, batch_size)
    elif jobs > 1:
        documents = review_in_processes(items, options, jobs, batch_size)
    else:
        documents = review_stream(items, options, batch_size)
    return documents if on_error is None else _reporting_failures(documents, on_error)


def _reporting_failures(results: Iterable[dict | ReviewFailure], on_error: Callable[[object, str], None]):
    for result in results:
        if isinstance(result, ReviewFailure):
            on_error(result.id, result.error)
        else:
            yield result
