"""Writes around the scheduler: build its instance from the database, run it, apply its
draft, lock and place meetings, publish and tell the people whose meetings changed."""

import datetime as dt
import logging
import threading
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.events.agenda import registration_language
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    OPEN_MEETING_STATUSES,
    RUN_UNDER_WAY_STATUSES,
    Event,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    ScheduleRun,
    ScheduleRunStatus,
)
from kakehashi.events.queries import changes_to_publish, has_schedule_draft, meetings_to_publish
from kakehashi.events.remote import mark_draft_places
from kakehashi.events.rules import require
from kakehashi.scheduling.instance import FORMAT, InstanceError, parse_instance

logger = logging.getLogger(__name__)


def _iso(value: dt.datetime, zone: zoneinfo.ZoneInfo) -> str:
    """In the event's time zone, so that the scheduler's days are the event's days."""
    return value.astimezone(zone).isoformat()


def build_instance(event: Event, *, allow_moves: bool) -> dict:
    """The scheduler's instance for the event's open meetings.

    Locked meetings stay where they are; once the schedule is published, so do published
    meetings (unless moves are allowed), as long as their table is still in use. A meeting
    with a delegation that attends remotely is remote: it takes no table, and only an
    interpreter who can join remotely may interpret it."""
    zone = zoneinfo.ZoneInfo(event.time_zone)
    slots = list(event.meeting_slots.all())
    tables = list(event.meeting_tables.filter(is_active=True))
    active_tables = {table.pk for table in tables}
    registrations = list(
        event.registrations.filter(status=RegistrationStatus.APPROVED).prefetch_related(
            "unavailable_slots", "attends_sessions"
        )
    )
    participants = []
    for registration in registrations:
        busy = {slot.pk for slot in registration.unavailable_slots.all()}
        for session in registration.attends_sessions.all():
            busy |= {
                slot.pk
                for slot in slots
                if slot.starts_at < session.ends_at and session.starts_at < slot.ends_at
            }
        available = [f"s{slot.pk}" for slot in slots if slot.pk not in busy]
        participants.append(
            {
                "id": f"r{registration.pk}",
                "available": available if busy else None,
                "max_meetings": registration.max_meetings,
            }
        )
    approved = {registration.pk for registration in registrations}
    remote_ones = {r.pk for r in registrations if r.attends_remotely}
    meetings = []
    for meeting in _open_meetings(event):
        members = [p.registration_id for p in meeting.participants.all()]
        if not set(members) <= approved:
            continue
        remote = bool(remote_ones.intersection(members))
        fixed = None
        place = (meeting.slot_id, meeting.table_id) if meeting.locked else None
        if place is None and event.schedule_published_at and not allow_moves:
            place = (meeting.published_slot_id, meeting.published_table_id)
        if place and place[0] and remote:
            fixed = {"slot": f"s{place[0]}", "table": None}
        elif place and place[0] and place[1] in active_tables:
            fixed = {"slot": f"s{place[0]}", "table": f"t{place[1]}"}
        meetings.append(
            {
                "id": f"m{meeting.pk}",
                "participants": [f"r{pk}" for pk in members],
                "weight": meeting.weight,
                "interpreting": meeting.interpreting or None,
                "fixed": fixed,
                "remote": remote,
            }
        )
    interpreters = [
        {
            "id": f"i{interpreter.pk}",
            "languages": interpreter.languages,
            "available": [
                f"s{slot.pk}"
                for slot in slots
                if slot.pk not in {s.pk for s in interpreter.unavailable_slots.all()}
            ],
            "remote": interpreter.joins_remotely,
        }
        for interpreter in event.interpreters.prefetch_related("unavailable_slots")
    ]
    return {
        "format": FORMAT,
        "slots": [
            {
                "id": f"s{slot.pk}",
                "start": _iso(slot.starts_at, zone),
                "end": _iso(slot.ends_at, zone),
            }
            for slot in slots
        ],
        "tables": [{"id": f"t{t.pk}", "seats": t.seats, "available": None} for t in tables],
        "participants": participants,
        "interpreters": interpreters,
        "meetings": meetings,
    }


def _open_meetings(event: Event):
    return event.meetings.filter(status__in=OPEN_MEETING_STATUSES).prefetch_related(
        Prefetch("participants", queryset=MeetingParticipant.objects.order_by("registration_id"))
    )


