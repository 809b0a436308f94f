"""Pages after the meeting: "we are meeting" at the table, a delegation's feedback on a held
meeting, and the networking figures (organisers: every delegation; a delegation: its own)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.refusals import add_refusal, tell_refusal
from kakehashi.common.tabular import CSV, XLSX, XLSX_CONTENT_TYPE, csv_chunks, write_xlsx
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events import networking, queries
from kakehashi.events.feedback_forms import FeedbackForm
from kakehashi.events.models import Meeting, MeetingFeedback, MeetingParticipant
from kakehashi.events.services import feedback as services
from kakehashi.events.views import _visible_event


def _meeting_and_delegation(request, slug, pk):
    """The meeting and the user's delegation in it (chosen by ?delegation= when the user
    acts for several). A meeting without the user's delegation is not found."""
    event = _visible_event(request, slug)
    mine = {r.pk: r for r in queries.approved_registrations(request.user, event)}
    meeting = get_object_or_404(
        Meeting.objects.select_related("event", "slot", "published_slot", "published_table"),
        pk=pk,
        event=event,
    )
    seats = [
        seat.registration_id for seat in meeting.participants.all() if seat.registration_id in mine
    ]
    if not seats:
        raise Http404
    chosen = request.GET.get("delegation") or request.POST.get("delegation") or ""
    registration = mine[int(chosen)] if chosen.isdigit() and int(chosen) in seats else None
    return event, meeting, registration or mine[seats[0]]


@login_required
def meeting_feedback(request, slug, pk):
    event, meeting, registration = _meeting_and_delegation(request, slug, pk)
    feedback = MeetingFeedback.objects.filter(meeting=meeting, registration=registration).first()
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.give_feedback(
                meeting=meeting, registration=registration, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_refusal(form, error)
        else:
            messages.success(request, _("Thank you: your feedback is recorded."))
            return redirect(f"{request.path}?delegation={registration.pk}")
    start = services.meeting_start(meeting)
    others = queries.with_names(
        MeetingParticipant.objects.filter(meeting=meeting).exclude(registration=registration)
    )
    return render(
        request,
        "events/feedback.html",
        {
            "event": event,
            "meeting": meeting,
            "registration": registration,
            "feedback": feedback,
            "form": form,
            "start": start,
            "started": start is not None and timezone.now() >= start,
            "others": others,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def check_in(request, slug, pk):
    """A delegation says "we are meeting": the meeting is held."""
    event, meeting, registration = _meeting_and_delegation(request, slug, pk)
    try:
        services.check_in(meeting=meeting, registration=registration, by=request.user)
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(request, _("The meeting is marked held. Enjoy it."))
    url = reverse("events:meeting_feedback", args=[event.slug, meeting.pk])
    return redirect(f"{url}?delegation={registration.pk}")


@login_required
def networking_figures(request, slug):
    """Organisers read every approved delegation's figures; a delegation reads its own."""
    event = _visible_event(request, slug)
    organiser = request.user.has_perm("events.manage_registrations", event)
    if organiser:
        registrations = networking.approved(event)
    else:
        own = organisation_ids_of(request.user)
        registrations = networking.approved(event, only=Q(organisation__in=own))
        if not registrations:
            raise PermissionDenied
    rows = networking.delegation_figures(event, registrations)
    kind = request.GET.get("format", "")
    if kind in (CSV, XLSX):
        return _download(event, rows, kind)
    for row in rows:
        row["cells"] = [(row[key], label) for key, label in networking.COLUMNS]
    return render(
        request,
        "events/networking.html",
        {"event": event, "rows": rows, "columns": networking.COLUMNS, "organiser": organiser},
    )


def _download(event, rows: list[dict], kind: str):
    columns = [str(_("Delegation")), *(str(label) for _key, label in networking.COLUMNS)]
    cells = [
        [row["registration"].organisation.display_name, *(str(row[key]) for key in networking.KEYS)]
        for row in rows
    ]
    name = f"kakehashi-networking-{event.slug}.{kind}"
    if kind == CSV:
        response = StreamingHttpResponse(
            csv_chunks(columns, cells), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(
        write_xlsx(columns, cells, title="networking"),
        as_attachment=True,
        filename=name,
        content_type=XLSX_CONTENT_TYPE,
    )
