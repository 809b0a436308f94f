"""The audit trail of a meeting: created from an accepted request, placed, moved, held or
no-show, outcome recorded; a refused placement leaves no entry; who sees the trail."""

import pytest
from django.core.exceptions import ValidationError

from kakehashi.common.audit import entries_visible_to
from kakehashi.common.models import AuditAction, AuditEntry
from kakehashi.events import services
from kakehashi.events.models import Meeting
from tests.events.builders import AFTER_THE_EVENT


def accepted(delegations, first, second):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def trail(meeting):
    return list(
        AuditEntry.objects.filter(model_label="events.meeting", object_id=str(meeting.pk))
        .order_by("pk")
        .values_list("action", "actor", "before", "after")
    )


def test_a_meeting_placed_moved_held_and_followed_up_leaves_its_trail(conference):
    event, organiser, delegations = conference
    osaka_user = delegations["osaka"][1]
    meeting = accepted(delegations, "danang", "osaka")
    slots, table_1, table_3 = (
        list(event.meeting_slots.all()),
        event.meeting_tables.get(name="Table 1"),
        event.meeting_tables.get(name="Table 3"),
    )
    services.place_meeting(meeting=meeting, slot=slots[0], table=table_1, by=organiser)
    services.place_meeting(meeting=meeting, slot=slots[1], table=table_3, by=organiser)
    services.record_attendance(meeting=meeting, held=True, by=organiser, now=AFTER_THE_EVENT)
    danang_user = delegations["danang"][1]
    services.record_outcome(meeting=meeting, kind="mou", note="Sign in May", by=danang_user)

    created, placed, moved, held, outcome = trail(meeting)
    assert created[:3] == (AuditAction.CREATED, osaka_user.pk, {})
    assert sorted(created[3]["participants.registration__organisation__name"]) == sorted(
        [delegations["danang"][0].organisation.name, delegations["osaka"][0].organisation.name]
    )
    assert placed == (
        AuditAction.PLACED,
        organiser.pk,
        {"status": "to_schedule", "slot": None, "table": None},
        {
            "status": "scheduled",
            "slot": {"id": slots[0].pk, "repr": str(slots[0])},
            "table": {"id": table_1.pk, "repr": "Table 1"},
        },
    )
    assert moved == (
        AuditAction.MOVED,
        organiser.pk,
        {
            "slot": {"id": slots[0].pk, "repr": str(slots[0])},
            "table": {"id": table_1.pk, "repr": "Table 1"},
        },
        {
            "slot": {"id": slots[1].pk, "repr": str(slots[1])},
            "table": {"id": table_3.pk, "repr": "Table 3"},
        },
    )
    assert held == (AuditAction.STATUS, organiser.pk, {"status": "scheduled"}, {"status": "held"})
    assert outcome == (
        AuditAction.ADDED,
        danang_user.pk,
        {},
        {"kind": "mou", "note": "Sign in May"},
    )
    ministry = event.organisers.get()
    owners = {
        delegations["danang"][0].organisation,
        delegations["osaka"][0].organisation,
        ministry,
    }
    for entry in AuditEntry.objects.filter(object_id=str(meeting.pk)):
        assert set(entry.owners.all()) == owners


def test_a_no_show_is_recorded(conference):
    event, organiser, delegations = conference
    meeting = accepted(delegations, "danang", "osaka")
    slot, table = event.meeting_slots.first(), event.meeting_tables.get(name="Table 1")
    services.place_meeting(meeting=meeting, slot=slot, table=table, by=organiser)
    services.record_attendance(meeting=meeting, held=False, by=organiser, now=AFTER_THE_EVENT)
    assert trail(meeting)[-1] == (
        AuditAction.STATUS,
        organiser.pk,
        {"status": "scheduled"},
        {"status": "no_show"},
    )


def test_a_refused_placement_leaves_no_entry(conference):
    event, organiser, delegations = conference
    first = accepted(delegations, "danang", "osaka")
    second = accepted(delegations, "aichi", "hue")
    slot, table = event.meeting_slots.first(), event.meeting_tables.get(name="Table 1")
    services.place_meeting(meeting=first, slot=slot, table=table, by=organiser)
    with pytest.raises(ValidationError) as error:
        services.place_meeting(meeting=second, slot=slot, table=table, by=organiser)
    assert error.value.code == "table_taken"
    assert [entry[0] for entry in trail(second)] == [AuditAction.CREATED]


def test_only_the_meetings_delegations_and_organisers_see_its_trail(conference):
    event, organiser, delegations = conference
    meeting = accepted(delegations, "danang", "osaka")
    ids = {str(meeting.pk)}
    assert (
        set(entries_visible_to(delegations["danang"][1]).values_list("object_id", flat=True)) == ids
    )
    assert set(entries_visible_to(organiser).values_list("object_id", flat=True)) == ids
    assert not entries_visible_to(delegations["hue"][1]).exists()
