"""Outcomes and the public funnel: record what followed a held meeting, an accepted
expression of interest or a conversation (as the page insights:record_outcome does, with the
same service and checks), list the outcomes of the caller's organisations, and read the
public funnel by event, locality or sector.

Outsiders are not told that a source exists: a thread the caller is not a member of, and a
meeting or an interest the caller is no party to, answer 404."""

import datetime as dt
from typing import Literal

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Field, Query, Router, Schema, Status

from kakehashi.api.auth import public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import Id, InputSchema, PageQuery, error_responses, text, two_places
from kakehashi.common.errors import TEXT_CODES
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.errors import EventError
from kakehashi.insights import figures, queries, services
from kakehashi.insights.errors import InsightError
from kakehashi.insights.funnel import funnel_by_event, funnel_by_locality, funnel_by_sector
from kakehashi.insights.models import Outcome, OutcomeCurrency, OutcomeKind

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (InsightError, EventError, ApiInputError, TEXT_CODES)


router = Router(tags=["insights"])

SOURCES = ("meeting", "interest", "thread")
FUNNEL_ROWS = {
    "event": funnel_by_event,
    "locality": funnel_by_locality,
    "sector": funnel_by_sector,
}


class SourceOut(Schema):
    type: str = Field(..., description="meeting, interest or thread")
    id: int


class PlaceOut(Schema):
    id: int
    slug: str
    name: str = Field(..., description="The name in the language of the request")


class OutcomeOut(Schema):
    id: int
    kind: str
    source: SourceOut = Field(
        ...,
        description="What it follows (a thread about a held meeting or an accepted interest "
        "records on that meeting or interest)",
    )
    locality: PlaceOut
    amount: str | None = Field(None, description='A decimal with two places, e.g. "2500000.00"')
    currency: str = Field(..., description="USD, VND or JPY; empty when there is no amount")
    occurred_on: dt.date
    note: str
    partnership: int | None = Field(
        None, description="Id of the partnership record created for a signed MoU"
    )
    is_public: bool

    @staticmethod
    def resolve_source(outcome: Outcome) -> dict:
        kind = next(name for name in SOURCES if getattr(outcome, f"{name}_id") is not None)
        return {"type": kind, "id": getattr(outcome, f"{kind}_id")}

    @staticmethod
    def resolve_amount(outcome: Outcome) -> str | None:
        return None if outcome.amount is None else str(outcome.amount)

    @staticmethod
    def resolve_partnership(outcome: Outcome) -> int | None:
        return outcome.partnership_id


class OutcomeList(Schema):
    count: int
    items: list[OutcomeOut]


class OutcomeIn(InputSchema):
    meeting: Id | None = Field(None, description="Id of a held meeting (give exactly one source)")
    interest: Id | None = Field(None, description="Id of an accepted expression of interest")
    thread: Id | None = Field(None, description="Id of a thread the caller is a member of")
    kind: OutcomeKind
    occurred_on: dt.date = Field(..., description="YYYY-MM-DD, not in the future")
    locality: Id | None = Field(
        None,
        description="Id of the locality where it takes place. Default: the proposal's, else "
        "the first Vietnamese party's",
    )
    amount: (
        two_places(18, "Required for an investment; optional for a contract or export deal") | None
    ) = None
    currency: OutcomeCurrency | None = Field(None, description="Required with an amount")
    note: text(500) = ""
    partnership_title: text(200) = Field(
        "", description="For a signed MoU: the title of the partnership record created"
    )
    publish_partnership: bool = Field(
        False, description="Publish that partnership record in the registry"
    )
    is_public: bool = Field(
        True, description="Count in public figures (by locality and sector, never named)"
    )


class FunnelRowOut(Schema):
    group: str = Field(..., description="The event's, locality's or sector's name")
    id: int | None = Field(None, description="Id of the event or locality; null for a sector")
    proposals: int
    interests: int
    requests: int = Field(
        ..., description="Meetings requested (requests, and meetings the organisers arranged)"
    )
    scheduled: int = Field(..., description="Of those, meetings placed in the schedule")
    held: int = Field(..., description="Of those, meetings held")
    outcomes: int = Field(..., description="Of those, meetings followed by an outcome")
    other_outcomes: int = Field(
        ...,
        description="Outcomes that followed an expression of interest or a conversation "
        "(0 per event: they belong to none)",
    )


