from django.urls import reverse
from icalendar import Calendar

from kakehashi.events import services
from kakehashi.events.models import (
    Meeting,
    MeetingRequest,
    MeetingTable,
    Registration,
    RegistrationStatus,
)
from tests.events.builders import a_finished_run, at, placed_by_hand
from tests.factories import UserFactory


def test_organiser_pages_are_closed_to_participants(client, conference):
    event, _organiser, delegations = conference
    _registration, user = delegations["danang"]
    client.force_login(user)
    for name in ["programme", "schedule"]:
        assert client.get(reverse(f"events:{name}", args=[event.slug])).status_code == 403
    assert client.post(reverse("events:schedule_run", args=[event.slug])).status_code == 403
    assert client.post(reverse("events:schedule_publish", args=[event.slug])).status_code == 403
    response = client.post(
        reverse("events:programme", args=[event.slug]),
        {"action": "table", "name": "Sneaky", "seats": 8},
    )
    assert response.status_code == 403
    assert not MeetingTable.objects.filter(name="Sneaky").exists()


def test_the_organiser_sets_tables_and_periods(client, conference):
    event, organiser, _delegations = conference
    client.force_login(organiser)
    url = reverse("events:programme", args=[event.slug])
    client.post(url, {"action": "table", "name": "Room B", "seats": 6, "is_active": "on"})
    assert MeetingTable.objects.get(event=event, name="Room B").seats == 6
    response = client.post(
        url, {"action": "programme", "periods": "2027-03-10 9:00", "slot_minutes": 20}
    )
    assert "is not “date start end”" in response.content.decode()
    assert event.meeting_slots.count() == 4  # unchanged
    client.post(
        url, {"action": "programme", "periods": "2027-03-10 09:00 10:00", "slot_minutes": 20}
    )
    assert [s.starts_at for s in event.meeting_slots.all()] == [at(9), at(9, 20), at(9, 40)]


def test_people_outside_the_delegations_have_no_meeting_page(client, conference):
    event, _organiser, _delegations = conference
    client.force_login(UserFactory())
    assert client.get(reverse("events:my_meetings", args=[event.slug])).status_code == 403
    assert client.get(reverse("events:agenda_ics", args=[event.slug])).status_code == 403


def test_the_meeting_page_tells_a_delegation_waiting_for_approval_why_it_is_closed(
    client, conference
):
    event, _organiser, delegations = conference
    registration, user = delegations["danang"]
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.PENDING)
    client.force_login(user)
    client.cookies["kakehashi_language"] = "vi"

    response = client.get(reverse("events:my_meetings", args=[event.slug]))

    assert response.status_code == 403
    assert "Đăng ký của đoàn bạn đang chờ ban tổ chức phê duyệt." in response.content.decode()
    stranger = UserFactory()
    client.force_login(stranger)
    client.cookies["kakehashi_language"] = "ja"
    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()
    assert "参加登録が承認された代表団が利用できます" in page
    assert "承認待ち" not in page


def test_request_accept_and_agenda_through_the_pages(client, conference):
    event, organiser, delegations = conference
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    client.force_login(danang_user)
    mine = reverse("events:my_meetings", args=[event.slug])
    client.post(
        mine, {"action": "request", "recipient": osaka.pk, "priority": 3, "message": "Xin chào"}
    )
    request = MeetingRequest.objects.get()
    assert (request.sender, request.recipient, request.priority) == (danang, osaka, 3)

    answer = reverse("events:answer_request", args=[event.slug, request.pk])
    assert client.post(answer, {"decision": "accept"}).status_code == 302
    request.refresh_from_db()
    assert request.status == "pending"  # the sender cannot accept their own request

    client.force_login(osaka_user)
    client.post(answer, {"decision": "accept"})
    meeting = Meeting.objects.get()
    _place_at_table_1_and_publish(event, organiser, meeting)

    response = client.get(reverse("events:agenda_ics", args=[event.slug]))
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == at(14)
    assert str(entry["summary"]) == danang.organisation.name
    assert "Table 1" in str(entry["location"])


