from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Locality
from kakehashi.proposals.screening import CRITERIA, DEFAULT_WEIGHTS, MAX_WEIGHT


class LocalityModerator(models.Model):
    """A person who reviews the proposals of a locality (and of the former units it took
    over), and sets that locality's screening weights. Platform administrators moderate
    everywhere without a row here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderated_localities"
    )
    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="moderators")

    class Meta:
        verbose_name = _("locality moderator")
        verbose_name_plural = _("locality moderators")
        constraints = [
            models.UniqueConstraint(fields=["user", "locality"], name="locality_moderator_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.locality}"


def _weight_field(criterion, label):
    return models.PositiveSmallIntegerField(label, default=DEFAULT_WEIGHTS[criterion])


class ScreeningWeights(models.Model):
    """How much a locality weighs each selection criterion (0–10). A locality without a row
    uses screening.DEFAULT_WEIGHTS."""

    locality = models.OneToOneField(
        Locality, on_delete=models.CASCADE, primary_key=True, related_name="screening_weights"
    )
    technology = _weight_field("technology", _("technology level"))
    governance = _weight_field("governance", _("modern governance"))
    added_value = _weight_field("added_value", _("added value"))
    spillover = _weight_field("spillover", _("spill-over effects"))
    supply_chain = _weight_field("supply_chain", _("links into global supply chains"))
    environment = _weight_field("environment", _("environmental protection"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("screening weights")
        verbose_name_plural = _("screening weights")
        constraints = [
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{criterion}__lte": MAX_WEIGHT}),
                    name=f"screening_{criterion}_weight_range",
                )
                for criterion in CRITERIA
            ),
            models.CheckConstraint(
                condition=Q(technology__gt=0)
                | Q(governance__gt=0)
                | Q(added_value__gt=0)
                | Q(spillover__gt=0)
                | Q(supply_chain__gt=0)
                | Q(environment__gt=0),
                name="screening_some_weight",
            ),
        ]

    def __str__(self):
        return str(self.locality)

    @property
    def weights(self) -> dict[str, int]:
        return {criterion: getattr(self, criterion) for criterion in CRITERIA}
