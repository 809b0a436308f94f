"""Who sees a draft or an anonymous owner; expressions of interest and contact."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kakehashi.notifications.models import Notification
from kakehashi.proposals import services
from kakehashi.proposals.models import Interest, InterestStatus, ProposalStatus
from kakehashi.proposals.queries import proposals_visible_to
from tests.factories import OrganisationFactory, UserFactory, member_of
from tests.proposals.factories import ProposalFactory, moderator_of, published

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood")


@pytest.fixture
def owner(company):
    return member_of(company)


@pytest.fixture
def buyer():
    return OrganisationFactory(name="Osaka Foods", country="JP")


@pytest.fixture
def buyer_member(buyer):
    return member_of(buyer)


def visible_ids(user):
    return set(proposals_visible_to(user).values_list("pk", flat=True))


def test_drafts_are_seen_by_owners_only(company, owner):
    from django.contrib.auth.models import AnonymousUser

    draft = ProposalFactory(organisation=company)
    submitted = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    live = published(organisation=company)
    moderator = moderator_of("ho-chi-minh-city")
    assert visible_ids(owner) == {draft.pk, submitted.pk, live.pk}
    assert visible_ids(moderator) == {submitted.pk, live.pk}
    assert visible_ids(moderator_of("hanoi")) == {live.pk}
    assert visible_ids(UserFactory()) == {live.pk}
    assert visible_ids(AnonymousUser()) == {live.pk}
    assert not UserFactory().has_perm("proposals.view_proposal", draft)
    assert not moderator.has_perm("proposals.view_proposal", draft)
    assert owner.has_perm("proposals.view_proposal", draft)


def test_an_anonymous_owner_is_revealed_only_to_the_accepted_organisation(
    company, owner, buyer, buyer_member
):
    proposal = published(organisation=company, is_anonymous=True)
    rival = member_of(OrganisationFactory(name="Rival"))
    assert not buyer_member.has_perm("proposals.see_owner", proposal)
    interest = services.express_interest(
        proposal=proposal, organisation=buyer, by=buyer_member, message="We buy 20 t a month."
    )
    assert Notification.objects.get(recipient=owner).subject.startswith("New interest")
    assert not buyer_member.has_perm("proposals.see_owner", proposal)
    services.accept_contact(interest=interest, by=owner)
    assert buyer_member.has_perm("proposals.see_owner", proposal)
    assert not rival.has_perm("proposals.see_owner", proposal)
    assert Notification.objects.get(recipient=buyer_member).subject == (
        f"Contact accepted: {proposal.title}"
    )


def test_one_open_interest_per_organisation(company, buyer, buyer_member, owner):
    proposal = published(organisation=company)
    first = services.express_interest(
        proposal=proposal, organisation=buyer, by=buyer_member, message="Hello"
    )
    with pytest.raises(ValidationError) as error:
        services.express_interest(
            proposal=proposal, organisation=buyer, by=member_of(buyer), message="Hello again"
        )
    assert error.value.code == "interest_exists"
    assert Interest.objects.count() == 1
    # After a decline the organisation may write again.
    services.decline_contact(interest=first, by=owner)
    services.express_interest(proposal=proposal, organisation=buyer, by=buyer_member, message="2")
    assert Interest.objects.filter(status=InterestStatus.PENDING).count() == 1


def test_the_database_refuses_two_open_interests(company, buyer):
    from django.db import IntegrityError, transaction

    proposal = published(organisation=company)
    Interest.objects.create(proposal=proposal, organisation=buyer, message="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.create(
            proposal=proposal, organisation=buyer, message="b", status=InterestStatus.ACCEPTED
        )


def test_interest_refusals_change_nothing(company, owner, buyer, buyer_member):
    draft = ProposalFactory(organisation=company)
    live = published(organisation=company)
    with pytest.raises(ValidationError):
        services.express_interest(proposal=draft, organisation=buyer, by=buyer_member, message="x")
    with pytest.raises(ValidationError):
        services.express_interest(proposal=live, organisation=company, by=owner, message="me")
    with pytest.raises(PermissionDenied):  # not a member of the organisation named
        services.express_interest(proposal=live, organisation=buyer, by=owner, message="x")
    with pytest.raises(ValidationError):
        services.express_interest(proposal=live, organisation=buyer, by=buyer_member, message=" ")
    assert Interest.objects.count() == 0


def test_only_owners_answer_and_only_once(company, owner, buyer, buyer_member):
    proposal = published(organisation=company)
    interest = services.express_interest(
        proposal=proposal, organisation=buyer, by=buyer_member, message="Hello"
    )
    with pytest.raises(PermissionDenied):
        services.accept_contact(interest=interest, by=buyer_member)
    assert Interest.objects.get().status == InterestStatus.PENDING
    services.decline_contact(interest=interest, by=owner)
    with pytest.raises(ValidationError):
        services.accept_contact(interest=interest, by=owner)
    assert Interest.objects.get().status == InterestStatus.DECLINED
