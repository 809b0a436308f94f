"""Attending in person or remotely: the organisers (on the registrations page) and the
delegation (on its meetings page) switch it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.refusals import tell_refusal
from kakehashi.events.models import Registration
from kakehashi.events.services.remote import may_change_attendance, set_remote_attendance
from kakehashi.events.views import _visible_event


@login_required
@require_POST
def registration_remote(request, slug, pk):
    event = _visible_event(request, slug)
    registration = get_object_or_404(Registration, pk=pk, event=event)
    if not may_change_attendance(request.user, registration):
        raise PermissionDenied
    choice = request.POST.get("remote")
    if choice not in {"yes", "no"}:
        raise Http404
    try:
        set_remote_attendance(registration=registration, remote=choice == "yes", by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        if choice == "yes":
            messages.success(request, _("The delegation now attends its meetings remotely."))
        else:
            messages.success(request, _("The delegation now attends its meetings on site."))
    if request.POST.get("back") == "meetings":
        return redirect(
            reverse("events:my_meetings", args=[event.slug]) + f"?delegation={registration.pk}"
        )
    return redirect("events:registrations", slug=event.slug)
