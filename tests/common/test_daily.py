"""The daily jobs run once a day: a worker runs them as a periodic task that queues its next
run, `kakehashi daily` (a timer, cron) may run them too, and whichever comes first claims the
day."""

import datetime as dt
import subprocess
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from kakehashi.common import daily
from kakehashi.common.models import DailyRun
from kakehashi.common.tasks import run_daily_jobs
from tests.processes import KAKEHASHI, worker_env

DATABASE_QUEUE = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "scheduler"]}


def waiting_daily_runs():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=run_daily_jobs.module_path
    )


@pytest.mark.django_db
def test_the_command_runs_every_job_once_a_day(reference):
    out = StringIO()
    call_command("daily", stdout=out)
    assert (
        out.getvalue()
        .strip()
        .endswith(
            "Daily jobs done: expire_proposals, send_match_digests, remind_meeting_requests, "
            "send_follow_up_asks, "
            "send_message_digests, escalate_obstacles, draft_translations, snapshot_index."
        )
    )
    run = DailyRun.objects.get()
    assert run.day == timezone.localdate() and run.finished_at and run.failed_jobs == []

    again = StringIO()
    call_command("daily", stdout=again)
    assert "already ran today" in again.getvalue()
    assert "Daily jobs done" not in again.getvalue()

    forced = StringIO()
    call_command("daily", "--again", stdout=forced)
    assert "Daily jobs done" in forced.getvalue()
    assert DailyRun.objects.count() == 1


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-12-05 05:59", "2026-12-05 06:00"),
        ("2026-12-05 06:00", "2026-12-06 06:00"),
        ("2026-12-31 23:30", "2027-01-01 06:00"),
    ],
)
def test_the_next_run_is_the_next_morning_in_the_platform_time_zone(settings, now, expected):
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    settings.KAKEHASHI_DAILY_AT = "06:00"
    local = ZoneInfo("Asia/Ho_Chi_Minh")
    moment = dt.datetime.fromisoformat(now).replace(tzinfo=local)
    assert daily.next_run_after(moment) == dt.datetime.fromisoformat(expected).replace(tzinfo=local)


@pytest.mark.django_db
def test_without_the_database_queue_nothing_is_scheduled():
    # The embedded default (a thread of the web process) cannot hold a task until a time.
    assert daily.ensure_scheduled() is None


@pytest.mark.django_db
def test_migrate_queues_one_periodic_run_and_only_one(settings):
    settings.TASKS = {"default": DATABASE_QUEUE}
    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    (queued,) = waiting_daily_runs()
    assert queued.run_after == daily.next_run_after()
    assert queued.queue_name == "default"

    settings.KAKEHASHI_DAILY_BY_WORKER = False
    waiting_daily_runs().delete()
    assert daily.ensure_scheduled() is None
    assert not waiting_daily_runs().exists()


@pytest.mark.django_db(transaction=True)
def test_a_worker_runs_the_daily_jobs_and_queues_the_next_day(settings, reference):
    settings.TASKS = {"default": DATABASE_QUEUE}
    run_daily_jobs.enqueue()  # due now, as when the worker comes back after the hour
    worker = subprocess.run(
        [str(KAKEHASHI), "db_worker", "--queue-name", "default", "--batch", "--no-startup-delay"],
        env=worker_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stdout + worker.stderr
    run = DailyRun.objects.get()
    assert run.day == timezone.localdate() and run.finished_at and run.failed_jobs == []
    (following,) = waiting_daily_runs()
    assert following.run_after > timezone.now()  # tomorrow's, not run by this batch

    # A timer's `kakehashi daily` later the same day finds the day claimed.
    out = StringIO()
    call_command("daily", stdout=out)
    assert "already ran today" in out.getvalue()
