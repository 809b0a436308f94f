"""Quality of the matching engine on the labelled set (bench/data/matching/), for
bench/matching.py and bench/matching_fit.py.

Every labelled query is ranked (top MRR_DEPTH) by the two baselines ("bm25", "embedding"), by
the full engine with the hand-set weights it had before issue 15 (BASELINE_WEIGHTS, "before")
and with the weights fitted on the train half (WEIGHTS, "full"), all in the same run. Figures
are given for each half of the split (`matching_data.split`), the test half being the headline:
per language pair, per side of the query (offer or request) and, for the hard negatives, how
often the query's best-ranked counterpart comes above the negative. A held-out batch
(bench/matching_fresh.py) is ranked last, against the pool of the set and the batch.
"""

from __future__ import annotations

import statistics
import time

import matching_data

CUTOFF = 10  # recall@10
MRR_DEPTH = 100  # reciprocal rank counted within the top 100
MRR_TARGET = 0.9  # on every cross-lingual pair of the test half (issue 15)
METHODS = ("bm25", "embedding", "before", "full")
HALVES = ("test", "train")
# The side of a query: what it seeks (requests, projects seeking capital) or offers (offers,
# products, investors' profiles); programmes and research cooperation are on both.
REQUEST_KINDS = {"business_request", "technology_request", "investment_project"}
OFFER_KINDS = {"business_offer", "technology_offer", "export_product", "organisation"}


def side(kind: str) -> str:
    return "request" if kind in REQUEST_KINDS else "offer" if kind in OFFER_KINDS else "other"


def to_document(engine_module, proposal: dict):
    return engine_module.Document(
        id=proposal["id"],
        title=proposal["title"],
        text=proposal["text"],
        language=proposal["language"],
        kind=proposal["kind"],
        sectors=frozenset(proposal["sectors"]),
        locality=proposal["locality"],
        country=proposal["country"],
        organisation=proposal["organisation"],
        partnership_types=frozenset(proposal.get("partnership_types", ())),
        target_countries=frozenset(proposal.get("target_countries", ())),
        target_localities=frozenset(proposal.get("target_localities", ())),
    )


def evaluation_index(evalset, engine_module, embedder):
    index = engine_module.MatchingIndex(embedder)
    documents = {p["id"]: to_document(engine_module, p) for p in evalset.proposals}
    index.add(documents.values())
    return index, documents


def unit_scores(ranked: list[str], unit: matching_data.EvalUnit) -> tuple[float, float]:
    """recall@10 and reciprocal rank of one evaluation unit, from a ranked list of ids.

    The relevant proposals of the query's other languages are taken out of the ranking first."""
    ranked = [i for i in ranked if i not in unit.excluded]
    top = set(ranked[:CUTOFF])
    recall = len(unit.relevant & top) / len(unit.relevant)
    rr = next((1 / rank for rank, i in enumerate(ranked[:MRR_DEPTH], 1) if i in unit.relevant), 0.0)
    return recall, rr


def negatives_beaten(ranked: list[str], unit: matching_data.EvalUnit) -> list[tuple[str, bool]]:
    """(kind, whether the unit's best-ranked counterpart is above it) of each hard negative."""
    position = {doc_id: n for n, doc_id in enumerate(ranked)}
    best = min((position.get(r, len(ranked)) for r in unit.relevant), default=len(ranked))
    return [
        (kind, best < position.get(negative, len(ranked) + 1))
        for negative, kind in unit.hard_negatives
    ]


def rankings(evalset, engine_module, index, documents) -> dict[str, dict[str, list[str]]]:
    weights = {"before": engine_module.BASELINE_WEIGHTS, "full": engine_module.WEIGHTS}
    found: dict[str, dict[str, list[str]]] = {m: {} for m in METHODS}
    for method in METHODS:
        engine_method = "full" if method in weights else method
        for query in sorted({u.query for u in evalset.units}):
            matches = index.rank(
                documents[query],
                k=MRR_DEPTH,
                method=engine_method,
                weights=weights.get(method),
            )
            found[method][query] = [m.id for m in matches]
    return found


def _row(units, ranked) -> dict:
    row = {"units": len(units)}
    for method in METHODS:
        scores = [unit_scores(ranked[method][u.query], u) for u in units]
        row[method] = {
            "recall@10": statistics.fmean(s[0] for s in scores),
            "mrr": statistics.fmean(s[1] for s in scores),
            "r@1": statistics.fmean(s[1] == 1.0 for s in scores),
        }
    return row


def unit_tables(units, ranked, by_id) -> dict:
    """Rows per language pair, cross-lingual and all, per side, and the hard negatives per kind,
    of some evaluation units."""
    groups = {pair: [u for u in units if u.pair == pair] for pair in matching_data.LANGUAGE_PAIRS}
    groups["cross-lingual"] = [u for u in units if u.pair[:2] != u.pair[-2:]]
    groups["all"] = units
    sides = {
        name: [u for u in units if side(by_id[u.query]["kind"]) == name]
        for name in ("offer", "request", "other")
    }
    negatives = {}
    for kind in matching_data.HARD_NEGATIVE_KINDS:
        negatives[kind] = {}
        for method in ("before", "full"):
            beaten = [
                ok
                for u in units
                for k, ok in negatives_beaten(ranked[method][u.query], u)
                if k == kind
            ]
            negatives[kind][method] = [sum(beaten), len(beaten)]
    return {
        "queries": len({u.query for u in units}),
        "rows": {name: _row(g, ranked) for name, g in groups.items() if g},
        "sides": {name: _row(g, ranked) for name, g in sides.items() if g},
        "hard_negatives": negatives,
    }


