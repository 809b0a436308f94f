"""Writes of articles: import one (pasted, uploaded or from a feed) without duplicating it.

An article already on the desk — the same address, the same feed item, or the same text once
case and spacing are set aside — is returned as it is, and nothing is written."""

import hashlib
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language
from kakehashi.common.language import detect_language
from kakehashi.news.errors import NewsError
from kakehashi.news.models import MAX_TEXT_CHARS, Article, ArticleStatus
from kakehashi.news.queries import may_use_desk

_SPACE = re.compile(r"\s+")


def text_hash(text: str) -> str:
    """SHA-256 of the text in NFC, case-folded, with every run of spaces made one space."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def clean_text(text: str) -> str:
    """The text as kept: NFC, Windows line ends made plain, no trailing spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _title_from(text: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if len(first) <= 200 else first[:199].rstrip() + "…"


def existing_article(*, url: str = "", text: str = "", feed=None, feed_guid: str = ""):
    """The article already imported under this address, feed item or text, or None."""
    match = Q(pk__in=[])
    if url:
        match |= Q(url=url)
    if text:
        match |= Q(text_hash=text_hash(text))
    if feed is not None and feed_guid:
        match |= Q(feed=feed, feed_guid=feed_guid)
    return Article.objects.filter(match).order_by("pk").first()


def _check(title: str, text: str, language: str, url: str) -> None:
    if not text.strip():
        raise ValidationError(_("Give the text of the article."), code=NewsError.TEXT_MISSING)
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(
            _("The article is too long: at most %(limit)s characters."),
            code=NewsError.TEXT_TOO_LONG,
            params={"limit": f"{MAX_TEXT_CHARS:,}"},
        )
    if len(title) > 300:
        raise ValidationError(
            _("The title is too long: at most 300 characters."), code=NewsError.TITLE_TOO_LONG
        )
    if language and language not in Language.values:
        raise ValidationError(_("Choose Vietnamese, Japanese or English."), code=NewsError.LANGUAGE)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError(
                _("Give the article's address as a web address (https://…)."),
                code=NewsError.URL_INVALID,
            ) from None
        if len(url) > 500:
            raise ValidationError(_("The address is too long."), code=NewsError.URL_TOO_LONG)


def import_article(
    *,
    text: str,
    title: str = "",
    language: str = "",
    published_on=None,
    url: str = "",
    origin: str,
    by,
    feed=None,
    feed_guid: str = "",
    is_demo: bool = False,
) -> tuple[Article, bool]:
    """The article and whether it is new. A new one is read by the engine in the
    background (news/tasks.py) once the transaction commits. `by` must use the desk; None
    is the platform itself (a feed polled by the worker). `language` empty: detected."""
    if by is not None and not may_use_desk(by):
        raise ValidationError(_("You cannot use the news desk."), code=NewsError.NOT_ALLOWED)
    text, title, url = clean_text(text), title.strip(), url.strip()
    _check(title, text, language, url)
    found = existing_article(url=url, text=text, feed=feed, feed_guid=feed_guid[:500])
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            article = Article.objects.create(
                title=title or _title_from(text),
                text=text,
                language=language or detect_language(text),
                published_on=published_on,
                url=url,
                text_hash=text_hash(text),
                origin=origin,
                feed=feed,
                feed_guid=feed_guid[:500],
                status=ArticleStatus.READING,
                created_by=by if by is not None and by.is_authenticated else None,
                is_demo=is_demo,
            )
    except IntegrityError:  # imported at the same moment by another request
        found = existing_article(url=url, text=text, feed=feed, feed_guid=feed_guid[:500])
        if found is None:
            raise
        return found, False
    transaction.on_commit(lambda: _enqueue_reading(article.pk))
    return article, True


def _enqueue_reading(article_id: int) -> None:
    from kakehashi.news.tasks import read_article

    read_article.enqueue(article_id)
