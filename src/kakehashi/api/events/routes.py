"""The events API's operations (see the package's docstring)."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Status

from kakehashi.api.auth import public
from kakehashi.api.events.schemas import (
    AgendaOut,
    AnswerIn,
    AttendanceIn,
    DelegationQuery,
    EventDetailOut,
    EventList,
    MeetingList,
    MeetingOut,
    MeetingRequestIn,
    MeetingRequestList,
    MeetingRequestOut,
    MeetingRequestQuery,
    PublicationOut,
    RegistrationIn,
    RegistrationList,
    RegistrationOut,
    RegistrationQuery,
    ScheduleRunIn,
    ScheduleRunOut,
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
from kakehashi.directory.models import Organisation, Person
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events import queries, services
from kakehashi.events.models import (
    Event,
    Meeting,
    MeetingParticipant,
    MeetingSlot,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)

router = Router(tags=["events"])

# --- Lookups --------------------------------------------------------------------------------


def _place(slot: MeetingSlot | None, table, zone) -> dict | None:
    if slot is None:
        return None
    return {
        "starts_at": slot.starts_at.astimezone(zone),
        "ends_at": slot.ends_at.astimezone(zone),
        "table": table.name if table else None,
    }


def _event(request, slug: str) -> Event:
    return get_object_or_404(queries.events_visible_to(request.user), slug=slug)


def _organised(request, slug: str) -> Event:
    """As the organisers' pages: 404 for an event the caller may not see, 403 for one they
    see but do not organise."""
    event = _event(request, slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    return event


def _delegation(request, event: Event, chosen: int | None) -> Registration:
    """The caller's approved delegation at the event, as the meetings page chooses it. A
    registration of someone else's is not found; without an approved one the page refuses."""
    own = queries.own_registrations(request.user, event).select_related("organisation")
    if chosen is None:
        registration = own.filter(status=RegistrationStatus.APPROVED).first()
    else:
        registration = get_object_or_404(own, pk=chosen)
    if registration is None or registration.status != RegistrationStatus.APPROVED:
        raise PermissionDenied
    return registration


def _requests(event: Event):
    return event.meeting_requests.select_related(
        "sender__organisation", "recipient__organisation", "meeting"
    ).order_by("-created_at", "-pk")


def _invalid_choice(errors: FieldErrors, field: str, **value) -> None:
    """The form field's own message: one choice, or (with `value`) one of several."""
    kind = forms.ModelMultipleChoiceField if value else forms.ModelChoiceField
    errors.add(field, kind.default_error_messages["invalid_choice"], "invalid_choice", **value)


def _participants() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=MeetingParticipant.objects.select_related("registration__organisation"),
    )


# --- Events ---------------------------------------------------------------------------------


@router.get("/events", response={200: EventList, **error_responses(401, 422)}, **public())
def list_events(request, query: Query[PageQuery]):
    """The events the caller may see (published ones; also those the caller organises),
    latest first."""
    events = queries.events_visible_to(request.user).prefetch_related("organisers")
    return page(events.order_by("-starts_on", "name_en", "pk"), query)


@router.get(
    "/events/{slug}", response={200: EventDetailOut, **error_responses(401, 404, 422)}, **public()
)
def get_event(request, slug: Slug):
    """An event with its programme and organisers. Signed-in callers also get `caller`:
    their registrations and what they may do."""
    return _event(request, slug)


# --- Delegation side ------------------------------------------------------------------------


@router.get(
    "/events/{slug}/registrations/mine",
    response={200: RegistrationList, **error_responses(401, 404, 422)},
)
def my_registrations(request, slug: Slug, query: Query[PageQuery]):
    """The registrations of the organisations the caller acts for, whatever their status."""
    event = _event(request, slug)
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
    event = _event(request, slug)
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
        _invalid_choice(errors, "organisation")
    members = {person.pk: person for person in colleagues.filter(pk__in=payload.members)}
    for position, pk in enumerate(payload.members):
        if pk not in members:
            _invalid_choice(errors, f"members.{position}", value=pk)
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


