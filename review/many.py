"""Reviewing many reports: in this process, in several processes, or on a Dask cluster.

Every way runs the same function, :func:`review_batch`, on batches of ``(id, text)`` pairs:
it loads the pipeline once per process (:func:`review.pipeline.load_pipeline` is cached),
runs ``nlp.pipe`` over the batch and returns plain document objects (SPEC.md), which travel
between processes as they are. (spaCy's own ``nlp.pipe(n_process=N)`` sends Docs back, and the
review's Doc extensions, dates and findings, cannot be serialised that way.)

Results always come back in input order. At most a few batches per worker are in flight at
once, so a long stream of reports is never all held in memory at the same time.
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .document import document_object
from .errors import E204, E205, E206, ReviewError
from .pipeline import load_pipeline

CONNECT_TIMEOUT = "10s"  # how long to wait for a Dask scheduler before giving up


@dataclass(frozen=True)
class ReviewOptions:
    """What every document in one run shares."""

    report_date: dt.date | None = None
    children: tuple[str, ...] | None = None
    rules_path: str | None = None


def prepared_doc(nlp, text: str, options: ReviewOptions):
    """A Doc ready for the review pipeline: tokenised, with the caller's report date and children."""
    doc = nlp.make_doc(text)
    doc._.report_date = options.report_date
    doc._.children = list(options.children) if options.children else None
    return doc


def review_stream(items: Iterable[tuple[object, str]], options: ReviewOptions,
                  batch_size: int = 16) -> Iterator[dict]:
    """Document objects for ``(id, text)`` pairs, reviewed one after another with ``nlp.pipe``."""
    nlp = load_pipeline(options.rules_path)
    ids: deque = deque()

    def docs():
        for doc_id, text in items:
            ids.append(doc_id)
            yield prepared_doc(nlp, text, options)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield document_object(doc, ids.popleft())


def review_batch(batch: list[tuple[object, str]], options: ReviewOptions) -> list[dict]:
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
                batch_size: int = 16, client=None) -> Iterator[dict]:
    """Document objects for ``(id, text)`` pairs, in input order: in this process (``jobs=1``),
    in `jobs` processes, or on the Dask cluster behind `client`."""
    check_jobs(jobs)
    if client is not None:
        return review_on_cluster(items, options, client, batch_size)
    if jobs > 1:
        return review_in_processes(items, options, jobs, batch_size)
    return review_stream(items, options, batch_size)
