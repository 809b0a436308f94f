"""Writing to a person from their profile: the profile shows what the organisation's page
already shows (never an e-mail address), the conversation reaches that one person (not the
organisation's administrators), and nobody can be written to through an organisation they
do not act for."""

import pytest
from django.core.exceptions import ValidationError

from kakehashi.messaging import services
from kakehashi.messaging.models import Thread, ThreadMember
from kakehashi.notifications.models import Notification
from tests.factories import OrganisationFactory, PersonFactory, member_of

pytestmark = pytest.mark.django_db


def _login(client, user):
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


def _profile(organisation, user):
    return f"/organisations/{organisation.pk}/people/{user.person.pk}/"


def _write(organisation, user):
    return f"/messages/new/?to={organisation.pk}&person={user.person.pk}"


def test_the_profile_shows_name_and_position_but_no_address(client, jp, tanaka, outsider):
    membership = tanaka.person.memberships.get()
    membership.position = "Overseas sales manager"
    membership.save()
    jp.is_published = True
    jp.save()
    page = client.get(_profile(jp, tanaka))  # anyone may read a published organisation's people
    body = page.content.decode()
    assert page.status_code == 200
    assert "Tanaka" in body and "Overseas sales manager" in body
    assert tanaka.email not in body
    assert 'id="write-to-person"' not in body  # writing needs an account and an organisation
    _login(client, outsider)
    body = client.get(_profile(jp, tanaka)).content.decode()
    assert f'href="{_write(jp, tanaka).replace("&", "&amp;")}"' in body
    # Reached from the organisation's page.
    assert _profile(jp, tanaka) in client.get(f"/organisations/{jp.pk}/").content.decode()


def test_profiles_of_unpublished_organisations_and_strangers_are_not_found(
    client, jp, vn, tanaka, outsider
):
    jp.is_published = False
    jp.save()
    _login(client, outsider)
    assert client.get(_profile(jp, tanaka)).status_code == 404
    vn.is_published = True
    vn.save()
    assert client.get(_profile(vn, tanaka)).status_code == 404  # Tanaka does not act for it
    assert client.get(f"/organisations/{vn.pk}/people/999999/").status_code == 404


def test_a_conversation_from_a_profile_reaches_that_person_only(client, vn, jp, lan, sato, tanaka):
    _login(client, lan)
    page = client.get(_write(jp, tanaka))
    assert page.status_code == 200 and "Tanaka" in page.content.decode()
    response = client.post(
        _write(jp, tanaka), {"organisation": vn.pk, "subject": "Visit", "body": "Xin chào anh"}
    )
    assert response.status_code == 302
    thread = Thread.objects.get()
    members = set(ThreadMember.objects.filter(thread=thread).values_list("user", flat=True))
    assert members == {lan.pk, tanaka.pk}  # not Sato, the company's administrator
    assert Notification.objects.filter(recipient=tanaka, link=thread.get_absolute_url()).exists()
    assert not Notification.objects.filter(recipient=sato).exists()


def test_nobody_is_written_to_through_an_organisation_they_do_not_act_for(
    client, vn, jp, lan, tanaka, outsider
):
    _login(client, lan)
    without_account = PersonFactory()
    without_account.memberships.create(organisation=jp)
    inactive = member_of(jp)
    inactive.is_active = False
    inactive.save()
    other = OrganisationFactory(is_published=True)
    lan.person.memberships.create(organisation=jp)  # Lan acts for both companies
    for address in (
        f"/messages/new/?to={other.pk}&person={tanaka.person.pk}",  # not one of its people
        f"/messages/new/?to={jp.pk}&person={without_account.pk}",
        _write(jp, inactive),
        _write(jp, lan),  # oneself, through the other company
        f"/messages/new/?to={jp.pk}&person=999999",
    ):
        assert client.get(address).status_code == 404, address
        body = {"organisation": vn.pk, "subject": "Hi", "body": "Hi"}
        assert client.post(address, body).status_code == 404, address
    # The service refuses too, for callers other than the page.
    with pytest.raises(ValidationError) as error:
        services.open_thread(
            subject="Hi",
            from_organisation=vn,
            to_organisation=other,
            by=lan,
            body="Hi",
            to_person=tanaka.person,
        )
    assert error.value.code == "person_unreachable"
    assert not Thread.objects.exists()
