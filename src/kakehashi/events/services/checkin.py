"""Badges and check-in: issuing and revoking badges, checking delegates in at the entrance or
at a session's door. One transaction each; only the event's organisers (and platform
administrators) may do any of it; a refusal raises ValidationError with a code and a message
in the reader's language, and writes nothing."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.errors import ErrorCode
from kakehashi.common.formats import format_moment
from kakehashi.directory.models import Person
from kakehashi.directory.names import person_name
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    Badge,
    CheckIn,
    CheckInMethod,
    Event,
    Registration,
    RegistrationStatus,
    Session,
)
from kakehashi.events.rules import require

# A scan queued offline keeps the time it was made, if that time is believable: not in the
# future and not older than this (a phone's clock can be wrong).
QUEUED_SCAN_MAX_AGE = dt.timedelta(hours=24)


def require_organiser(event: Event, by) -> None:
    require(by, "events.check_in", event)


def _approved_delegates(event: Event, registrations=None) -> list[tuple[Registration, Person]]:
    approved = (
        event.registrations.filter(status=RegistrationStatus.APPROVED)
        .select_related("lead", "organisation")
        .prefetch_related("members")
        .order_by("organisation__name", "pk")
    )
    if registrations is not None:
        approved = approved.filter(pk__in=[r.pk for r in registrations])
    # A person named in two delegations gets one badge, with the first of them.
    seen, delegates = set(), []
    for registration in approved:
        for person in registration.delegates:
            if person.pk not in seen:
                seen.add(person.pk)
                delegates.append((registration, person))
    return delegates


@transaction.atomic
def issue_badges(*, event: Event, by, registrations=None) -> list[Badge]:
    """Give every delegate of the approved delegations (or of `registrations` among them) a
    badge, unless they hold a valid one. Returns the valid badges of those delegates, new and
    old, in the order of the delegations (the lead first)."""
    require_organiser(event, by)
    delegates = _approved_delegates(event, registrations)
    valid = {
        badge.person_id: badge
        for badge in event.badges.filter(
            revoked_at__isnull=True, person_id__in=[person.pk for _r, person in delegates]
        ).select_related("registration")
    }
    badges = []
    for registration, person in delegates:
        badge = valid.get(person.pk)
        if badge is not None and badge.registration.status != RegistrationStatus.APPROVED:
            # The person now attends with another delegation: the old badge names the
            # delegation that withdrew.
            _revoke(badge, by)
            badge = None
        if badge is None:
            badge = Badge.objects.create(
                event=event, registration=registration, person=person, issued_by=by
            )
            valid[person.pk] = badge
        badges.append(badge)
    return badges


def _audit_badge(badge: Badge, *, by, before: dict) -> None:
    owners = {badge.registration.organisation_id}
    owners |= set(badge.event.organisers.values_list("pk", flat=True))
    record_change(obj=badge, by=by, action=AuditAction.STATUS, before=before, owners=owners)


def _revoke(badge: Badge, by) -> None:
    before = snapshot(badge, ["revoked_at", "revoked_by"])
    badge.revoked_at = timezone.now()
    badge.revoked_by = by
    badge.save(update_fields=["revoked_at", "revoked_by"])
    _audit_badge(badge, by=by, before=before)


@transaction.atomic
def revoke_badge(*, badge: Badge, by, reissue: bool = False) -> Badge | None:
    """Revoke a badge (lost, or given to the wrong person): its code is refused from now on.
    With `reissue`, the delegate gets a new badge with a new code, which is returned. An audit
    entry, owned by the delegate's organisation and the organisers, records who revoked it."""
    require_organiser(badge.event, by)
    badge = (
        Badge.objects.select_for_update().select_related("event", "registration").get(pk=badge.pk)
    )
    if badge.is_revoked:
        raise ValidationError(_("This badge is already revoked."), code=EventError.ALREADY_REVOKED)
    _revoke(badge, by)
    if not reissue:
        return None
    return Badge.objects.create(
        event=badge.event, registration=badge.registration, person=badge.person, issued_by=by
    )


@dataclass
class CheckInResult:
    check_in: CheckIn
    created: bool  # False: the delegate was already checked in (at check_in.checked_in_at)


def _refuse(message: str, code: ErrorCode, **params) -> ValidationError:
    return ValidationError(message % params if params else message, code=code)


