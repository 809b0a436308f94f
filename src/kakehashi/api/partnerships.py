"""Partnerships between localities and organisations: public list and detail; recording,
editing and deleting by the parties."""

import dataclasses

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema, Status

from kakehashi.api.auth import public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import (
    MAX_ID,
    Id,
    InputSchema,
    PageQuery,
    SectorKey,
    Slug,
    error_responses,
    page,
    text,
)
from kakehashi.api.translation_schemas import PartnershipTranslationOut
from kakehashi.common.dates import partial_date_text
from kakehashi.common.errors import TEXT_CODES
from kakehashi.common.i18n import Language
from kakehashi.partnerships import queries, services
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import (
    Partnership,
    PartnershipKind,
    PartnershipParty,
    PartnershipStatus,
    Renewal,
)
from kakehashi.partnerships.services import PartnershipInput, PartyInput, RenewalInput

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (PartnershipError, ApiInputError, TEXT_CODES)


router = Router(tags=["partnerships"])

PartialDate = text(40)
SCALAR_FIELDS = ("title", "kind", "type_as_stated", "status", "summary", "language", "is_published")
PARTIAL_DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD, as precisely as known"


class PartyOut(Schema):
    name_as_signed: str
    locality: str | None = Field(None, description="Slug of the locality as signed")
    organisation: int | None = Field(None, description="Id of the organisation")
    current_locality: str | None = Field(
        None, description="Today's unit for the party's place (a merged province's successor)"
    )

    @staticmethod
    def resolve_locality(party: PartnershipParty) -> str | None:
        return party.locality.slug if party.locality_id else None

    @staticmethod
    def resolve_organisation(party: PartnershipParty) -> int | None:
        return party.organisation_id

    @staticmethod
    def resolve_current_locality(party: PartnershipParty) -> str | None:
        place = party.current_place
        return place.slug if place is not None else None


class RenewalOut(Schema):
    date: str = Field(..., description=PARTIAL_DATE_HELP)
    precision: str
    note: str

    @staticmethod
    def resolve_date(renewal: Renewal) -> str:
        return partial_date_text(renewal.renewed_on, renewal.precision)


class PartnershipOut(Schema):
    id: int
    title: str
    kind: str
    type_as_stated: str
    status: str
    signed_on: str | None = Field(None, description=PARTIAL_DATE_HELP)
    signed_precision: str
    sectors: list[str] = Field(..., description="Sector keys")
    parties: list[PartyOut]
    renewals: list[RenewalOut]
    sources: list[str] = Field(..., description="Web addresses")
    is_published: bool
    is_demo: bool
    summary: str
    language: str = Field(..., description="The language the record is written in")
    translations: list[PartnershipTranslationOut] = Field(
        ...,
        description="The title, summary, type as stated and renewal notes in the other languages",
    )

    @staticmethod
    def resolve_translations(partnership: Partnership):
        return list(partnership.translations.all())

    @staticmethod
    def resolve_signed_on(partnership: Partnership) -> str | None:
        return partial_date_text(partnership.signed_on, partnership.signed_precision) or None

    @staticmethod
    def resolve_sectors(partnership: Partnership) -> list[str]:
        return [sector.key for sector in partnership.sectors.all()]

    @staticmethod
    def resolve_parties(partnership: Partnership):
        return list(partnership.parties.all())

    @staticmethod
    def resolve_renewals(partnership: Partnership):
        return list(partnership.renewals.all())

    @staticmethod
    def resolve_sources(partnership: Partnership) -> list[str]:
        return [source.url for source in partnership.sources.all()]


class PartnershipList(Schema):
    count: int
    items: list[PartnershipOut]


class PartnershipQuery(PageQuery):
    """The filters of partnerships.queries.listed, with the same meanings as the registry
    page's."""

    locality: Slug | None = Field(
        None,
        description="A locality slug: the agreements to which it, a former unit it took over or "
        "an organisation based in one of them is a party",
    )
    kind: PartnershipKind | None = Field(None, description="The agreement's kind")
    status: PartnershipStatus | None = Field(None, description="The agreement's status")
    sector: SectorKey | None = Field(None, description="Key of one of the agreement's sectors")


