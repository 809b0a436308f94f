"""Which slots two delegations can still meet in once the schedule is published: the rules
of the scheduler (both free and available, within their most meetings, a free table with
enough seats unless they meet by video, a free interpreter who covers their languages when
they share none and can join remotely when they meet by video), read in
a few queries for every slot at once.

The booking page lists `free_slots()`; the booking service asks `refusal(slot)` again with
the slot's row locked (events/services/live.py), and the scheduler's own checker confirms
the result before it is kept."""

import datetime as dt
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    Interpreter,
    Meeting,
    MeetingParticipant,
    MeetingSlot,
    MeetingStatus,
    MeetingTable,
    Registration,
)
from kakehashi.events.services.meetings import interpreting_need

# Meetings that hold their slot, table and interpreter.
HOLDING = [MeetingStatus.TO_SCHEDULE, MeetingStatus.SCHEDULED, MeetingStatus.HELD]


def _busy_slots(registration: Registration, slots: list[MeetingSlot]) -> set[int]:
    """Slots the delegation said it is not available in, or spends in a session."""
    busy = {slot.pk for slot in registration.unavailable_slots.all()}
    for session in registration.attends_sessions.all():
        busy |= {
            slot.pk
            for slot in slots
            if slot.starts_at < session.ends_at and session.starts_at < slot.ends_at
        }
    return busy


class BookingOptions:
    """What `registration` and `counterpart` can book together at their event, from `now`."""

    def __init__(self, registration: Registration, counterpart: Registration, now: dt.datetime):
        self.registration, self.counterpart, self.now = registration, counterpart, now
        event = registration.event
        self.slots = list(event.meeting_slots.all())
        self.interpreting = interpreting_need([registration, counterpart])
        # A delegation that attends remotely meets by video: no table, and only an interpreter
        # who can join remotely (events/remote.py).
        self.remote = registration.attends_remotely or counterpart.attends_remotely
        pair = (registration.pk, counterpart.pk)
        # A meeting holds its draft place and, until the draft is published, the place the
        # delegations were told: a booking must fit both.
        placed = Q(slot__isnull=False) | Q(published_slot__isnull=False)
        seats = MeetingParticipant.objects.filter(
            registration_id__in=pair,
            meeting__status__in=HOLDING,
            meeting_id__in=Meeting.objects.filter(placed).values("pk"),
        ).values_list("registration_id", "meeting_id", "slot_id", "meeting__published_slot_id")
        self.taken_by = defaultdict(set)  # registration id -> slot ids it meets in
        meetings_of = defaultdict(set)
        for registration_id, meeting_id, slot_id, published_slot_id in seats:
            self.taken_by[registration_id] |= {slot_id, published_slot_id} - {None}
            meetings_of[registration_id].add(meeting_id)
        self.count = {pk: len(meetings_of[pk]) for pk in pair}
        self.unavailable = {
            registration.pk: _busy_slots(registration, self.slots),
            counterpart.pk: _busy_slots(counterpart, self.slots),
        }
        self.already_meeting = (
            Meeting.objects.filter(
                event=event, status__in=HOLDING, participants__registration=registration
            )
            .filter(participants__registration=counterpart)
            .exists()
        )
        self.tables = list(event.meeting_tables.filter(is_active=True).order_by("seats", "name"))
        self.tables_taken = defaultdict(set)
        self.interpreters_taken = defaultdict(set)
        for (
            slot_id,
            table_id,
            published_slot_id,
            published_table_id,
            interpreter_id,
        ) in Meeting.objects.filter(placed, event=event, status__in=HOLDING).values_list(
            "slot_id", "table_id", "published_slot_id", "published_table_id", "interpreter_id"
        ):
            for held_slot, held_table in (
                (slot_id, table_id),
                (published_slot_id, published_table_id),
            ):
                if held_slot is not None:
                    self.tables_taken[held_slot].add(held_table)
                    self.interpreters_taken[held_slot].add(interpreter_id)
        self.interpreters = [
            interpreter
            for interpreter in event.interpreters.prefetch_related("unavailable_slots")
            if set(self.interpreting) <= set(interpreter.languages)
        ]

    def refusal(self, slot: MeetingSlot) -> ValidationError | None:
        """Why the two cannot meet in `slot`, or None."""
        first, second = self.registration, self.counterpart
        if self.already_meeting:
            return ValidationError(
                _("You already have a meeting with this delegation."),
                code=EventError.ALREADY_MEETING,
            )
        if slot.event_id != first.event_id:
            return ValidationError(
                _("That slot belongs to another event."), code=EventError.WRONG_EVENT
            )
        if slot.starts_at <= self.now:
            return ValidationError(
                _("This slot has already begun: choose a later one."), code=EventError.SLOT_PAST
            )
        for registration, yours in ((first, True), (second, False)):
            if slot.pk in self.taken_by[registration.pk]:
                return ValidationError(
                    _("You already have a meeting in this slot.")
                    if yours
                    else _("This delegation already has a meeting in this slot."),
                    code=EventError.DELEGATION_BUSY,
                )
            if slot.pk in self.unavailable[registration.pk]:
                return ValidationError(
                    _("You said you are not available in this slot.")
                    if yours
                    else _("This delegation is not available in this slot."),
                    code=EventError.DELEGATION_UNAVAILABLE,
                )
            limit = registration.max_meetings
            if limit is not None and self.count[registration.pk] >= limit:
                return ValidationError(
                    _("You have reached the most meetings you asked for.")
                    if yours
                    else _("This delegation has reached the most meetings it asked for."),
                    code=EventError.OVER_MAX_MEETINGS,
                )
        if self.interpreting and self.interpreter_for(slot) is None:
            return ValidationError(
                _("No interpreter is free in this slot: choose another one."),
                code=EventError.NO_INTERPRETER,
            )
        if not self.remote and self.table_for(slot) is None:
            return ValidationError(
                _("Every table is taken in this slot: choose another one."),
                code=EventError.NO_TABLE,
            )
        return None

    def table_for(self, slot: MeetingSlot) -> MeetingTable | None:
        """The smallest free table that seats both delegations and the interpreter (none for
        a remote meeting)."""
        if self.remote:
            return None
        needed = 2 + (1 if self.interpreting else 0)
        return next(
            (
                table
                for table in self.tables
                if table.seats >= needed and table.pk not in self.tables_taken[slot.pk]
            ),
            None,
        )

    def interpreter_for(self, slot: MeetingSlot) -> Interpreter | None:
        if not self.interpreting:
            return None
        return next(
            (
                interpreter
                for interpreter in self.interpreters
                if interpreter.pk not in self.interpreters_taken[slot.pk]
                and (interpreter.joins_remotely or not self.remote)
                and slot.pk not in {s.pk for s in interpreter.unavailable_slots.all()}
            ),
            None,
        )

    def free_slots(self) -> list[MeetingSlot]:
        return [slot for slot in self.slots if self.refusal(slot) is None]
