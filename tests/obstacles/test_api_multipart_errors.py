"""Multipart (form and file) input errors name the field the client sent, as JSON body errors
do: a missing upload is reported on `file`, a too-long title on `title`."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kakehashi.obstacles.models import Attachment
from tests.api.client import key_for
from tests.obstacles.conftest import PDF

pytestmark = pytest.mark.django_db


def post_attachment(user, obstacle, data):
    return Client().post(
        f"/api/v1/obstacles/{obstacle.pk}/attachments",
        data,
        headers={"Authorization": f"Bearer {key_for(user)}", "Accept-Language": "en"},
    )


def test_a_missing_file_is_reported_on_the_file_field(obstacle, reporter):
    response = post_attachment(reporter, obstacle, {"title": "Scan"})

    assert response.status_code == 422
    assert response.json() == {
        "code": "invalid_input",
        "message": "The request is not valid; see the details.",
        "details": [{"field": "file", "code": "missing", "message": "This field is required."}],
    }
    assert not Attachment.objects.exists()


def test_a_too_long_title_is_reported_on_the_title_field(obstacle, reporter):
    response = post_attachment(
        reporter, obstacle, {"title": "x" * 201, "file": SimpleUploadedFile("scan.pdf", PDF)}
    )

    assert response.status_code == 422
    assert response.json()["details"] == [
        {
            "field": "title",
            "code": "string_too_long",
            "message": "Ensure this text has at most 200 characters.",
        }
    ]
    assert not Attachment.objects.exists()
