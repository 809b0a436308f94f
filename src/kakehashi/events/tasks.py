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
