"""A search's facets as a mask over the slots (issue 15): kind, sector, country, today's
locality and partnership type, checked on per-slot codes with numpy instead of a Python
callback on each candidate's facts.

The index keeps each slot's country and locality as codes (slotcodes.py, the kind is already
there) and, for the sectors and the partnership types a document may have several of, one
boolean array per value. An index built in memory sets them as documents are added; one
loaded from a snapshot reads them, once, from the snapshot's packed facts (slotfacts.py)
without decoding a record. A removed slot keeps its codes: `_alive` masks it everywhere.

`Facets.mask(index)` gives the slots that pass; the candidates (candidates.py) take the mask
where they took the callback, with the very same results (tests/matching/engine/
test_facet_mask.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kakehashi.matching.engine.slotcodes import SlotCodes


class SlotSets:
    """For each value, a boolean array over the slots: the slots whose set holds it."""

    def __init__(self, capacity: int = 1024):
        self.capacity = capacity
        self._members: dict[str, np.ndarray] = {}

    def reserve(self, capacity: int) -> None:
        if capacity > self.capacity:
            for value, members in self._members.items():
                grown = np.zeros(capacity, dtype=bool)
                grown[: len(members)] = members
                self._members[value] = grown
            self.capacity = capacity

    def set(self, slot: int, values) -> None:
        for members in self._members.values():
            members[slot] = False
        for value in values:
            members = self._members.get(value)
            if members is None:
                members = self._members[value] = np.zeros(self.capacity, dtype=bool)
            members[slot] = True

    def holding(self, value: str, size: int) -> np.ndarray:
        members = self._members.get(value)
        return np.zeros(size, dtype=bool) if members is None else members[:size]


class SlotFacets:
    """The per-slot facets of an index that the kind codes do not cover."""

    def __init__(self, capacity: int = 1024):
        self.countries = SlotCodes(capacity)
        self.localities = SlotCodes(capacity)
        self.sectors = SlotSets(capacity)
        self.partnership_types = SlotSets(capacity)

    def reserve(self, capacity: int) -> None:
        self.countries.reserve(capacity)
        self.localities.reserve(capacity)
        self.sectors.reserve(capacity)
        self.partnership_types.reserve(capacity)

    def set(self, slot: int, document) -> None:
        self.countries.set(slot, document.country)
        self.localities.set(slot, document.locality)
        self.sectors.set(slot, document.sectors)
        self.partnership_types.set(slot, document.partnership_types)

    @classmethod
    def from_facts(cls, facts, capacity: int) -> SlotFacets:
        """The facets of a snapshot's slots, read from its packed facts (slotfacts.py: kind,
        organisation, locality, country, then sectors, keywords, partnership types... each
        list a count and its codes), with room for `capacity` slots."""
        table = cls(max(capacity, facts.size))
        packed, names = facts._packed, facts._names
        starts = np.asarray(facts._offsets[:-1], dtype=np.int64)
        table.localities = _codes(packed, starts + 2, names, table.capacity)
        table.countries = _codes(packed, starts + 3, names, table.capacity)
        sectors_at = starts + 4
        keywords_at = _list_end(packed, sectors_at)
        partnerships_at = _list_end(packed, keywords_at)
        for sets, at in ((table.sectors, sectors_at), (table.partnership_types, partnerships_at)):
            slots, codes = _list_items(packed, at)
            for code in np.unique(codes).tolist():
                members = np.zeros(sets.capacity, dtype=bool)
                members[slots[codes == code]] = True
                sets._members[names[code]] = members
        return table

    @property
    def capacity(self) -> int:
        return self.sectors.capacity


def _codes(packed: np.ndarray, at: np.ndarray, names: list[str], capacity: int) -> SlotCodes:
    """The slots' codes at `at` (-1: none) as a SlotCodes of the strings they use."""
    values = packed[at] if len(at) else np.zeros(0, dtype=np.int32)
    used = np.unique(values[values >= 0])
    renumbered = np.full(len(names) + 1, -1, dtype=np.int32)  # [-1]: none stays none
    renumbered[used] = np.arange(len(used), dtype=np.int32)
    vocabulary = [names[int(code)] for code in used]
    return SlotCodes.from_arrays(renumbered[values], vocabulary, capacity)


def _list_end(packed: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Where the list after each slot's list at `at` (its count, then its codes) starts."""
    return at + 1 + packed[at].astype(np.int64) if len(at) else at


def _list_items(packed: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(slot, code) of every item of the lists at `at`, one row per item."""
    if not len(at):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    counts = packed[at].astype(np.int64)
    slots = np.repeat(np.arange(len(at), dtype=np.int64), counts)
    before = np.repeat(np.cumsum(counts) - counts, counts)  # items of the earlier slots
    positions = np.repeat(at + 1, counts) + np.arange(len(slots), dtype=np.int64) - before
    return slots, packed[positions].astype(np.int64)


@dataclass(frozen=True)
class Facets:
    """The facets a search keeps (None: any): the meanings of search.py's form, on the
    engine's documents."""

    kind: str | None = None
    sector: str | None = None
    country: str | None = None
    locality: str | None = None
    partnership_type: str | None = None

    def mask(self, index) -> np.ndarray:
        """Over the slots below `index.size`: True where the slot's document passes (removed
        slots included: the candidates mask those already)."""
        size = index.size
        keep = np.ones(size, dtype=bool)
        facets = index._facets
        for codes, value in (
            (index._kinds, self.kind),
            (facets.countries, self.country),
            (facets.localities, self.locality),
        ):
            if value is not None:
                keep &= codes.codes[:size] == codes.lookup(value)
        if self.sector is not None:
            keep &= facets.sectors.holding(self.sector, size)
        if self.partnership_type is not None:
            keep &= facets.partnership_types.holding(self.partnership_type, size)
        return keep
