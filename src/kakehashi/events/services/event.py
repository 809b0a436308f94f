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
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    ENDED_REGISTRATION_STATUSES,
    Event,
    Registration,
    RegistrationStatus,
    Session,
)
from kakehashi.events.queries import organises
from kakehashi.events.rules import require
from kakehashi.events.services.translations import (
    check_translations,
    source_of,
    store_translations,
)

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
            _("The last day cannot be before the first day."), code=EventError.EVENT_DATES_REVERSED
        )
    try:
        zoneinfo.ZoneInfo(fields["time_zone"])
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(zone)s” is not a time zone, e.g. Asia/Ho_Chi_Minh or Asia/Tokyo."),
            code=EventError.TIME_ZONE_UNKNOWN,
            params={"zone": fields["time_zone"]},
        ) from error
    if not organisers:
        raise ValidationError(
            _("An event needs at least one organiser."), code=EventError.NO_ORGANISER
        )


def _check_slug_free(slug: str, *, event: Event | None = None) -> None:
    """An event's short name (its address) is used by no other event."""
    others = Event.objects.filter(slug=slug)
    if event is not None:
        others = others.exclude(pk=event.pk)
    if others.exists():
        raise ValidationError(_("This short name is already used."), code=EventError.SLUG_TAKEN)


def _check_descriptions(fields: dict, descriptions) -> dict[str, str]:
    return check_translations(
        descriptions,
        original_language=fields.get("language", "en"),
        original=fields.get("description", ""),
        limit=8000,
        field=_("description"),
    )


def _store_descriptions(event: Event, descriptions: dict[str, str], by) -> None:
    store_translations(
        event.translations,
        descriptions,
        field="description",
        original=event.description,
        by=by,
        source=source_of(by, organiser=organises(by, event)),
    )


@transaction.atomic
def create_event(
    *, by, organisers: list[Organisation], description_translations=None, **fields
) -> Event:
    """Create an event. The user must act for one of its organisers (platform
    administrators may create any). `description_translations`: the description in the
    other languages, by language code (see services/translations.py)."""
    _check_event(fields, organisers)
    descriptions = _check_descriptions(fields, description_translations)
    if not is_platform_admin(by) and not {o.pk for o in organisers} & organisation_ids_of(by):
        raise ValidationError(
            _("Your organisation must be one of the organisers."), code=EventError.NOT_AN_ORGANISER
        )
    _check_slug_free(fields["slug"])
    event = Event.objects.create(**{name: fields[name] for name in EVENT_FIELDS if name in fields})
    event.organisers.set(organisers)
    _store_descriptions(event, descriptions, by)
    return event


@transaction.atomic
def update_event(
    *, event: Event, by, organisers: list[Organisation], description_translations=None, **fields
) -> Event:
    """Change an event (its organisers and platform administrators)."""
    require(by, "events.change_event", event)
    _check_event(fields, organisers)
    descriptions = _check_descriptions(
        {"language": event.language, "description": event.description, **fields},
        description_translations,
    )
    _check_slug_free(fields["slug"], event=event)
    for name in EVENT_FIELDS:
        if name in fields:
            setattr(event, name, fields[name])
    event.save()
    event.organisers.set(organisers)
    _store_descriptions(event, descriptions, by)
    return event


def _check_session(event: Event, fields: dict, titles) -> dict[str, str]:
    starts_at, ends_at = fields["starts_at"], fields["ends_at"]
    if ends_at <= starts_at:
        raise ValidationError(
            _("A session must end after it starts."), code=EventError.SESSION_TIMES_REVERSED
        )
    zone = zoneinfo.ZoneInfo(event.time_zone)
    first = dt.datetime.combine(event.starts_on, dt.time.min, zone)
    last = dt.datetime.combine(event.ends_on + dt.timedelta(days=1), dt.time.min, zone)
    if starts_at < first or ends_at > last:
        raise ValidationError(
            _("A session must take place during the event."), code=EventError.SESSION_OUTSIDE_EVENT
        )
    return check_translations(
        titles,
        original_language=fields.get("language", "en"),
        original=fields.get("title", ""),
        limit=200,
        field=_("title"),
    )


def _store_titles(session: Session, titles: dict[str, str], by) -> None:
    store_translations(
        session.translations,
        titles,
        field="title",
        original=session.title,
        by=by,
        source=source_of(by, organiser=organises(by, session.event)),
    )


@transaction.atomic
def add_session(*, event: Event, by, title_translations=None, **fields) -> Session:
    """Add a session to the programme; `title_translations`: its title in the other
    languages, by language code (see services/translations.py). Organisers only."""
    require(by, "events.change_event", event)
    titles = _check_session(event, fields, title_translations)
    session = Session.objects.create(event=event, **fields)
    _store_titles(session, titles, by)
    return session


SESSION_FIELDS = ("kind", "title", "language", "starts_at", "ends_at", "room", "speakers")


@transaction.atomic
def update_session(*, session: Session, by, title_translations=None, **fields) -> Session:
    """Change a session of the programme and its translations (organisers only)."""
    require(by, "events.change_event", session.event)
    session = Session.objects.select_for_update().select_related("event").get(pk=session.pk)
    fields = {name: fields.get(name, getattr(session, name)) for name in SESSION_FIELDS}
    titles = _check_session(session.event, fields, title_translations)
    for name, value in fields.items():
        setattr(session, name, value)
    session.save()
    _store_titles(session, titles, by)
    return session


@transaction.atomic
def register(
    *,
    event: Event,
    organisation: Organisation,
    by,
    members: list[Person] = (),
    languages: list[str] = (),
    note: str = "",
    attends_remotely: bool = False,
) -> Registration:
    """Register the organisation's delegation, led by `by`, for the organisers' approval.

    The event row is locked so that two last registrations cannot both take the last place."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if organisation.pk not in organisation_ids_of(by):
        raise ValidationError(
            _("You can only register an organisation you act for."), code=EventError.NOT_A_MEMBER
        )
    if not (event.is_published and event.registration_open):
        raise ValidationError(_("Registration for this event is closed."), code=EventError.CLOSED)
    if event.capacity is not None:
        taken = event.registrations.exclude(status__in=ENDED_REGISTRATION_STATUSES).count()
        if taken >= event.capacity:
            raise ValidationError(_("The event is full."), code=EventError.FULL)
    lead = person_for_user(by)
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                organisation=organisation,
                lead=lead,
                languages=sorted(set(languages)),
                note=note,
                attends_remotely=attends_remotely,
            )
    except IntegrityError as error:
        raise ValidationError(
            _("This organisation is already registered for the event."),
            code=EventError.ALREADY_REGISTERED,
        ) from error
    registration.members.set([person for person in members if person.pk != lead.pk])
    return registration


@transaction.atomic
def decide_registration(*, registration: Registration, approve: bool, by) -> Registration:
    """Approve or decline a registration (organisers only)."""
    require(by, "events.manage_registrations", registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("This registration was cancelled by its organisation."), code=EventError.CANCELLED
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
            _("You can only cancel your own organisation's registration."),
            code=EventError.NOT_A_MEMBER,
        )
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    return registration
