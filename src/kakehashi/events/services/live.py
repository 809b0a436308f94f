"""Changes to a published schedule on the day: a delegation books a free slot with another
delegation, and either party (or an organiser) cancels a meeting.

A booking follows the scheduler's rules (events/booking.py), checked with the slot's row
locked so that bookings of one slot queue behind each other, and confirmed by the
scheduler's own checker (scheduling/check.py) before it is kept; the database's constraints
refuse what slips through. The other party is told at once, in its language; so is the other
party of a cancellation (both, when an organiser cancels)."""

import datetime as dt
from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import DatabaseError, IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.directory.names import organisation_name
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.agenda import registration_language
from kakehashi.events.booking import BookingOptions
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    OPEN_MEETING_STATUSES,
    Meeting,
    MeetingParticipant,
    MeetingSlot,
    MeetingStatus,
    Registration,
)
from kakehashi.events.queries import organises
from kakehashi.events.remote import place_line, registration_zone, span_in_zone
from kakehashi.events.services.meetings import MEETING_FIELDS, audit_meeting
from kakehashi.events.services.pairs import check_may_meet
from kakehashi.events.services.schedule import build_instance
from kakehashi.scheduling.check import check
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.result import RESULT_FORMAT

# What the checker reports about the schedule's rules (not about the document's figures).
FIGURE_CODES = {"weight_mismatch", "bound_below_weight", "false_optimal", "idle_gaps_mismatch"}


def _busy_error() -> ValidationError:
    return ValidationError(
        _("Someone else has just booked this slot: choose another one."),
        code=EventError.DOUBLE_BOOKING,
    )


def book_meeting(
    *,
    registration: Registration,
    counterpart: Registration,
    slot: MeetingSlot,
    by,
    now: dt.datetime | None = None,
) -> Meeting:
    """Book a meeting of `registration` with `counterpart` in `slot` of their published
    schedule, at the smallest free table (and with a free interpreter when they share no
    language). Only a member of `registration`'s organisation may. Tells the counterpart."""
    try:
        with transaction.atomic():
            meeting = _book(registration, counterpart, slot, by, now or timezone.now())
    except IntegrityError as error:
        raise _busy_error() from error
    except DatabaseError as error:  # SQLite: another writer held the database too long
        raise _busy_error() from error
    transaction.on_commit(lambda: _tell(meeting, counterpart, "events/email/meeting_booked.txt"))
    return meeting


def _book(registration, counterpart, slot, by, now) -> Meeting:
    slot = MeetingSlot.objects.select_for_update().select_related("event").get(pk=slot.pk)
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    counterpart = Registration.objects.get(pk=counterpart.pk)
    event = registration.event
    if registration.organisation_id not in organisation_ids_of(by):
        raise ValidationError(
            _("You can only book meetings for your own delegation."), code=EventError.NOT_A_MEMBER
        )
    check_may_meet(registration, counterpart)
    if event.schedule_published_at is None:
        raise ValidationError(
            _("Free slots can be booked once the organisers have published the schedule."),
            code=EventError.NOT_PUBLISHED,
        )
    options = BookingOptions(registration, counterpart, now)
    refusal = options.refusal(slot)
    if refusal is not None:
        raise refusal
    table, interpreter = options.table_for(slot), options.interpreter_for(slot)
    meeting = Meeting.objects.create(
        event=event,
        weight=1,
        interpreting=options.interpreting,
        status=MeetingStatus.SCHEDULED,
        slot=slot,
        table=table,
        interpreter=interpreter,
        published_slot=slot,
        published_table=table,
    )
    MeetingParticipant.objects.bulk_create(
        MeetingParticipant(meeting=meeting, registration=member, slot=slot)
        for member in (registration, counterpart)
    )
    _confirm_with_checker(event, meeting)
    audit_meeting(
        meeting,
        by=by,
        action=AuditAction.CREATED,
        after=snapshot(meeting, ("participants.registration__organisation__name", *MEETING_FIELDS)),
    )
    return meeting