class PartyIn(InputSchema):
    locality: Slug | None = Field(
        None, description="Slug of a locality (a former unit, if the party signed as one)"
    )
    organisation: Id | None = Field(None, description="Id of an organisation")
    name_as_signed: text(200) = Field(
        "", description="Default: the name of the locality or organisation"
    )


class RenewalIn(InputSchema):
    date: PartialDate = Field(..., description=PARTIAL_DATE_HELP)
    note: text(300) = ""


class PartnershipIn(InputSchema):
    title: text(200, min_length=1)
    kind: PartnershipKind
    type_as_stated: text(300) = ""
    sectors: list[SectorKey] = Field([], max_length=50, description="Sector keys")
    signed_on: PartialDate | None = Field(None, description=PARTIAL_DATE_HELP)
    status: PartnershipStatus = PartnershipStatus.ACTIVE
    summary: text(4000) = ""
    language: Language = Language.EN
    is_published: bool = True
    sources: list[text(500, min_length=1)] = Field(
        [], max_length=20, description="http(s) addresses"
    )
    renewals: list[RenewalIn] = Field([], max_length=50)
    parties: list[PartyIn] = Field(..., max_length=10, description="At least two")


class PartnershipPatch(InputSchema):
    """Only the fields sent are changed; a list sent (parties, sectors, sources, renewals)
    replaces the stored one. `signed_on: null` removes the date."""

    title: text(200, min_length=1) = None
    kind: PartnershipKind = None
    type_as_stated: text(300) = None
    sectors: list[SectorKey] = Field(None, max_length=50)
    signed_on: PartialDate | None = Field(None, description=PARTIAL_DATE_HELP)
    status: PartnershipStatus = None
    summary: text(4000) = None
    language: Language = None
    is_published: bool = None
    sources: list[text(500, min_length=1)] = Field(None, max_length=20)
    renewals: list[RenewalIn] = Field(None, max_length=50)
    parties: list[PartyIn] = Field(None, max_length=10)


def stored_input(partnership: Partnership) -> PartnershipInput:
    """The service input that would write the partnership back unchanged."""
    return PartnershipInput(
        title=partnership.title,
        kind=partnership.kind,
        parties=[
            PartyInput(
                locality=party.locality,
                organisation=party.organisation,
                name_as_signed=party.name_as_signed,
            )
            for party in partnership.parties.all()
        ],
        sectors=list(partnership.sectors.all()),
        signed_on=partnership.signed_on,
        signed_precision=partnership.signed_precision,
        status=partnership.status,
        type_as_stated=partnership.type_as_stated,
        summary=partnership.summary,
        language=partnership.language,
        is_published=partnership.is_published,
        sources=[source.url for source in partnership.sources.all()],
        renewals=[
            RenewalInput(date=renewal.renewed_on, precision=renewal.precision, note=renewal.note)
            for renewal in partnership.renewals.all()
        ],
        is_demo=partnership.is_demo,
    )


def sent_fields(payload: Schema) -> dict:
    """The top-level fields the client sent (nested items keep their defaults)."""
    return {name: getattr(payload, name) for name in payload.model_fields_set}


