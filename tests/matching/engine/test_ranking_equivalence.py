"""The ranking's shortcuts (memoised concept vectors, the positive-only candidate lists, a
query prepared outside the index) give exactly what the straightforward computation gives."""

import math
import random

import numpy as np
import pytest

from kakehashi.matching.engine import Context, Document, MatchingIndex, candidates, components
from kakehashi.matching.engine.centring import LANGUAGES
from kakehashi.matching.engine.components import kind_score, wants
from kakehashi.matching.engine.weights import WEIGHTS

PHRASES = [
    "cold chain logistics",
    "refrigerated warehouse",
    "shrimp aquaculture",
    "seafood processing",
    "semiconductor packaging",
    "solar energy",
    "wastewater treatment",
    "nursing care",
    "vocational training",
    "port infrastructure",
    "rice export",
    "coffee roasting",
    "software outsourcing",
    "tourism promotion",
]
KINDS = [None, "business_offer", "business_request", "technology_offer", "export_product"]
SECTORS = ["agri", "energy", "it", "health"]
PLACES = ["dong-nai", "hai-phong", "osaka", "fukuoka", None]
TYPES = ["investment", "commercial", "supplier", "training"]


def _documents(count: int, seed: int, prefix: str = "d") -> list[Document]:
    rng = random.Random(seed)
    docs = []
    for number in range(count):
        words = rng.sample(PHRASES, rng.randint(1, 4))
        docs.append(
            Document(
                id=f"{prefix}-{number:03d}",
                title=words[0].title(),
                text=". ".join(f"We work on {w}" for w in words) + ".",
                # A third "in Vietnamese", so that some pairs cross languages.
                language="vi" if number % 3 == 0 else "en",
                kind=rng.choice(KINDS),
                sectors=frozenset(rng.sample(SECTORS, rng.randint(0, 2))),
                keywords=tuple(rng.sample(["Shrimp", "solar", "IT ", "care"], rng.randint(0, 2))),
                locality=rng.choice(PLACES),
                country=rng.choice(["VN", "JP"]),
                organisation=f"org-{rng.randint(0, 30)}",
                target_countries=frozenset(rng.sample(["VN", "JP"], rng.randint(0, 1))),
                target_localities=frozenset(rng.sample(PLACES[:4], rng.randint(0, 2))),
                partnership_types=frozenset(rng.sample(TYPES, rng.randint(0, 2))),
            )
        )
    return docs


def _reference_cosine(a, b):
    if not a or not b:
        return 0.0
    dot = sum(w * b[c] for c, w in a.items() if c in b)
    if dot <= 0:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


def _reference(index, query, k, context):
    """Every document scored the way ranking.py did before its shortcuts (an index smaller
    than MIN_CANDIDATES: every document is a candidate)."""
    analysis, vector = index.query_parts(query, as_query=False)
    size = index.size
    vector = index.semantic_query(vector, analysis.language)
    bm = index.terms.bm25(analysis.terms, size)
    qweights = components.concept_weights(index, analysis)
    slots = np.array(
        sorted(
            s
            for s in range(size)
            if index._alive[s] and not candidates.excluded(query, index._docs[s], None)
        )
    )
    sem = components.semantic(index, candidates.exact_cosine(index, slots, vector))
    lex = bm[slots]
    lex = lex / lex.max() if lex.max() > 0 else lex
    scored = []
    for i, slot in enumerate(slots):
        doc, a = index._docs[slot], index._analyses[slot]
        parts = {
            "kind": kind_score(query.kind, doc.kind),
            "concepts": _reference_cosine(qweights, components.concept_weights(index, a)),
        }
        parts["complementary_concepts"] = parts["kind"] * parts["concepts"]
        if query.sectors and doc.sectors:
            parts["sectors"] = len(query.sectors & doc.sectors) / len(query.sectors | doc.sectors)
        if query.keywords and doc.keywords:
            qk = {w.casefold().strip() for w in query.keywords}
            dk = {w.casefold().strip() for w in doc.keywords}
            parts["keywords"] = len(qk & dk) / min(len(qk), len(dk))
        for name, _params in components.context_facts(query, doc, context):
            parts[name] = 1.0
        parts.update(wants(query, doc))
        parts["semantic"] = float(sem[i])
        # Meaning across languages weighs twice: once more when the languages differ.
        cross = a.language in LANGUAGES and analysis.language in LANGUAGES
        parts["semantic_cross"] = (
            float(sem[i]) if cross and a.language != analysis.language else 0.0
        )
        parts["lexical"] = float(lex[i])
        score = sum(WEIGHTS[name] * value for name, value in parts.items())
        scored.append((score, index._ids[slot]))
    scored.sort(key=lambda e: (-e[0], e[1]))
    return [(doc_id, round(min(1.0, max(0.0, score)), 6)) for score, doc_id in scored[:k]]


