"""Pages for changes on the event day: book a free slot with another delegation, cancel a
meeting (events/services/live.py)."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.refusals import refusal_text, tell_refusal
from kakehashi.events import queries
from kakehashi.events.booking import BookingOptions
from kakehashi.events.meeting_views import _mine_url, _my_registration
from kakehashi.events.models import Meeting, MeetingSlot
from kakehashi.events.remote import registration_zone
from kakehashi.events.services.live import book_meeting, cancel_meeting
from kakehashi.events.views import _visible_event


@login_required
def book(request, slug):
    """Choose a delegation, see the slots both are free in, book one."""
    event = _visible_event(request, slug)
    registration = _my_registration(request, event)
    others = queries.counterparts_of(registration)
    chosen = request.POST.get("with") or request.GET.get("with") or ""
    counterpart = next((other for other in others if str(other.pk) == chosen), None)
    if request.method == "POST" and counterpart is not None:
        slot = MeetingSlot.objects.filter(event=event, pk=request.POST.get("slot") or 0).first()
        if slot is None:
            messages.error(request, _("Choose one of the free slots."))
        else:
            try:
                book_meeting(
                    registration=registration, counterpart=counterpart, slot=slot, by=request.user
                )
            except ValidationError as error:
                tell_refusal(request, error)
            else:
                messages.success(
                    request, _("The meeting is booked; the other delegation has been told.")
                )
                return redirect(_mine_url(event, registration))
    options = BookingOptions(registration, counterpart, timezone.now()) if counterpart else None
    free_slots = options.free_slots() if options else []
    zone = registration_zone(registration)  # the times in the delegation's own zone
    return render(
        request,
        "events/book.html",
        {
            "event": event,
            "registration": registration,
            "others": others,
            "counterpart": counterpart,
            "free_slots": free_slots,
            "free_days": _by_day(free_slots, zone),
            "zone": zone,
            "why_none": _why_none(options) if options and not free_slots else "",
            "published": event.schedule_published_at is not None,
        },
    )


@login_required
@require_POST
def cancel(request, slug, pk):
    event = _visible_event(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, event=event)
    try:
        cancel_meeting(meeting=meeting, by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(
            request, _("The meeting is cancelled; the other delegation has been told.")
        )
    delegation = request.POST.get("delegation", "")
    url = reverse("events:my_meetings", args=[event.slug])
    return redirect(f"{url}?delegation={delegation}" if delegation.isdigit() else url)


def _by_day(slots, time_zone: str) -> list[tuple]:
    """The slots as (day, [slots]) in the event's time zone, in time order."""
    zone = zoneinfo.ZoneInfo(time_zone)
    days: dict = {}
    for slot in slots:
        days.setdefault(slot.starts_at.astimezone(zone).date(), []).append(slot)
    return list(days.items())


def _why_none(options: BookingOptions) -> str:
    """Why no slot is free, when one reason holds for every slot still to come; else ""."""
    reasons = {
        refusal_text(refusal)
        for slot in options.slots
        if slot.starts_at > options.now and (refusal := options.refusal(slot)) is not None
    }
    return reasons.pop() if len(reasons) == 1 else ""
