"""The events API for everyone and for delegations: events, registering, meeting requests,
the agenda, availability."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Status

from kakehashi.api.auth import public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.events.lookups import (
    invalid_choice,
    own_delegation,
    place,
    requests_of,
    router,
    visible_event,
)
from kakehashi.api.events.schemas import (
    AgendaOut,
    AnswerIn,
    AvailabilityIn,
    AvailabilityOut,
    DelegationQuery,
    EventDetailOut,
    EventList,
    MeetingRequestIn,
    MeetingRequestList,
    MeetingRequestOut,
    MeetingRequestQuery,
    RegistrationIn,
    RegistrationList,
    RegistrationOut,
    event_zone,
)
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import (
    MAX_ID,
    PageQuery,
    Slug,
    error_responses,
    page,
)
from kakehashi.common.errors import TEXT_CODES
from kakehashi.directory.models import Organisation, Person
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events import queries, services
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    Event,
    Registration,
    RegistrationStatus,
)
from kakehashi.events.remote import video_link
from kakehashi.insights.errors import InsightError

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (EventError, InsightError, ApiInputError, TEXT_CODES)


# --- Events ---------------------------------------------------------------------------------


@router.get("/events", response={200: EventList, **error_responses(401, 422)}, **public())
def list_events(request, query: Query[PageQuery]):
    """The events the caller may see (published ones; also those the caller organises),
    latest first."""
    events = (
        queries.listed(request.user)
        .select_related("series", "host_locality")
        .prefetch_related("organisers")
    )
    return page(events.order_by("-starts_on", "name_en", "pk"), query)


@router.get(
    "/events/{slug}", response={200: EventDetailOut, **error_responses(401, 404, 422)}, **public()
)
def get_event(request, slug: Slug):
    """An event with its programme and organisers. Signed-in callers also get `caller`:
    their registrations and what they may do."""
    return visible_event(request, slug)


# --- Delegation side ------------------------------------------------------------------------


@router.get(
    "/events/{slug}/registrations/mine",
    response={200: RegistrationList, **error_responses(401, 404, 422)},
)
def my_registrations(request, slug: Slug, query: Query[PageQuery]):
    """The registrations of the organisations the caller acts for, whatever their status."""
    event = visible_event(request, slug)
    rows = (
        queries.own_registrations(request.user, event)
        .select_related("organisation", "lead")
        .prefetch_related("members")
        .order_by("organisation__name", "pk")
    )
    return page(rows, query)


@router.post(
    "/events/{slug}/registrations",
    response={201: RegistrationOut, **error_responses(401, 403, 404, 422)},
)
def register(request, slug: Slug, payload: RegistrationIn):
    """Register the delegation of an organisation the caller acts for, led by the caller, for
    the organisers' approval (as the registration page)."""
    event = visible_event(request, slug)
    user = request.user
    if not user.has_perm("events.register"):
        raise PermissionDenied
    own = Organisation.objects.filter(pk__in=organisation_ids_of(user))
    colleagues = (
        Person.objects.filter(memberships__organisation__in=own).exclude(user=user).distinct()
    )
    errors = FieldErrors()
    organisation = own.filter(pk=payload.organisation).first()
    if organisation is None:
        invalid_choice(errors, "organisation")
    members = {person.pk: person for person in colleagues.filter(pk__in=payload.members)}
    for position, pk in enumerate(payload.members):
        if pk not in members:
            invalid_choice(errors, f"members.{position}", value=pk)
    errors.raise_if_any()
    registration = services.register(
        event=event,
        organisation=organisation,
        by=user,
        members=list(members.values()),
        languages=[str(language) for language in payload.languages],
        note=payload.note,
    )
    return Status(201, queries.registrations_of(event).get(pk=registration.pk))


@router.post(
    "/events/{slug}/registrations/{registration_id}/cancel",
    response={200: RegistrationOut, **error_responses(401, 404, 422)},
)
def cancel_registration(request, slug: Slug, registration_id: int = Path(..., ge=1, le=MAX_ID)):
    """Cancel a registration of an organisation the caller acts for (as the event page)."""
    event = visible_event(request, slug)
    own = queries.own_registrations(request.user, event)
    registration = get_object_or_404(own, pk=registration_id)
    services.cancel_registration(registration=registration, by=request.user)
    return queries.registrations_of(event).get(pk=registration.pk)


@router.get(
    "/events/{slug}/meeting-requests",
    response={200: MeetingRequestList, **error_responses(401, 403, 404, 422)},
)
def list_meeting_requests(request, slug: Slug, query: Query[MeetingRequestQuery]):
    """The requests one of the caller's approved delegations received or sent, newest
    first."""
    event = visible_event(request, slug)
    delegation = own_delegation(request, event, query.delegation)
    rows = requests_of(event)
    if query.direction == "received":
        rows = rows.filter(recipient=delegation)
    elif query.direction == "sent":
        rows = rows.filter(sender=delegation)
    else:
        rows = rows.filter(Q(recipient=delegation) | Q(sender=delegation))
    return page(rows, query)


