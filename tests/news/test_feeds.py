"""Feeds served by a real HTTP server on loopback: items become articles once, bad feeds are
refused and the error kept on the feed."""

import http.server
import threading

import pytest

from kakehashi.news.feeds import poll_all_feeds, poll_feed
from kakehashi.news.models import Article, Feed
from kakehashi.news.tasks import poll_feeds
from tests.news.conftest import client_for

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Báo TP.HCM</title><link>https://news.example.vn/</link>
<item>
  <title>TP.HCM và tỉnh Osaka ký biên bản ghi nhớ</title>
  <link>https://news.example.vn/tphcm-osaka</link>
  <guid>tphcm-osaka-2024</guid>
  <pubDate>Fri, 01 Mar 2024 08:00:00 +0700</pubDate>
  <description>Tóm tắt</description>
  <content:encoded><![CDATA[<p>Ngày 1/3, UBND TP.HCM và tỉnh Osaka đã ký biên bản ghi nhớ.</p>
  <script>track()</script>]]></content:encoded>
</item>
<item>
  <title>Đoàn tỉnh Aichi thăm TP.HCM</title>
  <link>https://news.example.vn/aichi</link>
  <description>&lt;p&gt;Đoàn công tác tỉnh Aichi đã thăm TP.HCM ngày 5/3.&lt;/p&gt;</description>
</item>
<item><title>Không có nội dung</title><link>https://news.example.vn/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>関西ニュース</title>
<entry>
  <title>大阪府、ホーチミン市と覚書</title>
  <id>tag:news.example.jp,2024:1</id>
  <link rel="alternate" href="https://news.example.jp/1"/>
  <published>2024-03-02T09:00:00+09:00</published>
  <content type="html">&lt;p&gt;大阪府とホーチミン市は2024年3月1日に覚書を締結した。&lt;/p&gt;
  </content>
</entry>
</feed>
"""

EVIL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<rss version="2.0"><channel><item><title>&lol2;</title><description>x</description></item>
</channel></rss>
"""


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes]] = {}

    def do_GET(self):
        status, body = self.routes.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_server():
    """A real HTTP server on 127.0.0.1 in a thread; `routes` maps paths to answers."""
    routes = {
        "/rss.xml": (200, RSS.encode("utf-8")),
        "/atom.xml": (200, ATOM.encode("utf-8")),
        "/evil.xml": (200, EVIL.encode("utf-8")),
        "/html": (200, b"<html><body>not a feed</body></html>"),
        "/big.xml": (200, b"<rss>" + b" " * 300_000 + b"</rss>"),
    }
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_an_rss_feed_becomes_articles_once(feed_server, hcmc_editor):
    feed = Feed.objects.create(url=f"{feed_server}/rss.xml", owner=hcmc_editor, language="vi")
    assert poll_feed(feed) == 2
    first = Article.objects.get(feed_guid="tphcm-osaka-2024")
    assert first.title == "TP.HCM và tỉnh Osaka ký biên bản ghi nhớ"
    assert first.text == "Ngày 1/3, UBND TP.HCM và tỉnh Osaka đã ký biên bản ghi nhớ."
    assert first.url == "https://news.example.vn/tphcm-osaka"
    assert str(first.published_on) == "2024-03-01"
    assert (first.language, first.origin, first.feed) == ("vi", "feed", feed)
    second = Article.objects.get(url="https://news.example.vn/aichi")
    assert second.feed_guid == "https://news.example.vn/aichi"  # no guid: the link
    assert poll_feed(feed) == 0
    assert Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.last_polled_at is not None and feed.last_error == ""


def test_an_atom_feed_with_the_language_detected(feed_server, hcmc_editor):
    feed = Feed.objects.create(url=f"{feed_server}/atom.xml", owner=hcmc_editor)
    assert poll_feed(feed) == 1
    article = Article.objects.get()
    assert (article.language, article.url) == ("ja", "https://news.example.jp/1")
    assert article.text == "大阪府とホーチミン市は2024年3月1日に覚書を締結した。"


def test_the_same_story_in_two_feeds_is_one_article(feed_server, hcmc_editor, moderator):
    one = Feed.objects.create(url=f"{feed_server}/rss.xml", owner=hcmc_editor)
    Feed.objects.create(url=f"{feed_server}/rss.xml?copy", owner=moderator)
    assert poll_all_feeds() == 2
    assert Article.objects.count() == 2
    assert set(Article.objects.values_list("feed", flat=True)) == {one.pk}


