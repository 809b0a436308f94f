"""Writes of the meeting programme: slots, tables, interpreters, availability, requests."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.agenda import registration_language
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    OPEN_REQUEST_STATUSES,
    Event,
    IntentionKind,
    Interpreter,
    Meeting,
    MeetingOutcome,
    MeetingParticipant,
    MeetingPeriod,
    MeetingRequest,
    MeetingSlot,
    MeetingStatus,
    MeetingTable,
    Registration,
    RequestStatus,
    Session,
    SessionKind,
)
from kakehashi.events.rules import require
from kakehashi.events.services.pairs import check_approved, check_may_meet

# The language pair interpreted by preference when parties share no language.
PREFERRED_PAIR = ("ja", "vi")

# What the audit log compares before and after a change to a meeting.
MEETING_FIELDS = ("status", "slot", "table", "interpreter", "locked")


def audit_meeting(meeting: Meeting, *, by, action, before=None, after=None) -> None:
    """Record a change to a meeting in the audit log. Its delegations' organisations and the
    event's organising organisations own the entry."""
    owners = {*meeting.participants.values_list("registration__organisation_id", flat=True)}
    owners |= {*meeting.event.organisers.values_list("pk", flat=True)}
    record_change(obj=meeting, by=by, action=action, before=before, after=after, owners=owners)


@transaction.atomic
def define_programme(
    *, event: Event, periods: list[tuple[dt.datetime, dt.datetime]], slot_minutes: int, by
) -> list[MeetingSlot]:
    """Cut the meeting periods into slots of `slot_minutes`, leaving out breaks.

    Slots that still exist keep their identity (and the meetings in them); a slot that would
    disappear while a meeting is placed in it stops the change. Organisers only."""
    require(by, "events.change_event", event)
    if not 5 <= slot_minutes <= 240:
        raise ValidationError(
            _("A meeting lasts between 5 and 240 minutes."),
            code=EventError.SLOT_LENGTH_OUT_OF_RANGE,
        )
    for start, end in periods:
        if end <= start:
            raise ValidationError(
                _("A period must end after it starts."), code=EventError.PERIOD_REVERSED
            )
    breaks = list(event.sessions.filter(kind=SessionKind.BREAK).values_list("starts_at", "ends_at"))
    length = dt.timedelta(minutes=slot_minutes)
    wanted = []
    for start, end in sorted(periods):
        cursor = start
        while cursor + length <= end:
            if not any(cursor < b_end and b_start < cursor + length for b_start, b_end in breaks):
                wanted.append((cursor, cursor + length))
            cursor += length
    if len({start for start, _end in wanted}) != len(wanted):
        raise ValidationError(_("The periods overlap."), code=EventError.PERIODS_OVERLAP)
    existing = {slot.starts_at: slot for slot in event.meeting_slots.select_for_update()}
    keep = {start for start, _end in wanted}
    doomed = [slot for start, slot in existing.items() if start not in keep]
    if Meeting.objects.filter(slot__in=doomed).exists():
        raise ValidationError(
            _("Some meetings are placed in slots this change would remove; move them first."),
            code=EventError.SLOTS_IN_USE,
        )
    MeetingSlot.objects.filter(pk__in=[slot.pk for slot in doomed]).delete()
    slots = []
    for start, end in wanted:
        slot = existing.get(start)
        if slot is None or slot.ends_at != end:
            slot, _created = MeetingSlot.objects.update_or_create(
                event=event, starts_at=start, defaults={"ends_at": end}
            )
        slots.append(slot)
    event.meeting_periods.all().delete()
    MeetingPeriod.objects.bulk_create(
        MeetingPeriod(event=event, starts_at=start, ends_at=end) for start, end in periods
    )
    event.slot_minutes = slot_minutes
    event.save(update_fields=["slot_minutes"])
    return slots


@transaction.atomic
def set_table(*, event: Event, name: str, seats: int, is_active: bool = True, by) -> MeetingTable:
    """Add a table or change one (found by name). A table taken out of use keeps its
    meetings until the next scheduler run moves them. Organisers only."""
    require(by, "events.change_event", event)
    if seats < 2:
        raise ValidationError(_("A table needs at least two seats."), code=EventError.TOO_FEW_SEATS)
    table, _created = MeetingTable.objects.update_or_create(
        event=event, name=name.strip(), defaults={"seats": seats, "is_active": is_active}
    )
    return table


