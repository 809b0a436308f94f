"""The daily jobs: expiry, digests, reminders, escalation, a snapshot of the matching index.

They run once per day in the platform's time zone, whoever starts them: the worker's periodic
task (`run_daily_jobs`, queued for `KAKEHASHI_DAILY_AT` each day, with the database queue) or
`kakehashi daily` from a systemd timer or a cron line. Either first claims the day (one
`DailyRun` row per date), so that with both in place digests and reminders still go out once.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from kakehashi.common.models import DailyRun

logger = logging.getLogger(__name__)

DAILY_JOBS = [
    "expire_proposals",
    "send_match_digests",
    "remind_meeting_requests",
    "send_follow_up_asks",
    "send_message_digests",
    "escalate_obstacles",
    "draft_translations",
    "snapshot_index",  # last: the index as the day's changes left it
]


def claim_today() -> DailyRun | None:
    """Today's run, claimed by this caller; None when another already claimed it."""
    try:
        with transaction.atomic():
            return DailyRun.objects.create(day=timezone.localdate())
    except IntegrityError:
        return None


def run_jobs(run: DailyRun | None = None, *, stdout=None, stderr=None) -> list[str]:
    """Run every daily job, each even when one before it failed; the names of those that
    failed. With a claimed `run`, its outcome is stored on it."""
    failed = []
    for job in DAILY_JOBS:
        try:
            call_command(job, stdout=stdout, stderr=stderr)
        except Exception as error:  # one job's failure must not skip the others
            logger.exception("Daily job %s failed", job)
            if stderr is not None:
                stderr.write(f"{job} failed: {type(error).__name__}: {error}")
            failed.append(job)
    if run is not None:
        run.finished_at = timezone.now()
        run.failed_jobs = failed
        run.save(update_fields=["finished_at", "failed_jobs"])
    return failed


def next_run_after(now: datetime | None = None) -> datetime:
    """The next `KAKEHASHI_DAILY_AT` (HH:MM, the platform's time zone) after `now`."""
    now = timezone.localtime(now)
    hour, minute = (int(part) for part in settings.KAKEHASHI_DAILY_AT.split(":"))
    at = timezone.make_aware(datetime.combine(now.date(), time(hour, minute)))
    return at if at > now else at + timedelta(days=1)


def periodic() -> bool:
    """Whether the worker runs the daily jobs: only a queue that can hold a task until a
    given time (the database queue) can."""
    from django_tasks import task_backends

    return settings.KAKEHASHI_DAILY_BY_WORKER and task_backends["default"].supports_defer


def ensure_scheduled() -> datetime | None:
    """Queue the next periodic run unless one already waits; when it will run."""
    from kakehashi.common.tasks import run_daily_jobs

    return queue_unless_waiting(run_daily_jobs, next_run_after)


def queue_unless_waiting(task, when) -> datetime | None:
    """Queue `task` to run at `when()` unless a run of it already waits; when it will run.
    None when the worker runs no periodic work (see `periodic`). The periodic tasks (the
    daily jobs, the meeting reminders' sweep) queue their own next run this way."""
    if not periodic():
        return None
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=task.module_path)
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    if waiting is not None:
        return waiting
    at = when()
    task.using(run_after=at).enqueue()
    return at
