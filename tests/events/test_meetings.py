import pytest
from django.core.exceptions import ValidationError

from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingRequest, MeetingSlot, RequestStatus
from kakehashi.scheduling.instance import parse_instance
from tests.events.builders import at


def test_slots_are_cut_from_the_periods_around_breaks(conference):
    event, organiser, _delegations = conference
    assert [slot.starts_at for slot in event.meeting_slots.all()] == [
        at(14),
        at(14, 30),
        at(15),
        at(15, 30),
    ]
    services.add_session(
        event=event, by=organiser, kind="break", title="Tea", starts_at=at(15), ends_at=at(15, 30)
    )
    services.define_programme(
        event=event, periods=[(at(14), at(16))], slot_minutes=30, by=organiser
    )
    assert [slot.starts_at for slot in event.meeting_slots.all()] == [
        at(14),
        at(14, 30),
        at(15, 30),
    ]


def test_a_request_accepted_becomes_a_meeting_with_an_interpreter_when_needed(conference):
    _event, _organiser, delegations = conference
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    request = services.send_request(sender=danang, recipient=osaka, by=danang_user, priority=3)
    with pytest.raises(ValidationError) as error:
        services.answer_request(meeting_request=request, accept=True, by=danang_user)  # not theirs
    assert error.value.code == "not_a_member"
    services.answer_request(meeting_request=request, accept=True, by=osaka_user)
    meeting = Meeting.objects.get()
    assert (meeting.weight, meeting.interpreting) == (3, ["ja", "vi"])
    assert set(meeting.registrations.all()) == {danang, osaka}


def test_request_rules(conference):
    event, _organiser, delegations = conference
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    aichi, _aichi_user = delegations["aichi"]
    services.send_request(sender=danang, recipient=osaka, by=danang_user)
    cases = [
        (dict(sender=danang, recipient=osaka, by=danang_user), "already_requested"),
        (dict(sender=osaka, recipient=danang, by=osaka_user), "already_requested_you"),
        (dict(sender=danang, recipient=danang, by=danang_user), "self_request"),
        (dict(sender=osaka, recipient=aichi, by=danang_user), "not_a_member"),
    ]
    for arguments, code in cases:
        with pytest.raises(ValidationError) as error:
            services.send_request(**arguments)
        assert error.value.code == code
    event.pending_request_cap = 1
    event.save()
    with pytest.raises(ValidationError) as error:
        services.send_request(sender=danang, recipient=aichi, by=danang_user)
    assert error.value.code == "too_many_pending"
    assert MeetingRequest.objects.count() == 1


def test_the_instance_carries_availability_and_attended_sessions(conference):
    event, organiser, delegations = conference
    (danang, danang_user), (aichi, aichi_user) = delegations["danang"], delegations["aichi"]
    plenary = services.add_session(
        event=event, by=organiser, kind="plenary", title="Plenary", starts_at=at(15), ends_at=at(16)
    )
    services.set_availability(
        registration=danang,
        unavailable_slots=[],
        attends_sessions=[plenary],
        max_meetings=2,
        by=danang_user,
    )
    request = services.send_request(sender=danang, recipient=aichi, by=danang_user)
    services.answer_request(meeting_request=request, accept=True, by=aichi_user)
    document = services.build_instance(event, allow_moves=False)
    instance = parse_instance(document)
    slots = [slot.pk for slot in MeetingSlot.objects.order_by("starts_at")]
    participant = instance.participant_by_id[f"r{danang.pk}"]
    assert participant.available == {f"s{slots[0]}", f"s{slots[1]}"}
    assert participant.max_meetings == 2
    (meeting,) = instance.meetings
    assert meeting.interpreting == frozenset({"ja", "vi"})  # Aichi speaks ja and en, not vi
    assert instance.slots[0].start.utcoffset().total_seconds() == 7 * 3600


def test_request_cannot_be_answered_twice(conference):
    _event, _organiser, delegations = conference
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    request = services.send_request(sender=danang, recipient=osaka, by=danang_user)
    services.answer_request(meeting_request=request, accept=False, by=osaka_user)
    with pytest.raises(ValidationError) as error:
        services.answer_request(meeting_request=request, accept=True, by=osaka_user)
    assert error.value.code == "answered"
    request.refresh_from_db()
    assert request.status == RequestStatus.DECLINED
    assert Meeting.objects.count() == 0
