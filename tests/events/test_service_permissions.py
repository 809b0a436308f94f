"""Who may NOT change an event: every organiser's service refuses a delegate of the event, a
stranger and an anonymous caller (events.rules.require), and writes nothing. The pages and
the API ask the same permissions first (their own tests); this is the services' own guard."""

import pytest

from kakehashi.common.models import AuditEntry
from kakehashi.events import services
from kakehashi.events.models import (
    Event,
    Interpreter,
    Meeting,
    MeetingSlot,
    MeetingTable,
    RegistrationStatus,
    ScheduleRun,
    Session,
)
from kakehashi.events.services import checkin, feedback
from tests.events.builders import AFTER_THE_EVENT, a_finished_run, at, build_conference
from tests.shapes import assert_refused, user_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(reference):
    event, organiser, delegations = build_conference()
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    request = services.send_request(sender=danang, recipient=osaka, by=danang_user)
    services.answer_request(meeting_request=request, accept=True, by=osaka_user)
    meeting = Meeting.objects.get(request=request)
    services.place_meeting(
        meeting=meeting,
        slot=event.meeting_slots.first(),
        table=event.meeting_tables.get(name="Table 1"),
        by=organiser,
    )
    session = services.add_session(
        event=event, by=organiser, kind="plenary", title="Opening", starts_at=at(9), ends_at=at(10)
    )
    return event, organiser, delegations, meeting, session


CALLS = {
    "update_event": lambda e, m, s, d, by: services.update_event(
        event=e,
        by=by,
        organisers=list(e.organisers.all()),
        slug=e.slug,
        name_en="Renamed",
        starts_on=e.starts_on,
        ends_on=e.ends_on,
        time_zone=e.time_zone,
    ),
    "add_session": lambda e, m, s, d, by: services.add_session(
        event=e, by=by, kind="panel", title="Panel", starts_at=at(10), ends_at=at(11)
    ),
    "update_session": lambda e, m, s, d, by: services.update_session(
        session=s, by=by, title="Renamed"
    ),
    "decide_registration": lambda e, m, s, d, by: services.decide_registration(
        registration=d, approve=False, by=by
    ),
    "define_programme": lambda e, m, s, d, by: services.define_programme(
        event=e, periods=[(at(14), at(17))], slot_minutes=30, by=by
    ),
    "set_table": lambda e, m, s, d, by: services.set_table(event=e, name="Table 9", seats=4, by=by),
    "add_interpreter": lambda e, m, s, d, by: services.add_interpreter(
        event=e, name="Someone", languages=["ja", "vi"], by=by
    ),
    "add_organiser_meeting": lambda e, m, s, d, by: services.add_organiser_meeting(
        event=e, registrations=list(e.registrations.all()[2:4]), weight=3, by=by
    ),
    "start_schedule_run": lambda e, m, s, d, by: services.start_schedule_run(event=e, by=by),
    "lock_meeting": lambda e, m, s, d, by: services.lock_meeting(meeting=m, locked=True, by=by),
    "place_meeting": lambda e, m, s, d, by: services.place_meeting(
        meeting=m, slot=e.meeting_slots.last(), table=m.table, by=by
    ),
    "set_attendance": lambda e, m, s, d, by: feedback.set_attendance(
        meeting=m, held=True, by=by, now=AFTER_THE_EVENT
    ),
    "publish_schedule": lambda e, m, s, d, by: services.publish_schedule(event=e, by=by),
    "issue_badges": lambda e, m, s, d, by: checkin.issue_badges(event=e, by=by),
}


def state(event: Event) -> tuple:
    """What any of the calls would change."""
    event.refresh_from_db()
    return (
        event.name_en,
        event.schedule_published_at,
        list(Session.objects.filter(event=event).values_list("title", "starts_at")),
        list(event.registrations.values_list("pk", "status")),
        MeetingSlot.objects.filter(event=event).count(),
        MeetingTable.objects.filter(event=event).count(),
        Interpreter.objects.filter(event=event).count(),
        list(Meeting.objects.filter(event=event).values_list("pk", "slot", "locked", "status")),
        ScheduleRun.objects.filter(event=event).count(),
        event.badges.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
@pytest.mark.parametrize("who", ["delegate", "stranger", "anonymous"])
def test_only_organisers_may(conference, call, who):
    event, _organiser, delegations, meeting, session = conference
    a_finished_run(event, _organiser)
    by = delegations["danang"][1] if who == "delegate" else user_named(who)
    registration = delegations["hue"][0]
    assert_refused(lambda: call(event, meeting, session, registration, by), lambda: state(event))
    assert registration.status == RegistrationStatus.APPROVED


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_the_organiser_may(conference, call, mailoutbox):
    event, organiser, delegations, meeting, session = conference
    a_finished_run(event, organiser)
    call(event, meeting, session, delegations["hue"][0], organiser)
