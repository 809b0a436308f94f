"""Importing partnerships: preview with every bad row and its reasons, confirmation writes
the good rows once, through the partnership services."""

import datetime as dt

import pytest
from django.urls import reverse

from kakehashi.partnerships.models import Partnership, PartnershipParty, Source
from kakehashi.transfer.models import BatchStatus, ImportBatch
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.transfer.conftest import client_for, csv_bytes, latest_batch, post_import

HEADER = [
    "title",
    "kind",
    "party_1",
    "party_1_as_signed",
    "party_2",
    "party_2_as_signed",
    "signed_on",
    "status",
    "sectors",
    "summary",
    "language",
    "sources",
    "published",
]
GOOD_OSAKA = [
    "HCMC–Osaka MoU",
    "cooperation_mou",
    "ho-chi-minh-city",
    "TP. Hồ Chí Minh",
    "JP:27",
    "",
    "2016-09",
    "active",
    "investment;trade",
    "Trade and investment.",
    "en",
    "https://example.org/a https://example.org/b",
    "yes",
]
BAD_LOCALITY = [
    "Broken",
    "field_mou",
    "VN:79",
    "",
    "XX",
    "",
    "2018",
    "",
    "",
    "",
    "",
    "",
    "",
]
GOOD_BINH_DUONG = [
    "Binh Duong–Osaka City",
    "sister_city",
    "binh-duong-before-2025",
    "",
    "JP:271004",
    "",
    "2019-10-03",
    "",
    "",
    "",
    "",
    "",
    "no",
]


def partnership_csv(*rows) -> bytes:
    return csv_bytes([HEADER, *rows])


@pytest.fixture
def uploaded(hcmc_official):
    """A file with a good row, a row naming an unknown locality code, and another good row,
    uploaded by an official of Ho Chi Minh City."""
    client = client_for(hcmc_official)
    response = post_import(
        client,
        "partnerships",
        "agreements.csv",
        partnership_csv(GOOD_OSAKA, BAD_LOCALITY, GOOD_BINH_DUONG),
    )
    batch = latest_batch()
    assert response.status_code == 302
    assert response["Location"] == reverse("transfer:batch", args=[batch.pk])
    return client, batch


def test_preview_lists_the_bad_row_with_its_reason_and_writes_nothing(uploaded):
    client, batch = uploaded
    assert Partnership.objects.count() == 0
    assert batch.status == BatchStatus.PENDING
    assert [row["valid"] for row in batch.rows] == [True, False, True]
    assert batch.errors == [
        {"row": 3, "code": "locality_unknown", "params": {"value": "XX", "column": "party_2"}}
    ]

    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert 'id="import-preview"' in page
    assert page.count('class="bad-row"') == 1
    assert '<tr class="bad-row" data-row="3">' in page
    assert "Row 3: unknown locality code &#x27;XX&#x27; (party_2)" in page
    assert "Import 2 valid rows" in page
    assert 'id="import-confirm"' in page
    # What the good rows will create, with the names of the places they name.
    assert "Ho Chi Minh City – Osaka Prefecture" not in page  # as signed wins over the name
    assert "TP. Hồ Chí Minh – Osaka Prefecture" in page
    assert "Binh Duong – Osaka City" in page


