"""A search's facets as a mask over the slots (slotfacets.py) rank exactly as the callback on
each candidate's facts did: same hits, order, scores and reasons, on an exact-scan index and
an approximate-scan one, in memory and from a snapshot, after additions and removals."""

import random

import numpy as np
import pytest

from kakehashi.matching.engine import Document, MatchingIndex, ann
from kakehashi.matching.engine.slotfacets import Facets
from kakehashi.matching.engine.snapshot import load_snapshot, write_snapshot
from tests.matching.engine.test_ranking_equivalence import (
    KINDS,
    PHRASES,
    PLACES,
    SECTORS,
    TYPES,
    _documents,
)


def callback(index, facets: Facets):
    """The filter search.py passed before: a check of each candidate's facts."""

    def allowed(key: str) -> bool:
        document = index.facts_of(key)
        return document is not None and (
            (facets.kind is None or document.kind == facets.kind)
            and (facets.sector is None or facets.sector in document.sectors)
            and (facets.country is None or document.country == facets.country)
            and (facets.locality is None or document.locality == facets.locality)
            and (
                facets.partnership_type is None
                or facets.partnership_type in document.partnership_types
            )
        )

    return allowed


def reference_mask(index, facets: Facets) -> np.ndarray:
    check = callback(index, facets)
    return np.array([key is not None and check(key) for key in index._ids], dtype=bool)


def random_facets(rng: random.Random) -> Facets:
    return Facets(
        kind=rng.choice([None, None, *KINDS[1:]]),
        sector=rng.choice([None, *SECTORS, "unknown-sector"]),
        country=rng.choice([None, "VN", "JP"]),
        locality=rng.choice([None, None, *PLACES[:4]]),
        partnership_type=rng.choice([None, None, *TYPES]),
    )


def assert_same_searches(index, rng, searches: int, k: int = 60):
    for _ in range(searches):
        text = " ".join(rng.sample(PHRASES, rng.randint(1, 2)))
        facets = random_facets(rng)
        expected = index.search(text, k=k, allowed=callback(index, facets))
        assert index.search(text, k=k, allowed=facets) == expected, (text, facets)
        assert index.search(text, k=k, allowed=facets.mask(index)) == expected


def test_the_mask_is_the_callback_on_every_slot(lexical):
    index = MatchingIndex(lexical)
    index.add(_documents(300, seed=3))
    index.remove([f"d-{n:03d}" for n in range(0, 300, 7)])
    index.add(_documents(40, seed=4, prefix="e"))
    rng = random.Random(5)
    for _ in range(50):
        facets = random_facets(rng)
        alive = index._alive[: index.size]
        mask = facets.mask(index)
        assert (mask & alive).tolist() == (reference_mask(index, facets) & alive).tolist()


def test_a_snapshot_reads_the_same_facets(lexical, tmp_path):
    built = MatchingIndex(lexical)
    built.add(_documents(300, seed=6))
    write_snapshot(built, tmp_path / "snap")
    loaded, _ = load_snapshot(tmp_path / "snap", lexical)
    loaded.add(_documents(20, seed=7, prefix="late"))
    built.add(_documents(20, seed=7, prefix="late"))
    rng = random.Random(8)
    for _ in range(50):
        facets = random_facets(rng)
        assert facets.mask(loaded).tolist() == facets.mask(built).tolist()
    assert_same_searches(loaded, rng, 20)


def test_a_filter_that_rejects_most_of_the_first_candidates(lexical):
    # 400 documents about cold chains, the first 390 in Japan: the best candidates of a
    # search for cold chains are nearly all rejected by "Vietnam", and the pool grows.
    docs = [
        Document(
            id=f"c-{n:03d}",
            title="Cold chain",
            text=f"Cold chain logistics and refrigerated warehouse number {n}.",
            language="en",
            country="JP" if n < 390 else "VN",
            sectors=frozenset({"agri"}),
            organisation=f"org-{n % 17}",
        )
        for n in range(400)
    ] + _documents(600, seed=9)
    index = MatchingIndex(lexical)
    index.add(docs)
    for facets, k in ((Facets(country="VN"), 60), (Facets(country="VN", sector="agri"), 5)):
        expected = index.search("cold chain logistics", k=k, allowed=callback(index, facets))
        assert index.search("cold chain logistics", k=k, allowed=facets) == expected
        assert expected
    # Fewer kept than k: every kept document is a candidate, found without a scan.
    few = Facets(country="VN", sector="agri", kind="business_offer")
    expected = index.search("cold chain logistics", k=60, allowed=callback(index, few))
    assert index.search("cold chain logistics", k=60, allowed=few) == expected
    nothing = Facets(sector="no-such-sector")
    assert index.search("cold chain logistics", k=60, allowed=nothing) == []


def test_rankings_of_a_proposal_with_a_mask(lexical):
    index = MatchingIndex(lexical)
    docs = _documents(800, seed=10)
    index.add(docs)
    rng = random.Random(11)
    for query in rng.sample(docs, 15):
        facets = random_facets(rng)
        for method in ("full", "bm25", "embedding"):
            expected = index.rank(query, k=30, method=method, allowed=callback(index, facets))
            assert index.rank(query, k=30, method=method, allowed=facets) == expected


@pytest.fixture(scope="module")
def generated(request):
    from kakehashi.matching.engine import LexicalEmbedder

    index = MatchingIndex(LexicalEmbedder())
    index.add(_documents(5200, seed=12))
    index.remove([f"d-{n:03d}" for n in range(0, 5200, 11)])
    return index


def test_many_generated_searches_on_an_exact_scan(generated):
    assert generated.approximate is None
    assert_same_searches(generated, random.Random(13), 150)


@pytest.mark.skipif(not ann.available(), reason="usearch is not installed")
def test_many_generated_searches_on_an_approximate_scan(generated, monkeypatch):
    monkeypatch.setattr(ann, "APPROXIMATE_FROM", 0)
    generated.build_approximate_scan()
    try:
        assert generated.approximate.usable(generated)
        assert_same_searches(generated, random.Random(14), 150)
    finally:
        generated.approximate = None
