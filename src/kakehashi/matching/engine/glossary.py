"""The concept glossary: domain concepts with their terms in English, Vietnamese and Japanese.

The data is `glossary.csv` in this package: `concept,broader,en,vi,ja`, synonyms separated by
"|", `broader` naming zero or more wider concepts ("shrimp" -> "aquaculture"). Terms are matched
on the concept stream of `text.concept_stream()` (vi syllables, ja mode A normalised forms, en
stemmed words), left to right, the longest term first, so "cold chain logistics" is cold_chain
followed by logistics and "cảng hàng không" is an airport, not a port.
"""

from __future__ import annotations

import csv
import threading
from dataclasses import dataclass
from importlib import resources

from kakehashi.matching.engine.text import LANGUAGES, concept_stream


@dataclass(frozen=True)
class Concept:
    id: str
    broader: tuple[str, ...]
    terms: dict  # language -> tuple of terms as written in the CSV


class Glossary:
    def __init__(self, concepts: list[Concept]):
        self.concepts = {c.id: c for c in concepts}
        # language -> first token -> [(token sequence, concept)], longest first
        self._terms: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {}
        self.conflicts: list[tuple[str, str, str, str]] = []  # (language, term, concept, other)
        for language in LANGUAGES:
            seen: dict[tuple[str, ...], str] = {}
            index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
            for concept in concepts:
                for term in concept.terms[language]:
                    key = concept_stream(term, language)
                    if not key:
                        self.conflicts.append((language, term, concept.id, ""))
                        continue
                    owner = seen.get(key)
                    if owner is not None:
                        if owner != concept.id:
                            self.conflicts.append((language, term, concept.id, owner))
                        continue
                    seen[key] = concept.id
                    index.setdefault(key[0], []).append((key, concept.id))
            for entries in index.values():
                entries.sort(key=lambda e: -len(e[0]))
            self._terms[language] = index

    def find(self, tokens: tuple[str, ...], language: str) -> list[str]:
        """Concept ids in order of appearance (longest match first, no overlaps)."""
        return [concept for _start, _end, concept, _key in self.matches(tokens, language)]

    def matches(self, tokens, language: str, accept=None):
        """(start, end, concept, term key) of each match in `tokens`, left to right, the
        longest term first, no overlaps. `accept(start, end)`, when given, may refuse a
        candidate (a shorter term is tried next): the gist uses it to keep matches inside
        one phrase and on word boundaries (see gist.py)."""
        index = self._terms[language]
        i, n = 0, len(tokens)
        while i < n:
            for key, concept in index.get(tokens[i], ()):
                end = i + len(key)
                if tuple(tokens[i:end]) == key and (accept is None or accept(i, end)):
                    yield i, end, concept, key
                    i = end
                    break
            else:
                i += 1

    def expand(self, concepts) -> set[str]:
        """The concepts and all their broader concepts."""
        out = set()
        todo = list(concepts)
        while todo:
            c = todo.pop()
            if c in out or c not in self.concepts:
                continue
            out.add(c)
            todo.extend(self.concepts[c].broader)
        return out


def _split(cell: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in cell.split("|") if t.strip())


def load_concepts(path=None) -> list[Concept]:
    if path is None:
        source = resources.files("kakehashi.matching.engine").joinpath("glossary.csv")
        text = source.read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    rows = csv.DictReader(text.splitlines())
    return [
        Concept(
            id=row["concept"].strip(),
            broader=_split(row["broader"] or ""),
            terms={language: _split(row[language] or "") for language in LANGUAGES},
        )
        for row in rows
    ]


_lock = threading.Lock()
_glossary: Glossary | None = None


def glossary() -> Glossary:
    global _glossary
    if _glossary is None:
        with _lock:
            if _glossary is None:
                _glossary = Glossary(load_concepts())
    return _glossary


def concepts_in(text: str, language: str) -> set[str]:
    """Glossary concept ids whose terms occur in `text` (written in `language`)."""
    return set(glossary().find(concept_stream(text, language), language))


def concept_label(concept: str, language: str) -> str:
    """The glossary's first term for `concept` in `language` (the id if it is unknown)."""
    entry = glossary().concepts.get(concept)
    if entry is None or not entry.terms.get(language):
        return concept
    return entry.terms[language][0]
