"""Ranking: candidates (candidates.py), then a re-rank by the weighted sum of the components
(components.py, weights.py), then reasons.

Pipeline for `method="full"`:

1. Candidates: the union of the top N by cosine, by BM25 and by shared concepts
   (candidates.py).
2. Each candidate gets its components, each in 0..1, and the score is their weighted sum
   (WEIGHTS, learned on half of the labelled set and summing to 1), so a score is comparable
   across queries.
3. The k best (ties broken by id) get their reasons, strongest first.

`candidate_components` gives every candidate's components without the shortcut of step 2 (the
bound below), for the benchmark that fits the weights.
"""

from __future__ import annotations

import functools
import heapq
from collections.abc import Callable, Mapping

import numpy as np

from kakehashi.matching.engine import latent
from kakehashi.matching.engine.analysis import prepare_search
from kakehashi.matching.engine.candidates import (
    MIN_CANDIDATES,
    admission,
    exact_cosine,
    few_kept,
    ordered,
    pool,
    scan_reach,
)
from kakehashi.matching.engine.centring import language_code
from kakehashi.matching.engine.components import (
    KIND_TABLE,
    WANTS,
    QueryFacts,
    components,
    concept_weights,
    context_facts,
    kind_score,
    semantic,
)
from kakehashi.matching.engine.model import Context, Document, Match, Reason
from kakehashi.matching.engine.shown import (
    explicit_keywords,
    keyword_reasons,
    similarity_level,
    written_forms,
)
from kakehashi.matching.engine.weights import BASELINE_WEIGHTS, SEARCH_WEIGHTS, WEIGHTS

__all__ = ["BASELINE_WEIGHTS", "KIND_TABLE", "METHODS", "WEIGHTS", "rank", "search"]

METHODS = ("full", "bm25", "embedding")
# Concepts of the glossary that describe a property of almost any offer, not its subject:
# frozen fish fillets with a BAP certificate and machined parts under ISO 9001 are not
# "both about standards". They are never given as a shared concept. They still weigh in the
# concept score: leaving them out of it lowered the MRR on the labelled set (0.727 -> 0.724)
# for certification proposals, whose subject they are.
NOT_SUBJECTS = frozenset({"standards"})
# The approximate scan returns this many times the N of the exact pool (candidates.py), so
# that a filter (`allowed`) rejecting most of its first N still leaves enough.
APPROXIMATE_FACTOR = 4


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
    weights: Mapping[str, float] | None = None,
) -> list[Match]:
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    if k <= 0 or index.size == 0:
        return []
    terms = None  # the query's latent terms, when read in the same pass as its vector
    if parts is None:
        analysis, vector, terms = index.query_reading(query, as_query=as_query)
    else:
        analysis, vector = parts
    size = index.size
    if method == "bm25":
        bm = index.terms.bm25(analysis.terms, size)
        best = ordered(index, query, bm, k, allowed, positive=True)
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
    if method == "embedding":
        cos = index.semantic_cosines(vector)  # float32 products: candidate generation only
        best = ordered(index, query, cos, k, allowed, positive=False, exact=vector)
        return [
            Match(
                index._ids[s],
                round(max(0.0, c), 6),
                (
                    Reason(
                        "similar_meaning",
                        {
                            "level": similarity_level(index, float(semantic(index, c))) or "weak",
                            "similarity": round(max(0.0, c), 4),
                        },
                        1.0,
                    ),
                ),
            )
            for s, c in best
        ]
    weights = WEIGHTS if weights is None else weights
    return _full(
        index, query, analysis, vector, None, k, context or Context(), allowed, weights, terms
    )


def search(index, text: str, *, language=None, k=20, allowed=None, prepared=None) -> list[Match]:
    """Free-text search: ranked with SEARCH_WEIGHTS (weights.py says why)."""
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
        weights=SEARCH_WEIGHTS,
    )


def _prepared(index, query, analysis, vector, cos, k, allowed):
    """(slots, semantic, lexical, concept weights of the query) of the candidates. Without
    `cos`, the semantic candidates come from the approximate scan when the index has a
    usable one (ann.py), else from the exact cosines of every slot."""
    size = index.size
    alive = index._alive[:size]
    bm = index.terms.bm25(analysis.terms, size)
    qweights = concept_weights(index, analysis)
    cs = index.concepts.weighted(qweights, size)
    bm[~alive] = 0
    cs[~alive] = 0
    count = APPROXIMATE_FACTOR * max(MIN_CANDIDATES, 4 * k)
    allowed = admission(index, allowed)  # a search's facets: a mask of the slots (slotfacets.py)
    scanned = scan_reach(index, count) if cos is None else None
    candidates = few_kept(index, query, allowed, k, scanned)  # a mask keeping fewer than k
    if candidates is None and cos is None:
        found = index.candidate_cosines(vector, count)
        if found is not None:
            dense = np.where(alive, found, -np.inf)
            candidates = pool(index, query, dense, bm, cs, k, allowed, approximate=True)
        if candidates is None:
            cos = index.semantic_cosines(vector)  # float32 products: candidate generation only
    if candidates is None:
        candidates = pool(index, query, np.where(alive, cos, -np.inf), bm, cs, k, allowed)
    if not candidates:
        return None
    slots = np.array(sorted(candidates))
    sem = semantic(index, exact_cosine(index, slots, vector))
    lex = bm[slots]
    lex = lex / lex.max() if lex.max() > 0 else lex
    return slots, sem, lex, qweights


