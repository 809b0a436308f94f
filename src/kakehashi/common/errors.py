"""Refusing bad input, the one way every service does it (docs/architecture.md, "Rules of the
house"): a `ValidationError` with a translated message, a code, and the values of the
message's placeholders. `common` sits left of every app, so each can import it.

Codes are enum members, one `ErrorCode` class per app (`<app>/errors.py`), and here the codes
that several apps share (an upload, a table, a translation). A member's value is the stable
string API clients see; its description is one English line for the OpenAPI document. A test
(tests/common/test_error_codes.py) refuses a string literal passed as a code."""

from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class ErrorCode(StrEnum):
    """A refusal's code: `MEMBER = "value", "what it means"`."""

    description: str

    def __new__(cls, value: str, description: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member


class CommonError(ErrorCode):
    """Refusals shared by several apps: uploads, tables read from files, translations."""

    COLUMN_DUPLICATE = "column_duplicate", "A column is named twice in the header row."
    COLUMNS_MISSING = "columns_missing", "Columns the table needs are missing."
    FILE_DAMAGED = "file_damaged", "The file cannot be read: it may be damaged."
    FILE_EMPTY = "file_empty", "The file is empty, or holds no text to read."
    FILE_NOT_IN_ENCODING = "file_not_in_encoding", "The file cannot be read in that encoding."
    FILE_NOT_TEXT = "file_not_text", "The file is not a CSV text file."
    FILE_TOO_LARGE = "file_too_large", "The file is larger than the limit."
    FILE_TYPE_NOT_ALLOWED = "file_type_not_allowed", "This type of file is not accepted here."
    FILE_UNDECODABLE = "file_undecodable", "The text cannot be read in any accepted encoding."
    INVALID_DATE = (
        "invalid_date",
        "The date is not written as the reader's language writes it (or in the ISO form).",
    )
    LANGUAGE_INVALID = "language_invalid", "Choose Vietnamese, Japanese or English."
    NO_HEADER = "no_header", "The file has no header row."
    NO_ROWS = "no_rows", "The file has a header row but no rows below it."
    ORIGINAL_LANGUAGE = "original_language", "A translation is given in the original's language."
    TITLE_MISSING = "title_missing", "The title is missing."
    TOO_LONG = "too_long", "A text is longer than its limit."
    TOO_MANY_ROWS = "too_many_rows", "The file has more rows than the limit."
    WRONG_STATUS = "wrong_status", "The record is not in a state that allows this step."


# The shared codes by what refuses them: an uploaded file, a table read from one, a text or
# its translation. An API module names the groups its operations can answer with.
UPLOAD_CODES = (
    CommonError.FILE_DAMAGED,
    CommonError.FILE_EMPTY,
    CommonError.FILE_TOO_LARGE,
    CommonError.FILE_TYPE_NOT_ALLOWED,
)
TABLE_CODES = (
    CommonError.COLUMN_DUPLICATE,
    CommonError.COLUMNS_MISSING,
    CommonError.FILE_NOT_IN_ENCODING,
    CommonError.FILE_NOT_TEXT,
    CommonError.FILE_UNDECODABLE,
    CommonError.NO_HEADER,
    CommonError.NO_ROWS,
    CommonError.TOO_MANY_ROWS,
)
TEXT_CODES = (
    CommonError.LANGUAGE_INVALID,
    CommonError.ORIGINAL_LANGUAGE,
    CommonError.TITLE_MISSING,
    CommonError.TOO_LONG,
)


# What every service says of a language that is not one of ours (common.i18n.Language).
LANGUAGE_INVALID = _("Choose Vietnamese, Japanese or English.")


def invalid(message, code: ErrorCode, **params) -> ValidationError:
    """The error to raise for bad input: `message` (translated, with `%(name)s` placeholders),
    its `code`, and the `params` that fill the placeholders where it is shown."""
    return ValidationError(message, code=code, params=params or None)
