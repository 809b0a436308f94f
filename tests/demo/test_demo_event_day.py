"""The demo conference's event day: badges for every approved delegate (one revoked and
reissued), delegates checked in, a published schedule, so the badge page, the check-in desk
and the table cards show something; loading twice adds nothing."""

import pytest
from django.urls import reverse

from kakehashi.accounts.models import User
from kakehashi.demo.loader import demo_email, load_demo
from kakehashi.events.models import Badge, CheckIn, Event


@pytest.fixture
def demo(db):
    load_demo()
    return Event.objects.get(slug="meet-japan-2027")


def test_the_demo_conference_has_badges_check_ins_and_a_published_schedule(client, demo):
    approved = demo.registrations.filter(status="approved")
    delegates = sum(1 + r.members.count() for r in approved)
    assert demo.badges.filter(revoked_at__isnull=True).count() == delegates
    assert demo.badges.filter(revoked_at__isnull=False).count() == 1
    assert demo.check_ins.filter(session__isnull=True).count() == 6
    assert demo.check_ins.filter(session__isnull=False).count() == 3
    assert demo.meetings.filter(published_slot__isnull=False).count() == 9

    load_demo()
    assert Badge.objects.filter(event=demo).count() == delegates + 1
    assert CheckIn.objects.filter(event=demo).count() == 9

    client.force_login(User.objects.get(email=demo_email("hcmc")))
    client.cookies["kakehashi_language"] = "en"
    desk = client.get(reverse("events:check_in", args=[demo.slug])).content.decode()
    assert f"6 of {delegates} delegates checked in at the entrance." in desk
    assert "08:00–09:00" in desk
    badges = client.get(reverse("events:badges", args=[demo.slug])).content.decode()
    assert "Revoked on" in badges
    cards = client.get(reverse("events:table_cards", args=[demo.slug]))
    assert cards["Content-Type"] == "application/pdf"
