"""Per-slot storage of the index that can start from a read-only base (a memory-mapped
snapshot, snapshot.py) and take appended slots on top of it without copying the base.

- `Rows`: the vector of each slot; the base rows (e.g. `np.load(..., mmap_mode="r")`, whose
  pages processes share through the page cache) and the appended rows in a growable array.
- `LazySlots`: a list-like of per-slot values (documents, analyses) whose base part is decoded
  on demand from a blob with an offsets array, a bounded number of decoded values kept.
- `SortedStrings`: sorted UTF-8 strings in a blob with offsets, found by binary search (the
  vocabulary of the snapshot's postings, never turned into Python objects as a whole).

An index built in memory has an empty base: everything is "appended", as before."""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable, Iterator

import numpy as np

CHUNK = 4096  # rows per step of a pass over every vector (bounded float64 temporaries)


class Rows:
    def __init__(
        self, dim: int, capacity: int = 1024, base: np.ndarray | None = None, dtype=np.float32
    ):
        self.dim = dim
        self.dtype = np.dtype(dtype)
        self.base = base if base is not None else np.zeros((0, dim), dtype=self.dtype)
        self._tail = np.zeros((capacity, dim), dtype=self.dtype)

    @property
    def base_size(self) -> int:
        return len(self.base)

    def reserve(self, needed: int) -> None:
        """Room for `needed` slots in all (the appended part grows by doubling)."""
        wanted = needed - len(self.base)
        capacity = len(self._tail)
        if wanted <= capacity:
            return
        capacity = max(capacity, 16)
        while capacity < wanted:
            capacity *= 2
        grown = np.zeros((capacity, self.dim), dtype=self.dtype)
        grown[: len(self._tail)] = self._tail
        self._tail = grown

    def put(self, start: int, block: np.ndarray) -> None:
        """Write the rows of slots start, start + 1, ... (appended slots only)."""
        offset = start - len(self.base)
        if offset < 0:
            raise ValueError("the rows of the base are read-only")
        self._tail[offset : offset + len(block)] = block

    def row(self, slot: int) -> np.ndarray:
        base = len(self.base)
        return self.base[slot] if slot < base else self._tail[slot - base]

    def take(self, slots) -> np.ndarray:
        """The rows of `slots` (a copy, in that order)."""
        slots = np.asarray(slots, dtype=np.int64)
        out = np.empty((len(slots), self.dim), dtype=self.dtype)
        in_base = slots < len(self.base)
        if in_base.any():
            out[in_base] = self.base[slots[in_base]]
        if not in_base.all():
            out[~in_base] = self._tail[slots[~in_base] - len(self.base)]
        return out

    def chunks(self, size: int) -> Iterator[tuple[int, np.ndarray]]:
        """(first slot, rows) of slots below `size`, in order, CHUNK rows at most each."""
        base = len(self.base)
        for start in range(0, min(base, size), CHUNK):
            yield start, self.base[start : min(start + CHUNK, base, size)]
        for start in range(base, size, CHUNK):
            yield start, self._tail[start - base : min(start + CHUNK, size) - base]

    def dot(self, vector: np.ndarray, size: int) -> np.ndarray:
        """Every row below `size` times `vector` (float32 BLAS)."""
        base = min(len(self.base), size)
        parts = [self.base[:base] @ vector] if base else []
        if size > base:
            parts.append(self._tail[: size - len(self.base)] @ vector)
        if not parts:
            return np.zeros(0, dtype=np.float32)
        return parts[0] if len(parts) == 1 else np.concatenate(parts)


DECODED_LIMIT = 20_000  # decoded base values kept per LazySlots (then the memo starts again)


class LazySlots:
    """A list of per-slot values: base slots decoded on first use from `blob` (bytes or a
    memory map) at `offsets` (n + 1 positions), appended slots held as they are."""

    def __init__(self, blob, offsets: np.ndarray, decode: Callable[[bytes], object]):
        self._blob = blob
        self._offsets = offsets
        self._decode = decode
        self._base = len(offsets) - 1
        self._cleared: set[int] = set()  # base slots set to None (removed)
        self._decoded: dict[int, object] = {}
        self._tail: list = []

    def __len__(self) -> int:
        return self._base + len(self._tail)

    def __getitem__(self, slot: int):
        if slot >= self._base:
            return self._tail[slot - self._base]
        if slot < 0:
            raise IndexError(slot)
        value = self._decoded.get(slot)
        if value is None:
            if slot in self._cleared:
                return None
            start, end = int(self._offsets[slot]), int(self._offsets[slot + 1])
            value = self._decode(self._blob[start:end])  # a slice of either is bytes
            if len(self._decoded) >= DECODED_LIMIT:
                # Bounded: a long-lived process would otherwise end up holding every
                # document privately, what the snapshot spares it. Readers of other
                # threads may miss a value here and decode it again; nothing else.
                self._decoded = {}
            self._decoded[slot] = value
        return value

    def __setitem__(self, slot: int, value) -> None:
        if slot >= self._base:
            self._tail[slot - self._base] = value
        elif value is None:
            self._cleared.add(slot)
            self._decoded.pop(slot, None)
        else:
            raise ValueError("a base slot can only be cleared")

    def append(self, value) -> None:
        self._tail.append(value)


FOUND_LIMIT = 100_000  # positions of strings kept per SortedStrings (then it starts again)


class SortedStrings:
    """Strings sorted by their UTF-8 bytes (the order of Python's str comparison), stored in
    a blob with offsets; `find` is a binary search that decodes about log2(n) of them."""

    def __init__(self, blob, offsets: np.ndarray):
        self._blob = blob
        self._offsets = offsets
        # Positions found (a dict of strings and integers, which the garbage collector does
        # not track): a search looks up the idf of hundreds of words, mostly seen before.
        self._found: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> bytes:
        return bytes(self._blob[int(self._offsets[i]) : int(self._offsets[i + 1])])

    def find(self, text: str) -> int:
        """The position of `text`, or -1."""
        found = self._found.get(text)
        if found is not None:
            return found
        key = text.encode("utf-8")
        i = bisect_left(self, key)
        found = i if i < len(self) and self[i] == key else -1
        if len(self._found) >= FOUND_LIMIT:
            self._found = {}  # bounded, as the decoded values above
        self._found[text] = found
        return found


def encode_blob(values: list[bytes]) -> tuple[bytes, np.ndarray]:
    """The blob and offsets (n + 1, int64) of byte strings, for LazySlots and SortedStrings."""
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum([len(v) for v in values], out=offsets[1:])
    return b"".join(values), offsets


def json_bytes(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
