"""Every write to events. One transaction each; bad input raises ValidationError with a code
and writes nothing."""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.directory.models import Organisation, Person
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.directory.services import person_for_user
from kakehashi.events.models import Event, Registration, RegistrationStatus, Session

EVENT_FIELDS = (
    "slug",
    "series",
    "name_en",
    "name_vi",
    "name_ja",
    "description",
    "language",
    "host_locality",
    "venue",
    "starts_on",
    "ends_on",
    "time_zone",
    "capacity",
    "registration_open",
    "is_published",
    "is_demo",
)


def _check_event(fields: dict, organisers) -> None:
    if fields["ends_on"] < fields["starts_on"]:
        raise ValidationError(
            _("The last day cannot be before the first day."), code="event_dates_reversed"
        )
    try:
        zoneinfo.ZoneInfo(fields["time_zone"])
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(zone)s” is not a time zone, e.g. Asia/Ho_Chi_Minh or Asia/Tokyo."),
            code="time_zone_unknown",
            params={"zone": fields["time_zone"]},
        ) from error
    if not organisers:
        raise ValidationError(_("An event needs at least one organiser."), code="no_organiser")


@transaction.atomic
def create_event(*, by, organisers: list[Organisation], **fields) -> Event:
    """Create an event. The user must act for one of its organisers (platform
    administrators may create any)."""
    _check_event(fields, organisers)
    if not is_platform_admin(by) and not {o.pk for o in organisers} & organisation_ids_of(by):
        raise ValidationError(
            _("Your organisation must be one of the organisers."), code="not_an_organiser"
        )
    if Event.objects.filter(slug=fields["slug"]).exists():
        raise ValidationError(_("This short name is already used."), code="slug_taken")
    event = Event.objects.create(**{name: fields[name] for name in EVENT_FIELDS if name in fields})
    event.organisers.set(organisers)
    return event


@transaction.atomic
def update_event(*, event: Event, by, organisers: list[Organisation], **fields) -> Event:
    _check_event(fields, organisers)
    if Event.objects.filter(slug=fields["slug"]).exclude(pk=event.pk).exists():
        raise ValidationError(_("This short name is already used."), code="slug_taken")
    for name in EVENT_FIELDS:
        if name in fields:
            setattr(event, name, fields[name])
    event.save()
    event.organisers.set(organisers)
    return event


@transaction.atomic
def add_session(*, event: Event, by, **fields) -> Session:
    starts_at, ends_at = fields["starts_at"], fields["ends_at"]
    if ends_at <= starts_at:
        raise ValidationError(
            _("A session must end after it starts."), code="session_times_reversed"
        )
    zone = zoneinfo.ZoneInfo(event.time_zone)
    first = dt.datetime.combine(event.starts_on, dt.time.min, zone)
    last = dt.datetime.combine(event.ends_on + dt.timedelta(days=1), dt.time.min, zone)
    if starts_at < first or ends_at > last:
        raise ValidationError(
            _("A session must take place during the event."), code="session_outside_event"
        )
    return Session.objects.create(event=event, **fields)


@transaction.atomic
def register(
    *,
    event: Event,
    organisation: Organisation,
    by,
    members: list[Person] = (),
    languages: list[str] = (),
    note: str = "",
) -> Registration:
    """Register the organisation's delegation, led by `by`, for the organisers' approval.

    The event row is locked so that two last registrations cannot both take the last place."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if organisation.pk not in organisation_ids_of(by):
        raise ValidationError(
            _("You can only register an organisation you act for."), code="not_a_member"
        )
    if not (event.is_published and event.registration_open):
        raise ValidationError(_("Registration for this event is closed."), code="closed")
    if event.capacity is not None:
        taken = event.registrations.exclude(
            status__in=[RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED]
        ).count()
        if taken >= event.capacity:
            raise ValidationError(_("The event is full."), code="full")
    lead = person_for_user(by)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                organisation=organisation,
                lead=lead,
                languages=sorted(set(languages)),
                note=note,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("This organisation is already registered for the event."),
            code="already_registered",
        ) from error
    registration.members.set([person for person in members if person.pk != lead.pk])
    return registration


@transaction.atomic
def decide_registration(*, registration: Registration, approve: bool, by) -> Registration:
    """Approve or decline a registration (organisers only; the caller checks)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("This registration was cancelled by its organisation."), code="cancelled"
        )
    registration.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.DECLINED
    registration.decided_by = by
    registration.decided_at = timezone.now()
    registration.save(update_fields=["status", "decided_by", "decided_at"])
    return registration


@transaction.atomic
def cancel_registration(*, registration: Registration, by) -> Registration:
    if registration.organisation_id not in organisation_ids_of(by):
        raise ValidationError(
            _("You can only cancel your own organisation's registration."), code="not_a_member"
        )
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    return registration
