"""A proposal's attachment is stored before its audit entry; when the entry cannot be written
and the transaction rolls back, the stored file is deleted too, so no file is left on disk
without a row that points to it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from kakehashi.common.models import AuditEntry
from kakehashi.proposals import services
from kakehashi.proposals.models import ProposalAttachment
from tests.factories import OrganisationFactory, member_of
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"


class AuditLogDown(Exception):
    pass


def stored_files() -> list[Path]:
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def brochure(name="brochure.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood")


@pytest.fixture
def owner(company):
    return member_of(company)


@pytest.fixture
def proposal(company):
    return ProposalFactory(organisation=company)


@pytest.fixture
def failing_audit(monkeypatch):
    """From now on, writing a proposal's audit entry fails (e.g. the database refuses it)."""

    def fail(**kwargs):
        raise AuditLogDown("the audit entry could not be written")

    def arm():
        monkeypatch.setattr("kakehashi.proposals.services.base.record_change", fail)

    return arm


def test_a_failed_audit_entry_leaves_no_attachment_file(proposal, owner, failing_audit):
    services.add_attachment(proposal=proposal, title="Kept", upload=brochure("kept.pdf"), by=owner)
    kept = stored_files()
    entries = AuditEntry.objects.count()
    failing_audit()

    with pytest.raises(AuditLogDown):
        services.add_attachment(proposal=proposal, title="Lost", upload=brochure(), by=owner)

    assert list(ProposalAttachment.objects.values_list("title", flat=True)) == ["Kept"]
    assert stored_files() == kept  # the earlier file stays, the new one is gone
    assert len(kept) == 1
    assert AuditEntry.objects.count() == entries


def test_a_refused_attachment_row_leaves_no_file(proposal, owner):
    # The FileField writes the file as the INSERT is prepared; here the database then refuses
    # the row (a negative size breaks the column's check).
    upload = brochure()
    upload.size = -1

    with pytest.raises(IntegrityError):
        services.add_attachment(proposal=proposal, title="Brochure", upload=upload, by=owner)

    assert stored_files() == []