def _moment(value: dt.datetime, event: Event) -> str:
    with timezone.override(event.time_zone):
        return format_moment(value)


def _scan_time(scanned_at: dt.datetime | None) -> dt.datetime:
    now = timezone.now()
    if scanned_at is None or timezone.is_naive(scanned_at):
        return now
    if scanned_at > now or now - scanned_at > QUEUED_SCAN_MAX_AGE:
        return now
    return scanned_at


def _check_session(event: Event, session: Session | None) -> None:
    if session is not None and session.event_id != event.pk:
        raise _refuse(_("That session belongs to another event."), EventError.WRONG_EVENT)


def _record(
    *, event, registration, person, badge, session, method, by, scanned_at
) -> CheckInResult:
    existing = CheckIn.objects.filter(event=event, person=person, session=session).first()
    if existing is not None:
        return CheckInResult(existing, created=False)
    try:
        with transaction.atomic():
            check_in = CheckIn.objects.create(
                event=event,
                person=person,
                registration=registration,
                badge=badge,
                session=session,
                method=method,
                checked_in_at=_scan_time(scanned_at),
                by=by,
            )
    except IntegrityError:  # another desk checked the same person in a moment ago
        return CheckInResult(
            CheckIn.objects.get(event=event, person=person, session=session), created=False
        )
    return CheckInResult(check_in, created=True)


@transaction.atomic
def check_in_badge(
    *,
    event: Event,
    token: str,
    by,
    session: Session | None = None,
    expected_person: Person | None = None,
    scanned_at: dt.datetime | None = None,
) -> CheckInResult:
    """Check in the holder of the badge whose code is `token`. Refused: a code that is no
    badge, a revoked badge, another event's badge, a badge of a delegation that is no longer
    approved, and a badge of another person than `expected_person` (the person the desk found
    by name and is checking in). Scanning twice is no error: the result says when the
    delegate was first checked in."""
    require_organiser(event, by)
    _check_session(event, session)
    badge = (
        Badge.objects.select_related("event", "registration", "person", "revoked_by")
        .filter(token=(token or "").strip()[:64])
        .first()
    )
    if badge is None:
        raise _refuse(_("This code is not a badge of this platform."), EventError.UNKNOWN_BADGE)
    if badge.event_id != event.pk:
        raise _refuse(
            _("This badge is for another event: %(event)s."),
            EventError.OTHER_EVENT,
            event=badge.event.name,
        )
    name = person_name(badge.person)
    if badge.is_revoked:
        raise _refuse(
            _("The badge of %(person)s was revoked on %(moment)s. Ask for their new badge."),
            EventError.REVOKED,
            person=name,
            moment=_moment(badge.revoked_at, event),
        )
    if expected_person is not None and expected_person.pk != badge.person_id:
        raise _refuse(
            _("This badge was issued to %(holder)s, not to %(person)s."),
            EventError.OTHER_PERSON,
            holder=name,
            person=person_name(expected_person),
        )
    if badge.registration.status != RegistrationStatus.APPROVED:
        raise _refuse(
            _("The delegation of %(person)s is no longer approved for this event."),
            EventError.NOT_APPROVED,
            person=name,
        )
    return _record(
        event=event,
        registration=badge.registration,
        person=badge.person,
        badge=badge,
        session=session,
        method=CheckInMethod.SCAN,
        by=by,
        scanned_at=scanned_at,
    )


@transaction.atomic
def check_in_person(
    *,
    event: Event,
    person: Person,
    by,
    session: Session | None = None,
    scanned_at: dt.datetime | None = None,
) -> CheckInResult:
    """Check in a delegate found by name (no badge at hand)."""
    require_organiser(event, by)
    _check_session(event, session)
    registration = next(
        (r for r, delegate in _approved_delegates(event) if delegate.pk == person.pk), None
    )
    if registration is None:
        raise _refuse(
            _("%(person)s is not a delegate of an approved delegation at this event."),
            EventError.NOT_A_DELEGATE,
            person=person_name(person),
        )
    badge = event.badges.filter(person=person, revoked_at__isnull=True).first()
    return _record(
        event=event,
        registration=registration,
        person=person,
        badge=badge,
        session=session,
        method=CheckInMethod.SEARCH,
        by=by,
        scanned_at=scanned_at,
    )
