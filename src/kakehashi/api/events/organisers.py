"""The events API for organisers: registrations, meetings, attendance, scheduler runs,
publication."""

from django.shortcuts import get_object_or_404
from ninja import Path, Query, Status

from kakehashi.api.errors import ApiInputError
from kakehashi.api.events.lookups import (
    organised_event,
    place,
    router,
    with_participants,
)
from kakehashi.api.events.schemas import (
    AttendanceIn,
    MeetingList,
    MeetingOut,
    PublicationOut,
    RegistrationList,
    RegistrationOut,
    RegistrationQuery,
    ScheduleRunIn,
    ScheduleRunOut,
    event_zone,
)
from kakehashi.api.schemas import (
    MAX_ID,
    PageQuery,
    Slug,
    error_responses,
    page,
)
from kakehashi.common.errors import TEXT_CODES
from kakehashi.events import queries, services
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    Event,
    Meeting,
    MeetingStatus,
)

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (EventError, ApiInputError, TEXT_CODES)


# --- Organiser side -------------------------------------------------------------------------


def _organiser_meetings(event: Event):
    return (
        event.meetings.exclude(status=MeetingStatus.CANCELLED)
        .select_related("slot", "table", "interpreter", "published_slot", "published_table")
        .prefetch_related(with_participants())
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
        "draft": place(meeting.slot, meeting.table, zone),
        "published": place(meeting.published_slot, meeting.published_table, zone),
        "unscheduled_reason": meeting.unscheduled_reason,
    }


@router.get(
    "/events/{slug}/registrations",
    response={200: RegistrationList, **error_responses(401, 403, 404, 422)},
)
def list_registrations(request, slug: Slug, query: Query[RegistrationQuery]):
    """Every registration with its status (organisers)."""
    event = organised_event(request, slug)
    rows = queries.registrations_of(event)
    if query.status:
        rows = rows.filter(status=query.status)
    return page(rows.order_by("status", "organisation__name", "pk"), query)


def _decide(approve: bool):
    def decide(request, slug: Slug, registration_id: int = Path(..., ge=1, le=MAX_ID)):
        event = organised_event(request, slug)
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
    event = organised_event(request, slug)
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
    event = organised_event(request, slug)
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
    event = organised_event(request, slug)
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
    event = organised_event(request, slug)
    return get_object_or_404(event.schedule_runs, pk=run_id)


@router.post(
    "/events/{slug}/schedule/publish",
    response={200: PublicationOut, **error_responses(401, 403, 404, 422)},
)
def publish_schedule(request, slug: Slug):
    """Publish the draft to the delegations (organisers); those whose agenda changed are
    told, as on the schedule page."""
    event = organised_event(request, slug)
    told = services.publish_schedule(event=event, by=request.user)
    event.refresh_from_db(fields=["schedule_published_at"])
    return {"schedule_published_at": event.schedule_published_at, "delegations_told": len(told)}
