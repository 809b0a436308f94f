"""Held or not, and what each delegation says about a held meeting: the check-in at the
table, the rating right after the meeting, and the six-month ask (the daily job
`send_follow_up_asks`). The answers to the ask are recorded by insights.follow_up, which
may record a result (insights.Outcome)."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.formats import format_moment
from kakehashi.common.workflow import transition
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.agenda import registration_language
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    NEXT_STEPS,
    Meeting,
    MeetingFeedback,
    MeetingParticipant,
    MeetingStatus,
    Registration,
)
from kakehashi.events.rules import require
from kakehashi.events.services.meetings import audit_meeting, record_outcome

MEETING_FIELDS = ("status", "slot", "table", "interpreter", "locked")


def meeting_start(meeting: Meeting) -> dt.datetime | None:
    """When the meeting starts: its published slot, else its draft slot."""
    slot = meeting.published_slot or meeting.slot
    return slot.starts_at if slot else None


def meeting_end(meeting: Meeting) -> dt.datetime | None:
    slot = meeting.published_slot or meeting.slot
    return slot.ends_at if slot else None


def _lock(meeting: Meeting) -> Meeting:
    """Lock the meeting's row and read it afresh into the caller's instance (which then
    shows the change); return that instance."""
    # No ordering: the default one joins the (nullable) slot, which PostgreSQL cannot lock.
    list(Meeting.objects.select_for_update().filter(pk=meeting.pk).order_by().values_list("pk"))
    meeting.refresh_from_db()
    return meeting


def check_attendance_allowed(meeting: Meeting, now: dt.datetime) -> None:
    """Held or a no-show can be said of a scheduled meeting from its slot's start on."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting was cancelled."), code=EventError.CANCELLED)
    start = meeting_start(meeting)
    if start is None:
        raise ValidationError(
            _("Only a scheduled meeting can be held."), code=EventError.NOT_SCHEDULED
        )
    if now < start:
        with timezone.override(meeting.event.time_zone):
            when = format_moment(start)
        raise ValidationError(
            _("This meeting starts at %(start)s. It can be marked held or a no-show from then on.")
            % {"start": when},
            code=EventError.TOO_EARLY,
        )


@transaction.atomic
def set_attendance(*, meeting: Meeting, held: bool, by, now: dt.datetime | None = None) -> Meeting:
    """Mark a meeting held or a no-show (organisers only). Refused before the meeting's slot
    starts. Audited."""
    # The permission is the event's, so it is checked here, not on the meeting's row.
    require(by, "events.change_event", meeting.event)
    with transition(
        meeting,
        by=by,
        permission=None,
        lock=_lock,
        fields=MEETING_FIELDS,
        audit=audit_meeting,
        update_fields=("status",),
    ) as meeting:
        check_attendance_allowed(meeting, now or timezone.now())
        meeting.status = MeetingStatus.HELD if held else MeetingStatus.NO_SHOW
    return meeting


def _in_meeting(meeting: Meeting, registration: Registration) -> bool:
    return MeetingParticipant.objects.filter(meeting=meeting, registration=registration).exists()


def _check_party(meeting: Meeting, registration: Registration, by) -> None:
    if registration.organisation_id not in organisation_ids_of(by):
        raise ValidationError(
            _("You can only act for your own organisation's delegation."),
            code=EventError.NOT_A_MEMBER,
        )
    if not _in_meeting(meeting, registration):
        raise ValidationError(
            _("Your delegation did not take part in this meeting."), code=EventError.NOT_IN_MEETING
        )


@transaction.atomic
def check_in(
    *, meeting: Meeting, registration: Registration, by, now: dt.datetime | None = None
) -> Meeting:
    """One of the delegations says "we are meeting" at the table: the meeting is held.
    Refused before its slot starts, for a cancelled meeting and for anyone outside its
    delegations. Saying it again changes nothing."""
    _lock(meeting)
    _check_party(meeting, registration, by)
    check_attendance_allowed(meeting, now or timezone.now())
    if meeting.status == MeetingStatus.HELD:
        return meeting
    before = snapshot(meeting, MEETING_FIELDS)
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    audit_meeting(meeting, by=by, action=AuditAction.STATUS, before=before)
    return meeting