def tables(evalset, ranked) -> dict:
    """`unit_tables` of each half."""
    halves = matching_data.split(evalset)
    by_id = evalset.by_id()
    return {
        half: unit_tables([u for u in evalset.units if halves[u.query] == half], ranked, by_id)
        for half in HALVES
    }


def held_out(fresh, engine_module, index, documents) -> dict:
    """The tables of a held-out batch (bench/matching_fresh.py): its proposals are added to the
    set's index once everything else is measured, so that they compete with the whole pool, and
    only its own queries are ranked. Figures only, no per-query result."""
    added = {
        p["id"]: to_document(engine_module, p) for p in fresh.proposals if p["id"] not in documents
    }
    index.add(added.values())
    ranked = rankings(fresh, engine_module, index, {**documents, **added})
    return {"pool": len(documents) + len(added), **unit_tables(fresh.units, ranked, fresh.by_id())}


def shortfalls(halves: dict) -> list[str]:
    """The cross-lingual pairs of the test half below the MRR target, and any pair of either
    half where the learned blend loses recall@10 against the blend before."""
    found = []
    test = halves["test"]["rows"]
    for name, row in test.items():
        if "->" in name and name[:2] != name[-2:] and row["full"]["mrr"] < MRR_TARGET:
            found.append(
                f"test half, {name}: MRR {row['full']['mrr']:.3f} is below {MRR_TARGET} "
                f"(before: {row['before']['mrr']:.3f})"
            )
    for half in HALVES:
        for name, row in halves[half]["rows"].items():
            if row["full"]["recall@10"] < row["before"]["recall@10"] - 1e-9:
                found.append(
                    f"{half} half, {name}: recall@10 {row['full']['recall@10']:.3f} "
                    f"lost against {row['before']['recall@10']:.3f} before"
                )
    return found


def misses(evalset, engine_module, index, documents, ranked) -> dict:
    """What the proposal ranked first has, in the cross-lingual units of the test half whose
    first result is not a counterpart (with the fitted blend), against the counterpart."""
    from kakehashi.matching.engine.ranking import candidate_components

    halves = matching_data.split(evalset)
    by_id = evalset.by_id()
    counts = dict.fromkeys(
        ("units", "missed", "same_language", "same_sector", "complementary_kind"), 0
    )
    counts.update(more_similar=0, more_concepts=0)
    for unit in evalset.units:
        if halves[unit.query] != "test" or unit.pair[:2] == unit.pair[-2:]:
            continue
        counts["units"] += 1
        ranking = [i for i in ranked["full"][unit.query] if i not in unit.excluded]
        if ranking and ranking[0] in unit.relevant:
            continue
        query, first = by_id[unit.query], by_id[ranking[0]]
        parts = dict(candidate_components(index, documents[unit.query], k=MRR_DEPTH))
        counterpart = next((i for i in ranking if i in unit.relevant), None)
        mine = parts.get(counterpart, {"semantic": 0.0, "concepts": 0.0})
        counts["missed"] += 1
        counts["same_language"] += first["language"] == query["language"]
        counts["same_sector"] += bool(set(first["sectors"]) & set(query["sectors"]))
        counts["complementary_kind"] += parts[ranking[0]]["kind"] == 1.0
        counts["more_similar"] += parts[ranking[0]]["semantic"] > mine["semantic"]
        counts["more_concepts"] += parts[ranking[0]]["concepts"] > mine["concepts"]
    return counts


def quality(evalset, engine_module, embedder, fresh=None) -> dict:
    """The figures of the set and, when `fresh` (matching_fresh.load) is given, of that batch."""
    start = time.perf_counter()
    index, documents = evaluation_index(evalset, engine_module, embedder)
    build = time.perf_counter() - start
    ranked = rankings(evalset, engine_module, index, documents)
    halves = tables(evalset, ranked)
    split = matching_data.split(evalset)
    figures = {
        "embedder": embedder.name,
        "index_seconds": build,
        "split_seed": matching_data.SPLIT_SEED,
        "weights": {
            "before": dict(engine_module.BASELINE_WEIGHTS),
            "full": dict(engine_module.WEIGHTS),
        },
        "halves": halves,
        "shortfalls": shortfalls(halves),
        "misses": misses(evalset, engine_module, index, documents, ranked),
        "per_unit": [
            {
                "query": u.query,
                "pair": u.pair,
                "half": split[u.query],
                **{m: unit_scores(ranked[m][u.query], u)[1] for m in METHODS},
            }
            for u in evalset.units
        ],
    }
    if fresh is not None:
        figures["fresh"] = held_out(fresh, engine_module, index, documents)
    return figures
