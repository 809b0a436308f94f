"""Beyond its own page, a proposal reads in the reader's language too: in the list (with a
mark and the original one click away) and in the notices its parties receive."""

import pytest
from django.urls import reverse

from kakehashi.notifications.models import Notification
from kakehashi.proposals import services
from kakehashi.proposals.models import original_fingerprint
from kakehashi.proposals.translation_services import save_machine_translation, save_translation
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import JA_TITLE, VI_TITLE, published

pytestmark = pytest.mark.usefixtures("reference")

EN_TITLE = "Frozen shrimp for the Japanese market"


@pytest.fixture
def author(company):
    return member_of(company, preferred_language="vi")


@pytest.fixture
def proposal(company, author):
    proposal = published(organisation=company, created_by=author, language="vi", title=VI_TITLE)
    save_translation(proposal=proposal, language="ja", title=JA_TITLE, summary="", by=author)
    return proposal


def list_page(client, language) -> str:
    client.cookies["kakehashi_language"] = language
    response = client.get(reverse("proposals:list"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_the_readers_translation_with_a_mark_and_the_original(client, proposal):
    html = list_page(client, "ja")
    assert JA_TITLE in html and VI_TITLE not in html
    assert "ベトナム語から翻訳" in html
    assert f'href="{proposal.get_absolute_url()}?original=1" hreflang="vi"' in html


def test_without_a_translation_the_list_shows_the_original_unmarked(client, proposal):
    html = list_page(client, "en")
    assert VI_TITLE in html and JA_TITLE not in html
    assert "translated-mark" not in html


def test_a_machine_translation_is_marked_as_one(client, proposal):
    save_machine_translation(
        proposal=proposal,
        language="en",
        title=EN_TITLE,
        summary="",
        made_from=original_fingerprint(proposal),
    )
    html = list_page(client, "en")
    assert EN_TITLE in html
    assert 'class="translated-mark machine"' in html
    assert "Machine translation from Vietnamese" in html


def test_each_party_is_told_in_its_language_with_the_title_it_reads(proposal, author):
    buyer = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    buyer_member = member_of(buyer, preferred_language="ja")
    interest = services.express_interest(
        proposal=proposal, organisation=buyer, by=buyer_member, message="ぜひ。"
    )
    services.accept_contact(interest=interest, by=author)

    told_owner = Notification.objects.get(recipient=author)
    assert VI_TITLE in told_owner.subject  # the author reads the original
    told_buyer = Notification.objects.get(recipient=buyer_member)
    assert JA_TITLE in told_buyer.subject and VI_TITLE not in told_buyer.subject
