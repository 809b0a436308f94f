"""Networking figures of an event, per approved delegation: meeting requests sent, received
and accepted, meetings held, no-shows, and how the counterparts rated the meetings. The
organisers read every delegation's row; a delegation reads its own (events.feedback_views
decides which rows). A constant number of queries, whatever the number of delegations."""

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from kakehashi.events.models import (
    Event,
    MeetingFeedback,
    MeetingParticipant,
    MeetingStatus,
    Registration,
    RegistrationStatus,
    RequestStatus,
)

COLUMNS = [
    ("sent", _("Requests sent")),
    ("received", _("Requests received")),
    ("accepted", _("Requests accepted")),
    ("held", _("Meetings held")),
    ("no_show", _("No-shows")),
    ("rated", _("Ratings by counterparts")),
    ("useful", _("Rated useful")),
    ("meet_again", _("Would meet again")),
]
KEYS = [key for key, _label in COLUMNS]


def _by_registration(queryset, field: str) -> Counter:
    return Counter(
        dict(queryset.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    )


def delegation_figures(event: Event, registrations: list[Registration]) -> list[dict]:
    """One row per registration given (approved delegations of `event`): {"registration",
    and a count per key of COLUMNS}. Ratings are the other delegations' feedback on the
    meetings this delegation held with them."""
    ids = [registration.pk for registration in registrations]
    requests = event.meeting_requests.all()
    sent = _by_registration(requests.filter(sender__in=ids), "sender")
    received = _by_registration(requests.filter(recipient__in=ids), "recipient")
    accepted = _by_registration(
        requests.filter(sender__in=ids, status=RequestStatus.ACCEPTED), "sender"
    ) + _by_registration(
        requests.filter(recipient__in=ids, status=RequestStatus.ACCEPTED), "recipient"
    )
    seats = MeetingParticipant.objects.filter(meeting__event=event, registration__in=ids)
    held = _by_registration(seats.filter(meeting__status=MeetingStatus.HELD), "registration")
    no_show = _by_registration(seats.filter(meeting__status=MeetingStatus.NO_SHOW), "registration")
    # The counterparts' feedback on the meetings where this delegation sat (two queries).
    sat = defaultdict(set)
    for meeting, registration in seats.values_list("meeting", "registration"):
        sat[meeting].add(registration)
    ratings = {key: Counter() for key in ("rated", "useful", "meet_again")}
    given = MeetingFeedback.objects.filter(
        meeting__in=list(sat), given_at__isnull=False
    ).values_list("meeting", "registration", "useful", "meet_again")
    for meeting, author, useful, meet_again in given:
        for registration in sat[meeting] - {author}:
            ratings["rated"][registration] += 1
            ratings["useful"][registration] += bool(useful)
            ratings["meet_again"][registration] += bool(meet_again)
    counts = {
        "sent": sent,
        "received": received,
        "accepted": accepted,
        "held": held,
        "no_show": no_show,
        **ratings,
    }
    return [
        {"registration": registration, **{key: counts[key][registration.pk] for key in KEYS}}
        for registration in registrations
    ]


def approved(event: Event, *, only: Q | None = None) -> list[Registration]:
    """The event's approved delegations (those `only` selects), named in any language."""
    registrations = event.registrations.filter(status=RegistrationStatus.APPROVED)
    if only is not None:
        registrations = registrations.filter(only)
    return list(
        registrations.select_related("organisation")
        .prefetch_related("organisation__translations")
        .order_by("organisation__name")
    )
