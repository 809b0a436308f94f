"""Why the train half's cross-lingual units miss on held-out folds, and whether the blend
overfits (issue 15 part 2, sixth pass):

    OMP_NUM_THREADS=1 .venv/bin/python bench/matching_failures.py [--cache DIR] [--seeds N]

On the train half only (`matching_data.split`), with the two-fold cross-validation of
bench/matching_fit.py (the cached index and candidates of bench/matching_reading.py):

1. **failures**: every cross-lingual unit whose counterpart is not first on its held-out fold
   (each of the CV_SEEDS deals), with the proposal that wins, its language (the query's, the
   counterpart's or a third), whether it is one of the unit's hard negatives, and the three
   components that give it its lead over the best counterpart.
2. **wants**: the fitted blends of the folds with one want's weight raised (direction, wanted
   country or locality, target locality, border, partnership types, kind): held-out units
   won (first place gained) and lost, and MRR.
3. **blends**: held-out and in-sample MRR of blends with a stronger or weaker L2 penalty,
   fewer components, and a bagged fit (the mean of 8 fits on half the fold's queries each);
   and, over `--seeds` deals, the paired gain of the concepts counted again where the kinds
   answer each other (`complementary_concepts`) with a bootstrap interval over queries.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_fit  # noqa: E402
import matching_reading  # noqa: E402

CORE = ["kind", "semantic", "semantic_cross", "lexical", "concepts", "sectors", "latent"]
WANTS = ("direction", "wanted_country", "wanted_locality", "target_locality", "cross_border")


def fold_runs(units, keys, fitter, seeds):
    """(seed, held-out fold, fitted weight vector) of each deal and fold."""
    for seed in seeds:
        fold = matching_fit.deal(keys, seed)
        for held in (0, 1):
            chosen = [(u, k) for u, k in zip(units, keys, strict=True) if fold[k[0]] != held]
            yield fold, held, fitter([u for u, _ in chosen], [k for _, k in chosen])


def failures(bench, names, units, keys, rows, fitted) -> None:
    by_id = bench.evalset.by_id()
    found, causes = Counter(), {}
    for fold, held, vector in fitted:
        for (features, relevant), (query, pair), (ids, unit) in zip(units, keys, rows, strict=True):
            if fold[query] != held or pair[:2] == pair[-2:]:
                continue
            scores = features @ vector
            first = int(np.argsort(-scores, kind="stable")[0])
            if relevant[first]:
                continue
            best = max(np.flatnonzero(relevant), key=lambda i: scores[i])
            winner, mine, theirs = by_id[ids[first]], by_id[query], by_id[ids[best]]
            language = (
                "query's language"
                if winner["language"] == mine["language"]
                else "counterpart's language"
                if winner["language"] == theirs["language"]
                else "third language"
            )
            gaps = (features[first] - features[best]) * vector
            lead = sorted(zip(names, gaps, strict=True), key=lambda x: -x[1])
            key = (pair, query, ids[first])
            found[key] += 1
            causes[key] = (language, dict(unit.hard_negatives).get(ids[first]), lead[:3])
    print(f"## Failures: {sum(found.values())} over the deals, {len(found)} units and winners\n")
    for (pair, query, winner), count in sorted(found.items(), key=lambda x: (-x[1], x[0])):
        language, negative, lead = causes[(pair, query, winner)]
        parts = ", ".join(f"{n} {v:+.3f}" for n, v in lead)
        trap = f", hard negative ({negative})" if negative else ""
        print(f"- {pair} {query}: {winner} first in {count} folds, {language}{trap}; lead: {parts}")
    print("\nBy the winner's language:", dict(Counter(c[0] for c in causes.values())))


def figures(units, keys, fitted, add=None):
    """Held-out MRR (cross-lingual, same language), recall@10 (all units), first places won and
    lost against the plain fitted blends."""
    won = lost = 0
    found: dict[str, list] = {"cross": [], "same": []}
    for fold, held, vector in fitted:
        other = vector if add is None else add(vector)
        for unit, (query, pair) in zip(units, keys, strict=True):
            if fold[query] != held:
                continue
            before, _ = matching_fit.unit_figures(vector, *unit)
            rr, recall = matching_fit.unit_figures(other, *unit)
            found["cross" if pair[:2] != pair[-2:] else "same"].append((rr, recall))
            won += before < 1 and rr == 1
            lost += before == 1 and rr < 1
    mrr = {g: float(np.mean([f[0] for f in v])) for g, v in found.items()}
    recall = float(np.mean([f[1] for v in found.values() for f in v]))
    return mrr, recall, won, lost


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default="/tmp/kakehashi-matching-reading")
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args(argv)
    bench = matching_reading.Bench(Path(args.cache))
    names = list(bench.names)
    start = dict(bench.engine.BASELINE_WEIGHTS)
    units, keys = bench.units(names, None)
    rows = []
    for unit in bench.evalset.units:
        if bench.halves[unit.query] == "train":
            ids = [i for i, _ in bench.candidates[unit.query] if i not in unit.excluded]
            if any(i in unit.relevant for i in ids):
                rows.append((ids, unit))

    def plain(l2=matching_fit.L2, keep=None):
        def fitter(chosen, _keys):
            if keep is None:
                weights = matching_fit.fit(names, chosen, start, l2)
                return np.array([weights[n] for n in names])
            columns = [names.index(n) for n in keep]
            sub = [(f[:, columns], r) for f, r in chosen]
            weights = matching_fit.fit(keep, sub, {n: start[n] or 0.02 for n in keep}, l2)
            return np.array([weights.get(n, 0.0) for n in names])

        return fitter

    def bagged(chosen, chosen_keys):
        rng = np.random.default_rng(0)
        queries = sorted({q for q, _ in chosen_keys})
        found = []
        for _ in range(8):
            pick = set(rng.choice(queries, size=len(queries) // 2, replace=False))
            sub = [u for u, (q, _) in zip(chosen, chosen_keys, strict=True) if q in pick]
            weights = matching_fit.fit(names, sub, start, matching_fit.L2)
            found.append([weights[n] for n in names])
        return np.mean(found, axis=0)

    fitted = list(fold_runs(units, keys, plain(), matching_fit.CV_SEEDS))
    failures(bench, names, units, keys, rows, fitted)

    print("\n## Wants raised on the folds' blends (first places won / lost, held-out MRR)\n")
    for name in (*WANTS, "partnership_types", "kind"):
        for extra in (0.02, 0.05, 0.1):

            def add(vector, n=name, e=extra):
                raised = vector.copy()
                raised[names.index(n)] += e
                return raised

            mrr, recall, won, lost = figures(units, keys, fitted, add)
            print(
                f"- {name} +{extra}: won {won}, lost {lost}; cross-lingual {mrr['cross']:.3f}, "
                f"same language {mrr['same']:.3f}, recall@10 {recall:.3f}"
            )

    print("\n## Blends (held-out MRR cross-lingual / same language, in-sample in brackets)\n")
    blends = {
        f"L2 {matching_fit.L2} (the engine's)": plain(),
        **{f"L2 {l2}": plain(l2) for l2 in (0.0003, 0.003, 0.01, 0.03)},
        "7 components (" + ", ".join(CORE) + ")": plain(keep=CORE),
        "7 components + cross_border, direction, wanted_country": plain(
            keep=[*CORE, "cross_border", "direction", "wanted_country"]
        ),
        "bagged: mean of 8 fits on half the fold's queries": bagged,
    }
    for label, fitter in blends.items():
        runs = list(fold_runs(units, keys, fitter, matching_fit.CV_SEEDS))
        mrr, recall, _, _ = figures(units, keys, runs)
        inside = in_sample(units, keys, runs)
        print(
            f"- {label}: {mrr['cross']:.3f} / {mrr['same']:.3f} "
            f"({inside['cross']:.3f} / {inside['same']:.3f}), recall@10 {recall:.3f}"
        )
    if "complementary_concepts" in names:
        paired(units, keys, names, plain(), range(args.seeds))
    return 0


def paired(units, keys, names, fitter, seeds) -> None:
    """The held-out gain of `complementary_concepts` per unit, each deal's blends fitted with
    and without it (its column at 0), with a 90 % bootstrap interval over queries."""
    column = names.index("complementary_concepts")
    without = []
    for features, relevant in units:
        features = features.copy()
        features[:, column] = 0.0
        without.append((features, relevant))
    gains = np.zeros((len(seeds), len(units)))
    for s, seed in enumerate(seeds):
        runs = zip(
            fold_runs(units, keys, fitter, [seed]),
            fold_runs(without, keys, fitter, [seed]),
            strict=True,
        )
        for (fold, held, vector), (_, _, base) in runs:
            for j, (query, _) in enumerate(keys):
                if fold[query] == held:
                    rr, _ = matching_fit.unit_figures(vector, *units[j])
                    old, _ = matching_fit.unit_figures(base, *without[j])
                    gains[s, j] = rr - old
    cross = np.array([p[:2] != p[-2:] for _, p in keys])
    mean = gains.mean(axis=0)
    by_query: dict[str, list[int]] = {}
    for j, (query, _) in enumerate(keys):
        if cross[j]:
            by_query.setdefault(query, []).append(j)
    queries = list(by_query)
    rng = np.random.default_rng(0)
    boots = []
    for _ in range(2000):
        drawn = rng.choice(len(queries), len(queries))
        boots.append(mean[[j for q in drawn for j in by_query[queries[q]]]].mean())
    low, high = np.percentile(boots, [5, 95])
    per_deal = gains[:, cross].mean(axis=1)
    print(
        f"\n## complementary_concepts, {len(seeds)} deals: cross-lingual gain "
        f"{mean[cross].mean():+.4f} (90 % interval {low:+.4f} to {high:+.4f}; positive in "
        f"{(per_deal > 0).sum()} deals, negative in {(per_deal < 0).sum()}), same language "
        f"{mean[~cross].mean():+.4f}; units better / worse {(mean[cross] > 0).sum()} / "
        f"{(mean[cross] < 0).sum()}"
    )


def in_sample(units, keys, runs) -> dict[str, float]:
    found: dict[str, list] = {"cross": [], "same": []}
    for fold, held, vector in runs:
        for unit, (query, pair) in zip(units, keys, strict=True):
            if fold[query] != held:
                rr, _ = matching_fit.unit_figures(vector, *unit)
                found["cross" if pair[:2] != pair[-2:] else "same"].append(rr)
    return {g: float(np.mean(v)) for g, v in found.items()}


if __name__ == "__main__":
    sys.exit(main())
