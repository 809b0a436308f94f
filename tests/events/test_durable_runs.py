"""Scheduler runs survive the process that runs them: a real `db_worker` process takes a run
from the database queue and finishes it, and a run whose worker died (its heartbeat stopped)
is marked failed with a reason the organiser reads, and can be started again."""

import datetime as dt
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingStatus, ScheduleRun, ScheduleRunStatus
from kakehashi.events.services.schedule import STALE_RUN_ERROR
from tests.processes import KAKEHASHI, worker_env


def accepted(delegations, first, second):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


@pytest.mark.django_db
def test_a_run_whose_worker_stopped_beating_is_failed_and_can_start_again(
    client, conference, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    accepted(delegations, "danang", "osaka")
    long_ago = timezone.now() - dt.timedelta(minutes=10)
    dead = ScheduleRun.objects.create(
        event=event, created_by=organiser, status=ScheduleRunStatus.RUNNING
    )
    ScheduleRun.objects.filter(pk=dead.pk).update(heartbeat_at=long_ago)
    alive = ScheduleRun.objects.create(
        event=event, created_by=organiser, status=ScheduleRunStatus.RUNNING
    )
    ScheduleRun.objects.filter(pk=alive.pk).update(heartbeat_at=timezone.now())

    assert services.fail_stale_runs(event) == 1
    dead.refresh_from_db()
    assert (dead.status, dead.error) == (ScheduleRunStatus.FAILED, STALE_RUN_ERROR)
    alive.refresh_from_db()
    assert alive.status == ScheduleRunStatus.RUNNING  # still beating: left alone

    ScheduleRun.objects.filter(pk=alive.pk).update(heartbeat_at=long_ago)
    client.force_login(organiser)
    client.cookies["kakehashi_language"] = "vi"
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    assert "worker_stopped" not in page
    assert "Bộ xếp lịch đã dừng trước khi hoàn tất" in page
    with django_capture_on_commit_callbacks(execute=True):
        again = services.start_schedule_run(event=event, by=organiser, time_limit=5)
    again.refresh_from_db()
    assert again.status == ScheduleRunStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_takes_the_run_from_the_queue(settings, reference):
    from tests.events.builders import build_conference

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    event, organiser, delegations = build_conference()
    meeting = accepted(delegations, "danang", "osaka")
    run = services.start_schedule_run(event=event, by=organiser, time_limit=5)
    run.refresh_from_db()
    assert run.status == ScheduleRunStatus.QUEUED  # nothing runs it in this process

    worker = subprocess.run(
        [str(KAKEHASHI), "db_worker", "--queue-name", "scheduler", "--batch", "--no-startup-delay"],
        env=worker_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr
    run.refresh_from_db()
    assert run.status == ScheduleRunStatus.DONE, run.error
    assert run.heartbeat_at is not None and run.finished_at is not None
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED and meeting.slot_id is not None


def _worker(*extra, **popen):
    command = [str(KAKEHASHI), "db_worker", "--queue-name", "scheduler", "--no-startup-delay"]
    environment = worker_env(KAKEHASHI_RUN_HEARTBEAT_SECONDS="0.5")
    return subprocess.Popen([*command, *extra], env=environment, **popen)


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_run_leaves_a_failed_run_that_starts_again(client, settings, reference):
    import signal
    import time

    from tests.events.builders import crowded

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    settings.KAKEHASHI_RUN_STALE_SECONDS = 3
    event, organiser = crowded()
    run = services.start_schedule_run(event=event, by=organiser, time_limit=60)

    worker = _worker(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while ScheduleRun.objects.get(pk=run.pk).status == ScheduleRunStatus.QUEUED:
            assert worker.poll() is None, "the worker ended before taking the run"
            assert time.monotonic() < deadline, "the worker did not take the run"
            time.sleep(0.01)
        worker.send_signal(signal.SIGKILL)  # mid-run: no chance to clean up
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    run.refresh_from_db()
    assert run.status == ScheduleRunStatus.RUNNING  # as the dead worker left it

    time.sleep(settings.KAKEHASHI_RUN_STALE_SECONDS + 1)
    client.force_login(organiser)
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    assert "The scheduler stopped before it finished" in page
    run.refresh_from_db()
    assert (run.status, run.error) == (ScheduleRunStatus.FAILED, STALE_RUN_ERROR)

    again = services.start_schedule_run(event=event, by=organiser, time_limit=10)
    finished = _worker("--batch", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output, _ = finished.communicate(timeout=300)
    assert finished.returncode == 0, output
    again.refresh_from_db()
    assert again.status == ScheduleRunStatus.DONE, again.error
