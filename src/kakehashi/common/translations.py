"""Translations of content, stored as rows: a record keeps the text in the language its author
wrote it in, and may carry a translation into each of the other two languages, one row per
language, saying who made it and when.

`TranslationBase` is the abstract part every content type shares; each app adds a concrete
model with a foreign key to its record and the translated text fields (proposals:
`ProposalTranslation`). `made_from` holds a fingerprint of the original's text at the time of
the translation, so that a machine draft made from an older text can be told apart and redone.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language


class TranslationSource(models.TextChoices):
    AUTHOR = "author", _("the author")
    COLLEAGUE = "colleague", _("a colleague of the author")
    MODERATOR = "moderator", _("a moderator")
    MACHINE = "machine", _("machine translation")


HUMAN_SOURCES = (TranslationSource.AUTHOR, TranslationSource.COLLEAGUE, TranslationSource.MODERATOR)


def fingerprint(*texts: str) -> str:
    """A short digest of the original's texts, to tell whether a translation is of them."""
    digest = hashlib.sha256("\x1f".join(texts).encode()).hexdigest()
    return digest[:32]


class TranslationBase(models.Model):
    language = models.CharField(_("language"), max_length=5, choices=Language.choices)
    source = models.CharField(_("translated by"), max_length=10, choices=TranslationSource.choices)
    # Empty for a machine translation (and once the person's account is deleted).
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("translator"),
    )
    made_from = models.CharField(max_length=32, blank=True, editable=False)
    made_at = models.DateTimeField(_("translated at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(language__in=Language.values),
                name="%(app_label)s_%(class)s_language_valid",
            ),
            models.CheckConstraint(
                condition=Q(source__in=TranslationSource.values),
                name="%(app_label)s_%(class)s_source_valid",
            ),
            models.CheckConstraint(
                condition=~Q(source=TranslationSource.MACHINE) | Q(made_by__isnull=True),
                name="%(app_label)s_%(class)s_machine_has_no_person",
            ),
        ]

    @property
    def is_machine(self) -> bool:
        return self.source == TranslationSource.MACHINE

    @property
    def is_human(self) -> bool:
        return self.source != TranslationSource.MACHINE


def translation_into(record, language: str, *, original_language: str | None):
    """The row of `record.translations` in `language`, or None (None too for the record's
    own language; None as `original_language` when its texts have several, as an
    obstacle's title and summary). Reads the rows prefetched with the record when there are
    (`prefetch_related("translations")`: a list costs one query, not one per record), and
    asks the database otherwise."""
    if language == original_language:
        return None
    for row in record.translations.all():
        if row.language == language:
            return row
    return None
