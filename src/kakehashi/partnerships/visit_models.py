"""Delegation visits between localities (imported into models.py, where Django and the rest
of the code find them), with their translations (common/translations.py): a visit keeps its
texts in the language they were written in (`language`), and may carry a translation of them
into each of the other languages."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.translations import TranslationBase, fingerprint, translation_into
from kakehashi.directory.models import Locality


class DelegationVisit(models.Model):
    """A delegation from one locality (or organisation) visiting another."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visits",
    )
    # A delegation from a locality, or from a body that is none (a ministry, an embassy):
    # then its name as written.
    visitor = models.ForeignKey(
        Locality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits_made",
        verbose_name=_("visitor"),
    )
    visitor_name = models.CharField(_("visiting body"), max_length=200, blank=True)
    host = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="visits_hosted", verbose_name=_("host")
    )
    delegation_lead = models.CharField(_("led by"), max_length=200, blank=True)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True)
    purpose = models.TextField(_("purpose"), max_length=2000)
    outcome = models.TextField(_("outcome"), blank=True, max_length=2000)
    # The language the visit's texts (the body, who led it, the purpose and the outcome) are
    # written in; translations into the others are rows of DelegationVisitTranslation.
    language = models.CharField(
        _("language of the text"), max_length=5, choices=Language.choices, default=Language.EN
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_title = models.CharField(_("title of the source"), max_length=300, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started_on"]
        verbose_name = _("delegation visit")
        verbose_name_plural = _("delegation visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="visit_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(visitor__isnull=False) | ~Q(visitor_name=""),
                name="visit_has_visitor",
            ),
        ]

    def __str__(self):
        return f"{self.visitor_display} → {self.host} ({self.started_on})"

    def get_absolute_url(self) -> str:
        """Where the visit is shown: on its agreement's page, else on the host's timeline."""
        if self.partnership_id:
            return f"{reverse('partnerships:detail', args=[self.partnership_id])}#visit-{self.pk}"
        return f"{self.host.get_absolute_url()}#timeline"

    @property
    def visitor_display(self) -> str:
        """The visiting locality's name in the reader's language, or the body as written (or
        as translated into the reader's language)."""
        return self.shown.visitor

    def translation_into(self, language: str) -> "DelegationVisitTranslation | None":
        return translation_into(self, language, original_language=self.language)

    @property
    def shown(self):
        """What a page shows of the visit's texts: the reader's translation of a text when
        it has one, else the text as written (`.language` says which, per text)."""
        return VisitTexts(self, self.translation_into(reader_language()))


class VisitTexts:
    """A visit's texts for the reader: each from the translation when it words it, else as
    written; `<text>_language` is the language of the text shown (for the `lang`
    attribute)."""

    TEXTS = ("visitor_name", "delegation_lead", "purpose", "outcome")

    def __init__(self, visit: "DelegationVisit", translation):
        for name in self.TEXTS:
            translated = getattr(translation, name, "") if translation is not None else ""
            if translated and getattr(visit, name):
                text, language = translated, translation.language
            else:
                text, language = getattr(visit, name), visit.language
            setattr(self, name, text)
            setattr(self, f"{name}_language", language)
        # The visiting locality's name in the reader's language, or the body.
        self.visitor = visit.visitor.name if visit.visitor_id else self.visitor_name


class DelegationVisitTranslation(TranslationBase):
    """A delegation visit's texts in a language other than its own: the visiting body (when
    it is no locality), who led it, the purpose and the outcome. A text left empty is shown
    as written."""

    visit = models.ForeignKey(
        DelegationVisit, on_delete=models.CASCADE, related_name="translations"
    )
    visitor_name = models.CharField(_("visiting body"), max_length=200, blank=True)
    delegation_lead = models.CharField(_("led by"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose"), max_length=2000)
    outcome = models.TextField(_("outcome"), blank=True, max_length=2000)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["visit", "language"], name="visit_translation_one_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.purpose[:40]} ({self.language})"


def visit_fingerprint(visit: DelegationVisit) -> str:
    return fingerprint(visit.visitor_name, visit.delegation_lead, visit.purpose, visit.outcome)
