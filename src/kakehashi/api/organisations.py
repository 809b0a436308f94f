"""Organisations: public list and detail; registration and editing by their administrators."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema, Status

from kakehashi.api.auth import public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import (
    MAX_ID,
    InputSchema,
    PageQuery,
    SectorKey,
    Slug,
    error_responses,
    page,
    text,
)
from kakehashi.common.errors import TEXT_CODES
from kakehashi.common.i18n import Language
from kakehashi.directory import queries as directory_queries
from kakehashi.directory import services
from kakehashi.directory.errors import DirectoryError
from kakehashi.directory.models import Country, Organisation, OrganisationKind
from kakehashi.directory.queries import organisations_visible_to

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (DirectoryError, ApiInputError, TEXT_CODES)


router = Router(tags=["organisations"])

Name = text(200, min_length=1)


class OrganisationTranslationOut(Schema):
    language: str
    name: str
    description: str
    source: str = Field(
        ..., description="Who made it: author (a member), colleague, moderator or machine"
    )
    made_at: dt.datetime
    updated_at: dt.datetime


class OrganisationOut(Schema):
    id: int
    name: str
    name_en: str
    display_name: str = Field(
        ...,
        description="The name in the request's language: its translation, else the English "
        "name for a reader of another language, else the name",
    )
    kind: str
    country: str
    locality: str | None = Field(None, description="Slug of the locality")
    sectors: list[str] = Field(..., description="Sector keys")
    website: str
    description: str
    language: str
    is_published: bool
    held_reason: str = Field(
        ...,
        description="Why a platform administrator must look before it is published "
        "(similar_name: its name reads like another organisation's), or empty",
    )
    is_demo: bool
    translations: list[OrganisationTranslationOut] = Field(
        ...,
        description="Name and description in the languages other than `language` "
        "(read-only here; members add them on the organisation's page)",
    )
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_translations(organisation: Organisation) -> list:
        return list(organisation.translations.all())

    @staticmethod
    def resolve_locality(organisation: Organisation) -> str | None:
        return organisation.locality.slug if organisation.locality_id else None

    @staticmethod
    def resolve_sectors(organisation: Organisation) -> list[str]:
        return [sector.key for sector in organisation.sectors.all()]


class OrganisationList(Schema):
    count: int
    items: list[OrganisationOut]


class OrganisationQuery(PageQuery):
    """The filters of directory.queries.listed, with the same meanings as the directory
    page's."""

    country: Country | None = Field(None, description="The organisation's country")
    kind: OrganisationKind | None = Field(None, description="The organisation's kind")
    sector: SectorKey | None = Field(None, description="Key of one of the organisation's sectors")
    locality: Slug | None = Field(
        None,
        description="The organisation's locality, by slug; a current unit includes the former "
        "units it took over",
    )
    q: text(100) | None = Field(
        None,
        description="Part of the name, of the English name or of a translated name (any case)",
    )


class OrganisationIn(InputSchema):
    name: Name
    name_en: text(200) = ""
    kind: OrganisationKind
    country: Country
    locality: Slug | None = Field(None, description="Slug of a current locality in `country`")
    sectors: list[SectorKey] = Field([], max_length=50, description="Sector keys")
    website: text(200) = Field("", description="An http(s) address")
    description: text(4000) = ""
    language: Language = Field(Language.EN, description="Language of name and description")
    is_published: bool = True


class OrganisationPatch(InputSchema):
    """Only the fields sent are changed. `locality: null` removes the locality."""

    name: Name = None
    name_en: text(200) = None
    kind: OrganisationKind = None
    country: Country = None
    locality: Slug | None = None
    sectors: list[SectorKey] = Field(None, max_length=50)
    website: text(200) = None
    description: text(4000) = None
    language: Language = None
    is_published: bool = None


def _visible(request, organisation_id: int) -> Organisation:
    return get_object_or_404(
        organisations_visible_to(request.user).prefetch_related("sectors"), pk=organisation_id
    )


def _fields(request, changes: dict) -> dict:
    """Service keyword arguments from the fields sent; unknown slugs and keys are errors."""
    errors = FieldErrors()
    if "locality" in changes:
        changes["locality"] = errors.locality(changes["locality"], "locality", current_only=True)
    if "sectors" in changes:
        changes["sectors"] = errors.sectors(changes["sectors"], "sectors")
    if "website" in changes:
        errors.web_address(changes["website"], "website")
    errors.raise_if_any()
    return changes


@router.get(
    "/organisations", response={200: OrganisationList, **error_responses(401, 422)}, **public()
)
def list_organisations(request, query: Query[OrganisationQuery]):
    errors = FieldErrors()
    sector = errors.sector(query.sector, "sector")
    locality = errors.locality(query.locality, "locality")
    errors.raise_if_any()
    organisations = directory_queries.listed(
        request.user,
        q=query.q,
        kind=query.kind,
        country=query.country,
        sector=sector.key if sector is not None else None,
        locality=locality,
    ).prefetch_related("sectors")
    return page(organisations.order_by("name", "pk"), query)


@router.get(
    "/organisations/{organisation_id}",
    response={200: OrganisationOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_organisation(request, organisation_id: int = Path(..., ge=1, le=MAX_ID)):
    return _visible(request, organisation_id)


@router.post("/organisations", response={201: OrganisationOut, **error_responses(401, 403, 422)})
def create_organisation(request, payload: OrganisationIn):
    """Register an organisation; the caller becomes its administrator."""
    if not request.user.has_perm("directory.add_organisation"):
        raise PermissionDenied
    fields = _fields(request, payload.model_dump())
    organisation = services.create_organisation(by=request.user, **fields)
    return Status(201, _visible(request, organisation.pk))


@router.patch(
    "/organisations/{organisation_id}",
    response={200: OrganisationOut, **error_responses(401, 403, 404, 422)},
)
def update_organisation(
    request, payload: OrganisationPatch, organisation_id: int = Path(..., ge=1, le=MAX_ID)
):
    organisation = _visible(request, organisation_id)
    if not request.user.has_perm("directory.change_organisation", organisation):
        raise PermissionDenied
    fields = _fields(request, {name: getattr(payload, name) for name in payload.model_fields_set})
    services.update_organisation(organisation=organisation, by=request.user, **fields)
    return _visible(request, organisation.pk)
