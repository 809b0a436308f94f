"""Changes on the event day, for a delegation: the slots it can still book with another
delegation, booking one, and cancelling a meeting (events/services/live.py)."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Path, Query, Schema, Status

from kakehashi.api.errors import ApiInputError
from kakehashi.api.events.lookups import (
    invalid_choice,
    own_delegation,
    place,
    router,
    visible_event,
)
from kakehashi.api.events.schemas import DELEGATION_HELP, event_zone
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import MAX_ID, Id, InputSchema, Slug, error_responses
from kakehashi.common.errors import TEXT_CODES
from kakehashi.events.booking import BookingOptions
from kakehashi.events.errors import EventError
from kakehashi.events.models import Meeting, RegistrationStatus
from kakehashi.events.services.live import book_meeting, cancel_meeting

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (EventError, ApiInputError, TEXT_CODES)


COUNTERPART_HELP = "Id of another approved registration at the event"


class FreeSlotsQuery(Schema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP)
    counterpart: Id = Field(..., description=COUNTERPART_HELP)


class FreeSlotOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime


class FreeSlotsOut(Schema):
    time_zone: str
    items: list[FreeSlotOut]


class BookingIn(InputSchema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP + "; it books the meeting")
    counterpart: Id = Field(..., description=COUNTERPART_HELP)
    slot: Id = Field(..., description="Id of a free slot (see free-slots)")


class CancelledOut(Schema):
    id: int
    status: str = Field(..., description="cancelled")


class BookedOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    table: str | None
    interpreting: list[str]


def _counterpart(event, delegation, chosen: int):
    others = event.registrations.filter(status=RegistrationStatus.APPROVED).exclude(
        pk=delegation.pk
    )
    counterpart = others.filter(pk=chosen).first()
    if counterpart is None:
        errors = FieldErrors()
        invalid_choice(errors, "counterpart")
        errors.raise_if_any()
    return counterpart


@router.get(
    "/events/{slug}/free-slots",
    response={200: FreeSlotsOut, **error_responses(401, 403, 404, 422)},
)
def free_slots(request, slug: Slug, query: Query[FreeSlotsQuery]):
    """The slots still to come in which the caller's delegation and `counterpart` are both
    free, with a free table (and interpreter, when they share no language): what booking
    would accept now. Empty until the schedule is published."""
    event = visible_event(request, slug)
    delegation = own_delegation(request, event, query.delegation)
    counterpart = _counterpart(event, delegation, query.counterpart)
    zone = event_zone(event)
    slots = (
        BookingOptions(delegation, counterpart, timezone.now()).free_slots()
        if event.schedule_published_at
        else []
    )
    return {
        "time_zone": event.time_zone,
        "items": [
            {
                "id": slot.pk,
                "starts_at": slot.starts_at.astimezone(zone),
                "ends_at": slot.ends_at.astimezone(zone),
            }
            for slot in slots
        ],
    }


@router.post(
    "/events/{slug}/bookings", response={201: BookedOut, **error_responses(401, 403, 404, 422)}
)
def book(request, slug: Slug, payload: BookingIn):
    """Book a meeting with another delegation in a free slot of the published schedule; the
    other delegation is told by e-mail. A slot taken meanwhile answers 422 `delegation_busy`
    or `double_booking`."""
    event = visible_event(request, slug)
    delegation = own_delegation(request, event, payload.delegation)
    counterpart = _counterpart(event, delegation, payload.counterpart)
    slot = event.meeting_slots.filter(pk=payload.slot).first()
    if slot is None:
        errors = FieldErrors()
        invalid_choice(errors, "slot")
        errors.raise_if_any()
    meeting = book_meeting(
        registration=delegation, counterpart=counterpart, slot=slot, by=request.user
    )
    return Status(
        201,
        {
            **place(meeting.published_slot, meeting.published_table, event_zone(event)),
            "id": meeting.pk,
            "interpreting": meeting.interpreting,
        },
    )


@router.post(
    "/events/{slug}/meetings/{meeting_id}/cancel",
    response={200: CancelledOut, **error_responses(401, 403, 404, 422)},
)
def cancel(request, slug: Slug, meeting_id: int = Path(..., ge=1, le=MAX_ID)):
    """Cancel a meeting still to come, for one of its delegations or as an organiser; its
    slot, table and interpreter are free again and the other party is told by e-mail."""
    event = visible_event(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event)
    try:
        meeting = cancel_meeting(meeting=meeting, by=request.user)
    except ValidationError as error:
        if error.code == EventError.NOT_A_MEMBER:
            raise PermissionDenied from error
        raise
    return {"id": meeting.pk, "status": meeting.status}