@transaction.atomic
def start_schedule_run(*, event: Event, by, allow_moves: bool = False, time_limit: int = 30):
    """Queue a scheduler run (organisers only); the background task does the work (see
    events.tasks)."""
    from kakehashi.events.tasks import run_schedule

    require(by, "events.change_event", event)
    if not event.meeting_slots.exists() or not event.meeting_tables.filter(is_active=True).exists():
        raise ValidationError(
            _("Define the meeting slots and at least one table first."),
            code=EventError.NO_PROGRAMME,
        )
    fail_stale_runs(event)
    if event.schedule_runs.filter(status__in=RUN_UNDER_WAY_STATUSES).exists():
        raise ValidationError(
            _("A scheduler run is already under way."), code=EventError.RUN_IN_PROGRESS
        )
    run = ScheduleRun.objects.create(
        event=event, created_by=by, allow_moves=allow_moves, time_limit=time_limit
    )
    transaction.on_commit(lambda: run_schedule.enqueue(run.pk))
    return run


def heartbeat_seconds() -> float:
    return float(getattr(settings, "KAKEHASHI_RUN_HEARTBEAT_SECONDS", 10))


def stale_after_seconds() -> float:
    """How long a running run may go without a heartbeat before its worker counts as dead."""
    return float(getattr(settings, "KAKEHASHI_RUN_STALE_SECONDS", 120))


def fail_stale_runs(event: Event) -> int:
    """Mark failed the event's runs that say "running" but whose worker stopped beating (the
    process was killed or the machine restarted): the organiser reads why and can start
    again. Returns how many."""
    cutoff = timezone.now() - dt.timedelta(seconds=stale_after_seconds())
    stale = event.schedule_runs.filter(status=ScheduleRunStatus.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )
    return stale.update(
        status=ScheduleRunStatus.FAILED,
        error=STALE_RUN_ERROR,
        finished_at=timezone.now(),
    )


# Stored as a code; the schedule page shows it in the reader's language (events/diagnosis).
STALE_RUN_ERROR = "worker_stopped"


class _Heartbeat:
    """While a run solves, a thread writes its heartbeat every few seconds (the solver gives
    no sign of life of its own for minutes on end)."""

    def __init__(self, run_id: int):
        self.run_id = run_id
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True)

    def _beat(self) -> None:
        try:
            while not self.stopped.wait(heartbeat_seconds()):
                ScheduleRun.objects.filter(pk=self.run_id).update(heartbeat_at=timezone.now())
        finally:
            connection.close()

    def __enter__(self):
        # Inside a transaction (tests run tasks in the test's own) another connection could
        # not write the row this one holds: no heartbeat there, and none is needed.
        if not connection.in_atomic_block:
            self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stopped.set()
        if self.thread.is_alive():
            self.thread.join()


def execute_run(run: ScheduleRun) -> ScheduleRun:
    """Solve the run's instance and apply the result as the draft schedule. The run beats a
    heartbeat while it solves (see fail_stale_runs)."""
    from kakehashi.scheduling.solve import solve

    ScheduleRun.objects.filter(pk=run.pk).update(
        status=ScheduleRunStatus.RUNNING, heartbeat_at=timezone.now()
    )
    try:
        instance = parse_instance(build_instance(run.event, allow_moves=run.allow_moves))
    except InstanceError as error:
        return _fail(run, str(error))

    def progress(figures: dict) -> None:
        ScheduleRun.objects.filter(pk=run.pk).update(progress=figures, heartbeat_at=timezone.now())

    try:
        with _Heartbeat(run.pk):
            result = solve(instance, time_limit=run.time_limit, seed=0, progress=progress)
        return apply_run(run=run, result=result.to_json())
    except Exception as error:  # a run never stays "running" for ever: the organiser is told
        logger.exception("Scheduler run %s failed", run.pk)
        return _fail(run, f"{type(error).__name__}: {error}")


def _fail(run: ScheduleRun, message: str) -> ScheduleRun:
    run.status = ScheduleRunStatus.FAILED
    run.error = message
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at"])
    return run


