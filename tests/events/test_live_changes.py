"""Changes on the event day: a delegation books a free slot with another once the schedule is
published; either party cancels; each meeting is reminded once before it starts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kakehashi.events import services
from kakehashi.events.booking import BookingOptions
from kakehashi.events.models import Meeting, MeetingReminder, MeetingStatus
from kakehashi.events.services.live import book_meeting, cancel_meeting
from kakehashi.events.services.reminders import send_meeting_reminders
from tests.events.builders import a_finished_run, at
from tests.factories import UserFactory

BEFORE = at(9)  # the morning of the event: every slot (14:00-16:00) is still to come


@pytest.fixture(autouse=True)
def _commits(django_capture_on_commit_callbacks):
    """Run what each write leaves for after its commit (the e-mails) as it commits."""
    global committed
    committed = lambda: django_capture_on_commit_callbacks(execute=True)  # noqa: E731


def publish(event, organiser):
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)


def slot_at(event, hour, minute=0):
    return event.meeting_slots.get(starts_at=at(hour, minute))


def book(delegations, first, second, slot):
    registration, user = delegations[first]
    with committed():
        return book_meeting(
            registration=registration,
            counterpart=delegations[second][0],
            slot=slot,
            by=user,
            now=BEFORE,
        )


def cancel(meeting, by, now=BEFORE):
    with committed():
        return cancel_meeting(meeting=meeting, by=by, now=now)


def test_a_booking_takes_a_free_table_and_tells_only_the_other_party(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    meeting = book(delegations, "hue", "danang", slot_at(event, 14))
    assert meeting.status == MeetingStatus.SCHEDULED
    assert (meeting.published_slot, meeting.published_table.name) == (
        slot_at(event, 14),
        "Table 2",  # the smallest table that seats two delegations without interpreter
    )
    assert meeting.interpreter is None and meeting.interpreting == []
    assert sorted(p.registration_id for p in meeting.participants.all()) == sorted(
        [delegations["hue"][0].pk, delegations["danang"][0].pk]
    )
    (message,) = mailoutbox
    assert message.to == [delegations["danang"][1].email]
    assert delegations["hue"][0].organisation.name in message.body
    assert "Table 2" in message.body


def test_a_meeting_across_languages_gets_the_interpreter_and_a_table_for_three(conference):
    event, organiser, delegations = conference
    publish(event, organiser)
    meeting = book(delegations, "danang", "osaka", slot_at(event, 14))
    assert meeting.interpreting == ["ja", "vi"]
    assert meeting.interpreter.name == "Interpreter"
    assert meeting.table.name == "Table 1"  # Table 2 has two seats only
    # The only interpreter is taken in that slot: another vi-ja meeting must go elsewhere.
    aichi = delegations["aichi"][0]
    aichi.languages = ["ja"]
    aichi.save()
    hue_aichi = BookingOptions(delegations["hue"][0], aichi, BEFORE)
    assert hue_aichi.refusal(slot_at(event, 14)).code == "no_interpreter"
    assert slot_at(event, 14) not in hue_aichi.free_slots()
    assert slot_at(event, 14, 30) in hue_aichi.free_slots()


@pytest.mark.parametrize(
    "case, code",
    [
        ("unpublished", "not_published"),
        ("past", "slot_past"),
        ("stranger", "not_a_member"),
        ("busy", "delegation_busy"),
        ("again", "already_meeting"),
        ("unavailable", "delegation_unavailable"),
        ("full", "over_max_meetings"),
        ("self", "self_request"),
    ],
)
def test_a_booking_that_breaks_a_rule_is_refused_and_writes_nothing(conference, case, code):
    event, organiser, delegations = conference
    if case != "unpublished":
        publish(event, organiser)
    hue, hue_user = delegations["hue"]
    slot, counterpart, by, now = slot_at(event, 15), delegations["danang"][0], hue_user, BEFORE
    if case == "past":
        now = at(15, 10)
    elif case == "stranger":
        by = UserFactory()
    elif case == "busy":
        book(delegations, "aichi", "danang", slot)
    elif case == "again":
        book(delegations, "hue", "danang", slot_at(event, 14))
    elif case == "unavailable":
        delegations["danang"][0].unavailable_slots.add(slot)
    elif case == "full":
        hue.max_meetings = 1
        hue.save()
        book(delegations, "hue", "aichi", slot_at(event, 14))
    elif case == "self":
        counterpart = hue
    meetings_before = Meeting.objects.count()
    with pytest.raises(ValidationError) as error:
        book_meeting(registration=hue, counterpart=counterpart, slot=slot, by=by, now=now)
    assert error.value.code == code
    assert Meeting.objects.count() == meetings_before


def test_when_every_table_is_taken_the_slot_is_not_offered(conference):
    event, organiser, delegations = conference
    publish(event, organiser)
    slot = slot_at(event, 14)
    book(delegations, "danang", "osaka", slot)  # Table 1, with the interpreter
    book(delegations, "hue", "aichi", slot)  # Table 2 (they share English)
    for table in event.meeting_tables.exclude(name__in=["Table 1", "Table 2"]):
        table.is_active = False
        table.save()
    options = BookingOptions(delegations["hue"][0], delegations["danang"][0], BEFORE)
    assert options.refusal(slot).code == "delegation_busy"
    assert slot not in options.free_slots()


def test_cancelling_frees_the_slot_and_tells_only_the_other_party(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    slot = slot_at(event, 14)
    meeting = book(delegations, "danang", "osaka", slot)
    mailoutbox.clear()
    cancel(meeting, delegations["danang"][1])
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert (meeting.slot, meeting.table, meeting.interpreter, meeting.published_slot) == (
        None,
        None,
        None,
        None,
    )
    assert not meeting.participants.filter(slot__isnull=False).exists()
    (message,) = mailoutbox
    assert message.to == [delegations["osaka"][1].email]
    assert delegations["danang"][0].organisation.name in message.body
    # The slot, the table and the interpreter are free again: another pair books them.
    again = book(delegations, "hue", "osaka", slot)
    assert (again.table.name, again.interpreter.name) == ("Table 1", "Interpreter")


def test_an_organiser_who_cancels_tells_both_parties(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    meeting = book(delegations, "danang", "osaka", slot_at(event, 14))
    mailoutbox.clear()
    cancel(meeting, organiser)
    assert sorted(address for m in mailoutbox for address in m.to) == sorted(
        [delegations["danang"][1].email, delegations["osaka"][1].email]
    )


def test_who_may_not_cancel_and_when(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    meeting = book(delegations, "danang", "osaka", slot_at(event, 14))
    for by, now, code in [
        (delegations["aichi"][1], BEFORE, "not_a_member"),
        (UserFactory(), BEFORE, "not_a_member"),
        (delegations["danang"][1], at(14, 5), "already_begun"),
    ]:
        with pytest.raises(ValidationError) as error:
            cancel_meeting(meeting=meeting, by=by, now=now)
        assert error.value.code == code
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED and meeting.slot is not None
    cancel_meeting(meeting=meeting, by=delegations["osaka"][1], now=BEFORE)
    with pytest.raises(ValidationError) as error:
        cancel_meeting(meeting=meeting, by=delegations["osaka"][1], now=BEFORE)
    assert error.value.code == "not_cancellable"


def test_reminders_go_once_per_meeting_in_each_recipients_language(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    for key, language in [("danang", "vi"), ("osaka", "ja")]:
        user = delegations[key][1]
        user.preferred_language = language
        user.save()
    meeting = book(delegations, "danang", "osaka", slot_at(event, 14, 30))
    mailoutbox.clear()
    assert send_meeting_reminders(now=at(13, 30)) == 0  # an hour before: not yet
    assert send_meeting_reminders(now=at(14, 5)) == 2  # within 30 minutes of its start
    assert send_meeting_reminders(now=at(14, 10)) == 0  # each once
    by_address = {message.to[0]: message for message in mailoutbox}
    vietnamese = by_address[delegations["danang"][1].email]
    japanese = by_address[delegations["osaka"][1].email]
    assert vietnamese.subject.startswith("Nhắc lịch")
    assert delegations["osaka"][0].organisation.name in vietnamese.subject
    assert "14:30" in vietnamese.body and meeting.table.name in vietnamese.body
    assert japanese.subject.startswith("リマインダー")
    assert delegations["danang"][0].organisation.name in japanese.body
    assert MeetingReminder.objects.filter(meeting=meeting).count() == 2


def test_a_moved_meeting_is_reminded_again_and_a_cancelled_one_not(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    moved = book(delegations, "danang", "osaka", slot_at(event, 14, 30))
    cancelled = book(delegations, "hue", "aichi", slot_at(event, 14, 30))
    assert send_meeting_reminders(now=at(14, 5)) == 4
    services.place_meeting(meeting=moved, slot=slot_at(event, 15), table=moved.table, by=organiser)
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    cancel(cancelled, delegations["hue"][1], now=at(14, 6))
    mailoutbox.clear()
    assert send_meeting_reminders(now=at(14, 35)) == 2
    assert {m.to[0] for m in mailoutbox} == {
        delegations["danang"][1].email,
        delegations["osaka"][1].email,
    }


def test_the_booking_page_lists_free_slots_and_books_one(client, conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    hue, hue_user = delegations["hue"]
    danang = delegations["danang"][0]
    client.force_login(hue_user)
    url = reverse("events:book", args=[event.slug])
    page = client.get(url, {"delegation": hue.pk, "with": danang.pk})
    assert page.status_code == 200
    assert len(page.context["free_slots"]) == 4
    slot = slot_at(event, 15)
    answer = client.post(url, {"delegation": hue.pk, "with": danang.pk, "slot": slot.pk})
    assert answer.status_code == 302
    meeting = Meeting.objects.get(participants__registration=danang)
    assert meeting.published_slot == slot
    again = client.get(url, {"delegation": hue.pk, "with": danang.pk})
    assert again.context["free_slots"] == []
    assert again.context["why_none"] == "You already have a meeting with this delegation."


def test_the_booking_page_refuses_a_bad_slot_and_strangers(client, conference):
    event, organiser, delegations = conference
    publish(event, organiser)
    hue, hue_user = delegations["hue"]
    client.force_login(hue_user)
    url = reverse("events:book", args=[event.slug])
    page = client.post(
        url, {"delegation": hue.pk, "with": delegations["danang"][0].pk, "slot": "9999"}
    )
    assert page.status_code == 200 and not Meeting.objects.exists()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    cancel = reverse("events:cancel_meeting", args=[event.slug, 1])
    assert client.post(cancel).status_code == 404


def test_a_meeting_moved_in_an_unpublished_draft_holds_both_places(conference):
    event, organiser, delegations = conference
    publish(event, organiser)
    meeting = book(delegations, "danang", "osaka", slot_at(event, 14))
    services.place_meeting(
        meeting=meeting, slot=slot_at(event, 15), table=meeting.table, by=organiser
    )  # the draft moves it; Da Nang's agenda still says 14:00 until the organisers publish
    options = BookingOptions(delegations["danang"][0], delegations["hue"][0], BEFORE)
    assert options.refusal(slot_at(event, 14)).code == "delegation_busy"
    assert options.refusal(slot_at(event, 15)).code == "delegation_busy"
    assert options.count[delegations["danang"][0].pk] == 1
    assert options.refusal(slot_at(event, 14, 30)) is None


def test_a_booking_with_a_remote_delegation_takes_no_table_and_a_remote_interpreter(
    conference, settings
):
    event, organiser, delegations = conference
    publish(event, organiser)
    settings.KAKEHASHI_VIDEO_URL = "https://video.example.org"
    osaka = delegations["osaka"][0]
    osaka.attends_remotely = True
    osaka.save()
    options = BookingOptions(delegations["danang"][0], osaka, BEFORE)
    # The only ja-vi interpreter cannot join remotely: no slot can be offered.
    assert options.refusal(slot_at(event, 14)).code == "no_interpreter"
    interpreter = event.interpreters.get()
    interpreter.joins_remotely = True
    interpreter.save()
    for table in event.meeting_tables.all():  # every table taken or gone: video needs none
        table.is_active = False
        table.save()
    meeting = book(delegations, "danang", "osaka", slot_at(event, 14))
    assert (meeting.table, meeting.interpreter) == (None, interpreter)
    assert meeting.is_remote


def test_reminders_give_the_time_in_each_delegations_own_zone(conference, mailoutbox):
    event, organiser, delegations = conference
    publish(event, organiser)
    book(delegations, "hue", "aichi", slot_at(event, 14, 30))
    mailoutbox.clear()
    assert send_meeting_reminders(now=at(14, 5)) == 2
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "14:30 – 15:00 (Vietnam Time)" in by_address[delegations["hue"][1].email].subject
    assert "16:30 – 17:00 (Japan Time)" in by_address[delegations["aichi"][1].email].subject
