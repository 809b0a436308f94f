from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.i18n import Language
from kakehashi.common.models import DocumentUpload
from kakehashi.directory.models import Locality, Organisation, Sector


class ProposalKind(models.TextChoices):
    BUSINESS_OFFER = "business_offer", _("Business offer")
    BUSINESS_REQUEST = "business_request", _("Business request")
    TECHNOLOGY_OFFER = "technology_offer", _("Technology offer")
    TECHNOLOGY_REQUEST = "technology_request", _("Technology request")
    INVESTMENT_PROJECT = "investment_project", _("Investment project")
    EXPORT_PRODUCT = "export_product", _("Export product")
    COOPERATION_PROGRAMME = "cooperation_programme", _("Cooperation programme")
    RESEARCH_COOPERATION = "research_cooperation", _("Research cooperation")


OFFER_KINDS = {ProposalKind.BUSINESS_OFFER, ProposalKind.TECHNOLOGY_OFFER}
REQUEST_KINDS = {ProposalKind.BUSINESS_REQUEST, ProposalKind.TECHNOLOGY_REQUEST}

# Columns of Proposal that only some kinds use (forms show them for those kinds only).
KIND_FIELDS = {
    "advantages": OFFER_KINDS | {ProposalKind.EXPORT_PRODUCT},
    "sought": REQUEST_KINDS
    | {ProposalKind.RESEARCH_COOPERATION, ProposalKind.COOPERATION_PROGRAMME},
    "partner_role": REQUEST_KINDS
    | {ProposalKind.RESEARCH_COOPERATION, ProposalKind.COOPERATION_PROGRAMME},
    "stage": {ProposalKind.TECHNOLOGY_OFFER},
    "programme_area": {ProposalKind.COOPERATION_PROGRAMME},
}


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", pgettext_lazy("proposal", "Published")
    REJECTED = "rejected", _("Rejected")
    EXPIRED = "expired", pgettext_lazy("proposal", "Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ARCHIVED = "archived", _("Archived")


class PartnershipType(models.TextChoices):
    COMMERCIAL = "commercial", _("Commercial agreement")
    INVESTMENT = "investment", _("Investment or joint venture")
    SUPPLIER = "supplier", _("Supplier or outsourcing")
    LICENCE = "licence", _("Licence or technology transfer")
    RESEARCH = "research", _("Research and development cooperation")
    TRAINING = "training", _("Training or exchange")


class TechnologyStage(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    DEVELOPMENT = "development", _("Under development")
    PROTOTYPE = "prototype", _("Prototype tested in the laboratory")
    FIELD_TESTED = "field_tested", _("Tested in real conditions")
    MARKET = "market", _("Available on the market")


class ProgrammeArea(models.TextChoices):
    TRAINING = "training", _("Training")
    HUMAN_RESOURCES = "human_resources", _("Human resources")
    EDUCATION = "education", _("Education")
    CULTURE = "culture", _("Culture")


class Proposal(models.Model):
    """An offer, request, investment project, export product or programme published by an
    organisation, moderated before it is public."""

    kind = models.CharField(_("kind"), max_length=30, choices=ProposalKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    advantages = models.TextField(_("advantages and innovation"), max_length=2000, blank=True)
    sought = models.TextField(_("what is sought"), max_length=2000, blank=True)
    partner_role = models.TextField(_("the partner's expected role"), max_length=2000, blank=True)
    stage = models.CharField(
        _("stage of development"), max_length=20, choices=TechnologyStage.choices, blank=True
    )
    programme_area = models.CharField(
        _("area of the programme"), max_length=20, choices=ProgrammeArea.choices, blank=True
    )
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, verbose_name=_("sectors"))
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("proposing organisation"),
    )
    locality = models.ForeignKey(
        Locality,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("locality"),
    )
    target_localities = models.ManyToManyField(
        Locality,
        blank=True,
        related_name="targeted_by_proposals",
        verbose_name=_("target localities"),
    )
    language = models.CharField(
        _("language of the text"), max_length=5, choices=Language.choices, default=Language.EN
    )
    language_confirmed = models.BooleanField(_("language confirmed by the author"), default=False)
    is_anonymous = models.BooleanField(_("anonymous until contact is accepted"), default=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejection_reason = models.TextField(_("reason for rejection"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_on", "-created_at", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [
            models.Index(fields=["status", "kind"]),
            models.Index(fields=["expires_on"]),
            # The lists: the published ones in `ordering`, read in index order (first page
            # without sorting the whole table).
            models.Index(
                fields=["status", "-published_on", "-created_at", "-id"],
                name="proposal_status_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ProposalKind.values), name="proposal_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="proposal_status_valid"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="proposal_title_not_empty"),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True)
                | Q(published_on__isnull=True)
                | Q(expires_on__gt=F("published_on")),
                name="proposal_expires_after_publication",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.PUBLISHED)
                | (Q(published_on__isnull=False) & Q(expires_on__isnull=False)),
                name="proposal_published_has_dates",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.REJECTED) | ~Q(rejection_reason=""),
                name="proposal_rejection_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.pk])

    @property
    def is_investment(self) -> bool:
        return self.kind == ProposalKind.INVESTMENT_PROJECT

    @property
    def is_export(self) -> bool:
        return self.kind == ProposalKind.EXPORT_PRODUCT

    def uses(self, field: str) -> bool:
        """Whether this kind of proposal has the kind-specific column `field`."""
        return self.kind in KIND_FIELDS.get(field, ())


class ProposalPartnershipType(models.Model):
    """A type of partnership that the proposal seeks (a row each, so lists filter on it)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="partnership_types"
    )
    type = models.CharField(
        _("type of partnership"), max_length=20, choices=PartnershipType.choices
    )

    class Meta:
        verbose_name = _("partnership type wanted")
        verbose_name_plural = _("partnership types wanted")
        # The lists' filter: the proposals that seek one type.
        indexes = [models.Index(fields=["type", "proposal"], name="proposal_partnership_by_type")]
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "type"], name="proposal_partnership_type_unique"
            ),
            models.CheckConstraint(
                condition=Q(type__in=PartnershipType.values), name="proposal_partnership_type_valid"
            ),
        ]

    def __str__(self):
        return self.get_type_display()


class ProposalTargetCountry(models.Model):
    """A country the proposal is aimed at (ISO 3166-1 alpha-2)."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="target_countries"
    )
    country = models.CharField(_("country"), max_length=2)

    class Meta:
        verbose_name = _("target country")
        verbose_name_plural = _("target countries")
        # The lists' filter: the proposals aimed at one country.
        indexes = [models.Index(fields=["country", "proposal"], name="proposal_target_by_country")]
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "country"], name="proposal_target_country_unique"
            ),
            models.CheckConstraint(
                condition=Q(country__regex=r"^[A-Z]{2}$"), name="proposal_target_country_iso"
            ),
        ]

    def __str__(self):
        return self.country


def attachment_path(instance, filename):
    return f"proposals/{instance.proposal_id}/{filename}"


class ProposalAttachment(DocumentUpload):
    """A PDF or image attached to a proposal, checked by its content, served by a view that
    checks who may see the proposal."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
