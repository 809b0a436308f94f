"""After signing in, each demo person's home page starts with what waits for them, each
item linking to where it is acted on; a visitor gets the public home page instead."""

import re

import pytest
from django.utils import timezone

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import demo_email
from kakehashi.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def start_section(client, who: str) -> str:
    client.force_login(User.objects.get(email=demo_email(who)))
    client.cookies["kakehashi_language"] = "en"
    html = client.get("/").content.decode()
    section = re.search(r'<section class="start".*?</section>', html, re.S)
    assert section, f"{who} has no start section"
    return section.group(0)


def steps(section: str) -> dict[str, str]:
    """Each waiting item's text -> the link it goes to."""
    items = re.findall(r'<li class="card step[^"]*">\s*<a href="([^"]+)">(.*?)</a>', section, re.S)
    return {re.sub(r"\s+", " ", text).strip(): href for href, text in items}


def test_the_platform_administrator_sees_the_moderation_queue(client, demo):
    assert steps(start_section(client, "admin")) == {
        "1 proposal waits for your review": "/proposals/moderation/",
    }


def test_the_ho_chi_minh_city_organiser_sees_messages_obstacles_and_registrations(client, demo):
    meet_japan = Event.objects.get(slug="meet-japan-2027")
    assert steps(start_section(client, "hcmc")) == {
        "1 unread message": "/messages/",
        "1 obstacle for your authority to answer": "/obstacles/queue/",
        f"{meet_japan.name}: 1 registration to approve": "/events/meet-japan-2027/registrations/",
    }


def test_the_osaka_organiser_sees_the_registration_to_approve(client, demo):
    meet_japan = Event.objects.get(slug="meet-japan-2027")
    assert steps(start_section(client, "osaka")) == {
        f"{meet_japan.name}: 1 registration to approve": "/events/meet-japan-2027/registrations/",
    }


def test_the_cold_chain_company_sees_the_interest_in_its_request(client, demo):
    assert steps(start_section(client, "coldchain")) == {
        "1 expression of interest in your proposals waits for your answer": "/proposals/interests/",
    }


def test_the_robotics_company_sees_the_meeting_request_to_answer(client, demo):
    meet_japan = Event.objects.get(slug="meet-japan-2027")
    assert steps(start_section(client, "robotics")) == {
        f"1 meeting request at {meet_japan.name} waits for your answer": (
            "/events/meet-japan-2027/meetings/"
        ),
    }


def test_published_meetings_come_first_with_time_place_and_counterpart(client, demo):
    from kakehashi.directory.queries import organisation_ids_of
    from kakehashi.events.models import Meeting, MeetingSlot, MeetingTable

    own = organisation_ids_of(User.objects.get(email=demo_email("robotics")))
    meeting = Meeting.objects.filter(
        participants__registration__organisation_id__in=own, event__slug="meet-japan-2027"
    ).first()
    slot = MeetingSlot.objects.filter(event=meeting.event).order_by("starts_at").first()
    table = MeetingTable.objects.get(event=meeting.event, name="A2")
    Meeting.objects.filter(pk=meeting.pk).update(published_slot=slot, published_table=table)
    section = start_section(client, "robotics")
    assert "Your next meetings" in section
    table_html = section.split('<table class="next-meetings">')[1]
    assert "A2" in table_html
    others = [
        p.registration.organisation.display_name
        for p in meeting.participants.select_related("registration__organisation")
        if p.registration.organisation_id not in own
    ]
    assert others and all(name in table_html for name in others)
    assert slot.starts_at > timezone.now()


def test_a_visitor_gets_the_public_home_page_with_a_way_to_register(client, demo):
    html = client.get("/").content.decode()
    assert '<section class="start"' not in html
    assert 'href="/accounts/sign-up/"' in html
    assert "Recently signed" in html


def test_a_meeting_by_video_says_so_where_a_table_would_be(client, demo):
    # The demo's HCMC delegation meets Kitakyushu's remote delegation by video.
    table_html = start_section(client, "hcmc").split('<table class="next-meetings">')[1]
    row = next(r for r in table_html.split("<tr>") if "Kitakyushu" in r)
    assert "By video" in row
