"""One meaning per filter: the marketplace page and the API's list give the same proposals for
the same filters and the same reader (both go through proposals.queries.listed), and search's
"Country" is where a proposal comes from, not where it is aimed. The fixtures tell the
meanings apart: a proposal from Vietnam aimed at Japan, one from Japan aimed at Vietnam."""

import datetime as dt

import pytest

from kakehashi.directory.models import Sector
from kakehashi.matching.search import SearchForm, run_search
from kakehashi.proposals.models import (
    Proposal,
    ProposalKind,
    ProposalPartnershipType,
    ProposalStatus,
    ProposalTargetCountry,
)
from tests.factories import OrganisationFactory, member_of
from tests.factories import locality as place
from tests.list_rows import api_rows, filters_id, page_and_api_rows, page_rows
from tests.proposals.factories import ProposalFactory, investment_project, published

pytestmark = pytest.mark.usefixtures("reference")


def _aim(proposal: Proposal, *, countries=(), types=(), sectors=()) -> Proposal:
    for country in countries:
        ProposalTargetCountry.objects.create(proposal=proposal, country=country)
    for kind in types:
        ProposalPartnershipType.objects.create(proposal=proposal, type=kind)
    proposal.sectors.add(*(Sector.objects.get(key=key) for key in sectors))
    return proposal


@pytest.fixture
def saigon():
    return OrganisationFactory(
        name="Saigon Seafood", country="VN", locality=place("ho-chi-minh-city")
    )


@pytest.fixture
def member(saigon):
    return member_of(saigon)


@pytest.fixture
def rows(saigon) -> dict[str, Proposal]:
    osaka = OrganisationFactory(
        name="Osaka Robotics", country="JP", locality=place("osaka-prefecture")
    )
    return {
        "vn_to_jp": _aim(
            published(title="From Vietnam", organisation=saigon),
            countries=["JP"],
            types=["supplier"],
            sectors=["agriculture"],
        ),
        "jp_to_vn": _aim(
            published(title="From Japan", organisation=osaka, kind=ProposalKind.BUSINESS_REQUEST),
            countries=["VN"],
            types=["investment"],
            sectors=["trade"],
        ),
        "project": _aim(
            investment_project(
                title="Da Nang park",
                locality=place("da-nang"),
                status=ProposalStatus.PUBLISHED,
                published_on=dt.date(2026, 11, 20),
                expires_on=dt.date(2027, 11, 20),
            ),
            countries=["JP", "VN"],
            types=["investment"],
            sectors=["agriculture", "trade"],
        ),
        # A Japanese company's project located in Vietnam: it comes from Vietnam.
        "jp_project_in_vn": _aim(
            investment_project(
                title="Osaka's plant in Da Nang",
                organisation=osaka,
                locality=place("da-nang"),
                status=ProposalStatus.PUBLISHED,
                published_on=dt.date(2026, 11, 21),
                expires_on=dt.date(2027, 11, 21),
            ),
            countries=["VN"],
        ),
        # The member's own, not published: the API shows them to the member by default.
        "draft": _aim(ProposalFactory(title="Draft", organisation=saigon), countries=["JP"]),
        "submitted": _aim(
            ProposalFactory(
                title="Submitted", organisation=saigon, status=ProposalStatus.SUBMITTED
            ),
            countries=["JP"],
            sectors=["agriculture"],
        ),
    }


FILTERS = [
    {},
    {"country": "JP"},
    {"country": "VN"},
    {"kind": ProposalKind.BUSINESS_REQUEST},
    {"kind": ProposalKind.INVESTMENT_PROJECT},
    {"sector": "agriculture"},
    {"sector": "trade", "country": "VN"},
    {"partnership": "investment"},
    {"partnership": "supplier", "country": "JP"},
    {"locality": "da-nang"},
    {"locality": "ho-chi-minh-city", "sector": "agriculture"},
    {"locality": "osaka-prefecture", "country": "JP"},
]


def _page_ids(client, filters) -> list[int]:
    return sorted(page_rows(client, "proposals:list", filters))


# The page's filter names the API spells otherwise.
API_NAMES = {"partnership": "partnership_type"}


def _api_ids(user, filters) -> list[int]:
    query = {API_NAMES.get(key, key): value for key, value in filters.items()}
    return sorted(api_rows(user, "/proposals", query))


@pytest.mark.parametrize("filters", FILTERS, ids=filters_id)
@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_page_and_api_give_the_same_published_proposals(client, rows, member, reader, filters):
    # The API also lists a member's own unpublished proposals: ask it for the published ones.
    user, extra = (member, {"status": "published"}) if reader == "member" else (None, {})
    api_filters = {API_NAMES.get(key, key): value for key, value in {**filters, **extra}.items()}
    page, api = page_and_api_rows(
        client, user, "proposals:list", "/proposals", filters, api_filters
    )
    assert page == api


def test_country_means_a_target_country_on_the_page_and_in_the_api(client, rows, member):
    aimed_at_japan = sorted([rows["vn_to_jp"].pk, rows["project"].pk])
    assert _page_ids(client, {"country": "JP"}) == aimed_at_japan
    assert _api_ids(None, {"country": "JP"}) == aimed_at_japan
    # The member sees their own draft and submitted proposal aimed at Japan too, in the API.
    mine = [rows["draft"].pk, rows["submitted"].pk]
    assert _api_ids(member, {"country": "JP"}) == sorted(aimed_at_japan + mine)


def test_the_api_shows_a_member_their_own_unpublished_proposals_not_others(rows, member):
    assert _api_ids(member, {"sector": "agriculture"}) == sorted(
        [rows["vn_to_jp"].pk, rows["project"].pk, rows["submitted"].pk]
    )
    assert rows["draft"].pk not in _api_ids(None, {})


def _search_ids(**data) -> list[int]:
    form = SearchForm(data)
    assert form.is_valid(), form.errors
    result = run_search(form.cleaned_data)
    return sorted(hit.proposal.pk for hit in result.hits if hit.proposal is not None)


def test_search_country_is_where_a_proposal_comes_from(rows):
    assert _search_ids(country="JP") == [rows["jp_to_vn"].pk]
    from_vietnam = sorted(rows[name].pk for name in ("vn_to_jp", "project", "jp_project_in_vn"))
    assert _search_ids(country="VN") == from_vietnam
    form = SearchForm({})
    assert form.is_valid()
    assert run_search(form.cleaned_data).facets["country"] == {"VN": 3, "JP": 1}


def test_search_applies_the_other_filters_as_the_page_does(client, rows):
    for filters in (
        {"sector": "agriculture"},
        {"kind": ProposalKind.INVESTMENT_PROJECT},
        {"locality": "da-nang"},
    ):
        assert _search_ids(**filters) == _page_ids(client, filters)
    assert _search_ids(partnership_type="investment") == _page_ids(
        client, {"partnership": "investment"}
    )