def test_confirm_writes_exactly_the_good_rows(uploaded, hcmc_government):
    client, batch = uploaded
    response = client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    assert response.status_code == 302

    assert sorted(Partnership.objects.values_list("title", flat=True)) == [
        "Binh Duong–Osaka City",
        "HCMC–Osaka MoU",
    ]
    osaka = Partnership.objects.get(title="HCMC–Osaka MoU")
    assert osaka.kind == "cooperation_mou"
    assert (osaka.signed_on, osaka.signed_precision) == (dt.date(2016, 9, 1), "month")
    assert sorted(osaka.sectors.values_list("key", flat=True)) == ["investment", "trade"]
    assert list(osaka.sources.values_list("url", flat=True)) == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    assert [(p.locality.slug, p.name_as_signed) for p in osaka.parties.all()] == [
        ("ho-chi-minh-city", "TP. Hồ Chí Minh"),
        ("osaka-prefecture", "Osaka Prefecture"),
    ]
    assert osaka.recorded_by == hcmc_government
    assert osaka.is_published is True
    binh_duong = Partnership.objects.get(title="Binh Duong–Osaka City")
    assert [p.locality.slug for p in binh_duong.parties.all()] == [
        "binh-duong-before-2025",
        "osaka-city",
    ]
    assert (binh_duong.status, binh_duong.language, binh_duong.is_published) == (
        "active",
        "en",
        False,
    )

    batch.refresh_from_db()
    assert (batch.status, batch.written_count, batch.skipped_count) == (BatchStatus.APPLIED, 2, 1)
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    assert 'id="import-result"' in page
    assert "2 rows were imported." in page
    assert "1 row was skipped." in page
    assert "Row 3: unknown locality code &#x27;XX&#x27; (party_2)" in page
    assert 'id="import-confirm"' not in page


def test_confirming_twice_writes_once(uploaded):
    client, batch = uploaded
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    response = client.post(reverse("transfer:batch_confirm", args=[batch.pk]), follow=True)
    assert Partnership.objects.count() == 2
    assert PartnershipParty.objects.count() == 4
    assert Source.objects.count() == 2
    assert "This import has already been confirmed or cancelled." in response.content.decode()


def test_cancelling_a_confirmed_batch_says_why_and_keeps_what_it_wrote(uploaded):
    client, batch = uploaded
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    response = client.post(reverse("transfer:batch_cancel", args=[batch.pk]), follow=True)
    assert "This import has already been confirmed or cancelled." in response.content.decode()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.APPLIED
    assert Partnership.objects.count() == 2


def test_another_user_cannot_see_or_confirm_the_batch(uploaded, hcmc_government):
    _client, batch = uploaded
    colleague = client_for(member_of(hcmc_government, role="admin"))
    assert colleague.get(reverse("transfer:batch", args=[batch.pk])).status_code == 404
    assert colleague.post(reverse("transfer:batch_confirm", args=[batch.pk])).status_code == 404
    assert colleague.post(reverse("transfer:batch_cancel", args=[batch.pk])).status_code == 404
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PENDING
    assert Partnership.objects.count() == 0


