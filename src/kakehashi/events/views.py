import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.i18n import reader_language
from kakehashi.common.page_cache import public_page
from kakehashi.common.reading import reading_context
from kakehashi.common.refusals import add_refusal
from kakehashi.directory.models import Organisation, Person
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.events import queries, services
from kakehashi.events.forms import EventForm, RegistrationForm, SessionForm
from kakehashi.events.models import EventSeries, Registration


@public_page
def event_list(request):
    events = (
        queries.listed(request.user)
        .select_related("series", "host_locality")
        .prefetch_related("organisers__translations")
    )
    today = timezone.localdate()
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming": [e for e in events if e.ends_on >= today][::-1],
            "past": [e for e in events if e.ends_on < today],
            "can_add": request.user.has_perm("events.add_event"),
        },
    )


def _visible_event(request, slug):
    return get_object_or_404(queries.events_visible_to(request.user), slug=slug)


def description_context(request, event) -> dict:
    """What the event page shows of its description (see common/reading.py)."""
    language = reader_language()
    translation = (
        event.translations.select_related("made_by").filter(language=language).first()
        if event.description and language != event.language
        else None
    )
    return reading_context(
        event,
        translation,
        original_language=event.language,
        want_original=bool(request.GET.get("original")),
        can_translate=False,  # the organisers translate it on the event's form
    )


@public_page
def event_detail(request, slug):
    event = _visible_event(request, slug)
    own = (
        list(queries.own_registrations(request.user, event))
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "sessions": event.sessions.prefetch_related("translations"),
            "organisers": event.organisers.select_related("locality").prefetch_related(
                "translations"
            ),
            **description_context(request, event),
            "own_registrations": own,
            "has_approved_registration": any(r.status == "approved" for r in own),
            "can_change": request.user.has_perm("events.change_event", event),
            "can_register": request.user.has_perm("events.register")
            and event.registration_open
            and event.is_published,
            "approved_count": event.registrations.filter(status="approved").count(),
            # A visitor is invited to sign in and register while registration is open.
            "invite_visitor": not request.user.is_authenticated
            and event.registration_open
            and event.is_published,
        },
    )


def _organisations_for_form(user):
    if is_platform_admin(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(
        pk__in=organisation_ids_of(user)
    ) | Organisation.objects.filter(is_published=True)


def _event_fields(form) -> tuple[dict, list]:
    data = form.model_data()
    organisers = list(data.pop("organisers"))
    data["description_translations"] = form.translations()
    return data, organisers


@login_required
def event_create(request):
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    form = EventForm(request.POST or None, organisations=_organisations_for_form(request.user))
    if request.method == "POST" and form.is_valid():
        fields, organisers = _event_fields(form)
        try:
            event = services.create_event(by=request.user, organisers=organisers, **fields)
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The event is created."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form})


@login_required
def event_edit(request, slug):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    form = EventForm(
        request.POST or None, instance=event, organisations=_organisations_for_form(request.user)
    )
    if request.method == "POST" and form.is_valid():
        fields, organisers = _event_fields(form)
        event.refresh_from_db()
        try:
            event = services.update_event(
                event=event, by=request.user, organisers=organisers, **fields
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The event is saved."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@login_required
def session_create(request, slug):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    form = SessionForm(request.POST or None, initial={"language": event.language})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_session(
                event=event,
                by=request.user,
                title_translations=form.translations(),
                **form.model_data(),
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The session is added to the programme."))
            return redirect(event)
    return render(request, "events/session_form.html", {"form": form, "event": event})


@login_required
def session_edit(request, slug, pk):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.change_event", event):
        raise PermissionDenied
    session = get_object_or_404(event.sessions.prefetch_related("translations"), pk=pk)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(
                session=session,
                by=request.user,
                title_translations=form.translations(),
                **form.model_data(),
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("The session is saved."))
            return redirect(event)
    return render(
        request, "events/session_form.html", {"form": form, "event": event, "session": session}
    )


@login_required
def register(request, slug):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.register"):
        raise PermissionDenied
    own = Organisation.objects.filter(pk__in=organisation_ids_of(request.user))
    colleagues = (
        Person.objects.filter(memberships__organisation__in=own)
        .exclude(user=request.user)
        .distinct()
    )
    form = RegistrationForm(
        request.POST or None,
        organisations=own,
        colleagues=colleagues,
        initial={"languages": [request.LANGUAGE_CODE]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.register(
                event=event,
                organisation=data["organisation"],
                by=request.user,
                members=list(data["members"]),
                languages=data["languages"],
                note=data["note"],
                attends_remotely=data["attends_remotely"],
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Your registration is sent to the organisers."))
            return redirect(event)
    return render(request, "events/register.html", {"form": form, "event": event})


@login_required
def registrations(request, slug):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    return render(
        request,
        "events/registrations.html",
        {"event": event, "registrations": queries.registrations_of(event)},
    )


@login_required
@require_POST
def registration_decide(request, slug, pk):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    registration = get_object_or_404(Registration, pk=pk, event=event)
    decision = request.POST.get("decision")
    if decision not in {"approve", "decline"}:
        raise Http404
    try:
        services.decide_registration(
            registration=registration, approve=decision == "approve", by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("events:registrations", slug=event.slug)


@login_required
@require_POST
def registration_cancel(request, slug, pk):
    event = _visible_event(request, slug)
    registration = get_object_or_404(
        Registration, pk=pk, event=event, organisation_id__in=organisation_ids_of(request.user)
    )
    services.cancel_registration(registration=registration, by=request.user)
    messages.success(request, _("The registration is cancelled."))
    return redirect(event)


@login_required
def participants_csv(request, slug):
    """The approved delegations, one row per delegate, for badges and the participant list."""
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["organisation", "country", "locality", "name", "role", "languages"])
    for registration in queries.registrations_of(event).filter(status="approved"):
        organisation = registration.organisation
        people = [
            (registration.lead, "lead"),
            *((m, "delegate") for m in registration.members.all()),
        ]
        for person, role in people:
            writer.writerow(
                [
                    _safe(organisation.name),
                    organisation.country,
                    organisation.locality.name_en if organisation.locality else "",
                    _safe(person.full_name),
                    role,
                    " ".join(registration.languages),
                ]
            )
    return response


def _safe(value: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula."""
    return "'" + value if value[:1] in {"=", "+", "-", "@"} else value


@public_page
def series_detail(request, slug):
    series = get_object_or_404(EventSeries, slug=slug)
    editions = queries.events_visible_to(request.user).filter(series=series).order_by("starts_on")
    today = timezone.localdate()
    return render(
        request,
        "events/series_detail.html",
        {
            "series": series,
            "past": [e for e in editions if e.ends_on < today],
            "planned": [e for e in editions if e.ends_on >= today],
        },
    )
