"""Translations of what organisers write about an event, stored as rows (see
common/translations.py): a session's title, and the event's description (the event's name
has a column per language already)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.common.translations import TranslationBase
from kakehashi.events.models.event import Event, Session


class SessionTranslation(TranslationBase):
    """A session's title in a language other than its own (`Session.language`)."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation of a session")
        verbose_name_plural = _("translations of sessions")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["session", "language"], name="session_translation_one_per_language"
            ),
            models.CheckConstraint(
                condition=~Q(title=""), name="session_translation_title_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class EventTranslation(TranslationBase):
    """An event's description in a language other than its own (`Event.language`)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="translations")
    description = models.TextField(_("description"), max_length=8000)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation of an event")
        verbose_name_plural = _("translations of events")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["event", "language"], name="event_translation_one_per_language"
            ),
            models.CheckConstraint(
                condition=~Q(description=""), name="event_translation_description_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.event_id} ({self.language})"
