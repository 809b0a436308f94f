"""Uploaded documents: the check (the content decides the type, not the name the browser sent),
the two steps every upload page repeats (handing a form's file to a service, and serving a
stored file) and the clean-up a service needs when a write that stored a file fails."""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import CommonError
from kakehashi.common.refusals import add_refusal

logger = logging.getLogger("kakehashi.uploads")

# Leading bytes of each accepted type.
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
}


def sniff_document_type(upload) -> str:
    """The content type of an uploaded PDF, PNG or JPEG, or a ValidationError.

    Checks the size first, then the leading bytes (and, for a PDF, that it ends as a PDF
    does), so a renamed executable or a truncated file is refused."""
    limit = settings.KAKEHASHI_MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            code=CommonError.FILE_TOO_LARGE,
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code=CommonError.FILE_EMPTY)
    upload.seek(0)
    head = upload.read(16)
    content_type = next(
        (kind for signature, kind in SIGNATURES.items() if head.startswith(signature)), None
    )
    if content_type is None:
        raise ValidationError(
            _("Only PDF, PNG and JPEG files are accepted."), code=CommonError.FILE_TYPE_NOT_ALLOWED
        )
    if content_type == "application/pdf":
        upload.seek(max(0, upload.size - 1024))
        if b"%%EOF" not in upload.read():
            raise ValidationError(
                _("The PDF file is incomplete or damaged."), code=CommonError.FILE_DAMAGED
            )
    upload.seek(0)
    return content_type


def accept_upload(form, store) -> bool:
    """Validate a form with `title` and `file` and hand them to `store(title=, upload=)`, a
    service with the record and `by` already bound (functools.partial). A ValidationError from
    the service goes onto the form: one that names fields to those fields (an unknown one to
    the whole form), any other to the file. True once stored; on False, render the form
    again."""
    if not form.is_valid():
        return False
    try:
        store(title=form.cleaned_data["title"], upload=form.cleaned_data["file"])
    except ValidationError as error:
        add_refusal(form, error, field="file")
        return False
    return True


def stored_file_response(record) -> FileResponse:
    """The stored file of a document or attachment (`file`, `content_type`), inline under its
    stored name; 404 when the record outlived its file (e.g. a restored backup). The caller
    has checked who may see it."""
    try:
        stored = record.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(
        stored,
        content_type=record.content_type,
        filename=record.file.name.rsplit("/", 1)[-1],
    )


@contextmanager
def files_deleted_on_failure() -> Iterator[Callable[[FieldFile], None]]:
    """For a service that stores uploads: if its write fails, delete the files it stored.

    A FileField writes its file to storage when the row is saved, and storage is not part of
    the transaction: when a later step (the audit entry, a notice) raises and the
    transaction rolls back, the row goes but the file would stay on disk, reachable by
    nobody. Yields `track`; hand it each new record's FieldFile before saving the record:

        with files_deleted_on_failure() as track, transaction.atomic():
            attachment = Attachment(obstacle=obstacle, file=upload, ...)
            track(attachment.file)  # before save(): a refused INSERT is covered too
            attachment.save()
            audit(...)  # raises: the transaction rolls back, then the file is deleted

    Enter it outside the transaction (as above) so the rows are gone before their files,
    and let it re-raise. It answers for failures inside the block: services run as the
    outermost transaction (views, the API and tasks call them outside any atomic block). A
    caller's own transaction that rolls back after the service returned would still leave
    the file, as Django has no rollback hook; that is why the services keep to one
    transaction each."""
    tracked: list[FieldFile] = []
    try:
        yield tracked.append
    except BaseException:
        for fieldfile in tracked:
            # Until FieldFile.save has written it (`_committed`, which FileField.pre_save
            # reads too), `name` is the name the browser sent, not a stored file's: leave it.
            if not (fieldfile._committed and fieldfile.name):
                continue
            try:
                fieldfile.storage.delete(fieldfile.name)
            except OSError:
                # Keep the error that failed the write; a leftover file is logged.
                logger.exception("Could not delete %s after a failed write", fieldfile.name)
        raise