def _confirm_with_checker(event, meeting: Meeting) -> None:
    """The scheduler's checker, on the whole schedule with and without the new meeting:
    refuse it if it breaks a rule the schedule did not already break."""
    instance = parse_instance(build_instance(event, allow_moves=False))
    assignments, unscheduled = [], []
    for placed in event.meetings.filter(status__in=OPEN_MEETING_STATUSES):
        if placed.slot_id:
            assignments.append(
                {
                    "meeting": f"m{placed.pk}",
                    "slot": f"s{placed.slot_id}",
                    "table": f"t{placed.table_id}" if placed.table_id else None,
                    "interpreter": f"i{placed.interpreter_id}" if placed.interpreter_id else None,
                }
            )
        else:
            unscheduled.append({"meeting": f"m{placed.pk}", "reason": "not placed"})
    new = f"m{meeting.pk}"
    without = [a for a in assignments if a["meeting"] != new]
    before = _rule_violations(instance, without, [*unscheduled, {"meeting": new, "reason": "-"}])
    after = _rule_violations(instance, assignments, unscheduled)
    if after - before:
        raise ValidationError(
            _("This booking would break a rule of the schedule: choose another slot."),
            code=EventError.SCHEDULE_RULE,
        )


def _rule_violations(instance, assignments, unscheduled) -> Counter:
    report = check(
        instance,
        {
            "format": RESULT_FORMAT,
            "status": "feasible",
            "scheduled_weight": 0,
            "upper_bound": 0,
            "stats": {"idle_gaps": 0},
            "assignments": assignments,
            "unscheduled": unscheduled,
        },
    )
    return Counter(code for code in report.codes if code not in FIGURE_CODES)


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, by, now: dt.datetime | None = None) -> Meeting:
    """Cancel a meeting that has not begun: a member of one of its delegations or an
    organiser may. Its slot, table and interpreter are free again at once; the other party
    is told (both parties, when an organiser cancels)."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("event", "slot")
        .get(pk=meeting.pk)
    )
    participants = list(meeting.participants.select_related("registration"))
    mine = organisation_ids_of(by)
    acting = [p.registration for p in participants if p.registration.organisation_id in mine]
    if not acting and not organises(by, meeting.event):
        raise ValidationError(
            _("Only the delegations of this meeting or the organisers can cancel it."),
            code=EventError.NOT_A_MEMBER,
        )
    if meeting.status not in OPEN_MEETING_STATUSES:
        raise ValidationError(
            _("Only a meeting still to come can be cancelled."), code=EventError.NOT_CANCELLABLE
        )
    if meeting.slot is not None and meeting.slot.starts_at <= (now or timezone.now()):
        raise ValidationError(
            _("This meeting has begun: mark it as held or as a no-show instead."),
            code=EventError.ALREADY_BEGUN,
        )
    before = snapshot(meeting, MEETING_FIELDS)
    slot, table = meeting.published_slot or meeting.slot, meeting.published_table or meeting.table
    meeting.status = MeetingStatus.CANCELLED
    meeting.slot = meeting.table = meeting.interpreter = None
    meeting.published_slot = meeting.published_table = None
    meeting.locked = False
    meeting.save(
        update_fields=[
            "status",
            "slot",
            "table",
            "interpreter",
            "published_slot",
            "published_table",
            "locked",
        ]
    )
    meeting.participants.update(slot=None)
    audit_meeting(meeting, by=by, action=AuditAction.STATUS, before=before)
    for participant in participants:
        if participant.registration not in acting:
            transaction.on_commit(
                lambda r=participant.registration: _tell(
                    meeting, r, "events/email/meeting_cancelled.txt", slot=slot, table=table
                )
            )
    return meeting


def _tell(meeting: Meeting, registration: Registration, template: str, **place) -> None:
    """E-mail a delegation about a booking or a cancellation, in its language and time zone,
    naming the other delegations, the time and where to go (table or video link)."""
    lead = registration.lead
    address = lead.user.email if lead.user_id else lead.email
    if not address:
        return
    language = registration_language(registration)
    others = [
        organisation_name(participant.registration.organisation, language)
        for participant in meeting.participants.select_related("registration__organisation")
        .prefetch_related("registration__organisation__translations")
        .exclude(registration=registration)
    ]
    slot = place.get("slot", meeting.published_slot)
    zone = registration_zone(registration)
    context = {
        "event": meeting.event,
        "others": others,
        "when": span_in_zone(slot.starts_at, slot.ends_at, zone, language) if slot else "",
        "place": place_line(meeting, language) if "slot" not in place else "",
        "had_table": place.get("table") is not None,
    }
    with translation.override(language):
        subject = (
            _("A meeting was booked with you at %(event)s")
            if template.endswith("booked.txt")
            else _("A meeting at %(event)s was cancelled")
        ) % {"event": meeting.event.name}
        body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