@transaction.atomic
def give_feedback(
    *,
    meeting: Meeting,
    registration: Registration,
    useful: bool,
    meet_again: bool,
    next_step: str,
    by,
    now: dt.datetime | None = None,
) -> MeetingFeedback:
    """A delegation rates a held meeting (useful or not, would meet again or not) and says
    what follows. Once per delegation and meeting. What follows is recorded as the meeting's
    outcome (events.MeetingOutcome, through record_outcome), which the insights funnel
    counts unless it is "no follow-up"."""
    _lock(meeting)
    _check_party(meeting, registration, by)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Feedback is given on meetings that were held."), code=EventError.NOT_HELD
        )
    if next_step not in NEXT_STEPS:
        raise ValidationError(
            _("Choose what follows the meeting."), code=EventError.NEXT_STEP_UNKNOWN
        )
    if not isinstance(useful, bool) or not isinstance(meet_again, bool):
        raise ValidationError(_("Answer both questions."), code=EventError.ANSWER_MISSING)
    feedback, _created = (
        MeetingFeedback.objects.select_for_update()
        .order_by()
        .get_or_create(meeting=meeting, registration=registration)
    )
    if feedback.is_given:
        raise ValidationError(
            _("Your delegation has already given its feedback on this meeting."),
            code=EventError.ALREADY_GIVEN,
        )
    feedback.useful = useful
    feedback.meet_again = meet_again
    feedback.next_step = next_step
    feedback.given_by = by
    feedback.given_at = now or timezone.now()
    feedback.save()
    record_outcome(meeting=meeting, kind=next_step, by=by)
    return feedback


def follow_up_due(now: dt.datetime) -> dt.datetime:
    """Meetings that ended before this are asked about."""
    return now - dt.timedelta(days=settings.KAKEHASHI_FOLLOW_UP_DAYS)


def send_follow_up_asks(*, now: dt.datetime | None = None) -> int:
    """Ask each delegation of every meeting held at least KAKEHASHI_FOLLOW_UP_DAYS ago what
    came of it, by e-mail in the delegation's language, once (a conditional update claims
    the ask, so two runs never both send). Returns the number of e-mails sent."""
    now = now or timezone.now()
    due = follow_up_due(now)
    asked = MeetingFeedback.objects.filter(
        meeting=OuterRef("meeting"),
        registration=OuterRef("registration"),
        follow_up_asked_at__isnull=False,
    )
    seats = (
        MeetingParticipant.objects.filter(meeting__status=MeetingStatus.HELD)
        .filter(
            Q(meeting__published_slot__ends_at__lte=due)
            | Q(meeting__published_slot__isnull=True, meeting__slot__ends_at__lte=due)
        )
        .exclude(Exists(asked))
        .select_related(
            "meeting__event",
            "meeting__slot",
            "meeting__published_slot",
            "registration__lead__user",
            "registration__organisation",
        )
        .order_by("pk")
    )
    sent = 0
    for seat in seats:
        feedback, _created = MeetingFeedback.objects.get_or_create(
            meeting=seat.meeting, registration=seat.registration
        )
        claimed = MeetingFeedback.objects.filter(
            pk=feedback.pk, follow_up_asked_at__isnull=True
        ).update(follow_up_asked_at=now)
        if claimed and _send_follow_up_ask(seat, feedback):
            sent += 1
    return sent


def _send_follow_up_ask(seat: MeetingParticipant, feedback: MeetingFeedback) -> bool:
    registration = seat.registration
    lead = registration.lead
    address = lead.user.email if lead.user_id else lead.email
    if not address:
        return False
    meeting = seat.meeting
    others = list(
        Registration.objects.filter(meeting_seats__meeting=meeting)
        .exclude(pk=registration.pk)
        .select_related("organisation")
        .prefetch_related("organisation__translations")
    )
    language = registration_language(registration)
    with translation.override(language), timezone.override(meeting.event.time_zone):
        subject = _("What came of your meeting at %(event)s?") % {"event": meeting.event.name}
        body = render_to_string(
            "events/email/follow_up_ask.txt",
            {
                "event": meeting.event,
                "meeting": meeting,
                "start": meeting_start(meeting),
                "others": others,
                "link": reverse("insights:follow_up", args=[feedback.pk]),
            },
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    return True
