"""Readings over the candidate pool and products of components, measured on the train half of
the labelled set (issue 15 part 2, sixth pass):

    OMP_NUM_THREADS=1 .venv/bin/python bench/matching_pool.py [--cache DIR] [--only NAME ...]

Like bench/matching_reading.py (whose cached index and candidates it shares), a variant adds
a component to today's and the blend is fitted and measured on the two-fold cross-validation
inside the train half of bench/matching_fit.py. The test half and the fresh batch are never
read. Variants:

- `mutual`: mutual preference within the pool. For a query q, S is its M candidates that
  read closest to it; a candidate c prefers q when q reads closer to c than the members of S
  do. Meaning is the centred cosine (`sem`), the centred latent cosine (`lat`) or their mean
  (`both`), each z-scored per pair of languages (corpus statistics, no labels). Readings: the
  softmax of c's scores over {q} and S (reverse softmax, temperature tau), the rank of q among
  them, CSLS over S (c's score for q minus the mean of its three best in S, over six), and the
  dual softmax (the geometric mean of the softmax both ways). No scan of the index: S is
  taken from the candidates already chosen, so it costs M cosines a candidate.
- `zscore`: the semantic part, or the latent one, z-scored per pair of languages.
- `interactions`: a component times the kind (complementarity of the kinds: the semantic part,
  the lexical, the latent terms, the concepts, the sectors), and the semantic part times the
  direction or the border. Once the engine holds `complementary_concepts` (concepts x kind,
  adopted in the sixth pass), "today" includes it.
"""

from __future__ import annotations

import argparse
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

import matching_fit  # noqa: E402
import matching_reading  # noqa: E402


def latent_cosines(bench) -> np.ndarray:
    """The centred latent cosines between every two documents of the index, as latent.py
    reads them before its spread and scale."""
    from kakehashi.matching.engine import latent

    index, size = bench.index, bench.index.size
    terms = index.latent_terms(np.arange(size))
    dense = np.zeros((size, latent.FEATURES))
    for slot in range(size):
        values = terms.values[slot].astype(np.float64)
        present = values > 0
        dense[slot, terms.indices[slot][present].astype(int)] = values[present]
    dense -= index.latent_state().means[bench.languages]
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    return dense @ dense.T


def z_scored(bench, cosines: np.ndarray) -> np.ndarray:
    """Cosines minus their mean, over their standard deviation, per pair of languages (over
    distinct documents)."""
    languages = bench.languages
    off = ~np.eye(len(cosines), dtype=bool)
    found = np.zeros_like(cosines)
    for a in range(3):
        for b in range(3):
            block = (languages[:, None] == a) & (languages[None, :] == b)
            values = cosines[block & off]
            found[block] = (cosines[block] - values.mean()) / values.std()
    return found


def components_matrix(bench, make) -> np.ndarray:
    """`make(components)` of each train-half query (row) and candidate (column)."""
    found = np.zeros((bench.index.size, bench.index.size))
    for query, candidates in bench.candidates.items():
        for doc_id, parts in candidates:
            found[bench.slot[query], bench.slot[doc_id]] = make(parts)
    return found


def preference(bench, meaning: np.ndarray, size: int, reading: str, tau: float) -> np.ndarray:
    found = np.zeros_like(meaning)
    for query, candidates in bench.candidates.items():
        q = bench.slot[query]
        pool = np.array([bench.slot[i] for i, _ in candidates])
        closest = pool[np.argsort(-meaning[q, pool], kind="stable")[:size]]
        for c in pool:
            others = closest[closest != c]
            theirs, mine = meaning[c, others], meaning[c, q]
            if reading == "reverse-rank":
                found[q, c] = 1.0 / (1 + (theirs > mine).sum())
            elif reading == "csls":
                best = np.sort(theirs)[-3:].mean()
                found[q, c] = np.clip((mine - best) / 6 + 0.5, 0.0, 1.0)
            else:
                found[q, c] = _softmax_first(np.concatenate([[mine], theirs]) / tau)
                if reading == "dual":
                    forward = np.concatenate([[meaning[q, c]], meaning[q, others]]) / tau
                    found[q, c] = np.sqrt(found[q, c] * _softmax_first(forward))
    return found


def _softmax_first(x: np.ndarray) -> float:
    e = np.exp(x - x.max())
    return float(e[0] / e.sum())


def mutual(bench):
    semantic = z_scored(bench, bench.centred @ bench.centred.T)
    lat = z_scored(bench, latent_cosines(bench))
    readings = {"sem": semantic, "lat": lat, "both": (semantic + lat) / 2}
    for name, meaning in readings.items():
        for size in (10, 20):
            for reading, tau in (
                ("reverse-softmax", 1.0),
                ("reverse-softmax", 0.5),
                ("reverse-rank", 1.0),
                ("csls", 1.0),
                ("dual", 1.0),
            ):
                values = preference(bench, meaning, size, reading, tau)
                label = f"+ {reading} ({name}, M {size}" + (
                    f", tau {tau})" if "softmax" in reading or reading == "dual" else ")"
                )
                yield bench.measure(label, added={"mutual": values})


def zscore(bench):
    yield bench.measure(
        "semantic z-scored per pair of languages",
        semantic=z_scored(bench, bench.centred @ bench.centred.T),
    )
    scaled = np.clip(z_scored(bench, latent_cosines(bench)) / 6, 0.0, 1.0)
    yield replaced(bench, "latent z-scored per pair of languages", "latent", scaled)


def replaced(bench, label, name, values):
    names = list(bench.names)
    units, keys = bench.units(names, lambda a, b: {name: float(values[a, b])})
    start = dict(bench.engine.BASELINE_WEIGHTS)
    figures = matching_fit.cross_validate(names, units, keys, start, matching_fit.L2)
    return {"label": label, "figures": figures, "added": {}}


def interactions(bench):
    for name in ("semantic", "lexical", "latent", "concepts", "sectors"):
        values = components_matrix(bench, lambda p, n=name: p.get(n, 0.0) * p["kind"])
        yield bench.measure(f"+ {name} x kind", added={f"{name}_kind": values})
    for name in ("direction", "cross_border"):
        values = components_matrix(bench, lambda p, n=name: p["semantic"] * p.get(n, 0.0))
        yield bench.measure(f"+ semantic x {name}", added={f"semantic_{name}": values})


VARIANTS = {"mutual": mutual, "zscore": zscore, "interactions": interactions}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default="/tmp/kakehashi-matching-reading")
    parser.add_argument("--only", nargs="*", choices=sorted(VARIANTS), default=None)
    args = parser.parse_args(argv)
    bench = matching_reading.Bench(Path(args.cache))
    results = [bench.measure("today")]
    for name in args.only or VARIANTS:
        for result in VARIANTS[name](bench):
            results.append(result)
            print(result["label"], result["figures"]["cross-lingual"], file=sys.stderr)
    print(matching_reading.table(results) + "\n\nMRR on held-out folds (recall@10 in brackets).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
