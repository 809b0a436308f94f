"""A locality's weights of the screening criteria, set by its moderators."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import invalid
from kakehashi.directory.models import Locality
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import ScreeningWeights
from kakehashi.proposals.rules import require
from kakehashi.proposals.screening import CRITERIA, MAX_WEIGHT


@transaction.atomic
def set_screening_weights(*, locality: Locality, weights: dict[str, int], by) -> ScreeningWeights:
    """A locality's moderators weigh the six criteria (0–10 each, not all zero)."""
    require(by, "proposals.set_weights", locality)
    for criterion in CRITERIA:
        value = weights.get(criterion)
        if not (isinstance(value, int) and 0 <= value <= MAX_WEIGHT):
            raise invalid(
                _("Give each criterion a weight from 0 to %(max)s."),
                ProposalError.WEIGHT_OUT_OF_RANGE,
                max=MAX_WEIGHT,
            )
    if not any(weights[criterion] for criterion in CRITERIA):
        raise invalid(
            _("Give at least one criterion a weight above 0."), ProposalError.WEIGHTS_ALL_ZERO
        )
    row, _created = ScreeningWeights.objects.update_or_create(
        locality=locality,
        defaults={**{c: weights[c] for c in CRITERIA}, "updated_by": by},
    )
    return row