@pytest.mark.parametrize(
    ("path", "error"),
    [
        ("/evil.xml", "a DTD or entity declaration"),
        ("/html", "neither RSS 2.0 nor Atom"),
        ("/missing.xml", "HTTP 404"),
        ("/big.xml", "larger than 100000 bytes"),
    ],
)
def test_a_bad_feed_is_refused_and_the_error_kept(feed_server, hcmc_editor, settings, path, error):
    settings.KAKEHASHI_NEWS_FEED_MAX_BYTES = 100_000
    feed = Feed.objects.create(url=f"{feed_server}{path}", owner=hcmc_editor)
    assert poll_feed(feed) == 0
    feed.refresh_from_db()
    assert feed.last_error == error
    assert Article.objects.count() == 0


def test_an_unreachable_feed_is_kept_with_its_error(hcmc_editor, settings):
    settings.KAKEHASHI_NEWS_FEED_TIMEOUT = 2
    feed = Feed.objects.create(url="http://127.0.0.1:9/feed.xml", owner=hcmc_editor)
    assert poll_feed(feed) == 0
    feed.refresh_from_db()
    assert feed.last_error == "ConnectionError"


def test_the_worker_task_polls_every_active_feed(feed_server, hcmc_editor):
    Feed.objects.create(url=f"{feed_server}/rss.xml", owner=hcmc_editor)
    Feed.objects.create(url=f"{feed_server}/atom.xml", owner=hcmc_editor, is_active=False)
    poll_feeds.enqueue()  # immediate in tests
    assert Article.objects.count() == 2


def test_the_feeds_page_subscribes_reads_and_removes(feed_server, hcmc_editor, moderator):
    client = client_for(hcmc_editor)
    response = client.post("/news/feeds/", {"url": f"{feed_server}/rss.xml", "language": "vi"})
    assert response.status_code == 302
    feed = Feed.objects.get()
    assert (feed.owner, feed.language) == (hcmc_editor, "vi")
    again = client.post("/news/feeds/", {"url": f"{feed_server}/rss.xml"})
    assert again.status_code == 400
    assert "The desk already reads this feed." in again.content.decode()
    read = client.post(f"/news/feeds/{feed.pk}/read/", follow=True)
    assert "2 new articles from the feed." in read.content.decode()
    assert "Báo TP.HCM" in client.get("/news/feeds/").content.decode()  # the feed's title
    # Only its owner (or a platform administrator) removes it.
    other = client_for(moderator)
    assert other.post(f"/news/feeds/{feed.pk}/remove/").status_code == 302
    assert Feed.objects.count() == 0
    assert Article.objects.count() == 2  # the articles stay


def test_someone_else_cannot_remove_a_feed(hcmc_editor, osaka_editor):
    feed = Feed.objects.create(url="http://127.0.0.1:9/feed.xml", owner=hcmc_editor)
    response = client_for(osaka_editor).post(f"/news/feeds/{feed.pk}/remove/", follow=True)
    assert "Only the person who added the feed can remove it." in response.content.decode()
    assert Feed.objects.count() == 1


def test_a_feed_address_must_be_a_web_address(hcmc_editor):
    response = client_for(hcmc_editor).post("/news/feeds/", {"url": "file:///etc/passwd"})
    assert response.status_code == 400
    assert Feed.objects.count() == 0


DATABASE_QUEUE = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "scheduler"]}


def _waiting_polls():
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path=poll_feeds.module_path
    )


@pytest.mark.django_db
def test_migrate_queues_one_poll_and_each_poll_the_next(settings):
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from kakehashi.news.tasks import ensure_feed_polling_scheduled

    settings.TASKS = {"default": DATABASE_QUEUE}
    settings.KAKEHASHI_NEWS_FEED_MINUTES = 30
    call_command("migrate", verbosity=0)
    call_command("migrate", verbosity=0)
    (queued,) = _waiting_polls()
    assert dt.timedelta(minutes=29) < queued.run_after - timezone.now() <= dt.timedelta(minutes=30)
    assert ensure_feed_polling_scheduled() == queued.run_after  # one waits already


@pytest.mark.django_db
def test_without_the_database_queue_no_poll_is_queued():
    from kakehashi.news.tasks import ensure_feed_polling_scheduled

    assert ensure_feed_polling_scheduled() is None
