"""Reads for the event day: what a badge shows, who a scanned delegate is and where they meet
next, the search by name at the desk, the attendance counts for the organisers, and the
delegations awaited at a meeting that has started or is about to (`awaited`)."""

import datetime as dt
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.common.formats import format_day, format_period, format_time
from kakehashi.common.i18n import join_list
from kakehashi.directory.models import Membership, Person
from kakehashi.directory.names import is_japanese_script, organisation_name, person_name
from kakehashi.directory.positions import ShownPosition, position_for_reader
from kakehashi.events.models import (
    Badge,
    CheckIn,
    Event,
    Meeting,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)
from kakehashi.events.queries import published_agenda
from kakehashi.events.services.checkin import CheckInResult


def romanised_name(person: Person) -> str:
    """The second form of a name on a badge or a card: the Latin form of a name written in
    Japanese script, the katakana form of a name written in Latin letters; empty if not
    given or the same."""
    other = person.name_latin if is_japanese_script(person.full_name) else person.name_kana
    return other if other and other != person.full_name else ""


def organisation_names(organisation, language: str) -> tuple[str, str]:
    """The organisation's name for the reader, and its own name when that differs."""
    for_reader = organisation_name(organisation, language)
    own = organisation.name if organisation.name != for_reader else ""
    return for_reader, own


@dataclass
class BadgeCard:
    badge: Badge
    name: str  # as the person writes it
    romanised: str
    organisation: str
    organisation_own: str
    locality: str
    role: str
    # The person's position at the organisation, in the badge's language where translated.
    position: ShownPosition | None = None
    languages: list[str] = field(default_factory=list)


def badge_cards(badges: list[Badge], language: str) -> list[BadgeCard]:
    """What each badge shows, for a reader of `language` (badges loaded with
    `badges_to_print`)."""
    positions = {
        (m.person_id, m.organisation_id): position_for_reader(m, language)
        for m in Membership.objects.filter(
            person_id__in={b.person_id for b in badges},
            organisation_id__in={b.registration.organisation_id for b in badges},
        )
        .exclude(position="")
        .select_related("organisation")
        .prefetch_related("translations")
    }
    cards = []
    for badge in badges:
        registration = badge.registration
        organisation = registration.organisation
        head = badge.person_id == registration.lead_id
        role = _("Head of delegation") if head else _("Delegate")
        for_reader, own = organisation_names(organisation, language)
        cards.append(
            BadgeCard(
                badge=badge,
                name=badge.person.full_name,
                romanised=romanised_name(badge.person),
                organisation=for_reader,
                organisation_own=own,
                locality=organisation.locality.name if organisation.locality_id else "",
                role=role,
                position=positions.get((badge.person_id, organisation.pk)),
                languages=list(registration.languages or []),
            )
        )
    return cards


def badges_to_print(event: Event, badges) -> list[Badge]:
    return list(
        Badge.objects.filter(pk__in=[b.pk for b in badges])
        .select_related("person", "registration__organisation__locality", "event")
        .prefetch_related("registration__organisation__translations")
        .order_by("registration__organisation__name", "registration_id", "pk")
    )


def next_meeting(registration: Registration, at: dt.datetime) -> Meeting | None:
    """The delegation's first published meeting that has not ended at `at`."""
    return published_agenda(registration).filter(published_slot__ends_at__gt=at).first()


def describe_meeting(meeting: Meeting | None, registration: Registration, event: Event) -> dict:
    if meeting is None:
        return {}
    slot = meeting.published_slot
    with timezone.override(event.time_zone):
        time = f"{format_time(slot.starts_at)}–{format_time(slot.ends_at)}"
        day = format_day(slot.starts_at)
        when = format_period(slot.starts_at, slot.ends_at)
    others = [
        organisation_name(p.registration.organisation)
        for p in meeting.participants.all()
        if p.registration_id != registration.pk
    ]
    return {
        "time": time,
        "day": day,
        # The day and the times as the reader's language joins them (2027年3月10日 14:10～14:30).
        "when": when,
        "table": meeting.published_table.name if meeting.published_table else "",
        "with": join_list(others),
        "interpreter": meeting.interpreter.name if meeting.interpreter else "",
    }


def check_in_answer(result: CheckInResult) -> dict:
    """The answer to a scan or a check-in by name, in the reader's language."""
    check_in = result.check_in
    event = check_in.event
    person = check_in.person
    name = person_name(person)
    with timezone.override(event.time_zone):
        clock = format_time(check_in.checked_in_at)
    if result.created:
        message = _("%(person)s is checked in.") % {"person": name}
    else:
        message = _("%(person)s was already checked in at %(time)s.") % {
            "person": name,
            "time": clock,
        }
    registration = check_in.registration
    meeting = next_meeting(registration, max(timezone.now(), check_in.checked_in_at))
    return {
        "ok": True,
        "created": result.created,
        "message": message,
        "name": person.full_name,
        "romanised": romanised_name(person),
        "organisation": organisation_name(registration.organisation),
        "checked_in_at": clock,
        "meeting": describe_meeting(meeting, registration, event),
    }


