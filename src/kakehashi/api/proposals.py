"""Proposals: public list and detail (published ones for everyone; drafts and submitted ones
for their owners and moderators); drafts created and edited by the proposing organisation's
members; the workflow (submit, withdraw, renew, archive; publish and reject by moderators);
expressions of interest. An anonymous owner is hidden (`organisation: null`) from those who
may not see it. The same django-rules permissions as the pages apply."""

import dataclasses
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema, Status

from kakehashi.api.auth import public
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
from kakehashi.directory.models import Country
from kakehashi.proposals import queries, services
from kakehashi.proposals.models import (
    Currency,
    InvestmentForm,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalKind,
    ProposalStatus,
    TechnologyStage,
)
from kakehashi.proposals.screening import screen
from kakehashi.proposals.services import ExportInput, InvestmentInput, ProposalInput

router = Router(tags=["proposals"])
Level = Field(0, ge=0, le=4)


class ContributionOut(Schema):
    criterion: str
    level: int
    weight: int
    points: Decimal


class ScreeningOut(Schema):
    score: Decimal = Field(..., description="0–100; the contributions' points add up to it")
    contributions: list[ContributionOut]


class InvestmentOut(Schema):
    industrial_zone: str
    amount: Decimal | None
    currency: str
    land_area_ha: Decimal | None
    investment_form: str
    timeline: str
    technology: int
    governance: int
    added_value: int
    spillover: int
    supply_chain: int
    environment: int


class ExportOut(Schema):
    product: str
    hs_code: str
    capacity: str
    certifications: str
    target_market: str


class ProposalOut(Schema):
    id: int
    kind: str
    status: str
    title: str
    summary: str
    description: str
    advantages: str
    sought: str
    partner_role: str
    stage: str
    programme_area: str
    keywords: str
    language: str
    language_confirmed: bool
    is_anonymous: bool
    organisation: int | None = Field(
        None, description="Id of the proposing organisation; null while it stays anonymous"
    )
    locality: str = Field(..., description="Slug of the locality")
    sectors: list[str]
    partnership_types: list[str]
    target_countries: list[str]
    target_localities: list[str]
    published_on: str | None
    expires_on: str | None
    rejection_reason: str = Field(..., description="Shown to the owners and moderators only")
    investment: InvestmentOut | None = None
    export: ExportOut | None = None
    screening: ScreeningOut | None = Field(
        None, description="Investment projects: the score under the locality's weights"
    )

    @staticmethod
    def resolve_organisation(proposal: Proposal, context) -> int | None:
        return proposal.organisation_id if _reader(context).sees_owner(proposal) else None

    @staticmethod
    def resolve_rejection_reason(proposal: Proposal, context) -> str:
        reader = _reader(context)
        allowed = reader.owns(proposal) or reader.moderates(proposal)
        return proposal.rejection_reason if allowed else ""

    @staticmethod
    def resolve_locality(proposal: Proposal) -> str:
        return proposal.locality.slug

    @staticmethod
    def resolve_sectors(proposal: Proposal) -> list[str]:
        return [sector.key for sector in proposal.sectors.all()]

    @staticmethod
    def resolve_partnership_types(proposal: Proposal) -> list[str]:
        return [row.type for row in proposal.partnership_types.all()]

    @staticmethod
    def resolve_target_countries(proposal: Proposal) -> list[str]:
        return [row.country for row in proposal.target_countries.all()]

    @staticmethod
    def resolve_target_localities(proposal: Proposal) -> list[str]:
        return [place.slug for place in proposal.target_localities.all()]

    @staticmethod
    def resolve_published_on(proposal: Proposal) -> str | None:
        return proposal.published_on.isoformat() if proposal.published_on else None

    @staticmethod
    def resolve_expires_on(proposal: Proposal) -> str | None:
        return proposal.expires_on.isoformat() if proposal.expires_on else None

    @staticmethod
    def resolve_investment(proposal: Proposal):
        return getattr(proposal, "investment", None) if proposal.is_investment else None

    @staticmethod
    def resolve_export(proposal: Proposal):
        return getattr(proposal, "export", None) if proposal.is_export else None

    @staticmethod
    def resolve_screening(proposal: Proposal, context):
        details = getattr(proposal, "investment", None) if proposal.is_investment else None
        if details is None:
            return None
        result = screen(details.levels, _reader(context).weights(proposal.locality))
        return {"score": result.score, "contributions": list(result.contributions)}


def _reader(context) -> queries.ProposalReader:
    """The caller's rights over proposals, read once per request (a list asks for each row)."""
    request = context["request"]
    reader = getattr(request, "_proposal_reader", None)
    if reader is None or reader.user is not request.user:
        reader = request._proposal_reader = queries.ProposalReader(request.user)
    return reader


class ProposalList(Schema):
    count: int
    items: list[ProposalOut]


class ProposalQuery(PageQuery):
    kind: ProposalKind | None = None
    status: ProposalStatus | None = Field(
        None, description="Default: all the caller may see (published ones for anonymous callers)"
    )
    sector: SectorKey | None = None
    partnership_type: PartnershipType | None = None
    country: Country | None = Field(None, description="A target country")
    locality: Slug | None = Field(None, description="The proposal's locality (with former units)")


