"""Ranking: candidate generation, then a re-rank with documented weights, then reasons.

Pipeline for `method="full"`:

1. Candidates: the union of the top N by cosine (numpy argpartition over the vector matrix),
   the top N by BM25 over tokens, and the top N by shared concepts (idf-weighted), N = max(200,
   4 k). The query itself, documents of its organisation and those `allowed` rejects are
   dropped; N grows if fewer than k candidates remain.
2. Each candidate gets component scores in 0..1 and the score is their weighted sum (WEIGHTS,
   summing to 1), so a score is comparable across queries.
3. The k best (ties broken by id) get their reasons, strongest first.

Components:

- kind: 1 for complementary kinds (KIND_TABLE), 0.5 when either kind is unknown, 0.2 for
  other pairs, 0 for the same kind when it is not complementary to itself.
- semantic: cosine mapped from the embedder's [floor, ceiling] to [0, 1].
- lexical: BM25 over tokens divided by the best BM25 among the candidates.
- concepts: cosine of idf-weighted concept vectors (broader concepts at half weight).
- sectors: Jaccard of the sector codes.
- keywords: shared explicit keywords / the smaller keyword list.
- context: partnership between the localities, priority partner, met before, target locality,
  target country (each 0 or 1).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable

import numpy as np

from kakehashi.matching.engine.model import Context, Document, Match, Reason
from kakehashi.matching.engine.shown import (
    explicit_keywords,
    keyword_reasons,
    keyword_set,
    similarity_level,
)

# The complementarity of kinds: each kind and the kinds that answer it. Symmetric by design.
KIND_TABLE: dict[str, frozenset[str]] = {
    "business_offer": frozenset({"business_request"}),
    "business_request": frozenset({"business_offer", "export_product"}),
    "technology_offer": frozenset({"technology_request"}),
    "technology_request": frozenset({"technology_offer"}),
    "investment_project": frozenset({"organisation"}),
    "organisation": frozenset({"investment_project", "export_product"}),
    "export_product": frozenset({"business_request", "organisation"}),
    "cooperation_programme": frozenset({"cooperation_programme"}),
    "research_cooperation": frozenset({"research_cooperation"}),
}

WEIGHTS: dict[str, float] = {
    "kind": 0.25,
    "semantic": 0.27,
    "lexical": 0.08,
    "concepts": 0.20,
    "sectors": 0.08,
    "keywords": 0.02,
    "partner_localities": 0.03,
    "priority_partner": 0.03,
    "met_before": 0.02,
    "target_locality": 0.01,
    "target_country": 0.01,
}


METHODS = ("full", "bm25", "embedding")
MIN_CANDIDATES = 200
BROADER_WEIGHT = 0.5
# Concepts of the glossary that describe a property of almost any offer, not its subject:
# frozen fish fillets with a BAP certificate and machined parts under ISO 9001 are not
# "both about standards". They are never given as a shared concept. They still weigh in the
# concept score: leaving them out of it lowered the MRR on the labelled set (0.727 -> 0.724)
# for certification proposals, whose subject they are.
NOT_SUBJECTS = frozenset({"standards"})


def kind_score(a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return 0.5
    if b in KIND_TABLE.get(a, ()):
        return 1.0
    if a == b:
        return 0.0
    return 0.2


def _excluded(query: Document, doc: Document, allowed) -> bool:
    if doc.id == query.id:
        return True
    if query.organisation is not None and doc.organisation == query.organisation:
        return True
    return allowed is not None and not allowed(doc.id)


def _top(scores: np.ndarray, n: int) -> np.ndarray:
    """Slots of the n highest positive scores (any order)."""
    if n < len(scores):
        positive = np.flatnonzero(scores > 0)
        if len(positive) <= n:
            # All of them: the very set a partition of every slot keeps (a positive score
            # is above every other), without ordering 100,000 mostly zero slots.
            return positive
        part = np.argpartition(-scores, n)[:n]
    else:
        part = np.arange(len(scores))
    return part[scores[part] > 0]


def exact_cosine(index, slots, vector) -> np.ndarray:
    """Cosines in float64, row by row: the same value for a document whatever the size and
    order of the matrix (float32 BLAS sums differ in the last bits when the row count changes,
    which would make a saved and loaded index rank differently)."""
    rows = index.semantic_rows(slots).astype(np.float64)
    return np.round((rows * np.asarray(vector, dtype=np.float64)).sum(axis=1), 9)


def _ordered(index, query, scores: np.ndarray, k: int, allowed, positive: bool, exact=None):
    """(slot, score) of the k best kept slots, best first, ties by id. With `exact` (the query
    vector), the candidates' scores are recomputed with `exact_cosine` before sorting."""
    size = index.size
    scores = scores.astype(np.float64, copy=True)
    scores[~index._alive[:size]] = -np.inf
    n = min(size, max(MIN_CANDIDATES, 4 * k))
    while True:
        part = np.argpartition(-scores, n - 1)[:n] if n < size else np.arange(size)
        kept = []
        for slot in part:
            s = scores[slot]
            if s == -np.inf or (positive and s <= 0):
                continue
            if _excluded(query, index._docs[slot], allowed):
                continue
            kept.append((int(slot), float(s)))
        if len(kept) >= k or n >= size:
            if exact is not None and kept:
                values = exact_cosine(index, [slot for slot, _ in kept], exact)
                kept = [(slot, float(v)) for (slot, _), v in zip(kept, values, strict=True)]
            kept.sort(key=lambda e: (-e[1], index._ids[e[0]]))
            return kept[:k]
        n = min(size, n * 4)


