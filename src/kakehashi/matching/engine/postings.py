"""Inverted index over slots (document positions), with BM25 scoring.

Postings are `array.array` lists that grow in place and are read by numpy without copying, so
adding a document costs a few appends and scoring a term is one vectorised step over its
postings. Removed slots stay in the postings until the index compacts; the caller masks them
(document frequencies and lengths are kept exact on removal).

A snapshot (snapshot.py) gives the postings of its slots as a read-only `PostingsBase`
(compressed sparse rows, memory-mapped); postings of slots added later are kept beside it,
and `df` then holds the change of each term's document frequency since the snapshot."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass

import numpy as np

from kakehashi.matching.engine.storage import SortedStrings


@dataclass(frozen=True)
class PostingsBase:
    """The postings of a snapshot's slots: term `i` of `vocabulary` occurs in
    slots[indptr[i]:indptr[i + 1]] (ascending) with those tfs, in df[i] documents."""

    vocabulary: SortedStrings
    indptr: np.ndarray
    slots: np.ndarray
    tfs: np.ndarray
    df: np.ndarray

    def find(self, term: str) -> int:
        return self.vocabulary.find(term)


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
        self.base: PostingsBase | None = None

    @classmethod
    def on_base(
        cls, base: PostingsBase, lengths: np.ndarray, n_docs: int, total_length: float, **params
    ) -> Postings:
        postings = cls(**params)
        postings.base = base
        postings.lengths = np.array(lengths, dtype=np.float32)  # a private, writable copy
        postings.n_docs = n_docs
        postings.total_length = total_length
        return postings

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
            left = self.df.get(term, 0) - 1
            if left == 0:
                del self.df[term]
            else:
                self.df[term] = left  # below 0 only on a base: fewer than the snapshot had

    def doc_freq(self, term: str) -> int:
        df = self.df.get(term, 0)
        if self.base is not None:
            row = self.base.find(term)
            if row >= 0:
                df += int(self.base.df[row])
        return df

    def idf(self, term: str) -> float:
        df = self.doc_freq(term)
        if df <= 0:
            return 0.0
        return math.log(1.0 + (self.n_docs - df + 0.5) / (df + 0.5))

    def _parts(self, term: str) -> list[tuple[np.ndarray, np.ndarray]]:
        """(slots, tfs) of a term: the base's, then those added since."""
        parts = []
        if self.base is not None:
            row = self.base.find(term)
            if row >= 0:
                start, end = int(self.base.indptr[row]), int(self.base.indptr[row + 1])
                if end > start:
                    parts.append((self.base.slots[start:end], self.base.tfs[start:end]))
        slots = self._slots.get(term)
        if slots is not None and len(slots):
            parts.append(
                (
                    np.frombuffer(slots, dtype=np.int32),
                    np.frombuffer(self._tfs[term], dtype=np.float32),
                )
            )
        return parts

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
            # A slot occurs at most once among a term's postings, base and added ones
            # together: adding part by part gives each slot the very same value.
            for slots, tfs in self._parts(term):
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
            for slots, _ in self._parts(term):
                if slots.max() >= size:
                    slots = slots[slots < size]
                scores[slots] += weight
        return scores
