"""Who may NOT change a proposal: every service refuses a member of another organisation, a
signed-in user who acts for none and an anonymous caller (proposals.rules.require), and
writes nothing. The pages and the API ask the same permissions first (their own tests);
this is the services' own guard. Who else may not (a moderator editing, an owner reviewing)
is in test_workflow.py."""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kakehashi.common.models import AuditEntry
from kakehashi.notifications.models import Notification
from kakehashi.proposals import services, translation_services
from kakehashi.proposals.models import (
    Interest,
    Proposal,
    ProposalAttachment,
    ProposalKind,
    ProposalStatus,
    ProposalTranslation,
    ScreeningWeights,
)
from kakehashi.proposals.screening import CRITERIA
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import ProposalFactory, moderator_of, published, translate
from tests.shapes import OTHERS, assert_done, assert_refused, user_named

pytestmark = pytest.mark.usefixtures("reference")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _offer(title: str) -> services.ProposalInput:
    return services.ProposalInput(
        kind=ProposalKind.BUSINESS_OFFER, title=title, summary="Frozen shrimp.", language="en"
    )


@pytest.fixture
def market():
    """A Ho Chi Minh City company with a draft, a submitted and a published proposal (with a
    Japanese translation and a Hanoi company's pending interest), and the city's moderator."""
    company = OrganisationFactory(name="Saigon Seafood", locality=locality("ho-chi-minh-city"))
    hanoi = OrganisationFactory(name="Hanoi Machinery", locality=locality("hanoi"))
    owner, outsider = member_of(company), member_of(hanoi)
    draft = ProposalFactory(organisation=company, created_by=owner)
    attachment = services.add_attachment(
        proposal=draft,
        title="Brochure",
        upload=SimpleUploadedFile("b.pdf", PDF, content_type="application/pdf"),
        by=owner,
    )
    offer = published(organisation=company, created_by=owner)
    translate(offer, owner)
    return SimpleNamespace(
        company=company,
        hanoi=hanoi,
        third=OrganisationFactory(name="Osaka Trading", locality=locality("osaka-city")),
        owner=owner,
        outsider=outsider,
        moderator=moderator_of("ho-chi-minh-city"),
        draft=draft,
        attachment=attachment,
        submitted=ProposalFactory(
            organisation=company, created_by=owner, status=ProposalStatus.SUBMITTED
        ),
        published=offer,
        interest=services.express_interest(
            proposal=offer, organisation=hanoi, by=outsider, message="We would like to talk."
        ),
    )


WEIGHTS = {criterion: 5 for criterion in CRITERIA}

# Each call, and who may make it (the tests below show that the others may not).
CALLS = {
    "create_proposal": (
        "owner",
        lambda m, by: services.create_proposal(
            data=_offer("New offer"), organisation=m.company, by=by
        ),
    ),
    "update_proposal": (
        "owner",
        lambda m, by: services.update_proposal(proposal=m.draft, data=_offer("Renamed"), by=by),
    ),
    "add_attachment": (
        "owner",
        lambda m, by: services.add_attachment(
            proposal=m.draft,
            title="Price list",
            upload=SimpleUploadedFile("p.pdf", PDF, content_type="application/pdf"),
            by=by,
        ),
    ),
    "remove_attachment": (
        "owner",
        lambda m, by: services.remove_attachment(attachment=m.attachment, by=by),
    ),
    "submit": ("owner", lambda m, by: services.submit(proposal=m.draft, by=by)),
    "publish": ("moderator", lambda m, by: services.publish(proposal=m.submitted, by=by)),
    "reject": (
        "moderator",
        lambda m, by: services.reject(proposal=m.submitted, reason="Too vague.", by=by),
    ),
    "withdraw": ("owner", lambda m, by: services.withdraw(proposal=m.published, by=by)),
    "renew": ("owner", lambda m, by: services.renew(proposal=m.published, by=by)),
    "archive": ("owner", lambda m, by: services.archive(proposal=m.published, by=by)),
    "express_interest_for_another_organisation": (
        "platform_admin",
        lambda m, by: services.express_interest(
            proposal=m.published, organisation=m.third, by=by, message="Interested."
        ),
    ),
    "accept_contact": ("owner", lambda m, by: services.accept_contact(interest=m.interest, by=by)),
    "decline_contact": (
        "owner",
        lambda m, by: services.decline_contact(interest=m.interest, by=by),
    ),
    "set_screening_weights": (
        "moderator",
        lambda m, by: services.set_screening_weights(
            locality=locality("ho-chi-minh-city"), weights=WEIGHTS, by=by
        ),
    ),
    "save_translation": (
        "owner",
        lambda m, by: translation_services.save_translation(
            proposal=m.published, language="vi", title="Tôm", summary="Tôm đông lạnh.", by=by
        ),
    ),
    "delete_translation": (
        "owner",
        lambda m, by: translation_services.delete_translation(
            proposal=m.published, language="ja", by=by
        ),
    ),
    "drop_other_kinds_texts": (
        "owner",
        lambda m, by: translation_services.drop_other_kinds_texts(proposal=m.draft, by=by),
    ),
    "delete_in_original_language": (
        "owner",
        lambda m, by: translation_services.delete_in_original_language(proposal=m.draft, by=by),
    ),
}


def state() -> tuple:
    """What any of the calls would change."""
    return (
        list(
            Proposal.objects.order_by("pk").values_list(
                "pk", "status", "title", "published_on", "expires_on"
            )
        ),
        ProposalAttachment.objects.count(),
        list(Interest.objects.order_by("pk").values_list("pk", "status")),
        ScreeningWeights.objects.count(),
        list(ProposalTranslation.objects.order_by("pk").values_list("language", "title")),
        AuditEntry.objects.count(),
        Notification.objects.count(),
    )


@pytest.mark.parametrize("name", CALLS.keys())
@pytest.mark.parametrize("who", OTHERS)
def test_others_may_not(market, name, who):
    _allowed, call = CALLS[name]
    assert_refused(lambda: call(market, user_named(who, market)), state)


@pytest.mark.parametrize("name", CALLS.keys())
def test_those_allowed_may(market, name):
    allowed, call = CALLS[name]
    by = user_named(allowed, market)
    # The draft has no translations to tidy: those two change nothing here.
    if name in ("drop_other_kinds_texts", "delete_in_original_language"):
        call(market, by)
    else:
        assert_done(lambda: call(market, by), state)