def _concept_weights(index, analysis, memo: dict | None = None) -> dict[str, float]:
    weights = {}
    for c in analysis.expanded:
        if memo is None:
            idf = index.concepts.idf(c)
        else:
            idf = memo.get(c)
            if idf is None:
                idf = memo[c] = index.concepts.idf(c)
        weights[c] = idf if c in analysis.concepts else BROADER_WEIGHT * idf
    return weights


def _norm(weights: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in weights.values()))


def _cosine(
    a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None
) -> float:
    """Cosine of two concept vectors; `na` and `nb`, when given, are their `_norm`s (the
    same value, computed once)."""
    if not a or not b:
        return 0.0
    dot = sum(w * b[c] for c, w in a.items() if c in b)
    if dot <= 0:
        return 0.0
    na = _norm(a) if na is None else na
    nb = _norm(b) if nb is None else nb
    return dot / (na * nb)


MEMO_LIMIT = 20_000  # memoised concept vectors kept (a few MB; the collector walks them)


def _memo(index, name: str) -> dict:
    """A memo of the index kept until its next change (`MatchingIndex.memo`): idf, and so
    every concept weight, moves with each add or remove."""
    table = index.memo.get(name)
    if table is None:
        table = index.memo[name] = {}
    return table


def _document_concepts(index, slot: int) -> tuple[dict[str, float], float]:
    """The idf-weighted concept vector of a slot's document and its norm, memoised."""
    table = _memo(index, "concepts")
    entry = table.get(slot)
    if entry is None:
        if len(table) >= MEMO_LIMIT:
            table.clear()  # bounded, or a long-lived process ends up holding every slot's
        weights = _concept_weights(index, index._analyses[slot], _memo(index, "idf"))
        entry = table[slot] = (weights, _norm(weights))
    return entry


def _semantic(index, cos):
    floor = getattr(index.embedder, "floor", 0.0)
    ceiling = getattr(index.embedder, "ceiling", 1.0)
    return np.clip((cos - floor) / max(ceiling - floor, 1e-9), 0.0, 1.0)


def rank(
    index,
    query: Document,
    *,
    k: int = 10,
    context: Context | None = None,
    method: str = "full",
    allowed: Callable[[str], bool] | None = None,
    as_query: bool = False,
    parts=None,
) -> list[Match]:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    if k <= 0 or index.size == 0:
        return []
    if parts is None:
        parts = index.query_parts(query, as_query=as_query)
    analysis, vector = parts
    size = index.size
    if method == "bm25":
        bm = index.terms.bm25(analysis.terms, size)
        best = _ordered(index, query, bm, k, allowed, positive=True)
        top = best[0][1] if best else 1.0
        return [
            Match(
                index._ids[s],
                round(s_ / top, 6),
                keyword_reasons(index, query, analysis, s, 1.0, context or Context()),
            )
            for s, s_ in best
        ]
    vector = index.semantic_query(vector, analysis.language)
    cos = index.semantic_cosines(vector)  # float32 products: candidate generation only
    if method == "embedding":
        best = _ordered(index, query, cos, k, allowed, positive=False, exact=vector)
        return [
            Match(
                index._ids[s],
                round(max(0.0, c), 6),
                (
                    Reason(
                        "similar_meaning",
                        {
                            "level": similarity_level(index, float(_semantic(index, c))) or "weak",
                            "similarity": round(max(0.0, c), 4),
                        },
                        1.0,
                    ),
                ),
            )
            for s, c in best
        ]
    return _full(index, query, analysis, vector, cos, k, context or Context(), allowed)


