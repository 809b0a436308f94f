"""Meetings in person or remote: who may say a delegation attends remotely, what the real
scheduler makes of it (no table, an interpreter who joins remotely), the video link (or the
honest text without a video server), and times in each delegation's own time zone in the
pages, the ICS file, the PDF and the e-mails."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from icalendar import Calendar

from kakehashi.common.models import AuditEntry
from kakehashi.events import services
from kakehashi.events.models import (
    Interpreter,
    Meeting,
    MeetingTable,
    Registration,
    RegistrationStatus,
    ScheduleRunStatus,
)
from kakehashi.events.services.remote import set_remote_attendance
from tests.events.builders import at
from tests.factories import UserFactory

pytestmark = pytest.mark.usefixtures("reference")

VIDEO = "https://meet.example.org/"


def accepted(delegations, first, second):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def run(event, organiser, capture):
    with capture(execute=True):
        schedule_run = services.start_schedule_run(event=event, by=organiser, time_limit=5)
    schedule_run.refresh_from_db()
    assert schedule_run.status == ScheduleRunStatus.DONE, schedule_run.error
    return schedule_run


def publish(event, organiser, capture):
    with capture(execute=True):
        services.publish_schedule(event=event, by=organiser)


def remote(delegations, key):
    registration, user = delegations[key]
    return set_remote_attendance(registration=registration, remote=True, by=user)


def one_table(event):
    """Only Table 1 (4 seats) stays in use."""
    MeetingTable.objects.filter(event=event).exclude(name="Table 1").update(is_active=False)


# -- who may switch ---------------------------------------------------------------------------


def test_the_delegation_and_the_organisers_may_switch_and_the_audit_log_says_who(conference):
    event, organiser, delegations = conference
    hue, hue_user = delegations["hue"]

    set_remote_attendance(registration=hue, remote=True, by=hue_user)
    assert Registration.objects.get(pk=hue.pk).attends_remotely is True
    set_remote_attendance(registration=hue, remote=False, by=organiser)
    assert Registration.objects.get(pk=hue.pk).attends_remotely is False

    entries = AuditEntry.objects.filter(
        model_label="events.registration", object_id=str(hue.pk)
    ).order_by("pk")
    assert [(e.actor_id, e.before, e.after) for e in entries] == [
        (hue_user.pk, {"attends_remotely": False}, {"attends_remotely": True}),
        (organiser.pk, {"attends_remotely": True}, {"attends_remotely": False}),
    ]


def test_another_delegation_or_a_stranger_may_not_switch_and_nothing_changes(conference):
    event, organiser, delegations = conference
    hue = delegations["hue"][0]
    for outsider in (delegations["osaka"][1], UserFactory()):
        with pytest.raises(PermissionDenied):
            set_remote_attendance(registration=hue, remote=True, by=outsider)
    assert Registration.objects.get(pk=hue.pk).attends_remotely is False
    assert not AuditEntry.objects.filter(model_label="events.registration").exists()


def test_a_cancelled_registration_cannot_switch(conference):
    event, organiser, delegations = conference
    hue = delegations["hue"][0]
    Registration.objects.filter(pk=hue.pk).update(status=RegistrationStatus.CANCELLED)
    hue.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        set_remote_attendance(registration=hue, remote=True, by=organiser)

    assert error.value.code == "inactive"
    assert Registration.objects.get(pk=hue.pk).attends_remotely is False


def test_the_switch_on_the_pages(client, conference):
    event, organiser, delegations = conference
    hue, hue_user = delegations["hue"]
    url = reverse("events:registration_remote", args=[event.slug, hue.pk])

    client.force_login(delegations["osaka"][1])
    assert client.post(url, {"remote": "yes"}).status_code == 403
    client.force_login(hue_user)
    assert client.post(url, {"remote": "maybe"}).status_code == 404
    response = client.post(url, {"remote": "yes", "back": "meetings"})
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("events:my_meetings", args=[event.slug]) + f"?delegation={hue.pk}"
    )
    assert Registration.objects.get(pk=hue.pk).attends_remotely is True

    client.force_login(organiser)
    page = client.get(reverse("events:registrations", args=[event.slug])).content.decode()
    assert "Remote (by video)" in page and "Switch to on site" in page
    response = client.post(url, {"remote": "no"})
    assert response["Location"] == reverse("events:registrations", args=[event.slug])
    assert Registration.objects.get(pk=hue.pk).attends_remotely is False


def test_registering_can_say_the_delegation_attends_remotely(client, conference):
    from kakehashi.directory.models import OrganisationKind
    from tests.factories import OrganisationFactory, locality, member_of

    event, _organiser, _delegations = conference
    organisation = OrganisationFactory(
        kind=OrganisationKind.LOCAL_GOVERNMENT, country="JP", locality=locality("osaka-prefecture")
    )
    user = member_of(organisation)
    client.force_login(user)

    client.post(
        reverse("events:register", args=[event.slug]),
        {"organisation": organisation.pk, "languages": ["ja"], "attends_remotely": "on"},
    )

    assert Registration.objects.get(organisation=organisation).attends_remotely is True


# -- the scheduler ----------------------------------------------------------------------------


def test_the_instance_marks_remote_meetings_and_interpreters(conference):
    event, organiser, delegations = conference
    remote(delegations, "hue")
    services.add_interpreter(
        event=event, name="Online", languages=["ja", "vi"], joins_remotely=True, by=organiser
    )
    on_site = accepted(delegations, "danang", "osaka")
    far = accepted(delegations, "hue", "aichi")

    instance = services.build_instance(event, allow_moves=False)

    assert {m["id"]: m["remote"] for m in instance["meetings"]} == {
        f"m{on_site.pk}": False,
        f"m{far.pk}": True,
    }
    assert sorted((i["languages"], i["remote"]) for i in instance["interpreters"]) == [
        (["ja", "vi"], False),
        (["ja", "vi"], True),
    ]


def test_remote_meetings_take_no_table_and_an_interpreter_who_joins_remotely(
    conference, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    one_table(event)
    remote(delegations, "hue")
    online = services.add_interpreter(
        event=event, name="Online", languages=["ja", "vi"], joins_remotely=True, by=organiser
    )
    on_site = accepted(delegations, "danang", "osaka")  # vi, ja: interpreted
    far_english = accepted(delegations, "hue", "aichi")  # share English
    far_interpreted = accepted(delegations, "hue", "osaka")  # vi+en, ja: interpreted

    schedule_run = run(event, organiser, django_capture_on_commit_callbacks)

    assert schedule_run.result["status"] == "optimal"
    assert schedule_run.result["unscheduled"] == []
    places = {
        m.pk: (m.table.name if m.table else None, m.interpreter_id)
        for m in Meeting.objects.select_related("table")
    }
    interpreter = Interpreter.objects.get(event=event, name="Interpreter")
    assert places == {
        on_site.pk: ("Table 1", interpreter.pk),
        far_english.pk: (None, None),
        far_interpreted.pk: (None, online.pk),
    }


def test_without_a_remote_interpreter_the_remote_meeting_is_left_out_and_explained(
    client, conference, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    remote(delegations, "hue")
    left_out = accepted(delegations, "hue", "osaka")

    run(event, organiser, django_capture_on_commit_callbacks)

    left_out.refresh_from_db()
    assert left_out.slot_id is None
    assert left_out.unscheduled_diagnosis == {
        "code": "no_interpreter",
        "params": {"variant": "none_remote", "languages": ["ja", "vi"]},
        "context": "optimal",
    }
    client.force_login(organiser)
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    assert (
        "This meeting is held by video, and no interpreter for Vietnamese–Japanese can join "
        "remotely." in page
    )


# -- what each delegation reads ---------------------------------------------------------------


@pytest.fixture
def scheduled(conference, django_capture_on_commit_callbacks, mailoutbox):
    """Hue attends remotely; Da Nang meets Osaka on site, Hue meets Aichi by video; the real
    scheduler places them and the schedule is published."""
    event, organiser, delegations = conference
    one_table(event)
    remote(delegations, "hue")
    on_site = accepted(delegations, "danang", "osaka")
    far = accepted(delegations, "hue", "aichi")
    run(event, organiser, django_capture_on_commit_callbacks)
    publish(event, organiser, django_capture_on_commit_callbacks)
    on_site.refresh_from_db()
    far.refresh_from_db()
    return event, delegations, on_site, far, mailoutbox


def agenda_row(client, event, user, language, meeting) -> str:
    client.force_login(user)
    client.cookies["kakehashi_language"] = language
    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)
    row = next(r for r in rows if f"meeting={meeting.pk}&" in r)
    return " ".join(re.sub(r"<[^>]+>", " ", row).split())


def local(meeting, hours: int, *, end: bool = False) -> str:
    """The meeting's start (or end) as HH:MM, `hours` ahead of Vietnam."""
    slot = meeting.published_slot
    moment = slot.ends_at if end else slot.starts_at
    return f"{(moment.hour + 7 + hours) % 24:02d}:{moment.minute:02d}"


