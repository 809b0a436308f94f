"""The audit trail of a proposal: create, edit, submit, publish, withdraw (and the daily
expiry, by the platform); a refused step leaves no entry; who sees the trail."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from kakehashi.common.audit import entries_visible_to
from kakehashi.common.models import AuditAction, AuditEntry
from kakehashi.proposals import services
from kakehashi.proposals.models import ProposalKind, ProposalStatus
from kakehashi.proposals.services import ProposalInput
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import moderator_of, published

pytestmark = pytest.mark.usefixtures("reference")

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood", locality=locality("ho-chi-minh-city"))


@pytest.fixture
def owner(company):
    return member_of(company, email="owner@example.org")


def offer(**fields) -> ProposalInput:
    return ProposalInput(
        kind=ProposalKind.BUSINESS_OFFER,
        title=fields.pop("title", "Frozen shrimp for Japanese retailers"),
        summary="We process and freeze black tiger shrimp to JAS standards.",
        language="en",
        **fields,
    )


def trail(proposal):
    return list(
        AuditEntry.objects.filter(model_label="proposals.proposal", object_id=str(proposal.pk))
        .order_by("pk")
        .values_list("action", "actor", "before", "after")
    )


def test_create_edit_submit_publish_withdraw_each_leave_an_entry(company, owner):
    moderator = moderator_of("ho-chi-minh-city")
    proposal = services.create_proposal(
        data=offer(partnership_types=["supplier"], target_countries=["JP"]),
        organisation=company,
        by=owner,
    )
    proposal = services.update_proposal(
        proposal=proposal,
        data=offer(title="Frozen shrimp, JAS", partnership_types=["supplier"]),
        by=owner,
    )
    services.submit(proposal=proposal, by=owner)
    services.publish(proposal=proposal, by=moderator, today=TODAY)
    services.withdraw(proposal=proposal, by=owner)

    (created, edited, submitted, publication, withdrawal) = trail(proposal)
    assert created[:2] == (AuditAction.CREATED, owner.pk)
    assert created[3]["title"] == "Frozen shrimp for Japanese retailers"
    assert created[3]["target_countries.country"] == ["JP"]
    assert created[3]["status"] == ProposalStatus.DRAFT
    assert edited == (
        AuditAction.CHANGED,
        owner.pk,
        {"title": "Frozen shrimp for Japanese retailers", "target_countries.country": ["JP"]},
        {"title": "Frozen shrimp, JAS", "target_countries.country": []},
    )
    assert submitted == (AuditAction.STATUS, owner.pk, {"status": "draft"}, {"status": "submitted"})
    assert publication == (
        AuditAction.STATUS,
        moderator.pk,
        {"status": "submitted", "published_on": None, "expires_on": None},
        {"status": "published", "published_on": "2026-11-23", "expires_on": "2027-11-23"},
    )
    assert withdrawal == (
        AuditAction.STATUS,
        owner.pk,
        {"status": "published"},
        {"status": "withdrawn"},
    )
    entries = AuditEntry.objects.filter(object_id=str(proposal.pk))
    assert {owners for entry in entries for owners in entry.owners.all()} == {company}
    # The owner acted for the company; the moderator for no owning organisation.
    assert {(e.actor_id, e.acted_for_id) for e in entries} == {
        (owner.pk, company.pk),
        (moderator.pk, None),
    }


def test_expiry_is_recorded_as_the_platform(company):
    proposal = published(organisation=company, published_on=dt.date(2025, 11, 23), expires_on=TODAY)
    assert services.expire_due(today=TODAY) == 1
    assert trail(proposal) == [
        (AuditAction.STATUS, None, {"status": "published"}, {"status": "expired"})
    ]


def test_a_refused_step_leaves_no_entry(company, owner):
    proposal = services.create_proposal(data=offer(), organisation=company, by=owner)
    stranger = member_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.submit(proposal=proposal, by=stranger)
    with pytest.raises(PermissionDenied):
        services.publish(proposal=proposal, by=owner, today=TODAY)
    assert [entry[0] for entry in trail(proposal)] == [AuditAction.CREATED]


def test_a_step_rolled_back_by_its_caller_leaves_no_entry(company, owner):
    proposal = services.create_proposal(data=offer(), organisation=company, by=owner)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.submit(proposal=proposal, by=owner)
        raise RuntimeError("something after the step failed")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    assert [entry[0] for entry in trail(proposal)] == [AuditAction.CREATED]


def test_only_the_owning_organisation_sees_the_trail(company, owner):
    services.create_proposal(data=offer(), organisation=company, by=owner)
    assert entries_visible_to(member_of(company)).count() == 1
    assert not entries_visible_to(member_of(OrganisationFactory())).exists()
    # A locality moderator reviews proposals but does not own them.
    assert not entries_visible_to(moderator_of("ho-chi-minh-city")).exists()
