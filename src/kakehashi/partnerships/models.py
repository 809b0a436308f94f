from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kakehashi.common.dates import DatePrecision, format_partial_date
from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.models import DocumentUpload
from kakehashi.common.translations import TranslationBase, fingerprint, translation_into
from kakehashi.directory.models import Locality, Organisation, Sector

# The priority-partner lists and the delegation visits live in modules of their own;
# imported here, where Django and the rest of the code look for the app's models.
from kakehashi.partnerships.priority_list_models import PriorityList as PriorityList
from kakehashi.partnerships.priority_list_models import (
    PriorityListTranslation as PriorityListTranslation,
)
from kakehashi.partnerships.priority_list_models import PriorityPartner as PriorityPartner
from kakehashi.partnerships.visit_models import DelegationVisit as DelegationVisit
from kakehashi.partnerships.visit_models import (
    DelegationVisitTranslation as DelegationVisitTranslation,
)


class PartnershipKind(models.TextChoices):
    SISTER_CITY = "sister_city", _("Sister or friendship city")
    COOPERATION_MOU = "cooperation_mou", _("MoU on cooperation")
    FIELD_MOU = "field_mou", _("Field-specific MoU")
    COUNCIL = "council", _("Council-to-council agreement")
    ECONOMIC_PROGRAMME = "economic_programme", _("Economic cooperation programme")
    OTHER = "other", _("Other")


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    SUPERSEDED = "superseded", _("Superseded")


class Partnership(models.Model):
    """An agreement (or a standing programme) between two or more parties."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=PartnershipKind.choices)
    type_as_stated = models.CharField(_("type as stated in the source"), max_length=300, blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("fields"))
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
    )
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    language = models.CharField(
        _("language of the text"), max_length=5, choices=Language.choices, default=Language.EN
    )
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    recorded_by = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_partnerships",
        verbose_name=_("recorded by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:detail", args=[self.pk])

    @property
    def signed_display(self) -> str:
        return format_partial_date(self.signed_on, self.signed_precision)

    def translation_into(self, language: str) -> "PartnershipTranslation | None":
        """The record's translation into `language` from the prefetched rows (see
        queries._with_details), or None; None too for the record's own language."""
        return translation_into(self, language, original_language=self.language)

    @property
    def reader_translation(self) -> "PartnershipTranslation | None":
        """The translation into the reader's language, for lists (marked "translated")."""
        return self.translation_into(reader_language())

    @property
    def shown(self):
        """What a list shows of the record's texts: the reader's translation or the record."""
        return self.reader_translation or self


class PartnershipParty(models.Model):
    """One party to a partnership: a locality or an organisation, with its name as signed.

    A party signed as a Vietnamese province that was merged in 2025 points to the former unit,
    which points to today's unit."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    locality = models.ForeignKey(
        Locality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partnership_parties",
        verbose_name=_("locality"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partnership_parties",
        verbose_name=_("organisation"),
    )
    name_as_signed = models.CharField(_("name as signed"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.CheckConstraint(
                condition=Q(locality__isnull=False) | Q(organisation__isnull=False),
                name="party_is_locality_or_organisation",
            )
        ]

    def __str__(self):
        return self.name_as_signed

    @property
    def place(self) -> Locality | None:
        """The locality the party stands for: its own, or its organisation's."""
        if self.locality_id:
            return self.locality
        return self.organisation.locality if self.organisation_id else None

    @property
    def shown_name(self) -> str:
        """The party's name for the reader: an organisation's name in the reader's language;
        a locality's name in the reader's language when the document names it by one of its
        own names ("Osaka Prefecture" is 大阪府 to a Japanese reader); otherwise the name as
        signed, which says more than the place (a prefectural assembly, a city hall)."""
        if self.organisation_id:
            return self.organisation.display_name
        place = self.place
        if place is not None:
            own_names = (place.name_en, place.name_local, place.name_vi, place.name_ja)
            if self.name_as_signed.casefold() in {name.casefold() for name in own_names if name}:
                return place.name
        return self.name_as_signed

    @property
    def current_place(self) -> Locality | None:
        """Today's unit for the party's locality (a merged province's successor)."""
        place = self.place
        if place is not None and not place.is_current and place.successor_id:
            return place.successor
        return place


class Renewal(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="renewals")
    renewed_on = models.DateField(_("date"))
    precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["renewed_on"]
        verbose_name = _("renewal or new document")
        verbose_name_plural = _("renewals and new documents")

    def __str__(self):
        return self.date_display

    @property
    def date_display(self) -> str:
        return format_partial_date(self.renewed_on, self.precision)

    def note_in(self, translation: "PartnershipTranslation | None") -> str:
        """The note as the translation words it (when it does), otherwise as written."""
        if translation is None or not self.note:
            return self.note
        return translation.renewal_notes.get(self.note) or self.note

    @property
    def shown_note(self) -> str:
        """The note in the reader's language when the record's translation has it."""
        return self.note_in(self.partnership.reader_translation)


class PartnershipTranslation(TranslationBase):
    """A partnership record's title, summary, type as stated and renewal notes in a language
    other than its own. Renewals are written anew on each edit of the record, so their
    notes' translations are kept here, keyed by the note as written: an unchanged note keeps
    its translation, a changed one shows as written until someone translates it."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="translations"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    type_as_stated = models.CharField(_("type as stated in the source"), max_length=300, blank=True)
    renewal_notes = models.JSONField(_("renewal notes"), default=dict, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            *TranslationBase.Meta.constraints,
            models.UniqueConstraint(
                fields=["partnership", "language"],
                name="partnership_translation_one_per_language",
            ),
            models.CheckConstraint(
                condition=~Q(title=""), name="partnership_translation_title_not_empty"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


def renewal_notes_of(partnership: Partnership) -> list[str]:
    """The distinct renewal notes of the record, in date order: what a translation words."""
    notes = (renewal.note for renewal in partnership.renewals.all())
    return list(dict.fromkeys(note for note in notes if note))


def original_fingerprint(partnership: Partnership) -> str:
    """The fingerprint of the record's own texts (see common/translations.py)."""
    return fingerprint(
        partnership.title,
        partnership.summary,
        partnership.type_as_stated,
        *renewal_notes_of(partnership),
    )


class Source(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(_("URL"), max_length=500)
    title = models.CharField(_("title"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title or self.url


def document_path(instance, filename):
    return f"partnerships/{instance.partnership_id}/{filename}"


class Document(DocumentUpload):
    """An uploaded copy of an agreement: a PDF or an image, checked by its content."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to=document_path)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