@transaction.atomic
def apply_run(*, run: ScheduleRun, result: dict) -> ScheduleRun:
    """Write the result as the draft: every open meeting gets its slot, table (none if it is
    remote) and interpreter, or none and the reason."""
    event = Event.objects.select_for_update().get(pk=run.event_id)
    meetings = {f"m{m.pk}": m for m in event.meetings.filter(status__in=OPEN_MEETING_STATUSES)}
    # Clear first, so that swapping two meetings never trips the uniqueness constraints.
    Meeting.objects.filter(pk__in=[m.pk for m in meetings.values()]).update(
        slot=None, table=None, interpreter=None
    )
    MeetingParticipant.objects.filter(meeting__in=meetings.values()).update(slot=None)
    for assignment in result["assignments"]:
        meeting = meetings[assignment["meeting"]]
        meeting.slot_id = int(assignment["slot"][1:])
        table = assignment.get("table")  # none for a remote meeting
        meeting.table_id = int(table[1:]) if table else None
        interpreter = assignment.get("interpreter")
        meeting.interpreter_id = int(interpreter[1:]) if interpreter else None
        meeting.status = MeetingStatus.SCHEDULED
        meeting.unscheduled_reason, meeting.unscheduled_diagnosis = "", {}
        meeting.save(
            update_fields=[
                "slot",
                "table",
                "interpreter",
                "status",
                "unscheduled_reason",
                "unscheduled_diagnosis",
            ]
        )
        meeting.participants.update(slot_id=meeting.slot_id)
    for item in result["unscheduled"]:
        meeting = meetings.get(item["meeting"])
        if meeting is not None:
            meeting.status = MeetingStatus.TO_SCHEDULE
            meeting.unscheduled_reason = item["reason"][:300]
            meeting.unscheduled_diagnosis = item.get("diagnosis") or {}
            meeting.save(update_fields=["status", "unscheduled_reason", "unscheduled_diagnosis"])
    run.result = result
    run.status = ScheduleRunStatus.DONE
    run.finished_at = timezone.now()
    run.save(update_fields=["result", "status", "finished_at"])
    return run


def publication_refusal(event: Event) -> ValidationError | None:
    """Why the draft cannot be published now, or None."""
    if event.schedule_runs.filter(status__in=RUN_UNDER_WAY_STATUSES).exists():
        return ValidationError(
            _("Wait until the scheduler run under way has finished, then publish."),
            code=EventError.RUN_IN_PROGRESS,
        )
    if not has_schedule_draft(event):
        return ValidationError(
            _("There is no draft to publish yet: run the scheduler first."),
            code=EventError.NO_DRAFT,
        )
    return None


@transaction.atomic
def publish_schedule(*, event: Event, by) -> list[Registration]:
    """Publish the draft (organisers only, once a scheduler run has produced one). Only the
    delegations whose meetings changed since the last publication are told, each with what
    changed, once the transaction commits; an audit entry on the event records who
    published and which delegations were told. Returns those delegations."""
    require(by, "events.change_event", event)
    event = Event.objects.select_for_update().get(pk=event.pk)
    refusal = publication_refusal(event)
    if refusal is not None:
        raise refusal
    before = snapshot(event, ["schedule_published_at"])
    meetings = meetings_to_publish(event)
    changed = changes_to_publish(meetings)
    for meeting in meetings:
        meeting.published_slot_id, meeting.published_table_id = meeting.slot_id, meeting.table_id
        meeting.save(update_fields=["published_slot", "published_table"])
    event.schedule_published_at = timezone.now()
    event.save(update_fields=["schedule_published_at"])
    registrations = list(
        Registration.objects.filter(pk__in=changed).select_related("lead__user", "organisation")
    )
    record_change(
        obj=event,
        by=by,
        action=AuditAction.STATUS,
        before=before,
        after={
            "schedule_published_at": event.schedule_published_at.isoformat(),
            "delegations_told": sorted(str(r.organisation) for r in registrations),
        },
        owners=event.organisers.all(),
    )
    for registration in registrations:
        transaction.on_commit(
            lambda r=registration, m=changed[registration.pk]: _tell_changes(event, r, m)
        )
    return registrations


def _tell_changes(event: Event, registration: Registration, meetings: list[Meeting]) -> None:
    lead = registration.lead
    address = lead.user.email if lead.user_id else lead.email
    if not address:
        return
    language = registration_language(registration)
    mark_draft_places(meetings, registration, language)
    with translation.override(language):
        subject = _("Your meetings at %(event)s have changed") % {"event": event.name}
        body = render_to_string(
            "events/email/schedule_changed.txt",
            {"event": event, "registration": registration, "meetings": meetings},
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
