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
