"""Glossary-assisted reading: the domain terms of a text that the concept glossary knows, where
they are in the text, and what they are called in the reader's language ("kho lạnh" ->
"冷凍倉庫"), so that a reader without a translation gets the gist.

Terms are matched as the glossary matches them (`Glossary.matches` on the concept stream of
text.py: vi syllables, ja Sudachi mode A forms, en stemmed words; longest first, no overlaps,
left to right), with two limits a reader needs and ranking does not:

- a term covers whole words: en/vi words and, for Japanese, whole mode C words, so that
  調達 (procurement) is not found in 資金調達 (fund raising) nor 港 (port) in 港区 (a ward);
- a term stays inside one phrase: between its words only spaces, hyphens, "&", "/" or "・",
  so that "cold. Chain" is not a cold chain ("4.0" is one word).

The equivalent shown is the direct one when `gist_equivalents.csv` lists the matched term (its
rows are terms of one concept that translate each other: kho lạnh · 冷凍倉庫 · cold storage),
otherwise the concept's first term in the reader's language. A term the reader's language
writes the same way (AI, IoT, ODA, "logistics" for an English reader) is left unmarked.

Spans are character offsets into the text as given (before NFC/NFKC normalisation), so that a
page marks the author's own characters. Only the first `GIST_MAX_CHARS` characters are read.
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kakehashi.matching.engine.glossary import _split, glossary
from kakehashi.matching.engine.text import LANGUAGES, concept_stream, normalise, stem

GIST_MAX_CHARS = 6000  # a proposal's description is at most 4,000

# What may stand between two words of one term as written.
_JOINERS = frozenset(" \t\u00a0\u3000-\u2010\u2011&/・")
# Characters that belong to the character before them (a combining mark, a half-width
# (semi-)voiced sound mark): normalised together so that offsets map back.
_HALF_WIDTH_MARKS = frozenset("\uff9e\uff9f")
_WORD_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class GistTerm:
    start: int  # offset of the first character in the text
    end: int  # offset after the last character
    text: str  # the term as written in the text
    concept: str  # the glossary concept id
    equivalent: str  # what the reader's language calls it


@dataclass(frozen=True)
class _Token:
    form: str  # as the glossary keys it
    start: int  # offsets in the normalised text
    end: int
    word_start: bool = True  # begins a word (for Japanese, a mode C word)
    word_end: bool = True


def _normalised_with_offsets(text: str, form: str) -> tuple[str, list[int], list[int]]:
    """`text` normalised to `form` (NFC or NFKC), and for each of its characters the span
    (start, end) in `text` of the characters it came from."""
    pieces, starts, ends = [], [], []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or text[j] in _HALF_WIDTH_MARKS):
            j += 1
        piece = unicodedata.normalize(form, text[i:j])
        pieces.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(pieces), starts, ends


def _latin_tokens(normalised: str, language: str) -> list[_Token]:
    tokens = []
    for m in _WORD_RE.finditer(normalised):
        word = normalise(m.group(), language)
        tokens.append(_Token(stem(word) if language == "en" else word, m.start(), m.end()))
    return tokens


def _ja_tokens(normalised: str) -> list[_Token]:
    from sudachipy import SplitMode

    from kakehashi.matching.engine.text import _JA_SKIP_POS, _tokenizer

    tokens = []
    for word in _tokenizer().tokenize(normalised):
        if word.part_of_speech()[0] in _JA_SKIP_POS:
            continue
        parts = word.split(SplitMode.A) or [word]
        parts = [p for p in parts if p.normalized_form().strip()]
        for k, part in enumerate(parts):
            tokens.append(
                _Token(
                    part.normalized_form().lower(),
                    part.begin(),
                    part.end(),
                    word_start=k == 0,
                    word_end=k == len(parts) - 1,
                )
            )
    return tokens


def _joined(text: str, end: int, start: int) -> bool:
    """Whether two words of one term may stand apart as `text[end:start]` ("4.0" too)."""
    gap = text[end:start]
    if gap == ".":
        return text[end - 1].isdigit() and text[start].isdigit()
    return set(gap) <= _JOINERS


def gist_terms(text: str, language: str, reader: str) -> tuple[GistTerm, ...]:
    """The glossary terms of `text` (written in `language`) with their equivalents in
    `reader`'s language, in order of appearance; () when the two languages are one."""
    if not text or language == reader or language not in LANGUAGES or reader not in LANGUAGES:
        return ()
    return _gist_terms(text[:GIST_MAX_CHARS], language, reader, len(text) > GIST_MAX_CHARS)


