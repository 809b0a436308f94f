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
from kakehashi.proposals.translation_services import save_translation
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


# A Vietnamese proposal and its Japanese translation, as the translation tests use them.
VI_TITLE = "Tôm đông lạnh cho thị trường Nhật Bản"
VI_SUMMARY = "Chúng tôi chế biến tôm sú đạt tiêu chuẩn JAS."
JA_TITLE = "日本市場向け冷凍エビ"
JA_SUMMARY = "JAS規格のブラックタイガーを加工しています。"


def translate(proposal, by, language="ja", **texts):
    """A person's translation through the service (the Japanese one unless told)."""
    return save_translation(
        proposal=proposal,
        language=language,
        title=texts.get("title", JA_TITLE),
        summary=texts.get("summary", JA_SUMMARY),
        description=texts.get("description", ""),
        advantages=texts.get("advantages", ""),
        sought=texts.get("sought", ""),
        partner_role=texts.get("partner_role", ""),
        by=by,
    )


def page(client, proposal, language, **query) -> str:
    """The proposal's page as a reader of `language` sees it."""
    client.cookies["kakehashi_language"] = language
    response = client.get(proposal.get_absolute_url(), query)
    assert response.status_code == 200
    return response.content.decode()
