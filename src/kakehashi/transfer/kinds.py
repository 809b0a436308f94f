"""What can be imported and exported, the columns of each kind and who may import it."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MAX_PARTIES = 10


class TransferKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations")
    PEOPLE = "people", _("People")
    PARTNERSHIPS = "partnerships", _("Partnerships")


IMPORT_PERMISSIONS = {
    TransferKind.ORGANISATIONS: "directory.import_organisations",
    TransferKind.PEOPLE: "directory.import_people",
    TransferKind.PARTNERSHIPS: "partnerships.import_partnerships",
}


@dataclass(frozen=True)
class Column:
    name: str
    help: Promise
    required: bool = False


ORGANISATION_COLUMNS = (
    Column("name", _("The name as the organisation writes it."), required=True),
    Column("name_en", _("The name in English.")),
    Column("kind", _("One of the kinds listed below; “other” when empty.")),
    Column("country", _("VN or JP. May be left empty when the locality is given by its slug.")),
    Column(
        "locality",
        _(
            "A locality slug (e.g. ho-chi-minh-city), or its official code in the "
            "organisation's country: a Vietnamese province code (current units only, e.g. 79) "
            "or a Japanese JIS code (e.g. 27 or 271004)."
        ),
    ),
    Column("sectors", _("Sector keys separated by “;”.")),
    Column("website", _("A web address starting with http:// or https://.")),
    Column("description", _("At most 4,000 characters.")),
    Column("language", _("The language of the text: vi, ja or en; en when empty.")),
    Column("published", _("yes/no, 1/0 or true/false; no when empty.")),
)

PERSON_COLUMNS = (
    Column("full_name", _("The person's full name."), required=True),
    Column(
        "email",
        _(
            "Their e-mail address. A row for an address already at the organisation "
            "updates that membership; otherwise the person with this address is added, or "
            "created."
        ),
    ),
    Column("phone", _("Their phone number.")),
    Column(
        "organisation",
        _("The organisation's id, or its exact name. You must administer it."),
        required=True,
    ),
    Column("role", _("admin or member; member when empty.")),
    Column("position", _("Their position at the organisation.")),
)


def _party_columns(number: int) -> tuple[Column, Column]:
    return (
        Column(
            f"party_{number}",
            _(
                "A party: a locality slug (e.g. binh-duong-before-2025 for a former "
                "province), a locality code with its country (VN:79, JP:27, JP:271004), or "
                "org:<id> for an organisation."
            ),
            required=number <= 2,
        ),
        Column(f"party_{number}_as_signed", _("The party's name as written in the agreement.")),
    )


PARTNERSHIP_COLUMNS = (
    Column("title", _("The agreement's title."), required=True),
    Column("kind", _("One of the types listed below; “other” when empty.")),
    Column("type_as_stated", _("The type as the source names it.")),
    *_party_columns(1),
    *_party_columns(2),
    *_party_columns(3),
    Column("signed_on", _("YYYY, YYYY-MM or YYYY-MM-DD, as much as is known.")),
    Column("status", _("active, expired or superseded; active when empty.")),
    Column("sectors", _("Sector keys separated by “;”.")),
    Column("summary", _("At most 4,000 characters.")),
    Column("language", _("The language of the text: vi, ja or en; en when empty.")),
    Column("sources", _("Web addresses separated by spaces or “;”.")),
    Column("published", _("yes/no, 1/0 or true/false; yes when empty.")),
)

COLUMNS = {
    TransferKind.ORGANISATIONS: ORGANISATION_COLUMNS,
    TransferKind.PEOPLE: PERSON_COLUMNS,
    TransferKind.PARTNERSHIPS: PARTNERSHIP_COLUMNS,
}


def column_names(kind: str) -> list[str]:
    return [column.name for column in COLUMNS[kind]]


def required_columns(kind: str) -> list[str]:
    return [column.name for column in COLUMNS[kind] if column.required]


def known_columns(kind: str) -> set[str]:
    """Every column that an import of this kind reads (partnerships: up to MAX_PARTIES)."""
    names = set(column_names(kind))
    if kind == TransferKind.PARTNERSHIPS:
        for number in range(1, MAX_PARTIES + 1):
            names |= {f"party_{number}", f"party_{number}_as_signed"}
    return names


def importable_kinds(user) -> list[str]:
    return [kind for kind, perm in IMPORT_PERMISSIONS.items() if user.has_perm(perm)]
