"""RSS 2.0 and Atom feeds: subscribing, and reading them for new articles.

A feed is fetched with `requests` (a timeout, a size cap) and parsed with the standard
library's ElementTree; a document with a DTD or entity declarations is refused before
parsing (no entity expansion, no external references). Each item with text becomes an
article unless the desk already has it (same link, same guid, or same text)."""

import datetime as dt
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.directory.queries import is_platform_admin
from kakehashi.news.errors import NewsError
from kakehashi.news.importing import import_article
from kakehashi.news.models import ArticleOrigin, Feed
from kakehashi.news.queries import may_use_desk
from kakehashi.news.uploads import html_to_text

logger = logging.getLogger(__name__)

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


class FeedError(Exception):
    """A feed that cannot be fetched or read; the message is kept on the feed."""


@dataclass
class FeedItem:
    title: str
    link: str
    guid: str
    published: dt.date | None
    text: str


def fetch(url: str) -> bytes:
    """The feed's bytes, at most KAKEHASHI_NEWS_FEED_MAX_BYTES."""
    limit = settings.KAKEHASHI_NEWS_FEED_MAX_BYTES
    try:
        with requests.get(
            url,
            timeout=settings.KAKEHASHI_NEWS_FEED_TIMEOUT,
            stream=True,
            headers={"User-Agent": "Kakehashi news desk", "Accept": "application/xml, */*"},
        ) as response:
            if response.status_code != 200:
                raise FeedError(f"HTTP {response.status_code}")
            content = b""
            for chunk in response.iter_content(64 * 1024):
                content += chunk
                if len(content) > limit:
                    raise FeedError(f"larger than {limit} bytes")
            return content
    except requests.RequestException as error:
        raise FeedError(type(error).__name__) from error


def _text(element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def _date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _plain(html: str) -> str:
    return html_to_text(html)[0] if "<" in html else " ".join(html.split())


def parse(content: bytes) -> tuple[str, list[FeedItem]]:
    """The title and the items of an RSS 2.0 or Atom document."""
    head = content[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in content.upper():
        raise FeedError("a DTD or entity declaration")
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise FeedError(f"not XML: {error}") from None
    items = []
    if root.tag == "rss":
        title = _text(root, "channel/title")
        for item in root.iter("item"):
            items.append(
                FeedItem(
                    title=_text(item, "title"),
                    link=_text(item, "link"),
                    guid=_text(item, "guid"),
                    published=_date(_text(item, "pubDate")),
                    text=_plain(_text(item, CONTENT) or _text(item, "description")),
                )
            )
    elif root.tag == f"{ATOM}feed":
        title = _text(root, f"{ATOM}title")
        for entry in root.iter(f"{ATOM}entry"):
            links = entry.findall(f"{ATOM}link")
            link = next(
                (x.get("href", "") for x in links if x.get("rel", "alternate") == "alternate"), ""
            )
            items.append(
                FeedItem(
                    title=_text(entry, f"{ATOM}title"),
                    link=link,
                    guid=_text(entry, f"{ATOM}id"),
                    published=_date(
                        _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
                    ),
                    text=_plain(_text(entry, f"{ATOM}content") or _text(entry, f"{ATOM}summary")),
                )
            )
    else:
        raise FeedError("neither RSS 2.0 nor Atom")
    return title, items


def poll_feed(feed: Feed) -> int:
    """Read the feed and import its new items; the number of articles added. A failure is
    kept on the feed (last_error), never raised."""
    added, error, title = 0, "", feed.title
    try:
        title, items = parse(fetch(feed.url))
        for item in items:
            if not item.text.strip():
                continue
            try:
                _article, created = import_article(
                    text=item.text,
                    title=item.title[:300],
                    language=feed.language,
                    published_on=item.published,
                    url=item.link if item.link.startswith(("http://", "https://")) else "",
                    origin=ArticleOrigin.FEED,
                    by=None,
                    feed=feed,
                    feed_guid=item.guid or item.link,
                )
            except ValidationError as refused:  # one bad item does not stop the others
                logger.info("Feed %s: item %r refused: %s", feed.pk, item.link, refused)
                continue
            added += created
    except FeedError as failure:
        error = str(failure)[:500]
        logger.warning("Feed %s could not be read: %s", feed.pk, error)
    Feed.objects.filter(pk=feed.pk).update(
        last_polled_at=timezone.now(), last_error=error, title=(feed.title or title)[:300]
    )
    return added


def poll_all_feeds() -> int:
    return sum(poll_feed(feed) for feed in Feed.objects.filter(is_active=True).order_by("pk"))


@transaction.atomic
def subscribe(*, url: str, language: str = "", by) -> Feed:
    """Subscribe the desk to a feed; its items are read at the next poll."""
    if not may_use_desk(by):
        raise ValidationError(_("You cannot use the news desk."), code=NewsError.NOT_ALLOWED)
    if Feed.objects.filter(url=url).exists():
        raise ValidationError(_("The desk already reads this feed."), code=NewsError.FEED_EXISTS)
    return Feed.objects.create(url=url, language=language, owner=by)


@transaction.atomic
def unsubscribe(*, feed: Feed, by) -> None:
    """Stop reading a feed (its articles stay). By its owner or a platform administrator."""
    if feed.owner_id != by.pk and not is_platform_admin(by):
        raise ValidationError(
            _("Only the person who added the feed can remove it."), code=NewsError.NOT_OWNER
        )
    feed.delete()
