"""Exports: what the user may see, in the columns an import reads, in a constant number of
queries, safe to open in a spreadsheet."""

import pytest
from django.test import Client
from django.urls import reverse

from kakehashi.directory.models import Membership, Organisation, Sector
from kakehashi.transfer.models import ImportBatch
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    locality,
    member_of,
    partnership_between,
)
from tests.transfer.conftest import (
    client_for,
    content_of,
    latest_batch,
    post_import,
    read_csv,
    read_xlsx,
)

ORGANISATION_COLUMNS = [
    "name", "name_en", "kind", "country", "locality", "sectors", "website", "description",
    "language", "published",
]  # fmt: skip


def export(client, kind, file_format):
    response = client.get(reverse("transfer:export", args=[kind, file_format]))
    assert response.status_code == 200
    return response, content_of(response)


@pytest.fixture
def organisations(reference):
    trade = OrganisationFactory(
        name='=HYPERLINK("http://evil.example","Click")',
        name_en="Department of Industry and Trade",
        kind="local_government",
        website="https://sct.example.vn",
        description="+84 hotline; -1 risk; @mention",
        language="vi",
    )
    trade.sectors.set(Sector.objects.filter(key__in=["trade", "investment"]))
    OrganisationFactory(
        name="大阪産業局", kind="promotion_agency", country="JP", locality=locality("osaka-city")
    )
    OrganisationFactory(name="Hidden Co", is_published=False)
    return trade


def test_organisations_as_csv(organisations, django_assert_num_queries):
    client = client_for(UserFactory())
    # session, user, own organisations, organisations, their sectors
    with django_assert_num_queries(5):
        response, content = export(client, "organisations", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="kakehashi-organisations-'
    )
    assert content.startswith(b"\xef\xbb\xbf")
    assert read_csv(content) == [
        ORGANISATION_COLUMNS,
        [
            '\'=HYPERLINK("http://evil.example","Click")',
            "Department of Industry and Trade",
            "local_government",
            "VN",
            "ho-chi-minh-city",
            "investment;trade",
            "https://sct.example.vn",
            "'+84 hotline; -1 risk; @mention",
            "vi",
            "yes",
        ],
        ["大阪産業局", "", "promotion_agency", "JP", "osaka-city", "", "", "", "en", "yes"],
    ]


def test_the_query_count_does_not_grow_with_the_rows(organisations, django_assert_num_queries):
    for number in range(30):
        OrganisationFactory(name=f"More {number}").sectors.set(Sector.objects.all()[:2])
    client = client_for(UserFactory())
    with django_assert_num_queries(5):
        _response, content = export(client, "organisations", "csv")
    assert len(read_csv(content)) == 1 + 32


def test_organisations_as_xlsx(organisations):
    client = client_for(UserFactory())
    response, content = export(client, "organisations", "xlsx")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    rows = read_xlsx(content)
    assert rows[0] == ORGANISATION_COLUMNS
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","Click")'
    assert rows[1][7] == "'+84 hotline; -1 risk; @mention"
    assert [row[0] for row in rows[1:]] == [rows[1][0], "大阪産業局"]


def test_an_organisation_member_sees_its_unpublished_organisation(organisations):
    hidden = Organisation.objects.get(name="Hidden Co")
    client = client_for(member_of(hidden))
    _response, content = export(client, "organisations", "csv")
    assert [row[0] for row in read_csv(content)[1:]] == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "Hidden Co",
        "大阪産業局",
    ]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_round_trip(organisations, platform_admin, file_format):
    """An exported file imports back: the preview shows every row valid, with the same
    values."""
    client = client_for(platform_admin)
    _response, content = export(client, "organisations", file_format)
    post_import(client, "organisations", f"export.{file_format}", content)
    batch = latest_batch()
    assert batch.errors == []
    assert batch.ignored_columns == []
    assert [row["values"] for row in batch.rows] == [
        {
            "name": '=HYPERLINK("http://evil.example","Click")',
            "name_en": "Department of Industry and Trade",
            "kind": "local_government",
            "country": "VN",
            "locality": "ho-chi-minh-city",
            "sectors": "investment;trade",
            "website": "https://sct.example.vn",
            "description": "+84 hotline; -1 risk; @mention",
            "language": "vi",
            "published": "yes",
        },
        {
            "name": "Hidden Co",
            "name_en": "",
            "kind": "company",
            "country": "VN",
            "locality": "ho-chi-minh-city",
            "sectors": "",
            "website": "",
            "description": "",
            "language": "en",
            "published": "no",
        },
        {
            "name": "大阪産業局",
            "name_en": "",
            "kind": "promotion_agency",
            "country": "JP",
            "locality": "osaka-city",
            "sectors": "",
            "website": "",
            "description": "",
            "language": "en",
            "published": "yes",
        },
    ]
    assert [row["valid"] for row in batch.rows] == [True, True, True]
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert "Import 3 valid rows" in page
    assert 'class="bad-row"' not in page