def test_anonymous_is_sent_to_sign_in(uploaded):
    _client, batch = uploaded
    from django.test import Client

    response = Client().get(reverse("transfer:batch", args=[batch.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_cancel_writes_nothing_and_confirm_is_refused_afterwards(uploaded):
    client, batch = uploaded
    client.post(reverse("transfer:batch_cancel", args=[batch.pk]))
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CANCELLED
    assert Partnership.objects.count() == 0


def test_rows_are_checked_again_at_confirmation(hcmc_official, hcmc_government):
    """The official leaves the city's government between upload and confirmation: the rows
    they could record then are skipped now, with the reason."""
    client = client_for(hcmc_official)
    other = OrganisationFactory(name="Stays")
    member_of(other, full_name="keeps import permission")
    post_import(client, "partnerships", "a.csv", partnership_csv(GOOD_OSAKA))
    batch = latest_batch()
    assert batch.valid_count == 1
    hcmc_official.person.memberships.update(organisation=other)

    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    batch.refresh_from_db()
    assert Partnership.objects.count() == 0
    assert (batch.written_count, batch.skipped_count) == (0, 1)
    assert batch.errors == [{"row": 2, "code": "not_a_party", "params": {}}]


def test_every_reason_of_a_bad_row_is_listed(hcmc_official):
    client = client_for(hcmc_official)
    row = [
        "",
        "treaty",
        "VN:79",
        "",
        "VN:79",
        "",
        "2016-13-01",
        "dormant",
        "fishing",
        "",
        "xx",
        "not-a-url",
        "perhaps",
    ]
    post_import(client, "partnerships", "a.csv", partnership_csv(row))
    batch = latest_batch()
    page = client.get(reverse("transfer:batch", args=[batch.pk])).content.decode()
    reasons = [
        "Row 2: &#x27;title&#x27; is empty but required",
        "Row 2: &#x27;treaty&#x27; is not a valid kind; use one of: sister_city, "
        "cooperation_mou, field_mou, council, economic_programme, other",
        "Row 2: the same party is listed twice",
        "Row 2: the date &#x27;2016-13-01&#x27; is not YYYY, YYYY-MM or YYYY-MM-DD",
        "Row 2: &#x27;dormant&#x27; is not a valid status; use one of: active, expired, superseded",
        "Row 2: unknown sector &#x27;fishing&#x27;",
        "Row 2: &#x27;xx&#x27; is not a valid language; use one of: en, vi, ja",
        "Row 2: &#x27;not-a-url&#x27; is not a web address (sources)",
        "Row 2: &#x27;perhaps&#x27; is not yes or no (published)",
    ]
    for reason in reasons:
        assert reason in page
    assert len(batch.errors) == len(reasons)
    assert "No row can be imported." in page
    assert 'id="import-confirm"' not in page


def test_a_row_for_an_agreement_of_others_is_refused(hcmc_official):
    client = client_for(hcmc_official)
    others = ["Hanoi–Tokyo", "", "hanoi", "", "JP:13", "", "", "", "", "", "", "", ""]
    post_import(client, "partnerships", "a.csv", partnership_csv(others))
    page = client.get(reverse("transfer:batch", args=[latest_batch().pk])).content.decode()
    assert (
        "Row 2: you can only record agreements to which your organisation or locality is a party"
        in page
    )


def test_parties_by_organisation_and_too_few_parties(hcmc_official, hcmc_government):
    partner = OrganisationFactory(
        name="Osaka Chamber", country="JP", locality=locality("osaka-city")
    )
    client = client_for(hcmc_official)
    rows = [
        [
            "With chamber",
            "",
            f"org:{hcmc_government.pk}",
            "",
            f"org:{partner.pk}",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        ["Alone", "", "ho-chi-minh-city", "", "", "", "", "", "", "", "", "", ""],
        ["Ghost", "", "ho-chi-minh-city", "", "org:999999", "", "", "", "", "", "", "", ""],
    ]
    post_import(client, "partnerships", "a.csv", partnership_csv(*rows))
    batch = latest_batch()
    assert [(item["row"], item["code"]) for item in batch.errors] == [
        (3, "too_few_parties"),
        (4, "organisation_unknown"),
    ]
    client.post(reverse("transfer:batch_confirm", args=[batch.pk]))
    partnership = Partnership.objects.get()
    assert [p.organisation for p in partnership.parties.all()] == [hcmc_government, partner]


def test_a_platform_admin_may_record_any_agreement(platform_admin):
    client = client_for(platform_admin)
    row = ["Hanoi–Tokyo", "", "VN:01", "", "tokyo-metropolis", "", "2000", "", "", "", "", "", ""]
    post_import(client, "partnerships", "a.csv", partnership_csv(row))
    client.post(reverse("transfer:batch_confirm", args=[latest_batch().pk]))
    partnership = Partnership.objects.get()
    assert partnership.recorded_by is None
    assert partnership.created_by == platform_admin
    assert (partnership.signed_on, partnership.signed_precision) == (dt.date(2000, 1, 1), "year")


def test_a_user_without_an_organisation_cannot_import_partnerships(reference):
    client = client_for(UserFactory())
    response = post_import(client, "partnerships", "a.csv", partnership_csv(GOOD_OSAKA))
    assert response.status_code == 403
    assert ImportBatch.objects.count() == 0
    page = client.get(reverse("transfer:index")).content.decode()
    assert "To import records, you need to act for an organisation on the platform." in page
    assert 'name="kind"' not in page
