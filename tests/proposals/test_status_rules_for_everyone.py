"""The workflow's status rules hold for everyone, a platform administrator included: they act
as any locality's moderator (publish, reject, archive) and, as they may propose for any
organisation, take the owners' steps too, but never from a state the workflow does not
allow. The services refuse (nothing written) and the page does not offer what the service
would refuse (common.permissions: predicates only, no superuser shortcut)."""

import pytest
from django.urls import reverse

from kakehashi.common.models import AuditEntry
from kakehashi.proposals import services
from kakehashi.proposals.models import Proposal, ProposalStatus
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import ProposalFactory, moderator_of, published
from tests.shapes import assert_refused

pytestmark = pytest.mark.usefixtures("reference")

DRAFT, SUBMITTED, PUBLISHED = ProposalStatus.DRAFT, ProposalStatus.SUBMITTED, "published"
WITHDRAWN, ARCHIVED = ProposalStatus.WITHDRAWN, ProposalStatus.ARCHIVED

# (the step, the state it is refused from)
REFUSED = [
    ("publish", DRAFT),
    ("publish", PUBLISHED),
    ("reject", DRAFT),
    ("reject", WITHDRAWN),
    ("archive", ARCHIVED),
    ("submit", SUBMITTED),
    ("submit", PUBLISHED),
    ("withdraw", DRAFT),
    ("withdraw", WITHDRAWN),
    ("renew", DRAFT),
    ("renew", SUBMITTED),
]


def _proposal(state):
    company = OrganisationFactory(locality=locality("ho-chi-minh-city"))
    if state == PUBLISHED:
        return published(organisation=company)
    return ProposalFactory(organisation=company, status=state)


def _call(step, proposal, by):
    if step == "reject":
        return services.reject(proposal=proposal, by=by, reason="Too vague.")
    return getattr(services, step)(proposal=proposal, by=by)


def _state():
    return (
        list(Proposal.objects.values_list("pk", "status", "published_on", "expires_on")),
        AuditEntry.objects.count(),
    )


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.mark.parametrize(("step", "state"), REFUSED)
@pytest.mark.parametrize("who", ["platform_admin", "moderator", "owner"])
def test_nobody_skips_the_workflow(step, state, who, admin):
    proposal = _proposal(state)
    by = {
        "platform_admin": admin,
        "moderator": moderator_of("ho-chi-minh-city"),
        "owner": member_of(proposal.organisation),
    }[who]
    assert_refused(lambda: _call(step, proposal, by), _state)


@pytest.mark.parametrize(
    ("step", "state", "after"),
    [
        ("publish", SUBMITTED, ProposalStatus.PUBLISHED),
        ("reject", SUBMITTED, ProposalStatus.REJECTED),
        ("archive", PUBLISHED, ProposalStatus.ARCHIVED),
        ("submit", DRAFT, ProposalStatus.SUBMITTED),
        ("withdraw", PUBLISHED, ProposalStatus.WITHDRAWN),
    ],
)
def test_a_platform_administrator_acts_within_the_workflow(step, state, after, admin):
    proposal = _call(step, _proposal(state), admin)
    proposal.refresh_from_db()
    assert proposal.status == after


def test_the_page_offers_a_platform_administrator_only_the_steps_of_the_state(client, admin):
    client.force_login(admin)
    steps = ("can_submit", "can_review", "can_withdraw", "can_renew", "can_archive")
    offered = {}
    for state in (DRAFT, SUBMITTED, PUBLISHED, ARCHIVED):
        context = client.get(reverse("proposals:detail", args=[_proposal(state).pk])).context
        offered[state] = [step for step in steps if context[step]]
    assert offered == {
        DRAFT: ["can_submit", "can_archive"],
        SUBMITTED: ["can_review", "can_withdraw", "can_archive"],
        PUBLISHED: ["can_withdraw", "can_renew", "can_archive"],
        ARCHIVED: [],
    }
