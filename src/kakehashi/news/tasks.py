"""Background tasks of the news desk: take ids, load, call a service; idempotent."""

from django_tasks import task


@task()
def read_article(article_id: int) -> None:
    """Read the article with the engine and store its suggestions (services/reading.py)."""
    from kakehashi.news.models import Article, ArticleStatus
    from kakehashi.news.reading import read_and_store

    article = Article.objects.filter(pk=article_id, status=ArticleStatus.READING).first()
    if article is not None:  # already read: nothing to do
        read_and_store(article=article)


@task()
def poll_feeds() -> None:
    """Read every active feed for new items, then queue the next poll (with the database
    queue; news/feeds.py)."""
    from kakehashi.news.feeds import poll_all_feeds

    try:
        poll_all_feeds()
    finally:
        ensure_feed_polling_scheduled()


def ensure_feed_polling_scheduled():
    """Queue the next poll of the feeds unless one already waits (common/daily.py)."""
    import datetime as dt

    from django.conf import settings
    from django.utils import timezone

    from kakehashi.common.daily import queue_unless_waiting

    every = dt.timedelta(minutes=settings.KAKEHASHI_NEWS_FEED_MINUTES)
    return queue_unless_waiting(poll_feeds, lambda: timezone.now() + every)