@lru_cache(maxsize=512)
def _gist_terms(text: str, language: str, reader: str, cut: bool) -> tuple[GistTerm, ...]:
    normalised, starts, ends = _normalised_with_offsets(text, "NFKC" if language == "ja" else "NFC")
    tokens = _ja_tokens(normalised) if language == "ja" else _latin_tokens(normalised, language)
    if cut:  # the last word may be a piece of a longer one ("Port|ugal")
        tokens = [t for t in tokens if t.end < len(normalised)]

    def accept(i: int, j: int) -> bool:
        if not (tokens[i].word_start and tokens[j - 1].word_end):
            return False
        return all(_joined(normalised, tokens[k].end, tokens[k + 1].start) for k in range(i, j - 1))

    found = []
    forms = tuple(t.form for t in tokens)
    for i, j, concept, key in glossary().matches(forms, language, accept):
        start, end = starts[tokens[i].start], ends[tokens[j - 1].end - 1]
        written = text[start:end]
        equivalent = equivalent_term(concept, key, language, reader)
        if _same_word(written, equivalent) or _written_alike(written, concept, reader):
            continue
        found.append(GistTerm(start, end, written, concept, equivalent))
    return tuple(found)


def _fold(term: str) -> str:
    return unicodedata.normalize("NFKC", term).casefold()


def _same_word(written: str, equivalent: str) -> bool:
    return _fold(written) == _fold(equivalent)


def _written_alike(written: str, concept: str, reader: str) -> bool:
    """Whether the reader's language has the term as written (AI, IoT, "logistics")."""
    return any(_same_word(written, t) for t in glossary().concepts[concept].terms[reader])


# -- direct equivalents ------------------------------------------------------------------------


@dataclass(frozen=True)
class EquivalentRow:
    concept: str
    terms: dict  # language -> tuple of terms, the first the one shown


def load_equivalents(path=None) -> list[EquivalentRow]:
    """The rows of `gist_equivalents.csv` (`concept,en,vi,ja`, synonyms separated by "|")."""
    if path is None:
        source = resources.files("kakehashi.matching.engine").joinpath("gist_equivalents.csv")
        text = source.read_text(encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    return [
        EquivalentRow(
            concept=row["concept"].strip(),
            terms={language: _split(row[language] or "") for language in LANGUAGES},
        )
        for row in csv.DictReader(text.splitlines())
    ]


_lock = threading.Lock()
_equivalents: dict | None = None


def _equivalent_index() -> dict:
    """(concept, language, term key) -> the row that lists the term."""
    global _equivalents
    if _equivalents is None:
        with _lock:
            if _equivalents is None:
                index = {}
                for row in load_equivalents():
                    for language in LANGUAGES:
                        for term in row.terms[language]:
                            key = (row.concept, language, concept_stream(term, language))
                            index.setdefault(key, row)
                _equivalents = index
    return _equivalents


def equivalent_term(concept: str, key: tuple[str, ...], language: str, reader: str) -> str:
    """What `reader`'s language calls the term `key` (a concept stream in `language`) of
    `concept`: the direct equivalent when one is listed, else the concept's first term."""
    row = _equivalent_index().get((concept, language, tuple(key)))
    if row is not None and row.terms[reader]:
        return row.terms[reader][0]
    terms = glossary().concepts[concept].terms[reader]
    return terms[0] if terms else concept
