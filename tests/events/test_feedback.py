"""Held or not, feedback after the meeting and the six-month follow-up: who may, from when,
once, and how the answers reach the funnel."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from kakehashi.events import services
from kakehashi.events.models import (
    FollowUpAnswer,
    IntentionKind,
    Meeting,
    MeetingFeedback,
    MeetingOutcome,
    MeetingSlot,
    MeetingStatus,
)
from kakehashi.events.services import feedback
from kakehashi.insights import follow_up, funnel
from kakehashi.insights.models import Outcome
from kakehashi.insights.models import OutcomeKind as Realised
from tests.events.builders import AFTER_THE_EVENT, a_finished_run, at

pytestmark = pytest.mark.django_db


def held_meeting(event, organiser, delegations, first="danang", second="osaka", slot=0):
    """An accepted request between two delegations, published at 14:00 (slot 0) on Table 1,
    and marked held by the organisers after the event."""
    meeting = scheduled_meeting(event, organiser, delegations, first, second, slot)
    feedback.set_attendance(meeting=meeting, held=True, by=organiser, now=AFTER_THE_EVENT)
    return meeting


def scheduled_meeting(event, organiser, delegations, first="danang", second="osaka", slot=0):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    meeting = Meeting.objects.get(request=request)
    services.place_meeting(
        meeting=meeting,
        slot=list(event.meeting_slots.all())[slot],
        table=event.meeting_tables.get(name=f"Table {slot + 1}"),
        by=organiser,
    )
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    meeting.refresh_from_db()
    return meeting


def event_row(event):
    return next(row for row in funnel.funnel_by_event() if row["id"] == event.pk)


# Held, no-show, check-in


def test_held_or_no_show_is_refused_before_the_meetings_slot_starts(conference):
    event, organiser, delegations = conference
    meeting = scheduled_meeting(event, organiser, delegations)  # 14:00–14:30
    danang, danang_user = delegations["danang"]
    for attempt in (
        lambda: feedback.set_attendance(meeting=meeting, held=True, by=organiser, now=at(13, 59)),
        lambda: services.record_attendance(
            meeting=meeting, held=False, by=organiser, now=at(13, 59)
        ),
        lambda: feedback.check_in(
            meeting=meeting, registration=danang, by=danang_user, now=at(13, 59)
        ),
    ):
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.code == "too_early"
        assert error.value.messages == [
            "This meeting starts at 10 Mar 2027, 14:00. It can be marked held or a no-show "
            "from then on."
        ]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    feedback.set_attendance(meeting=meeting, held=False, by=organiser, now=at(14))
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.NO_SHOW


def test_either_delegation_checks_in_at_the_table_and_no_one_else(conference):
    event, organiser, delegations = conference
    meeting = scheduled_meeting(event, organiser, delegations)
    hue, hue_user = delegations["hue"]
    osaka, osaka_user = delegations["osaka"]
    with pytest.raises(ValidationError) as outsider:
        feedback.check_in(meeting=meeting, registration=hue, by=hue_user, now=at(14, 5))
    with pytest.raises(ValidationError) as impostor:
        feedback.check_in(meeting=meeting, registration=osaka, by=hue_user, now=at(14, 5))
    assert (outsider.value.code, impostor.value.code) == ("not_in_meeting", "not_a_member")
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.SCHEDULED
    feedback.check_in(meeting=meeting, registration=osaka, by=osaka_user, now=at(14, 5))
    feedback.check_in(meeting=meeting, registration=osaka, by=osaka_user, now=at(14, 6))
    assert meeting.status == Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.HELD


def test_a_cancelled_or_unplaced_meeting_cannot_be_held(conference):
    event, organiser, delegations = conference
    meeting = services.add_organiser_meeting(
        event=event,
        registrations=[delegations["hue"][0], delegations["aichi"][0]],
        weight=1,
        by=organiser,
    )
    with pytest.raises(ValidationError) as unplaced:
        feedback.set_attendance(meeting=meeting, held=True, by=organiser, now=AFTER_THE_EVENT)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError) as cancelled:
        feedback.set_attendance(meeting=meeting, held=True, by=organiser, now=AFTER_THE_EVENT)
    assert (unplaced.value.code, cancelled.value.code) == ("not_scheduled", "cancelled")


# Feedback right after the meeting


def test_feedback_records_what_follows_as_an_outcome_that_the_funnel_counts(conference):
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    other = held_meeting(event, organiser, delegations, "hue", "aichi", slot=1)
    before = event_row(event)
    assert (before["held"], before["outcomes"]) == (2, 0)
    danang, danang_user = delegations["danang"]
    hue, hue_user = delegations["hue"]
    given = feedback.give_feedback(
        meeting=meeting,
        registration=danang,
        useful=True,
        meet_again=True,
        next_step=IntentionKind.QUOTE,
        by=danang_user,
    )
    feedback.give_feedback(
        meeting=other,
        registration=hue,
        useful=False,
        meet_again=False,
        next_step=IntentionKind.NONE,
        by=hue_user,
    )
    assert (given.useful, given.meet_again, given.next_step) == (True, True, "quote")
    assert list(MeetingOutcome.objects.order_by("meeting").values_list("meeting", "kind")) == [
        (meeting.pk, "quote"),
        (other.pk, "none"),
    ]
    assert event_row(event)["outcomes"] == 1  # "no follow-up" is not an outcome


def test_a_delegation_rates_only_held_meetings_it_was_in_and_only_once(conference):
    event, organiser, delegations = conference
    scheduled = scheduled_meeting(event, organiser, delegations, "hue", "aichi", slot=1)
    meeting = held_meeting(event, organiser, delegations)
    hue, hue_user = delegations["hue"]
    danang, danang_user = delegations["danang"]
    answers = {"useful": True, "meet_again": True, "next_step": IntentionKind.FOLLOW_UP}
    refusals = []
    for registration, by, target in [
        (hue, hue_user, meeting),  # not in the meeting
        (danang, hue_user, meeting),  # not Da Nang's member
        (hue, hue_user, scheduled),  # not held
    ]:
        with pytest.raises(ValidationError) as error:
            feedback.give_feedback(meeting=target, registration=registration, by=by, **answers)
        refusals.append(error.value.code)
    with pytest.raises(ValidationError) as unknown:
        feedback.give_feedback(
            meeting=meeting,
            registration=danang,
            by=danang_user,
            **(answers | {"next_step": IntentionKind.INVESTMENT}),
        )
    assert refusals == ["not_in_meeting", "not_a_member", "not_held"]
    assert unknown.value.code == "next_step_unknown"
    assert not MeetingFeedback.objects.exists() and not MeetingOutcome.objects.exists()
    feedback.give_feedback(meeting=meeting, registration=danang, by=danang_user, **answers)
    with pytest.raises(ValidationError) as again:
        feedback.give_feedback(meeting=meeting, registration=danang, by=danang_user, **answers)
    assert again.value.code == "already_given"


# The six-month follow-up


def test_the_follow_up_ask_goes_once_per_party_in_its_language(conference, settings, mailoutbox):
    settings.KAKEHASHI_FOLLOW_UP_DAYS = 182
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    danang_user.preferred_language, osaka_user.preferred_language = "vi", "ja"
    danang_user.save(update_fields=["preferred_language"])
    osaka_user.save(update_fields=["preferred_language"])
    ended = at(14, 30)
    assert feedback.send_follow_up_asks(now=ended + dt.timedelta(days=181)) == 0
    assert feedback.send_follow_up_asks(now=ended + dt.timedelta(days=182)) == 2
    assert feedback.send_follow_up_asks(now=ended + dt.timedelta(days=183)) == 0
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {danang_user.email, osaka_user.email}
    vietnamese, japanese = by_address[danang_user.email], by_address[osaka_user.email]
    assert vietnamese.subject == "Cuộc gặp tại Meet Japan 2027 đã mang lại kết quả gì?"
    assert japanese.subject == "Meet Japan 2027での面談はその後どうなりましたか？"
    assert osaka.organisation.name in vietnamese.body and danang.organisation.name in japanese.body
    rows = MeetingFeedback.objects.filter(meeting=meeting).order_by("registration")
    assert [row.follow_up_asked_at for row in rows] == [ended + dt.timedelta(days=182)] * 2
    assert f"/insights/follow-up/{rows[0].pk}/" in by_address[rows[0].registration.lead.email].body


def test_the_daily_job_asks_about_meetings_held_long_enough_ago(conference, mailoutbox):
    event, organiser, delegations = conference
    held = held_meeting(event, organiser, delegations)
    scheduled_meeting(event, organiser, delegations, "hue", "aichi", slot=1)
    # The default is 182 days: the held meeting's slot is moved 183 days back.
    ended = timezone.now() - dt.timedelta(days=183)
    MeetingSlot.objects.filter(pk=held.slot_id).update(
        starts_at=ended - dt.timedelta(minutes=30), ends_at=ended
    )
    call_command("send_follow_up_asks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_follow_up_asks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [delegations["danang"][1].email, delegations["osaka"][1].email]
    )


def asked(event, organiser, delegations, first="danang", second="osaka", slot=0):
    meeting = held_meeting(event, organiser, delegations, first, second, slot)
    feedback.send_follow_up_asks(now=at(14, 30) + dt.timedelta(days=200))
    return meeting


def test_six_month_answers_record_outcomes_that_the_funnel_counts(conference, mailoutbox):
    event, organiser, delegations = conference
    meeting = asked(event, organiser, delegations)
    other = asked(event, organiser, delegations, "hue", "aichi", slot=1)
    danang, danang_user = delegations["danang"]
    hue, hue_user = delegations["hue"]
    aichi, aichi_user = delegations["aichi"]
    assert event_row(event)["outcomes"] == 0
    follow_up.answer_follow_up(
        feedback=MeetingFeedback.objects.get(meeting=meeting, registration=danang),
        answer=FollowUpAnswer.INVESTMENT,
        amount="1200000",
        currency="USD",
        by=danang_user,
    )
    follow_up.answer_follow_up(
        feedback=MeetingFeedback.objects.get(meeting=other, registration=hue),
        answer=FollowUpAnswer.NOTHING,
        by=hue_user,
    )
    outcome = Outcome.objects.get()
    assert (outcome.meeting_id, outcome.kind, str(outcome.amount), outcome.currency) == (
        meeting.pk,
        Realised.INVESTMENT,
        "1200000.00",
        "USD",
    )
    assert event_row(event)["outcomes"] == 1
    follow_up.answer_follow_up(
        feedback=MeetingFeedback.objects.get(meeting=other, registration=aichi),
        answer=FollowUpAnswer.NEGOTIATION,
        by=aichi_user,
    )
    assert (
        MeetingOutcome.objects.filter(meeting=other)
        .order_by("kind")
        .values_list("kind", flat=True)
        .distinct()
        .count()
        == 2
    )
    assert event_row(event)["outcomes"] == 2


def test_a_six_month_answer_is_given_once_by_its_delegation_after_the_ask(conference):
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    danang, danang_user = delegations["danang"]
    osaka_user = delegations["osaka"][1]
    row = MeetingFeedback.objects.create(meeting=meeting, registration=danang)
    answer = {"answer": FollowUpAnswer.NEGOTIATION}
    with pytest.raises(ValidationError) as not_asked:
        follow_up.answer_follow_up(feedback=row, by=danang_user, **answer)
    MeetingFeedback.objects.filter(pk=row.pk).update(follow_up_asked_at=AFTER_THE_EVENT)
    with pytest.raises(ValidationError) as other_party:
        follow_up.answer_follow_up(feedback=row, by=osaka_user, **answer)
    with pytest.raises(ValidationError) as no_amount:
        follow_up.answer_follow_up(feedback=row, by=danang_user, answer=FollowUpAnswer.INVESTMENT)
    assert [e.value.code for e in (not_asked, other_party, no_amount)] == [
        "not_asked",
        "not_a_member",
        "amount_missing",
    ]
    row.refresh_from_db()
    assert (row.follow_up_answer, Outcome.objects.count(), MeetingOutcome.objects.count()) == (
        "",
        0,
        0,
    )
    follow_up.answer_follow_up(feedback=row, by=danang_user, **answer)
    with pytest.raises(ValidationError) as again:
        follow_up.answer_follow_up(feedback=row, by=danang_user, **answer)
    assert again.value.code == "already_answered"