def _fold(text: str) -> str:
    """Lower case without accents, so that "nguyen" finds "Nguyễn"."""
    text = unicodedata.normalize("NFKD", text or "").replace("đ", "d").replace("Đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass
class FoundDelegate:
    person: Person
    registration: Registration
    organisation: str
    checked_in_at: dt.datetime | None


def search_delegates(event: Event, query: str, limit: int = 20) -> list[FoundDelegate]:
    """Approved delegates whose name (in any of its forms) or organisation contains `query`,
    accents and case aside."""
    words = _fold(query).split()
    if not words:
        return []
    registrations = (
        event.registrations.filter(status=RegistrationStatus.APPROVED)
        .select_related("lead", "organisation")
        .prefetch_related("members", "organisation__translations")
        .order_by("organisation__name", "pk")
    )
    checked = dict(
        event.check_ins.filter(session__isnull=True).values_list("person_id", "checked_in_at")
    )
    found = []
    for registration in registrations:
        organisation = organisation_name(registration.organisation)
        for person in registration.delegates:
            haystack = _fold(
                " ".join(
                    [person.full_name, person.name_latin, person.name_kana, organisation]
                    + [registration.organisation.name]
                )
            )
            if all(word in haystack for word in words):
                found.append(
                    FoundDelegate(person, registration, organisation, checked.get(person.pk))
                )
    return found[:limit]


@dataclass
class Attendance:
    delegates: int  # delegates of approved delegations
    checked_in: int  # at the entrance
    sessions: list[tuple]  # (session, check-ins at its door, delegates expected)
    hours: list[tuple[str, int]]  # ("09:00", check-ins at the entrance in that hour)


def attendance(event: Event) -> Attendance:
    """Check-ins at the entrance and per session, and entrance check-ins per hour (in the
    event's time zone), for the organisers."""
    approved = event.registrations.filter(status=RegistrationStatus.APPROVED)
    # Delegates are people: one named by two delegations is expected once (and has one badge).
    people = defaultdict(set)  # registration id -> its delegates' person ids
    for registration_id, lead_id in approved.values_list("pk", "lead_id"):
        people[registration_id].add(lead_id)
    for registration_id, person_id in Registration.members.through.objects.filter(
        registration__in=approved
    ).values_list("registration_id", "person_id"):
        people[registration_id].add(person_id)
    sessions = event.sessions.prefetch_related("translations").annotate(
        door=Count("check_ins", distinct=True),
    )
    expected = defaultdict(set)  # session id -> person ids
    for registration_id, session_id in Registration.attends_sessions.through.objects.filter(
        registration__in=approved
    ).values_list("registration_id", "session_id"):
        expected[session_id] |= people[registration_id]
    entrance = CheckIn.objects.filter(event=event, session__isnull=True)
    hours = Counter()
    with timezone.override(event.time_zone):
        for moment in entrance.values_list("checked_in_at", flat=True):
            local = timezone.localtime(moment).replace(minute=0, second=0, microsecond=0)
            hours[local] += 1
        several_days = len({hour.date() for hour in hours}) > 1
        hour_rows = [
            (
                (f"{format_day(hour)} " if several_days else "")
                + f"{format_time(hour)}–{format_time(hour + dt.timedelta(hours=1))}",
                count,
            )
            for hour, count in sorted(hours.items())
        ]
    return Attendance(
        delegates=len(set().union(*people.values())),
        checked_in=entrance.count(),
        sessions=[(s, s.door, len(expected[s.pk])) for s in sessions],
        hours=hour_rows,
    )


def badge_overview(event: Event):
    """The event's badges for the organisers' badge page, newest first per person."""
    return (
        event.badges.select_related("person", "registration__organisation", "revoked_by")
        .prefetch_related("registration__organisation__translations")
        .annotate(scans=Count("check_ins", filter=Q(check_ins__session__isnull=True)))
        .order_by("registration__organisation__name", "person__full_name", "-issued_at")
    )


# How long before a meeting a delegation not yet at the entrance is worth looking for.
AWAITED_BEFORE = dt.timedelta(minutes=30)


@dataclass
class AwaitedDelegation:
    hours: str  # 14:10–14:30 (the event's time zone)
    started: bool
    table: str
    delegation: str
    delegates: list[str]  # their names, as they write them
    counterparts: str


def awaited(event: Event, at: dt.datetime) -> list[AwaitedDelegation]:
    """Delegations attending on site with a published meeting that has started by `at`, or
    starts within AWAITED_BEFORE, none of whose delegates is checked in at the entrance: the
    organisers look for them, or tell the table that its counterpart is late. In the order
    of the meetings."""
    meetings = (
        Meeting.objects.filter(
            event=event,
            published_slot__starts_at__lte=at + AWAITED_BEFORE,
            published_slot__ends_at__gt=at,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("published_slot", "published_table")
        .prefetch_related(
            "participants__registration__organisation",
            "participants__registration__lead",
            "participants__registration__members",
        )
        .order_by("published_slot__starts_at", "published_table__name", "pk")
    )
    if not meetings:
        return []
    arrived = set(
        CheckIn.objects.filter(event=event, session__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    rows = []
    with timezone.override(event.time_zone):
        for meeting in meetings:
            slot = meeting.published_slot
            parties = [p.registration for p in meeting.participants.all()]
            for registration in parties:
                people = [registration.lead, *registration.members.all()]
                if registration.attends_remotely or any(p.pk in arrived for p in people):
                    continue
                rows.append(
                    AwaitedDelegation(
                        hours=f"{format_time(slot.starts_at)}–{format_time(slot.ends_at)}",
                        started=slot.starts_at <= at,
                        table=meeting.published_table.name if meeting.published_table else "",
                        delegation=organisation_name(registration.organisation),
                        delegates=list(dict.fromkeys(person_name(p) for p in people)),
                        counterparts=join_list(
                            organisation_name(other.organisation)
                            for other in parties
                            if other.pk != registration.pk
                        ),
                    )
                )
    return rows
