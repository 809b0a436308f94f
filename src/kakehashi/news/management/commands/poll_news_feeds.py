"""Read every active news feed once for new articles (news/feeds.py): for a timer or cron
line where the worker's periodic poll does not run (without the database queue)."""

from django.core.management.base import BaseCommand

from kakehashi.news.feeds import poll_all_feeds


class Command(BaseCommand):
    help = "Read the news desk's feeds once and import their new items as articles."

    def handle(self, *args, **options):
        added = poll_all_feeds()
        self.stdout.write(f"{added} new articles")
