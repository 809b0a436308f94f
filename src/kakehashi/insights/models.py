"""What followed a meeting, an expression of interest or a conversation: an agreement signed,
an investment registered, a contract or export deal, a training programme started. The events
app keeps what delegations *intend* after a meeting (events.MeetingOutcome); an `Outcome` here
is a result that happened, and it feeds the funnels and dashboards."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Locality


class OutcomeKind(models.TextChoices):
    MOU_SIGNED = "mou_signed", _("MoU or agreement signed")
    INVESTMENT = "investment", _("Investment registered")
    CONTRACT = "contract", _("Contract or export deal")
    TRAINING = "training", _("Training programme started")


class OutcomeCurrency(models.TextChoices):
    USD = "USD", _("US dollar")
    VND = "VND", _("Vietnamese dong")
    JPY = "JPY", _("Japanese yen")


class Outcome(models.Model):
    """A result that followed one meeting, one expression of interest or one message thread
    (exactly one). `is_public` is the recorder's choice to count it in the public figures
    (which never name an organisation)."""

    kind = models.CharField(_("outcome"), max_length=12, choices=OutcomeKind.choices)
    meeting = models.ForeignKey(
        "events.Meeting",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="realised_outcomes",
        verbose_name=_("meeting"),
    )
    interest = models.ForeignKey(
        "proposals.Interest",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("expression of interest"),
    )
    thread = models.ForeignKey(
        "messaging.Thread",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("conversation"),
    )
    locality = models.ForeignKey(
        Locality, on_delete=models.PROTECT, related_name="+", verbose_name=_("locality")
    )
    amount = models.DecimalField(
        _("amount"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=OutcomeCurrency.choices, blank=True
    )
    occurred_on = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("partnership record"),
    )
    is_public = models.BooleanField(_("count in public figures"), default=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OutcomeKind.values), name="insights_outcome_kind_valid"
            ),
            models.CheckConstraint(
                condition=(
                    Q(meeting__isnull=False) & Q(interest__isnull=True) & Q(thread__isnull=True)
                )
                | (Q(meeting__isnull=True) & Q(interest__isnull=False) & Q(thread__isnull=True))
                | (Q(meeting__isnull=True) & Q(interest__isnull=True) & Q(thread__isnull=False)),
                name="insights_outcome_one_source",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | (Q(amount__gte=0) & ~Q(currency="")),
                name="insights_outcome_amount_has_currency",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()