class InvestmentIn(InputSchema):
    industrial_zone: text(200) = ""
    amount: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=2)
    currency: Currency = Currency.USD
    land_area_ha: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    investment_form: InvestmentForm | None = None
    timeline: text(300) = ""
    technology: int = Level
    governance: int = Level
    added_value: int = Level
    spillover: int = Level
    supply_chain: int = Level
    environment: int = Level


class ExportIn(InputSchema):
    product: text(200, min_length=1)
    hs_code: text(12) = Field(..., description="Six digits of HS 2022, e.g. 090111")
    capacity: text(200) = ""
    certifications: text(300) = ""
    target_market: text(200) = ""


class ProposalIn(InputSchema):
    organisation: Id = Field(..., description="Id of an organisation the caller acts for")
    kind: ProposalKind
    title: text(200, min_length=1)
    summary: text(500, min_length=1)
    description: text(4000) = ""
    advantages: text(2000) = ""
    sought: text(2000) = ""
    partner_role: text(2000) = ""
    stage: TechnologyStage | None = None
    programme_area: ProgrammeArea | None = None
    keywords: text(300) = ""
    sectors: list[SectorKey] = Field([], max_length=50)
    partnership_types: list[PartnershipType] = Field([], max_length=10)
    target_countries: list[Country] = Field([], max_length=10)
    target_localities: list[Slug] = Field([], max_length=100)
    locality: Slug | None = Field(None, description="Default: the organisation's locality")
    language: str | None = Field(
        None, pattern="^(vi|ja|en)$", description="Omit to detect it from the text"
    )
    is_anonymous: bool = False
    investment: InvestmentIn | None = None
    export: ExportIn | None = None


class ProposalPatch(InputSchema):
    """Only the fields sent change; a list sent replaces the stored one."""

    kind: ProposalKind = None
    title: text(200, min_length=1) = None
    summary: text(500, min_length=1) = None
    description: text(4000) = None
    advantages: text(2000) = None
    sought: text(2000) = None
    partner_role: text(2000) = None
    stage: TechnologyStage | None = None
    programme_area: ProgrammeArea | None = None
    keywords: text(300) = None
    sectors: list[SectorKey] = Field(None, max_length=50)
    partnership_types: list[PartnershipType] = Field(None, max_length=10)
    target_countries: list[Country] = Field(None, max_length=10)
    target_localities: list[Slug] = Field(None, max_length=100)
    locality: Slug | None = None
    language: str | None = Field(None, pattern="^(vi|ja|en)$")
    is_anonymous: bool = None
    investment: InvestmentIn | None = None
    export: ExportIn | None = None


class RejectIn(InputSchema):
    reason: text(2000, min_length=1)


class InterestIn(InputSchema):
    organisation: Id = Field(..., description="Id of an organisation the caller acts for")
    message: text(2000, min_length=1)


class InterestOut(Schema):
    id: int
    proposal: int
    organisation: int
    status: str
    message: str

    @staticmethod
    def resolve_proposal(interest) -> int:
        return interest.proposal_id

    @staticmethod
    def resolve_organisation(interest) -> int:
        return interest.organisation_id


SIMPLE = (
    "kind",
    "title",
    "summary",
    "description",
    "advantages",
    "sought",
    "partner_role",
    "keywords",
    "is_anonymous",
)


def stored_input(proposal: Proposal) -> ProposalInput:
    """The service input that writes the proposal back unchanged."""
    investment = export = None
    details = getattr(proposal, "investment", None) if proposal.is_investment else None
    if details is not None:
        investment = InvestmentInput(
            **{f.name: getattr(details, f.name) for f in dataclasses.fields(InvestmentInput)}
        )
    product = getattr(proposal, "export", None) if proposal.is_export else None
    if product is not None:
        export = ExportInput(
            **{f.name: getattr(product, f.name) for f in dataclasses.fields(ExportInput)}
        )
    return ProposalInput(
        **{name: getattr(proposal, name) for name in SIMPLE},
        stage=proposal.stage,
        programme_area=proposal.programme_area,
        sectors=list(proposal.sectors.all()),
        partnership_types=[row.type for row in proposal.partnership_types.all()],
        target_countries=[row.country for row in proposal.target_countries.all()],
        target_localities=list(proposal.target_localities.all()),
        language=proposal.language if proposal.language_confirmed else "",
        investment=investment,
        export=export,
    )


