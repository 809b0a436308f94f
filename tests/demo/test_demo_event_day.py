"""The demo's event day. Meet Japan 2027 (ahead): badges for every approved delegate (one
revoked and reissued), a published schedule and a check-in desk that waits for its morning.
The 2025 festival (held): badges, delegates checked in at the entrance, a delegation that
attended by video (its meetings took no table) and feedback, so every event-day page shows
something; loading twice adds nothing."""

import pytest
from django.urls import reverse

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import demo_email
from kakehashi.events.models import Badge, CheckIn, Event, MeetingFeedback


@pytest.fixture
def demo(db):
    load_demo()
    return Event.objects.get(slug="meet-japan-2027")


def _delegates(event: Event) -> int:
    """Approved delegates, a person named by two delegations counted once."""
    approved = event.registrations.filter(status="approved")
    return len({p.pk for r in approved for p in r.delegates})


def _page(client, name: str, event: Event) -> str:
    return client.get(reverse(name, args=[event.slug])).content.decode()


def test_the_demo_conference_has_badges_and_a_published_schedule(client, demo):
    delegates = _delegates(demo)
    assert demo.badges.filter(revoked_at__isnull=True).count() == delegates
    assert demo.badges.filter(revoked_at__isnull=False).count() == 1
    assert not demo.check_ins.exists()  # 10 March 2027 is still ahead
    assert demo.meetings.filter(published_slot__isnull=False).count() == 9
    assert demo.registrations.filter(attends_remotely=True).count() == 1

    load_demo()
    assert Badge.objects.filter(event=demo).count() == delegates + 1

    client.force_login(User.objects.get(email=demo_email("hcmc")))
    client.cookies["kakehashi_language"] = "en"
    assert f"0 of {delegates} delegates checked in" in _page(client, "events:check_in", demo)
    assert "Revoked on" in _page(client, "events:badges", demo)
    cards = client.get(reverse("events:table_cards", args=[demo.slug]))
    assert cards["Content-Type"] == "application/pdf"


def test_the_demo_festival_has_badges_check_ins_a_remote_delegation_and_feedback(client, demo):
    festival = Event.objects.get(slug="vj-festival-2025")
    delegates = _delegates(festival)
    assert festival.badges.filter(revoked_at__isnull=True).count() == delegates
    remote = festival.registrations.get(attends_remotely=True)
    assert remote.organisation.name_en == "Naniwa Robotics K.K. (demo)"
    remote_meetings = festival.meetings.filter(participants__registration=remote)
    assert remote_meetings.count() == 2
    assert not remote_meetings.filter(published_table__isnull=False).exists()
    arrivals = festival.check_ins.filter(session__isnull=True)
    assert arrivals.count() == 5
    assert not arrivals.filter(registration=remote).exists()
    assert MeetingFeedback.objects.filter(meeting__event=festival, given_at__isnull=False).exists()

    load_demo()
    assert CheckIn.objects.filter(event=festival).count() == 5

    client.force_login(User.objects.get(email=demo_email("hcmc")))
    client.cookies["kakehashi_language"] = "en"
    desk = _page(client, "events:check_in", festival)
    assert f"5 of {delegates} delegates checked in at the entrance." in desk
    assert "13:00–14:00" in desk
    assert "7 of 8 delegations (88%)" in _page(client, "insights:event_feedback", festival)
    overview = client.get(reverse("events:room_overview", args=[festival.slug]))
    assert overview["Content-Type"] == "application/pdf"