def search(index, text: str, *, language=None, k=20, allowed=None, prepared=None) -> list[Match]:
    from kakehashi.matching.engine.index import prepare_search

    if (
        prepared is None
        or prepared.embedder is not index.embedder
        or prepared.document.text != text
        or prepared.document.language != language
    ):
        prepared = prepare_search(index.embedder, text, language)
    return rank(
        index,
        prepared.document,
        k=k,
        allowed=allowed,
        as_query=True,
        parts=(prepared.analysis, prepared.vector),
    )


def _full(index, query, analysis, vector, cos, k, context, allowed) -> list[Match]:
    size = index.size
    alive = index._alive[:size]
    bm = index.terms.bm25(analysis.terms, size)
    qweights = _concept_weights(index, analysis)
    cs = index.concepts.weighted(qweights, size)
    dense = np.where(alive, cos, -np.inf)
    bm[~alive] = 0
    cs[~alive] = 0
    n = max(MIN_CANDIDATES, 4 * k)
    while True:
        pool = set()
        top_dense = np.argpartition(-dense, n)[:n] if n < size else np.arange(size)
        pool.update(int(s) for s in top_dense if alive[s])
        pool.update(int(s) for s in _top(bm, n))
        pool.update(int(s) for s in _top(cs, n))
        candidates = [s for s in pool if not _excluded(query, index._docs[s], allowed)]
        if len(candidates) >= k or n >= size:
            break
        n *= 4
    if not candidates:
        return []
    slots = np.array(sorted(candidates))
    sem = _semantic(index, exact_cosine(index, slots, vector))
    lex = bm[slots]
    lex = lex / lex.max() if lex.max() > 0 else lex
    scored = []
    query_facts = _QueryFacts(query, qweights)
    slot_list = slots.tolist()
    # The components computed in Python (concepts, sectors, keywords, context) cost most of
    # a ranking; a candidate whose score cannot reach the k-th best found so far, even with
    # each of them at its highest, is not worth them. Candidates are visited from the highest
    # such bound down and the visit stops when the bound falls below the k-th best score:
    # every candidate that could be in the top k has been scored exactly as before.
    kinds = np.array([kind_score(query.kind, index._docs[s].kind) for s in slot_list])
    bound = (
        WEIGHTS["kind"] * kinds
        + WEIGHTS["semantic"] * sem
        + WEIGHTS["lexical"] * lex.astype(np.float64)
        + (_unscored_bound(query) + BOUND_MARGIN)
    )
    best: list[float] = []  # a min-heap of the k best scores so far
    for i in np.argsort(-bound, kind="stable").tolist():
        if len(best) >= k and bound[i] < best[0]:
            break
        slot = slot_list[i]
        parts = _components(index, query, query_facts, slot, context)
        parts["semantic"] = float(sem[i])
        parts["lexical"] = float(lex[i])
        score = sum(WEIGHTS[name] * value for name, value in parts.items())
        scored.append((score, index._ids[slot], int(slot), parts))
        if len(best) < k:
            heapq.heappush(best, score)
        elif score > best[0]:
            heapq.heapreplace(best, score)
    scored.sort(key=lambda e: (-e[0], e[1]))
    return [
        Match(
            doc_id,
            round(min(1.0, max(0.0, score)), 6),
            _reasons(index, query, analysis, slot, parts, context),
        )
        for score, doc_id, slot, parts in scored[:k]
    ]


BOUND_MARGIN = 1e-9  # far above the rounding of a dozen float64 additions


def _unscored_bound(query: Document) -> float:
    """The most that the components left out of the bound in `_full` (concepts, sectors,
    keywords and the context facts, each at most 1) can add to a score for this query: a
    component the query cannot have (no sectors, no locality...) adds nothing."""
    bound = WEIGHTS["concepts"]
    if query.sectors:
        bound += WEIGHTS["sectors"]
    if query.keywords:
        bound += WEIGHTS["keywords"]
    if query.locality:
        bound += WEIGHTS["partner_localities"] + WEIGHTS["priority_partner"]
    if query.organisation:
        bound += WEIGHTS["met_before"]
    if query.locality or query.target_localities:
        bound += WEIGHTS["target_locality"]
    if query.country or query.target_countries:
        bound += WEIGHTS["target_country"]
    return bound


