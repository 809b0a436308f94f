"""Factories for proposals; organisations and users come from tests/factories.py."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from kakehashi.proposals.models import (
    ExportDetails,
    InvestmentDetails,
    LocalityModerator,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from tests.factories import OrganisationFactory, UserFactory, locality


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal

    kind = ProposalKind.BUSINESS_OFFER
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "Frozen shrimp processing with Japanese quality control."
    organisation = factory.SubFactory(OrganisationFactory)
    locality = factory.LazyAttribute(lambda proposal: proposal.organisation.locality)
    language = "en"


def published(**fields) -> Proposal:
    today = dt.date(2026, 11, 23)
    return ProposalFactory(
        status=ProposalStatus.PUBLISHED,
        published_on=fields.pop("published_on", today),
        expires_on=fields.pop("expires_on", dt.date(2027, 11, 23)),
        **fields,
    )


def investment_project(levels: dict | None = None, **fields) -> Proposal:
    proposal = ProposalFactory(kind=ProposalKind.INVESTMENT_PROJECT, **fields)
    InvestmentDetails.objects.create(proposal=proposal, **(levels or {}))
    return proposal


def export_product(hs_code: str = "030617", **fields) -> Proposal:
    proposal = ProposalFactory(kind=ProposalKind.EXPORT_PRODUCT, **fields)
    ExportDetails.objects.create(proposal=proposal, product="Frozen shrimp", hs_code=hs_code)
    return proposal


def moderator_of(slug: str, **user_fields):
    user = UserFactory(**user_fields)
    LocalityModerator.objects.create(user=user, locality=locality(slug))
    return user
