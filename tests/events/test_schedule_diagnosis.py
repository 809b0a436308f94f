"""Why a meeting was left out, from a real scheduler run: the diagnosis stored with the
meeting (code and parameters, with the run's ids), and the sentences on the draft page in
English, Vietnamese and Japanese, with names and without ids."""

import re

import pytest
from django.urls import reverse

from kakehashi.events import services
from kakehashi.events.models import Interpreter, Meeting, ScheduleRunStatus

pytestmark = pytest.mark.usefixtures("reference")

RAW_ID = re.compile(r"\b[srtmi]\d+\b")


def accepted(delegations, first, second, priority=1):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user, priority=priority)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def run(event, organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        schedule_run = services.start_schedule_run(event=event, by=organiser, time_limit=5)
    schedule_run.refresh_from_db()
    assert schedule_run.status == ScheduleRunStatus.DONE, schedule_run.error
    return schedule_run


def available_only(event, registration, user, *, keep: list[int], max_meetings=None):
    """The delegation can meet in the slots at these positions only."""
    slots = list(event.meeting_slots.all())
    services.set_availability(
        registration=registration,
        unavailable_slots=[slot for index, slot in enumerate(slots) if index not in keep],
        attends_sessions=[],
        max_meetings=max_meetings,
        by=user,
    )


def explanation(client, event, organiser, language: str) -> str:
    """The sentences under the one meeting left out, on the draft page."""
    organiser.preferred_language = language
    organiser.save(update_fields=["preferred_language"])
    client.force_login(organiser)
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    blocks = re.findall(r'<div class="diagnosis">(.*?)</div>', page, re.S)
    assert len(blocks) == 1
    text = re.sub(r"<[^>]+>", " ", blocks[0])
    assert not RAW_ID.search(text), text
    assert "_" not in text, text
    return " ".join(text.split())


def test_a_delegation_busy_in_every_possible_slot_is_named_with_its_partners(
    client, conference, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    (danang, _), (hue, hue_user) = delegations["danang"], delegations["hue"]
    (osaka, osaka_user), (aichi, aichi_user) = delegations["osaka"], delegations["aichi"]
    available_only(event, osaka, osaka_user, keep=[0])  # 14:00
    available_only(event, aichi, aichi_user, keep=[1])  # 14:30
    available_only(event, hue, hue_user, keep=[0, 1])
    accepted(delegations, "danang", "osaka", priority=3)
    accepted(delegations, "danang", "aichi", priority=3)
    left_out = accepted(delegations, "danang", "hue")

    run(event, organiser, django_capture_on_commit_callbacks)

    left_out.refresh_from_db()
    assert left_out.slot_id is None
    diagnosis = left_out.unscheduled_diagnosis
    assert diagnosis["code"] == "participant_busy"
    assert diagnosis["context"] == "optimal"
    slots = [f"s{slot.pk}" for slot in event.meeting_slots.all()[:2]]
    params = diagnosis["params"]
    assert params["participant"] == f"r{danang.pk}"
    assert (params["busy_slots"], params["candidate_slots"]) == (2, 2)
    assert params["slots"] == slots
    assert params["partners"] == [f"r{osaka.pk}", f"r{aichi.pk}"]
    assert len(params["meetings"]) == 2

    names = {key: delegations[key][0].organisation.name for key in delegations}
    english = explanation(client, event, organiser, "en")
    assert english.startswith(
        f"{names['danang']} is in other meetings in 2 of the 2 slots this meeting could take "
        f"(14:00, 14:30), with {names['osaka']}, {names['aichi']}."
    )
    assert "Move one of these meetings of" in english
    vietnamese = explanation(client, event, organiser, "vi")
    assert names["danang"] in vietnamese and names["osaka"] in vietnamese
    assert "14:00" in vietnamese and "cuộc gặp" in vietnamese
    japanese = explanation(client, event, organiser, "ja")
    assert names["danang"] in japanese and names["aichi"] in japanese
    assert "14:30" in japanese and "面談" in japanese


def test_no_table_with_enough_seats(client, conference, django_capture_on_commit_callbacks):
    event, organiser, delegations = conference
    for name in ("Table 1", "Table 3"):  # Table 2 is left: two seats
        services.set_table(event=event, name=name, seats=4, is_active=False, by=organiser)
    left_out = accepted(delegations, "danang", "osaka")  # with an interpreter: three seats

    run(event, organiser, django_capture_on_commit_callbacks)

    left_out.refresh_from_db()
    assert left_out.unscheduled_diagnosis == {
        "code": "no_table",
        "params": {"variant": "too_small", "seats": 3, "largest": 2},
        "context": "optimal",
    }
    assert explanation(client, event, organiser, "en") == (
        "No table has 3 seats; the largest has 2. Add a table with at least 3 seats."
    )
    assert "3" in explanation(client, event, organiser, "vi")
    assert "3" in explanation(client, event, organiser, "ja")


def test_no_interpreter_for_the_pair(client, conference, django_capture_on_commit_callbacks):
    event, organiser, delegations = conference
    Interpreter.objects.filter(event=event).delete()
    left_out = accepted(delegations, "hue", "osaka")  # vi and en, ja: interpreted ja–vi

    run(event, organiser, django_capture_on_commit_callbacks)

    left_out.refresh_from_db()
    assert left_out.unscheduled_diagnosis == {
        "code": "no_interpreter",
        "params": {"variant": "none", "languages": ["ja", "vi"]},
        "context": "optimal",
    }
    assert explanation(client, event, organiser, "en") == (
        "The event has no interpreter for Vietnamese–Japanese. "
        "Add an interpreter for Vietnamese–Japanese."
    )
    assert "tiếng Việt–tiếng Nhật" in explanation(client, event, organiser, "vi")
    assert "ベトナム語–日本語" in explanation(client, event, organiser, "ja")


def test_a_delegation_at_its_maximum(client, conference, django_capture_on_commit_callbacks):
    event, organiser, delegations = conference
    osaka, osaka_user = delegations["osaka"]
    available_only(event, osaka, osaka_user, keep=[0, 1, 2, 3], max_meetings=1)
    accepted(delegations, "danang", "osaka", priority=3)
    left_out = accepted(delegations, "aichi", "osaka")

    run(event, organiser, django_capture_on_commit_callbacks)

    left_out.refresh_from_db()
    assert left_out.unscheduled_diagnosis == {
        "code": "max_meetings_reached",
        "params": {"participants": [f"r{osaka.pk}"], "max_meetings": [1]},
        "context": "optimal",
    }
    name = osaka.organisation.name
    assert explanation(client, event, organiser, "en") == (
        f"{name} already has its maximum of 1 meeting. The schedule is proven the best "
        "possible: fitting this meeting in would drop meetings of at least the same priority. "
        f"Raise the maximum number of meetings of {name}."
    )
    assert name in explanation(client, event, organiser, "vi")
    assert name in explanation(client, event, organiser, "ja")
