"""Expressions of interest in a published proposal and the owners' answer (contact accepted
or declined); both sides are told."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import CommonError, invalid
from kakehashi.common.language import detect_language
from kakehashi.common.reading import title_for_reader
from kakehashi.directory.models import Organisation
from kakehashi.notifications.services import notify
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import Interest, InterestStatus, Proposal, ProposalStatus
from kakehashi.proposals.rules import require
from kakehashi.proposals.services.base import locked, members_of, tell_owners


@transaction.atomic
def express_interest(
    *, proposal: Proposal, organisation: Organisation, by, message: str
) -> Interest:
    """`organisation` (which `by` acts for) tells a published proposal's owners it is
    interested. One open interest per organisation and proposal (the database enforces it)."""
    proposal = locked(proposal)
    if proposal.status != ProposalStatus.PUBLISHED:
        raise invalid(
            _("Only published proposals take expressions of interest."), ProposalError.NOT_PUBLISHED
        )
    require(by, "proposals.express_interest_for", organisation)
    if organisation.pk == proposal.organisation_id:
        raise invalid(_("This is your own organisation's proposal."), ProposalError.OWN_PROPOSAL)
    message = (message or "").strip()
    if not message:
        raise invalid(_("Write a few words to the owner."), ProposalError.MESSAGE_MISSING)
    if len(message) > 2000:
        raise invalid(_("The message is longer than 2,000 characters."), CommonError.TOO_LONG)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                proposal=proposal,
                organisation=organisation,
                message=message,
                message_language=detect_language(message),
                created_by=by,
            )
    except IntegrityError as error:
        raise invalid(
            _("Your organisation has already expressed interest in this proposal."),
            ProposalError.INTEREST_EXISTS,
        ) from error
    tell_owners(
        proposal,
        format_lazy(_("New interest in your proposal: {title}"), title=title_for_reader(proposal)),
        format_lazy(
            _("{organisation} wrote: {message}\nAccept contact to let them see who you are."),
            organisation=organisation.name,
            message=message,
        ),
    )
    return interest


def _decide(interest: Interest, by, status: str) -> Interest:
    interest = Interest.objects.select_for_update().select_related("proposal").get(pk=interest.pk)
    require(by, "proposals.manage_interests", interest.proposal)
    if interest.status != InterestStatus.PENDING:
        raise invalid(
            _("This expression of interest has been answered already."),
            ProposalError.ALREADY_ANSWERED,
        )
    interest.status = status
    interest.decided_by, interest.decided_at = by, timezone.now()
    interest.save()
    return interest


@transaction.atomic
def accept_contact(*, interest: Interest, by) -> Interest:
    """The owners accept contact: the interested organisation now sees who they are (and
    only that organisation, if the proposal is anonymous) and is told."""
    interest = _decide(interest, by, InterestStatus.ACCEPTED)
    proposal = interest.proposal
    notify(
        recipients=list(members_of(interest.organisation)),
        subject=format_lazy(_("Contact accepted: {title}"), title=title_for_reader(proposal)),
        body=format_lazy(
            _("{organisation}, which published “{title}”, accepted your request for contact."),
            organisation=proposal.organisation.name,
            title=title_for_reader(proposal),
        ),
        link=proposal.get_absolute_url(),
    )
    return interest


@transaction.atomic
def decline_contact(*, interest: Interest, by) -> Interest:
    """The owners decline; the interested organisation is told (the owner stays hidden)."""
    interest = _decide(interest, by, InterestStatus.DECLINED)
    proposal = interest.proposal
    notify(
        recipients=list(members_of(interest.organisation)),
        subject=format_lazy(_("Contact declined: {title}"), title=title_for_reader(proposal)),
        body=format_lazy(
            _("The owner of “{title}” declined your request for contact."),
            title=title_for_reader(proposal),
        ),
        link=proposal.get_absolute_url(),
    )
    return interest
