"""An approximate scan of the vectors (HNSW graph, usearch) for the candidates of a large index.

The full ranking takes its semantic candidates from the top N cosines of every slot
(candidates.py); at 100,000 documents that scan is a product with a 150 MB matrix, 14 ms of a
core. A graph over the same vectors finds those N in about 1 ms, with a recall of 0.998 of
the exact top 60 (docs/benchmarks.md). Only the candidates come from it: their scores are
computed exactly, as before.

- The graph holds each live slot's centred vector (`semantic_rows`) at the time it is built;
  slots added since are scanned exactly (the *tail*), removed ones are masked, and the
  cosines of what it returns are taken with the current language means.
- It is used from APPROXIMATE_FROM documents, while its tail stays below STALE_SHARE of the
  slots it covers; otherwise (and when usearch is not installed, or with a filter that
  rejects too many of its candidates, see ranking.py) the exact scan runs, as it does for
  every smaller index.
"""

from __future__ import annotations

import numpy as np

APPROXIMATE_FROM = 20_000  # documents; below, the exact scan is fast enough (≤ 3 ms)
STALE_SHARE = 0.2  # slots appended since the build, as a share of those it covers
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 128
CHUNK = 8192


def available() -> bool:
    try:
        import usearch.index  # noqa: F401
    except ImportError:
        return False
    return True


class ApproximateScan:
    """The graph of an index's centred vectors, slots as keys; `covered` slots below which
    it holds every live slot of its build."""

    def __init__(self, graph, covered: int):
        self.graph = graph
        self.covered = covered

    @classmethod
    def build(cls, index, *, threads: int = 1) -> ApproximateScan:
        size = index.size
        live = np.flatnonzero(index._alive[:size])
        chunks = (
            (live[start : start + CHUNK], index.semantic_rows(live[start : start + CHUNK]))
            for start in range(0, len(live), CHUNK)
        )
        return cls(build_graph(index.embedder.dim, chunks, threads=threads), size)

    def save(self, path) -> None:
        self.graph.save(str(path))

    @classmethod
    def view(cls, path, dim: int, covered: int) -> ApproximateScan:
        """The graph saved at `path`, memory-mapped (shared by the processes that view it)."""
        graph = _empty_graph(dim)
        graph.view(str(path))
        if len(graph) > covered:
            raise ValueError(f"{path} holds more than the {covered} slots it should cover")
        return cls(graph, covered)

    def usable(self, index) -> bool:
        return (
            len(index) >= APPROXIMATE_FROM
            and index.size >= self.covered
            and index.size - self.covered <= STALE_SHARE * self.covered
        )

    def slots(self, index, vector: np.ndarray, count: int) -> np.ndarray:
        """Slots of about the `count` best cosines with `vector` among those it covers,
        plus every slot appended since; removed slots left out."""
        found = self.graph.search(np.asarray(vector, dtype=np.float32), count, threads=1)
        slots = np.asarray(found.keys, dtype=np.int64)
        tail = np.arange(self.covered, index.size, dtype=np.int64)
        slots = np.concatenate([slots, tail]) if len(tail) else slots
        return slots[index._alive[slots]]


def _empty_graph(dim: int):
    from usearch.index import Index

    return Index(
        ndim=dim,
        metric="ip",
        dtype="f32",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


def build_graph(dim: int, chunks, *, threads: int = 1):
    """A graph of (slots, centred rows) chunks."""
    graph = _empty_graph(dim)
    for slots, rows in chunks:
        graph.add(
            np.asarray(slots, dtype=np.uint64), np.asarray(rows, dtype=np.float32), threads=threads
        )
    return graph