@transaction.atomic
def add_interpreter(
    *, event: Event, name: str, languages: list[str], by, joins_remotely: bool = False
) -> Interpreter:
    """Add an interpreter; `joins_remotely`: they can also interpret remote meetings.
    Organisers only."""
    require(by, "events.change_event", event)
    if len(set(languages)) < 2:
        raise ValidationError(
            _("An interpreter works between two languages at least."),
            code=EventError.TOO_FEW_LANGUAGES,
        )
    return Interpreter.objects.create(
        event=event,
        name=name.strip(),
        languages=sorted(set(languages)),
        joins_remotely=joins_remotely,
    )


def _acts_for(by, registration: Registration) -> bool:
    return registration.organisation_id in organisation_ids_of(by)


@transaction.atomic
def set_availability(
    *,
    registration: Registration,
    unavailable_slots: list[MeetingSlot],
    attends_sessions: list[Session],
    max_meetings: int | None,
    by,
) -> Registration:
    if not _acts_for(by, registration):
        raise ValidationError(
            _("You can only change your own organisation's availability."),
            code=EventError.NOT_A_MEMBER,
        )
    event_id = registration.event_id
    if any(slot.event_id != event_id for slot in unavailable_slots) or any(
        session.event_id != event_id for session in attends_sessions
    ):
        raise ValidationError(
            _("That slot or session belongs to another event."), code=EventError.WRONG_EVENT
        )
    registration.unavailable_slots.set(unavailable_slots)
    registration.attends_sessions.set(attends_sessions)
    registration.max_meetings = max_meetings
    registration.save(update_fields=["max_meetings"])
    return registration


def interpreting_need(registrations: list[Registration]) -> list[str]:
    """The two languages to interpret between, or [] when the parties share a language."""
    spoken = [set(registration.languages or []) for registration in registrations]
    if not all(spoken) or set.intersection(*spoken):
        return []
    union = set.union(*spoken)
    if set(PREFERRED_PAIR) <= union:
        return list(PREFERRED_PAIR)
    first, second = spoken[0], set.union(*spoken[1:])
    return sorted([min(first), min(second - first or second)])


@transaction.atomic
def send_request(
    *, sender: Registration, recipient: Registration, by, priority: int = 1, message: str = ""
) -> MeetingRequest:
    """Ask another delegation for a meeting. A delegation may have at most the event's cap
    of unanswered requests out at once (the sender's row is locked while counting)."""
    sender = Registration.objects.select_for_update().select_related("event").get(pk=sender.pk)
    if not _acts_for(by, sender):
        raise ValidationError(
            _("You can only send requests for your own delegation."), code=EventError.NOT_A_MEMBER
        )
    check_may_meet(sender, recipient)
    if MeetingRequest.objects.filter(
        sender=recipient,
        recipient=sender,
        status__in=OPEN_REQUEST_STATUSES,
    ).exists():
        raise ValidationError(
            _("This delegation has already asked you for a meeting: answer its request."),
            code=EventError.ALREADY_REQUESTED_YOU,
        )
    pending = sender.requests_sent.filter(status=RequestStatus.PENDING).count()
    if pending >= sender.event.pending_request_cap:
        raise ValidationError(
            _("You have %(count)s unanswered requests; wait for answers before sending more.")
            % {"count": pending},
            code=EventError.TOO_MANY_PENDING,
        )
    try:
        with transaction.atomic():
            return MeetingRequest.objects.create(
                event_id=sender.event_id,
                sender=sender,
                recipient=recipient,
                priority=priority,
                message=message,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("You have already asked this delegation for a meeting."),
            code=EventError.ALREADY_REQUESTED,
        ) from error


def _create_meeting(event_id, registrations, *, weight, meeting_request=None, by_organisers=False):
    meeting = Meeting.objects.create(
        event_id=event_id,
        request=meeting_request,
        weight=weight,
        interpreting=interpreting_need(registrations),
        added_by_organisers=by_organisers,
    )
    MeetingParticipant.objects.bulk_create(
        MeetingParticipant(meeting=meeting, registration=registration)
        for registration in registrations
    )
    return meeting


def _created(meeting: Meeting) -> dict:
    return snapshot(meeting, ("participants.registration__organisation__name", "status", "weight"))


@transaction.atomic
def answer_request(*, meeting_request: MeetingRequest, accept: bool, by) -> MeetingRequest:
    """Accept (the meeting is then to be scheduled) or decline a meeting request."""
    meeting_request = (
        MeetingRequest.objects.select_for_update()
        .select_related("sender", "recipient")
        .get(pk=meeting_request.pk)
    )
    if not _acts_for(by, meeting_request.recipient):
        raise ValidationError(
            _("Only the delegation asked can answer this request."), code=EventError.NOT_A_MEMBER
        )
    if meeting_request.status != RequestStatus.PENDING:
        raise ValidationError(
            _("This request has already been answered."), code=EventError.ANSWERED
        )
    meeting_request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    meeting_request.responded_at = timezone.now()
    meeting_request.save(update_fields=["status", "responded_at"])
    if accept:
        check_approved(meeting_request.sender, meeting_request.recipient)
        meeting = _create_meeting(
            meeting_request.event_id,
            [meeting_request.sender, meeting_request.recipient],
            weight=meeting_request.priority,
            meeting_request=meeting_request,
        )
        audit_meeting(meeting, by=by, action=AuditAction.CREATED, after=_created(meeting))
    return meeting_request


