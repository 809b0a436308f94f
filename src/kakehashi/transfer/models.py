from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kakehashi.transfer.kinds import TransferKind


class BatchStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    APPLIED = "applied", _("Imported")
    CANCELLED = "cancelled", _("Cancelled")


class ImportBatch(models.Model):
    """An uploaded file, read and checked, waiting for its uploader to confirm it.

    `rows` holds one entry per non-blank row: {"row": its number in the file, "values": the
    cells by column, "valid": whether it passed the checks, "preview": what it will create,
    "warnings": [...]}; after confirmation also "written" (bool) and "object_id".
    `errors` holds one entry per problem: {"row", "code", "params"} (see problems.py).
    A CSV file's `encoding` is the key (common.text_encodings) it was read in, and its bytes
    are kept in `content` while the batch is pending, so that it can be read again in another
    encoding; both are empty for an XLSX file, and `content` is dropped once the batch is
    confirmed or cancelled."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=TransferKind.choices)
    file_name = models.CharField(_("file name"), max_length=255)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.PENDING
    )
    rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    ignored_columns = models.JSONField(default=list)
    encoding = models.CharField(_("encoding"), max_length=10, blank=True)
    content = models.BinaryField(null=True, editable=False)
    applied_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    written_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.file_name} ({self.get_kind_display()}, {self.get_status_display()})"

    @property
    def valid_count(self) -> int:
        return sum(1 for row in self.rows if row["valid"])

    @property
    def invalid_count(self) -> int:
        return len(self.rows) - self.valid_count
