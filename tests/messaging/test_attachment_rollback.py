"""A message's attachments are stored before the rest of the post (the thread's last-message
time, the notices to the other members); when that rest fails and the transaction rolls back,
the stored files are deleted too, so no file is left on disk without a row that points to it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import IntegrityError

from kakehashi.messaging import services
from kakehashi.messaging.models import (
    Message,
    MessageAttachment,
    Thread,
    ThreadMember,
    ThreadParty,
)
from tests.messaging.factories import PNG, thread_between, upload

pytestmark = pytest.mark.django_db


class NoticesDown(Exception):
    pass


def stored_files() -> list[Path]:
    return sorted(path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


@pytest.fixture
def failing_notices(monkeypatch):
    """From now on, telling the members of a new message fails (e.g. the notice cannot be
    written)."""

    def fail(**kwargs):
        raise NoticesDown("the notice could not be written")

    def arm():
        monkeypatch.setattr("kakehashi.messaging.services.base.notify", fail)

    return arm


def test_a_failed_notice_after_opening_a_thread_leaves_no_file(lan, sato, vn, jp, failing_notices):
    failing_notices()

    with pytest.raises(NoticesDown):
        thread_between(lan, vn, jp, attachments=[upload(), upload(PNG, "photo.png", "image/png")])

    assert not Thread.objects.exists()
    assert not ThreadParty.objects.exists()
    assert not ThreadMember.objects.exists()
    assert not Message.objects.exists()
    assert not MessageAttachment.objects.exists()
    assert stored_files() == []


def test_a_failed_notice_after_posting_leaves_no_file(lan, sato, vn, jp, failing_notices):
    thread = thread_between(lan, vn, jp, attachments=[upload(name="kept.pdf")])
    kept = stored_files()
    failing_notices()

    with pytest.raises(NoticesDown):
        services.post_message(
            thread=thread,
            by=sato,
            body="Our catalogue",
            attachments=[upload(), upload(PNG, "photo.png", "image/png")],
        )

    assert list(Message.objects.values_list("body", flat=True)) == ["Xin chào"]
    assert list(MessageAttachment.objects.values_list("name", flat=True)) == ["kept.pdf"]
    assert stored_files() == kept  # the earlier file stays, the new ones are gone
    assert len(kept) == 1


def test_a_successful_post_keeps_its_files(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp)

    message = services.post_message(
        thread=thread,
        by=sato,
        body="Our catalogue",
        attachments=[upload(), upload(PNG, "photo.png", "image/png")],
    )

    stored = [Path(settings.MEDIA_ROOT) / a.file.name for a in message.attachments.all()]
    assert stored_files() == sorted(stored)
    assert len(stored) == 2


def test_a_refused_attachment_row_leaves_no_file(lan, sato, vn, jp):
    # The FileField writes the file as the INSERT is prepared; here the database then refuses
    # the row (a negative size breaks the column's check).
    thread = thread_between(lan, vn, jp)
    refused = upload()
    refused.size = -1

    with pytest.raises(IntegrityError):
        services.post_message(thread=thread, by=sato, body="Scan", attachments=[refused])

    assert Message.objects.count() == 1
    assert stored_files() == []
