"""Twenty delegations that book the same counterpart in the same slot at the same moment:
exactly one meeting results, every other writer gets a clear refusal."""

import threading
from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from kakehashi.directory.models import OrganisationKind
from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingParticipant, Registration, RegistrationStatus
from kakehashi.events.services.live import book_meeting
from tests.events.builders import _event_with_programme, a_finished_run, at
from tests.factories import OrganisationFactory, locality, member_of

WRITERS = 20


def approved(event, country, place):
    organisation = OrganisationFactory(
        kind=OrganisationKind.COMPANY, country=country, locality=locality(place)
    )
    user = member_of(organisation)
    registration = services.register(
        event=event, organisation=organisation, by=user, languages=["en"]
    )
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.APPROVED)
    registration.refresh_from_db()
    return registration, user


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_bookings_of_one_slot_make_one_meeting(reference):
    event, organiser = _event_with_programme("rush-2027", "Rush 2027", 30)
    for number in range(1, WRITERS + 2):
        services.set_table(event=event, name=f"Table {number}", seats=2, by=organiser)
    counterpart, _user = approved(event, "JP", "osaka-prefecture")
    writers = [approved(event, "VN", "da-nang") for _ in range(WRITERS)]
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    slot = event.meeting_slots.get(starts_at=at(14))
    barrier = threading.Barrier(WRITERS)
    outcomes = []

    def book(registration, user):
        barrier.wait()
        try:
            book_meeting(
                registration=registration, counterpart=counterpart, slot=slot, by=user, now=at(9)
            )
            outcomes.append("booked")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=writer) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counted = Counter(outcomes)
    assert counted["booked"] == 1
    assert sum(counted.values()) == WRITERS
    assert set(counted) <= {"booked", "delegation_busy", "double_booking"}
    assert Meeting.objects.filter(event=event).count() == 1
    assert MeetingParticipant.objects.filter(registration=counterpart, slot=slot).count() == 1
