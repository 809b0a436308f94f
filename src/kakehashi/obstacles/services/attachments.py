"""Attachments: PDFs and images, checked by their content and size before anything is
written. No notice is sent; the audit log records the title. When the write fails after the
file was stored, the file is deleted again (common.uploads.files_deleted_on_failure)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction
from kakehashi.common.errors import CommonError
from kakehashi.common.uploads import files_deleted_on_failure, sniff_document_type
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import Attachment, Obstacle
from kakehashi.obstacles.rules import require
from kakehashi.obstacles.services.base import audit, invalid, locked

MAX_ATTACHMENTS = 10


def too_many_attachments() -> ValidationError:
    """The refusal of one attachment more than an obstacle may have."""
    return invalid(
        _("An obstacle has at most %(max)s attachments."),
        ObstacleError.TOO_MANY_ATTACHMENTS,
        max=MAX_ATTACHMENTS,
    )


def check_attachment(title: str, upload) -> str:
    """The upload's content type, or a ValidationError (type, size, missing title)."""
    content_type = sniff_document_type(upload)
    if not title.strip():
        raise invalid(_("Give the attachment a title."), CommonError.TITLE_MISSING, "title")
    return content_type


def store_attachment(obstacle, title, upload, content_type, by, *, track) -> Attachment:
    """Save the row and the file; `track` (files_deleted_on_failure) learns of the file
    before it is written, so a failure from here on deletes it."""
    attachment = Attachment(
        obstacle=obstacle,
        title=title.strip()[:200],
        file=upload,
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    track(attachment.file)
    attachment.save()
    return attachment


def add_attachment(*, obstacle: Obstacle, title: str, upload, by) -> Attachment:
    """A participant attaches a PDF or image to an open obstacle, checked by content and
    size."""
    with files_deleted_on_failure() as track, transaction.atomic():
        obstacle = locked(obstacle)
        require(by, "obstacles.attach_obstacle", obstacle)
        content_type = check_attachment(title, upload)
        if obstacle.attachments.count() >= MAX_ATTACHMENTS:
            raise too_many_attachments()
        attachment = store_attachment(obstacle, title, upload, content_type, by, track=track)
        audit(obstacle, by=by, action=AuditAction.ADDED, after={"attachments": [attachment.title]})
    return attachment
