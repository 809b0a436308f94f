"""One meaning per filter: the directory page and the API's list give the same organisations
for the same filters and the same reader (both go through directory.queries.listed), the
page now has the API's locality and text filters, and search's organisations follow the same
meanings."""

import pytest

from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import OrganisationKind, OrganisationTranslation, Sector
from kakehashi.matching.search import ORGANISATIONS, SearchForm, run_search
from tests.factories import OrganisationFactory, member_of
from tests.factories import locality as place
from tests.list_rows import api_rows, filters_id, page_and_api_rows, page_rows

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def rows() -> dict:
    agriculture, trade = Sector.objects.get(key="agriculture"), Sector.objects.get(key="trade")
    rows = {
        "saigon": OrganisationFactory(
            name="Thủy sản Sài Gòn",
            name_en="Saigon Seafood",
            language="vi",
            country="VN",
            locality=place("ho-chi-minh-city"),
        ),
        "danang": OrganisationFactory(
            name="Da Nang Port Authority",
            kind=OrganisationKind.LOCAL_GOVERNMENT,
            country="VN",
            locality=place("da-nang"),
        ),
        "osaka": OrganisationFactory(
            name="大阪ロボティクス",
            name_en="Osaka Robotics",
            country="JP",
            locality=place("osaka-prefecture"),
        ),
        "yokohama": OrganisationFactory(
            name="Yokohama Seafood Traders", country="JP", locality=place("yokohama-city")
        ),
        "hidden": OrganisationFactory(
            name="Hidden Seafood",
            country="VN",
            locality=place("ho-chi-minh-city"),
            is_published=False,
        ),
    }
    rows["saigon"].sectors.add(agriculture)
    rows["yokohama"].sectors.add(agriculture, trade)
    rows["osaka"].sectors.add(trade)
    OrganisationTranslation.objects.create(
        organisation=rows["saigon"],
        language="ja",
        name="サイゴン水産",
        source=TranslationSource.AUTHOR,
    )
    return rows


@pytest.fixture
def member(rows):
    return member_of(rows["hidden"])


FILTERS = [
    {},
    {"country": "JP"},
    {"country": "VN"},
    {"kind": OrganisationKind.LOCAL_GOVERNMENT},
    {"sector": "agriculture"},
    {"sector": "trade", "country": "JP"},
    {"locality": "ho-chi-minh-city"},
    {"locality": "osaka-prefecture"},
    {"locality": "yokohama-city", "sector": "agriculture"},
    {"q": "seafood"},
    {"q": "SEAFOOD", "country": "JP"},
    {"q": "サイゴン"},
    {"q": "Robotics"},
    {"q": "nothing like it"},
]


def _page_ids(client, filters) -> list[int]:
    return sorted(page_rows(client, "directory:organisations", filters))


def _api_ids(user, filters) -> list[int]:
    return sorted(api_rows(user, "/organisations", filters))


@pytest.mark.parametrize("filters", FILTERS, ids=filters_id)
@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_page_and_api_give_the_same_organisations(client, rows, member, reader, filters):
    user = member if reader == "member" else None
    page, api = page_and_api_rows(
        client, user, "directory:organisations", "/organisations", filters
    )
    assert page == api


def test_the_text_filter_reads_the_name_the_english_name_and_translated_names(client, rows):
    assert _page_ids(client, {"q": "seafood"}) == sorted([rows["saigon"].pk, rows["yokohama"].pk])
    assert _page_ids(client, {"q": "サイゴン"}) == [rows["saigon"].pk]
    assert _page_ids(client, {"q": "大阪"}) == [rows["osaka"].pk]


def test_the_locality_filter_holds_the_places_within_it_by_lineage_not_by_country(client, rows):
    assert _page_ids(client, {"locality": "ho-chi-minh-city"}) == [rows["saigon"].pk]
    # An unknown place is left out, with a notice (tests/common/test_list_filters.py).
    assert _page_ids(client, {"locality": "atlantis"}) == _page_ids(client, {})


def test_a_member_sees_their_unpublished_organisation_anonymous_readers_do_not(
    client, rows, member
):
    assert rows["hidden"].pk not in _page_ids(client, {"q": "hidden"})
    assert _api_ids(member, {"q": "hidden"}) == [rows["hidden"].pk]


def _search_ids(**data) -> list[int]:
    form = SearchForm({"kind": ORGANISATIONS, **data})
    assert form.is_valid(), form.errors
    return sorted(hit.organisation.pk for hit in run_search(form.cleaned_data).hits)


def test_search_lists_the_same_published_organisations_as_the_page(client, rows):
    for filters in (
        {},
        {"country": "JP"},
        {"sector": "agriculture"},
        {"locality": "ho-chi-minh-city"},
        {"locality": "osaka-prefecture", "sector": "trade"},
    ):
        assert _search_ids(**filters) == _page_ids(client, filters)