@pytest.fixture
def index(lexical):
    index = MatchingIndex(lexical)
    index.add(_documents(120, seed=1))
    return index


CONTEXT = Context(
    partnerships=frozenset({frozenset(("dong-nai", "osaka"))}),
    priority_partners={"hai-phong": frozenset({"fukuoka"})},
    met_before=frozenset({frozenset(("org-1", "org-2"))}),
)


def test_full_ranking_equals_the_straightforward_scores(index):
    for query in _documents(25, seed=2, prefix="q"):
        got = [(m.id, m.score) for m in index.rank(query, k=15, context=CONTEXT)]
        assert got == _reference(index, query, 15, CONTEXT)
        # A second ranking reads the memoised concept vectors: the same again.
        assert [(m.id, m.score) for m in index.rank(query, k=15, context=CONTEXT)] == got


def test_memos_follow_the_index_changes(index, lexical):
    query = _documents(1, seed=3, prefix="q")[0]
    index.rank(query, k=10)
    assert index.memo
    more = _documents(40, seed=4, prefix="e")
    index.add(more)  # idf moves: the memoised concept weights must not be reused
    index.remove(["d-000", "d-001"])
    fresh = MatchingIndex(lexical)
    fresh.add([d for d in _documents(120, seed=1) if d.id not in ("d-000", "d-001")] + more)
    assert [(m.id, m.score, m.reasons) for m in index.rank(query, k=10)] == [
        (m.id, m.score, m.reasons) for m in fresh.rank(query, k=10)
    ]


def _reference_top(scores, n):
    part = np.argpartition(-scores, n)[:n] if n < len(scores) else np.arange(len(scores))
    return part[scores[part] > 0]


@pytest.mark.parametrize("positives", [0, 3, 199, 200, 201, 5000])
def test_top_keeps_the_same_slots_as_a_partition_of_every_slot(positives):
    rng = np.random.default_rng(positives)
    scores = np.zeros(10_000, dtype=np.float32)
    scores[rng.choice(10_000, positives, replace=False)] = rng.random(positives) + 0.01
    assert set(candidates.top(scores, 200).tolist()) == set(_reference_top(scores, 200).tolist())


def test_a_prepared_search_query_ranks_as_the_text_does(index):
    for text in ("shrimp cold chain", "solar energy and wastewater", "nursing care training"):
        prepared = index.prepare_search(text, language="en")
        assert index.search(text, language="en", k=10) == index.search(
            text, language="en", k=10, prepared=prepared
        )


def test_the_concept_memo_stays_bounded_and_ranks_the_same(index, monkeypatch):
    query = _documents(1, seed=5, prefix="q")[0]
    before = [(m.id, m.score, m.reasons) for m in index.rank(query, k=10, context=CONTEXT)]
    monkeypatch.setattr(components, "MEMO_LIMIT", 5)
    index.memo.clear()
    after = [(m.id, m.score, m.reasons) for m in index.rank(query, k=10, context=CONTEXT)]
    assert len(index.memo["concepts"]) <= 5
    assert after == before
