"""Pages of the one-to-one meeting programme: the organisers' programme and schedule, and
each delegation's requests, availability and agenda."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.permissions import RefusedWithReason
from kakehashi.common.refusals import add_refusal, tell_refusal
from kakehashi.events import queries, services
from kakehashi.events.agenda import programme_sessions, registration_language
from kakehashi.events.calendar import agenda_ics
from kakehashi.events.forms import (
    AvailabilityForm,
    InterpreterForm,
    MeetingRequestForm,
    OutcomeForm,
    ProgrammeForm,
    TableForm,
)
from kakehashi.events.models import (
    Meeting,
    MeetingRequest,
    Registration,
    RegistrationStatus,
)
from kakehashi.events.printing import agenda_pdf
from kakehashi.events.remote import agenda_rows, zone_name
from kakehashi.events.views import _visible_event
from kakehashi.matching.recommend import partners_among


def organised_event(request, slug):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    return event


@login_required
def programme(request, slug):
    event = organised_event(request, slug)
    zone = zoneinfo.ZoneInfo(event.time_zone)
    periods_text = "\n".join(
        f"{p.starts_at.astimezone(zone):%Y-%m-%d %H:%M} {p.ends_at.astimezone(zone):%H:%M}"
        for p in event.meeting_periods.all()
    )
    forms = {
        "programme": ProgrammeForm(
            event=event, initial={"periods": periods_text, "slot_minutes": event.slot_minutes}
        ),
        "table": TableForm(),
        "interpreter": InterpreterForm(),
    }
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in forms:
            raise Http404
        form = (
            ProgrammeForm(request.POST, event=event)
            if action == "programme"
            else forms[action].__class__(request.POST)
        )
        forms[action] = form
        if form.is_valid():
            try:
                _save_programme_part(event, action, form.cleaned_data, request.user)
            except ValidationError as error:
                add_refusal(form, error)
            else:
                messages.success(request, _("The meeting programme is saved."))
                return redirect("events:programme", slug=event.slug)
    return render(
        request,
        "events/programme.html",
        {
            "event": event,
            "forms": forms,
            "slots": event.meeting_slots.all(),
            "tables": event.meeting_tables.all(),
            "interpreters": event.interpreters.all(),
        },
    )


def _save_programme_part(event, action, data, user):
    if action == "programme":
        services.define_programme(
            event=event, periods=data["periods"], slot_minutes=data["slot_minutes"], by=user
        )
    elif action == "table":
        services.set_table(event=event, by=user, **data)
    else:
        services.add_interpreter(event=event, by=user, **data)


def _my_registration(request, event) -> Registration:
    mine = list(queries.approved_registrations(request.user, event))
    if not mine:
        waiting = queries.own_registrations(request.user, event).filter(
            status=RegistrationStatus.PENDING
        )
        if waiting.exists():
            raise RefusedWithReason(
                _(
                    "Your delegation's registration is waiting for the organisers' approval. "
                    "One-to-one meetings open to your delegation once it is approved."
                )
            )
        raise RefusedWithReason(
            _(
                "One-to-one meetings at this event are for delegations whose registration "
                "is approved. Register your delegation on the event's page first."
            )
        )
    chosen = request.GET.get("delegation") or request.POST.get("delegation")
    if chosen:
        return next((r for r in mine if str(r.pk) == chosen), mine[0])
    return mine[0]


@login_required
def my_meetings(request, slug):
    event = _visible_event(request, slug)
    registration = _my_registration(request, event)
    others = queries.counterparts_of(registration)
    request_form = MeetingRequestForm(
        recipients=others, initial={"recipient": request.GET.get("recipient")}
    )
    availability_form = AvailabilityForm(
        event=event,
        initial={
            "unavailable_slots": registration.unavailable_slots.all(),
            "attends_sessions": registration.attends_sessions.all(),
            "max_meetings": registration.max_meetings,
        },
    )
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "request":
            request_form = MeetingRequestForm(request.POST, recipients=others)
            if request_form.is_valid():
                try:
                    services.send_request(
                        sender=registration, by=request.user, **request_form.cleaned_data
                    )
                except ValidationError as error:
                    add_refusal(request_form, error)
                else:
                    messages.success(request, _("Your meeting request is sent."))
                    return redirect(_mine_url(event, registration))
        elif action == "availability":
            availability_form = AvailabilityForm(request.POST, event=event)
            if availability_form.is_valid():
                services.set_availability(
                    registration=registration, by=request.user, **availability_form.cleaned_data
                )
                messages.success(request, _("Your availability is saved."))
                return redirect(_mine_url(event, registration))
        else:
            raise Http404
    recommended, already_requested = _recommended_partners(registration, others)
    agenda, sessions, reader_zone = agenda_rows(
        queries.published_agenda(registration),
        programme_sessions(event),
        registration,
        reader_language(),
    )
    return render(
        request,
        "events/my_meetings.html",
        {
            "event": event,
            "registration": registration,
            "registrations": queries.approved_registrations(request.user, event),
            "received": registration.requests_received.select_related(
                "sender__organisation"
            ).prefetch_related("sender__organisation__translations"),
            "sent": registration.requests_sent.select_related(
                "recipient__organisation"
            ).prefetch_related("recipient__organisation__translations"),
            "agenda": agenda,
            "sessions": sessions,
            "reader_zone_name": zone_name(reader_zone, reader_language()),
            "request_form": request_form,
            "recommended": recommended,
            "already_requested": already_requested,
            "availability_form": availability_form,
            "outcome_form": OutcomeForm(),
            "zone": zoneinfo.ZoneInfo(event.time_zone),
            "now": timezone.now(),
        },
    )


def _recommended_partners(registration, others) -> tuple[list, int]:
    """The other delegations that fit this one best, with the matching's reasons, leaving out
    those it already has a pending or accepted request with (either way); and how many
    delegations were so left out."""
    requested = queries.requested_with(registration)
    delegation_of = {other.organisation_id: other for other in others if other.pk not in requested}
    recommended = [
        (delegation_of[partner.organisation.pk], partner)
        for partner in partners_among(registration.organisation, delegation_of, limit=8)
    ]
    return recommended, len(requested)


def _mine_url(event, registration) -> str:
    return f"{reverse('events:my_meetings', args=[event.slug])}?delegation={registration.pk}"


@login_required
@require_POST
def answer_request(request, slug, pk):
    event = _visible_event(request, slug)
    meeting_request = get_object_or_404(MeetingRequest, pk=pk, event=event)
    decision = request.POST.get("decision")
    if decision not in {"accept", "decline"}:
        raise Http404
    try:
        services.answer_request(
            meeting_request=meeting_request, accept=decision == "accept", by=request.user
        )
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(request, _("Your answer is saved."))
    return redirect(_mine_url(event, meeting_request.recipient))


@login_required
def agenda_download(request, slug):
    """The agenda as an ICS file, in the language of the request (see events/agenda.py)."""
    event = _visible_event(request, slug)
    registration = _my_registration(request, event)
    response = HttpResponse(
        agenda_ics(registration, reader_language()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-agenda.ics"'
    return response


@login_required
def agenda_print(request, slug):
    """The agenda as a PDF, in the language of the request (see events/agenda.py)."""
    event = _visible_event(request, slug)
    registration = _my_registration(request, event)
    response = HttpResponse(
        agenda_pdf(registration, reader_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-agenda.pdf"'
    return response


def calendar_feed(request, slug, token):
    """The delegation's agenda as a calendar feed: the secret token stands for signing in.
    Written in the `language` of the address, else in the delegation's language (a calendar
    program sends no language of its own that could be trusted; see events/agenda.py)."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "organisation", "lead__user"),
        event__slug=slug,
        calendar_token=token,
        status=RegistrationStatus.APPROVED,
    )
    language = request.GET.get("language", "")
    if language not in Language.values:
        language = registration_language(registration)
    return HttpResponse(
        agenda_ics(registration, language), content_type="text/calendar; charset=utf-8"
    )


@login_required
@require_POST
def record_outcome(request, slug, pk):
    event = _visible_event(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, event=event)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an outcome."))
    else:
        try:
            services.record_outcome(meeting=meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            tell_refusal(request, error)
        else:
            messages.success(request, _("The outcome is recorded."))
    delegation = request.POST.get("delegation", "")
    url = reverse("events:my_meetings", args=[event.slug])
    return redirect(f"{url}?delegation={delegation}" if delegation.isdigit() else url)
