"""A file is stored before the rest of the write (its row, the audit entry, the notices); when
that rest fails and the transaction rolls back, the stored file is deleted too, so no file is
left on disk without a row that points to it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.test import Client

from kakehashi.common.models import AuditEntry
from kakehashi.obstacles import services
from kakehashi.obstacles.models import Attachment, Obstacle
from tests.api.client import key_for
from tests.obstacles.conftest import PDF, obstacle_input

pytestmark = pytest.mark.django_db


class AuditLogDown(Exception):
    pass


def stored_files() -> list[Path]:
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


@pytest.fixture
def failing_audit(monkeypatch):
    """From now on, writing an obstacle's audit entry fails (e.g. the database refuses it)."""

    def fail(**kwargs):
        raise AuditLogDown("the audit entry could not be written")

    def arm():
        monkeypatch.setattr("kakehashi.obstacles.services.base.record_change", fail)

    return arm


def scan(name="scan.pdf"):
    return SimpleUploadedFile(name, PDF)


def test_a_failed_audit_entry_leaves_no_attachment_file(obstacle, reporter, failing_audit):
    services.add_attachment(obstacle=obstacle, title="Kept", upload=scan("kept.pdf"), by=reporter)
    kept = stored_files()
    entries = AuditEntry.objects.count()
    failing_audit()

    with pytest.raises(AuditLogDown):
        services.add_attachment(obstacle=obstacle, title="Lost", upload=scan(), by=reporter)

    assert list(Attachment.objects.values_list("title", flat=True)) == ["Kept"]
    assert stored_files() == kept  # the earlier file stays, the new one is gone
    assert len(kept) == 1
    assert AuditEntry.objects.count() == entries


def test_a_failed_upload_through_the_api_leaves_no_file(obstacle, reporter, failing_audit):
    failing_audit()

    response = Client().post(
        f"/api/v1/obstacles/{obstacle.pk}/attachments",
        {"file": scan(), "title": "Scan"},
        headers={"Authorization": f"Bearer {key_for(reporter)}"},
    )

    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_a_failed_filing_leaves_none_of_its_attachment_files(
    reporter, business, licence_rule, hcmc_admin, failing_audit
):
    failing_audit()

    with pytest.raises(AuditLogDown):
        services.file_obstacle(
            data=obstacle_input(attachments=[("Refusal", scan("refusal.pdf")), ("Site", scan())]),
            organisation=business,
            by=reporter,
        )

    assert not Obstacle.objects.exists()
    assert not Attachment.objects.exists()
    assert stored_files() == []


def test_a_failed_notice_after_filing_leaves_no_file(
    reporter, business, licence_rule, hcmc_admin, monkeypatch
):
    def fail(**kwargs):
        raise ConnectionError("the notice could not be queued")

    monkeypatch.setattr("kakehashi.obstacles.services.filing.notify", fail)

    with pytest.raises(ConnectionError):
        services.file_obstacle(
            data=obstacle_input(attachments=[("Refusal", scan())]),
            organisation=business,
            by=reporter,
        )

    assert not Obstacle.objects.exists()
    assert stored_files() == []


def test_a_successful_filing_keeps_its_files(reporter, business, licence_rule, hcmc_admin):
    obstacle = services.file_obstacle(
        data=obstacle_input(attachments=[("Refusal", scan("refusal.pdf")), ("Site", scan())]),
        organisation=business,
        by=reporter,
    )

    stored = [Path(settings.MEDIA_ROOT) / a.file.name for a in obstacle.attachments.all()]
    assert stored_files() == sorted(stored)
    assert len(stored) == 2


def test_a_refused_row_leaves_no_file(obstacle, reporter):
    # The FileField writes the file as the INSERT is prepared; here the database then refuses
    # the row (a negative size breaks the column's check).
    upload = scan()
    upload.size = -1

    with pytest.raises(IntegrityError):
        services.add_attachment(obstacle=obstacle, title="Scan", upload=upload, by=reporter)

    assert stored_files() == []
