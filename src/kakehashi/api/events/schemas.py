"""The events API's input and output shapes (see the package's docstring)."""

import datetime as dt
import zoneinfo
from typing import Literal

from ninja import Field, Schema

from kakehashi.api.schemas import (
    Id,
    InputSchema,
    PageQuery,
    text,
)
from kakehashi.common.i18n import Language
from kakehashi.directory.models import Organisation
from kakehashi.events import queries
from kakehashi.events.models import (
    Event,
    MeetingRequest,
    Registration,
    RegistrationStatus,
)

DELEGATION_HELP = (
    "Id of one of the caller's approved registrations at the event. Default: the first of "
    "them, as on the meetings page"
)


def organisation_ref(organisation: Organisation) -> dict:
    return {"id": organisation.pk, "name": organisation.display_name}


def event_zone(event: Event) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(event.time_zone)


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
        return organisation_ref(registration.organisation)


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
        return [organisation_ref(organisation) for organisation in event.organisers.all()]


class EventList(Schema):
    count: int
    items: list[EventOut]


class SessionOut(Schema):
    kind: str
    title: str
    language: str = Field(..., description="The language of the title")
    translations: dict[str, str] = Field(
        ..., description="The title in other languages, by language code (read-only)"
    )
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
        zone = event_zone(event)
        return [
            {
                "kind": session.kind,
                "title": session.title,
                "language": session.language,
                "translations": {row.language: row.title for row in session.translations.all()},
                "starts_at": session.starts_at.astimezone(zone),
                "ends_at": session.ends_at.astimezone(zone),
                "room": session.room,
                "speakers": session.speakers,
            }
            for session in event.sessions.prefetch_related("translations")
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
                {"id": r.pk, "organisation": organisation_ref(r.organisation), "status": r.status}
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


class MeetingOutcomeOut(Schema):
    kind: str
    note: str


class AgendaMeetingOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    table: str | None
    remote: bool = Field(..., description="Held by video: a delegation in it attends remotely")
    video_link: str | None = Field(
        ..., description="The remote meeting's video link; null on site or without a video server"
    )
    interpreting: list[str] = Field(..., description="The two languages interpreted; [] if none")
    status: str
    others: list[DelegationOut] = Field(..., description="The other delegations in it")
    outcomes: list[MeetingOutcomeOut]


class AgendaOut(Schema):
    delegation: DelegationOut
    time_zone: str
    count: int
    items: list[AgendaMeetingOut]


class MeetingPlaceOut(Schema):
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
    draft: MeetingPlaceOut | None = Field(
        None, description="The draft's slot and table; null: unplaced"
    )
    published: MeetingPlaceOut | None = Field(None, description="What the delegations were told")
    unscheduled_reason: str


class MeetingList(Schema):
    count: int
    schedule_published_at: dt.datetime | None
    items: list[MeetingOut]


class AvailableSlotOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    busy: bool = Field(..., description="The delegation is busy then: no meeting is placed")


class AttendedSessionOut(Schema):
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    attends: bool = Field(..., description="The delegation attends: no meeting at that time")


class AvailabilityOut(Schema):
    delegation: DelegationOut
    max_meetings: int | None = Field(None, description="Most meetings wanted; null: no limit")
    slots: list[AvailableSlotOut]
    sessions: list[AttendedSessionOut] = Field(..., description="Sessions other than breaks")


class ScheduleRunOut(Schema):
    id: int
    status: str = Field(..., description="queued, running, done or failed")
    time_limit: int
    allow_moves: bool
    progress: dict = Field(..., description="The solver's latest figures while it runs")
    share_of_bound: float | None = Field(
        None, description="Scheduled weight as a share of the proven upper bound, once done"
    )
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None


class PublicationOut(Schema):
    schedule_published_at: dt.datetime | None
    delegations_told: int = Field(..., description="Delegations told of changes to their agenda")


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


class ScheduleRunIn(InputSchema):
    time_limit: int = Field(30, ge=5, le=600, description="Seconds the solver may take")
    allow_moves: bool = Field(False, description="Allow moving meetings already published")


class AttendanceIn(InputSchema):
    held: bool = Field(..., description="true: the meeting was held; false: a no-show")


class AvailabilityIn(InputSchema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP)
    busy_slots: list[Id] = Field([], max_length=500, description="Ids of the slots when busy")
    attends_sessions: list[Id] = Field([], max_length=200, description="Ids of sessions attended")
    max_meetings: int | None = Field(None, ge=0, le=100, description="Null: no limit")