def test_each_agenda_shows_the_table_or_the_link_in_the_readers_zone(client, scheduled, settings):
    settings.KAKEHASHI_VIDEO_URL = VIDEO
    event, delegations, on_site, far, _mail = scheduled
    assert on_site.published_table.name == "Table 1"
    assert far.published_table is None and far.published_slot is not None

    danang = agenda_row(client, event, delegations["danang"][1], "vi", on_site)
    assert (
        f"{local(on_site, 0)} – {local(on_site, 0, end=True)}, 10 tháng 3 năm 2027 (giờ Việt Nam)"
        in danang
    )
    assert "Table 1" in danang
    osaka = agenda_row(client, event, delegations["osaka"][1], "ja", on_site)
    assert f"2027年3月10日 {local(on_site, 2)}～{local(on_site, 2, end=True)}（日本時間）" in osaka
    assert "Table 1" in osaka

    client.force_login(delegations["aichi"][1])
    client.cookies["kakehashi_language"] = "en"
    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()
    link = f"{VIDEO}{far.video_room}"
    assert f'href="{link}"' in page
    aichi = agenda_row(client, event, delegations["aichi"][1], "en", far)
    assert f"10 Mar 2027, {local(far, 2)} – {local(far, 2, end=True)} (Japan Time)" in aichi
    assert "Join the video meeting" in aichi and "Table" not in aichi
    hue = agenda_row(client, event, delegations["hue"][1], "vi", far)
    assert f"– {local(far, 0, end=True)}, 10 tháng 3 năm 2027 (giờ Việt Nam)" in hue


