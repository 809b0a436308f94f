"""Badges and check-ins in the demo. Meet Japan 2027 (10 March 2027, still ahead; its schedule
is made by the scheduler and published in demo/event_day_remote.py) has a badge for every
approved delegate, one revoked and reissued (a lost badge), and a check-in desk that waits for
its morning. The 2025 festival (held on 21 February 2025; its meetings, its remote delegation
and their feedback come from insights.demo and demo/event_day_feedback.py) has badges and
its delegates checked in at the entrance, so the check-in desk, its attendance counts, the
table cards and the room overview all show something. Idempotent.

Called from the demo loader after the festival's meetings: `load_event_day(places, users)`."""

import datetime as dt

from django.db import transaction

from kakehashi.events.models import CheckIn, CheckInMethod, Event
from kakehashi.events.services.checkin import issue_badges, revoke_badge
from kakehashi.insights.demo import EVENT_SLUG as FESTIVAL_SLUG

CONFERENCE_SLUG = "meet-japan-2027"
ZONE = dt.timezone(dt.timedelta(hours=7))
# The festival's entrance opened at 13:00 (its meetings began at 14:00); the first delegates'
# arrivals, in minutes after 13:00.
FESTIVAL_DOORS = dt.datetime(2025, 2, 21, 13, 0, tzinfo=ZONE)
ARRIVALS = [4, 11, 26, 38, 52, 71]
# Did not come to the festival: its one meeting there was a no-show (insights.demo).
STAYED_AWAY = "kitakyushu-ecotech"


@transaction.atomic
def load_event_day(places, users) -> int:
    """Returns how many delegates are checked in at the festival's entrance."""
    admin = users["admin"]
    conference = Event.objects.filter(slug=CONFERENCE_SLUG).first()
    if conference is not None:
        badges = issue_badges(event=conference, by=admin)
        if badges and not conference.badges.filter(revoked_at__isnull=False).exists():
            revoke_badge(badge=badges[-1], by=admin, reissue=True)  # a lost badge
    festival = Event.objects.filter(slug=FESTIVAL_SLUG).first()
    if festival is None:
        return 0
    issue_badges(event=festival, by=admin)
    if not festival.check_ins.exists():
        # Delegates at the entrance: neither the one attending by video nor the absent one.
        valid = (
            festival.badges.filter(revoked_at__isnull=True, registration__attends_remotely=False)
            .exclude(registration__organisation=places.organisations.get(STAYED_AWAY))
            .select_related("registration")
        )
        for badge, minutes in zip(valid.order_by("pk"), ARRIVALS, strict=False):
            CheckIn.objects.create(
                event=festival,
                person=badge.person,
                registration=badge.registration,
                badge=badge,
                method=CheckInMethod.SCAN,
                checked_in_at=FESTIVAL_DOORS + dt.timedelta(minutes=minutes),
                by=admin,
            )
    return festival.check_ins.count()
