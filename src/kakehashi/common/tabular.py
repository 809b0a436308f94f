"""Reading and writing tables as CSV and Excel workbooks (.xlsx).

Knows nothing about what the columns mean: a file becomes a header row of normalised column
names and numbered rows of text; rows of text become a file. Bad files raise a
ValidationError with a code and a translated message, so the caller can show it as it is.

Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) are written with a leading apostrophe, and that apostrophe is dropped again on
reading, so an exported file imports back to the same values.

CSV files are read in the encoding detected (or chosen) by common.text_encodings; they are
written in UTF-8 with a byte-order mark, which Excel opens correctly.
"""

import csv
import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kakehashi.common.errors import CommonError
from kakehashi.common.i18n import join_list
from kakehashi.common.text_encodings import decode

CSV, XLSX = "csv", "xlsx"
FORMATS = (CSV, XLSX)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_COLUMNS = 100
# A .xlsx file is a zip archive: refuse one that unpacks to far more than it weighs.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Table:
    """The columns of a file (normalised names) and its non-blank rows, each with its row
    number as a spreadsheet shows it (the header is row 1)."""

    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    # The key of the encoding a CSV file was read in (common.text_encodings); "" for XLSX.
    encoding: str = ""


def neutralise(value: str) -> str:
    """The text with an apostrophe in front if a spreadsheet would take it for a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def restore(value: str) -> str:
    """Undo `neutralise`."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def normalise_column(name: str) -> str:
    return "_".join(name.strip().lower().split())


def file_format(name: str) -> str | None:
    """csv or xlsx from the file name, or None for any other name."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return suffix if suffix in FORMATS else None


# Reading


def read_table(
    upload,
    *,
    max_bytes: int,
    max_rows: int,
    required: Iterable[str] = (),
    encoding: str | None = None,
) -> Table:
    """Read an uploaded .csv or .xlsx file (its first sheet), whose header row must name the
    `required` columns (normalised names). A CSV file is read in `encoding` (a key of
    common.text_encodings.ENCODINGS) if given, else in the encoding detected.

    Raises ValidationError (codes: file_type_not_allowed, file_too_large, file_empty,
    file_undecodable, file_not_in_encoding, file_not_text, file_damaged, no_header,
    column_duplicate, columns_missing, no_rows, too_many_rows)."""
    kind = file_format(upload.name or "")
    if kind is None:
        raise ValidationError(
            _("Only CSV files and Excel workbooks (.xlsx) are accepted."),
            code=CommonError.FILE_TYPE_NOT_ALLOWED,
        )
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large: at most %(limit)s is accepted."),
            code=CommonError.FILE_TOO_LARGE,
            params={"limit": filesizeformat(max_bytes)},
        )
    upload.seek(0)
    content = upload.read()
    if not content:
        raise ValidationError(_("The file is empty."), code=CommonError.FILE_EMPTY)
    if kind == XLSX:
        return _table(_xlsx_records(content), max_rows=max_rows, required=list(required))
    text, read_as = decode(content, encoding=encoding)
    table = _table(_csv_records(text), max_rows=max_rows, required=list(required))
    table.encoding = read_as
    return table


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise ValidationError(_("The file is not a CSV text file."), code=CommonError.FILE_NOT_TEXT)
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to some languages write semicolons or tabs instead of commas.
    delimiter = max(",;\t", key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as error:
        raise ValidationError(
            _("The CSV file cannot be read near row %(row)s."),
            code=CommonError.FILE_DAMAGED,
            params={"row": reader.line_num},
        ) from error


def _xlsx_records(content: bytes) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    damaged = ValidationError(
        _("The Excel file cannot be read. It may be damaged, or not an .xlsx workbook."),
        code=CommonError.FILE_DAMAGED,
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise damaged from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise damaged
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on a bad archive
        raise damaged from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise damaged
        rows = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        for number, values in enumerate(rows, start=1):
            yield number, [_cell_text(value) for value in values]
    except ValidationError:
        raise
    except Exception as error:  # a sheet can be damaged too, which shows only as it is read
        raise damaged from error
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _table(
    records: Iterator[tuple[int, list[str]]], *, max_rows: int, required: list[str]
) -> Table:
    first = next(records, None)
    if first is None:
        raise ValidationError(_("The file is empty."), code=CommonError.FILE_EMPTY)
    columns = [normalise_column(name) for name in first[1]]
    if not any(columns):
        raise ValidationError(
            _("The file has no header row: its first row must name the columns."),
            code=CommonError.NO_HEADER,
        )
    named = [name for name in columns if name]
    duplicates = sorted({name for name in named if named.count(name) > 1})
    if duplicates:
        raise ValidationError(
            ngettext(
                "The column %(columns)s appears more than once.",
                "The columns %(columns)s appear more than once.",
                len(duplicates),
            ),
            code=CommonError.COLUMN_DUPLICATE,
            params={"columns": join_list(duplicates)},
        )
    missing = [name for name in required if name not in named]
    if missing:
        raise ValidationError(
            ngettext(
                "The required column %(columns)s is missing.",
                "The required columns %(columns)s are missing.",
                len(missing),
            ),
            code=CommonError.COLUMNS_MISSING,
            params={"columns": join_list(missing)},
        )
    table = Table(columns=named)
    for number, record in records:
        cells = [restore(cell.strip()) for cell in record]
        if not any(cells):
            continue
        if len(table.rows) == max_rows:
            raise ValidationError(
                _("The file has more than %(limit)s rows. Split it into smaller files."),
                code=CommonError.TOO_MANY_ROWS,
                params={"limit": max_rows},
            )
        values = {name: "" for name in named}
        for name, cell in zip(columns, cells, strict=False):
            if name:
                values[name] = cell
        table.rows.append((number, values))
    if not table.rows:
        raise ValidationError(
            _("The file has a header row but no rows below it."), code=CommonError.NO_ROWS
        )
    return table


# Writing


class _Line:
    """A file-like object whose write() hands back what it was given."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(columns: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    """A CSV file, piece by piece (one line each): a byte-order mark so that spreadsheets
    read it as UTF-8, the header, then the rows, every cell neutralised."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])


def write_xlsx(columns: list[str], rows: Iterable[list[str]], *, title: str):
    """An .xlsx workbook with one sheet, in a temporary file opened at its start (the file
    disappears when closed). Every cell is text, neutralised."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(columns)
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", neutralise(cell)) for cell in row])
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle
