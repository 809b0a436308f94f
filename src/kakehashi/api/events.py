"""Events: the visible events and one event's public page; for a delegation (the caller acts
for a registered organisation) its registrations, registering, meeting requests (list, send,
answer) and its published agenda; for organisers the registrations (approve, decline) and the
meetings with their draft and published places.

The same services and the same checks as the pages (events.views, events.meeting_views): an
event the caller may not see answers 404, as does another delegation's agenda or a request
between others; an organiser page refused to a delegate (403 on the page) is 403 here too.
Times are in the event's time zone, with its offset."""

import datetime as dt
import zoneinfo
from typing import Literal

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema, Status

from kakehashi.api.auth import public
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import (
    MAX_ID,
    Id,
    InputSchema,
    PageQuery,
    Slug,
    error_responses,
    page,
    text,
)
from kakehashi.common.i18n import Language
from kakehashi.directory.models import Organisation, Person
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events import queries, services
from kakehashi.events.models import (
    Event,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingSlot,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)

router = Router(tags=["events"])

DELEGATION_HELP = (
    "Id of one of the caller's approved registrations at the event. Default: the first of "
    "them, as on the meetings page"
)


# --- Output ---------------------------------------------------------------------------------


class NamedRef(Schema):
    slug: str
    name: str = Field(..., description="The name in the language of the request")


class OrganisationRef(Schema):
    id: int
    name: str


class DelegationOut(Schema):
    id: int = Field(..., description="Id of the registration")
    organisation: OrganisationRef

    @staticmethod
    def resolve_organisation(registration: Registration) -> dict:
        return _organisation(registration.organisation)


class EventOut(Schema):
    slug: str
    name: str = Field(..., description="The name in the language of the request")
    series: NamedRef | None
    host_locality: NamedRef | None
    venue: str
    starts_on: dt.date
    ends_on: dt.date
    time_zone: str
    is_published: bool
    registration_open: bool
    organisers: list[OrganisationRef]

    @staticmethod
    def resolve_series(event: Event) -> dict | None:
        return {"slug": event.series.slug, "name": event.series.name} if event.series else None

    @staticmethod
    def resolve_host_locality(event: Event) -> dict | None:
        place = event.host_locality
        return {"slug": place.slug, "name": place.name} if place else None

    @staticmethod
    def resolve_organisers(event: Event) -> list[dict]:
        return [_organisation(organisation) for organisation in event.organisers.all()]


class EventList(Schema):
    count: int
    items: list[EventOut]


class SessionOut(Schema):
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    speakers: str


class OwnRegistrationOut(Schema):
    id: int
    organisation: OrganisationRef
    status: str


class CallerOut(Schema):
    organises: bool = Field(..., description="The caller may use the organisers' operations")
    can_register: bool = Field(..., description="Registration is open to the caller")
    registrations: list[OwnRegistrationOut] = Field(
        ..., description="The registrations of the organisations the caller acts for"
    )


class EventDetailOut(EventOut):
    description: str
    language: str = Field(..., description="The language of the description")
    capacity: int | None = Field(None, description="Delegations at most; null: no limit")
    approved_delegations: int
    sessions: list[SessionOut]
    caller: CallerOut | None = Field(None, description="Signed-in callers only")

    @staticmethod
    def resolve_approved_delegations(event: Event) -> int:
        return event.registrations.filter(status=RegistrationStatus.APPROVED).count()

    @staticmethod
    def resolve_sessions(event: Event) -> list[dict]:
        zone = _zone(event)
        return [
            {
                "kind": session.kind,
                "title": session.title,
                "starts_at": session.starts_at.astimezone(zone),
                "ends_at": session.ends_at.astimezone(zone),
                "room": session.room,
                "speakers": session.speakers,
            }
            for session in event.sessions.all()
        ]

    @staticmethod
    def resolve_caller(event: Event, context) -> dict | None:
        user = context["request"].user
        if not user.is_authenticated:
            return None
        own = queries.own_registrations(user, event).select_related("organisation")
        return {
            "organises": user.has_perm("events.manage_registrations", event),
            "can_register": user.has_perm("events.register")
            and event.registration_open
            and event.is_published,
            "registrations": [
                {"id": r.pk, "organisation": _organisation(r.organisation), "status": r.status}
                for r in own.order_by("organisation__name", "pk")
            ],
        }


