"""The proposal's workflow: submitted by its owners, published or rejected by a moderator of
its locality, withdrawn, renewed, archived, expired by the daily task. Each step checks who
acts through `rules.require`, writes an audit entry and tells those concerned (notices in
the app and by e-mail)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.errors import invalid
from kakehashi.common.formats import format_day
from kakehashi.common.i18n import for_each_reader
from kakehashi.common.reading import title_for_reader
from kakehashi.common.workflow import transition
from kakehashi.notifications.services import notify
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.machine_drafts import draft_translations_later
from kakehashi.proposals.models import Proposal, ProposalStatus
from kakehashi.proposals.services.base import (
    WORKFLOW_FIELDS,
    add_months,
    announce,
    audit,
    locked,
    moderators_of,
    tell_owners,
)

VALIDITY_MONTHS = 12


def _step(proposal: Proposal, by, permission: str):
    """One step of the workflow (common.workflow.transition) on the proposal's row."""
    return transition(
        proposal, by=by, permission=permission, lock=locked, fields=WORKFLOW_FIELDS, audit=audit
    )


@transaction.atomic
def submit(*, proposal: Proposal, by) -> Proposal:
    """Draft (or rejected) → submitted. The locality's moderators are told."""
    with _step(proposal, by, "proposals.submit_proposal") as proposal:
        proposal.status = ProposalStatus.SUBMITTED
        proposal.submitted_at = timezone.now()
        proposal.rejection_reason = ""
    notify(
        recipients=list(moderators_of(proposal)),
        subject=format_lazy(
            _("A proposal awaits your review: {title}"), title=title_for_reader(proposal)
        ),
        body=format_lazy(
            _("{organisation} submitted “{title}”. Please publish it or reject it with a reason."),
            organisation=proposal.organisation.name,
            title=title_for_reader(proposal),
        ),
        link=proposal.get_absolute_url(),
    )
    return proposal


@transaction.atomic
def publish(*, proposal: Proposal, by, today: dt.date | None = None) -> Proposal:
    """Submitted → published for 12 months, by a moderator of its locality. Once committed,
    the missing translations are drafted by machine in the background (when a translation
    service is configured)."""
    with _step(proposal, by, "proposals.review_proposal") as proposal:
        today = today or timezone.localdate()
        proposal.status = ProposalStatus.PUBLISHED
        proposal.published_on = today
        proposal.expires_on = add_months(today, VALIDITY_MONTHS)
        proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    announce(proposal)
    draft_translations_later(proposal)
    tell_owners(
        proposal,
        format_lazy(_("Your proposal is published: {title}"), title=title_for_reader(proposal)),
        format_lazy(
            _("“{title}” is published until {date}. You can renew it before then."),
            title=title_for_reader(proposal),
            date=for_each_reader(format_day, proposal.expires_on),
        ),
    )
    return proposal


@transaction.atomic
def reject(*, proposal: Proposal, by, reason: str) -> Proposal:
    """Submitted → rejected with a reason the owners read; they may edit and resubmit."""
    reason = (reason or "").strip()
    if not reason:
        raise invalid(_("Say why the proposal is rejected."), ProposalError.REASON_MISSING)
    with _step(proposal, by, "proposals.review_proposal") as proposal:
        proposal.status = ProposalStatus.REJECTED
        proposal.rejection_reason = reason[:2000]
        proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    tell_owners(
        proposal,
        format_lazy(
            _("Your proposal was not published: {title}"), title=title_for_reader(proposal)
        ),
        format_lazy(
            _(
                "The moderator gave this reason: {reason}\n"
                "You can edit the proposal and submit it again."
            ),
            reason=proposal.rejection_reason,
        ),
    )
    return proposal


@transaction.atomic
def withdraw(*, proposal: Proposal, by) -> Proposal:
    """Submitted or published → withdrawn, by its owners."""
    with _step(proposal, by, "proposals.withdraw_proposal") as proposal:
        proposal.status = ProposalStatus.WITHDRAWN
    announce(proposal)
    return proposal


@transaction.atomic
def renew(*, proposal: Proposal, by, today: dt.date | None = None) -> Proposal:
    """Published or expired → published for 12 more months, counted from the current expiry
    date if it is still ahead, otherwise from today."""
    with _step(proposal, by, "proposals.renew_proposal") as proposal:
        today = today or timezone.localdate()
        start = max(today, proposal.expires_on or today)
        proposal.status = ProposalStatus.PUBLISHED
        proposal.published_on = proposal.published_on or today
        proposal.expires_on = add_months(start, VALIDITY_MONTHS)
    announce(proposal)
    tell_owners(
        proposal,
        format_lazy(_("Your proposal is renewed: {title}"), title=title_for_reader(proposal)),
        format_lazy(
            _("“{title}” is now published until {date}."),
            title=title_for_reader(proposal),
            date=for_each_reader(format_day, proposal.expires_on),
        ),
    )
    return proposal


@transaction.atomic
def archive(*, proposal: Proposal, by) -> Proposal:
    """Any state → archived (kept for the record, shown to owners and moderators only)."""
    with _step(proposal, by, "proposals.archive_proposal") as proposal:
        proposal.status = ProposalStatus.ARCHIVED
    announce(proposal)
    return proposal


def expire_due(*, today: dt.date | None = None) -> int:
    """Published proposals whose expiry date has come → expired; owners are told. Returns
    how many expired. Idempotent: run it daily (`kakehashi expire_proposals`)."""
    today = today or timezone.localdate()
    count = 0
    due = Proposal.objects.filter(status=ProposalStatus.PUBLISHED, expires_on__lte=today)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update().get(pk=pk)
            if proposal.status != ProposalStatus.PUBLISHED or proposal.expires_on > today:
                continue
            before = snapshot(proposal, WORKFLOW_FIELDS)
            proposal.status = ProposalStatus.EXPIRED
            proposal.save()
            audit(proposal, by=None, action=AuditAction.STATUS, before=before)
            announce(proposal)
            tell_owners(
                proposal,
                format_lazy(
                    _("Your proposal has expired: {title}"), title=title_for_reader(proposal)
                ),
                format_lazy(
                    _("“{title}” is no longer public. Renew it to publish it for 12 more months."),
                    title=title_for_reader(proposal),
                ),
            )
            count += 1
    return count
