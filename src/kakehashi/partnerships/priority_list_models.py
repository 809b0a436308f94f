"""A locality's priority-partner lists, their entries and their translations (imported into
models.py, where Django and the rest of the code find them).

A list keeps its title and its entries' notes in the language they were written in, and may
carry a translation into each of the other languages (common/translations.py): the title, and
the notes keyed by the note as written, as a partnership record's renewal notes are (the same
note, "One of 12 priority localities", is most often written on every entry)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.translations import TranslationBase, fingerprint, translation_into
from kakehashi.directory.models import Locality


class PriorityList(models.Model):
    """A locality's list of priority partners for a period, e.g. 2021–2025."""

    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="priority_lists")
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the text"), max_length=5, choices=Language.choices, default=Language.EN
    )
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_title = models.CharField(_("title of the source"), max_length=300, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo record"), default=False)

    class Meta:
        ordering = ["-period_end"]
        verbose_name = _("priority-partner list")
        verbose_name_plural = _("priority-partner lists")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="priority_list_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(language__in=Language.values), name="priority_list_language_valid"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.period_start}–{self.period_end})"

    def get_absolute_url(self):
        return self.locality.get_absolute_url() + f"#priority-list-{self.pk}"

    def translation_into(self, language: str) -> "PriorityListTranslation | None":
        """The list's translation into `language` from the prefetched rows, or None; None
        too for the list's own language."""
        return translation_into(self, language, original_language=self.language)

    @property
    def reader_translation(self) -> "PriorityListTranslation | None":
        return self.translation_into(reader_language())

    @property
    def shown(self):
        """What a page shows of the list's title: the reader's translation or the list."""
        return self.reader_translation or self


class PriorityPartner(models.Model):
    priority_list = models.ForeignKey(
        PriorityList, on_delete=models.CASCADE, related_name="entries"
    )
    partner = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("priority partner")
        verbose_name_plural = _("priority partners")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority_list", "partner"], name="priority_partner_unique"
            )
        ]

    def __str__(self):
        return str(self.partner)

    @property
    def shown_note(self) -> str:
        """The note in the reader's language when the list's translation words it."""
        translation = self.priority_list.reader_translation
        if translation is None or not self.note:
            return self.note
        return translation.notes.get(self.note) or self.note


class PriorityListTranslation(TranslationBase):
    """A priority-partner list's title and its entries' notes in a language other than its
    own; `notes` maps each note as written to its translation (a note left out is shown as
    written)."""

    priority_list = models.ForeignKey(
        PriorityList, on_delete=models.CASCADE, related_name="translations"
    )
    title = models.CharField(_("title"), max_length=200)
    notes = models.JSONField(_("notes"), default=dict, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["priority_list", "language"],
                name="priority_list_translation_one_per_language",
            ),
            models.CheckConstraint(
                condition=~Q(title=""), name="priority_list_translation_title_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


def priority_notes_of(priority_list: PriorityList) -> list[str]:
    """The distinct notes of the list's entries, in order: what a translation words."""
    notes = (entry.note for entry in priority_list.entries.all())
    return list(dict.fromkeys(note for note in notes if note))


def priority_list_fingerprint(priority_list: PriorityList) -> str:
    """The fingerprint of the list's own texts (see common/translations.py)."""
    return fingerprint(priority_list.title, *priority_notes_of(priority_list))