class _QueryFacts:
    """What `_components` needs of the query, computed once per ranking."""

    def __init__(self, query: Document, qweights: dict[str, float]):
        self.weights = qweights
        self.norm = _norm(qweights)
        self.keywords = keyword_set(query.keywords) if query.keywords else None


def _components(index, query, facts: _QueryFacts, slot, context) -> dict[str, float]:
    doc = index._docs[slot]
    weights, norm = _document_concepts(index, slot)
    parts = {
        "kind": kind_score(query.kind, doc.kind),
        "concepts": _cosine(facts.weights, weights, facts.norm, norm),
    }
    if query.sectors and doc.sectors:
        parts["sectors"] = len(query.sectors & doc.sectors) / len(query.sectors | doc.sectors)
    if facts.keywords and doc.keywords:
        qk = facts.keywords
        dk = keyword_set(doc.keywords)
        parts["keywords"] = len(qk & dk) / min(len(qk), len(dk))
    for name, _params in _context_facts(query, doc, context):
        parts[name] = 1.0
    return parts


def _context_facts(query: Document, doc: Document, context: Context):
    """(code, params) of the relationship facts between the query and a document."""
    q, d = query.locality, doc.locality
    if q and d and q != d:
        if frozenset((q, d)) in context.partnerships:
            yield "partner_localities", {"locality": d, "partner": q}
        if d in context.priority_partners.get(q, ()):
            yield "priority_partner", {"locality": d, "partner": q}
        elif q in context.priority_partners.get(d, ()):
            yield "priority_partner", {"locality": q, "partner": d}
    qo, do = query.organisation, doc.organisation
    if qo and do and qo != do and frozenset((qo, do)) in context.met_before:
        yield "met_before", {"organisation": qo, "other": do}
    if d and d in query.target_localities:
        yield "target_locality", {"locality": d}
    elif q and q in doc.target_localities:
        yield "target_locality", {"locality": q}
    if doc.country and doc.country in query.target_countries:
        yield "target_country", {"country": doc.country}
    elif query.country and query.country in doc.target_countries:
        yield "target_country", {"country": query.country}


def _reasons(index, query, analysis, slot, parts, context) -> tuple[Reason, ...]:
    doc = index._docs[slot]
    a = index._analyses[slot]
    reasons = []
    if parts["kind"] == 1.0:
        reasons.append(
            Reason(
                "complementary_kinds",
                {"query_kind": query.kind, "kind": doc.kind},
                WEIGHTS["kind"],
            )
        )
    level = similarity_level(index, parts["semantic"])
    if level is not None:
        reasons.append(
            Reason(
                "similar_meaning",
                {"level": level, "similarity": round(parts["semantic"], 2)},
                WEIGHTS["semantic"] * parts["semantic"],
            )
        )
    shared = (analysis.expanded & a.expanded) - NOT_SUBJECTS
    if shared and parts["concepts"] > 0:
        direct = analysis.concepts & a.concepts
        order = sorted(shared, key=lambda c: (c not in direct, -index.concepts.idf(c), c))
        reasons.append(
            Reason(
                "shared_concepts",
                {"concepts": order[:5]},
                WEIGHTS["concepts"] * parts["concepts"],
            )
        )
    if parts.get("sectors"):
        reasons.append(
            Reason(
                "shared_sectors",
                {"sectors": sorted(query.sectors & doc.sectors)},
                WEIGHTS["sectors"] * parts["sectors"],
            )
        )
    keyword_weight = WEIGHTS["lexical"] * parts["lexical"] + WEIGHTS["keywords"] * parts.get(
        "keywords", 0.0
    )
    if keyword_weight >= 0.02:
        explicit = explicit_keywords(query, doc, context)
        if explicit:
            reasons.append(Reason("shared_keywords", {"keywords": explicit[:5]}, keyword_weight))
        else:
            reasons.extend(keyword_reasons(index, query, analysis, slot, keyword_weight, context))
    for code, params in _context_facts(query, doc, context):
        reasons.append(Reason(code, params, WEIGHTS[code]))
    reasons = [Reason(r.code, r.params, round(r.weight, 6)) for r in reasons]
    reasons.sort(key=lambda r: (-r.weight, r.code))
    return tuple(reasons)
