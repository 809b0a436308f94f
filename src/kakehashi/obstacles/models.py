"""The obstacle tracker: difficulties that businesses and localities raise, routed by rules
to a responsible authority (a directory organisation), worked on and closed with a reason."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.models import DocumentUpload
from kakehashi.common.translations import TranslationBase, translation_into
from kakehashi.directory.models import Country, Locality, Organisation


class Category(models.TextChoices):
    LICENCES = "licences", _("Licences and procedures")
    LAND = "land", _("Land and site")
    CUSTOMS = "customs", _("Customs and trade")
    TAX = "tax", _("Tax")
    LABOUR = "labour", _("Labour and visas")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")
    OTHER = "other", _("Other")


ANY_CATEGORY = "any"
RULE_CATEGORIES = [(ANY_CATEGORY, _("Any category")), *Category.choices]


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("obstacle status", "Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")
    UNRESOLVABLE = "unresolvable", _("Cannot be resolved")


OPEN_STATUSES = (Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS)
CLOSED_STATUSES = (Status.RESOLVED, Status.UNRESOLVABLE)


class RoutingRule(models.Model):
    """Obstacles of this locality (and the former units merged into it) and category go to
    this authority, with this many days to answer. A rule without a locality covers its
    whole country; for a Japanese city without a rule of its own, its prefecture's rule
    applies. The most specific rule wins (see queries.rule_for)."""

    locality = models.ForeignKey(
        Locality,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("locality"),
        help_text=_("Leave empty for a rule that covers the whole country."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    category = models.CharField(
        _("category"), max_length=20, choices=RULE_CATEGORIES, default=ANY_CATEGORY
    )
    authority = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="obstacle_rules",
        verbose_name=_("responsible authority"),
    )
    deadline_days = models.PositiveSmallIntegerField(_("days to answer"), default=30)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country", "locality__name_en", "category"]
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        constraints = [
            models.UniqueConstraint(
                fields=["locality", "category"],
                condition=Q(locality__isnull=False),
                name="obstacle_rule_locality_category_unique",
            ),
            models.UniqueConstraint(
                fields=["country", "category"],
                condition=Q(locality__isnull=True),
                name="obstacle_rule_country_category_unique",
            ),
            models.CheckConstraint(
                condition=Q(deadline_days__gte=1) & Q(deadline_days__lte=365),
                name="obstacle_rule_deadline_range",
            ),
        ]

    def __str__(self):
        place = self.locality.name if self.locality_id else self.get_country_display()
        return f"{place} · {self.get_category_display()} → {self.authority}"


class Obstacle(models.Model):
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="obstacles_reported",
        verbose_name=_("reported by"),
    )
    reporter_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="obstacles_reported",
        verbose_name=_("on behalf of"),
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    locality = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="+", verbose_name=_("locality")
    )
    proposal = models.ForeignKey(
        "proposals.Proposal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("related proposal"),
    )
    project = models.CharField(_("related project"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=6000)
    language = models.CharField(
        _("language of the text"), max_length=5, choices=Language.choices, default=Language.EN
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.RECEIVED
    )
    authority = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="obstacles_received",
        verbose_name=_("responsible authority"),
        help_text=_("Empty: no rule matched; the platform administrators route it."),
    )
    rule = models.ForeignKey(
        RoutingRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="obstacles_owned",
        verbose_name=_("owner"),
    )
    deadline = models.DateField(_("deadline"))
    resolution_reason = models.TextField(_("resolution or reason"), max_length=4000, blank=True)
    public_summary = models.TextField(_("public summary"), max_length=2000, blank=True)
    # The authority writes the summary, often in another language than the reporter's text.
    summary_language = models.CharField(
        _("language of the public summary"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
    )
    is_public = models.BooleanField(_("summary is public"), default=False)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(_("filed"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("obstacle")
        verbose_name_plural = _("obstacles")
        indexes = [models.Index(fields=["authority", "status", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=CLOSED_STATUSES) | ~Q(resolution_reason=""),
                name="obstacle_closed_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(is_public=False)
                | (Q(status__in=CLOSED_STATUSES) & ~Q(public_summary="")),
                name="obstacle_public_needs_closed_summary",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("obstacles:detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def translation_into(self, language: str) -> "ObstacleTranslation | None":
        """The translation into `language` from the prefetched rows (queries.with_related),
        or None."""
        return translation_into(self, language, original_language=None)

    @property
    def reader_translation(self) -> "ObstacleTranslation | None":
        return self.translation_into(reader_language())

    @property
    def shown_title(self) -> str:
        """The title in the reader's language when a translation has it (for lists)."""
        row = self.reader_translation
        return (row.title if row is not None else "") or self.title

    @property
    def shown_summary(self) -> str:
        row = self.reader_translation
        return (row.public_summary if row is not None else "") or self.public_summary

    @property
    def shows_translation(self) -> bool:
        """Whether a list shows a translated title or summary (it then says so)."""
        row = self.reader_translation
        return row is not None and bool(row.title or (row.public_summary and self.public_summary))

    def is_overdue(self, today=None) -> bool:
        return self.is_open and self.deadline < (today or timezone.localdate())

    @property
    def progress_steps(self) -> list[tuple[str, str, bool]]:
        """(status, label, reached) for the progress bar shown to the reporter."""
        order = [Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS]
        final = self.status if self.status in CLOSED_STATUSES else Status.RESOLVED
        steps = [*order, Status(final)]
        reached = steps.index(self.status) if self.status in steps else 0
        return [(s.value, s.label, i <= reached) for i, s in enumerate(steps)]


class ObstacleTranslation(TranslationBase):
    """An obstacle's public texts in another language: its title (written by the reporter,
    in `Obstacle.language`) and its public summary (written by the authority, in
    `Obstacle.summary_language`). One row per language; a text already in that language
    stays empty in the row."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200, blank=True)
    public_summary = models.TextField(_("public summary"), max_length=2000, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["obstacle", "language"], name="obstacle_translation_one_per_language"
            ),
            models.CheckConstraint(
                condition=~Q(title="") | ~Q(public_summary=""),
                name="obstacle_translation_not_empty",
            ),
        ]

    def __str__(self):
        return f"{self.title or self.public_summary[:60]} ({self.language})"


class Comment(models.Model):
    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.body[:60]


def attachment_path(instance, filename):
    return f"obstacles/{instance.obstacle_id}/{filename}"


class Attachment(DocumentUpload):
    """A PDF or image, checked by its content, served by a view that checks who may see the
    obstacle's details."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
