"""The events API's actions beyond reading and requests: organisers run the scheduler,
follow the run, publish the draft and mark meetings held; a delegation cancels its own
registration. The same services and checks as the schedule and event pages: delegates get
403 on organiser actions, events or records out of sight 404, bad input 422 writing
nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from kakehashi.events import services
from kakehashi.events.models import (
    MeetingSlot,
    MeetingStatus,
    RegistrationStatus,
    ScheduleRun,
    ScheduleRunStatus,
)
from tests.api.test_events_api import SLUG, meeting_between, other_event
from tests.events.builders import build_conference

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(reference):
    """See tests/events/builders.py: a published event with slots, tables 1–3 and approved
    delegations danang, osaka, aichi and hue."""
    return build_conference()


def meetings_to_schedule(event, organiser, delegations):
    """Two meetings the organisers added, not yet placed."""
    pairs = [("danang", "osaka"), ("hue", "aichi")]
    return [
        services.add_organiser_meeting(
            event=event,
            registrations=[delegations[a][0], delegations[b][0]],
            weight=3,
            by=organiser,
        )
        for a, b in pairs
    ]


def test_organisers_run_the_scheduler_follow_it_and_publish(
    as_user, conference, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    meetings_to_schedule(event, organiser, delegations)
    client = as_user(organiser)

    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(f"/events/{SLUG}/schedule/runs", {"time_limit": 5})
    assert started.status_code == 202, started.json()
    run = started.json()
    assert (run["time_limit"], run["allow_moves"]) == (5, False)

    followed = client.get(f"/events/{SLUG}/schedule/runs/{run['id']}").json()
    assert followed["status"] == ScheduleRunStatus.DONE, followed
    assert followed["share_of_bound"] == 1.0
    drafts = client.get(f"/events/{SLUG}/meetings").json()["items"]
    assert all(item["draft"] is not None and item["published"] is None for item in drafts)

    published = client.post(f"/events/{SLUG}/schedule/publish")
    assert published.status_code == 200
    assert published.json()["delegations_told"] == 4
    assert published.json()["schedule_published_at"] is not None
    danang = as_user(delegations["danang"][1])
    assert danang.get(f"/events/{SLUG}/agenda").json()["count"] == 1


def test_one_run_at_a_time_and_a_time_limit_in_range(as_user, conference):
    event, organiser, delegations = conference
    meetings_to_schedule(event, organiser, delegations)
    client = as_user(organiser)
    assert client.post(f"/events/{SLUG}/schedule/runs", {}).status_code == 202  # queued

    busy = client.post(f"/events/{SLUG}/schedule/runs", {"time_limit": 30})
    too_short = client.post(f"/events/{SLUG}/schedule/runs", {"time_limit": 2})

    assert busy.status_code == 422 and busy.json()["code"] == "run_in_progress"
    assert too_short.status_code == 422
    assert too_short.json()["details"][0]["field"] == "time_limit"
    assert ScheduleRun.objects.count() == 1


def test_organisers_mark_a_meeting_held_or_a_no_show(as_user, conference):
    event, organiser, delegations = conference
    slot = event.meeting_slots.first()
    placed = meeting_between(
        event, organiser, delegations["danang"][0], delegations["osaka"][0], slot=slot
    )
    unplaced = services.add_organiser_meeting(
        event=event,
        registrations=[delegations["hue"][0], delegations["aichi"][0]],
        weight=1,
        by=organiser,
    )
    client = as_user(organiser)
    attendance = f"/events/{SLUG}/meetings/{placed.pk}/attendance"

    too_early = client.post(attendance, {"held": True})
    # The slot's start has passed (the event is in the future, so its slot is moved back).
    started = timezone.now() - dt.timedelta(minutes=5)
    MeetingSlot.objects.filter(pk=slot.pk).update(
        starts_at=started, ends_at=started + dt.timedelta(minutes=30)
    )
    held = client.post(attendance, {"held": True})
    not_placed = client.post(f"/events/{SLUG}/meetings/{unplaced.pk}/attendance", {"held": False})

    assert too_early.status_code == 422 and too_early.json()["code"] == "too_early"
    assert held.status_code == 200 and held.json()["status"] == MeetingStatus.HELD
    assert not_placed.status_code == 422 and not_placed.json()["code"] == "not_scheduled"
    unplaced.refresh_from_db()
    assert unplaced.status == MeetingStatus.TO_SCHEDULE


def test_organiser_actions_refuse_delegates_outsiders_and_anonymous_callers(
    anonymous, as_user, conference
):
    event, organiser, delegations = conference
    slot = event.meeting_slots.first()
    meeting = meeting_between(
        event, organiser, delegations["danang"][0], delegations["osaka"][0], slot=slot
    )
    delegate = as_user(delegations["danang"][1])
    hidden, hidden_organiser = other_event()
    hidden_run = ScheduleRun.objects.create(event=hidden, created_by=hidden_organiser)
    attendance = f"/events/{SLUG}/meetings/{meeting.pk}/attendance"

    refused = [
        delegate.post(f"/events/{SLUG}/schedule/runs", {}),
        delegate.post(f"/events/{SLUG}/schedule/publish"),
        delegate.post(attendance, {"held": True}),
    ]
    unseen = [
        delegate.post(f"/events/{hidden.slug}/schedule/runs", {}),
        as_user(organiser).get(f"/events/{SLUG}/schedule/runs/{hidden_run.pk}"),
        as_user(organiser).post(f"/events/{SLUG}/meetings/999999/attendance", {"held": True}),
    ]

    assert [r.status_code for r in refused] == [403, 403, 403]
    assert [r.status_code for r in unseen] == [404, 404, 404]
    assert anonymous.post(f"/events/{SLUG}/schedule/publish").status_code == 401
    assert ScheduleRun.objects.filter(event=event).count() == 0
    event.refresh_from_db()
    meeting.refresh_from_db()
    assert event.schedule_published_at is None and meeting.status == MeetingStatus.SCHEDULED


def test_a_delegation_cancels_its_own_registration_only(anonymous, as_user, conference):
    event, organiser, delegations = conference
    danang, danang_user = delegations["danang"]
    osaka = delegations["osaka"][0]
    danang.organisation.name_en, danang.organisation.language = "Da Nang Seafood", "vi"
    danang.organisation.save()
    client = as_user(danang_user)

    theirs = client.post(f"/events/{SLUG}/registrations/{osaka.pk}/cancel")
    mine = client.post(f"/events/{SLUG}/registrations/{danang.pk}/cancel")

    assert theirs.status_code == 404
    assert mine.status_code == 200 and mine.json()["status"] == RegistrationStatus.CANCELLED
    # The organisation as the reader sees it: an English reader of a Vietnamese organisation
    # without an English translation reads its English name.
    organisation = danang.organisation
    assert mine.json()["organisation"] == {"id": organisation.pk, "name": "Da Nang Seafood"}
    assert anonymous.post(f"/events/{SLUG}/registrations/{osaka.pk}/cancel").status_code == 401
    osaka.refresh_from_db()
    assert osaka.status == RegistrationStatus.APPROVED


def test_a_delegation_sets_when_it_is_busy_and_how_many_meetings_it_wants(as_user, conference):
    event, organiser, delegations = conference
    danang, danang_user = delegations["danang"]
    slots = list(event.meeting_slots.all())
    client = as_user(danang_user)
    assert not any(
        slot["busy"] for slot in client.get(f"/events/{SLUG}/availability").json()["slots"]
    )

    answer = client.put(
        f"/events/{SLUG}/availability",
        {"busy_slots": [slots[0].pk, slots[2].pk], "max_meetings": 2},
    )

    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert [slot["id"] for slot in body["slots"] if slot["busy"]] == [slots[0].pk, slots[2].pk]
    assert body["max_meetings"] == 2 and body["delegation"]["id"] == danang.pk
    danang.refresh_from_db()
    assert set(danang.unavailable_slots.all()) == {slots[0], slots[2]}
    assert danang.max_meetings == 2


def test_availability_refuses_what_is_not_the_events_or_not_the_callers(
    anonymous, as_user, conference
):
    event, organiser, delegations = conference
    danang, danang_user = delegations["danang"]
    osaka = delegations["osaka"][0]
    hidden, hidden_organiser = other_event()
    services.define_programme(
        event=hidden,
        periods=[(event.meeting_slots.first().starts_at, event.meeting_slots.last().ends_at)],
        slot_minutes=30,
        by=hidden_organiser,
    )
    foreign_slot = hidden.meeting_slots.first()
    client = as_user(danang_user)
    path = f"/events/{SLUG}/availability"

    foreign = client.put(path, {"busy_slots": [foreign_slot.pk]})
    too_many = client.put(path, {"max_meetings": 101})
    theirs = client.put(path, {"delegation": osaka.pk, "max_meetings": 1})

    assert foreign.status_code == 422
    assert foreign.json()["details"][0]["field"] == "busy_slots.0"
    assert too_many.status_code == 422
    assert theirs.status_code == 404
    assert client.get(f"{path}?delegation={osaka.pk}").status_code == 404
    assert anonymous.get(path).status_code == 401
    for registration in (danang, osaka):
        registration.refresh_from_db()
        assert registration.max_meetings is None
        assert not registration.unavailable_slots.exists()
