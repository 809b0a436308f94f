"""The organisers' schedule pages: the draft with why meetings were left out, scheduler
runs, meetings added by hand, locking and attendance, publishing (with a confirmation that
says who is told) and the table and interpreter sheets."""

import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from kakehashi.common.refusals import tell_refusal
from kakehashi.events import queries, services
from kakehashi.events.diagnosis import DiagnosisWriter
from kakehashi.events.forms import OrganiserMeetingForm, ScheduleRunForm
from kakehashi.events.meeting_views import organised_event
from kakehashi.events.models import (
    RUN_UNDER_WAY_STATUSES,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    Registration,
    RegistrationStatus,
)


@login_required
def schedule(request, slug):
    event = organised_event(request, slug)
    # A run whose worker died shows as failed, with the way out, rather than "working…".
    services.fail_stale_runs(event)
    run = event.schedule_runs.first()
    meetings = (
        event.meetings.exclude(status=MeetingStatus.CANCELLED)
        .select_related("slot", "table", "interpreter", "published_slot")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=MeetingParticipant.objects.select_related(
                    "registration__organisation"
                ).prefetch_related("registration__organisation__translations"),
            )
        )
        .order_by("slot__starts_at", "table__name", "pk")
    )
    meetings = list(meetings)
    writer = DiagnosisWriter(event)
    left_out = [m for m in meetings if m.slot_id is None and m.status == MeetingStatus.TO_SCHEDULE]
    writer.learn(m.unscheduled_diagnosis for m in left_out)
    for meeting in left_out:
        meeting.explanation = writer.sentences(meeting.unscheduled_diagnosis) or (
            [_("The scheduler left this meeting out.")] if meeting.unscheduled_reason else []
        )
    counts = (
        event.registrations.filter(status=RegistrationStatus.APPROVED)
        .annotate(
            scheduled=Count(
                "meeting_seats",
                filter=Q(meeting_seats__slot__isnull=False)
                & ~Q(meeting_seats__meeting__status=MeetingStatus.CANCELLED),
            )
        )
        .select_related("organisation")
        .prefetch_related("organisation__translations")
        .order_by("scheduled", "organisation__name")
    )
    return render(
        request,
        "events/schedule.html",
        {
            "event": event,
            "run": run,
            "running": run is not None and run.status in RUN_UNDER_WAY_STATUSES,
            "publish_refusal": services.publication_refusal(event),
            "meetings": meetings,
            "counts": counts,
            "form": ScheduleRunForm(),
            "meeting_form": OrganiserMeetingForm(event=event),
            "zone": zoneinfo.ZoneInfo(event.time_zone),
            # Held / no-show are offered once a meeting has begun, not months before.
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def schedule_run(request, slug):
    event = organised_event(request, slug)
    form = ScheduleRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a time limit between 5 and 600 seconds."))
        return redirect("events:schedule", slug=event.slug)
    try:
        services.start_schedule_run(event=event, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(request, _("The scheduler has started."))
    return redirect("events:schedule", slug=event.slug)


@login_required
@require_POST
def organiser_meeting(request, slug):
    event = organised_event(request, slug)
    form = OrganiserMeetingForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, _("Choose two or more delegations and a priority."))
        return redirect("events:schedule", slug=event.slug)
    try:
        services.add_organiser_meeting(
            event=event,
            registrations=list(form.cleaned_data["registrations"]),
            weight=form.cleaned_data["weight"],
            by=request.user,
        )
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        messages.success(request, _("The meeting is added; run the scheduler to place it."))
    return redirect("events:schedule", slug=event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def schedule_publish(request, slug):
    """GET: what publishing would do (who is told) and a button to confirm; POST: publish."""
    event = organised_event(request, slug)
    if request.method == "POST":
        try:
            told = services.publish_schedule(event=event, by=request.user)
        except ValidationError as error:
            tell_refusal(request, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The schedule is published; %(count)s delegation was told of changes.",
                    "The schedule is published; %(count)s delegations were told of changes.",
                    len(told),
                )
                % {"count": len(told)},
            )
        return redirect("events:schedule", slug=event.slug)
    changed_meetings = queries.meetings_to_publish(event)
    changed = queries.changes_to_publish(changed_meetings)
    told = (
        Registration.objects.filter(pk__in=changed)
        .select_related("organisation")
        .prefetch_related("organisation__translations")
        .order_by("organisation__name")
    )
    for registration in told:
        registration.changed_meetings = len(changed[registration.pk])
    return render(
        request,
        "events/schedule_publish.html",
        {
            "event": event,
            "refusal": services.publication_refusal(event),
            "told": told,
            "changed_meetings": len(changed_meetings),
        },
    )


@login_required
@require_POST
def meeting_update(request, slug, pk):
    """Lock or unlock a meeting, or mark it held or a no-show."""
    event = organised_event(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, event=event)
    action = request.POST.get("action")
    try:
        if action in {"lock", "unlock"}:
            services.lock_meeting(meeting=meeting, locked=action == "lock", by=request.user)
        elif action in {"held", "no_show"}:
            services.record_attendance(meeting=meeting, held=action == "held", by=request.user)
        else:
            raise Http404
    except ValidationError as error:
        tell_refusal(request, error)
    return redirect("events:schedule", slug=event.slug)


@login_required
def sheets(request, slug):
    """Printable sheets: the meetings of each table and of each interpreter, in time order,
    naming the delegations and their people in the language of the page."""
    event = organised_event(request, slug)
    meetings = list(
        event.meetings.filter(published_slot__isnull=False)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("published_slot", "published_table", "interpreter")
        .prefetch_related(
            Prefetch("participants", queryset=queries.with_names(MeetingParticipant.objects))
        )
        .order_by("published_slot__starts_at")
    )
    by_table, by_interpreter = {}, {}
    for meeting in meetings:
        by_table.setdefault(meeting.published_table, []).append(meeting)
        if meeting.interpreter:
            by_interpreter.setdefault(meeting.interpreter, []).append(meeting)
    return render(
        request,
        "events/sheets.html",
        {
            "event": event,
            "by_table": sorted(by_table.items(), key=lambda item: item[0].name if item[0] else ""),
            "by_interpreter": sorted(by_interpreter.items(), key=lambda item: item[0].name),
        },
    )
