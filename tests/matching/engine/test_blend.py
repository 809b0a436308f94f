"""The blend learned on half of the labelled set (issue 15): the split, the weights the code
uses, what a proposal wants as evidence, and determinism."""

import json
import sys
from pathlib import Path

import pytest

from kakehashi.matching.engine import (
    BASELINE_WEIGHTS,
    WEIGHTS,
    Document,
    MatchingIndex,
    explain,
)
from kakehashi.matching.engine.components import flow, wants
from kakehashi.matching.engine.ranking import candidate_components

BENCH = Path(__file__).resolve().parents[3] / "bench"
sys.path.insert(0, str(BENCH))
import matching_data  # noqa: E402


@pytest.fixture(scope="module")
def evalset():
    return matching_data.load()


def test_the_split_is_deterministic_disjoint_and_covers_every_query(evalset):
    halves = matching_data.split(evalset)
    assert halves == matching_data.split(matching_data.load())
    train = {q for q, half in halves.items() if half == "train"}
    test = {q for q, half in halves.items() if half == "test"}
    assert train.isdisjoint(test)
    assert train | test == {pair["query"] for pair in evalset.pairs}
    for pair in matching_data.LANGUAGE_PAIRS:
        assert {halves[u.query] for u in evalset.units if u.pair == pair} == {"train", "test"}
    for kind in matching_data.HARD_NEGATIVE_KINDS:
        sides = {halves[u.query] for u in evalset.units for _, k in u.hard_negatives if k == kind}
        assert sides == {"train", "test"}, kind
    assert matching_data.split(evalset, seed=16) != halves


def test_the_code_uses_the_weights_fitted_on_the_train_half():
    fitted = json.loads((matching_data.DATA / "fitted_weights.json").read_text())
    assert dict(WEIGHTS) == fitted["weights"]
    assert fitted["split_seed"] == matching_data.SPLIT_SEED
    assert set(WEIGHTS) == set(BASELINE_WEIGHTS)
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


SAKE = "Nhà hàng Nhật cần nhà cung cấp rượu sake và shochu, giao hàng hằng tháng."


def _sake_documents():
    query = Document(
        "brewery",
        "Sake export",
        "Niigata brewery exporting sake to restaurants and importers.",
        "en",
        kind="export_product",
        locality="niigata-prefecture",
        country="JP",
        organisation="jp-brewery",
        target_localities=frozenset({"hanoi"}),
        target_countries=frozenset({"VN"}),
    )
    right = Document(
        "hanoi-buyer",
        "Rượu sake",
        SAKE,
        "vi",
        kind="business_request",
        locality="hanoi",
        country="VN",
        organisation="vn-hanoi",
    )
    wrong = Document(
        "danang-buyer",
        "Rượu sake",
        SAKE,
        "vi",
        kind="business_request",
        locality="da-nang",
        country="VN",
        organisation="vn-danang",
    )
    other = Document(
        "tea",
        "Trà xanh",
        "Nhà nhập khẩu trà xanh Nhật Bản cho quán cà phê.",
        "vi",
        kind="business_request",
        locality="hanoi",
        country="VN",
        organisation="vn-tea",
    )
    return query, [right, wrong, other]


def test_a_proposal_of_the_wrong_locality_ranks_below_the_right_counterpart(lexical):
    query, documents = _sake_documents()
    index = MatchingIndex(lexical)
    index.add(documents)
    ranked = index.rank(query, k=3)
    order = [m.id for m in ranked]
    assert order.index("hanoi-buyer") < order.index("danang-buyer")
    # The same texts: the gap is exactly the locality evidence (1 against 0).
    assert ranked[order.index("hanoi-buyer")].score - ranked[
        order.index("danang-buyer")
    ].score == pytest.approx(WEIGHTS["wanted_locality"] + WEIGHTS["target_locality"], abs=2e-6)
    reasons = {r.code: r for r in ranked[order.index("hanoi-buyer")].reasons}
    assert reasons["target_locality"].params == {"locality": "hanoi"}
    assert "target_locality" not in {r.code for r in ranked[order.index("danang-buyer")].reasons}
    assert (
        explain(reasons["target_locality"], names={"hanoi": "Hanoi"})
        == "Hanoi is one of the localities sought."
    )
    # And from the other side: the buyers ask for Niigata, or for Osaka.
    index = MatchingIndex(lexical)
    asks = [
        Document(**{**d.__dict__, "target_localities": frozenset({place})})
        for d, place in zip(documents[:2], ("niigata-prefecture", "osaka-prefecture"), strict=True)
    ]
    index.add(asks)
    plain = Document(**{**query.__dict__, "target_localities": frozenset()})
    assert [m.id for m in index.rank(plain, k=2)] == ["hanoi-buyer", "danang-buyer"]


def test_wants_are_evidence_not_a_filter():
    query, (right, wrong, _) = _sake_documents()
    assert wants(query, right)["wanted_locality"] == 1.0
    assert wants(query, wrong)["wanted_locality"] == 0.0
    assert wants(right, wrong)["wanted_locality"] == 0.5  # neither says where
    assert wants(query, right)["cross_border"] == 1.0
    assert wants(right, wrong)["cross_border"] == 0.0
    assert flow(query) == ("goods", "sells")
    investor = Document(
        "i", "t", "x", kind="organisation", partnership_types=frozenset({"investment"})
    )
    project = Document("p", "t", "x", kind="investment_project")
    other_project = Document("o", "t", "x", kind="investment_project")
    assert wants(investor, project)["direction"] == 1.0
    assert wants(project, other_project)["direction"] == 0.0
    assert wants(query, investor)["direction"] == 0.5  # no axis in common


def test_the_score_is_the_learned_blend_of_the_components(lexical):
    query, documents = _sake_documents()
    index = MatchingIndex(lexical)
    index.add(documents)
    parts = dict(candidate_components(index, query))
    for match in index.rank(query, k=3):
        expected = sum(WEIGHTS[n] * v for n, v in parts[match.id].items())
        assert match.score == pytest.approx(expected, abs=2e-6)
    before = index.rank(query, k=3, weights=BASELINE_WEIGHTS)
    assert [m.score for m in before] != [m.score for m in index.rank(query, k=3)]


def test_the_ranking_is_deterministic(lexical):
    query, documents = _sake_documents()
    one, two = MatchingIndex(lexical), MatchingIndex(lexical)
    one.add(documents)
    two.add(list(reversed(documents)))
    first = [(m.id, m.score, m.reasons) for m in one.rank(query, k=3)]
    assert first == [(m.id, m.score, m.reasons) for m in one.rank(query, k=3)]
    assert first == [(m.id, m.score, m.reasons) for m in two.rank(query, k=3)]
