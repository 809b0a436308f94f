"""The audit trail of a partnership: created, changed, document added, deleted; a refused
change leaves no entry; owners see it, others do not."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.common.audit import entries_visible_to
from kakehashi.common.models import AuditAction, AuditEntry
from kakehashi.directory.models import OrganisationKind
from kakehashi.partnerships.services import (
    PartnershipInput,
    PartyInput,
    add_document,
    create_partnership,
    delete_partnership,
    update_partnership,
)
from tests.factories import OrganisationFactory, UserFactory, locality, member_of

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def governments():
    danang = OrganisationFactory(
        name="Da Nang People's Committee",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("da-nang"),
    )
    yokohama = OrganisationFactory(
        name="City of Yokohama",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        country="JP",
        locality=locality("yokohama-city"),
    )
    return danang, yokohama


def agreement(*places, title="Da Nang – Yokohama MoU") -> PartnershipInput:
    return PartnershipInput(
        title=title, kind="cooperation_mou", parties=[PartyInput(locality=p) for p in places]
    )


def test_each_change_is_recorded_with_actor_fields_and_owners(governments):
    danang, yokohama = governments
    user = member_of(danang)
    partnership = create_partnership(
        data=agreement(locality("da-nang"), locality("yokohama-city")), by=user
    )
    created = AuditEntry.objects.get(action=AuditAction.CREATED)
    assert (created.actor, created.acted_for) == (user, danang)
    assert (created.model_label, created.object_id) == (
        "partnerships.partnership",
        str(partnership.pk),
    )
    assert created.after["title"] == "Da Nang – Yokohama MoU"
    assert created.after["parties"] == ["Da Nang", "Yokohama City"]
    assert created.after["recorded_by"] == {"id": danang.pk, "repr": danang.name}
    assert set(created.owners.all()) == {danang, yokohama}

    partnership = update_partnership(
        partnership=partnership,
        data=agreement(locality("da-nang"), locality("yokohama-city"), title="Renewed MoU"),
        by=user,
    )
    changed = AuditEntry.objects.get(action=AuditAction.CHANGED)
    # Parties, sources and renewals were rewritten but are equal: only the title changed.
    assert (changed.before, changed.after) == (
        {"title": "Da Nang – Yokohama MoU"},
        {"title": "Renewed MoU"},
    )

    upload = SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf")
    add_document(partnership=partnership, title="Signed copy", upload=upload, by=user)
    added = AuditEntry.objects.get(action=AuditAction.ADDED)
    assert added.after == {"documents": ["Signed copy"]}

    pk = partnership.pk
    delete_partnership(partnership=partnership, by=user)
    deleted = AuditEntry.objects.get(action=AuditAction.DELETED)
    assert (deleted.object_id, deleted.object_repr) == (str(pk), "Renewed MoU")
    assert deleted.before["title"] == "Renewed MoU" and deleted.after == {}
    assert set(deleted.owners.all()) == {danang, yokohama}


def test_a_party_removed_by_an_edit_still_sees_the_entry(governments):
    danang, yokohama = governments
    user = member_of(danang)
    partnership = create_partnership(
        data=agreement(locality("da-nang"), locality("yokohama-city")), by=user
    )
    update_partnership(
        partnership=partnership,
        data=agreement(locality("da-nang"), locality("osaka-city")),
        by=user,
    )
    changed = AuditEntry.objects.get(action=AuditAction.CHANGED)
    assert changed.before["parties"] == ["Da Nang", "Yokohama City"]
    assert changed.after["parties"] == ["Da Nang", "Osaka City"]
    assert yokohama in changed.owners.all()
    assert changed in entries_visible_to(member_of(yokohama))


def test_a_refused_change_leaves_no_entry(governments):
    danang, _yokohama = governments
    user = member_of(danang)
    partnership = create_partnership(
        data=agreement(locality("da-nang"), locality("yokohama-city")), by=user
    )
    with pytest.raises(ValidationError):
        update_partnership(
            partnership=partnership,
            data=agreement(locality("da-nang"), locality("yokohama-city"), title=" "),
            by=user,
        )
    assert list(AuditEntry.objects.values_list("action", flat=True)) == [AuditAction.CREATED]


def test_outsiders_do_not_see_the_trail(governments):
    danang, yokohama = governments
    user = member_of(danang)
    create_partnership(data=agreement(locality("da-nang"), locality("yokohama-city")), by=user)
    outsider = member_of(OrganisationFactory(locality=locality("hanoi")))
    assert not entries_visible_to(outsider).exists()
    assert not entries_visible_to(UserFactory()).exists()
    assert entries_visible_to(member_of(yokohama)).count() == 1
