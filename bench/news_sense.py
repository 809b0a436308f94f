"""Fit the news engine's reading of a priority list by its meaning (facts/partner_sense.py):

    .venv/bin/python bench/news_sense.py [--write]

1. Reads bench/data/news-sense/sentences.jsonl: the sentences that name two places or more of
   one country (partner_shape.members_of) in the dev half of the labelled set (bench/data/
   news/, `news_data.split`) and in the blind snippet rounds 1-9 (tests/news/engine/
   snippets/), each labelled by a person who read it in its context: 1 when it tells that a
   locality chose, keeps or focuses on places of the other country as its partners, 0
   otherwise, 2 when it only names the members of a list told in the sentence before (taken
   as 0: alone, it tells no choice). The held-out half of the labelled set is never read; the
   snippet round 10 was written after the fit and measures it.
2. Embeds each sentence with its places written "X" (`masked`: the wording, not the names)
   with the engine's multilingual model (query side), and fits a logistic regression by
   Newton's method on the standardised vectors (scaled by 0.05) with an L2 penalty of L2.
   Deterministic.
3. Prints, for each group left out of the fit in turn (the dev half, each round), the share of
   its sentences read as lists at THRESHOLD, positives and negatives apart, and among the
   sentences that have no word of priority (those the engine gives the model); --write stores
   the weights folded back to the raw vector (385 float32: 384 weights, the bias) in
   src/kakehashi/news/engine/facts/partner_sense.npy.

Why L2 = 0.03 and THRESHOLD = 0.9: on the groups left out in turn, end to end (the snippets
scored with the engine, the model fitted without their round), 0.9 added the lists of rounds
6, 8 and 9 that the rules missed (+5 of 158) with no false list more, where 0.7 and 0.8 added
one more but also 3 false lists; smaller penalties read more negatives as lists, larger ones
fewer positives (docs/benchmarks.md, news section).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from kakehashi.matching.engine.embedding import default_embedder  # noqa: E402
from kakehashi.news.engine.facts import partner_sense  # noqa: E402

DATA = ROOT / "bench" / "data" / "news-sense" / "sentences.jsonl"
L2 = 0.03
SCALE = 0.05


def load() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]


def fit(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The weights on the raw vectors and the bias (the standardisation folded in)."""
    mean, spread = vectors.mean(0), vectors.std(0)
    spread[spread == 0] = 1.0
    design = np.hstack([(vectors - mean) / spread * SCALE, np.ones((len(vectors), 1))])
    weights = np.zeros(design.shape[1])
    penalty = L2 * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0  # (the bias is not penalised)
    for _ in range(25):
        chance = 1 / (1 + np.exp(-design @ weights))
        hessian = (design * (chance * (1 - chance))[:, None]).T @ design + penalty
        weights -= np.linalg.solve(hessian, design.T @ (chance - labels) + penalty @ weights)
    raw = weights[:-1] * SCALE / spread
    return np.r_[raw, weights[-1] - raw @ mean].astype(np.float32)


def chance(weights: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(vectors @ weights[:-1] + weights[-1])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the weights of the fit")
    args = parser.parse_args()
    rows = load()
    embedder = default_embedder()
    print(f"{len(rows)} sentences; embedder {embedder.name}")
    vectors = embedder.embed([row["masked"] for row in rows], query=True)
    labels = np.array([1.0 if row["label"] == 1 else 0.0 for row in rows])
    groups = np.array([row["group"] for row in rows])
    wordless = np.array([not partner_sense.PRIORITY_WORD.search(row["sentence"]) for row in rows])
    threshold = partner_sense.THRESHOLD
    print(f"left out in turn, read as lists at {threshold} (positives, negatives):")
    print(
        "| group | sentences | all: positives | all: negatives | no word of priority: "
        "positives | no word of priority: negatives |"
    )
    print("|---|---|---|---|---|---|")
    for group in sorted(set(groups), key=lambda g: (g != "dev", len(g), g)):
        out = groups == group
        read = chance(fit(vectors[~out], labels[~out]), vectors[out]) >= threshold
        cells = []
        for part in (np.ones(out.sum(), bool), wordless[out]):
            for label in (1.0, 0.0):
                mask = part & (labels[out] == label)
                cells.append(f"{int((read & mask).sum())} of {int(mask.sum())}")
        print(f"| {group} | {out.sum()} | " + " | ".join(cells) + " |")
    weights = fit(vectors, labels)
    if args.write:
        np.save(partner_sense.WEIGHTS, weights)
        print(f"written: {partner_sense.WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
