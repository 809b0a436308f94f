"""The organisers' schedule pages: a visitor is sent to sign in, and the pages that change
something accept only a form sent with POST (a link or a crawler never starts a run)."""

import pytest
from django.urls import reverse

from kakehashi.events.models import ScheduleRun

pytestmark = pytest.mark.django_db

PAGES = ["schedule", "schedule_publish", "sheets"]
POST_ONLY = ["schedule_run", "organiser_meeting"]


@pytest.mark.parametrize("name", PAGES + POST_ONLY)
def test_a_visitor_is_sent_to_sign_in(client, conference, name):
    event, _, _ = conference
    response = client.get(reverse(f"events:{name}", args=[event.slug]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", POST_ONLY)
def test_changes_need_a_post(client, conference, name):
    event, organiser, _ = conference
    client.force_login(organiser)
    assert client.get(reverse(f"events:{name}", args=[event.slug])).status_code == 405
    assert not ScheduleRun.objects.exists()


def test_a_meeting_update_needs_a_post(client, conference):
    event, organiser, _ = conference
    client.force_login(organiser)
    url = reverse("events:meeting_update", args=[event.slug, 1])
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("name", PAGES)
def test_organisers_reach_the_pages(client, conference, name):
    event, organiser, _ = conference
    client.force_login(organiser)
    assert client.get(reverse(f"events:{name}", args=[event.slug])).status_code == 200


def test_held_and_no_show_are_offered_only_once_a_meeting_has_begun(client, conference):

    from kakehashi.events import services
    from kakehashi.events.models import Meeting

    event, organiser, delegations = conference
    (a, a_user), (b, b_user) = delegations["danang"], delegations["osaka"]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    meeting = Meeting.objects.get(request=request)
    slot = event.meeting_slots.order_by("starts_at").first()
    services.place_meeting(
        meeting=meeting, slot=slot, table=event.meeting_tables.first(), by=organiser
    )
    client.force_login(organiser)
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    assert 'value="lock"' in page  # the meeting is placed, months ahead
    assert 'value="held"' not in page and 'value="no_show"' not in page

    type(slot).objects.filter(pk=slot.pk).update(
        starts_at=slot.starts_at.replace(year=2020), ends_at=slot.ends_at.replace(year=2020)
    )
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    assert 'value="held"' in page and 'value="no_show"' in page
