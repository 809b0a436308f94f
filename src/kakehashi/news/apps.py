from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _schedule_feed_polling(sender, **kwargs) -> None:
    """With the database queue, every deployment queues the first (or a lost) poll of the
    news feeds (news/tasks.py)."""
    from kakehashi.news.tasks import ensure_feed_polling_scheduled

    ensure_feed_polling_scheduled()


class NewsConfig(AppConfig):
    name = "kakehashi.news"
    label = "news"
    verbose_name = "News desk"

    def ready(self):
        post_migrate.connect(_schedule_feed_polling, sender=self)
