"""The news desk: articles (pasted, uploaded or read from a feed), the facts the engine read
in them, one suggestion per registry change, and the feeds polled for new articles."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.i18n import Language

MAX_TEXT_CHARS = 100_000


class Feed(models.Model):
    """An RSS 2.0 or Atom feed whose new items become articles."""

    url = models.URLField(_("address of the feed"), max_length=500, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    # Blank: the language of each item is detected.
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="news_feeds",
        verbose_name=_("owner"),
    )
    is_active = models.BooleanField(_("polled"), default=True)
    last_polled_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "url"]
        verbose_name = _("news feed")
        verbose_name_plural = _("news feeds")

    def __str__(self):
        return self.title or self.url


class ArticleOrigin(models.TextChoices):
    PASTED = "pasted", pgettext_lazy("article origin", "Pasted")
    UPLOADED = "uploaded", pgettext_lazy("article origin", "Uploaded")
    FEED = "feed", _("From a feed")


class ArticleStatus(models.TextChoices):
    READING = "reading", _("Being read")
    READY = "ready", _("Read")
    FAILED = "failed", _("Could not be read")


class Article(models.Model):
    """A news article as imported: its text and language are kept, with the facts document
    the engine read in it (docs/news-format.md)."""

    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), max_length=MAX_TEXT_CHARS)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    url = models.URLField(_("address of the article"), max_length=500, blank=True)
    # SHA-256 of the text with its case and spacing normalised: the same article imported
    # twice (pasted again, or from two feeds) is found by it.
    text_hash = models.CharField(max_length=64, editable=False)
    origin = models.CharField(_("origin"), max_length=10, choices=ArticleOrigin.choices)
    feed = models.ForeignKey(
        Feed, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    feed_guid = models.CharField(max_length=500, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ArticleStatus.choices, default=ArticleStatus.READING
    )
    facts = models.JSONField(null=True, blank=True, editable=False)
    reading_error = models.CharField(max_length=500, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        constraints = [
            models.UniqueConstraint(fields=["text_hash"], name="news_article_text_unique"),
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="news_article_url_unique"
            ),
            models.UniqueConstraint(
                fields=["feed", "feed_guid"],
                condition=~Q(feed_guid=""),
                name="news_article_feed_item_unique",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article", args=[self.pk])


class SuggestionKind(models.TextChoices):
    VISIT = "visit", _("Delegation visit")
    AGREEMENT = "agreement", _("Agreement")
    PRIORITY_PARTNERS = "priority_partners", _("Priority partners")
    EVENT = "event", _("Event")
    PERSON = "person", _("Person")


class SuggestionStatus(models.TextChoices):
    NEW = "new", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Suggestion(models.Model):
    """One change to the registry that a fact of the article suggests. Nothing is written
    until a person accepts it; the record it produced is kept."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    position = models.PositiveSmallIntegerField()  # the fact's index in article.facts
    kind = models.CharField(_("kind"), max_length=20, choices=SuggestionKind.choices)
    fact = models.JSONField()
    evidence = models.TextField(_("evidence"), blank=True)
    confidence = models.FloatField(_("confidence"), default=0.0)
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.NEW
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # The record that accepting wrote or changed (a visit, a partnership, a list, a person).
    record_model = models.CharField(max_length=100, blank=True)
    record_id = models.PositiveBigIntegerField(null=True, blank=True)
    record_label = models.CharField(max_length=300, blank=True)
    record_url = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="news_suggestion_one_per_fact"
            ),
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(record_id__isnull=False),
                name="news_accepted_suggestion_has_record",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reason=""),
                name="news_rejected_suggestion_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.article_id}/{self.position})"
