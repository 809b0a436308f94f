"""Importing organisations (platform administrators only), from CSV and XLSX."""

import pytest
from django.urls import reverse

from kakehashi.directory.models import Membership, Organisation
from kakehashi.transfer.models import ImportBatch
from tests.factories import OrganisationFactory, member_of
from tests.transfer.conftest import client_for, csv_bytes, latest_batch, post_import, xlsx_bytes

HEADER = [
    "name",
    "name_en",
    "kind",
    "country",
    "locality",
    "sectors",
    "website",
    "description",
    "language",
    "published",
]
ROWS = [
    [
        "Sở Công Thương TP.HCM",
        "HCMC Department of Industry and Trade",
        "local_government",
        "VN",
        "79",
        "trade; investment",
        "https://sct.hochiminhcity.gov.vn",
        "",
        "vi",
        "yes",
    ],
    [
        "大阪産業局",
        "Osaka Industrial Promotion Organization",
        "promotion_agency",
        "JP",
        "271004",
        "",
        "",
        "Supports SMEs.",
        "ja",
        "1",
    ],
    ["Kansai Chamber", "", "ASSOCIATION", "", "osaka-prefecture", "", "", "", "", ""],
]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("organisations.csv", csv_bytes([HEADER, *ROWS])),
        ("organisations.csv", csv_bytes([HEADER, *ROWS], bom=True)),
        ("organisations.csv", csv_bytes([HEADER, *ROWS], delimiter=";")),
        ("organisations.xlsx", xlsx_bytes([HEADER, *ROWS])),
    ],
    ids=["csv", "csv-with-bom", "csv-semicolons", "xlsx"],
)
def test_a_platform_admin_imports_organisations(platform_admin, name, content):
    client = client_for(platform_admin)
    response = post_import(client, "organisations", name, content)
    assert response.status_code == 302
    batch = latest_batch()
    assert batch.errors == []
    assert Organisation.objects.count() == 0

    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    imported = {
        organisation.name: organisation
        for organisation in Organisation.objects.select_related("locality")
    }
    assert sorted(imported) == ["Kansai Chamber", "Sở Công Thương TP.HCM", "大阪産業局"]
    trade = imported["Sở Công Thương TP.HCM"]
    assert (trade.kind, trade.country, trade.locality.slug, trade.language) == (
        "local_government",
        "VN",
        "ho-chi-minh-city",
        "vi",
    )
    assert sorted(trade.sectors.values_list("key", flat=True)) == ["investment", "trade"]
    assert (trade.website, trade.is_published) == ("https://sct.hochiminhcity.gov.vn", True)
    osaka = imported["大阪産業局"]
    assert (osaka.locality.slug, osaka.description, osaka.is_published) == (
        "osaka-city",
        "Supports SMEs.",
        True,
    )
    kansai = imported["Kansai Chamber"]
    assert (kansai.kind, kansai.country, kansai.locality.slug) == (
        "association",
        "JP",
        "osaka-prefecture",
    )
    assert (kansai.language, kansai.is_published) == ("en", False)
    # A platform administrator creating organisations does not become their member.
    assert Membership.objects.count() == 0


def test_bad_organisation_rows_are_listed_with_every_reason(platform_admin):
    client = client_for(platform_admin)
    rows = [
        ["", "", "", "VN", "", "", "", "", "", ""],
        ["Bad place", "", "company", "VN", "99", "", "", "", "", ""],
        ["Former", "", "company", "VN", "binh-duong-before-2025", "", "", "", "", ""],
        ["Wrong country", "", "company", "JP", "ho-chi-minh-city", "", "", "", "", ""],
        ["No country", "", "company", "", "79", "", "ftp://x", "", "", "maybe"],
        ["Fine", "", "", "VN", "VN:01", "", "", "", "", ""],
    ]
    post_import(client, "organisations", "o.csv", csv_bytes([HEADER, *rows]))
    batch = latest_batch()
    assert [(item["row"], item["code"]) for item in batch.errors] == [
        (2, "required"),
        (3, "locality_unknown"),
        (4, "locality_former"),
        (5, "locality_country_mismatch"),
        (6, "url_invalid"),
        (6, "boolean_invalid"),
        (6, "country_missing"),
    ]
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert page.count('class="bad-row"') == 5
    assert "Row 3: unknown locality code &#x27;99&#x27; (locality)" in page
    assert "Row 5: the locality &#x27;ho-chi-minh-city&#x27; is not in JP" in page
    assert "Row 6: the country is missing" in page
    assert "Import 1 valid row<" in page

    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert list(Organisation.objects.values_list("name", "kind", "locality__slug")) == [
        ("Fine", "other", "hanoi")
    ]


def test_an_existing_name_is_a_warning_not_an_error(platform_admin):
    OrganisationFactory(name="Kansai Chamber")
    client = client_for(platform_admin)
    post_import(client, "organisations", "o.csv", csv_bytes([HEADER, ROWS[2]]))
    batch = latest_batch()
    assert batch.errors == []
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert "an organisation with this name already exists; another is added" in page
    assert 'class="bad-row"' not in page


def test_a_company_member_cannot_import_organisations(reference):
    member = member_of(OrganisationFactory(name="Acme"))
    client = client_for(member)
    page = client.get(reverse("transfer:index")).content.decode()
    assert '<option value="organisations"' not in page
    assert '<option value="people"' in page
    assert '<option value="partnerships"' in page

    response = post_import(client, "organisations", "o.csv", csv_bytes([HEADER, *ROWS]))
    assert response.status_code == 403
    assert ImportBatch.objects.count() == 0
    assert Organisation.objects.count() == 1


def test_unknown_columns_are_named_on_the_preview(platform_admin):
    client = client_for(platform_admin)
    content = csv_bytes([["Name", "Sector", "country", "Notes"], ["Acme", "trade", "VN", "x"]])
    post_import(client, "organisations", "o.csv", content)
    batch = latest_batch()
    assert batch.ignored_columns == ["sector", "notes"]
    assert batch.rows[0]["values"] == {"name": "Acme", "country": "VN"}
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert "These columns of the file are not used: sector, notes." in page
