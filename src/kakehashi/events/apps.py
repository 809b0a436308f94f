from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _schedule_reminders(sender, **kwargs) -> None:
    """With the database queue, every deployment queues the first (or a lost) sweep for
    meeting reminders (events/tasks.py)."""
    from kakehashi.events.tasks import ensure_reminders_scheduled

    ensure_reminders_scheduled()


class EventsConfig(AppConfig):
    name = "kakehashi.events"
    label = "events"

    def ready(self):
        post_migrate.connect(_schedule_reminders, sender=self)
        # Organisations that met at an event are a reason the matching gives.
        from kakehashi.events.met_before import organisations_that_met
        from kakehashi.matching.context import register_met_before

        register_met_before(organisations_that_met)