def _changes(request, sent: dict) -> dict:
    """PartnershipInput fields from the fields sent; every bad value is reported at once."""
    errors = FieldErrors()
    changes = {name: sent[name] for name in SCALAR_FIELDS if name in sent}
    if "sectors" in sent:
        changes["sectors"] = errors.sectors(sent["sectors"], "sectors")
    if "signed_on" in sent:
        date, precision = errors.partial_date(sent["signed_on"], "signed_on")
        changes["signed_on"] = date
        changes["signed_precision"] = precision or PartnershipInput.signed_precision
    if "sources" in sent:
        changes["sources"] = [
            errors.web_address(url, f"sources.{position}")
            for position, url in enumerate(sent["sources"])
        ]
    if "renewals" in sent:
        changes["renewals"] = []
        for position, renewal in enumerate(sent["renewals"]):
            date, precision = errors.partial_date(
                renewal.date, f"renewals.{position}.date", required=True
            )
            changes["renewals"].append(
                RenewalInput(date=date, precision=precision, note=renewal.note)
            )
    if "parties" in sent:
        changes["parties"] = [
            _party(errors, party, f"parties.{position}", request.user)
            for position, party in enumerate(sent["parties"])
        ]
    errors.raise_if_any()
    return changes


def _party(errors: FieldErrors, party: PartyIn, field: str, user) -> PartyInput:
    if party.locality is not None and party.organisation is not None:
        errors.add(
            field,
            _("Choose a locality or an organisation for a party, not both."),
            ApiInputError.PARTY_BOTH,
        )
    return PartyInput(
        locality=errors.locality(party.locality, f"{field}.locality"),
        organisation=errors.organisation(party.organisation, f"{field}.organisation", user=user),
        name_as_signed=party.name_as_signed,
    )


def _visible(request, partnership_id: int) -> Partnership:
    return get_object_or_404(queries.partnerships_visible_to(request.user), pk=partnership_id)


@router.get(
    "/partnerships", response={200: PartnershipList, **error_responses(401, 422)}, **public()
)
def list_partnerships(request, query: Query[PartnershipQuery]):
    """Newest first. With `locality`, the agreements of that unit, of the former units it took
    over and of organisations based there."""
    errors = FieldErrors()
    locality = errors.locality(query.locality, "locality")
    sector = errors.sector(query.sector, "sector")
    errors.raise_if_any()
    partnerships = queries.listed(
        request.user,
        locality=locality,
        kind=query.kind,
        status=query.status,
        sector=sector.key if sector is not None else None,
    )
    partnerships = partnerships.order_by(F("signed_on").desc(nulls_last=True), "title", "pk")
    return page(partnerships, query)


@router.get(
    "/partnerships/{partnership_id}",
    response={200: PartnershipOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_partnership(request, partnership_id: int = Path(..., ge=1, le=MAX_ID)):
    return _visible(request, partnership_id)


@router.post("/partnerships", response={201: PartnershipOut, **error_responses(401, 403, 422)})
def create_partnership(request, payload: PartnershipIn):
    """Record an agreement to which the caller's organisation (or locality) is a party."""
    if not request.user.has_perm("partnerships.add_partnership"):
        raise PermissionDenied
    all_fields = {name: getattr(payload, name) for name in PartnershipIn.model_fields}
    data = PartnershipInput(**_changes(request, all_fields))
    partnership = services.create_partnership(data=data, by=request.user)
    return Status(201, _visible(request, partnership.pk))


@router.patch(
    "/partnerships/{partnership_id}",
    response={200: PartnershipOut, **error_responses(401, 403, 404, 422)},
)
def update_partnership(
    request, payload: PartnershipPatch, partnership_id: int = Path(..., ge=1, le=MAX_ID)
):
    partnership = _visible(request, partnership_id)
    if not request.user.has_perm("partnerships.change_partnership", partnership):
        raise PermissionDenied
    changes = _changes(request, sent_fields(payload))
    data = dataclasses.replace(stored_input(partnership), **changes)
    services.update_partnership(partnership=partnership, data=data, by=request.user)
    return _visible(request, partnership.pk)


@router.delete(
    "/partnerships/{partnership_id}",
    response={204: None, **error_responses(401, 403, 404, 422)},
)
def delete_partnership(request, partnership_id: int = Path(..., ge=1, le=MAX_ID)):
    partnership = _visible(request, partnership_id)
    if not request.user.has_perm("partnerships.delete_partnership", partnership):
        raise PermissionDenied
    services.delete_partnership(partnership=partnership, by=request.user)
    return Status(204, None)
