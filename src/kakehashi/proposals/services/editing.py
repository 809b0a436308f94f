"""A proposal's drafts: created for an organisation `by` acts for, changed by its owners,
with attachments. Each function runs in one transaction and checks who acts through
`rules.require`; an audit entry for every change."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.errors import CommonError, invalid
from kakehashi.common.uploads import files_deleted_on_failure, sniff_document_type
from kakehashi.directory.models import Organisation
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import (
    KIND_FIELDS,
    ExportDetails,
    InvestmentDetails,
    Proposal,
    ProposalAttachment,
    ProposalKind,
    ProposalPartnershipType,
    ProposalTargetCountry,
)
from kakehashi.proposals.rules import require
from kakehashi.proposals.services.base import AUDITED_FIELDS, SCALAR_FIELDS, audit, locked
from kakehashi.proposals.services.inputs import (
    InvestmentInput,
    ProposalInput,
    check_input,
    language_of,
)

MAX_ATTACHMENTS = 10


def _write(proposal: Proposal, data: ProposalInput) -> None:
    """Copy the input onto the proposal and replace its related rows and details."""
    for name in SCALAR_FIELDS:
        value = getattr(data, name)
        setattr(proposal, name, value.strip() if isinstance(value, str) else value)
    # A column another kind uses is emptied, so switching kind leaves nothing stale.
    for name, kinds in KIND_FIELDS.items():
        if data.kind not in kinds:
            setattr(proposal, name, "")
    proposal.language, proposal.language_confirmed = language_of(data)
    proposal.save()
    proposal.sectors.set(data.sectors)
    proposal.target_localities.set(data.target_localities)
    proposal.partnership_types.all().delete()
    ProposalPartnershipType.objects.bulk_create(
        ProposalPartnershipType(proposal=proposal, type=value)
        for value in dict.fromkeys(data.partnership_types)
    )
    proposal.target_countries.all().delete()
    ProposalTargetCountry.objects.bulk_create(
        ProposalTargetCountry(proposal=proposal, country=value)
        for value in dict.fromkeys(data.target_countries)
    )
    InvestmentDetails.objects.filter(proposal=proposal).delete()
    ExportDetails.objects.filter(proposal=proposal).delete()
    if data.kind == ProposalKind.INVESTMENT_PROJECT:
        InvestmentDetails.objects.create(
            proposal=proposal, **vars(data.investment or InvestmentInput())
        )
    elif data.kind == ProposalKind.EXPORT_PRODUCT:
        ExportDetails.objects.create(proposal=proposal, **vars(data.export))


@transaction.atomic
def create_proposal(*, data: ProposalInput, organisation: Organisation, by) -> Proposal:
    """A new draft of `organisation`, which `by` acts for. Its language is detected from the
    text unless the author chose it; its locality defaults to the organisation's."""
    require(by, "proposals.propose_for", organisation)
    check_input(data)
    locality = data.locality or organisation.locality
    if locality is None:
        raise invalid(
            _("Say where the proposal is from: the organisation has no locality."),
            ProposalError.LOCALITY_MISSING,
        )
    proposal = Proposal(organisation=organisation, locality=locality, created_by=by)
    _write(proposal, data)
    audit(proposal, by=by, action=AuditAction.CREATED, after=snapshot(proposal, AUDITED_FIELDS))
    return proposal


@transaction.atomic
def update_proposal(*, proposal: Proposal, data: ProposalInput, by) -> Proposal:
    """Replace a draft's (or a rejected proposal's) content; its owners only."""
    proposal = locked(proposal)
    require(by, "proposals.change_proposal", proposal)
    check_input(data)
    before = snapshot(proposal, AUDITED_FIELDS)
    if data.locality is not None:
        proposal.locality = data.locality
    _write(proposal, data)
    audit(proposal, by=by, action=AuditAction.CHANGED, before=before)
    return proposal


def add_attachment(*, proposal: Proposal, title: str, upload, by) -> ProposalAttachment:
    """Store a PDF or image after checking its content and size. When the audit entry cannot
    be written, the stored file is deleted with the row."""
    with files_deleted_on_failure() as track, transaction.atomic():
        proposal = locked(proposal)
        require(by, "proposals.change_proposal", proposal)
        content_type = sniff_document_type(upload)
        if not title.strip():
            raise invalid(_("Give the attachment a title."), CommonError.TITLE_MISSING)
        if proposal.attachments.count() >= MAX_ATTACHMENTS:
            raise invalid(
                _("A proposal has at most %(max)s attachments."),
                ProposalError.TOO_MANY_ATTACHMENTS,
                max=MAX_ATTACHMENTS,
            )
        attachment = ProposalAttachment(
            proposal=proposal,
            title=title.strip()[:200],
            file=upload,
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )
        track(attachment.file)  # before save(): a refused INSERT is covered too
        attachment.save()
        audit(proposal, by=by, action=AuditAction.ADDED, after={"attachments": [attachment.title]})
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: ProposalAttachment, by) -> None:
    require(by, "proposals.change_proposal", attachment.proposal)
    stored = attachment.file
    audit(
        attachment.proposal,
        by=by,
        action=AuditAction.REMOVED,
        before={"attachments": [attachment.title]},
    )
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))
