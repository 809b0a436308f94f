"""A signed-in person's start page: what waits for them, across the apps, each with the
place where it is acted on. It lives above the apps (it reads all of them) and only reads."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.models import (
    Event,
    Meeting,
    MeetingRequest,
    MeetingStatus,
    RegistrationStatus,
    RequestStatus,
)
from kakehashi.events.queries import (
    has_changes_to_publish,
    has_schedule_draft,
    organises_filter,
)
from kakehashi.messaging.queries import unread_total
from kakehashi.obstacles.models import Status as ObstacleStatus
from kakehashi.obstacles.queries import queue_of
from kakehashi.proposals.models import InterestStatus
from kakehashi.proposals.queries import interests_received, moderation_queue

NEXT_MEETINGS = 5
OPEN_OBSTACLE = [ObstacleStatus.RECEIVED, ObstacleStatus.ASSIGNED, ObstacleStatus.IN_PROGRESS]


@dataclass
class NextMeeting:
    meeting: Meeting
    event: Event
    counterparts: list[str]


@dataclass
class EventToRun:
    """An event the person organises that has not ended and needs them, and the next step."""

    event: Event
    pending_registrations: int
    step: str  # approve | run | publish


@dataclass
class StartPage:
    meetings: list[NextMeeting] = field(default_factory=list)
    requests_waiting: list[tuple[Event, int]] = field(default_factory=list)
    interests_waiting: int = 0
    unread_messages: int = 0
    to_moderate: int = 0
    events_to_run: list[EventToRun] = field(default_factory=list)
    obstacles_open: int = 0
    obstacles_overdue: int = 0

    @property
    def is_empty(self) -> bool:
        return not (
            self.meetings
            or self.requests_waiting
            or self.interests_waiting
            or self.unread_messages
            or self.to_moderate
            or self.events_to_run
            or self.obstacles_open
        )


def start_page(user, *, now: dt.datetime | None = None) -> StartPage:
    now = now or timezone.now()
    organisations = organisation_ids_of(user)
    page = StartPage(
        meetings=_next_meetings(organisations, now),
        requests_waiting=_requests_waiting(organisations, now.date()),
        interests_waiting=interests_received(user).filter(status=InterestStatus.PENDING).count(),
        unread_messages=unread_total(user),
        to_moderate=moderation_queue(user).count(),
        events_to_run=_events_to_run(user, now.date()),
    )
    queue = queue_of(user).filter(status__in=OPEN_OBSTACLE)
    page.obstacles_open = queue.count()
    page.obstacles_overdue = queue.filter(deadline__lt=now.date()).count()
    return page


def _next_meetings(organisations: set[int], now: dt.datetime) -> list[NextMeeting]:
    meetings = (
        Meeting.objects.filter(
            participants__registration__organisation_id__in=organisations,
            participants__registration__status=RegistrationStatus.APPROVED,
            published_slot__starts_at__gte=now,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("event", "published_slot", "published_table", "interpreter")
        .prefetch_related("participants__registration__organisation")
        .order_by("published_slot__starts_at", "pk")
        .distinct()[:NEXT_MEETINGS]
    )
    found = []
    for meeting in meetings:
        others = [
            participant.registration.organisation.display_name
            for participant in meeting.participants.all()
            if participant.registration.organisation_id not in organisations
        ]
        found.append(NextMeeting(meeting=meeting, event=meeting.event, counterparts=others))
    return found


def _requests_waiting(organisations: set[int], today: dt.date) -> list[tuple[Event, int]]:
    """Per event not yet over, the meeting requests the person's delegations have not
    answered."""
    rows = (
        MeetingRequest.objects.filter(
            recipient__organisation_id__in=organisations,
            recipient__event__ends_on__gte=today,
            status=RequestStatus.PENDING,
        )
        .values("recipient__event")
        .annotate(waiting=Count("pk"))
        .order_by("recipient__event")
    )
    events = Event.objects.in_bulk([row["recipient__event"] for row in rows])
    return [(events[row["recipient__event"]], row["waiting"]) for row in rows]


def _events_to_run(user, today: dt.date) -> list[EventToRun]:
    events = (
        Event.objects.filter(organises_filter(user), ends_on__gte=today)
        .annotate(
            pending=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.PENDING),
                distinct=True,
            )
        )
        .distinct()
        .order_by("starts_on")
    )
    found = []
    for event in events:
        if event.pending:
            step = "approve"
        elif not event.meetings.exists():
            continue  # nothing to schedule (yet)
        elif not has_schedule_draft(event):
            step = "run"
        elif has_changes_to_publish(event):
            step = "publish"
        else:
            continue  # nothing to do
        found.append(EventToRun(event=event, pending_registrations=event.pending, step=step))
    return found