def test_without_a_video_server_a_remote_meeting_says_the_link_will_come(
    client, scheduled, settings
):
    settings.KAKEHASHI_VIDEO_URL = ""
    event, delegations, _on_site, far, _mail = scheduled

    row = agenda_row(client, event, delegations["hue"][1], "en", far)

    assert "Video meeting: the organisers will send the link." in row
    assert "meet.example.org" not in row and far.video_room not in row


def test_video_rooms_are_unguessable_and_differ(scheduled):
    _event, _delegations, on_site, far, _mail = scheduled
    rooms = {on_site.video_room, far.video_room}
    assert len(rooms) == 2
    assert all(re.fullmatch(r"kakehashi-[A-Za-z0-9_-]{24}", room) for room in rooms)


def ics(client, event, user, language="en") -> Calendar:
    client.force_login(user)
    client.cookies["kakehashi_language"] = language
    response = client.get(reverse("events:agenda_ics", args=[event.slug]))
    return Calendar.from_ical(response.content)


def test_the_ics_carries_each_delegations_time_zone_and_the_link(client, scheduled, settings):
    settings.KAKEHASHI_VIDEO_URL = VIDEO
    event, delegations, on_site, far, _mail = scheduled

    osaka = ics(client, event, delegations["osaka"][1])
    (entry,) = [e for e in osaka.walk("VEVENT") if str(e["uid"]).startswith("meeting-")]
    assert entry["dtstart"].params["TZID"] == "Asia/Tokyo"
    start = entry.decoded("dtstart")
    assert str(start.tzinfo) == "Asia/Tokyo"
    assert start == on_site.published_slot.starts_at
    assert start.hour == on_site.published_slot.starts_at.hour + 9  # stored in UTC
    assert [tz["tzid"] for tz in osaka.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    assert "Table 1" in str(entry["location"])

    hue = ics(client, event, delegations["hue"][1])
    (entry,) = [e for e in hue.walk("VEVENT") if str(e["uid"]).startswith("meeting-")]
    assert entry["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert entry.decoded("dtstart") == far.published_slot.starts_at
    assert str(entry["location"]) == f"{VIDEO}{far.video_room}"
    assert str(entry["url"]) == f"{VIDEO}{far.video_room}"


def test_the_pdf_agenda_names_the_zone_and_the_link(client, scheduled, settings):
    from io import BytesIO

    from pypdf import PdfReader

    settings.KAKEHASHI_VIDEO_URL = VIDEO
    event, delegations, _on_site, far, _mail = scheduled
    client.force_login(delegations["aichi"][1])
    client.cookies["kakehashi_language"] = "en"

    response = client.get(reverse("events:agenda_pdf", args=[event.slug]))

    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert f"{local(far, 2)} – " in text and "(Japan Time)" in text
    assert far.video_room in "".join(text.split())


def test_the_publication_e_mail_gives_each_delegation_its_zone_and_place(scheduled):
    event, delegations, on_site, far, mailoutbox = scheduled
    body = {m.to[0]: m.body for m in mailoutbox}

    osaka = body[delegations["osaka"][1].email]
    hue = body[delegations["hue"][1].email]
    assert f"{local(on_site, 2)} – " in osaka and "(Japan Time), Table 1" in osaka
    assert f"{local(far, 0)} – " in hue and "(Vietnam Time), Video meeting:" in hue


def test_sessions_on_the_meetings_page_are_in_the_delegations_zone(client, conference):
    event, organiser, delegations = conference
    services.add_session(
        event=event,
        by=organiser,
        kind="plenary",
        title="Opening",
        starts_at=at(9),
        ends_at=at(10),
    )
    client.force_login(delegations["osaka"][1])
    client.cookies["kakehashi_language"] = "ja"

    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()

    assert "2027年3月10日 11:00～12:00（日本時間）" in page
    assert "日本時間" in page.split('id="reader-zone"')[1].split("</p>")[0]


def test_the_meetings_page_reads_in_the_same_queries_however_many_remote_meetings(
    client, conference, scheduled, settings, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.KAKEHASHI_VIDEO_URL = VIDEO
    organiser = conference[1]  # the same conference as `scheduled`'s
    event, delegations, _on_site, _far, _mail = scheduled
    client.force_login(delegations["aichi"][1])
    url = reverse("events:my_meetings", args=[event.slug])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    remote(delegations, "aichi")
    services.add_interpreter(
        event=event, name="Online", languages=["ja", "vi"], joins_remotely=True, by=organiser
    )
    # Two more meetings, accepted but not yet published: the page lists one meeting.
    accepted(delegations, "danang", "aichi")
    accepted(delegations, "osaka", "aichi")
    queries()  # the first page of a session also writes the session and warms caches
    one = queries()
    assert client.get(url).content.decode().count('class="video-link"') == 1
    run(event, organiser, django_capture_on_commit_callbacks)
    publish(event, organiser, django_capture_on_commit_callbacks)

    assert client.get(url).content.decode().count('class="video-link"') == 3
    assert queries() == one


# -- placed by hand ---------------------------------------------------------------------------


def test_placed_by_hand_a_remote_meeting_takes_no_table_and_one_in_person_needs_one(conference):
    event, organiser, delegations = conference
    in_person = accepted(delegations, "danang", "osaka")
    by_video = accepted(delegations, "hue", "osaka")
    remote(delegations, "hue")
    first, second = event.meeting_slots.order_by("starts_at")[:2]
    table = MeetingTable.objects.filter(event=event).first()

    with pytest.raises(ValidationError) as refused:
        services.place_meeting(meeting=by_video, slot=first, table=table, by=organiser)
    assert refused.value.code == "remote"
    with pytest.raises(ValidationError) as refused:
        services.place_meeting(meeting=in_person, slot=first, table=None, by=organiser)
    assert refused.value.code == "no_table"
    assert not Meeting.objects.filter(slot__isnull=False).exists()

    services.place_meeting(meeting=by_video, slot=first, table=None, by=organiser)
    services.place_meeting(meeting=in_person, slot=second, table=table, by=organiser)
    by_video.refresh_from_db()
    assert (by_video.slot, by_video.table) == (first, None)
    assert AuditEntry.objects.filter(object_id=str(by_video.pk), action="placed").exists()


def test_only_organisers_place_a_meeting_by_hand(conference):
    event, _organiser, delegations = conference
    meeting = accepted(delegations, "danang", "osaka")
    slot = event.meeting_slots.first()
    table = MeetingTable.objects.filter(event=event).first()
    for who in (delegations["danang"][1], UserFactory(), None):
        with pytest.raises(PermissionDenied):
            services.place_meeting(meeting=meeting, slot=slot, table=table, by=who)
    meeting.refresh_from_db()
    assert meeting.slot is None
