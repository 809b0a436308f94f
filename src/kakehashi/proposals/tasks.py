"""Background tasks of the proposals app."""

from django_tasks import task

from kakehashi.proposals.services import expire_due


@task()
def expire_proposals() -> int:
    """Daily: expire the proposals whose date has come (idempotent)."""
    return expire_due()
