import datetime as dt

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.events import services
from kakehashi.events.models import (
    Registration,
    RegistrationStatus,
    ScheduleRun,
    ScheduleRunStatus,
)
from tests.factories import OrganisationFactory, locality, member_of

ZONE = dt.timezone(dt.timedelta(hours=7))


# A moment after every meeting of the built events (held or a no-show is said from a
# meeting's start on).
AFTER_THE_EVENT = dt.datetime(2027, 3, 11, 9, 0, tzinfo=ZONE)


def at(hour: int, minute: int = 0, day: int = 10) -> dt.datetime:
    return dt.datetime(2027, 3, day, hour, minute, tzinfo=ZONE)


def _event_with_programme(slug: str, name: str, slot_minutes: int):
    """A published one-day event of a ministry in Hanoi, 10 March 2027, with a 14:00–16:00
    meeting period cut into slots; returns it and its organiser."""
    ministry = OrganisationFactory(kind=OrganisationKind.CENTRAL_AGENCY, locality=locality("hanoi"))
    organiser = member_of(ministry, role=MembershipRole.ADMIN)
    event = services.create_event(
        by=organiser,
        organisers=[ministry],
        slug=slug,
        name_en=name,
        starts_on=dt.date(2027, 3, 10),
        ends_on=dt.date(2027, 3, 10),
        time_zone="Asia/Ho_Chi_Minh",
        is_published=True,
    )
    services.define_programme(
        event=event, periods=[(at(14), at(16))], slot_minutes=slot_minutes, by=organiser
    )
    return event, organiser


def build_conference():
    """A published event with a 14:00–16:00 meeting period in 30-minute slots, three
    tables (4, 2 and 4 seats), a ja–vi interpreter and approved delegations: Da Nang (vi),
    Hue (vi, en), Osaka (ja) and Aichi (ja, en)."""
    event, organiser = _event_with_programme("meet-japan-2027", "Meet Japan 2027", 30)
    services.set_table(event=event, name="Table 1", seats=4, by=organiser)
    services.set_table(event=event, name="Table 2", seats=2, by=organiser)
    services.set_table(event=event, name="Table 3", seats=4, by=organiser)
    services.add_interpreter(event=event, name="Interpreter", languages=["ja", "vi"], by=organiser)
    delegations = {}
    for key, country, place, languages in [
        ("danang", "VN", "da-nang", ["vi"]),
        ("osaka", "JP", "osaka-prefecture", ["ja"]),
        ("aichi", "JP", "aichi-prefecture", ["ja", "en"]),
        ("hue", "VN", "hue", ["vi", "en"]),
    ]:
        organisation = OrganisationFactory(
            kind=OrganisationKind.LOCAL_GOVERNMENT, country=country, locality=locality(place)
        )
        user = member_of(organisation)
        registration = services.register(
            event=event, organisation=organisation, by=user, languages=languages
        )
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.APPROVED)
        registration.refresh_from_db()
        delegations[key] = (registration, user)
    return event, organiser, delegations


def a_finished_run(event, organiser) -> ScheduleRun:
    """A scheduler run that has produced a draft, so that the draft may be published. Its
    result is not applied: tests that place meetings by hand keep their places."""
    return ScheduleRun.objects.create(
        event=event,
        created_by=organiser,
        status=ScheduleRunStatus.DONE,
        result={"status": "optimal", "scheduled_weight": 0, "upper_bound": 0},
    )


def placed_by_hand(event, organiser, meeting) -> None:
    """The organiser places the meeting in the event's first slot at Table 1."""
    services.place_meeting(
        meeting=meeting,
        slot=event.meeting_slots.first(),
        table=event.meeting_tables.get(name="Table 1"),
        by=organiser,
    )


def crowded(delegations: int = 40, wanted: int = 10):
    """A busy event: `delegations` approved delegations, half Vietnamese and half Japanese,
    each Vietnamese one with `wanted` accepted requests to Japanese ones, on a 14:00–16:00
    programme of 10-minute slots and a few tables, so that the solver works for seconds
    rather than a blink (for tests that stop its worker mid-run)."""
    from kakehashi.events.models import (
        Meeting,
        MeetingParticipant,
        MeetingRequest,
        RequestStatus,
    )
    from kakehashi.events.services.meetings import interpreting_need

    event, organiser = _event_with_programme("crowded-2027", "Crowded 2027", 10)
    for number in range(1, 9):
        services.set_table(event=event, name=f"Table {number}", seats=3, by=organiser)
    services.add_interpreter(event=event, name="Interpreter", languages=["ja", "vi"], by=organiser)
    sides = {"VN": [], "JP": []}
    for index in range(delegations):
        country, place, languages = (
            ("VN", "da-nang", ["vi"]) if index % 2 == 0 else ("JP", "osaka-prefecture", ["ja"])
        )
        organisation = OrganisationFactory(
            kind=OrganisationKind.COMPANY, country=country, locality=locality(place)
        )
        user = member_of(organisation)
        registration = services.register(
            event=event, organisation=organisation, by=user, languages=languages
        )
        Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.APPROVED)
        registration.refresh_from_db()
        sides[country].append(registration)
    for position, sender in enumerate(sides["VN"]):
        for step in range(wanted):
            recipient = sides["JP"][(position + step) % len(sides["JP"])]
            request = MeetingRequest.objects.create(
                event=event,
                sender=sender,
                recipient=recipient,
                priority=1 + 2 * (step % 2),
                status=RequestStatus.ACCEPTED,
            )
            meeting = Meeting.objects.create(
                event=event,
                request=request,
                weight=request.priority,
                interpreting=interpreting_need([sender, recipient]),
            )
            for member in (sender, recipient):
                MeetingParticipant.objects.create(meeting=meeting, registration=member)
    return event, organiser
