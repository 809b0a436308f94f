"""A worker with the database queue sweeps for due meeting reminders every few minutes: a
deployment's migrate queues the first sweep, each sweep queues the next, and a real worker
process sends the reminders that are due."""

import datetime as dt
import subprocess

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from kakehashi.events import services
from kakehashi.events.models import MeetingReminder, MeetingSlot
from kakehashi.events.services.live import book_meeting
from kakehashi.events.tasks import ensure_reminders_scheduled, send_meeting_reminders
from tests.events.builders import a_finished_run, at, build_conference
from tests.processes import KAKEHASHI, worker_env

DATABASE_QUEUE = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "scheduler"]}


def waiting_sweeps():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=send_meeting_reminders.module_path
    )


@pytest.mark.django_db
def test_migrate_queues_one_sweep_and_only_one(settings):
    settings.TASKS = {"default": DATABASE_QUEUE}
    settings.KAKEHASHI_MEETING_REMINDER_SWEEP_MINUTES = 5
    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    (queued,) = waiting_sweeps()
    assert dt.timedelta(minutes=4) < queued.run_after - timezone.now() <= dt.timedelta(minutes=5)


@pytest.mark.django_db
def test_without_the_database_queue_no_sweep_is_queued():
    assert ensure_reminders_scheduled() is None


@pytest.mark.django_db(transaction=True)
def test_a_worker_sends_the_due_reminders_and_queues_the_next_sweep(settings, reference):
    event, organiser, delegations = build_conference()
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    meeting = book_meeting(
        registration=delegations["hue"][0],
        counterpart=delegations["danang"][0],
        slot=event.meeting_slots.get(starts_at=at(14)),
        by=delegations["hue"][1],
        now=at(9),
    )
    # The event is today after all: its first meeting starts in ten minutes.
    soon = timezone.now() + dt.timedelta(minutes=10)
    MeetingSlot.objects.filter(pk=meeting.slot_id).update(
        starts_at=soon, ends_at=soon + dt.timedelta(minutes=30)
    )
    settings.TASKS = {"default": DATABASE_QUEUE}
    send_meeting_reminders.enqueue()
    worker = subprocess.run(
        [str(KAKEHASHI), "db_worker", "--queue-name", "default", "--batch", "--no-startup-delay"],
        env=worker_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr
    reminded = MeetingReminder.objects.filter(meeting=meeting)
    assert sorted(reminded.values_list("registration_id", flat=True)) == sorted(
        [delegations["hue"][0].pk, delegations["danang"][0].pk]
    )
    assert "Your next meeting at" in worker.stdout  # the console e-mail backend
    (following,) = waiting_sweeps()
    assert following.run_after > timezone.now()