def test_publishing_tells_only_the_delegations_whose_meetings_changed(
    conference, mailoutbox, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    meetings = []
    for first, second in [("danang", "osaka"), ("hue", "aichi")]:
        (a, a_user), (b, b_user) = delegations[first], delegations[second]
        request = services.send_request(sender=a, recipient=b, by=a_user)
        services.answer_request(meeting_request=request, accept=True, by=b_user)
        meetings.append(Meeting.objects.get(request=request))
    slots = list(event.meeting_slots.all())
    tables = list(event.meeting_tables.order_by("name"))
    services.place_meeting(meeting=meetings[0], slot=slots[0], table=tables[0], by=organiser)
    services.place_meeting(meeting=meetings[1], slot=slots[0], table=tables[1], by=organiser)
    a_finished_run(event, organiser)
    with django_capture_on_commit_callbacks(execute=True):
        told = services.publish_schedule(event=event, by=organiser)
    assert len(told) == 4 and len(mailoutbox) == 4

    mailoutbox.clear()
    services.place_meeting(meeting=meetings[1], slot=slots[1], table=tables[1], by=organiser)
    with django_capture_on_commit_callbacks(execute=True):
        told = services.publish_schedule(event=event, by=organiser)
    assert {r.pk for r in told} == {delegations["hue"][0].pk, delegations["aichi"][0].pk}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [delegations["hue"][1].email, delegations["aichi"][1].email]
    )
    # The new time in words, in each delegation's own time zone, named (the tests' readers
    # read English): Hue is in Vietnam, Aichi in Japan.
    body = {m.to[0]: m.body for m in mailoutbox}
    assert (
        "- 10 Mar 2027, 14:30 – 15:00 (Vietnam Time), Table 2" in body[delegations["hue"][1].email]
    )
    assert (
        "- 10 Mar 2027, 16:30 – 17:00 (Japan Time), Table 2" in body[delegations["aichi"][1].email]
    )


def test_organisers_add_meetings_themselves(client, conference):
    event, organiser, delegations = conference
    danang, osaka = delegations["danang"][0], delegations["osaka"][0]
    url = reverse("events:organiser_meeting", args=[event.slug])
    both = {"registrations": [danang.pk, osaka.pk], "weight": 3}
    client.force_login(delegations["danang"][1])
    assert client.post(url, both).status_code == 403
    client.force_login(organiser)
    client.post(url, both)
    meeting = Meeting.objects.get()
    assert meeting.added_by_organisers and meeting.weight == 3
    response = client.post(url, both, follow=True)
    assert "These delegations already have a meeting." in response.content.decode()
    assert Meeting.objects.count() == 1


def test_availability_names_slots_as_the_reader_reads_them(conference):
    from django.utils import translation

    from kakehashi.events.forms import AvailabilityForm

    event, _, _ = conference
    form = AvailabilityForm(event=event)
    with translation.override("en"):
        labels = [label for _, label in form.fields["unavailable_slots"].choices]
    assert labels[0] == "10 Mar 2027, 14:00 – 14:30"
    with translation.override("ja"):
        labels = [label for _, label in form.fields["unavailable_slots"].choices]
    assert labels[0] == "2027年3月10日 14:00～14:30"


def _place_at_table_1_and_publish(event, organiser, meeting):
    """The organiser places the meeting in the first slot at Table 1 and publishes."""
    placed_by_hand(event, organiser, meeting)
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)


def _meeting_through_the_pages(client, event, organiser, sender, recipient):
    """A meeting requested and accepted on the pages, placed and published."""
    (registration, user), (other, other_user) = sender, recipient
    client.force_login(user)
    mine = reverse("events:my_meetings", args=[event.slug])
    client.post(mine, {"action": "request", "recipient": other.pk, "priority": 3, "message": ""})
    request = MeetingRequest.objects.get(sender=registration, recipient=other)
    client.force_login(other_user)
    client.post(
        reverse("events:answer_request", args=[event.slug, request.pk]), {"decision": "accept"}
    )
    meeting = Meeting.objects.get(participants__registration=registration)
    _place_at_table_1_and_publish(event, organiser, meeting)
    client.force_login(user)
    return meeting


def test_the_meetings_page_says_when_no_interpreting_is_needed(client, conference):
    """Hue (vi, en) and Aichi (ja, en) share English: the interpreting cell says none is
    needed, in the reader's language, rather than a bare dash that could mean "not assigned"."""
    event, organiser, delegations = conference
    meeting = _meeting_through_the_pages(
        client, event, organiser, delegations["hue"], delegations["aichi"]
    )
    assert meeting.interpreting == []
    client.cookies["kakehashi_language"] = "vi"
    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()
    assert "Không cần" in page
    client.cookies["kakehashi_language"] = "ja"
    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()
    assert "不要" in page


def test_the_meetings_page_names_the_languages_to_interpret(client, conference):
    event, organiser, delegations = conference
    meeting = _meeting_through_the_pages(
        client, event, organiser, delegations["danang"], delegations["osaka"]
    )
    assert sorted(meeting.interpreting) == ["ja", "vi"]
    client.cookies["kakehashi_language"] = "vi"
    page = client.get(reverse("events:my_meetings", args=[event.slug])).content.decode()
    assert "Không cần" not in page
    assert "↔" in page
