"""The demo's past festival has meetings held with feedback and six-month answers, and one
no-show, so that the feedback results and networking figures show something."""

import pytest
from django.urls import reverse

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import demo_email
from kakehashi.events.models import Meeting, MeetingFeedback, MeetingOutcome
from kakehashi.insights.demo import EVENT_SLUG


@pytest.fixture
def demo(db):
    load_demo()


def test_the_demo_festival_has_feedback_that_the_results_show(demo, client):
    rows = MeetingFeedback.objects.filter(meeting__event__slug=EVENT_SLUG)
    assert rows.filter(given_at__isnull=False).count() == 7
    assert rows.exclude(follow_up_answer="").count() == 6
    assert MeetingOutcome.objects.filter(
        meeting__event__slug=EVENT_SLUG, kind="negotiation"
    ).exists()
    statuses = Meeting.objects.filter(event__slug=EVENT_SLUG).values_list("status", flat=True)
    assert sorted(statuses) == ["held"] * 4 + ["no_show", "scheduled"]
    load_demo()  # idempotent
    assert rows.filter(given_at__isnull=False).count() == 7
    client.force_login(User.objects.get(email=demo_email("hcmc")))
    page = client.get(reverse("insights:event_feedback", args=[EVENT_SLUG])).content.decode()
    assert "7 trên 8 đoàn (88%)" in page  # hcmc@ reads Vietnamese
