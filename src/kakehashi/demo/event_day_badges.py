"""The event day of the demo conference (Meet Japan 2027): a published schedule (if nobody
published one yet), a badge for every approved delegate, one badge revoked and reissued (a
lost badge), and delegates checked in at the entrance and at the opening plenary on the
morning of 10 March 2027, so that the badge page, the check-in desk, its attendance counts,
the table cards and the room overview all show something. Idempotent.

Called from the demo loader after the events: `load_event_day(users)` (with "admin")."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kakehashi.events.models import (
    CheckIn,
    CheckInMethod,
    Event,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
)
from kakehashi.events.services.checkin import issue_badges, revoke_badge

EVENT_SLUG = "meet-japan-2027"
ZONE = dt.timezone(dt.timedelta(hours=7))
# Entrance check-ins of the first six valid badges, in minutes after 08:00 on the day.
ARRIVALS = [5, 12, 31, 48, 64, 79]
PLENARY_AT = dt.datetime(2027, 3, 10, 8, 35, tzinfo=ZONE)


@transaction.atomic
def load_event_day(users) -> int:
    """Returns how many delegates are checked in at the entrance."""
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is None:
        return 0
    admin = users["admin"]
    if not event.meetings.filter(published_slot__isnull=False).exists():
        _publish_demo_schedule(event)
    badges = issue_badges(event=event, by=admin)
    if badges and not event.badges.filter(revoked_at__isnull=False).exists():
        revoke_badge(badge=badges[-1], by=admin, reissue=True)  # a lost badge
    if not event.check_ins.exists():
        plenary = event.sessions.filter(kind="plenary").first()
        day = dt.datetime(2027, 3, 10, 8, 0, tzinfo=ZONE)
        valid = list(event.badges.filter(revoked_at__isnull=True).select_related("registration"))
        for badge, minutes in zip(valid, ARRIVALS, strict=False):
            CheckIn.objects.create(
                event=event,
                person=badge.person,
                registration=badge.registration,
                badge=badge,
                method=CheckInMethod.SCAN,
                checked_in_at=day + dt.timedelta(minutes=minutes),
                by=admin,
            )
        if plenary is not None:
            for badge in valid[:3]:
                CheckIn.objects.create(
                    event=event,
                    person=badge.person,
                    registration=badge.registration,
                    badge=badge,
                    session=plenary,
                    method=CheckInMethod.SCAN,
                    checked_in_at=PLENARY_AT,
                    by=admin,
                )
    return event.check_ins.filter(session__isnull=True).count()


def _publish_demo_schedule(event: Event) -> None:
    """Place the accepted meetings greedily (slot by slot, the first free table and, where
    interpreting is needed, the first free interpreter) and publish them."""
    slots = list(event.meeting_slots.order_by("starts_at"))
    tables = list(event.meeting_tables.filter(is_active=True).order_by("name"))
    interpreters = list(event.interpreters.order_by("name"))
    busy: set[tuple[int, int]] = set()  # (slot, registration)
    taken: set[tuple[int, str, int]] = set()  # (slot, "table"/"interpreter", id)
    meetings = (
        event.meetings.filter(status=MeetingStatus.TO_SCHEDULE, slot__isnull=True)
        .prefetch_related("participants")
        .order_by("-weight", "pk")
    )
    for meeting in meetings:
        members = [p.registration_id for p in meeting.participants.all()]
        for slot in slots:
            if any((slot.pk, member) in busy for member in members):
                continue
            table = next((t for t in tables if (slot.pk, "table", t.pk) not in taken), None)
            interpreter = None
            if meeting.interpreting:
                interpreter = next(
                    (i for i in interpreters if (slot.pk, "interpreter", i.pk) not in taken), None
                )
                if interpreter is None:
                    continue
            if table is None:
                continue
            Meeting.objects.filter(pk=meeting.pk).update(
                slot=slot,
                table=table,
                interpreter=interpreter,
                published_slot=slot,
                published_table=table,
                status=MeetingStatus.SCHEDULED,
            )
            MeetingParticipant.objects.filter(meeting=meeting).update(slot=slot)
            busy.update((slot.pk, member) for member in members)
            taken.add((slot.pk, "table", table.pk))
            if interpreter is not None:
                taken.add((slot.pk, "interpreter", interpreter.pk))
            break
    Event.objects.filter(pk=event.pk).update(schedule_published_at=timezone.now())
