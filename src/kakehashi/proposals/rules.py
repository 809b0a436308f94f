"""Who may do what with proposals (django-rules predicates), and `require`, the one check the
proposal services make of who acts.

Owners are the members of the proposing organisation. Moderators are the locality
moderators of the proposal's locality and the platform administrators."""

import rules

from kakehashi.common import permissions
from kakehashi.directory.rules import (
    acts_for_any_organisation,
    acts_for_organisation,
    platform_admin,
)
from kakehashi.proposals import queries
from kakehashi.proposals.models import ProposalStatus

EDITABLE = (ProposalStatus.DRAFT, ProposalStatus.REJECTED)
WITHDRAWABLE = (ProposalStatus.SUBMITTED, ProposalStatus.PUBLISHED)
RENEWABLE = (ProposalStatus.PUBLISHED, ProposalStatus.EXPIRED)


@rules.predicate
def owns_proposal(user, proposal):
    return proposal is not None and queries.owns(user, proposal)


@rules.predicate
def moderates_proposal(user, proposal):
    return proposal is not None and queries.moderates(user, proposal)


@rules.predicate
def is_published(user, proposal):
    return proposal is not None and proposal.status == ProposalStatus.PUBLISHED


@rules.predicate
def is_editable(user, proposal):
    return proposal is not None and proposal.status in EDITABLE


@rules.predicate
def is_submitted(user, proposal):
    return proposal is not None and proposal.status == ProposalStatus.SUBMITTED


@rules.predicate
def is_withdrawable(user, proposal):
    return proposal is not None and proposal.status in WITHDRAWABLE


@rules.predicate
def is_renewable(user, proposal):
    return proposal is not None and proposal.status in RENEWABLE


@rules.predicate
def is_not_archived(user, proposal):
    return proposal is not None and proposal.status != ProposalStatus.ARCHIVED


@rules.predicate
def sees_owner(user, proposal):
    return proposal is not None and queries.owner_revealed_to(user, proposal)


@rules.predicate
def moderator_anywhere(user):
    return queries.is_moderator_anywhere(user)


@rules.predicate
def moderates_locality(user, locality):
    return locality is not None and locality.pk in queries.moderated_locality_ids(user)


# A draft is seen by its owners only; a submitted, rejected or expired one by its owners
# and moderators too; a published one by everyone.
can_view = (
    is_published
    | owns_proposal
    | (moderates_proposal & ~rules.predicate(lambda user, p: p.status == ProposalStatus.DRAFT))
    | platform_admin
)

rules.add_perm("proposals.view_proposal", can_view)
rules.add_perm("proposals.add_proposal", acts_for_any_organisation)
# The object is the organisation on whose behalf a proposal is written or an interest
# expressed: its members, or a platform administrator for any organisation.
rules.add_perm("proposals.propose_for", platform_admin | acts_for_organisation)
rules.add_perm("proposals.express_interest_for", platform_admin | acts_for_organisation)
# A platform administrator may propose for any organisation (above), so they may also take
# the owners' steps; like anyone, only from the states the workflow allows (the predicates
# are asked without Django's superuser shortcut: common.permissions).
owner_or_admin = owns_proposal | platform_admin
rules.add_perm("proposals.change_proposal", owner_or_admin & is_editable)
rules.add_perm("proposals.submit_proposal", owner_or_admin & is_editable)
# Nobody reviews their own organisation's proposal, except a platform administrator.
rules.add_perm(
    "proposals.review_proposal",
    is_submitted & (platform_admin | (moderates_proposal & ~owns_proposal)),
)
rules.add_perm("proposals.withdraw_proposal", owner_or_admin & is_withdrawable)
rules.add_perm("proposals.renew_proposal", owner_or_admin & is_renewable)
rules.add_perm(
    "proposals.archive_proposal",
    is_not_archived & (owns_proposal | moderates_proposal | platform_admin),
)
# A translation: by the owners (the author or a colleague) or by a moderator who may see the
# proposal; an archived proposal stays as it was.
rules.add_perm(
    "proposals.translate_proposal",
    is_not_archived
    & (
        owner_or_admin
        | (moderates_proposal & ~rules.predicate(lambda user, p: p.status == ProposalStatus.DRAFT))
    ),
)
rules.add_perm("proposals.see_owner", sees_owner | platform_admin)
rules.add_perm(
    "proposals.express_interest", is_published & acts_for_any_organisation & ~owns_proposal
)
rules.add_perm("proposals.manage_interests", owner_or_admin)
rules.add_perm("proposals.moderate", moderator_anywhere)
rules.add_perm("proposals.set_weights", platform_admin | moderates_locality)


# The services' one check of who acts (predicates only: no superuser shortcut).
require = permissions.require
