import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships.models import Document, Partnership
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    locality,
    member_of,
    partnership_between,
)

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def danang():
    return OrganisationFactory(kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("da-nang"))


@pytest.fixture
def hanoi():
    return OrganisationFactory(kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("hanoi"))


@pytest.fixture
def danang_agreement():
    return partnership_between(locality("da-nang"), locality("yokohama-city"), title="Da Nang MoU")


def form_data(*, title="Da Nang – Sakai MoU", signed="2024-05", parties=("da-nang", "sakai-city")):
    data = {
        "title": title,
        "kind": "cooperation_mou",
        "signed": signed,
        "status": "active",
        "language": "en",
        "sources": "https://example.org/mou",
        "renewals": "",
        "is_published": "on",
        "party-TOTAL_FORMS": "4",
        "party-INITIAL_FORMS": "0",
        "party-MIN_NUM_FORMS": "4",
        "party-MAX_NUM_FORMS": "10",
    }
    for index, slug in enumerate(parties):
        data[f"party-{index}-locality"] = str(locality(slug).pk)
    return data


def test_a_member_of_a_party_creates_and_edits_a_partnership(client, danang):
    client.force_login(member_of(danang))
    response = client.post(reverse("partnerships:create"), form_data())
    partnership = Partnership.objects.get()
    assert response.status_code == 302 and response.url == partnership.get_absolute_url()
    assert partnership.signed_display == "May 2024"

    response = client.post(
        reverse("partnerships:edit", args=[partnership.pk]),
        form_data(title="Renamed", signed="2024-05-17"),
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert (partnership.title, partnership.signed_display) == ("Renamed", "17 May 2024")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"signed": "2024-13-40"}, "Enter the date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"signed": "yesterday"}, "Enter the date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"party-1-locality": "999999"}, "Select a valid choice"),
        ({"sources": "not a url"}, "is not a web address"),
        ({"party-1-locality": ""}, "A partnership needs at least two parties."),
        ({"kind": "alliance"}, "Select a valid choice"),
    ],
)
def test_malformed_input_is_explained_and_writes_nothing(client, danang, change, message):
    client.force_login(member_of(danang))
    response = client.post(reverse("partnerships:create"), form_data() | change)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Partnership.objects.count() == 0


def test_a_member_of_another_organisation_cannot_edit(client, hanoi, danang_agreement):
    client.force_login(member_of(hanoi))
    before = Partnership.objects.values().get()
    edit = reverse("partnerships:edit", args=[danang_agreement.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, form_data(title="Hijacked")).status_code == 403
    delete = reverse("partnerships:delete", args=[danang_agreement.pk])
    assert client.post(delete).status_code == 403
    assert Partnership.objects.values().get() == before


def test_a_company_member_cannot_record_partnerships_for_a_locality(client):
    company = OrganisationFactory(kind=OrganisationKind.COMPANY, locality=locality("da-nang"))
    client.force_login(member_of(company))
    response = client.post(reverse("partnerships:create"), form_data())
    assert response.status_code == 200
    assert "You can only record agreements to which your organisation or locality is a party." in (
        response.content.decode()
    )
    assert Partnership.objects.count() == 0


def test_a_user_without_organisation_cannot_open_the_form(client):
    client.force_login(UserFactory())
    assert client.get(reverse("partnerships:create")).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, danang_agreement):
    response = client.get(reverse("partnerships:edit", args=[danang_agreement.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_unpublished_partnerships_are_hidden_from_the_public(client, danang, danang_agreement):
    danang_agreement.is_published = False
    danang_agreement.save()
    url = danang_agreement.get_absolute_url()
    assert client.get(url).status_code == 404
    assert "Da Nang MoU" not in client.get(reverse("partnerships:list")).content.decode()
    client.force_login(member_of(danang))
    assert client.get(url).status_code == 200


def test_upload_a_document_and_refuse_a_non_pdf(client, danang, danang_agreement):
    client.force_login(member_of(danang))
    url = reverse("partnerships:document_upload", args=[danang_agreement.pk])
    bad = SimpleUploadedFile("mou.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(url, {"title": "MoU", "file": bad})
    assert response.status_code == 400
    assert "Only PDF, PNG and JPEG files are accepted." in response.content.decode()
    assert Document.objects.count() == 0

    good = SimpleUploadedFile("mou.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    assert client.post(url, {"title": "MoU", "file": good}).status_code == 302
    document = Document.objects.get()
    download = client.get(reverse("partnerships:document", args=[danang_agreement.pk, document.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == b"%PDF-1.7\n%%EOF\n"


def test_outsiders_cannot_upload(client, hanoi, danang_agreement):
    client.force_login(member_of(hanoi))
    url = reverse("partnerships:document_upload", args=[danang_agreement.pk])
    good = SimpleUploadedFile("mou.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf")
    assert client.post(url, {"title": "MoU", "file": good}).status_code == 403
    assert Document.objects.count() == 0


def test_the_list_names_the_parties_in_the_readers_language(client, danang_agreement):
    client.cookies["kakehashi_language"] = "ja"
    page = client.get(reverse("partnerships:list")).content.decode()
    assert "ダナン市" in page and "横浜市" in page
    assert 'title="Yokohama City"' in page  # the name as signed, on hover


def test_list_page_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    for index in range(30):
        partnership_between(
            locality("hanoi"), locality("fukuoka-prefecture"), title=f"Agreement {index}"
        )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("partnerships:list"))
    assert response.content.decode().count("Agreement ") == 30


def test_the_list_filters_by_locality_with_the_units_it_took_over(
    client, django_assert_max_num_queries
):
    binh_duong = locality("binh-duong-before-2025")
    former = partnership_between(binh_duong, locality("yokohama-city"), title="Binh Duong MoU")
    today = partnership_between(
        locality("ho-chi-minh-city"), locality("osaka-prefecture"), title="Ho Chi Minh City MoU"
    )
    elsewhere = partnership_between(
        locality("hanoi"), locality("osaka-prefecture"), title="Hanoi MoU"
    )
    with django_assert_max_num_queries(12):
        response = client.get(reverse("partnerships:list"), {"locality": "ho-chi-minh-city"})
    html = response.content.decode()
    assert former.title in html and today.title in html
    assert elsewhere.title not in html
    assert '<option value="ho-chi-minh-city" selected>' in html
    # An unknown place filters nothing out and breaks nothing.
    response = client.get(reverse("partnerships:list"), {"locality": "atlantis"})
    assert response.status_code == 200
    assert elsewhere.title in response.content.decode()
