"""One meaning per filter: the registry page and the API's list give the same partnerships for
the same filters and the same reader (both go through partnerships.queries.listed). The
fixtures tell "locality" apart: an agreement signed by a former unit (Binh Duong, now part of
Ho Chi Minh City), one signed by an organisation based in Ho Chi Minh City, one elsewhere."""

import pytest
from django.urls import reverse

from kakehashi.directory.models import Sector
from kakehashi.partnerships.models import PartnershipKind, PartnershipStatus
from tests.factories import OrganisationFactory, locality, member_of, partnership_between
from tests.list_rows import api_rows, filters_id, page_and_api_rows, page_rows

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood", locality=locality("ho-chi-minh-city"))


@pytest.fixture
def member(company):
    return member_of(company)


@pytest.fixture
def rows(company) -> dict:
    agriculture, trade = Sector.objects.get(key="agriculture"), Sector.objects.get(key="trade")
    osaka, hcmc = locality("osaka-prefecture"), locality("ho-chi-minh-city")
    rows = {
        "hcmc_osaka": partnership_between(hcmc, osaka, title="HCMC–Osaka"),
        "binh_duong": partnership_between(
            locality("binh-duong-before-2025"),
            locality("aichi-prefecture"),
            title="Binh Duong–Aichi",
            kind=PartnershipKind.SISTER_CITY,
            status=PartnershipStatus.EXPIRED,
        ),
        "company": partnership_between(company, osaka, title="Saigon Seafood–Osaka"),
        "hanoi": partnership_between(
            locality("hanoi"),
            locality("tokyo-metropolis"),
            title="Hanoi–Tokyo",
            kind=PartnershipKind.SISTER_CITY,
        ),
        # Unpublished, recorded by the member's organisation: theirs to see.
        "draft": partnership_between(company, hcmc, title="Draft", is_published=False),
    }
    rows["hcmc_osaka"].sectors.add(agriculture)
    rows["binh_duong"].sectors.add(agriculture, trade)
    rows["hanoi"].sectors.add(trade)
    rows["draft"].sectors.add(agriculture)
    return rows


FILTERS = [
    {},
    {"locality": "ho-chi-minh-city"},
    {"locality": "osaka-prefecture"},
    {"locality": "hanoi", "kind": PartnershipKind.SISTER_CITY},
    {"kind": PartnershipKind.SISTER_CITY},
    {"status": PartnershipStatus.EXPIRED},
    {"status": PartnershipStatus.ACTIVE, "sector": "agriculture"},
    {"sector": "trade"},
    {"locality": "ho-chi-minh-city", "sector": "agriculture"},
]


def _page_ids(client, filters) -> list[int]:
    return sorted(page_rows(client, "partnerships:list", filters))


def _api_ids(user, filters) -> list[int]:
    return sorted(api_rows(user, "/partnerships", filters))


@pytest.mark.parametrize("filters", FILTERS, ids=filters_id)
@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_page_and_api_give_the_same_partnerships(client, rows, member, reader, filters):
    user = member if reader == "member" else None
    page, api = page_and_api_rows(client, user, "partnerships:list", "/partnerships", filters)
    assert page == api


def test_a_locality_holds_its_former_units_and_the_organisations_based_there(client, rows):
    assert _page_ids(client, {"locality": "ho-chi-minh-city"}) == sorted(
        rows[name].pk for name in ("hcmc_osaka", "binh_duong", "company")
    )


def test_an_unpublished_partnership_shows_to_its_recorder_s_members_only(client, rows, member):
    assert rows["draft"].pk not in _api_ids(None, {})
    client.force_login(member)
    assert rows["draft"].pk in _page_ids(client, {"sector": "agriculture"})


@pytest.mark.parametrize("slug", ["binh-duong-before-2025", "osaka-city"])
def test_a_place_the_select_does_not_offer_is_left_out_and_said_so(client, rows, slug):
    """A former unit of Vietnam or a city of Japan is in the directory, but the select offers
    current units and prefectures only: the form could not show it as chosen, so the list
    shows every place and says why, in the reader's language."""
    everything = _page_ids(client, {})
    response = client.get(
        reverse("partnerships:list"), {"locality": slug}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert sorted(row.pk for row in response.context["page"].object_list) == everything
    html = response.content.decode()
    assert f"Đường dẫn yêu cầu một địa phương mà danh sách này không lọc theo (“{slug}”)" in html
    assert f'value="{slug}"' not in html
    assert response.context["selected"]["locality"] == ""


def test_an_offered_place_is_chosen_without_a_notice(client, rows):
    response = client.get(
        reverse("partnerships:list"), {"locality": "osaka-prefecture"}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert "Đường dẫn yêu cầu" not in response.content.decode()
    assert response.context["selected"]["locality"] == "osaka-prefecture"
    assert 'value="osaka-prefecture" selected' in response.content.decode()