def _full(
    index, query, analysis, vector, cos, k, context, allowed, weights, terms=None
) -> list[Match]:
    prepared = _prepared(index, query, analysis, vector, cos, k, allowed)
    if prepared is None:
        return []
    slots, sem, lex, qweights = prepared
    sem_cross = sem * _cross_lingual(index, analysis.language, slots)
    # The latent terms (latent.py) only where they weigh: not for a free-text search.
    use_latent = weights["latent"] > 0
    lat = _latent(index, query, analysis.language, slots, terms) if use_latent else None
    scored = []
    query_facts = QueryFacts(query, qweights)
    slot_list = slots.tolist()
    # The components computed in Python (concepts, sectors, keywords, context, wants) cost
    # most of a ranking; a candidate whose score cannot reach the k-th best found so far, even
    # with each of them at its highest, is not worth them. Candidates are visited from the
    # highest such bound down and the visit stops when the bound falls below the k-th best
    # score: every candidate that could be in the top k has been scored exactly as before.
    kinds = _kind_scores(index, query.kind, slots)
    bound = (
        weights["kind"] * kinds
        + weights["semantic"] * sem
        + weights["semantic_cross"] * sem_cross
        + weights["lexical"] * lex.astype(np.float64)
        + (_unscored_bound(query, weights) + BOUND_MARGIN)
    )
    if use_latent:
        bound += weights["latent"] * lat
    best: list[float] = []  # a min-heap of the k best scores so far
    for i in np.argsort(-bound, kind="stable").tolist():
        if len(best) >= k and bound[i] < best[0]:
            break
        slot = slot_list[i]
        read = index.facts(slot)
        parts = components(index, query, query_facts, slot, context, read)
        parts["semantic"] = float(sem[i])
        parts["semantic_cross"] = float(sem_cross[i])
        parts["lexical"] = float(lex[i])
        if use_latent:
            parts["latent"] = float(lat[i])
        score = sum(weights[name] * value for name, value in parts.items())
        scored.append((score, index._ids[slot], int(slot), parts, read))
        if len(best) < k:
            heapq.heappush(best, score)
        elif score > best[0]:
            heapq.heapreplace(best, score)
    scored.sort(key=lambda e: (-e[0], e[1]))
    # The query's words as its texts write them, for the keyword reasons: once per ranking.
    forms = functools.cache(lambda: written_forms(query, analysis.language))
    return [
        Match(
            doc_id,
            round(min(1.0, max(0.0, score)), 6),
            _reasons(index, query, analysis, slot, parts, context, weights, read, forms),
        )
        for score, doc_id, slot, parts, read in scored[:k]
    ]


def _kind_scores(index, kind: str | None, slots: np.ndarray) -> np.ndarray:
    """`kind_score(kind, the slot's kind)` of each slot, from the index's kind codes (code -1,
    no kind, takes the table's last entry)."""
    kinds = index._kinds
    table = np.array([kind_score(kind, name) for name in kinds.names] + [kind_score(kind, None)])
    return table[kinds.codes[slots]]


def _latent(
    index, query: Document, language: str | None, slots: np.ndarray, terms=None
) -> np.ndarray:
    """The latent component (latent.py) of each candidate slot; 0 where the index's embedder
    reads no latent terms. `terms`: the query's, when its reading already gave them."""
    if not index.has_latent_terms():
        return np.zeros(len(slots))
    mine = index.query_terms(query) if terms is None else terms
    theirs = index.latent_terms(slots)
    return latent.scores(
        index.latent_state(),
        mine.indices[0],
        mine.values[0],
        language_code(language),
        theirs.indices,
        theirs.values,
        index._languages[slots],
        slots,
    )


