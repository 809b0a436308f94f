"""Inverted index over slots (document positions), with BM25 scoring.

Postings are `array.array` lists that grow in place and are read by numpy without copying, so
adding a document costs a few appends and scoring a term is one vectorised step over its
postings. Removed slots stay in the postings until the index compacts; the caller masks them
(document frequencies and lengths are kept exact on removal)."""

from __future__ import annotations

import math
from array import array
from collections import Counter

import numpy as np


class Postings:
    def __init__(self, k1: float = 1.2, b: float = 0.75):
        self.k1 = k1
        self.b = b
        self._slots: dict[str, array] = {}
        self._tfs: dict[str, array] = {}
        self.df: Counter = Counter()
        self.lengths = np.zeros(1024, dtype=np.float32)
        self.n_docs = 0
        self.total_length = 0.0

    def add(self, slot: int, terms: Counter) -> None:
        if slot >= len(self.lengths):
            grown = np.zeros(max(slot + 1, 2 * len(self.lengths)), dtype=np.float32)
            grown[: len(self.lengths)] = self.lengths
            self.lengths = grown
        length = float(sum(terms.values()))
        self.lengths[slot] = length
        self.total_length += length
        self.n_docs += 1
        for term, tf in terms.items():
            slots = self._slots.get(term)
            if slots is None:
                slots = self._slots[term] = array("i")
                self._tfs[term] = array("f")
            slots.append(slot)
            self._tfs[term].append(float(tf))
            self.df[term] += 1

    def remove(self, slot: int, terms: Counter) -> None:
        self.total_length -= float(self.lengths[slot])
        self.n_docs -= 1
        for term in terms:
            self.df[term] -= 1
            if self.df[term] <= 0:
                del self.df[term]

    def idf(self, term: str) -> float:
        df = self.df.get(term, 0)
        if df <= 0:
            return 0.0
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def _arrays(self, term: str):
        slots = self._slots.get(term)
        if slots is None or not len(slots):
            return None, None
        return (
            np.frombuffer(slots, dtype=np.int32),
            np.frombuffer(self._tfs[term], dtype=np.float32),
        )

    def bm25(self, terms, size: int) -> np.ndarray:
        """BM25 of every slot below `size` for the distinct `terms` (0 where none occurs)."""
        scores = np.zeros(size, dtype=np.float32)
        if self.n_docs <= 0:
            return scores
        avg = max(self.total_length / self.n_docs, 1e-9)
        for term in sorted(set(terms)):  # a fixed order: the same float sums in every run
            idf = self.idf(term)
            if idf <= 0:
                continue
            slots, tfs = self._arrays(term)
            if slots is None:
                continue
            if slots.max() >= size:
                keep = slots < size
                slots, tfs = slots[keep], tfs[keep]
            norm = self.k1 * (1.0 - self.b + self.b * self.lengths[slots] / avg)
            scores[slots] += idf * tfs * (self.k1 + 1.0) / (tfs + norm)
        return scores

    def weighted(self, weights: dict[str, float], size: int) -> np.ndarray:
        """Sum of `weights[term]` over the terms each slot holds (for concept postings)."""
        scores = np.zeros(size, dtype=np.float32)
        for term, weight in sorted(weights.items()):
            slots, _ = self._arrays(term)
            if slots is None:
                continue
            if slots.max() >= size:
                slots = slots[slots < size]
            scores[slots] += weight
        return scores