class FunnelOut(Schema):
    by: str
    rows: list[FunnelRowOut]


class FunnelQuery(Schema):
    by: Literal["event", "locality", "sector"] = Field(
        "event", description="Group by event, locality (today's units) or sector"
    )


def _source(request, payload: OutcomeIn) -> dict:
    """The named source as record_outcome's keyword arguments, looked up as the page does:
    a thread the caller is not a member of is not found; the others are checked by
    services.check_source."""
    named = [name for name in SOURCES if getattr(payload, name) is not None]
    if len(named) != 1:
        services.check_source(by=request.user)  # refuses with the service's source_missing
    return queries.named_source(
        request.user, thread=payload.thread, interest=payload.interest, meeting=payload.meeting
    )


def _locality(payload: OutcomeIn, parties, interest):
    """The locality given (one of those the page offers), else the service's default."""
    if payload.locality is None:
        return services.default_locality(parties=parties, interest=interest)
    locality = queries.outcome_localities(parties).filter(pk=payload.locality).first()
    if locality is None:
        errors = FieldErrors()
        errors.add(
            "locality",
            forms.ModelChoiceField.default_error_messages["invalid_choice"],
            ApiInputError.INVALID_CHOICE,
        )
        errors.raise_if_any()
    return locality


@router.post("/outcomes", response={201: OutcomeOut, **error_responses(401, 404, 422)})
def record_outcome(request, payload: OutcomeIn):
    """Record what followed a held meeting, an accepted expression of interest or a
    conversation (name exactly one). A conversation about a held meeting, or about a proposal
    whose owner accepted the other party's interest, records on that meeting or interest. A
    signed MoU creates a partnership record between the parties (unpublished unless
    `publish_partnership`)."""
    source = _source(request, payload)
    try:
        parties = services.check_source(by=request.user, **source)
    except ValidationError as error:
        if getattr(error, "code", None) == InsightError.NOT_A_PARTY:
            # Outsiders are not told that the meeting or the interest exists.
            raise Http404 from error
        raise
    locality = _locality(payload, parties, source["interest"])
    try:
        outcome = services.record_outcome(
            by=request.user,
            **source,
            kind=payload.kind,
            occurred_on=payload.occurred_on,
            locality=locality,
            amount=payload.amount,
            currency=payload.currency or "",
            note=payload.note,
            partnership_title=payload.partnership_title,
            publish_partnership=payload.publish_partnership,
            is_public=payload.is_public,
        )
    except ValidationError as error:
        # As on the page: an error about one input belongs to that field.
        field = services.FIELD_OF_ERROR.get(getattr(error, "code", None))
        if field is None:
            raise
        raise ValidationError({field: error.error_list}) from error
    return Status(201, outcome)


@router.get("/outcomes", response={200: OutcomeList, **error_responses(401, 422)})
def list_outcomes(request, query: Query[PageQuery]):
    """The outcomes recorded on the meetings, interests and threads of the caller's
    organisations, public or not; latest first."""
    own = organisation_ids_of(request.user)
    outcomes = figures.outcomes_of(own) if own else []
    return {
        "count": len(outcomes),
        "items": outcomes[query.offset : query.offset + query.limit],
    }


@router.get("/insights/funnel", response={200: FunnelOut, **error_responses(401, 422)}, **public())
def funnel(request, query: Query[FunnelQuery]):
    """The public funnel (proposals, interests, meetings requested, scheduled, held and
    followed by an outcome, then outcomes of interests and conversations) per published
    event, per locality (today's units) or per sector: a meeting counts once for each group
    it involves. Published records only, and outcomes their recorders let count; no
    organisation is named."""
    return {"by": query.by, "rows": FUNNEL_ROWS[query.by]()}
