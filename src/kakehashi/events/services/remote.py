"""Attending in person or remotely (see events/remote.py)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.errors import EventError
from kakehashi.events.models import ENDED_REGISTRATION_STATUSES, Registration


def may_change_attendance(user, registration: Registration) -> bool:
    """The event's organisers, and the people who act for the delegation's organisation."""
    if not (user and user.is_authenticated):
        return False
    return user.has_perm(
        "events.manage_registrations", registration.event
    ) or registration.organisation_id in organisation_ids_of(user)


@transaction.atomic
def set_remote_attendance(*, registration: Registration, remote: bool, by) -> Registration:
    """Say whether a delegation attends its meetings remotely (by video) or on site; the
    organisers and the delegation's own people may. Its meetings follow at once on the
    agendas (a remote meeting shows its video link, not a table); the next scheduler run
    frees or finds their tables. An audit entry, owned by the delegation's organisation and
    the organisers, records the change. Refused for a cancelled or declined registration."""
    if not may_change_attendance(by, registration):
        raise PermissionDenied
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status in ENDED_REGISTRATION_STATUSES:
        raise ValidationError(
            _("This registration is no longer active, so its attendance cannot change."),
            code=EventError.INACTIVE,
        )
    if registration.attends_remotely == remote:
        return registration
    before = snapshot(registration, ["attends_remotely"])
    registration.attends_remotely = remote
    registration.save(update_fields=["attends_remotely"])
    owners = {registration.organisation_id}
    owners |= {*registration.event.organisers.values_list("pk", flat=True)}
    record_change(obj=registration, by=by, action=AuditAction.CHANGED, before=before, owners=owners)
    return registration
