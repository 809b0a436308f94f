"""Background tasks of the obstacle tracker: idempotent."""

from django_tasks import task


@task()
def escalate_overdue_obstacles() -> int:
    from kakehashi.obstacles.services import escalate_overdue

    return escalate_overdue()
