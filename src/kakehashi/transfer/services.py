"""Every write of the transfer app: reading an upload into a batch waiting for confirmation,
reading a CSV upload again in another encoding, confirming a batch (which writes its rows
through the directory and partnership services) and cancelling it. Bad input raises
ValidationError with a code and writes nothing."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.common.tabular import CSV, Table, file_format, read_table
from kakehashi.transfer.errors import TransferError
from kakehashi.transfer.importers import importer_for
from kakehashi.transfer.kinds import IMPORT_PERMISSIONS, known_columns, required_columns
from kakehashi.transfer.models import BatchStatus, ImportBatch
from kakehashi.transfer.problems import service_problem

MAX_IMPORT_BYTES = 5 * 1024 * 1024
# Rows are written within the request that confirms them, a few milliseconds each.
MAX_IMPORT_ROWS = 2000


def max_import_bytes() -> int:
    return getattr(settings, "KAKEHASHI_MAX_IMPORT_BYTES", MAX_IMPORT_BYTES)


def max_import_rows() -> int:
    return getattr(settings, "KAKEHASHI_MAX_IMPORT_ROWS", MAX_IMPORT_ROWS)


def _check_permission(user, kind: str) -> None:
    if not user.has_perm(IMPORT_PERMISSIONS[kind]):
        raise PermissionDenied


def _checked(*, by, kind: str, table: Table) -> dict:
    """The fields of a batch for the rows of `table`, each checked by the importer."""
    known = known_columns(kind)
    used = [name for name in table.columns if name in known]
    values_of = [{name: values[name] for name in used} for _number, values in table.rows]
    importer = importer_for(kind, user=by, rows=values_of)
    rows, errors = [], []
    for (number, _all_values), values in zip(table.rows, values_of, strict=True):
        check = importer.check(number, values)
        rows.append(
            {
                "row": number,
                "values": values,
                "valid": not check.problems,
                "preview": check.preview,
                "warnings": check.warnings,
            }
        )
        errors.extend({"row": number, **item} for item in check.problems)
    return {
        "rows": rows,
        "errors": errors,
        "ignored_columns": [name for name in table.columns if name not in known],
        "encoding": table.encoding,
    }


def _read(upload, *, kind: str, encoding: str | None = None) -> Table:
    return read_table(
        upload,
        max_bytes=max_import_bytes(),
        max_rows=max_import_rows(),
        required=required_columns(kind),
        encoding=encoding,
    )


@transaction.atomic
def create_batch(*, by, kind: str, upload) -> ImportBatch:
    """Read an uploaded CSV or XLSX file, check every row and keep the result as a pending
    batch (with the bytes of a CSV file, to read them again in another encoding if asked).
    Writes nothing else: the rows are written when the uploader confirms.

    Raises PermissionDenied if `by` may not import this kind, and ValidationError when the
    file cannot be read or lacks a required column (no batch is stored then)."""
    _check_permission(by, kind)
    table = _read(upload, kind=kind)
    content = None
    if file_format(upload.name or "") == CSV:
        upload.seek(0)
        content = upload.read()
    return ImportBatch.objects.create(
        created_by=by,
        kind=kind,
        file_name=(upload.name or "")[:255],
        content=content,
        **_checked(by=by, kind=kind, table=table),
    )


def _locked_pending(batch: ImportBatch, *, by) -> ImportBatch:
    """The batch, locked until the transaction ends, if `by` made it and it is still pending:
    PermissionDenied for anyone else, ValidationError (batch_not_pending) once it was
    confirmed or cancelled."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.created_by_id != by.pk:
        raise PermissionDenied
    if batch.status != BatchStatus.PENDING:
        raise ValidationError(
            _("This import has already been confirmed or cancelled."),
            code=TransferError.BATCH_NOT_PENDING,
        )
    return batch


@transaction.atomic
def reread_batch(*, batch: ImportBatch, by, encoding: str) -> ImportBatch:
    """Read the CSV file of a pending batch again in `encoding` (a key of
    common.text_encodings.ENCODINGS) and check its rows again, replacing the batch's rows.

    Raises ValidationError (batch_not_pending; batch_not_csv for an XLSX file; or why the file
    cannot be read in that encoding, the batch then unchanged), PermissionDenied if `by` is
    not its creator or may no longer import its kind."""
    batch = _locked_pending(batch, by=by)
    _check_permission(by, batch.kind)
    if batch.content is None:
        raise ValidationError(
            _("Only a CSV file can be read in another encoding."), code=TransferError.BATCH_NOT_CSV
        )
    # The stored name may have lost its extension to the length limit; the bytes are CSV.
    upload = SimpleUploadedFile("upload.csv", bytes(batch.content))
    table = _read(upload, kind=batch.kind, encoding=encoding)
    for name, value in _checked(by=by, kind=batch.kind, table=table).items():
        setattr(batch, name, value)
    batch.save(update_fields=["rows", "errors", "ignored_columns", "encoding"])
    return batch


@transaction.atomic
def apply_batch(*, batch: ImportBatch, by) -> ImportBatch:
    """Write the rows of a pending batch that passed the checks, checking each again first
    (records may have changed since the upload). Rows that fail now are skipped, with their
    reasons added to the batch's errors. All in one transaction; the batch is locked, so a
    batch confirmed twice (or twice at once) is written once.

    Raises ValidationError (code batch_not_pending) for a batch already applied or cancelled,
    PermissionDenied if `by` is not its creator or may no longer import its kind."""
    batch = _locked_pending(batch, by=by)
    _check_permission(by, batch.kind)
    valid = [row for row in batch.rows if row["valid"]]
    importer = importer_for(batch.kind, user=by, rows=[row["values"] for row in valid])
    written = 0
    for row in valid:
        check = importer.check(row["row"], row["values"])
        problems = check.problems
        if not problems:
            try:
                # A savepoint per row: a service refusing one row leaves the others written.
                with transaction.atomic():
                    created = importer.write(check.plan)
            except ValidationError as error:
                problems = [service_problem(error)]
            else:
                row["written"], row["object_id"] = True, created.pk
                written += 1
        if problems:
            row["written"] = False
            batch.errors.extend({"row": row["row"], **item} for item in problems)
    batch.errors.sort(key=lambda item: item["row"])
    batch.status = BatchStatus.APPLIED
    batch.applied_at = timezone.now()
    batch.written_count = written
    batch.skipped_count = len(batch.rows) - written
    batch.content = None
    batch.save()
    return batch


@transaction.atomic
def cancel_batch(*, batch: ImportBatch, by) -> ImportBatch:
    """Drop a pending batch without writing any of its rows; its rows are forgotten."""
    batch = _locked_pending(batch, by=by)
    batch.status = BatchStatus.CANCELLED
    batch.rows, batch.errors, batch.content = [], [], None
    batch.save(update_fields=["status", "rows", "errors", "content"])
    return batch
