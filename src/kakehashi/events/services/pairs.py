"""Which two delegations may meet, whether one asks the other or books a free slot."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kakehashi.events.errors import EventError
from kakehashi.events.models import Registration, RegistrationStatus


def check_approved(*registrations: Registration) -> None:
    """Only approved delegations take part in meetings."""
    if any(r.status != RegistrationStatus.APPROVED for r in registrations):
        raise ValidationError(
            _("Only approved delegations take part in meetings."), code=EventError.NOT_APPROVED
        )


def check_may_meet(first: Registration, second: Registration) -> None:
    """Two delegations may meet: they attend the same event, they are two, and both are
    approved."""
    if first.event_id != second.event_id:
        raise ValidationError(
            _("Both delegations must attend the same event."), code=EventError.WRONG_EVENT
        )
    if first.pk == second.pk:
        raise ValidationError(_("A delegation cannot meet itself."), code=EventError.SELF_REQUEST)
    check_approved(first, second)
