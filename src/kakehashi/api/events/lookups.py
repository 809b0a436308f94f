"""The events API's router and the lookups its operations share: each checks what the
pages check (see the package's docstring)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router

from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.common.errors import TEXT_CODES
from kakehashi.events import queries
from kakehashi.events.errors import EventError
from kakehashi.events.models import (
    Event,
    MeetingParticipant,
    MeetingSlot,
    Registration,
    RegistrationStatus,
)

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (EventError, ApiInputError, TEXT_CODES)


router = Router(tags=["events"])


# --- Lookups --------------------------------------------------------------------------------


def place(slot: MeetingSlot | None, table, zone) -> dict | None:
    if slot is None:
        return None
    return {
        "starts_at": slot.starts_at.astimezone(zone),
        "ends_at": slot.ends_at.astimezone(zone),
        "table": table.name if table else None,
    }


def visible_event(request, slug: str) -> Event:
    return get_object_or_404(queries.events_visible_to(request.user), slug=slug)


def organised_event(request, slug: str) -> Event:
    """As the organisers' pages: 404 for an event the caller may not see, 403 for one they
    see but do not organise."""
    event = visible_event(request, slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    return event


def own_delegation(request, event: Event, chosen: int | None) -> Registration:
    """The caller's approved delegation at the event, as the meetings page chooses it. A
    registration of someone else's is not found; without an approved one the page refuses."""
    own = queries.own_registrations(request.user, event).select_related("organisation")
    if chosen is None:
        registration = own.filter(status=RegistrationStatus.APPROVED).first()
    else:
        registration = get_object_or_404(own, pk=chosen)
    if registration is None or registration.status != RegistrationStatus.APPROVED:
        raise PermissionDenied
    return registration


def requests_of(event: Event):
    return event.meeting_requests.select_related(
        "sender__organisation", "recipient__organisation", "meeting"
    ).order_by("-created_at", "-pk")


def invalid_choice(errors: FieldErrors, field: str, **value) -> None:
    """The form field's own message: one choice, or (with `value`) one of several."""
    kind = forms.ModelMultipleChoiceField if value else forms.ModelChoiceField
    errors.add(
        field, kind.default_error_messages["invalid_choice"], ApiInputError.INVALID_CHOICE, **value
    )


def with_participants() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=MeetingParticipant.objects.select_related("registration__organisation"),
    )
