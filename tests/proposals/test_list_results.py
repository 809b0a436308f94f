"""The proposal lists (the page and the API) give exactly the published proposals that match
each filter, each once, newest first, with the same queries for a few rows or many."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from kakehashi.directory.models import Sector
from kakehashi.proposals.models import (
    Proposal,
    ProposalKind,
    ProposalPartnershipType,
    ProposalStatus,
    ProposalTargetCountry,
)
from kakehashi.proposals.views import PAGE_SIZE
from tests.api.client import ApiClient
from tests.factories import OrganisationFactory, UserFactory, locality
from tests.proposals.factories import ProposalFactory, investment_project, published

pytestmark = pytest.mark.usefixtures("reference")

DAY = dt.date(2026, 11, 1)


def _published_project(**fields) -> Proposal:
    return investment_project(
        status=ProposalStatus.PUBLISHED,
        published_on=fields.pop("published_on", DAY),
        expires_on=dt.date(2027, 11, 1),
        **fields,
    )


@pytest.fixture
def catalogue() -> dict[str, Proposal]:
    """Proposals with two sectors, two target countries and two partnership types (what a
    join would repeat), a day shared by two of them (the order then follows creation), one
    elsewhere, and ones that no list shows."""
    agriculture, trade = Sector.objects.get(key="agriculture"), Sector.objects.get(key="trade")
    hanoi = OrganisationFactory(locality=locality("hanoi"), country="VN")
    rows = {
        "both": published(title="Both", published_on=DAY + dt.timedelta(days=3)),
        "project": _published_project(title="Project", published_on=DAY + dt.timedelta(days=5)),
        "plain": published(title="Plain", published_on=DAY + dt.timedelta(days=5)),
        "hanoi": published(title="Hanoi", organisation=hanoi, published_on=DAY),
        "old": published(title="Old", published_on=DAY - dt.timedelta(days=30)),
        "draft": ProposalFactory(title="Draft"),
        "submitted": ProposalFactory(title="Submitted", status=ProposalStatus.SUBMITTED),
    }
    rows["both"].sectors.add(agriculture, trade)
    rows["project"].sectors.add(agriculture)
    rows["hanoi"].sectors.add(trade)
    rows["draft"].sectors.add(agriculture, trade)
    rows["submitted"].sectors.add(agriculture)
    for name, countries in {"both": ["JP", "VN"], "project": ["JP"], "old": ["VN"]}.items():
        for country in countries:
            ProposalTargetCountry.objects.create(proposal=rows[name], country=country)
    for name, types in {"both": ["supplier", "investment"], "hanoi": ["supplier"]}.items():
        for kind in types:
            ProposalPartnershipType.objects.create(proposal=rows[name], type=kind)
    ProposalTargetCountry.objects.create(proposal=rows["draft"], country="JP")
    return rows


def _newest_first(rows: list[Proposal]) -> list[int]:
    rows = sorted(rows, key=lambda p: p.pk, reverse=True)
    rows.sort(key=lambda p: p.created_at, reverse=True)
    rows.sort(key=lambda p: p.published_on, reverse=True)
    return [p.pk for p in rows]


def _expected(catalogue, **filters) -> list[int]:
    """What the list must show, worked out in Python from the rows themselves."""
    rows = [p for p in catalogue.values() if p.status == ProposalStatus.PUBLISHED]
    if "kind" in filters:
        rows = [p for p in rows if p.kind == filters["kind"]]
    if "sector" in filters:
        rows = [p for p in rows if filters["sector"] in {s.key for s in p.sectors.all()}]
    if "country" in filters:
        rows = [p for p in rows if p.target_countries.filter(country=filters["country"]).exists()]
    if "partnership" in filters:
        rows = [p for p in rows if p.partnership_types.filter(type=filters["partnership"]).exists()]
    if "locality" in filters:
        rows = [p for p in rows if p.locality.slug == filters["locality"]]
    return _newest_first(rows)


FILTERS = [
    {},
    {"sector": "agriculture"},
    {"sector": "trade"},
    {"country": "JP"},
    {"country": "VN"},
    {"partnership": "supplier"},
    {"partnership": "investment"},
    {"kind": ProposalKind.INVESTMENT_PROJECT},
    {"locality": "hanoi"},
    {"sector": "agriculture", "country": "JP", "partnership": "supplier"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "&".join(map("=".join, f.items())))
def test_the_page_lists_exactly_the_matching_proposals_newest_first(client, catalogue, filters):
    response = client.get(reverse("proposals:list"), filters)
    page = response.context["page"]
    expected = _expected(catalogue, **filters)
    assert [p.pk for p in page.object_list] == expected
    assert page.paginator.count == len(expected)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "&".join(map("=".join, f.items())))
def test_the_api_lists_exactly_the_matching_proposals_newest_first(catalogue, filters):
    names = {"partnership": "partnership_type"}
    query = "&".join(f"{names.get(key, key)}={value}" for key, value in filters.items())
    body = ApiClient(Client(), None).get(f"/proposals?limit=100&{query}").json()
    expected = _expected(catalogue, **filters)
    assert [item["id"] for item in body["items"]] == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize("filters", [{"locality": "atlantis"}, {"sector": "unknown-sector"}])
def test_an_unknown_locality_or_sector_is_left_out(client, catalogue, filters):
    """As the form shows it, with a notice (tests/common/test_list_filters.py)."""
    response = client.get(reverse("proposals:list"), filters)
    assert [p.pk for p in response.context["page"].object_list] == _expected(catalogue)


def test_pages_hold_each_proposal_once_when_it_has_several_sectors_and_countries(client):
    agriculture, trade = Sector.objects.get(key="agriculture"), Sector.objects.get(key="trade")
    created = []
    for index in range(PAGE_SIZE + 7):
        proposal = published(title=f"Offer {index}", published_on=DAY + dt.timedelta(days=index))
        proposal.sectors.add(agriculture, trade)
        ProposalTargetCountry.objects.create(proposal=proposal, country="JP")
        ProposalTargetCountry.objects.create(proposal=proposal, country="VN")
        created.append(proposal)
    expected = _newest_first(created)
    for filters in ({}, {"sector": "agriculture"}, {"country": "JP"}):
        first = client.get(reverse("proposals:list"), filters).context["page"]
        second = client.get(reverse("proposals:list"), {**filters, "page": 2}).context["page"]
        assert (first.paginator.count, first.paginator.num_pages) == (len(expected), 2)
        assert [p.pk for p in [*first.object_list, *second.object_list]] == expected


def _many_published(count: int) -> None:
    agriculture = Sector.objects.get(key="agriculture")
    for index in range(count):
        proposal = published(title=f"Offer {index}")
        proposal.sectors.add(agriculture)
        ProposalTargetCountry.objects.create(proposal=proposal, country="JP")


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_the_page_makes_the_same_few_queries_for_many_rows(
    client, signed_in, django_assert_max_num_queries
):
    _many_published(30)
    if signed_in:
        client.force_login(UserFactory())
    # count, rows (with organisation and locality), sectors, translations, the organisations'
    # translations, the sector and locality choices; a signed-in visitor adds the session, the
    # user, their memberships, two permission lookups, whether they moderate, and the header's
    # unread messages and notifications.
    # Signed in, the menu also asks whether the user uses the news desk (one query).
    with django_assert_max_num_queries(16 if signed_in else 7):
        response = client.get(reverse("proposals:list"), {"sector": "agriculture", "country": "JP"})
    assert response.content.decode().count("Offer ") == 30


def test_the_api_makes_the_same_few_queries_for_many_rows(django_assert_max_num_queries):
    _many_published(30)
    # sector lookup, count, rows, then sectors, partnership types, countries, target
    # localities, translations, the organisations' translations
    with django_assert_max_num_queries(9):
        body = ApiClient(Client(), None).get("/proposals?sector=agriculture&country=JP").json()
    assert body["count"] == 30


def test_the_api_checks_a_signed_in_caller_s_rights_once_not_per_row(
    django_assert_max_num_queries,
):
    from tests.api.client import key_for
    from tests.factories import member_of

    mine, theirs = OrganisationFactory(), OrganisationFactory()
    caller = member_of(mine)
    for index in range(10):
        _published_project(title=f"Mine {index}", organisation=mine, is_anonymous=True)
        _published_project(title=f"Theirs {index}", organisation=theirs, is_anonymous=True)
        published(title=f"Open {index}", organisation=theirs)
    client = ApiClient(Client(), key_for(caller))
    # the key, the caller's organisations and moderated localities (what they may see), count,
    # rows, six prefetches; then for the rows' rights, once: the organisations and localities
    # again, the accepted interests, one locality's screening weights
    with django_assert_max_num_queries(16):
        body = client.get("/proposals?limit=100").json()
    owners = {item["title"]: item["organisation"] for item in body["items"]}
    assert len(owners) == 30 and body["count"] == 30
    assert {owners[f"Mine {i}"] for i in range(10)} == {mine.pk}
    assert {owners[f"Theirs {i}"] for i in range(10)} == {None}
    assert {owners[f"Open {i}"] for i in range(10)} == {theirs.pk}
    assert all(item["screening"] for item in body["items"] if item["title"][0] in "MT")
