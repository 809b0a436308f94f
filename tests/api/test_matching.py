"""The matching API: search across languages, recommendations with reasons in the caller's
language, and who may not ask."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.api.client import ApiClient
from tests.matching.builders import CARE_JA, COLD_CHAIN_JA, COLD_CHAIN_VI, publish_proposal
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(org_a, org_b, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    return {
        "request": publish_proposal(org_a, capture, **COLD_CHAIN_VI),
        "offer": publish_proposal(org_b, capture, **COLD_CHAIN_JA),
        "care": publish_proposal(org_b, capture, **CARE_JA),
    }


def test_a_japanese_search_finds_the_vietnamese_request(anonymous, market):
    query = urlencode({"q": "水産物の冷凍保管", "kind": "technology_request"})
    response = anonymous.get(f"/search?{query}")
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["id"] for r in results] == [market["request"].pk]
    assert results[0]["language"] == "vi" and results[0]["reasons"]


def test_an_unknown_sector_is_a_422_in_the_callers_language(market):
    vietnamese = ApiClient(Client(), language="vi")
    response = vietnamese.get("/search?" + urlencode({"q": "kho lạnh", "sector": "nope"}))
    assert response.status_code == 422
    detail = response.json()["details"][0]
    assert detail["field"] == "sector"
    assert detail["message"] == "Không có lĩnh vực “nope”."


def test_matches_of_a_proposal_with_reasons_in_japanese(market):
    japanese = ApiClient(Client(), language="ja")
    response = japanese.get(f"/proposals/{market['request'].pk}/matches")
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["id"] == market["offer"].pk
    assert any("どちらも" in reason for reason in first["reasons"])


def test_matches_of_a_draft_are_hidden_from_outsiders(anonymous, as_user, member_b, org_a):
    draft = ProposalFactory(organisation=org_a)
    assert anonymous.get(f"/proposals/{draft.pk}/matches").status_code == 404
    assert as_user(member_b).get(f"/proposals/{draft.pk}/matches").status_code == 404


def test_matches_of_an_organisation_are_for_its_members(
    anonymous, as_user, member_a, member_b, org_a, market
):
    assert anonymous.get(f"/organisations/{org_a.pk}/matches").status_code == 401
    assert as_user(member_b).get(f"/organisations/{org_a.pk}/matches").status_code == 403
    response = as_user(member_a).get(f"/organisations/{org_a.pk}/matches")
    assert response.status_code == 200
    assert market["offer"].pk in [r["id"] for r in response.json()["results"]]
