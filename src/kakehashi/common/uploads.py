"""Checks for uploaded files: the content decides the type, not the name the browser sent."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

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
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    upload.seek(0)
    head = upload.read(16)
    content_type = next(
        (kind for signature, kind in SIGNATURES.items() if head.startswith(signature)), None
    )
    if content_type is None:
        raise ValidationError(
            _("Only PDF, PNG and JPEG files are accepted."), code="file_type_not_allowed"
        )
    if content_type == "application/pdf":
        upload.seek(max(0, upload.size - 1024))
        if b"%%EOF" not in upload.read():
            raise ValidationError(_("The PDF file is incomplete or damaged."), code="file_damaged")
    upload.seek(0)
    return content_type
