"""Proposals: public list and detail (published ones for everyone; drafts and submitted ones
for their owners and moderators); drafts created and edited by the proposing organisation's
members; the workflow (submit, withdraw, renew, archive; publish and reject by moderators);
expressions of interest. An anonymous owner is hidden (`organisation: null`) from those who
may not see it. The same django-rules permissions as the pages apply. The detail carries the
proposal's translations; they are written one language at a time (proposal_translations.py)."""

import dataclasses

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status

from kakehashi.api.auth import public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.proposal_schemas import (
    InterestIn,
    InterestOut,
    ProposalDetailOut,
    ProposalIn,
    ProposalList,
    ProposalOut,
    ProposalPatch,
    ProposalQuery,
    RejectIn,
)
from kakehashi.api.schemas import MAX_ID, error_responses, page
from kakehashi.common.errors import TEXT_CODES
from kakehashi.common.permissions import allows
from kakehashi.proposals import queries, services
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import Proposal
from kakehashi.proposals.services import ExportInput, InvestmentInput, ProposalInput

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (ProposalError, ApiInputError, TEXT_CODES)


router = Router(tags=["proposals"])


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
    proposals = queries.listed(
        request.user,
        status=query.status,
        kind=query.kind,
        sector=sector.key if sector is not None else None,
        country=query.country,
        locality=locality,
        partnership_type=query.partnership_type,
    )
    proposals = queries.with_details(proposals)
    proposals = proposals.order_by("-published_on", "-created_at", "-pk")
    return page(proposals, query)


@router.get(
    "/proposals/{proposal_id}",
    response={200: ProposalDetailOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_proposal(request, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    """With its translations (see /proposals/{id}/translations)."""
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
    if not allows(request.user, "proposals.change_proposal", proposal):
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