@router.post(
    "/events/{slug}/meeting-requests",
    response={201: MeetingRequestOut, **error_responses(401, 403, 404, 422)},
)
def send_meeting_request(request, slug: Slug, payload: MeetingRequestIn):
    """Ask another approved delegation for a meeting, for one of the caller's approved
    delegations (at most the event's cap of unanswered requests out at once)."""
    event = visible_event(request, slug)
    sender = own_delegation(request, event, payload.delegation)
    others = event.registrations.filter(status=RegistrationStatus.APPROVED).exclude(pk=sender.pk)
    recipient = others.filter(pk=payload.recipient).first()
    if recipient is None:
        errors = FieldErrors()
        invalid_choice(errors, "recipient")
        errors.raise_if_any()
    sent = services.send_request(
        sender=sender,
        recipient=recipient,
        by=request.user,
        priority=payload.priority,
        message=payload.message,
    )
    return Status(201, requests_of(event).get(pk=sent.pk))


@router.post(
    "/events/{slug}/meeting-requests/{request_id}/answer",
    response={200: MeetingRequestOut, **error_responses(401, 403, 404, 422)},
)
def answer_meeting_request(
    request, slug: Slug, payload: AnswerIn, request_id: int = Path(..., ge=1, le=MAX_ID)
):
    """Accept (the meeting is then to be scheduled) or decline a request sent to one of the
    caller's delegations. A request between other delegations is not found; its sender may
    not answer it (403)."""
    event = visible_event(request, slug)
    own = organisation_ids_of(request.user)
    meeting_request = get_object_or_404(
        requests_of(event).filter(
            Q(sender__organisation_id__in=own) | Q(recipient__organisation_id__in=own)
        ),
        pk=request_id,
    )
    try:
        services.answer_request(
            meeting_request=meeting_request, accept=payload.decision == "accept", by=request.user
        )
    except ValidationError as error:
        if getattr(error, "code", None) == EventError.NOT_A_MEMBER:
            raise PermissionDenied from error
        raise
    return requests_of(event).get(pk=meeting_request.pk)


@router.get(
    "/events/{slug}/agenda", response={200: AgendaOut, **error_responses(401, 403, 404, 422)}
)
def agenda(request, slug: Slug, query: Query[DelegationQuery]):
    """The published meetings of one of the caller's approved delegations, in time order (the
    draft stays with the organisers until they publish it)."""
    event = visible_event(request, slug)
    delegation = own_delegation(request, event, query.delegation)
    zone = event_zone(event)
    meetings = queries.published_agenda(delegation)
    chosen = meetings[query.offset : query.offset + query.limit]
    items = [
        {
            **place(meeting.published_slot, meeting.published_table, zone),
            "remote": meeting.is_remote,
            "video_link": (video_link(meeting) or None) if meeting.is_remote else None,
            "id": meeting.pk,
            "interpreting": meeting.interpreting,
            "status": meeting.status,
            "others": [
                p.registration
                for p in meeting.participants.all()
                if p.registration_id != delegation.pk
            ],
            "outcomes": list(meeting.outcomes.all()),
        }
        for meeting in chosen
    ]
    return {
        "delegation": delegation,
        "time_zone": event.time_zone,
        "count": meetings.count(),
        "items": items,
    }


def _availability(event: Event, delegation: Registration) -> dict:
    zone = event_zone(event)
    busy = set(delegation.unavailable_slots.values_list("pk", flat=True))
    attends = set(delegation.attends_sessions.values_list("pk", flat=True))
    return {
        "delegation": delegation,
        "max_meetings": delegation.max_meetings,
        "slots": [
            {
                "id": slot.pk,
                "starts_at": slot.starts_at.astimezone(zone),
                "ends_at": slot.ends_at.astimezone(zone),
                "busy": slot.pk in busy,
            }
            for slot in event.meeting_slots.all()
        ],
        "sessions": [
            {
                "id": session.pk,
                "title": session.title,
                "starts_at": session.starts_at.astimezone(zone),
                "ends_at": session.ends_at.astimezone(zone),
                "attends": session.pk in attends,
            }
            for session in _attendable_sessions(event)
        ],
    }


def _attendable_sessions(event: Event):
    return event.sessions.exclude(kind="break")


@router.get(
    "/events/{slug}/availability",
    response={200: AvailabilityOut, **error_responses(401, 403, 404, 422)},
)
def get_availability(request, slug: Slug, query: Query[DelegationQuery]):
    """When one of the caller's approved delegations is busy, the sessions it attends (no
    meeting is placed then) and the most meetings it wants."""
    event = visible_event(request, slug)
    return _availability(event, own_delegation(request, event, query.delegation))


@router.put(
    "/events/{slug}/availability",
    response={200: AvailabilityOut, **error_responses(401, 403, 404, 422)},
)
def set_availability(request, slug: Slug, payload: AvailabilityIn):
    """Replace the delegation's busy slots, attended sessions and most meetings wanted (as
    the meetings page's availability form); the next scheduler run respects them."""
    event = visible_event(request, slug)
    delegation = own_delegation(request, event, payload.delegation)
    errors = FieldErrors()
    slots = {slot.pk: slot for slot in event.meeting_slots.filter(pk__in=payload.busy_slots)}
    sessions = {
        session.pk: session
        for session in _attendable_sessions(event).filter(pk__in=payload.attends_sessions)
    }
    for field, wanted, found in (
        ("busy_slots", payload.busy_slots, slots),
        ("attends_sessions", payload.attends_sessions, sessions),
    ):
        for position, pk in enumerate(wanted):
            if pk not in found:
                invalid_choice(errors, f"{field}.{position}", value=pk)
    errors.raise_if_any()
    services.set_availability(
        registration=delegation,
        unavailable_slots=list(slots.values()),
        attends_sessions=list(sessions.values()),
        max_meetings=payload.max_meetings,
        by=request.user,
    )
    return _availability(event, delegation)