class RegistrationOut(DelegationOut):
    lead: str = Field(..., description="Full name of the person leading the delegation")
    members: list[str] = Field(..., description="Full names of the other delegates")
    languages: list[str]
    note: str
    status: str = Field(..., description="pending, approved, declined or cancelled")
    created_at: dt.datetime
    decided_at: dt.datetime | None

    @staticmethod
    def resolve_lead(registration: Registration) -> str:
        return registration.lead.full_name

    @staticmethod
    def resolve_members(registration: Registration) -> list[str]:
        return [person.full_name for person in registration.members.all()]


class RegistrationList(Schema):
    count: int
    items: list[RegistrationOut]


class MeetingRequestOut(Schema):
    id: int
    sender: DelegationOut
    recipient: DelegationOut
    priority: int = Field(..., description="3: must meet; 1: would like to meet")
    message: str
    status: str = Field(..., description="pending, accepted, declined or cancelled")
    created_at: dt.datetime
    responded_at: dt.datetime | None
    meeting: int | None = Field(None, description="Id of the meeting an accepted request made")

    @staticmethod
    def resolve_meeting(request: MeetingRequest) -> int | None:
        meeting = getattr(request, "meeting", None)
        return meeting.pk if meeting else None


class MeetingRequestList(Schema):
    count: int
    items: list[MeetingRequestOut]


class OutcomeOut(Schema):
    kind: str
    note: str


class AgendaMeetingOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    table: str | None
    interpreting: list[str] = Field(..., description="The two languages interpreted; [] if none")
    status: str
    others: list[DelegationOut] = Field(..., description="The other delegations in it")
    outcomes: list[OutcomeOut]


class AgendaOut(Schema):
    delegation: DelegationOut
    time_zone: str
    count: int
    items: list[AgendaMeetingOut]


class PlaceOut(Schema):
    starts_at: dt.datetime
    ends_at: dt.datetime
    table: str | None


class MeetingOut(Schema):
    id: int
    status: str = Field(..., description="to_schedule, scheduled, held or no_show")
    weight: int
    locked: bool
    added_by_organisers: bool
    delegations: list[DelegationOut]
    interpreting: list[str]
    interpreter: str | None = Field(None, description="The interpreter placed in the draft")
    draft: PlaceOut | None = Field(None, description="The draft's slot and table; null: unplaced")
    published: PlaceOut | None = Field(None, description="What the delegations were told")
    unscheduled_reason: str


class MeetingList(Schema):
    count: int
    schedule_published_at: dt.datetime | None
    items: list[MeetingOut]


# --- Input ----------------------------------------------------------------------------------


class RegistrationIn(InputSchema):
    organisation: Id = Field(..., description="Id of an organisation the caller acts for")
    members: list[Id] = Field(
        [], max_length=50, description="Ids of colleagues (people of the caller's organisations)"
    )
    languages: list[Language] = Field(..., min_length=1, max_length=3)
    note: text(2000) = ""


class RegistrationQuery(PageQuery):
    status: RegistrationStatus | None = None


class DelegationQuery(PageQuery):
    delegation: Id | None = Field(None, description=DELEGATION_HELP)


class MeetingRequestQuery(DelegationQuery):
    direction: Literal["received", "sent"] | None = Field(None, description="Default: both")


class MeetingRequestIn(InputSchema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP + "; it sends the request")
    recipient: Id = Field(..., description="Id of another approved registration at the event")
    priority: Literal[1, 3] = Field(1, description="3: must meet; 1: would like to meet")
    message: text(2000) = ""


class AnswerIn(InputSchema):
    decision: Literal["accept", "decline"]


# --- Lookups --------------------------------------------------------------------------------


def _organisation(organisation: Organisation) -> dict:
    return {"id": organisation.pk, "name": organisation.display_name}


def _zone(event: Event) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(event.time_zone)


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
    zone = _zone(event)
    meetings = (
        Meeting.objects.filter(participants__registration=delegation, published_slot__isnull=False)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("published_slot", "published_table")
        .prefetch_related(_participants(), "outcomes")
        .order_by("published_slot__starts_at", "pk")
    )
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
    zone = _zone(event)
    meetings = (
        event.meetings.exclude(status=MeetingStatus.CANCELLED)
        .select_related("slot", "table", "interpreter", "published_slot", "published_table")
        .prefetch_related(_participants())
        .order_by("slot__starts_at", "table__name", "pk")
    )
    chosen = meetings[query.offset : query.offset + query.limit]
    items = [
        {
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
        for meeting in chosen
    ]
    return {
        "count": meetings.count(),
        "schedule_published_at": event.schedule_published_at,
        "items": items,
    }
