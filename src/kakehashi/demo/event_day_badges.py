"""The event day of the demo conference (Meet Japan 2027; its schedule is made by the
scheduler and published in demo/event_day_remote.py): a badge for every approved delegate,
one badge revoked and reissued (a lost badge), and delegates checked in at the entrance and
at the opening plenary on the morning of 10 March 2027, so that the badge page, the check-in
desk, its attendance counts, the table cards and the room overview all show something.
Idempotent.

Called from the demo loader after the events: `load_event_day(users)` (with "admin")."""

import datetime as dt

from django.db import transaction

from kakehashi.events.models import (
    CheckIn,
    CheckInMethod,
    Event,
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
