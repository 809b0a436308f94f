from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Organisation
from kakehashi.proposals.models.proposal import Proposal


class InterestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Contact accepted")
    DECLINED = "declined", _("Declined")


# An interest is "open" while it waits or after it was accepted; after a decline the
# organisation may try again with a new message.
OPEN_INTEREST_STATUSES = (InterestStatus.PENDING, InterestStatus.ACCEPTED)


class Interest(models.Model):
    """An organisation's message to a proposal's owner: "we are interested". Accepting it
    reveals an anonymous owner to that organisation, and only to it."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="interests")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="proposal_interests"
    )
    message = models.TextField(_("message"), max_length=2000)
    # "vi", "ja" or "en", detected when the message is sent: the page marks the text with it.
    message_language = models.CharField(_("language"), max_length=8, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=InterestStatus.choices, default=InterestStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organisation"],
                condition=Q(status__in=OPEN_INTEREST_STATUSES),
                name="one_open_interest_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(status__in=InterestStatus.values), name="interest_status_valid"
            ),
            models.CheckConstraint(condition=~Q(message=""), name="interest_message_not_empty"),
        ]

    def __str__(self):
        return f"{self.organisation} → {self.proposal}"
