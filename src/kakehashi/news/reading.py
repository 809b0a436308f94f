"""Reading an article: the engine's facts document, stored on the article with one
suggestion per registry change it proposes. The engine is called in one place only
(`extract_facts`)."""

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.news.errors import NewsError
from kakehashi.news.models import (
    Article,
    ArticleStatus,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)

logger = logging.getLogger(__name__)

FORMAT = "kakehashi-news/1"
# Facts that suggest a change to the registry; the others (counts, proposals, milestones)
# are shown beside the text for information.
SUGGESTED = {kind.value for kind in SuggestionKind}
KNOWN_TYPES = SUGGESTED | {"partnership_count", "proposal", "milestone"}


def extract_facts(text: str, *, language: str | None, published: dt.date | None) -> dict:
    """The engine's facts document for `text` (docs/news-format.md)."""
    from kakehashi.news.engine import extract

    return extract(text, language=language, published=published)


def fact_kind(fact: dict) -> str:
    """The fact's type. An agreement's own "type" field (MoU, sister cities) shares the
    name of the fact's type; a fact with parties and an unknown type is an agreement."""
    kind = fact.get("type")
    if kind not in KNOWN_TYPES and isinstance(fact.get("parties"), list):
        return "agreement"
    return kind


def _check_document(document) -> list[dict]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(_("The facts are not in the expected format."), code=NewsError.FORMAT)
    facts, mentions = document.get("facts"), document.get("mentions", [])
    if not isinstance(facts, list) or not isinstance(mentions, list):
        raise ValidationError(_("The facts are not in the expected format."), code=NewsError.FORMAT)
    if not all(isinstance(fact, dict) and isinstance(fact.get("type"), str) for fact in facts):
        raise ValidationError(_("The facts are not in the expected format."), code=NewsError.FORMAT)
    return facts


def _confidence(fact: dict) -> float:
    try:
        return max(0.0, min(1.0, float(fact.get("confidence") or 0.0)))
    except (TypeError, ValueError):
        return 0.0


@transaction.atomic
def store_facts(*, article: Article, document: dict) -> list[Suggestion]:
    """Keep the facts document on the article and write one suggestion per fact that
    proposes a registry change. Suggestions already decided stay as they are; those still
    waiting are replaced. Marks the article read."""
    facts = _check_document(document)
    article = Article.objects.select_for_update().get(pk=article.pk)
    decided = set(
        article.suggestions.exclude(status=SuggestionStatus.NEW).values_list("position", flat=True)
    )
    article.suggestions.filter(status=SuggestionStatus.NEW).delete()
    created = Suggestion.objects.bulk_create(
        Suggestion(
            article=article,
            position=position,
            kind=fact_kind(fact),
            fact=fact,
            evidence=str(fact.get("evidence") or "")[:4000],
            confidence=_confidence(fact),
        )
        for position, fact in enumerate(facts)
        if fact_kind(fact) in SUGGESTED and position not in decided
    )
    article.facts = document
    article.status = ArticleStatus.READY
    article.reading_error = ""
    article.read_at = timezone.now()
    article.save(update_fields=["facts", "status", "reading_error", "read_at"])
    return created


@transaction.atomic
def read_again(*, article: Article, by) -> Article:
    """Queue the article to be read again (after the engine failed on it, or was updated):
    suggestions already decided stay, those waiting are replaced."""
    from kakehashi.news.queries import may_use_desk
    from kakehashi.news.tasks import read_article

    if not may_use_desk(by):
        raise ValidationError(_("You cannot use the news desk."), code=NewsError.NOT_ALLOWED)
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.READING, reading_error="")
    transaction.on_commit(lambda: read_article.enqueue(article.pk))
    article.refresh_from_db()
    return article


def read_and_store(*, article: Article) -> None:
    """Run the engine on the article and store what it found; a failure is kept on the
    article (and logged) so that the page can say so."""
    try:
        document = extract_facts(
            article.text, language=article.language or None, published=article.published_on
        )
        store_facts(article=article, document=document)
    except Exception as error:  # the engine's failure must not lose the article
        logger.exception("Reading article %s failed", article.pk)
        Article.objects.filter(pk=article.pk).update(
            status=ArticleStatus.FAILED, reading_error=f"{type(error).__name__}: {error}"[:500]
        )
