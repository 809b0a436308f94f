import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.partnerships.models import Document, Partnership, PartnershipParty
from kakehashi.partnerships.services import (
    PartnershipInput,
    PartyInput,
    RenewalInput,
    add_document,
    create_partnership,
    record_visit,
    update_partnership,
)
from tests.factories import OrganisationFactory, UserFactory, locality, member_of

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def danang_government():
    return OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country="VN", locality=locality("da-nang")
    )


def agreement(*parties, **fields) -> PartnershipInput:
    return PartnershipInput(
        title=fields.pop("title", "Da Nang – Yokohama MoU"),
        kind="cooperation_mou",
        parties=[PartyInput(locality=p) for p in parties],
        **fields,
    )


def test_a_local_government_member_records_an_agreement_of_its_locality(danang_government):
    user = member_of(danang_government)
    partnership = create_partnership(
        data=agreement(
            locality("da-nang"),
            locality("yokohama-city"),
            signed_on=dt.date(2013, 4, 9),
            sources=["https://example.org/a", "https://example.org/a"],
            renewals=[RenewalInput(date=dt.date(2018, 1, 1), precision="year", note="renewed")],
        ),
        by=user,
    )
    assert partnership.recorded_by == danang_government
    assert [p.name_as_signed for p in partnership.parties.all()] == ["Da Nang", "Yokohama City"]
    assert [s.url for s in partnership.sources.all()] == ["https://example.org/a"]
    assert partnership.renewals.get().date_display == "2018"


def test_recording_for_someone_elses_locality_is_refused(danang_government):
    user = member_of(danang_government)
    with pytest.raises(ValidationError) as error:
        create_partnership(data=agreement(locality("hanoi"), locality("tokyo-metropolis")), by=user)
    assert error.value.code == "not_a_party"
    assert Partnership.objects.count() == 0


def test_a_merged_province_counts_as_the_new_units_own(reference):
    government = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("ho-chi-minh-city")
    )
    user = member_of(government)
    partnership = create_partnership(
        data=agreement(locality("binh-duong-before-2025"), locality("yamaguchi-prefecture")),
        by=user,
    )
    party = partnership.parties.get(locality__slug="binh-duong-before-2025")
    assert party.name_as_signed == "Binh Duong"
    assert party.current_place.slug == "ho-chi-minh-city"


@pytest.mark.parametrize(
    ("parties", "code"),
    [
        (["da-nang"], "too_few_parties"),
        (["da-nang", "da-nang"], "party_duplicate"),
    ],
)
def test_bad_parties_write_nothing(danang_government, parties, code):
    user = member_of(danang_government)
    with pytest.raises(ValidationError) as error:
        create_partnership(data=agreement(*[locality(slug) for slug in parties]), by=user)
    assert error.value.code == code
    assert (Partnership.objects.count(), PartnershipParty.objects.count()) == (0, 0)


def test_an_editor_cannot_remove_their_own_side(danang_government):
    user = member_of(danang_government)
    partnership = create_partnership(
        data=agreement(locality("da-nang"), locality("yokohama-city")), by=user
    )
    with pytest.raises(ValidationError):
        update_partnership(
            partnership=partnership,
            data=agreement(locality("hanoi"), locality("yokohama-city"), title="Changed"),
            by=user,
        )
    partnership.refresh_from_db()
    assert partnership.title == "Da Nang – Yokohama MoU"
    assert list(partnership.parties.values_list("locality__slug", flat=True)) == [
        "da-nang",
        "yokohama-city",
    ]


@pytest.fixture
def partnership(danang_government):
    admin = UserFactory(is_superuser=True, is_staff=True)
    return create_partnership(
        data=agreement(locality("da-nang"), locality("yokohama-city")), by=admin
    )


@pytest.fixture
def editor(danang_government):
    """A member of Da Nang's government: the partnership is theirs to change."""
    return member_of(danang_government)


def test_a_pdf_is_stored(partnership, editor, settings):
    document = add_document(
        partnership=partnership,
        title="Signed MoU",
        upload=SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf"),
        by=editor,
    )
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))
    assert document.file.read() == PDF


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("mou.pdf", b"MZ\x90\x00 this is an executable", "file_type_not_allowed"),
        ("mou.pdf", b"%PDF-1.4 truncated without end marker", "file_damaged"),
        ("empty.pdf", b"", "file_empty"),
        ("big.pdf", b"%PDF-" + b"0" * 2048 + b"%%EOF", "file_too_large"),
    ],
)
def test_bad_uploads_are_refused_and_nothing_is_stored(
    partnership, editor, settings, name, content, code
):
    settings.KAKEHASHI_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        add_document(
            partnership=partnership,
            title="Signed MoU",
            upload=SimpleUploadedFile(name, content, content_type="application/pdf"),
            by=editor,
        )
    assert error.value.code == code
    assert Document.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "partnerships").exists()


def test_a_visit_cannot_end_before_it_starts(partnership, editor):
    with pytest.raises(ValidationError) as error:
        record_visit(
            partnership=partnership,
            visitor=locality("da-nang"),
            host=locality("yokohama-city"),
            started_on=dt.date(2024, 5, 2),
            ended_on=dt.date(2024, 5, 1),
            purpose="Study tour",
            by=editor,
        )
    assert error.value.code == "visit_dates_reversed"
    assert partnership.visits.count() == 0


def test_membership_roles_are_distinct(danang_government):
    admin = member_of(danang_government, role=MembershipRole.ADMIN)
    member = member_of(danang_government)
    assert admin.has_perm("directory.change_organisation", danang_government)
    assert not member.has_perm("directory.change_organisation", danang_government)
