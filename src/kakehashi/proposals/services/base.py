"""What the proposal services share: the row lock, the audit entry, the validation error
with its code, the people told (owners, members, the locality's moderators) and the signal
the apps on the right follow."""

import calendar
import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from kakehashi.common.audit import record_change
from kakehashi.directory.models import Organisation
from kakehashi.notifications.services import notify
from kakehashi.proposals.models import LocalityModerator, Proposal
from kakehashi.proposals.signals import proposal_changed


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 29th of February becomes the 28th."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def owners_of(proposal: Proposal):
    User = get_user_model()
    return User.objects.filter(
        person__memberships__organisation_id=proposal.organisation_id, is_active=True
    ).distinct()


def members_of(organisation: Organisation):
    User = get_user_model()
    return User.objects.filter(
        person__memberships__organisation_id=organisation.pk, is_active=True
    ).distinct()


def moderators_of(proposal: Proposal):
    """The locality moderators who review this proposal (see queries.moderated_locality_ids)."""
    place = proposal.locality
    places = {place.pk, place.successor_id, place.parent_id} - {None}
    User = get_user_model()
    return User.objects.filter(
        pk__in=LocalityModerator.objects.filter(locality_id__in=places).values("user_id"),
        is_active=True,
    )


def tell_owners(proposal: Proposal, subject, body) -> None:
    notify(
        recipients=list(owners_of(proposal)),
        subject=subject,
        body=body,
        link=proposal.get_absolute_url(),
    )


def announce(proposal: Proposal) -> None:
    """Tell the apps on the right (matching keeps its index) once the change is committed."""
    transaction.on_commit(lambda: proposal_changed.send(sender=Proposal, proposal_id=proposal.pk))


SCALAR_FIELDS = (
    "kind",
    "title",
    "summary",
    "description",
    "advantages",
    "sought",
    "partner_role",
    "stage",
    "programme_area",
    "keywords",
    "is_anonymous",
)

# What the audit log compares before and after a change (a workflow step, an edit).
WORKFLOW_FIELDS = ("status", "published_on", "expires_on", "rejection_reason")
AUDITED_FIELDS = (
    *SCALAR_FIELDS,
    "locality",
    "language",
    "sectors",
    "target_localities",
    "partnership_types.type",
    "target_countries.country",
    *WORKFLOW_FIELDS,
)


def audit(proposal: Proposal, *, by, action, before=None, after=None) -> None:
    """Record the change in the audit log; the proposal's organisation owns the entry."""
    record_change(
        obj=proposal,
        by=by,
        action=action,
        before=before,
        after=after,
        owners=[proposal.organisation_id],
    )
