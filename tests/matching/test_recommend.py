"""Recommended counterparts with their reasons, in the reader's language."""

import pytest
from django.utils import translation

from kakehashi.matching import recommend
from kakehashi.partnerships.models import PriorityList, PriorityPartner
from tests.factories import OrganisationFactory, locality, member_of
from tests.matching.builders import COLD_CHAIN_JA, COLD_CHAIN_VI, SOFTWARE_VI, publish_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(reference, django_capture_on_commit_callbacks):
    hcmc = OrganisationFactory(country="VN", locality=locality("ho-chi-minh-city"))
    osaka = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    priority = PriorityList.objects.create(
        locality=locality("ho-chi-minh-city"),
        title="Priority partners",
        period_start=2021,
        period_end=2030,
    )
    PriorityPartner.objects.create(priority_list=priority, partner=locality("osaka-prefecture"))
    capture = django_capture_on_commit_callbacks
    request = publish_proposal(hcmc, capture, sectors=["trade"], **COLD_CHAIN_VI)
    offer = publish_proposal(osaka, capture, sectors=["trade"], **COLD_CHAIN_JA)
    publish_proposal(hcmc, capture, **SOFTWARE_VI)
    return hcmc, osaka, request, offer


def test_the_offer_is_recommended_for_the_request_with_reasons(pair):
    hcmc, osaka, request, offer = pair
    recommendations = recommend.for_proposal(request)
    assert recommendations[0].hit.proposal == offer
    # Its own organisation's other proposal is never recommended.
    assert all(
        item.hit.proposal.organisation != hcmc for item in recommendations if item.hit.proposal
    )
    reasons = " ".join(recommendations[0].reasons)
    assert "Osaka" in reasons and "Ho Chi Minh City" in reasons  # the priority partner


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["priority partner", "Osaka"]),
        ("vi", ["đối tác ưu tiên", "Thành phố Hồ Chí Minh"]),
        ("ja", ["優先パートナー", "大阪府"]),
    ],
)
def test_reasons_read_in_each_language(pair, language, words):
    _hcmc, _osaka, request, _offer = pair
    with translation.override(language):
        reasons = " ".join(recommend.for_proposal(request)[0].reasons)
    for word in words:
        assert word in reasons


def test_the_proposal_page_shows_recommendations_in_japanese(client, pair):
    _hcmc, osaka, request, offer = pair
    client.force_login(member_of(osaka, preferred_language="ja"))
    response = client.get(request.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert offer.title in body
    assert "優先パートナー" in body


def test_my_matches_for_an_organisation(client, pair):
    _hcmc, osaka, request, _offer = pair
    client.force_login(member_of(osaka))
    response = client.get("/matching/mine/")
    assert response.status_code == 200
    assert [item.hit.proposal for item in response.context["recommendations"]][0] == request


def test_my_matches_of_another_organisation_is_refused(client, pair):
    hcmc, osaka, _request, _offer = pair
    client.force_login(member_of(osaka))
    assert client.get("/matching/mine/", {"organisation": hcmc.pk}).status_code == 404
    client.logout()
    response = client.get("/matching/mine/")
    assert response.status_code == 302 and "/accounts/" in response["Location"]
