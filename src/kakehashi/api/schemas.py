"""Schemas and field types shared by the API routers: the error shape, bounded text and ids,
and the paginated list shape."""

from decimal import Decimal
from typing import Annotated

from ninja import Schema
from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from kakehashi.api.errors import SchemaError

# The largest id a BigAutoField can hold; a bigger number would overflow the database driver.
MAX_ID = 2**63 - 1
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50
# Far beyond any real list; it only keeps absurd offsets away from the database.
MAX_OFFSET = 1_000_000


def _valid_text(value: str) -> str:
    """Reject what a database cannot store: NUL characters (PostgreSQL refuses them) and lone
    surrogates (which JSON can encode but UTF-8 cannot)."""
    if "\x00" in value:
        raise PydanticCustomError(SchemaError.NULL_CHARACTER, "Null characters are not allowed.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise PydanticCustomError(
            SchemaError.INVALID_TEXT, "The text is not valid Unicode."
        ) from error
    return value


# What _valid_text refuses, as the schema says it (the NUL character; a lone surrogate has no
# JSON Schema pattern), so that a client reading the schema knows it.
NO_NUL = r"^[^\x00]*$"
# A text that must not be empty once stripped: one character besides white space (a lone
# vertical tab is no title).
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"


def text(max_length: int, *, min_length: int = 0, strip: bool = True):
    """A string type bounded like the model field it is stored in."""
    pattern = NOT_BLANK if min_length and strip else NO_NUL
    return Annotated[
        str,
        StringConstraints(max_length=max_length, min_length=min_length, strip_whitespace=strip),
        AfterValidator(_valid_text),
        Field(json_schema_extra={"pattern": pattern}),
    ]


def two_places(max_digits: int, description: str = ""):
    """A non-negative decimal with two places (a sum of money, an area), stored in a
    DecimalField(max_digits, 2): a JSON number or a string of digits, as the schema says."""
    whole = max_digits - 2
    return Annotated[
        Decimal,
        Field(ge=0, max_digits=max_digits, decimal_places=2),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "number", "minimum": 0, "maximum": 10**whole - 1, "multipleOf": 0.01},
                    {"type": "string", "pattern": rf"^\d{{1,{whole}}}(\.\d{{1,2}})?$"},
                ],
                **({"description": description} if description else {}),
            }
        ),
    ]


Slug = text(80)  # Locality.slug
SectorKey = text(40)  # Sector.key
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class InputSchema(Schema):
    """Request bodies refuse unknown fields, so that a misspelt field is an error rather than
    a silent no-op."""

    model_config = ConfigDict(extra="forbid")


class ErrorDetail(Schema):
    field: str | None = Field(None, description="Dotted path of the field, e.g. parties.0.locality")
    code: str = Field(
        ...,
        description=(
            "The field's code. Under `invalid_input`, the schema's: "
            + ", ".join(f"`{code.value}`" for code in SchemaError)
            + "; otherwise one of the codes listed for the operation's status."
        ),
    )
    message: str


class ErrorOut(Schema):
    code: str = Field(
        ..., description="Stable snake_case code: the operation lists those of each status"
    )
    message: str = Field(..., description="A sentence in the language of the request")
    details: list[ErrorDetail] = []


def error_responses(*statuses: int) -> dict:
    """The `response=` entries documenting the error statuses an operation may return."""
    return {status: ErrorOut for status in statuses}


class PageQuery(Schema):
    limit: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


def page(queryset, query: PageQuery) -> dict:
    """`{"count", "items"}` for one page of a queryset."""
    return {
        "count": queryset.count(),
        "items": list(queryset[query.offset : query.offset + query.limit]),
    }
