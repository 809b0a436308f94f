"""Demo feedback, all on demo records: the delegations of the 2025 Vietnam–Japan Festival (a
past demo event whose one-to-one meetings insights.demo holds) rate their held meetings, say
what follows, and answer the six-month follow-up; one meeting was a no-show. So the event's
feedback results and networking figures show something.

Why the 2025 festival and not Meet Japan 2027: Meet Japan is on 10 March 2027, still ahead,
and a meeting is held or a no-show only from its slot's start. Idempotent."""

import datetime as dt

from django.db import transaction

from kakehashi.events.models import (
    Event,
    FollowUpAnswer,
    IntentionKind,
    Meeting,
    MeetingFeedback,
    MeetingStatus,
    Registration,
)
from kakehashi.events.services.feedback import meeting_end, set_attendance
from kakehashi.events.services.meetings import record_outcome
from kakehashi.insights.demo import EVENT_SLUG, MEETINGS

# Meeting number in insights.demo.MEETINGS -> per delegation (organisation key): useful,
# would meet again, what follows, six-month answer ("" when not answered).
FEEDBACK = {
    0: {
        "hcmc-dofa": (True, True, IntentionKind.MOU, FollowUpAnswer.AGREEMENT),
        "osaka-intl": (True, True, IntentionKind.MOU, FollowUpAnswer.AGREEMENT),
    },
    1: {
        "hcmc-dofa": (True, True, IntentionKind.QUOTE, FollowUpAnswer.NEGOTIATION),
        "naniwa-robotics": (True, True, IntentionKind.FOLLOW_UP, ""),
    },
    2: {
        "hanoi-dpi": (True, True, IntentionKind.FOLLOW_UP, FollowUpAnswer.INVESTMENT),
        "naniwa-robotics": (True, True, IntentionKind.FOLLOW_UP, FollowUpAnswer.INVESTMENT),
    },
    3: {"hue-heritage": (True, False, IntentionKind.NONE, FollowUpAnswer.NOTHING)},
}
# Marked a no-show (its delegations did not come).
NO_SHOW = 4
FOLLOW_UP_DAYS = 182


@transaction.atomic
def load_event_day_feedback(places, users) -> int:
    """Add the demo feedback; returns how many delegations rated a meeting."""
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    organiser = users.get("hcmc")  # hcmc-dofa organises the festival
    if event is None or organiser is None:
        return 0
    organisations = places.organisations
    meetings = _meetings(event, organisations)
    if NO_SHOW in meetings and meetings[NO_SHOW].status == MeetingStatus.SCHEDULED:
        set_attendance(meeting=meetings[NO_SHOW], held=False, by=organiser)
    for number, answers in FEEDBACK.items():
        meeting = meetings.get(number)
        if meeting is None or meeting.status != MeetingStatus.HELD:
            continue
        ended = meeting_end(meeting)
        for key, (useful, meet_again, step, answer) in answers.items():
            registration = Registration.objects.get(event=event, organisation=organisations[key])
            row, created = MeetingFeedback.objects.get_or_create(
                meeting=meeting,
                registration=registration,
                defaults={
                    "useful": useful,
                    "meet_again": meet_again,
                    "next_step": step,
                    "given_at": ended + dt.timedelta(hours=1),
                    "follow_up_asked_at": ended + dt.timedelta(days=FOLLOW_UP_DAYS),
                    "follow_up_answer": answer,
                    "follow_up_answered_at": (
                        ended + dt.timedelta(days=FOLLOW_UP_DAYS + 3) if answer else None
                    ),
                },
            )
            if not created:
                continue
            record_outcome(meeting=meeting, kind=step, by=organiser)
            # Agreements and investments are already recorded as results by insights.demo.
            if answer == FollowUpAnswer.NEGOTIATION:
                record_outcome(meeting=meeting, kind=IntentionKind.NEGOTIATION, by=organiser)
    # Every delegation of a held meeting was asked six months on, rated or not.
    for meeting in meetings.values():
        if meeting.status != MeetingStatus.HELD:
            continue
        for registration in Registration.objects.filter(meeting_seats__meeting=meeting):
            MeetingFeedback.objects.get_or_create(
                meeting=meeting,
                registration=registration,
                defaults={
                    "follow_up_asked_at": meeting_end(meeting) + dt.timedelta(days=FOLLOW_UP_DAYS)
                },
            )
    return MeetingFeedback.objects.filter(meeting__event=event, given_at__isnull=False).count()


def _meetings(event: Event, organisations) -> dict[int, Meeting]:
    """insights.demo's meetings by their number there."""
    found = {}
    for number, (sender, recipient, _held) in enumerate(MEETINGS):
        meeting = (
            Meeting.objects.filter(
                event=event,
                request__sender__organisation=organisations.get(sender),
                request__recipient__organisation=organisations.get(recipient),
            )
            .select_related("slot", "published_slot", "event")
            .first()
        )
        if meeting is not None:
            found[number] = meeting
    return found
