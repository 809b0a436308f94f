"""What a ranking reads of each candidate, kept compact in a snapshot (issue 15).

A search at 100,000 proposals scores a few hundred candidates (components.py). An index loaded
from a snapshot holds its documents and analyses as JSON, decoded on first use: decoding them
for every candidate was about a fifth of a ranking (docs/benchmarks.md). A snapshot therefore
also stores, for each slot, exactly the fields that the components, the exclusions and the
search's filters read, as integer codes into one list of strings:

    kind, organisation, locality, country                      one code each (-1: none)
    sectors, keywords, partnership_types, target_countries,    a count, then the codes
    target_localities, concepts, expanded

all slots in one int32 array (`facts.npy`) with its offsets (`facts.offsets.npy`) and the
strings in `facts.json`. `record(slot)` gives them back as a `Facts` with the very values of
the document and analysis they were taken from (the same attribute names, so the components
read either); nothing is kept between calls, so the garbage collector has nothing more to walk.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from kakehashi.matching.engine.storage import encode_blob

NONE = -1
SCALARS = ("kind", "organisation", "locality", "country")
DOCUMENT_LISTS = (
    "sectors",
    "keywords",
    "partnership_types",
    "target_countries",
    "target_localities",
)
ANALYSIS_LISTS = ("concepts", "expanded")


class Facts:
    """The fields of a document and of its analysis that the ranking reads of a candidate."""

    __slots__ = (*SCALARS, *DOCUMENT_LISTS, *ANALYSIS_LISTS)

    def __init__(self, **values):
        for name in self.__slots__:
            setattr(self, name, values[name])

    @classmethod
    def of(cls, document, analysis) -> Facts:
        return cls(
            **{name: getattr(document, name) for name in SCALARS + DOCUMENT_LISTS},
            **{name: getattr(analysis, name) for name in ANALYSIS_LISTS},
        )

    def __eq__(self, other) -> bool:
        return isinstance(other, Facts) and all(
            getattr(self, name) == getattr(other, name) for name in self.__slots__
        )

    __hash__ = None


def encode(pairs: Iterable[tuple[object, object]]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """(packed codes, offsets, strings) of the facts of (document, analysis) pairs."""
    names: list[str] = []
    code_of: dict[str, int] = {}

    def code(value: str | None) -> int:
        if value is None:
            return NONE
        found = code_of.get(value)
        if found is None:
            found = code_of[value] = len(names)
            names.append(value)
        return found

    records = []
    for document, analysis in pairs:
        row = [code(getattr(document, name)) for name in SCALARS]
        for name in DOCUMENT_LISTS:
            values = getattr(document, name)
            # Sets in a fixed order (the snapshot's bytes do not depend on hashing); the
            # keywords as the author gave them, in their order.
            values = list(values) if name == "keywords" else sorted(values)
            row.append(len(values))
            row.extend(code(v) for v in values)
        for name in ANALYSIS_LISTS:
            values = sorted(getattr(analysis, name))
            row.append(len(values))
            row.extend(code(v) for v in values)
        records.append(np.asarray(row, dtype=np.int32).tobytes())
    blob, offsets = encode_blob(records)
    packed = np.frombuffer(blob, dtype=np.int32) if blob else np.zeros(0, dtype=np.int32)
    return packed, offsets // 4, names


class SlotFacts:
    """The facts of the first `len(offsets) - 1` slots (a snapshot's), decoded on each call."""

    def __init__(self, packed: np.ndarray, offsets: np.ndarray, names: list[str]):
        if len(offsets) == 0 or int(offsets[0]) != 0 or int(offsets[-1]) != len(packed):
            raise ValueError("the facts' offsets do not fit the packed codes")
        if not all(isinstance(name, str) for name in names):
            raise ValueError("the facts' strings must be strings")
        if len(packed) and int(packed.min()) < NONE:
            raise ValueError("a negative count or code in the facts")
        self._packed = packed
        self._offsets = offsets
        self._names = names
        self.size = len(offsets) - 1

    def record(self, slot: int) -> Facts:
        start, end = self._offsets[slot : slot + 2].tolist()
        row = self._packed[start:end].tolist()
        name = self._names.__getitem__
        facts = Facts.__new__(Facts)
        kind, organisation, locality, country = row[0], row[1], row[2], row[3]
        facts.kind = None if kind < 0 else name(kind)
        facts.organisation = None if organisation < 0 else name(organisation)
        facts.locality = None if locality < 0 else name(locality)
        facts.country = None if country < 0 else name(country)
        # The lists in the order of DOCUMENT_LISTS and ANALYSIS_LISTS, each a count and codes.
        i = 5
        j = i + row[4]
        facts.sectors = frozenset(map(name, row[i:j]))
        i = j + 1
        j = i + row[j]
        facts.keywords = tuple(map(name, row[i:j]))
        i = j + 1
        j = i + row[j]
        facts.partnership_types = frozenset(map(name, row[i:j]))
        i = j + 1
        j = i + row[j]
        facts.target_countries = frozenset(map(name, row[i:j]))
        i = j + 1
        j = i + row[j]
        facts.target_localities = frozenset(map(name, row[i:j]))
        i = j + 1
        j = i + row[j]
        facts.concepts = frozenset(map(name, row[i:j]))
        i = j + 1
        j = i + row[j]
        facts.expanded = frozenset(map(name, row[i:j]))
        if j != len(row):
            raise ValueError(f"the facts of slot {slot} do not end where their offsets say")
        return facts
