"""Fit the matching engine's blend (engine/weights.py) on the train half of the labelled set:

    .venv/bin/python bench/matching_fit.py [--write] [--cv] [--l2 L2]

1. Indexes the labelled set (bench/data/matching/) and, for every query of the train half
   (`matching_data.split`, seed SPLIT_SEED), takes the components of every candidate that a
   full ranking of its top 100 considers (`ranking.candidate_components`). The test half is
   never read.
2. Logistic regression on pairwise preferences: for each train unit, each counterpart against
   each other candidate is a pair (the difference of their components), and the weights
   minimise the mean logistic loss of "the counterpart scores higher", each unit weighing the
   same whatever its number of candidates. Plain gradient descent in numpy from
   10 x BASELINE_WEIGHTS, ITERATIONS steps of STEP, weights kept non-negative, an L2
   penalty of L2 on the components the set exercises: deterministic. Components the labelled
   set never exercises (the relationship context, keywords) get no gradient and keep their
   hand-set value before the weights are scaled to sum 1.
3. Prints the weights scaled to sum 1 and rounded to three decimals; --write stores them in
   bench/data/matching/fitted_weights.json, to be copied into engine/weights.py (a test checks
   that the two agree).

Why this method: on a two-fold cross-validation inside the train half (never the test half),
it gave a higher MRR and recall@10 on the held-out fold (0.777 and 0.984) than a coordinate
search on the MRR itself (0.762 and 0.957), which follows the noise of a step function;
weighting hard negatives more only lowered both, and so did an L2 penalty (0.001, 0.01) then.

Why an L2 penalty now (issue 15, third pass): with the glossary of the second pass and the
semantic_cross component, the unpenalised fit lost recall@10 on the held-out folds of the
same kind of cross-validation (`--cv --l2 0`: vi->vi 0.917, same-language pairs 0.974), the
blend leaning on the components that favour a counterpart across the border or the language.
With L2 = 0.001 (`--cv`) every pair keeps recall@10 1.000 on the held-out folds at about the
same MRR (cross-lingual 0.903 against 0.907, same language 0.911 against 0.911); with
slightly different folds, 0.0003 kept it too and 0.003 lowered the same-language MRR (0.895).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_data  # noqa: E402
import matching_quality  # noqa: E402

FITTED = matching_data.DATA / "fitted_weights.json"
ITERATIONS = 1000
STEP = 5.0
L2 = 0.001
CV_SEEDS = (0, 1, 2)  # --cv: two folds of the train half's queries, dealt three ways
# Least shares of the blend (issue 15 part 2, sixth pass). The locality a proposal asks for
# decides between two otherwise identical proposals (the same offer from the locality sought
# and from another: tests/matching/engine/test_blend.py); the labelled set gives the fit
# almost no case of it (both of the train half's wrong-locality traps are beaten without
# it), so the fit left it at 0.003 and then, with complementary_concepts, at 0. Held at
# 0.003 it changes no held-out figure of `--cv` (a tie-breaker, not a signal).
FLOORS = {"target_locality": 0.003}


def train_units(evalset, engine_module):
    """(names, [(features, relevant mask)], [(query, language pair)]) of the train half's
    units."""
    from kakehashi.matching.engine.ranking import candidate_components

    index, documents = matching_quality.evaluation_index(
        evalset, engine_module, engine_module.default_embedder()
    )
    halves = matching_data.split(evalset)
    names = list(engine_module.BASELINE_WEIGHTS)
    units, keys = [], []
    cache = {}
    for unit in evalset.units:
        if halves[unit.query] != "train":
            continue
        if unit.query not in cache:
            cache[unit.query] = candidate_components(
                index, documents[unit.query], k=matching_quality.MRR_DEPTH
            )
        rows = [(i, parts) for i, parts in cache[unit.query] if i not in unit.excluded]
        features = np.array([[parts.get(n, 0.0) for n in names] for _, parts in rows])
        relevant = np.array([i in unit.relevant for i, _ in rows])
        if relevant.any():
            units.append((features, relevant))
            keys.append((unit.query, unit.pair))
    return names, units, keys


def mean_rr(weights: np.ndarray, units) -> float:
    total = 0.0
    for features, relevant in units:
        scores = features @ weights
        rank = 1 + int((scores > scores[relevant].max()).sum())
        total += 1 / rank if rank <= matching_quality.MRR_DEPTH else 0.0
    return total / len(units)


def unit_figures(weights: np.ndarray, features, relevant) -> tuple[float, float]:
    """(reciprocal rank, recall@10) of one unit under a blend."""
    scores = features @ weights
    rank = 1 + int((scores > scores[relevant].max()).sum())
    top = np.argsort(-scores, kind="stable")[: matching_quality.CUTOFF]
    return (1 / rank if rank <= matching_quality.MRR_DEPTH else 0.0), relevant[top].sum() / (
        relevant.sum()
    )


def cross_validate(names, units, keys, start: dict, l2: float) -> dict[str, tuple]:
    """Two-fold cross-validation inside the train half: its queries dealt into two folds
    (within each language pair, by the SHA-256 of "seed:query"), a blend fitted on each fold
    and measured on the other, for each seed of CV_SEEDS. (MRR, recall@10, units) of the
    held-out folds per language pair, cross-lingual, same language and all."""
    found: dict[str, list] = {}
    for seed in CV_SEEDS:
        fold = deal(keys, seed)
        for held in (0, 1):
            chosen = [u for u, (q, _) in zip(units, keys, strict=True) if fold[q] != held]
            weights = fit(names, chosen, start, l2)
            vector = np.array([weights[n] for n in names])
            for unit, (query, pair) in zip(units, keys, strict=True):
                if fold[query] == held:
                    cross = "cross-lingual" if pair[:2] != pair[-2:] else "same language"
                    for group in (pair, cross, "all"):
                        found.setdefault(group, []).append(unit_figures(vector, *unit))
    return {
        group: (
            round(float(np.mean([f[0] for f in figures])), 3),
            round(float(np.mean([f[1] for f in figures])), 3),
            len(figures) // len(CV_SEEDS),
        )
        for group, figures in sorted(found.items())
    }


def deal(keys, seed: int) -> dict[str, int]:
    """The fold (0 or 1) of each query of `keys` ((query, language pair) of each unit): within
    the language pair of its first unit, by the SHA-256 of "seed:query"."""
    pairs: dict[str, list[str]] = {}  # queries by the pair of their first unit
    for query, pair in dict(reversed(keys)).items():
        pairs.setdefault(pair, []).append(query)
    fold = {}
    for queries in pairs.values():
        ordered = sorted(queries, key=lambda q: hashlib.sha256(f"{seed}:{q}".encode()).hexdigest())
        fold.update({q: n % 2 for n, q in enumerate(ordered)})
    return fold


def fit(names, units, start: dict, l2: float = L2) -> dict[str, float]:
    differences, shares = [], []
    for features, relevant in units:
        others = features[~relevant]
        for counterpart in features[relevant]:
            differences.append(counterpart - others)
            shares.append(np.full(len(others), 1 / (len(others) * relevant.sum())))
    pairs = np.vstack(differences)
    share = np.concatenate(shares)
    share /= share.sum()
    weights = 10 * np.array([start[n] for n in names], dtype=np.float64)
    exercised = np.abs(pairs).sum(axis=0) > 0  # the others are left as they start
    floors = np.array([FLOORS.get(n, 0.0) for n in names])
    for _ in range(ITERATIONS):
        margin = pairs @ weights
        gradient = -(pairs * (share / (1 + np.exp(margin)))[:, None]).sum(axis=0)
        gradient += l2 * weights * exercised
        weights = np.maximum(weights - STEP * gradient, 0.0)
        weights = np.maximum(weights, floors * weights.sum())  # FLOORS, as shares
    scaled = np.round(weights / weights.sum(), 3)
    scaled[int(np.argmax(scaled))] += round(1 - scaled.sum(), 3)  # exactly 1 after rounding
    return {n: float(round(w, 3)) for n, w in zip(names, scaled, strict=True)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"store them in {FITTED.name}")
    parser.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    parser.add_argument(
        "--cv", action="store_true", help="print a two-fold cross-validation inside the train half"
    )
    args = parser.parse_args(argv)
    from kakehashi.matching import engine as engine_module

    evalset = matching_data.load(minimums=False)
    names, units, keys = train_units(evalset, engine_module)
    start = dict(engine_module.BASELINE_WEIGHTS)
    if args.cv:
        for group, (mrr, recall, count) in cross_validate(
            names, units, keys, start, args.l2
        ).items():
            print(f"{group:14s} units {count:3d}  MRR {mrr:.3f}  recall@10 {recall:.3f}")
        return 0
    weights = fit(names, units, start, args.l2)
    figures = {
        "split_seed": matching_data.SPLIT_SEED,
        "l2": args.l2,
        "train_units": len(units),
        "train_mrr_before": round(mean_rr(np.array([start[n] for n in names]), units), 4),
        "train_mrr_fitted": round(mean_rr(np.array([weights[n] for n in names]), units), 4),
        "weights": weights,
    }
    print(json.dumps(figures, indent=1))
    if args.write:
        FITTED.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
