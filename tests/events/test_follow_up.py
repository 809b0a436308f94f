import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingOutcome, MeetingRequest
from tests.events.builders import AFTER_THE_EVENT, a_finished_run
from tests.factories import UserFactory


def accepted(delegations, first, second):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def published(event, organiser, meeting, slot_index=0, table="Table 1"):
    services.place_meeting(
        meeting=meeting,
        slot=list(event.meeting_slots.all())[slot_index],
        table=event.meeting_tables.get(name=table),
        by=organiser,
    )
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    meeting.refresh_from_db()
    return meeting


def test_reminders_go_once_a_day_to_delegations_with_old_requests(conference, mailoutbox):
    _event, _organiser, delegations = conference
    (danang, danang_user), (osaka, _osaka_user) = delegations["danang"], delegations["osaka"]
    aichi, aichi_user = delegations["aichi"]
    services.send_request(sender=danang, recipient=osaka, by=danang_user)
    services.send_request(sender=aichi, recipient=osaka, by=aichi_user)
    now = timezone.now()
    assert services.send_request_reminders(now=now, older_than_hours=24) == 0
    later = now + dt.timedelta(hours=25)
    assert services.send_request_reminders(now=later, older_than_hours=24) == 1
    (message,) = mailoutbox
    assert message.to == [delegations["osaka"][1].email]
    assert danang.organisation.name in message.body and aichi.organisation.name in message.body
    assert services.send_request_reminders(now=later + dt.timedelta(hours=1)) == 0
    assert services.send_request_reminders(now=later + dt.timedelta(hours=25)) == 1
    assert MeetingRequest.objects.filter(reminded_at__isnull=False).count() == 2


def test_outcomes_only_for_held_meetings_and_their_delegations(conference):
    event, organiser, delegations = conference
    meeting = published(event, organiser, accepted(delegations, "danang", "osaka"))
    danang_user = delegations["danang"][1]
    with pytest.raises(ValidationError) as error:
        services.record_outcome(meeting=meeting, kind="mou", by=danang_user)
    assert error.value.code == "not_held"
    services.record_attendance(meeting=meeting, held=True, by=organiser, now=AFTER_THE_EVENT)
    with pytest.raises(ValidationError) as error:
        services.record_outcome(meeting=meeting, kind="mou", by=delegations["aichi"][1])
    assert error.value.code == "not_a_member"
    services.record_outcome(meeting=meeting, kind="mou", note="Sign in May", by=danang_user)
    services.record_outcome(meeting=meeting, kind="mou", note="Sign in June", by=danang_user)
    assert list(MeetingOutcome.objects.values_list("kind", "note")) == [("mou", "Sign in June")]


def test_the_calendar_feed_needs_only_its_secret(client, conference):
    event, organiser, delegations = conference
    published(event, organiser, accepted(delegations, "danang", "osaka"))
    danang = delegations["danang"][0]
    url = reverse("events:calendar_feed", args=[event.slug, danang.calendar_token])
    (entry,) = Calendar.from_ical(client.get(url).content).walk("VEVENT")
    assert str(entry["summary"]) == delegations["osaka"][0].organisation.name
    wrong = reverse("events:calendar_feed", args=[event.slug, "0" * 32])
    assert client.get(wrong).status_code == 404


def test_sheets_are_for_organisers(client, conference):
    event, organiser, delegations = conference
    published(event, organiser, accepted(delegations, "danang", "osaka"))
    url = reverse("events:sheets", args=[event.slug])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(organiser)
    html = client.get(url).content.decode()
    assert "Table 1" in html and delegations["osaka"][0].organisation.name in html


def test_the_printable_agenda_is_a_pdf_with_the_meetings(client, conference):
    from io import BytesIO

    from pypdf import PdfReader

    event, organiser, delegations = conference
    published(event, organiser, accepted(delegations, "danang", "osaka"))
    client.force_login(delegations["danang"][1])
    response = client.get(reverse("events:agenda_pdf", args=[event.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert delegations["osaka"][0].organisation.name in text
    assert "Table 1" in text
    # In the delegation's own time zone (a Vietnamese organisation's), named.
    assert "10 Mar 2027" in text and "14:00 – 14:30 (Vietnam Time)" in text
