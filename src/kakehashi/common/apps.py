from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _schedule_daily_jobs(sender, **kwargs) -> None:
    """Every deployment and upgrade migrates: with the database queue, that queues the first
    (or a lost) periodic run of the daily jobs."""
    from kakehashi.common.daily import ensure_scheduled

    ensure_scheduled()


class CommonConfig(AppConfig):
    name = "kakehashi.common"
    label = "common"

    def ready(self):
        post_migrate.connect(_schedule_daily_jobs, sender=self)
