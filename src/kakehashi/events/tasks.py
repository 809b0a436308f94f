"""Background tasks of events: take ids, load, call a service."""

from django_tasks import task

from kakehashi.events.models import ScheduleRun, ScheduleRunStatus


# A queue of its own: a long run never holds up e-mails and index upkeep (docs/operations.md).
@task(queue_name="scheduler")
def run_schedule(run_id: int) -> None:
    from kakehashi.events.services.schedule import execute_run

    run = ScheduleRun.objects.select_related("event").get(pk=run_id)
    if run.status != ScheduleRunStatus.QUEUED:
        return  # already run: the task is idempotent
    execute_run(run)


@task()
def send_meeting_reminders() -> None:
    """Send the reminders that are due, then queue the next sweep (with the database queue;
    events/services/reminders.py)."""
    from kakehashi.events.services.reminders import send_meeting_reminders as sweep

    try:
        sweep()
    finally:
        ensure_reminders_scheduled()


def ensure_reminders_scheduled():
    """Queue the next sweep for reminders unless one already waits (common/daily.py)."""
    import datetime as dt

    from django.conf import settings
    from django.utils import timezone

    from kakehashi.common.daily import queue_unless_waiting

    every = dt.timedelta(minutes=settings.KAKEHASHI_MEETING_REMINDER_SWEEP_MINUTES)
    return queue_unless_waiting(send_meeting_reminders, lambda: timezone.now() + every)
