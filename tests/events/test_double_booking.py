"""Two organisers placing meetings at the same moment never double-book a table or a
delegation: one wins, the other gets a clear refusal."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingParticipant


def place_in_parallel(placements) -> list[str]:
    barrier = threading.Barrier(len(placements))
    outcomes = []

    def place(meeting, slot, table, by):
        barrier.wait()
        try:
            services.place_meeting(meeting=meeting, slot=slot, table=table, by=by)
            outcomes.append("placed")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=place, args=placement) for placement in placements]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def accepted_meeting(sender, recipient):
    (sender_registration, sender_user), (recipient_registration, recipient_user) = sender, recipient
    request = services.send_request(
        sender=sender_registration, recipient=recipient_registration, by=sender_user
    )
    services.answer_request(meeting_request=request, accept=True, by=recipient_user)
    return Meeting.objects.get(request=request)


@pytest.mark.django_db(transaction=True)
def test_the_same_table_and_slot_go_to_one_meeting_only(conference):
    event, organiser, delegations = conference
    first = accepted_meeting(delegations["danang"], delegations["osaka"])
    second = accepted_meeting(delegations["hue"], delegations["aichi"])  # nobody in common
    slot = event.meeting_slots.first()
    table = event.meeting_tables.get(name="Table 1")
    outcomes = place_in_parallel(
        [(first, slot, table, organiser), (second, slot, table, organiser)]
    )
    assert outcomes in (["placed", "table_taken"], ["double_booking", "placed"])
    assert Meeting.objects.filter(slot=slot, table=table).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_delegation_is_never_in_two_meetings_at_once(conference):
    event, organiser, delegations = conference
    first = accepted_meeting(delegations["danang"], delegations["osaka"])
    second = accepted_meeting(delegations["aichi"], delegations["osaka"])
    slot = event.meeting_slots.first()
    tables = list(event.meeting_tables.order_by("name"))
    outcomes = place_in_parallel(
        [(first, slot, tables[0], organiser), (second, slot, tables[1], organiser)]
    )
    assert outcomes in (["delegation_busy", "placed"], ["double_booking", "placed"])
    osaka = delegations["osaka"][0]
    assert MeetingParticipant.objects.filter(registration=osaka, slot=slot).count() == 1