def test_partnerships_export_round_trip(hcmc_official, hcmc_government, django_assert_num_queries):
    osaka = partnership_between(
        locality("ho-chi-minh-city"),
        locality("osaka-prefecture"),
        locality("osaka-city"),
        locality("sakai-city"),
        title="Four parties",
        summary="=cmd",
    )
    osaka.sources.create(url="https://example.org/a")
    osaka.sources.create(url="https://example.org/b")
    osaka.sectors.set(Sector.objects.filter(key="trade"))
    partnership_between(
        locality("binh-duong-before-2025"), hcmc_government, title="With an organisation"
    )
    partnership_between(locality("hanoi"), locality("tokyo-metropolis"), title="Unpublished",
                        is_published=False)  # fmt: skip
    client = client_for(hcmc_official)
    # session, user, own organisations, own localities (2), party count, partnerships,
    # parties, the party organisations' translations (names in the reader's language),
    # sectors, renewals, sources, translations
    with django_assert_num_queries(13):
        _response, content = export(client, "partnerships", "csv")
    rows = read_csv(content)
    assert rows[0] == [
        "title", "kind", "type_as_stated",
        "party_1", "party_1_as_signed", "party_2", "party_2_as_signed",
        "party_3", "party_3_as_signed", "party_4", "party_4_as_signed",
        "signed_on", "status", "sectors", "summary", "language", "sources", "published",
    ]  # fmt: skip
    assert rows[1:] == [
        [
            "Four parties", "cooperation_mou", "",
            "ho-chi-minh-city", "Ho Chi Minh City", "osaka-prefecture", "Osaka Prefecture",
            "osaka-city", "Osaka City", "sakai-city", "Sakai City",
            "", "active", "trade", "'=cmd", "en",
            "https://example.org/a https://example.org/b", "yes",
        ],
        [
            "With an organisation", "cooperation_mou", "",
            "binh-duong-before-2025", "Binh Duong", f"org:{hcmc_government.pk}",
            hcmc_government.name, "", "", "", "",
            "", "active", "", "", "en", "", "yes",
        ],
    ]  # fmt: skip

    post_import(client, "partnerships", "export.csv", content)
    batch = latest_batch()
    assert batch.errors == []
    assert [row["preview"]["parties"] for row in batch.rows] == [
        ["Ho Chi Minh City", "Osaka Prefecture", "Osaka City", "Sakai City"],
        ["Binh Duong", hcmc_government.name],
    ]


def test_people_export_is_limited_to_ones_own_organisations(reference, platform_admin):
    org_a, org_b = OrganisationFactory(name="Org A"), OrganisationFactory(name="Org B")
    member = member_of(org_a, full_name="Member of A", email="a@a.example")
    outsider = PersonFactory(full_name="In B", email="b@b.example", phone="+81 6 1234")
    Membership.objects.create(person=outsider, organisation=org_b, role="admin", position="CEO")

    _response, content = export(client_for(member), "people", "csv")
    assert read_csv(content) == [
        ["full_name", "email", "phone", "organisation", "role", "position"],
        ["Member of A", "a@a.example", "", str(org_a.pk), "member", ""],
    ]
    _response, content = export(client_for(platform_admin), "people", "xlsx")
    assert read_xlsx(content)[1:] == [
        ["Member of A", "a@a.example", None, str(org_a.pk), "member", None],
        ["In B", "b@b.example", "'+81 6 1234", str(org_b.pk), "admin", "CEO"],
    ]
    _response, content = export(client_for(UserFactory()), "people", "csv")
    assert read_csv(content) == [
        ["full_name", "email", "phone", "organisation", "role", "position"]
    ]


def test_people_export_round_trip(reference):
    org_a = OrganisationFactory(name="Org A")
    admin = member_of(org_a, role="admin", full_name="Boss", email="boss@a.example")
    colleague = PersonFactory(full_name="Colleague", email="c@a.example", phone="+84 1")
    Membership.objects.create(person=colleague, organisation=org_a, position="Engineer")
    client = client_for(admin)
    _response, content = export(client, "people", "xlsx")
    post_import(client, "people", "people.xlsx", content)
    batch = latest_batch()
    assert batch.errors == []
    assert [row["preview"]["action"] for row in batch.rows] == [
        "update_membership",
        "update_membership",
    ]
    assert batch.rows[1]["values"]["phone"] == "+84 1"


def test_index_links_exports_and_templates(reference):
    member = member_of(OrganisationFactory(name="Acme"))
    page = client_for(member).get(reverse("transfer:index")).content.decode()
    for kind in ("organisations", "people", "partnerships"):
        for file_format in ("csv", "xlsx"):
            assert f'href="/transfer/export/{kind}.{file_format}"' in page
    assert "CSV (UTF-8 with BOM, for Excel)" in page
    assert 'href="/transfer/templates/people.csv"' in page
    assert 'href="/transfer/templates/partnerships.csv"' in page
    assert 'href="/transfer/templates/organisations.csv"' not in page
    page = client_for(UserFactory()).get(reverse("transfer:index")).content.decode()
    assert 'href="/transfer/export/people.csv"' not in page
    assert 'href="/transfer/export/partnerships.csv"' in page


def test_template_has_the_header_row(reference):
    client = client_for(UserFactory())
    response = client.get(reverse("transfer:template", args=["partnerships"]))
    assert read_csv(content_of(response)) == [
        [
            "title", "kind", "type_as_stated",
            "party_1", "party_1_as_signed", "party_2", "party_2_as_signed",
            "party_3", "party_3_as_signed",
            "signed_on", "status", "sectors", "summary", "language", "sources", "published",
        ]
    ]  # fmt: skip


def test_unknown_kinds_and_formats_are_not_found(reference):
    client = client_for(UserFactory())
    assert client.get("/transfer/export/visits.csv").status_code == 404
    assert client.get("/transfer/export/organisations.pdf").status_code == 404
    assert client.get("/transfer/templates/visits.csv").status_code == 404


def test_anonymous_users_are_sent_to_sign_in(reference):
    client = Client()
    for url in (
        "/transfer/",
        "/transfer/export/organisations.csv",
        "/transfer/templates/people.csv",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert ImportBatch.objects.count() == 0