@transaction.atomic
def add_organiser_meeting(
    *, event: Event, registrations: list[Registration], weight: int, by
) -> Meeting:
    """A meeting the organisers arrange themselves (e.g. the Ambassador with each provincial
    leader). Organisers only."""
    require(by, "events.change_event", event)
    if len({r.pk for r in registrations}) < 2:
        raise ValidationError(
            _("A meeting needs two delegations."), code=EventError.TOO_FEW_MEMBERS
        )
    if any(r.event_id != event.pk for r in registrations):
        raise ValidationError(
            _("Both delegations must attend the same event."), code=EventError.WRONG_EVENT
        )
    check_approved(*registrations)
    if not 1 <= weight <= 10:
        raise ValidationError(
            _("The weight is between 1 and 10."), code=EventError.WEIGHT_OUT_OF_RANGE
        )
    same_members = Meeting.objects.filter(event=event).exclude(status=MeetingStatus.CANCELLED)
    for registration in registrations:
        same_members = same_members.filter(participants__registration=registration)
    if same_members.exists():
        raise ValidationError(
            _("These delegations already have a meeting."), code=EventError.DUPLICATE_MEETING
        )
    meeting = _create_meeting(event.pk, registrations, weight=weight, by_organisers=True)
    audit_meeting(meeting, by=by, action=AuditAction.CREATED, after=_created(meeting))
    return meeting


def send_request_reminders(*, now: dt.datetime | None = None, older_than_hours: int = 24) -> int:
    """Remind each delegation that has requests waiting for its answer for longer than
    `older_than_hours` (once per request per day). Returns the number of e-mails sent."""
    now = now or timezone.now()
    due = (
        MeetingRequest.objects.filter(
            status=RequestStatus.PENDING,
            created_at__lte=now - dt.timedelta(hours=older_than_hours),
            event__ends_on__gte=now.date(),
        )
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - dt.timedelta(hours=24)))
        .select_related(
            "event", "recipient__lead__user", "recipient__organisation", "sender__organisation"
        )
        .prefetch_related("sender__organisation__translations")
    )
    by_recipient: dict[int, list[MeetingRequest]] = {}
    for request in due:
        by_recipient.setdefault(request.recipient_id, []).append(request)
    sent = 0
    for requests in by_recipient.values():
        recipient = requests[0].recipient
        if _send_reminder(recipient, requests):
            sent += 1
        MeetingRequest.objects.filter(pk__in=[r.pk for r in requests]).update(reminded_at=now)
    return sent


def _send_reminder(recipient: Registration, requests: list[MeetingRequest]) -> bool:
    lead = recipient.lead
    address = lead.user.email if lead.user_id else lead.email
    if not address:
        return False
    language = registration_language(recipient)
    event = requests[0].event
    with translation.override(language):
        subject = _("Meeting requests are waiting for your answer: %(event)s") % {
            "event": event.name
        }
        body = render_to_string(
            "events/email/request_reminder.txt", {"event": event, "requests": requests}
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
    return True


@transaction.atomic
def record_outcome(*, meeting: Meeting, kind: str, note: str = "", by) -> MeetingOutcome:
    """Record what a held meeting led to. Members of its delegations and the organisers may
    (the caller checks organisers; members are checked here)."""
    from kakehashi.events.queries import organises

    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Outcomes are recorded for meetings that were held."), code=EventError.NOT_HELD
        )
    members = set(meeting.participants.values_list("registration__organisation_id", flat=True))
    if not (members & organisation_ids_of(by)) and not organises(by, meeting.event):
        raise ValidationError(
            _("Only the delegations of this meeting record its outcome."),
            code=EventError.NOT_A_MEMBER,
        )
    if kind not in IntentionKind.values:
        raise ValidationError(_("Unknown outcome."), code=EventError.OUTCOME_UNKNOWN)
    outcome, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting, kind=kind, defaults={"note": note[:500], "recorded_by": by}
    )
    # Named as the outcome's own field, so that the audit page labels it and its value in
    # the reader's language.
    audit_meeting(
        meeting, by=by, action=AuditAction.ADDED, after={"kind": kind, "note": outcome.note}
    )
    return outcome