@router.get(
    "/events/{slug}/meeting-requests",
    response={200: MeetingRequestList, **error_responses(401, 403, 404, 422)},
)
def list_meeting_requests(request, slug: Slug, query: Query[MeetingRequestQuery]):
    """The requests one of the caller's approved delegations received or sent, newest
    first."""
    event = _event(request, slug)
    delegation = _delegation(request, event, query.delegation)
    rows = _requests(event)
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
    event = _event(request, slug)
    sender = _delegation(request, event, payload.delegation)
    others = event.registrations.filter(status=RegistrationStatus.APPROVED).exclude(pk=sender.pk)
    recipient = others.filter(pk=payload.recipient).first()
    if recipient is None:
        errors = FieldErrors()
        _invalid_choice(errors, "recipient")
        errors.raise_if_any()
    sent = services.send_request(
        sender=sender,
        recipient=recipient,
        by=request.user,
        priority=payload.priority,
        message=payload.message,
    )
    return Status(201, _requests(event).get(pk=sent.pk))


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
    event = _event(request, slug)
    own = organisation_ids_of(request.user)
    meeting_request = get_object_or_404(
        _requests(event).filter(
            Q(sender__organisation_id__in=own) | Q(recipient__organisation_id__in=own)
        ),
        pk=request_id,
    )
    try:
        services.answer_request(
            request=meeting_request, accept=payload.decision == "accept", by=request.user
        )
    except ValidationError as error:
        if getattr(error, "code", None) == "not_a_member":
            raise PermissionDenied from error
        raise
    return _requests(event).get(pk=meeting_request.pk)


