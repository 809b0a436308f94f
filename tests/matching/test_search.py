"""The search page: one box across the three languages, facets from the database, bad
filters refused with a message."""

import datetime as dt

import pytest

from kakehashi.directory.models import Organisation
from kakehashi.matching.documents import organisation_key, proposal_key
from kakehashi.matching.proposal_documents import published_proposals
from kakehashi.matching.search import load_hits
from kakehashi.proposals import services
from kakehashi.proposals.models import Proposal, ProposalStatus
from tests.factories import OrganisationFactory, UserFactory, locality
from tests.matching.builders import (
    CARE_JA,
    COLD_CHAIN_JA,
    COLD_CHAIN_VI,
    SOFTWARE_VI,
    publish_proposal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(reference, django_capture_on_commit_callbacks):
    hcmc = OrganisationFactory(country="VN", locality=locality("ho-chi-minh-city"))
    danang = OrganisationFactory(country="VN", locality=locality("da-nang"))
    osaka = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    capture = django_capture_on_commit_callbacks
    return {
        "cold_vi": publish_proposal(hcmc, capture, sectors=["trade"], **COLD_CHAIN_VI),
        "cold_ja": publish_proposal(osaka, capture, sectors=["green_growth"], **COLD_CHAIN_JA),
        "software_vi": publish_proposal(danang, capture, **SOFTWARE_VI),
        "care_ja": publish_proposal(osaka, capture, **CARE_JA),
    }


def result_titles(response) -> list[str]:
    return [hit.proposal.title for hit in response.context["hits"] if hit.proposal]


def test_a_japanese_query_finds_the_vietnamese_proposal(client, market):
    response = client.get("/matching/search/", {"q": "水産物の冷凍倉庫"})
    assert response.status_code == 200
    titles = result_titles(response)
    assert set(titles[:2]) == {market["cold_vi"].title, market["cold_ja"].title}
    assert market["software_vi"].title not in titles  # nothing in common: not shown


def test_a_vietnamese_query_finds_the_japanese_proposal(client, market):
    response = client.get("/matching/search/", {"q": "đào tạo điều dưỡng, chăm sóc người cao tuổi"})
    titles = result_titles(response)
    assert titles[0] == market["care_ja"].title


def test_facets_filter_in_the_database(client, market):
    response = client.get("/matching/search/", {"q": "kho lạnh", "country": "JP"})
    titles = result_titles(response)
    assert market["cold_ja"].title in titles
    assert market["cold_vi"].title not in titles

    response = client.get("/matching/search/", {"q": "kho lạnh", "sector": "trade"})
    assert result_titles(response) == [market["cold_vi"].title]

    response = client.get("/matching/search/", {"q": "kho lạnh", "kind": "technology_offer"})
    assert result_titles(response) == [market["cold_ja"].title]


def test_an_unknown_filter_is_refused_in_the_readers_language(client, market):
    response = client.get(
        "/matching/search/",
        {"q": "kho lạnh", "sector": "no-such-sector"},
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 200
    assert response.context["result"] is None
    assert "正しく選択してください" in response.content.decode()  # Django's own ja message


def test_a_withdrawn_proposal_is_not_found(client, market, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(proposal=market["cold_ja"], by=UserFactory(is_superuser=True))
    titles = result_titles(client.get("/matching/search/", {"q": "冷凍倉庫"}))
    assert market["cold_ja"].title not in titles


def test_search_page_query_count(client, market, django_assert_max_num_queries):
    client.get("/matching/search/", {"q": "kho lạnh"})  # warm the index
    with django_assert_max_num_queries(20):
        response = client.get("/matching/search/", {"q": "kho lạnh"})
    assert response.status_code == 200


def test_organisations_only(client, market):
    osaka = market["cold_ja"].organisation
    osaka.name, osaka.description = "大阪冷凍機", "冷凍倉庫の省エネ技術を提供します。"
    osaka.save()
    from kakehashi.matching.services import index_organisation

    index_organisation(osaka.pk)
    response = client.get("/matching/search/", {"q": "冷凍倉庫", "kind": "organisation"})
    hits = response.context["hits"]
    assert hits and all(hit.organisation is not None for hit in hits)
    assert hits[0].organisation == osaka

    response = client.get("/matching/search/", {"kind": "organisation"})
    assert all(hit.organisation is not None for hit in response.context["hits"])


def test_locality_and_stage_filters(client, market):
    from kakehashi.proposals.models import Proposal

    response = client.get("/matching/search/", {"q": "kho lạnh", "locality": "osaka-prefecture"})
    assert market["cold_vi"].title not in result_titles(response)
    assert market["cold_ja"].title in result_titles(response)

    Proposal.objects.filter(pk=market["cold_ja"].pk).update(stage="market")
    response = client.get("/matching/search/", {"q": "kho lạnh", "stage": "market"})
    assert result_titles(response) == [market["cold_ja"].title]


def test_hits_whose_record_is_no_longer_public_are_left_out(market):
    """`load_hits` reads the rows by key and decides on each row what `published_proposals()`
    and an organisation's `is_published` decide in the database."""
    today, week = dt.date.today(), dt.timedelta(7)
    for name, expiry in (("cold_ja", today - dt.timedelta(1)), ("care_ja", today)):
        Proposal.objects.filter(pk=market[name].pk).update(
            published_on=today - week, expires_on=expiry
        )
    Proposal.objects.filter(pk=market["software_vi"].pk).update(status=ProposalStatus.WITHDRAWN)
    hidden = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    Organisation.objects.filter(pk=hidden.pk).update(is_published=False)
    shown = market["cold_vi"].organisation
    Organisation.objects.filter(pk=shown.pk).update(is_published=True)
    names = ("cold_ja", "care_ja", "software_vi", "cold_vi")
    keys = [proposal_key(market[name].pk) for name in names]
    keys += [organisation_key(hidden.pk), organisation_key(shown.pk), proposal_key(10**9)]

    hits = load_hits([(key, 1.0) for key in keys])

    public = set(published_proposals().values_list("pk", flat=True))
    assert public == {market["care_ja"].pk, market["cold_vi"].pk}
    assert [hit.key for hit in hits] == [
        proposal_key(market["care_ja"].pk),
        proposal_key(market["cold_vi"].pk),
        organisation_key(shown.pk),
    ]


def test_a_hit_shows_its_keywords_in_the_readers_language(
    client, reference, django_capture_on_commit_callbacks
):

    hcmc = OrganisationFactory(country="VN", locality=locality("ho-chi-minh-city"))
    publish_proposal(
        hcmc, django_capture_on_commit_callbacks, keywords="kho lạnh, Củ Chi", **COLD_CHAIN_VI
    )
    client.cookies["kakehashi_language"] = "ja"
    html = client.get("/matching/search/", {"q": "冷凍倉庫"}).content.decode()
    assert (
        'キーワード：<span lang="ja">冷凍倉庫</span>、<span lang="vi">Củ Chi</span>'
        '<span class="muted as-written">（ベトナム語の原文のまま）</span>'
    ) in html
