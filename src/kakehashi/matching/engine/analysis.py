"""What the engine reads of a document or a free-text query: its terms and concepts
(`analyse`) and its vector (`embed_documents`, `prepare_search`). Neither needs an index, so
the index (index.py) and the ranking (ranking.py) both build on this module."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kakehashi.common.language import detect_language
from kakehashi.matching.engine.embedding import Embedder, LexicalEmbedder
from kakehashi.matching.engine.glossary import glossary
from kakehashi.matching.engine.latent import LatentTerms
from kakehashi.matching.engine.model import Document
from kakehashi.matching.engine.text import concept_stream, index_terms


@dataclass(frozen=True)
class Analysis:
    language: str
    terms: Counter  # BM25 terms with counts (title, text and keywords)
    concepts: frozenset[str]  # glossary concepts found in the text
    expanded: frozenset[str]  # the concepts and their broader concepts


def document_text(doc: Document) -> str:
    parts = [doc.title, doc.text]
    if doc.keywords:
        parts.append(", ".join(doc.keywords))
    return "\n".join(p for p in parts if p and p.strip())


def analyse(doc: Document) -> Analysis:
    """The terms and concepts of a document: of its own text and of each translation, each
    read in its language (a Japanese reader's words find a Vietnamese proposal through its
    Japanese translation)."""
    text = document_text(doc)
    language = doc.language or detect_language(text)
    terms = Counter(index_terms(text, language))
    concepts = set(glossary().find(concept_stream(text, language), language))
    for translation in doc.translations:
        words = "\n".join(p for p in (translation.title, translation.text) if p.strip())
        terms.update(index_terms(words, translation.language))
        concepts.update(
            glossary().find(concept_stream(words, translation.language), translation.language)
        )
    concepts = frozenset(concepts)
    return Analysis(
        language=language,
        terms=terms,
        concepts=concepts,
        expanded=frozenset(glossary().expand(concepts)),
    )


def analysis_to_json(analysis: Analysis) -> dict:
    return {
        "language": analysis.language,
        "terms": dict(sorted(analysis.terms.items())),
        "concepts": sorted(analysis.concepts),
    }


def analysis_from_json(data: dict) -> Analysis:
    concepts = frozenset(data["concepts"])
    return Analysis(
        language=data["language"],
        terms=Counter(data["terms"]),
        concepts=concepts,
        expanded=frozenset(glossary().expand(concepts)),
    )


def embed_documents(
    embedder: Embedder, documents: Sequence[Document], analyses: Sequence[Analysis] | None = None
) -> np.ndarray:
    """The passage vectors of documents, as `add()` computes them (one row each), so that a
    caller can store them and later add the documents without embedding again."""
    analyses = analyses or [analyse(doc) for doc in documents]
    return _embed(
        embedder,
        [document_text(d) for d in documents],
        [a.language for a in analyses],
        query=False,
    )


def embed_documents_latent(
    embedder: Embedder, documents: Sequence[Document], analyses: Sequence[Analysis] | None = None
) -> tuple[np.ndarray, LatentTerms | None]:
    """`embed_documents` and the documents' latent terms (latent.py), from the same pass of
    the model; None for the terms with an embedder that has none."""
    analyses = analyses or [analyse(doc) for doc in documents]
    read = getattr(embedder, "embed_latent", None)
    if read is None:
        return embed_documents(embedder, documents, analyses), None
    vectors, terms = read([document_text(d) for d in documents])
    return np.asarray(vectors, dtype=np.float32), terms


def _embed(embedder, texts, languages, *, query: bool) -> np.ndarray:
    if isinstance(embedder, LexicalEmbedder):
        return embedder.embed(texts, query=query, languages=languages)
    return np.asarray(embedder.embed(texts, query=query), dtype=np.float32)


SEARCH_ID = "\x00search"


@dataclass(frozen=True)
class PreparedQuery:
    """A free-text query analysed and embedded (`prepare_search`): neither needs the index,
    so a caller can do both, the slow part of a search, before it takes the index."""

    document: Document
    analysis: Analysis
    vector: np.ndarray
    embedder: Embedder


def prepare_search(embedder: Embedder, text: str, language: str | None = None) -> PreparedQuery:
    query = Document(id=SEARCH_ID, title="", text=text, language=language)
    analysis = analyse(query)
    vector = _embed(embedder, [document_text(query)], [analysis.language], query=True)[0]
    vector = np.array(vector, dtype=np.float32)
    vector.setflags(write=False)
    return PreparedQuery(query, analysis, vector, embedder)