@router.get(
    "/events/{slug}/agenda", response={200: AgendaOut, **error_responses(401, 403, 404, 422)}
)
def agenda(request, slug: Slug, query: Query[DelegationQuery]):
    """The published meetings of one of the caller's approved delegations, in time order (the
    draft stays with the organisers until they publish it)."""
    event = _event(request, slug)
    delegation = _delegation(request, event, query.delegation)
    zone = event_zone(event)
    meetings = queries.published_agenda(delegation)
    chosen = meetings[query.offset : query.offset + query.limit]
    items = [
        {
            **_place(meeting.published_slot, meeting.published_table, zone),
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


# --- Organiser side -------------------------------------------------------------------------


def _organiser_meetings(event: Event):
    return (
        event.meetings.exclude(status=MeetingStatus.CANCELLED)
        .select_related("slot", "table", "interpreter", "published_slot", "published_table")
        .prefetch_related(_participants())
    )


def _meeting(meeting: Meeting, zone) -> dict:
    return {
        "id": meeting.pk,
        "status": meeting.status,
        "weight": meeting.weight,
        "locked": meeting.locked,
        "added_by_organisers": meeting.added_by_organisers,
        "delegations": [p.registration for p in meeting.participants.all()],
        "interpreting": meeting.interpreting,
        "interpreter": meeting.interpreter.name if meeting.interpreter else None,
        "draft": _place(meeting.slot, meeting.table, zone),
        "published": _place(meeting.published_slot, meeting.published_table, zone),
        "unscheduled_reason": meeting.unscheduled_reason,
    }


@router.get(
    "/events/{slug}/registrations",
    response={200: RegistrationList, **error_responses(401, 403, 404, 422)},
)
def list_registrations(request, slug: Slug, query: Query[RegistrationQuery]):
    """Every registration with its status (organisers)."""
    event = _organised(request, slug)
    rows = queries.registrations_of(event)
    if query.status:
        rows = rows.filter(status=query.status)
    return page(rows.order_by("status", "organisation__name", "pk"), query)


def _decide(approve: bool):
    def decide(request, slug: Slug, registration_id: int = Path(..., ge=1, le=MAX_ID)):
        event = _organised(request, slug)
        registration = get_object_or_404(queries.registrations_of(event), pk=registration_id)
        services.decide_registration(registration=registration, approve=approve, by=request.user)
        return queries.registrations_of(event).get(pk=registration.pk)

    return decide


for _name, _approve, _doc in (
    ("approve", True, "Approve a registration (organisers); a cancelled one stays cancelled."),
    ("decline", False, "Decline a registration (organisers); a cancelled one stays cancelled."),
):
    _view = _decide(_approve)
    _view.__name__ = f"{_name}_registration"
    _view.__doc__ = _doc
    router.post(
        f"/events/{{slug}}/registrations/{{registration_id}}/{_name}",
        response={200: RegistrationOut, **error_responses(401, 403, 404, 422)},
        operation_id=f"{_name}_registration",
    )(_view)


@router.get(
    "/events/{slug}/meetings", response={200: MeetingList, **error_responses(401, 403, 404, 422)}
)
def list_meetings(request, slug: Slug, query: Query[PageQuery]):
    """The meetings to hold, as the schedule page shows them (organisers): the draft's slot,
    table and interpreter, and what was last published. Cancelled ones are left out."""
    event = _organised(request, slug)
    zone = event_zone(event)
    meetings = _organiser_meetings(event).order_by("slot__starts_at", "table__name", "pk")
    chosen = meetings[query.offset : query.offset + query.limit]
    return {
        "count": meetings.count(),
        "schedule_published_at": event.schedule_published_at,
        "items": [_meeting(meeting, zone) for meeting in chosen],
    }


@router.post(
    "/events/{slug}/meetings/{meeting_id}/attendance",
    response={200: MeetingOut, **error_responses(401, 403, 404, 422)},
)
def record_attendance(
    request, slug: Slug, payload: AttendanceIn, meeting_id: int = Path(..., ge=1, le=MAX_ID)
):
    """Mark a meeting held or a no-show (organisers), as on the schedule page."""
    event = _organised(request, slug)
    meeting = get_object_or_404(_organiser_meetings(event), pk=meeting_id)
    services.record_attendance(meeting=meeting, held=payload.held, by=request.user)
    return _meeting(_organiser_meetings(event).get(pk=meeting.pk), event_zone(event))


@router.post(
    "/events/{slug}/schedule/runs",
    response={202: ScheduleRunOut, **error_responses(401, 403, 404, 422)},
)
def start_schedule_run(request, slug: Slug, payload: ScheduleRunIn):
    """Start the scheduler on the meetings to hold (organisers); it runs in the background:
    follow it with GET …/schedule/runs/{run_id}. Its result becomes the draft, which the
    delegations see once it is published."""
    event = _organised(request, slug)
    run = services.start_schedule_run(
        event=event,
        by=request.user,
        allow_moves=payload.allow_moves,
        time_limit=payload.time_limit,
    )
    return Status(202, run)


@router.get(
    "/events/{slug}/schedule/runs/{run_id}",
    response={200: ScheduleRunOut, **error_responses(401, 403, 404, 422)},
)
def get_schedule_run(request, slug: Slug, run_id: int = Path(..., ge=1, le=MAX_ID)):
    """A scheduler run's status, progress and, once done, how close to the bound it came."""
    event = _organised(request, slug)
    return get_object_or_404(event.schedule_runs, pk=run_id)


@router.post(
    "/events/{slug}/schedule/publish",
    response={200: PublicationOut, **error_responses(401, 403, 404, 422)},
)
def publish_schedule(request, slug: Slug):
    """Publish the draft to the delegations (organisers); those whose agenda changed are
    told, as on the schedule page."""
    event = _organised(request, slug)
    told = services.publish_schedule(event=event, by=request.user)
    event.refresh_from_db(fields=["schedule_published_at"])
    return {"schedule_published_at": event.schedule_published_at, "delegations_told": len(told)}


@router.post(
    "/events/{slug}/registrations/{registration_id}/cancel",
    response={200: RegistrationOut, **error_responses(401, 404, 422)},
)
def cancel_registration(request, slug: Slug, registration_id: int = Path(..., ge=1, le=MAX_ID)):
    """Cancel a registration of an organisation the caller acts for (as the event page)."""
    event = _event(request, slug)
    own = queries.own_registrations(request.user, event)
    registration = get_object_or_404(own, pk=registration_id)
    services.cancel_registration(registration=registration, by=request.user)
    return queries.registrations_of(event).get(pk=registration.pk)
