"""What can be imported and exported, the columns of each kind and who may import it."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kakehashi.proposals.screening import CRITERIA

MAX_PARTIES = 10


class TransferKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations")
    PEOPLE = "people", _("People")
    PARTNERSHIPS = "partnerships", _("Partnerships")
    PROPOSALS = "proposals", _("Proposals")


IMPORT_PERMISSIONS = {
    TransferKind.ORGANISATIONS: "directory.import_organisations",
    TransferKind.PEOPLE: "directory.import_people",
    TransferKind.PARTNERSHIPS: "partnerships.import_partnerships",
    TransferKind.PROPOSALS: "proposals.add_proposal",
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

# The translation columns of a proposal: <text>_<language> (title_ja, summary_ja…), the
# naming of name_en in the organisations' columns.
# The kind's texts (advantages_ja…) only for a proposal of a kind that has them.
TRANSLATION_TEXTS = ("title", "summary", "description", "advantages", "sought", "partner_role")
TRANSLATION_LANGUAGES = ("vi", "ja", "en")
TRANSLATION_HELP = {
    "title": _(
        "Optional: the title translated into the language the column names (vi, ja or en); "
        "needed when the summary or description in that language is given."
    ),
    "summary": _("Optional: the summary translated into that language, at most 500 characters."),
    "description": _(
        "Optional: the description translated into that language, at most 4,000 characters."
    ),
    "advantages": _(
        "Optional, offers and export products: the advantages and innovation translated into "
        "that language, at most 2,000 characters."
    ),
    "sought": _(
        "Optional, requests, research cooperation and programmes: what is sought, translated "
        "into that language, at most 2,000 characters."
    ),
    "partner_role": _(
        "Optional, requests, research cooperation and programmes: the partner's expected role "
        "translated into that language, at most 2,000 characters."
    ),
}


def translation_column(name: str, language: str) -> str:
    return f"{name}_{language}"


PROPOSAL_COLUMNS = (
    Column(
        "organisation",
        _("The proposing organisation's id, or its exact name; you must act for it."),
        required=True,
    ),
    Column("kind", _("One of the kinds listed below."), required=True),
    Column("title", _("At most 200 characters."), required=True),
    Column("summary", _("At most 500 characters."), required=True),
    Column("description", _("At most 4,000 characters.")),
    Column(
        "language",
        _("The language of the text: vi, ja or en; detected from the text when empty."),
    ),
    *(
        Column(translation_column(name, language), TRANSLATION_HELP[name])
        for language in TRANSLATION_LANGUAGES
        for name in TRANSLATION_TEXTS
    ),
    Column("keywords", _("Keywords separated by commas, at most 300 characters.")),
    Column("sectors", _("Sector keys separated by “;”.")),
    Column("partnership_types", _("Types of partnership sought, separated by “;”.")),
    Column("target_countries", _("VN and/or JP, separated by “;”.")),
    Column(
        "locality",
        _(
            "Where the proposal is from (an investment project: where it is), as a locality "
            "slug or a code with its country (VN:79, JP:27); the organisation's when empty."
        ),
    ),
    Column("target_localities", _("Locality slugs separated by “;”.")),
    Column(
        "anonymous", _("yes/no: hide the organisation until it accepts contact; no when empty.")
    ),
    Column("advantages", _("Offers: advantages and innovation, at most 2,000 characters.")),
    Column("stage", _("Technology offers: the stage of development (values below).")),
    Column("sought", _("Requests and programmes: what is sought, at most 2,000 characters.")),
    Column("partner_role", _("The partner's expected role, at most 2,000 characters.")),
    Column("programme_area", _("Programmes: the area (values below).")),
    Column("industrial_zone", _("Investment projects: the industrial zone.")),
    Column("amount", _("Investment projects: the investment capital, a number (e.g. 1500000).")),
    Column("currency", _("USD, VND or JPY; USD when empty.")),
    Column("land_area_ha", _("Investment projects: the land area in hectares, a number.")),
    Column("investment_form", _("Investment projects: the form of investment (values below).")),
    Column("timeline", _("Investment projects: the timeline, at most 300 characters.")),
    *(
        Column(criterion, _("Investment projects: a level from 0 to 4; 0 when empty."))
        for criterion in CRITERIA
    ),
    Column("product", _("Export products: the product (required for this kind).")),
    Column("hs_code", _("Export products: six digits of HS 2022, e.g. 090111.")),
    Column("capacity", _("Export products: the production capacity.")),
    Column("certifications", _("Export products: certifications held.")),
    Column("target_market", _("Export products: the target market.")),
)

COLUMNS = {
    TransferKind.ORGANISATIONS: ORGANISATION_COLUMNS,
    TransferKind.PEOPLE: PERSON_COLUMNS,
    TransferKind.PARTNERSHIPS: PARTNERSHIP_COLUMNS,
    TransferKind.PROPOSALS: PROPOSAL_COLUMNS,
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
