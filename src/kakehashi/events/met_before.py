"""Which organisations have met (a meeting held at an event): what events tell the matching,
which gives it as a reason ("met before")."""

from itertools import combinations

from kakehashi.events.models import MeetingParticipant, MeetingStatus


def organisations_that_met():
    """Pairs of organisation ids whose delegations sat in the same held meeting."""
    seats = MeetingParticipant.objects.filter(meeting__status=MeetingStatus.HELD).values_list(
        "meeting_id", "registration__organisation_id"
    )
    by_meeting: dict[int, set[int]] = {}
    for meeting_id, organisation_id in seats:
        by_meeting.setdefault(meeting_id, set()).add(organisation_id)
    for organisations in by_meeting.values():
        yield from combinations(sorted(organisations), 2)