def _changes(sent: dict) -> dict:
    errors = FieldErrors()
    changes = {name: sent[name] for name in SIMPLE if name in sent and sent[name] is not None}
    for name in ("stage", "programme_area", "language"):
        if name in sent:
            changes[name] = sent[name] or ""
    if "sectors" in sent:
        changes["sectors"] = errors.sectors(sent["sectors"] or [], "sectors")
    for name in ("partnership_types", "target_countries"):
        if name in sent:
            changes[name] = [str(value) for value in sent[name] or []]
    if "target_localities" in sent:
        changes["target_localities"] = [
            place
            for position, slug in enumerate(sent["target_localities"] or [])
            if (place := errors.locality(slug, f"target_localities.{position}")) is not None
        ]
    if sent.get("locality") is not None:
        changes["locality"] = errors.locality(sent["locality"], "locality", current_only=True)
    if sent.get("investment") is not None:
        data = sent["investment"].model_dump()
        data["investment_form"] = data["investment_form"] or ""
        changes["investment"] = InvestmentInput(**data)
    if sent.get("export") is not None:
        changes["export"] = ExportInput(**sent["export"].model_dump())
    errors.raise_if_any()
    return changes


def _visible(request, proposal_id: int) -> Proposal:
    return get_object_or_404(queries.proposals_visible_to(request.user), pk=proposal_id)


@router.get("/proposals", response={200: ProposalList, **error_responses(401, 422)}, **public())
def list_proposals(request, query: Query[ProposalQuery]):
    """Newest first."""
    errors = FieldErrors()
    locality = errors.locality(query.locality, "locality")
    sector = errors.sector(query.sector, "sector")
    errors.raise_if_any()
    proposals = queries.proposals_visible_to(request.user)
    if query.status:
        proposals = proposals.filter(status=query.status)
    proposals = queries.filter_proposals(
        proposals,
        kind=query.kind or "",
        sector_key=sector.key if sector is not None else "",
        country=query.country or "",
        partnership_type=query.partnership_type or "",
        localities=locality.lineage if locality is not None else None,
    )
    proposals = proposals.order_by("-published_on", "-created_at", "-pk")
    return page(proposals, query)


@router.get(
    "/proposals/{proposal_id}",
    response={200: ProposalOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_proposal(request, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    return _visible(request, proposal_id)


@router.post("/proposals", response={201: ProposalOut, **error_responses(401, 403, 422)})
def create_proposal(request, payload: ProposalIn):
    """A new draft of an organisation the caller acts for."""
    errors = FieldErrors()
    organisation = errors.organisation(payload.organisation, "organisation", user=request.user)
    errors.raise_if_any()
    sent = {name: getattr(payload, name) for name in ProposalIn.model_fields}
    data = ProposalInput(kind=payload.kind, title=payload.title, summary=payload.summary)
    data = dataclasses.replace(data, **_changes(sent))
    proposal = services.create_proposal(data=data, organisation=organisation, by=request.user)
    return Status(201, _visible(request, proposal.pk))


@router.patch(
    "/proposals/{proposal_id}",
    response={200: ProposalOut, **error_responses(401, 403, 404, 422)},
)
def update_proposal(request, payload: ProposalPatch, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    """Drafts and rejected proposals, by their owners."""
    proposal = _visible(request, proposal_id)
    if not request.user.has_perm("proposals.change_proposal", proposal):
        raise PermissionDenied
    sent = {name: getattr(payload, name) for name in payload.model_fields_set}
    data = dataclasses.replace(stored_input(proposal), **_changes(sent))
    services.update_proposal(proposal=proposal, data=data, by=request.user)
    return _visible(request, proposal.pk)


def _step(service):
    def run(request, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
        proposal = _visible(request, proposal_id)
        service(proposal=proposal, by=request.user)
        return _visible(request, proposal.pk)

    return run


for _name, _service, _doc in (
    ("submit", services.submit, "Draft or rejected → submitted (owners)."),
    ("publish", services.publish, "Submitted → published for 12 months (moderators)."),
    ("withdraw", services.withdraw, "Submitted or published → withdrawn (owners)."),
    ("renew", services.renew, "Published or expired → 12 more months (owners)."),
    ("archive", services.archive, "Any → archived (owners or moderators)."),
):
    _view = _step(_service)
    _view.__name__ = f"{_name}_proposal"
    _view.__doc__ = _doc
    router.post(
        f"/proposals/{{proposal_id}}/{_name}",
        response={200: ProposalOut, **error_responses(401, 403, 404, 422)},
        operation_id=f"{_name}_proposal",
    )(_view)


@router.post(
    "/proposals/{proposal_id}/reject",
    response={200: ProposalOut, **error_responses(401, 403, 404, 422)},
)
def reject_proposal(request, payload: RejectIn, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    """Submitted → rejected with a reason (moderators)."""
    proposal = _visible(request, proposal_id)
    services.reject(proposal=proposal, by=request.user, reason=payload.reason)
    return _visible(request, proposal.pk)


@router.post(
    "/proposals/{proposal_id}/interests",
    response={201: InterestOut, **error_responses(401, 403, 404, 422)},
)
def express_interest(request, payload: InterestIn, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    """Tell a published proposal's owners that an organisation the caller acts for is
    interested (one open expression of interest per organisation)."""
    proposal = _visible(request, proposal_id)
    errors = FieldErrors()
    organisation = errors.organisation(payload.organisation, "organisation", user=request.user)
    errors.raise_if_any()
    interest = services.express_interest(
        proposal=proposal, organisation=organisation, by=request.user, message=payload.message
    )
    return Status(201, interest)
