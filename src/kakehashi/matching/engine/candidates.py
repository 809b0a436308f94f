"""Candidate generation: which documents a ranking scores at all.

The union of the top N by cosine (numpy argpartition over the vector matrix), the top N by
BM25 over tokens and the top N by shared concepts (idf-weighted), N = max(MIN_CANDIDATES,
4 k). The query itself, documents of its organisation and those `allowed` rejects are dropped;
N grows if fewer than k candidates remain. The baselines (`method="bm25"`, `"embedding"`)
take the k best of one score (`ordered`).

`allowed` is a callable on ids (the `stage` filter, which the database decides), or a filter
with a `mask(index)` of the slots it keeps (slotfacets.Facets), or such a mask: a mask is
applied to all of a pool's slots in one numpy step, where the callable is asked about each.
The pool is the same either way, and so is the ranking (tests/matching/engine/
test_facet_mask.py). With a mask that keeps fewer than k slots, N would grow until it covers
every slot, whose pool is then those slots: `few_kept` gives them without any scan.
"""

from __future__ import annotations

import numpy as np

from kakehashi.matching.engine.model import Document

MIN_CANDIDATES = 200


def excluded(query: Document, doc: Document, allowed) -> bool:
    if doc.id == query.id:
        return True
    if query.organisation is not None and doc.organisation == query.organisation:
        return True
    return allowed is not None and not allowed(doc.id)


def admission(index, allowed):
    """`allowed` as the pool takes it: a filter with a mask becomes its mask over the slots;
    a callable, a mask or None stays as it is."""
    mask = getattr(allowed, "mask", None)
    return mask(index) if mask is not None and callable(mask) else allowed


def kept(index, query: Document, slots, allowed) -> list[int]:
    """The live `slots` that `excluded` keeps, in their order, decided from the index's
    per-slot organisation codes and ids: no document is read (on a snapshot, each would be
    decoded from JSON)."""
    slots = np.asarray(slots, dtype=np.int64)
    keep = np.ones(len(slots), dtype=bool)
    if isinstance(allowed, np.ndarray):
        keep &= allowed[slots]
        allowed = None
    own = index._slot_of.get(query.id)
    if own is not None:
        keep &= slots != own
    if query.organisation is not None:
        organisations = index._organisations
        keep &= organisations.codes[slots] != organisations.lookup(query.organisation)
    result = slots[keep].tolist()
    if allowed is not None:
        ids = index._ids
        result = [slot for slot in result if allowed(ids[slot])]
    return result


def top(scores: np.ndarray, n: int) -> np.ndarray:
    """Slots of the n highest positive scores (any order)."""
    if n < len(scores):
        positive = np.flatnonzero(scores > 0)
        if len(positive) <= n:
            # All of them: the very set a partition of every slot keeps (a positive score
            # is above every other), without ordering 100,000 mostly zero slots.
            return positive
        part = np.argpartition(-scores, n)[:n]
    else:
        part = np.arange(len(scores))
    return part[scores[part] > 0]


def exact_cosine(index, slots, vector) -> np.ndarray:
    """Cosines in float64, row by row: the same value for a document whatever the size and
    order of the matrix (float32 BLAS sums differ in the last bits when the row count changes,
    which would make a saved and loaded index rank differently)."""
    rows = index.semantic_rows(slots).astype(np.float64)
    return np.round((rows * np.asarray(vector, dtype=np.float64)).sum(axis=1), 9)


def ordered(index, query, scores: np.ndarray, k: int, allowed, positive: bool, exact=None):
    """(slot, score) of the k best kept slots, best first, ties by id. With `exact` (the query
    vector), the candidates' scores are recomputed with `exact_cosine` before sorting."""
    size = index.size
    allowed = admission(index, allowed)
    scores = scores.astype(np.float64, copy=True)
    scores[~index._alive[:size]] = -np.inf
    n = min(size, max(MIN_CANDIDATES, 4 * k))
    while True:
        part = np.argpartition(-scores, n - 1)[:n] if n < size else np.arange(size)
        values = scores[part]
        part = part[(values > 0) if positive else (values != -np.inf)]
        best = [(slot, float(scores[slot])) for slot in kept(index, query, part, allowed)]
        if len(best) >= k or n >= size:
            if exact is not None and best:
                values = exact_cosine(index, [slot for slot, _ in best], exact)
                best = [(slot, float(v)) for (slot, _), v in zip(best, values, strict=True)]
            best.sort(key=lambda e: (-e[1], index._ids[e[0]]))
            return best[:k]
        n = min(size, n * 4)


def pool(index, query, dense, bm, cs, k: int, allowed, approximate: bool = False):
    """The candidate slots of a full ranking (the module's docstring); `dense`, `bm` and `cs`
    are the cosine, BM25 and concept scores of every slot, removed slots masked (-inf).
    With `approximate`, `dense` holds only what the approximate scan found (-inf elsewhere):
    None if N would have to grow past those (the caller then scans exactly)."""
    size = index.size
    alive = index._alive[:size]
    found_by_scan = int(np.isfinite(dense).sum()) if approximate else size
    n = max(MIN_CANDIDATES, 4 * k)
    while True:
        found = np.zeros(size, dtype=bool)
        top_dense = np.argpartition(-dense, n)[:n] if n < size else np.arange(size)
        found[top_dense[alive[top_dense] & (dense[top_dense] > -np.inf)]] = True
        found[top(bm, n)] = True
        found[top(cs, n)] = True
        candidates = kept(index, query, np.flatnonzero(found), allowed)
        if len(candidates) >= k or n >= size:
            return candidates
        if n >= found_by_scan:
            return None
        n *= 4


def few_kept(index, query: Document, mask, k: int, scanned: int | None) -> list[int] | None:
    """The pool of a full ranking (`pool`) when the `mask` keeps fewer than k live slots
    besides the query's own and its organisation's, else None. Every N then leaves fewer
    than k candidates, so N grows until it covers every slot, where the pool is all the slots
    the mask keeps. `scanned`: at most how many slots the approximate scan returns, when it
    runs; `pool` gives up on it (and scans exactly) at the first N past those, which must
    come before N covers every slot (else the pool is what the scan found: None here)."""
    if not isinstance(mask, np.ndarray):
        return None
    size = index.size
    slots = kept(index, query, np.flatnonzero(mask[:size] & index._alive[:size]), None)
    if len(slots) >= k:
        return None
    if scanned is not None:
        n = max(MIN_CANDIDATES, 4 * k)
        while n < scanned:
            n *= 4
        if n >= size:
            return None
    return slots


def scan_reach(index, count: int) -> int | None:
    """At most how many slots the approximate scan returns for `count` (ann.py: those found
    plus every slot appended since its build), or None when it does not run."""
    scan = index.approximate
    if scan is None or not scan.usable(index):
        return None
    return count + max(0, index.size - scan.covered)
