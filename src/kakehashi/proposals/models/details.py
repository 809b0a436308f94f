from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.proposals.hs import HS_CODE_PATTERN
from kakehashi.proposals.models.proposal import Proposal
from kakehashi.proposals.screening import CRITERIA, MAX_LEVEL


class Currency(models.TextChoices):
    USD = "USD", _("US dollar")
    VND = "VND", _("Vietnamese dong")
    JPY = "JPY", _("Japanese yen")


class InvestmentForm(models.TextChoices):
    # xgettext:no-python-format
    FOREIGN_OWNED = "foreign_owned", _("100% foreign-owned enterprise")
    JOINT_VENTURE = "joint_venture", _("Joint venture")
    PPP = "ppp", _("Public–private partnership")
    BCC = "bcc", _("Business cooperation contract")
    SHARES = "shares", _("Capital contribution or share purchase")
    OTHER = "other", _("Other")


class CriterionLevel(models.IntegerChoices):
    NONE = 0, _("0 – not shown")
    BASIC = 1, _("1 – basic")
    GOOD = 2, _("2 – good")
    HIGH = 3, _("3 – high")
    EXEMPLARY = 4, _("4 – exemplary")


def _level_field(label):
    return models.PositiveSmallIntegerField(label, choices=CriterionLevel.choices, default=0)


class InvestmentDetails(models.Model):
    """What an investment project adds to a proposal, including its levels on the criteria
    Vietnam uses to select foreign investment (see screening.py)."""

    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, primary_key=True, related_name="investment"
    )
    industrial_zone = models.CharField(_("industrial zone"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    land_area_ha = models.DecimalField(
        _("land area (hectares)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    investment_form = models.CharField(
        _("form of investment"), max_length=20, choices=InvestmentForm.choices, blank=True
    )
    timeline = models.CharField(_("timeline"), max_length=300, blank=True)
    technology = _level_field(_("technology level (advanced, new, high, clean)"))
    governance = _level_field(_("modern governance"))
    added_value = _level_field(_("added value"))
    spillover = _level_field(_("spill-over effects"))
    supply_chain = _level_field(_("links into global supply chains"))
    environment = _level_field(_("environmental protection"))

    class Meta:
        verbose_name = _("investment project details")
        verbose_name_plural = _("investment project details")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="investment_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(land_area_ha__isnull=True) | Q(land_area_ha__gte=0),
                name="investment_land_area_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(currency__in=Currency.values), name="investment_currency_valid"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{criterion}__lte": MAX_LEVEL}),
                    name=f"investment_{criterion}_level_range",
                )
                for criterion in CRITERIA
            ),
        ]

    def __str__(self):
        return str(self.proposal)

    @property
    def levels(self) -> dict[str, int]:
        return {criterion: getattr(self, criterion) for criterion in CRITERIA}


class ExportDetails(models.Model):
    """What an export product adds to a proposal."""

    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, primary_key=True, related_name="export"
    )
    product = models.CharField(_("product"), max_length=200)
    hs_code = models.CharField(
        _("HS code"),
        max_length=6,
        help_text=_("Six digits of the HS 2022 nomenclature, e.g. 090111."),
    )
    capacity = models.CharField(_("production capacity"), max_length=200, blank=True)
    certifications = models.CharField(_("certifications"), max_length=300, blank=True)
    target_market = models.CharField(_("target market"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("export product details")
        verbose_name_plural = _("export product details")
        constraints = [
            models.CheckConstraint(
                condition=Q(hs_code__regex=HS_CODE_PATTERN), name="export_hs_code_six_digits"
            ),
            models.CheckConstraint(condition=~Q(product=""), name="export_product_not_empty"),
        ]

    def __str__(self):
        return f"{self.product} ({self.hs_code})"
