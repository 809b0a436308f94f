"""The events API on the event day: a delegation lists the slots it can still book with
another, books one and cancels a meeting; the same services and checks as the booking page
(events/services/live.py)."""

import pytest

from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingStatus
from tests.events.builders import a_finished_run, build_conference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(reference):
    event, organiser, delegations = build_conference()
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    return event, organiser, delegations


def test_a_delegation_lists_free_slots_books_one_and_cancels_it(as_user, published, mailoutbox):
    event, _organiser, delegations = published
    hue, hue_user = delegations["hue"]
    danang = delegations["danang"][0]
    client = as_user(hue_user)
    free = client.get(f"/events/{event.slug}/free-slots?counterpart={danang.pk}")
    assert free.status_code == 200, free.json()
    slots = free.json()["items"]
    assert [slot["starts_at"][11:16] for slot in slots] == ["14:00", "14:30", "15:00", "15:30"]
    assert free.json()["time_zone"] == "Asia/Ho_Chi_Minh"

    booked = client.post(
        f"/events/{event.slug}/bookings", {"counterpart": danang.pk, "slot": slots[1]["id"]}
    )
    assert booked.status_code == 201, booked.json()
    assert booked.json()["starts_at"].startswith("2027-03-10T14:30:00+07:00")
    assert booked.json()["table"] == "Table 2" and booked.json()["interpreting"] == []
    again = client.post(
        f"/events/{event.slug}/bookings", {"counterpart": danang.pk, "slot": slots[2]["id"]}
    )
    assert again.status_code == 422 and again.json()["code"] == "already_meeting"
    assert Meeting.objects.count() == 1

    meeting_id = booked.json()["id"]
    stranger = as_user(delegations["aichi"][1])
    refused = stranger.post(f"/events/{event.slug}/meetings/{meeting_id}/cancel")
    assert refused.status_code == 403
    cancelled = client.post(f"/events/{event.slug}/meetings/{meeting_id}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == MeetingStatus.CANCELLED


def test_bad_bookings_are_refused_and_write_nothing(as_user, published):
    event, _organiser, delegations = published
    hue, hue_user = delegations["hue"]
    client = as_user(hue_user)
    for body, code in [
        ({"counterpart": hue.pk, "slot": event.meeting_slots.first().pk}, "invalid_choice"),
        ({"counterpart": delegations["danang"][0].pk, "slot": 999999}, "invalid_choice"),
        ({"counterpart": delegations["danang"][0].pk}, "missing"),
    ]:
        answer = client.post(f"/events/{event.slug}/bookings", body)
        assert answer.status_code == 422, answer.json()
        assert code in str(answer.json())
    assert not Meeting.objects.exists()
    assert (
        as_user(UserFactory())
        .get(f"/events/{event.slug}/free-slots?counterpart={hue.pk}")
        .status_code
        == 403
    )
