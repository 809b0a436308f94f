"""An agreement's document is stored before its audit entry; when the entry cannot be written
and the transaction rolls back, the stored file is deleted too, so no file is left on disk
without a row that points to it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from kakehashi.common.models import AuditEntry
from kakehashi.partnerships.models import Document
from kakehashi.partnerships.services import (
    PartnershipInput,
    PartyInput,
    add_document,
    create_partnership,
)
from tests.factories import UserFactory, locality

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class AuditLogDown(Exception):
    pass


def stored_files() -> list[Path]:
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def scan(name="mou.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def partnership(admin):
    return create_partnership(
        data=PartnershipInput(
            title="Da Nang – Yokohama MoU",
            kind="cooperation_mou",
            parties=[
                PartyInput(locality=locality("da-nang")),
                PartyInput(locality=locality("yokohama-city")),
            ],
        ),
        by=admin,
    )


@pytest.fixture
def failing_audit(monkeypatch):
    """From now on, writing a partnership's audit entry fails (e.g. the database refuses it)."""

    def fail(**kwargs):
        raise AuditLogDown("the audit entry could not be written")

    def arm():
        monkeypatch.setattr("kakehashi.partnerships.services.record_change", fail)

    return arm


def test_a_failed_audit_entry_leaves_no_document_file(partnership, admin, failing_audit):
    add_document(partnership=partnership, title="Kept", upload=scan("kept.pdf"), by=admin)
    kept = stored_files()
    entries = AuditEntry.objects.count()
    failing_audit()

    with pytest.raises(AuditLogDown):
        add_document(partnership=partnership, title="Lost", upload=scan(), by=admin)

    assert list(Document.objects.values_list("title", flat=True)) == ["Kept"]
    assert stored_files() == kept  # the earlier file stays, the new one is gone
    assert len(kept) == 1
    assert AuditEntry.objects.count() == entries


def test_a_refused_document_row_leaves_no_file(partnership, admin):
    # The FileField writes the file as the INSERT is prepared; here the database then refuses
    # the row (a negative size breaks the column's check).
    upload = scan()
    upload.size = -1

    with pytest.raises(IntegrityError):
        add_document(partnership=partnership, title="Signed MoU", upload=upload, by=admin)

    assert stored_files() == []
