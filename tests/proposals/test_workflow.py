"""The workflow: who may create, edit, submit, publish, reject, withdraw, renew, archive; what
each step changes and whom it tells; and that refusals change nothing."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from kakehashi.directory.models import OrganisationKind
from kakehashi.notifications.models import Notification
from kakehashi.proposals import services
from kakehashi.proposals.models import Proposal, ProposalKind, ProposalStatus
from kakehashi.proposals.services import ExportInput, InvestmentInput, ProposalInput
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.proposals.factories import ProposalFactory, moderator_of, published

pytestmark = pytest.mark.usefixtures("reference")

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood", locality=locality("ho-chi-minh-city"))


@pytest.fixture
def owner(company):
    return member_of(company, email="owner@example.org")


@pytest.fixture
def hcmc_moderator():
    return moderator_of("ho-chi-minh-city", email="mod@example.org")


@pytest.fixture
def hanoi_moderator():
    return moderator_of("hanoi")


@pytest.fixture
def admin():
    return UserFactory(is_superuser=True, is_staff=True)


def offer(**fields) -> ProposalInput:
    return ProposalInput(
        kind=fields.pop("kind", ProposalKind.BUSINESS_OFFER),
        title=fields.pop("title", "Frozen shrimp for Japanese retailers"),
        summary=fields.pop("summary", "We process and freeze black tiger shrimp to JAS standards."),
        **fields,
    )


def snapshot(proposal: Proposal) -> tuple:
    proposal.refresh_from_db()
    return (proposal.status, proposal.published_on, proposal.expires_on, proposal.title)


# --- creating and editing -------------------------------------------------------------


def test_a_member_creates_a_draft_whose_language_is_detected(company, owner):
    proposal = services.create_proposal(
        data=offer(
            title="Tôm sú đông lạnh xuất khẩu sang Nhật Bản",
            summary="Công ty chúng tôi chế biến tôm sú đông lạnh theo tiêu chuẩn Nhật Bản.",
            partnership_types=["commercial", "supplier", "commercial"],
            target_countries=["JP"],
        ),
        organisation=company,
        by=owner,
    )
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.locality == company.locality
    assert (proposal.language, proposal.language_confirmed) == ("vi", False)
    assert [t.type for t in proposal.partnership_types.all()] == ["commercial", "supplier"]
    assert [c.country for c in proposal.target_countries.all()] == ["JP"]


def test_the_author_confirms_another_language(company, owner):
    proposal = services.create_proposal(
        data=offer(title="冷凍エビ", summary="ベトナム産の冷凍エビ", language="ja"),
        organisation=company,
        by=owner,
    )
    assert (proposal.language, proposal.language_confirmed) == ("ja", True)


def test_japanese_text_is_detected_as_japanese(company, owner):
    proposal = services.create_proposal(
        data=offer(
            title="省エネ技術の提供", summary="工場の省エネルギー化を支援する技術を提供します。"
        ),
        organisation=company,
        by=owner,
    )
    assert proposal.language == "ja"


def test_someone_outside_the_organisation_cannot_create_for_it(company):
    with pytest.raises(PermissionDenied):
        services.create_proposal(data=offer(), organisation=company, by=UserFactory())
    assert Proposal.objects.count() == 0


def test_an_export_product_needs_a_real_hs_code(company, owner):
    with pytest.raises(ValidationError) as error:
        services.create_proposal(
            data=offer(
                kind=ProposalKind.EXPORT_PRODUCT,
                export=ExportInput(product="Coffee", hs_code="090119"),
            ),
            organisation=company,
            by=owner,
        )
    assert error.value.code == "hs_code_unknown"
    assert Proposal.objects.count() == 0
    proposal = services.create_proposal(
        data=offer(
            kind=ProposalKind.EXPORT_PRODUCT,
            export=ExportInput(product="Robusta green coffee", hs_code="0901.11"),
        ),
        organisation=company,
        by=owner,
    )
    assert proposal.export.hs_code == "090111"


def test_an_investment_project_refuses_a_negative_amount(company, owner):
    with pytest.raises(ValidationError) as error:
        services.create_proposal(
            data=offer(
                kind=ProposalKind.INVESTMENT_PROJECT,
                investment=InvestmentInput(amount=-1, technology=3),
            ),
            organisation=company,
            by=owner,
        )
    assert error.value.code == "negative_amount"
    assert Proposal.objects.count() == 0


def test_switching_kind_drops_the_other_kinds_details(company, owner):
    proposal = services.create_proposal(
        data=offer(
            kind=ProposalKind.INVESTMENT_PROJECT,
            investment=InvestmentInput(amount=5_000_000, technology=4),
            advantages="kept only for offers",
        ),
        organisation=company,
        by=owner,
    )
    assert proposal.investment.technology == 4
    assert proposal.advantages == ""
    services.update_proposal(
        proposal=proposal,
        data=offer(kind=ProposalKind.TECHNOLOGY_OFFER, stage="prototype", advantages="Low energy"),
        by=owner,
    )
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert not hasattr(proposal, "investment")
    assert (proposal.stage, proposal.advantages) == ("prototype", "Low energy")


def test_only_owners_edit_and_only_drafts_or_rejected(company, owner, hcmc_moderator):
    proposal = ProposalFactory(organisation=company, title="Original")
    with pytest.raises(PermissionDenied):
        services.update_proposal(proposal=proposal, data=offer(title="Hijacked"), by=hcmc_moderator)
    proposal.status = ProposalStatus.SUBMITTED
    proposal.save()
    with pytest.raises(PermissionDenied):
        services.update_proposal(proposal=proposal, data=offer(title="Changed"), by=owner)
    assert Proposal.objects.get(pk=proposal.pk).title == "Original"


# --- the review ----------------------------------------------------------------------------


def test_submit_then_publish_for_twelve_months_telling_the_owners(
    company, owner, hcmc_moderator, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(organisation=company)
    services.submit(proposal=proposal, by=owner)
    assert Notification.objects.filter(recipient=hcmc_moderator).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(proposal=proposal, by=hcmc_moderator, today=TODAY)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PUBLISHED
    assert (proposal.published_on, proposal.expires_on) == (TODAY, dt.date(2027, 11, 23))
    assert proposal.reviewed_by == hcmc_moderator
    notice = Notification.objects.get(recipient=owner)
    assert notice.subject == f"Your proposal is published: {proposal.title}"
    assert [message.to for message in mail.outbox] == [["owner@example.org"]]


def test_a_moderator_of_another_locality_cannot_publish(company, owner, hanoi_moderator):
    proposal = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.publish(proposal=proposal, by=hanoi_moderator, today=TODAY)
    assert snapshot(proposal) == (ProposalStatus.SUBMITTED, None, None, proposal.title)


def test_owners_cannot_publish_their_own_proposal_even_as_moderators(company, owner):
    from kakehashi.proposals.models import LocalityModerator

    LocalityModerator.objects.create(user=owner, locality=company.locality)
    proposal = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.publish(proposal=proposal, by=owner, today=TODAY)
    assert snapshot(proposal)[0] == ProposalStatus.SUBMITTED


def test_a_platform_administrator_publishes_anywhere(company, admin):
    proposal = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    services.publish(proposal=proposal, by=admin, today=TODAY)
    assert snapshot(proposal)[0] == ProposalStatus.PUBLISHED


def test_a_draft_cannot_be_published_without_being_submitted(company, hcmc_moderator):
    proposal = ProposalFactory(organisation=company)
    with pytest.raises(PermissionDenied):
        services.publish(proposal=proposal, by=hcmc_moderator, today=TODAY)
    assert snapshot(proposal)[0] == ProposalStatus.DRAFT


def test_a_prefecture_moderator_reviews_its_cities():
    yokohama = OrganisationFactory(country="JP", locality=locality("yokohama-city"))
    proposal = ProposalFactory(organisation=yokohama, status=ProposalStatus.SUBMITTED)
    services.publish(proposal=proposal, by=moderator_of("kanagawa-prefecture"), today=TODAY)
    assert snapshot(proposal)[0] == ProposalStatus.PUBLISHED


def test_reject_needs_a_reason_and_tells_the_owners(company, owner, hcmc_moderator):
    proposal = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.reject(proposal=proposal, by=hcmc_moderator, reason="  ")
    assert error.value.code == "reason_missing"
    assert snapshot(proposal)[0] == ProposalStatus.SUBMITTED
    services.reject(proposal=proposal, by=hcmc_moderator, reason="Add the product's capacity.")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    notice = Notification.objects.get(recipient=owner)
    assert "Add the product's capacity." in notice.body
    # The owners edit and submit again; the reason is cleared.
    services.update_proposal(proposal=proposal, data=offer(title="Better"), by=owner)
    services.submit(proposal=proposal, by=owner)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.rejection_reason) == (ProposalStatus.SUBMITTED, "")


def test_only_owners_submit_withdraw_and_renew(company, owner, hcmc_moderator):
    draft = ProposalFactory(organisation=company)
    with pytest.raises(PermissionDenied):
        services.submit(proposal=draft, by=hcmc_moderator)
    live = published(organisation=company)
    for step in (services.withdraw, services.renew):
        with pytest.raises(PermissionDenied):
            step(proposal=live, by=UserFactory())
    assert snapshot(draft)[0] == ProposalStatus.DRAFT
    assert snapshot(live)[:3] == (ProposalStatus.PUBLISHED, TODAY, dt.date(2027, 11, 23))
    services.withdraw(proposal=live, by=owner)
    assert snapshot(live)[0] == ProposalStatus.WITHDRAWN


def test_renew_extends_from_the_expiry_or_from_today(company, owner):
    live = published(organisation=company, expires_on=dt.date(2027, 1, 31))
    services.renew(proposal=live, by=owner, today=TODAY)
    assert snapshot(live)[2] == dt.date(2028, 1, 31)
    gone = published(
        organisation=company, published_on=dt.date(2025, 10, 1), expires_on=dt.date(2026, 10, 1)
    )
    gone.status = ProposalStatus.EXPIRED
    gone.save()
    services.renew(proposal=gone, by=owner, today=TODAY)
    assert snapshot(gone)[0::2] == (ProposalStatus.PUBLISHED, dt.date(2027, 11, 23))


def test_expire_due_expires_only_what_is_due_and_is_idempotent(company, owner):
    start = dt.date(2025, 11, 23)
    due = published(organisation=company, published_on=start, expires_on=TODAY)
    later = published(
        organisation=company, published_on=start, expires_on=TODAY + dt.timedelta(days=1)
    )
    assert services.expire_due(today=TODAY) == 1
    assert services.expire_due(today=TODAY) == 0
    assert snapshot(due)[0] == ProposalStatus.EXPIRED
    assert snapshot(later)[0] == ProposalStatus.PUBLISHED
    assert Notification.objects.filter(recipient=owner).count() == 1


def test_archive_by_owner_or_moderator_not_by_others(company, owner, hcmc_moderator):
    proposal = published(organisation=company)
    with pytest.raises(PermissionDenied):
        services.archive(proposal=proposal, by=member_of(OrganisationFactory()))
    assert snapshot(proposal)[0] == ProposalStatus.PUBLISHED
    services.archive(proposal=proposal, by=hcmc_moderator)
    assert snapshot(proposal)[0] == ProposalStatus.ARCHIVED


def test_the_database_refuses_an_expiry_before_publication(company):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        published(organisation=company, published_on=TODAY, expires_on=TODAY)


def test_local_government_members_are_owners_of_their_own_proposals_only():
    government = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, locality=locality("ho-chi-minh-city")
    )
    official = member_of(government)
    other = ProposalFactory(organisation=OrganisationFactory(), status=ProposalStatus.REJECTED,
                            rejection_reason="x")  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.submit(proposal=other, by=official)
