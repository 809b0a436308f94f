"""A string per slot kept as a small integer code in a numpy array: the organisation and the
kind of each document, which a ranking checks for every candidate (leave out the query's own
organisation, score complementary kinds) before it looks at any document. An index loaded
from a snapshot has its documents on disk, decoded one by one from JSON on first use: reading
these two facts from arrays spares that decoding for the hundreds of candidates of a query
(measured at 100,000 proposals, docs/benchmarks.md).

Code -1 is "no value" (None); `lookup` of a string never stored gives -2, which no slot has."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

NONE = -1
UNKNOWN = -2


class SlotCodes:
    def __init__(self, capacity: int = 1024):
        self.codes = np.full(capacity, NONE, dtype=np.int32)
        self.names: list[str] = []
        self._code_of: dict[str, int] = {}

    @classmethod
    def from_arrays(cls, codes: np.ndarray, names: Sequence[str], capacity: int) -> SlotCodes:
        """Codes of the first len(codes) slots and their vocabulary (a snapshot's), with room
        for `capacity` slots in all."""
        if len(set(names)) != len(names) or not all(isinstance(n, str) for n in names):
            raise ValueError("the vocabulary must hold distinct strings")
        codes = np.asarray(codes)
        if len(codes) and (codes.min() < NONE or codes.max() >= len(names)):
            raise ValueError("a code outside the vocabulary")
        table = cls(max(capacity, len(codes)))
        table.codes[: len(codes)] = codes
        table.names = list(names)
        table._code_of = {name: code for code, name in enumerate(table.names)}
        return table

    def reserve(self, capacity: int) -> None:
        if capacity > len(self.codes):
            grown = np.full(capacity, NONE, dtype=self.codes.dtype)
            grown[: len(self.codes)] = self.codes
            self.codes = grown

    def set(self, slot: int, value: str | None) -> None:
        if value is None:
            self.codes[slot] = NONE
            return
        code = self._code_of.get(value)
        if code is None:
            code = self._code_of[value] = len(self.names)
            self.names.append(value)
        self.codes[slot] = code

    def lookup(self, value: str | None) -> int:
        """The code of `value`: NONE for None, UNKNOWN for a string no slot was given."""
        if value is None:
            return NONE
        return self._code_of.get(value, UNKNOWN)

    def value(self, slot: int) -> str | None:
        code = int(self.codes[slot])
        return None if code == NONE else self.names[code]
