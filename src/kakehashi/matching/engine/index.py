"""MatchingIndex: documents, their analyses, a dense vector matrix, BM25 and concept postings.

Every document lives in a slot. Adding appends a slot (replacing an id frees its old slot);
removing frees a slot at once (it is masked everywhere), and the index compacts itself when more
than half the slots are free. The vector matrix grows by doubling, so adding one document is
amortised O(1). Ranking is in `ranking.py`, the analysis of a text in `analysis.py` (neither
imports this module), what the index reads of meaning (vectors, latent terms) in `meaning.py`.

An index loaded from a snapshot (snapshot.py) keeps the snapshot's slots in read-only,
memory-mapped arrays shared by every process that loads it (storage.py) and adds and removes on
top of them; an index built in memory has an empty base.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from kakehashi.matching.engine import latent, ranking
from kakehashi.matching.engine.analysis import (
    SEARCH_ID,
    Analysis,
    PreparedQuery,
    _embed,
    analyse,
    analysis_from_json,
    analysis_to_json,
    document_text,
    embed_documents,
    embed_documents_latent,
    prepare_search,
)
from kakehashi.matching.engine.centring import language_code
from kakehashi.matching.engine.embedding import Embedder, default_embedder
from kakehashi.matching.engine.latent import LatentTerms
from kakehashi.matching.engine.meaning import Meaning, semantic_state
from kakehashi.matching.engine.model import Document, Match
from kakehashi.matching.engine.postings import Postings
from kakehashi.matching.engine.slotcodes import SlotCodes
from kakehashi.matching.engine.slotfacets import SlotFacets
from kakehashi.matching.engine.storage import Rows

# Re-exported: callers import them from here since before analysis.py.
__all__ = [
    "SEARCH_ID",
    "Analysis",
    "MatchingIndex",
    "PreparedQuery",
    "analyse",
    "analysis_from_json",
    "analysis_to_json",
    "document_text",
    "embed_documents",
    "embed_documents_latent",
    "prepare_search",
    "semantic_state",
]

logger = logging.getLogger(__name__)
FORMAT_VERSION = 1


class MatchingIndex(Meaning):
    def __init__(self, embedder: Embedder | None = None):
        self.embedder = embedder if embedder is not None else default_embedder()
        self._init_storage()

    def _init_storage(self, capacity: int = 1024) -> None:
        self._ids: list[str | None] = []
        self._docs: list[Document | None] = []
        self._analyses: list[Analysis | None] = []
        self._slot_of: dict[str, int] = {}
        self._vectors = Rows(self.embedder.dim, capacity)
        # Each slot's latent terms (latent.py): zeros for a slot added without them.
        self._latent_indices = Rows(latent.TERMS, capacity, dtype=np.uint16)
        self._latent_values = Rows(latent.TERMS, capacity, dtype=np.float16)
        self._alive = np.zeros(capacity, dtype=bool)
        self._languages = np.full(capacity, -1, dtype=np.int8)  # centring.LANGUAGES index
        # Each slot's document's organisation and kind, read without the document (slotcodes.py).
        self._organisations = SlotCodes(capacity)
        self._kinds = SlotCodes(capacity)
        # Its country, locality, sectors and partnership types: a search's facets (slotfacets.py).
        self._facets = SlotFacets(capacity)
        # A snapshot's slots: what the ranking reads of each, without decoding its JSON
        # (slotfacts.py); None for an index built in memory.
        self._facts = None
        self.terms = Postings()
        self.concepts = Postings()
        self._semantic = None  # (language means, centred norms), rebuilt after any change
        self._latent = None  # latent.LatentState, rebuilt after any change
        self.approximate = None  # an ApproximateScan (ann.py), made by build_approximate_scan
        # Per-slot memos of the ranking (ranking.py), valid until the next change: idf and
        # document counts move with every add or remove.
        self.memo: dict = {}

    # -- reading ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, id) -> bool:
        return id in self._slot_of

    def get(self, id) -> Document | None:
        slot = self._slot_of.get(id)
        return None if slot is None else self._docs[slot]

    def facts(self, slot: int):
        """(document, analysis) of a live slot as the ranking reads them: for a snapshot's
        slot, one `Facts` with the fields of both (slotfacts.py), decoded from its codes."""
        facts = self._facts
        if facts is not None and slot < facts.size:
            record = facts.record(slot)
            return record, record
        return self._docs[slot], self._analyses[slot]

    def facts_of(self, id):
        """What `facts` gives of a document for its id (kind, sectors, places, partnership
        types... as on the Document), or None: a filter reads it without decoding JSON."""
        slot = self._slot_of.get(id)
        return None if slot is None else self.facts(slot)[0]

    def ids(self) -> list[str]:
        return sorted(self._slot_of)

    @property
    def size(self) -> int:
        """Number of slots in use or freed since the last compaction."""
        return len(self._ids)

    # -- writing ------------------------------------------------------------------------------
    def add(
        self,
        documents: Iterable[Document],
        *,
        vectors: np.ndarray | None = None,
        analyses: Sequence[Analysis] | None = None,
        terms: LatentTerms | None = None,
    ) -> None:
        """Insert documents, replacing any with the same id (the last of a batch wins).
        `vectors` and `terms` (from `embed_documents_latent`, one row per document) and
        `analyses` (from `analyse`), when given, are used as they are: a process that loads a
        stored index neither embeds nor tokenises again. Vectors given without terms leave
        the documents without latent terms."""
        documents = list(documents)
        if not documents:
            return
        if vectors is not None and len(vectors) != len(documents):
            raise ValueError("one vector per document is needed")
        if analyses is not None and len(analyses) != len(documents):
            raise ValueError("one analysis per document is needed")
        last = {doc.id: position for position, doc in enumerate(documents)}
        keep = sorted(last.values())
        docs = [documents[i] for i in keep]
        analyses = (
            [analyses[i] for i in keep] if analyses is not None else [analyse(d) for d in docs]
        )
        if vectors is None:
            vectors, terms = self._embed_changed(docs, analyses)
        else:
            vectors = np.asarray(vectors, dtype=np.float32)[keep]
            terms = LatentTerms.empty(len(keep)) if terms is None else terms.take(keep)
        self._insert(docs, analyses, vectors, terms)

    def _embed_changed(self, docs, analyses) -> tuple[np.ndarray, LatentTerms]:
        """The passage vectors and latent terms of `docs`: a document indexed already under
        its id with the same embedded text (and language) keeps them, the others are
        embedded (in one batch). Re-indexing an unchanged proposal so costs no model run."""
        vectors = np.empty((len(docs), self.embedder.dim), dtype=np.float32)
        terms = LatentTerms.empty(len(docs))
        changed = []
        for i, (doc, analysis) in enumerate(zip(docs, analyses, strict=True)):
            slot = self._slot_of.get(doc.id)
            if (
                slot is not None
                and self._analyses[slot].language == analysis.language
                and document_text(self._docs[slot]) == document_text(doc)
            ):
                vectors[i] = self._vectors.row(slot)
                terms.indices[i] = self._latent_indices.row(slot)
                terms.values[i] = self._latent_values.row(slot)
            else:
                changed.append(i)
        if changed:
            found, found_terms = embed_documents_latent(
                self.embedder, [docs[i] for i in changed], [analyses[i] for i in changed]
            )
            vectors[changed] = found
            if found_terms is not None:
                terms.indices[changed] = found_terms.indices
                terms.values[changed] = found_terms.values
        return vectors, terms

    def _insert(self, docs, analyses, vectors, terms: LatentTerms | None = None) -> None:
        self.remove(d.id for d in docs if d.id in self._slot_of)
        start = len(self._ids)
        self._reserve(start + len(docs))
        self._vectors.put(start, vectors)
        terms = LatentTerms.empty(len(docs)) if terms is None else terms
        self._latent_indices.put(start, terms.indices)
        self._latent_values.put(start, terms.values)
        self._semantic = None
        self._latent = None
        self.memo = {}
        for offset, (doc, analysis) in enumerate(zip(docs, analyses, strict=True)):
            slot = start + offset
            self._languages[slot] = language_code(analysis.language)
            self._organisations.set(slot, doc.organisation)
            self._kinds.set(slot, doc.kind)
            self._facets.set(slot, doc)
            self._ids.append(doc.id)
            self._docs.append(doc)
            self._analyses.append(analysis)
            self._slot_of[doc.id] = slot
            self._alive[slot] = True
            self.terms.add(slot, analysis.terms)
            self.concepts.add(slot, Counter(analysis.expanded))

    def _reserve(self, needed: int) -> None:
        capacity = len(self._alive)
        if needed <= capacity:
            return
        while capacity < needed:
            capacity *= 2
        self._vectors.reserve(needed)
        self._latent_indices.reserve(needed)
        self._latent_values.reserve(needed)
        alive = np.zeros(capacity, dtype=bool)
        alive[: len(self._ids)] = self._alive[: len(self._ids)]
        languages = np.full(capacity, -1, dtype=np.int8)
        languages[: len(self._ids)] = self._languages[: len(self._ids)]
        self._alive, self._languages = alive, languages
        self._organisations.reserve(capacity)
        self._kinds.reserve(capacity)
        self._facets.reserve(capacity)

    def remove(self, ids: Iterable[str]) -> None:
        """Remove documents by id (unknown ids are ignored); they stop matching at once."""
        for doc_id in list(ids):
            slot = self._slot_of.pop(doc_id, None)
            if slot is None:
                continue
            analysis = self._analyses[slot]
            self.terms.remove(slot, analysis.terms)
            self.concepts.remove(slot, Counter(analysis.expanded))
            self._alive[slot] = False
            self._semantic = None
            self._latent = None
            self.memo = {}
            self._ids[slot] = None
            self._docs[slot] = None
            self._analyses[slot] = None
        if len(self._ids) > 1024 and len(self._slot_of) < len(self._ids) // 2:
            self._compact()

    def _compact(self) -> None:
        slots = [s for s, doc_id in enumerate(self._ids) if doc_id is not None]
        docs = [self._docs[s] for s in slots]
        analyses = [self._analyses[s] for s in slots]
        vectors = self._vectors.take(slots)
        terms = self.latent_terms(slots)
        self._init_storage(capacity=max(1024, 2 * len(slots)))
        self._insert(docs, analyses, vectors, terms)

    # -- ranking ------------------------------------------------------------------------------
    def rank(
        self,
        query: Document,
        *,
        k: int = 10,
        context=None,
        method: str = "full",
        allowed: Callable[[str], bool] | None = None,
        weights: Mapping[str, float] | None = None,
    ) -> list[Match]:
        """Best counterparts for a proposal or organisation (see ranking.py); the query itself
        and documents of its organisation are never returned. method: "full" (the engine),
        "bm25" (keyword baseline) or "embedding" (cosine baseline). `weights` replaces the
        blend of weights.py (a benchmark measures another blend with it)."""
        return ranking.rank(
            self, query, k=k, context=context, method=method, allowed=allowed, weights=weights
        )

    def search(
        self,
        text: str,
        *,
        language: str | None = None,
        k: int = 20,
        allowed: Callable[[str], bool] | None = None,
        prepared: PreparedQuery | None = None,
    ) -> list[Match]:
        """Free-text search across the three languages (tokens, concepts and embeddings).
        `allowed`: a callable on ids, a slotfacets.Facets or a mask over the slots
        (candidates.py). `prepared` (from `prepare_search` for this text and language) saves
        analysing and embedding the text again."""
        return ranking.search(
            self, text, language=language, k=k, allowed=allowed, prepared=prepared
        )

    def prepare_search(self, text: str, language: str | None = None) -> PreparedQuery:
        return prepare_search(self.embedder, text, language)

    def query_parts(self, query: Document, *, as_query: bool) -> tuple[Analysis, np.ndarray]:
        """The analysis and vector of `query`, reused from the index when it holds the very
        same document (as a passage), else computed."""
        slot = self._slot_of.get(query.id)
        if not as_query and slot is not None and self._docs[slot] == query:
            return self._analyses[slot], self._vectors.row(slot)
        analysis = analyse(query)
        vector = _embed(self.embedder, [document_text(query)], [analysis.language], query=as_query)[
            0
        ]
        return analysis, vector

    # -- persistence --------------------------------------------------------------------------
    def save(self, path) -> None:
        """Write the index to a folder: meta.json, documents.json (documents with their
        analyses) and vectors.npy (one row per document, in the same order). See saved.py;
        snapshot.py writes the form that processes load and share."""
        from kakehashi.matching.engine.saved import save

        save(self, path)

    @classmethod
    def load(cls, path, embedder: Embedder | None = None) -> MatchingIndex:
        """Read a folder written by `save()`. Without an embedder, the one the index was built
        with is used; with a different one, the documents are embedded again."""
        from kakehashi.matching.engine.saved import load

        return load(cls, path, embedder)
