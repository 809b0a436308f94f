"""Reminders before each meeting: an e-mail to each delegation of a published meeting,
`KAKEHASHI_MEETING_REMINDER_MINUTES` before it starts, in the delegation's language and time
zone, naming the counterpart and the table (or the video link of a remote meeting); and, when
Web Push is on, a short message to each browser of the delegation's lead that opted in
(notifications/push.py).

`send_meeting_reminders()` is a sweep: it finds the meetings that start within the lead time
and have not been reminded for that start, claims a `MeetingReminder` row per delegation
(the database's unique constraint makes the claim: two sweeps at once send one e-mail), then
sends. A worker with the database queue sweeps every few minutes (events/tasks.py); with the
embedded default, `kakehashi send_meeting_reminders` from a timer does it (docs/operations.md).
A meeting moved to another slot is reminded again for its new start; a cancelled one is not.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.common.i18n import join_list
from kakehashi.directory.names import organisation_name
from kakehashi.events.agenda import delegation_people, registration_language
from kakehashi.events.models import Meeting, MeetingReminder, MeetingStatus, Registration
from kakehashi.events.queries import with_names
from kakehashi.events.remote import hours_in_zone, place_line, registration_zone, span_in_zone
from kakehashi.notifications.push import push

logger = logging.getLogger(__name__)


def lead_time() -> dt.timedelta:
    return dt.timedelta(minutes=settings.KAKEHASHI_MEETING_REMINDER_MINUTES)


def meetings_to_remind(now: dt.datetime):
    """Published meetings, not cancelled or over, that start within the lead time."""
    return (
        Meeting.objects.filter(
            status=MeetingStatus.SCHEDULED,
            published_slot__starts_at__gt=now,
            published_slot__starts_at__lte=now + lead_time(),
            event__schedule_published_at__isnull=False,
        )
        .select_related("event", "published_slot", "published_table", "interpreter")
        .prefetch_related("participants__registration__lead__user")
    )


def send_meeting_reminders(*, now: dt.datetime | None = None) -> int:
    """Send the reminders that are due; the number of e-mails sent."""
    now = now or timezone.now()
    sent = 0
    for meeting in meetings_to_remind(now):
        for participant in meeting.participants.all():
            registration = participant.registration
            if not _claim(meeting, registration):
                continue  # reminded already, by this sweep's predecessor or a concurrent one
            try:
                if _send(meeting, registration):
                    sent += 1
            except Exception:  # one address that fails must not stop the others
                logger.exception("Reminder of meeting %s to %s failed", meeting.pk, registration)
    return sent


def _claim(meeting: Meeting, registration: Registration) -> bool:
    try:
        with transaction.atomic():
            MeetingReminder.objects.create(
                meeting=meeting,
                registration=registration,
                starts_at=meeting.published_slot.starts_at,
            )
    except IntegrityError:
        return False
    return True


def _send(meeting: Meeting, registration: Registration) -> bool:
    lead = registration.lead
    address = lead.user.email if lead.user_id else lead.email
    if not address:
        return False
    language = registration_language(registration)
    others = with_names(meeting.participants.exclude(registration=registration))
    counterparts = [
        (
            organisation_name(other.registration.organisation, language),
            delegation_people(other.registration, language),
        )
        for other in others
    ]
    slot, zone = meeting.published_slot, registration_zone(registration)
    place = place_line(meeting, language)
    with translation.override(language):
        subject = _("Reminder: your meeting with %(counterpart)s at %(time)s") % {
            "counterpart": join_list(name for name, _people in counterparts),
            "time": hours_in_zone(slot.starts_at, slot.ends_at, zone, language),
        }
        body = render_to_string(
            "events/email/meeting_reminder.txt",
            {
                "meeting": meeting,
                "counterparts": counterparts,
                "event": meeting.event,
                "when": span_in_zone(slot.starts_at, slot.ends_at, zone, language),
                "place": place,
            },
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    if lead.user_id:
        push(
            user=lead.user,
            title=subject,
            body=place,
            link=f"{reverse('events:my_meetings', args=[meeting.event.slug])}"
            f"?delegation={registration.pk}",
        )
    return True
