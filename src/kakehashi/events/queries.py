"""Reads of events, each taking the reader into account."""

from django.db.models import Prefetch, Q, QuerySet

from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.events.models import (
    OPEN_REQUEST_STATUSES,
    Event,
    EventOrganiser,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)


def organises_filter(user) -> Q:
    """Events the user organises: through an organising organisation, or named organiser."""
    return Q(organisers__in=organisation_ids_of(user)) | Q(
        pk__in=EventOrganiser.objects.filter(user=user).values("event_id")
    )


def organises(user, event: Event) -> bool:
    if not (user and user.is_authenticated):
        return False
    return Event.objects.filter(pk=event.pk).filter(organises_filter(user)).exists()


def listed(user) -> QuerySet[Event]:
    """The events of a list (the events page, the API's list): published ones for everyone;
    also, to a signed-in user, those they organise (platform administrators see all). Neither
    list filters them further today (the page splits them into upcoming and past by their
    last day); a filter added to one belongs here, with its meaning. No ordering: each
    caller orders."""
    events = Event.objects.all()
    if is_platform_admin(user):
        return events
    if user and user.is_authenticated:
        return events.filter(
            Q(is_published=True) | Q(pk__in=Event.objects.filter(organises_filter(user)))
        )
    return events.filter(is_published=True)


def events_visible_to(user) -> QuerySet[Event]:
    """The events the user may see (listed()), with their series and host locality."""
    return listed(user).select_related("series", "host_locality")


def registrations_of(event: Event) -> QuerySet[Registration]:
    return (
        event.registrations.select_related("organisation__locality", "lead")
        .prefetch_related("members", "organisation__translations")
        .order_by("status", "organisation__name")
    )


def own_registrations(user, event: Event) -> QuerySet[Registration]:
    """The registrations of the organisations the user acts for."""
    return event.registrations.filter(organisation_id__in=organisation_ids_of(user))


def approved_registrations(user, event: Event) -> QuerySet[Registration]:
    """The user's organisations' approved delegations at the event (who may see meetings)."""
    return (
        own_registrations(user, event)
        .filter(status=RegistrationStatus.APPROVED)
        .select_related("organisation")
    )


def counterparts_of(registration: Registration) -> QuerySet[Registration]:
    """The other approved delegations at the delegation's event (whom it may ask or book),
    with what naming them in any language takes."""
    return (
        registration.event.registrations.filter(status=RegistrationStatus.APPROVED)
        .exclude(pk=registration.pk)
        .select_related("organisation")
        .prefetch_related("organisation__translations")
    )


def with_names(participants: QuerySet[MeetingParticipant]) -> QuerySet[MeetingParticipant]:
    """Meeting participants with what naming their delegation in any language takes: the
    organisation and its translations, the lead and the other delegates."""
    return participants.select_related(
        "registration__organisation", "registration__lead"
    ).prefetch_related("registration__organisation__translations", "registration__members")


def published_agenda(registration: Registration) -> QuerySet[Meeting]:
    """The delegation's published meetings, not cancelled, in time order, with the other
    parties (named as `with_names` loads them) and the outcomes loaded (the page, its ICS
    and PDF, the feed and the API)."""
    return (
        Meeting.objects.filter(
            participants__registration=registration, published_slot__isnull=False
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("published_slot", "published_table", "interpreter")
        .prefetch_related(
            Prefetch("participants", queryset=with_names(MeetingParticipant.objects.all())),
            "outcomes",
        )
        .order_by("published_slot__starts_at", "pk")
    )


def meetings_to_publish(event: Event) -> list[Meeting]:
    """The meetings whose draft place differs from what was published, with participants."""
    meetings = event.meetings.select_related("slot", "table", "published_slot").prefetch_related(
        Prefetch(
            "participants",
            queryset=MeetingParticipant.objects.select_related(
                "registration__organisation"
            ).prefetch_related("registration__organisation__translations"),
        )
    )
    return [
        meeting
        for meeting in meetings
        if (meeting.slot_id, meeting.table_id)
        != (meeting.published_slot_id, meeting.published_table_id)
    ]


def has_changes_to_publish(event: Event) -> bool:
    """Whether any meeting's draft place differs from what was published (ids only: cheap
    enough for a page that asks it of every event a person organises)."""
    return any(
        (slot, table) != (published_slot, published_table)
        for slot, table, published_slot, published_table in event.meetings.values_list(
            "slot_id", "table_id", "published_slot_id", "published_table_id"
        )
    )


def changes_to_publish(meetings: list[Meeting]) -> dict[int, list[Meeting]]:
    """Registration id -> its meetings among `meetings` (from meetings_to_publish): the
    delegations that publishing would tell, each with what changed."""
    changed: dict[int, list[Meeting]] = {}
    for meeting in meetings:
        for participant in meeting.participants.all():
            changed.setdefault(participant.registration_id, []).append(meeting)
    return changed


def has_schedule_draft(event: Event) -> bool:
    """Whether a scheduler run has produced a draft that can be published."""
    return event.schedule_runs.filter(status="done").exists()


def requested_with(registration: Registration) -> set[int]:
    """The delegations that have a pending or accepted request with this one, sent or
    received: another request to them would be refused."""
    pairs = MeetingRequest.objects.filter(
        Q(sender=registration) | Q(recipient=registration),
        status__in=OPEN_REQUEST_STATUSES,
    ).values_list("sender_id", "recipient_id")
    return {other for pair in pairs for other in pair} - {registration.pk}
