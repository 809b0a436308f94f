"""Attachments through the API: the same service and checks as the page (participants of an
open obstacle, PDF/PNG/JPEG by content, size limit), errors in the caller's language, nothing
stored when refused, and the download for participants only."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kakehashi.common.models import AuditEntry
from kakehashi.obstacles import services
from kakehashi.obstacles.models import Attachment
from tests.api.client import key_for
from tests.obstacles.conftest import PDF

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(user, obstacle, content=PDF, name="refusal.pdf", language="en", **fields):
    """POST multipart/form-data as `user` (a bearer token; anonymous when None)."""
    headers = {"Accept-Language": language}
    if user is not None:
        headers["Authorization"] = f"Bearer {key_for(user)}"
    return Client().post(
        f"/api/v1/obstacles/{obstacle.pk}/attachments",
        {"file": SimpleUploadedFile(name, content), **fields},
        headers=headers,
    )


def download(user, obstacle, attachment_id):
    headers = {"Authorization": f"Bearer {key_for(user)}"} if user else {}
    return Client().get(
        f"/api/v1/obstacles/{obstacle.pk}/attachments/{attachment_id}", headers=headers
    )


def stored_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def nothing_written():
    """Asserts after the test that no attachment, file or audit entry was added."""
    audit_entries = AuditEntry.objects.count()
    yield
    assert not Attachment.objects.exists()
    assert stored_files() == []
    assert AuditEntry.objects.count() == audit_entries


def test_a_participant_attaches_and_both_sides_download(obstacle, reporter, officer):
    response = upload(reporter, obstacle, title="Refusal letter")

    assert response.status_code == 201, response.json()
    body = response.json()
    attachment = Attachment.objects.get()
    assert body == {
        "id": attachment.pk,
        "title": "Refusal letter",
        "content_type": "application/pdf",
        "size": len(PDF),
        "uploaded_at": attachment.uploaded_at.isoformat(),
    }
    assert attachment.uploaded_by == reporter
    assert [entry.after for entry in AuditEntry.objects.filter(action="added")] == [
        {"attachments": ["Refusal letter"]}
    ]
    shown = Client().get(
        f"/api/v1/obstacles/{obstacle.pk}", headers={"Authorization": f"Bearer {key_for(officer)}"}
    )
    assert [item["id"] for item in shown.json()["attachments"]] == [attachment.pk]
    for user in (reporter, officer):
        response = download(user, obstacle, attachment.pk)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content) == PDF


def test_the_title_defaults_to_the_file_name_and_the_content_decides_the_type(obstacle, officer):
    response = upload(officer, obstacle, content=PNG, name="site-photo.pdf")

    assert response.status_code == 201, response.json()
    assert (response.json()["title"], response.json()["content_type"]) == (
        "site-photo.pdf",
        "image/png",
    )


def test_too_big_is_refused_with_a_clear_message(obstacle, reporter, settings, nothing_written):
    settings.KAKEHASHI_MAX_UPLOAD_BYTES = 10

    response = upload(reporter, obstacle, title="Scan")

    assert response.status_code == 422
    assert response.json() == {
        "code": "file_too_large",
        "message": f"The file is {len(PDF)}\xa0bytes; the largest accepted is 10\xa0bytes.",
        "details": [
            {
                "field": "file",
                "code": "file_too_large",
                "message": f"The file is {len(PDF)}\xa0bytes; the largest accepted is 10\xa0bytes.",
            }
        ],
    }


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00 an executable", "setup.exe", "file_type_not_allowed"),
        (b"Plain text pretending to be a PDF.", "report.pdf", "file_type_not_allowed"),
        (b"%PDF-1.4 cut off in the middle", "report.pdf", "file_damaged"),
        (b"", "empty.pdf", "file_empty"),
    ],
)
def test_what_is_not_a_pdf_or_image_is_refused(
    obstacle, reporter, content, name, code, nothing_written
):
    response = upload(reporter, obstacle, content=content, name=name, title="Scan")

    assert response.status_code == 422
    assert response.json()["code"] == code
    assert [detail["field"] for detail in response.json()["details"]] == ["file"]


def test_the_message_is_in_the_callers_language(obstacle, reporter, nothing_written):
    response = upload(reporter, obstacle, content=b"MZ\x90\x00", name="setup.exe", language="ja")

    assert response.status_code == 422
    assert response.json()["message"] == "アップロードできるのはPDF、PNG、JPEGファイルのみです。"


def test_a_missing_file_is_refused(obstacle, reporter, nothing_written):
    response = Client().post(
        f"/api/v1/obstacles/{obstacle.pk}/attachments",
        {"title": "Scan"},
        headers={"Authorization": f"Bearer {key_for(reporter)}"},
    )

    assert response.status_code == 422
    assert [(d["field"], d["code"], d["message"]) for d in response.json()["details"]] == [
        ("file", "missing", "This field is required.")
    ]


def test_an_outsider_gets_404_and_writes_nothing(obstacle, outsider, nothing_written):
    response = upload(outsider, obstacle, title="Spam")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_anonymous_gets_401_and_writes_nothing(obstacle, nothing_written):
    response = upload(None, obstacle, title="Spam")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_closed_obstacle_takes_no_more_files(obstacle, officer, reporter):
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(obstacle=obstacle, reason="Permit issued.", by=officer)
    audit_entries = AuditEntry.objects.count()

    response = upload(reporter, obstacle, title="Late scan")

    assert response.status_code == 403
    assert (Attachment.objects.count(), stored_files()) == (0, [])
    assert AuditEntry.objects.count() == audit_entries


def test_at_most_ten_attachments(obstacle, reporter):
    for number in range(10):
        assert upload(reporter, obstacle, title=f"Scan {number}").status_code == 201

    response = upload(reporter, obstacle, title="One too many")

    assert response.status_code == 422
    assert response.json()["code"] == "too_many_attachments"
    assert obstacle.attachments.count() == 10
    assert len(stored_files()) == 10


def test_a_signed_in_browser_uploads_with_its_csrf_token(obstacle, reporter):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reporter)
    browser.get(f"/obstacles/{obstacle.pk}/")  # sets the csrftoken cookie
    url = f"/api/v1/obstacles/{obstacle.pk}/attachments"
    data = {"title": "Scan", "file": SimpleUploadedFile("scan.pdf", PDF)}

    assert browser.post(url, data).json()["code"] == "csrf_failed"
    data["file"].seek(0)
    response = browser.post(url, data, headers={"X-CSRFToken": browser.cookies["csrftoken"].value})
    assert response.status_code == 201, response.json()
    assert obstacle.attachments.get().title == "Scan"


def test_only_participants_see_and_download_attachments(obstacle, officer, reporter, outsider):
    attachment = services.add_attachment(
        obstacle=obstacle,
        title="Scan",
        upload=SimpleUploadedFile("scan.pdf", PDF),
        by=reporter,
    )
    services.assign(obstacle=obstacle, owner=officer, by=officer)
    services.resolve(
        obstacle=obstacle, reason="Permit issued.", public_summary="Issued.", by=officer
    )

    public = Client().get(f"/api/v1/obstacles/{obstacle.pk}").json()
    assert (public["public_summary"], public["attachments"]) == ("Issued.", [])
    assert download(outsider, obstacle, attachment.pk).status_code == 404
    assert download(None, obstacle, attachment.pk).status_code == 404
    assert download(reporter, obstacle, attachment.pk + 1).status_code == 404
    assert download(reporter, obstacle, attachment.pk).status_code == 200
