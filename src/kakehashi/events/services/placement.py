"""Meetings placed by hand: an organiser puts a meeting in a slot (at a table, or with none
when it is remote), locks it against the scheduler's moves, or marks it held or a no-show."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    Meeting,
    MeetingParticipant,
    MeetingSlot,
    MeetingStatus,
    MeetingTable,
)
from kakehashi.events.rules import require
from kakehashi.events.services.feedback import set_attendance
from kakehashi.events.services.meetings import MEETING_FIELDS, audit_meeting


@transaction.atomic
def place_meeting(
    *, meeting: Meeting, slot: MeetingSlot, table: MeetingTable | None, by
) -> Meeting:
    """Put a meeting in a slot by hand (organisers only): at a table, or with no table when
    a party attends remotely (events/remote.py). The slot's row is locked while checking, and
    the database's constraints refuse a double booking that slips through."""
    require(by, "events.change_event", meeting.event)
    MeetingSlot.objects.select_for_update().get(pk=slot.pk)
    if slot.event_id != meeting.event_id or (table and table.event_id != meeting.event_id):
        raise ValidationError(
            _("That slot or table belongs to another event."), code=EventError.WRONG_EVENT
        )
    if meeting.participants.filter(registration__attends_remotely=True).exists():
        if table is not None:
            raise ValidationError(
                _("A party attends this meeting remotely: it takes no table."),
                code=EventError.REMOTE,
            )
    elif table is None:
        raise ValidationError(
            _("Choose a table: this meeting is in person."), code=EventError.NO_TABLE
        )
    members = list(meeting.participants.values_list("registration_id", flat=True))
    if table and Meeting.objects.filter(slot=slot, table=table).exclude(pk=meeting.pk).exists():
        raise ValidationError(_("This table is taken in that slot."), code=EventError.TABLE_TAKEN)
    if (
        MeetingParticipant.objects.filter(slot=slot, registration_id__in=members)
        .exclude(meeting=meeting)
        .exists()
    ):
        raise ValidationError(
            _("A delegation of this meeting has another meeting in that slot."),
            code=EventError.DELEGATION_BUSY,
        )
    if table and table.seats < len(members) + (1 if meeting.interpreting else 0):
        raise ValidationError(_("The table has too few seats."), code=EventError.TABLE_TOO_SMALL)
    before = snapshot(meeting, MEETING_FIELDS)
    try:
        with transaction.atomic():
            meeting.slot, meeting.table, meeting.status = slot, table, MeetingStatus.SCHEDULED
            meeting.unscheduled_reason, meeting.unscheduled_diagnosis = "", {}
            meeting.save(
                update_fields=[
                    "slot",
                    "table",
                    "status",
                    "unscheduled_reason",
                    "unscheduled_diagnosis",
                ]
            )
            meeting.participants.update(slot=slot)
    except IntegrityError as error:
        raise ValidationError(
            _("Someone else has just taken this slot or table."), code=EventError.DOUBLE_BOOKING
        ) from error
    moved = before["slot"] is not None
    audit_meeting(
        meeting, by=by, action=AuditAction.MOVED if moved else AuditAction.PLACED, before=before
    )
    return meeting


@transaction.atomic
def lock_meeting(*, meeting: Meeting, locked: bool, by) -> Meeting:
    """Keep a placed meeting where it is in the scheduler's next runs, or let it move
    (organisers only)."""
    require(by, "events.change_event", meeting.event)
    if locked and meeting.slot_id is None:
        raise ValidationError(
            _("Only a scheduled meeting can be locked."), code=EventError.NOT_SCHEDULED
        )
    before = snapshot(meeting, MEETING_FIELDS)
    meeting.locked = locked
    meeting.save(update_fields=["locked"])
    audit_meeting(meeting, by=by, action=AuditAction.CHANGED, before=before)
    return meeting


@transaction.atomic
def record_attendance(*, meeting: Meeting, held: bool, by, now=None) -> Meeting:
    """Held or a no-show, as the organisers mark it: from the meeting's slot on
    (events.services.feedback.set_attendance)."""
    return set_attendance(meeting=meeting, held=held, by=by, now=now)