def _cross_lingual(index, language: str | None, slots: np.ndarray) -> np.ndarray:
    """1.0 for each slot written in another language than the query, 0.0 in the same
    language or when either language is unknown (the `semantic_cross` component)."""
    code = language_code(language)
    if code < 0:
        return np.zeros(len(slots))
    languages = index._languages[slots]
    return ((languages >= 0) & (languages != code)).astype(np.float64)


def candidate_components(
    index, query: Document, *, k: int = 100, context: Context | None = None
) -> list[tuple[str, dict[str, float]]]:
    """(id, components) of every candidate a full ranking of `query` for the top `k` considers,
    by id: what a blend of weights is fitted on (bench/matching_fit.py)."""
    if index.size == 0:
        return []
    analysis, vector, terms = index.query_reading(query, as_query=False)
    vector = index.semantic_query(vector, analysis.language)
    cos = index.semantic_cosines(vector)
    prepared = _prepared(index, query, analysis, vector, cos, k, None)
    if prepared is None:
        return []
    slots, sem, lex, qweights = prepared
    sem_cross = sem * _cross_lingual(index, analysis.language, slots)
    lat = _latent(index, query, analysis.language, slots, terms)
    facts = QueryFacts(query, qweights)
    found = []
    for i, slot in enumerate(slots.tolist()):
        parts = components(index, query, facts, slot, context or Context())
        parts["semantic"] = float(sem[i])
        parts["semantic_cross"] = float(sem_cross[i])
        parts["lexical"] = float(lex[i])
        parts["latent"] = float(lat[i])
        found.append((index._ids[slot], parts))
    return sorted(found)


BOUND_MARGIN = 1e-9  # far above the rounding of a dozen float64 additions


def _unscored_bound(query: Document, weights) -> float:
    """The most that the components left out of the bound in `_full` (concepts and
    complementary concepts, sectors, keywords, the context facts and the wants, each at most
    1) can add to a score for this query: a component the query cannot have (no sectors, no
    locality...) adds nothing."""
    bound = (
        weights["concepts"]
        + weights["complementary_concepts"]
        + sum(weights[name] for name in WANTS)
    )
    if query.sectors:
        bound += weights["sectors"]
    if query.keywords:
        bound += weights["keywords"]
    if query.locality:
        bound += weights["partner_localities"] + weights["priority_partner"]
    if query.organisation:
        bound += weights["met_before"]
    if query.locality or query.target_localities:
        bound += weights["target_locality"]
    if query.country or query.target_countries:
        bound += weights["target_country"]
    return bound


WANTED = {"target_locality": "wanted_locality", "target_country": "wanted_country"}


def _reasons(
    index, query, analysis, slot, parts, context, weights, read=None, forms=None
) -> tuple[Reason, ...]:
    # The fields of the document and its concepts (`read`: what the ranking read of it),
    # without decoding either on a snapshot (slotfacts.py); keyword_reasons alone reads the
    # analysis's terms.
    doc, a = index.facts(slot) if read is None else read
    reasons = []
    if parts["kind"] == 1.0:
        reasons.append(
            Reason(
                "complementary_kinds",
                {"query_kind": query.kind, "kind": doc.kind},
                weights["kind"],
            )
        )
    level = similarity_level(index, parts["semantic"])
    if level is not None:
        reasons.append(
            Reason(
                "similar_meaning",
                {"level": level, "similarity": round(parts["semantic"], 2)},
                weights["semantic"] * parts["semantic"]
                + weights["semantic_cross"] * parts.get("semantic_cross", 0.0),
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
                weights["concepts"] * parts["concepts"]
                + weights["complementary_concepts"] * parts.get("complementary_concepts", 0.0),
            )
        )
    if parts.get("sectors"):
        reasons.append(
            Reason(
                "shared_sectors",
                {"sectors": sorted(query.sectors & doc.sectors)},
                weights["sectors"] * parts["sectors"],
            )
        )
    keyword_weight = weights["lexical"] * parts["lexical"] + weights["keywords"] * parts.get(
        "keywords", 0.0
    )
    if keyword_weight >= 0.02:
        explicit = explicit_keywords(query, doc, context)
        if explicit:
            reasons.append(Reason("shared_keywords", {"keywords": explicit[:5]}, keyword_weight))
        else:
            reasons.extend(
                keyword_reasons(index, query, analysis, slot, keyword_weight, context, forms)
            )
    for code, params in context_facts(query, doc, context):
        # A want that is met: its fact and its share of the graded evidence of wants().
        evidence = WANTED.get(code)
        weight = weights[code] + (weights[evidence] * parts[evidence] if evidence else 0.0)
        reasons.append(Reason(code, params, weight))
    reasons = [Reason(r.code, r.params, round(r.weight, 6)) for r in reasons]
    reasons.sort(key=lambda r: (-r.weight, r.code))
    return tuple(reasons)
