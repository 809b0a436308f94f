"""A thread about an anonymous proposal can be opened only once its owner accepted contact
with the other organisation; until then nothing shows who the owner is."""

import pytest
from django.core.exceptions import ValidationError

from kakehashi.messaging.models import Thread
from kakehashi.proposals import services as proposal_services
from tests.messaging.factories import thread_between
from tests.proposals.factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret_offer(jp, sato):
    return published(organisation=jp, is_anonymous=True, title="Precision robot arms")


@pytest.fixture
def interest(secret_offer, lan, vn):
    return proposal_services.express_interest(
        proposal=secret_offer, organisation=vn, by=lan, message="We would like to talk."
    )


def test_no_thread_before_contact_is_accepted(secret_offer, interest, lan, sato, vn, jp):
    for sender, own, other in ((lan, vn, jp), (sato, jp, vn)):
        with pytest.raises(ValidationError) as error:
            thread_between(sender, own, other, about=secret_offer)
        assert error.value.code == "contact_not_accepted"
    assert not Thread.objects.exists()


def test_declined_contact_keeps_the_owner_hidden(secret_offer, interest, lan, sato, vn, jp):
    proposal_services.decline_contact(interest=interest, by=sato)
    with pytest.raises(ValidationError):
        thread_between(lan, vn, jp, about=secret_offer)


def test_thread_once_contact_is_accepted(secret_offer, interest, lan, sato, vn, jp):
    proposal_services.accept_contact(interest=interest, by=sato)

    thread = thread_between(lan, vn, jp, about=secret_offer)

    assert thread.proposal == secret_offer
    assert {p.organisation_id for p in thread.parties.all()} == {vn.pk, jp.pk}


def test_accepting_one_organisation_reveals_nothing_to_another(
    secret_offer, interest, lan, sato, outsider, vn, jp
):
    proposal_services.accept_contact(interest=interest, by=sato)
    eve_org = outsider.person.memberships.get().organisation
    with pytest.raises(ValidationError) as error:
        thread_between(outsider, eve_org, jp, about=secret_offer)
    assert error.value.code == "contact_not_accepted"


def test_new_thread_page_hides_an_anonymous_owner_until_accepted(
    client, secret_offer, interest, lan, sato, vn, jp
):
    lan.preferred_language = "en"  # the page's words, in English, are what is looked for
    lan.save()
    client.force_login(lan)
    address = f"/messages/new/?proposal={secret_offer.pk}&from={vn.pk}"
    page = client.get(f"/proposals/{secret_offer.pk}/")
    assert "Write to the proposal's owner" not in page.content.decode()
    assert client.get(address).status_code == 404

    proposal_services.accept_contact(interest=interest, by=sato)

    page = client.get(f"/proposals/{secret_offer.pk}/").content.decode()
    assert "Write to the proposal's owner" in page
    response = client.get(address)
    assert response.status_code == 200
    assert "Osaka Precision" in response.content.decode()
    response = client.post(
        address,
        {"organisation": vn.pk, "subject": "Robot arms", "body": "Xin chào", "language": ""},
    )
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/messages/{thread.pk}/"


def test_owner_sees_a_write_to_link_per_accepted_interest(
    client, secret_offer, interest, lan, sato, vn, jp
):
    sato.preferred_language = "en"  # the page's words, in English, are what is looked for
    sato.save()
    client.force_login(sato)
    page = client.get(f"/proposals/{secret_offer.pk}/").content.decode()
    assert "Write to Saigon Robotics" not in page
    proposal_services.accept_contact(interest=interest, by=sato)
    page = client.get(f"/proposals/{secret_offer.pk}/").content.decode()
    assert "Write to Saigon Robotics" in page
    assert f"/messages/new/?proposal={secret_offer.pk}&amp;to={vn.pk}" in page
