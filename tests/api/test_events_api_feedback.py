"""The events API after a meeting: "we are meeting", a delegation's rating and what follows,
its six-month answer, and the networking figures; the same services and refusals as the pages
(tests/events/test_feedback.py), and who may not."""

import pytest

from kakehashi.events.models import MeetingFeedback, MeetingOutcome, MeetingStatus
from kakehashi.insights.models import Outcome
from tests.events.builders import build_conference
from tests.events.test_feedback import asked, held_meeting, scheduled_meeting
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(reference):
    return build_conference()


def url(event, meeting, action: str) -> str:
    return f"/events/{event.slug}/meetings/{meeting.pk}/{action}"


def test_we_are_meeting_is_refused_before_the_slot_and_to_others(as_user, conference):
    event, organiser, delegations = conference
    meeting = scheduled_meeting(event, organiser, delegations)  # 10 March 2027, still ahead
    early = as_user(delegations["danang"][1]).post(url(event, meeting, "check-in"), {})
    assert early.status_code == 422 and early.json()["code"] == "too_early"
    outsider = as_user(delegations["aichi"][1]).post(url(event, meeting, "check-in"), {})
    assert outsider.status_code == 403
    stranger = as_user(UserFactory()).post(url(event, meeting, "check-in"), {})
    assert stranger.status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_a_delegation_rates_a_held_meeting_once_and_its_next_step_is_an_outcome(
    as_user, conference
):
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    danang = as_user(delegations["danang"][1])
    rating = {"useful": True, "meet_again": True, "next_step": "mou"}

    bad = danang.post(url(event, meeting, "feedback"), {**rating, "next_step": "contract"})
    assert bad.status_code == 422
    outsider = as_user(delegations["aichi"][1]).post(url(event, meeting, "feedback"), rating)
    assert outsider.status_code == 403
    assert not MeetingFeedback.objects.exists() and not MeetingOutcome.objects.exists()

    given = danang.post(url(event, meeting, "feedback"), rating)
    assert given.status_code == 201, given.json()
    assert {k: given.json()[k] for k in ("meeting", "delegation", "next_step", "useful")} == {
        "meeting": meeting.pk,
        "delegation": delegations["danang"][0].pk,
        "next_step": "mou",
        "useful": True,
    }
    again = danang.post(url(event, meeting, "feedback"), rating)
    assert again.status_code == 422 and again.json()["code"] == "already_given"
    assert list(MeetingOutcome.objects.values_list("meeting", "kind")) == [(meeting.pk, "mou")]


def test_the_six_month_answer_only_once_asked_and_it_records_a_result(
    as_user, conference, mailoutbox
):
    event, organiser, delegations = conference
    not_yet = held_meeting(event, organiser, delegations, "hue", "aichi", slot=1)
    hue = as_user(delegations["hue"][1])
    early = hue.post(url(event, not_yet, "follow-up"), {"answer": "negotiation"})
    assert early.status_code == 422 and early.json()["code"] == "not_asked"

    meeting = asked(event, organiser, delegations)
    danang = as_user(delegations["danang"][1])
    no_amount = danang.post(url(event, meeting, "follow-up"), {"answer": "investment"})
    assert no_amount.status_code == 422 and not Outcome.objects.exists()
    answered = danang.post(
        url(event, meeting, "follow-up"),
        {"answer": "investment", "amount": "1200000", "currency": "USD"},
    )
    assert answered.status_code == 200, answered.json()
    assert answered.json()["follow_up_answer"] == "investment"
    outcome = Outcome.objects.get()
    assert (outcome.meeting_id, outcome.kind, str(outcome.amount)) == (
        meeting.pk,
        "investment",
        "1200000.00",
    )
    twice = danang.post(url(event, meeting, "follow-up"), {"answer": "nothing"})
    assert twice.status_code == 422 and twice.json()["code"] == "already_answered"


def test_networking_figures_for_organisers_all_for_a_delegation_its_own(as_user, conference):
    event, organiser, delegations = conference
    held_meeting(event, organiser, delegations)
    path = f"/events/{event.slug}/networking"

    everyone = as_user(organiser).get(path)
    assert everyone.status_code == 200
    by_id = {row["delegation"]: row for row in everyone.json()}
    danang = delegations["danang"][0]
    assert len(by_id) == len(delegations)
    assert (by_id[danang.pk]["sent"], by_id[danang.pk]["held"]) == (1, 1)

    own = as_user(delegations["danang"][1]).get(path)
    assert [row["delegation"] for row in own.json()] == [danang.pk]
    osaka = delegations["osaka"][0]
    assert as_user(delegations["danang"][1]).get(f"{path}?delegation={osaka.pk}").status_code == 404
    assert as_user(UserFactory()).get(path).status_code == 403
