"""An event's feedback results (organisers), and the six-month follow-up answer page (the
delegations asked)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kakehashi.common.tabular import CSV, XLSX
from kakehashi.events.models import FollowUpAnswer, Registration
from kakehashi.events.queries import events_visible_to
from kakehashi.events.services.feedback import meeting_start
from kakehashi.insights import event_feedback, follow_up
from kakehashi.insights.errors import InsightError
from kakehashi.insights.forms import FollowUpForm
from kakehashi.insights.views import _cells, _download

# Errors about one field of the follow-up form, by code.
FIELD_OF_ERROR = {
    InsightError.AMOUNT_MISSING: "amount",
    InsightError.AMOUNT_INVALID: "amount",
    InsightError.CURRENCY_INVALID: "currency",
    InsightError.AGREEMENT_KIND_UNKNOWN: "agreement_kind",
    InsightError.ANSWER_UNKNOWN: "answer",
}


@login_required
def event_results(request, slug):
    """The feedback results of one event, for its organisers: a summary of the response
    rates, a chart, the table, and the rows as CSV or XLSX."""
    event = get_object_or_404(events_visible_to(request.user), slug=slug)
    if not request.user.has_perm("events.manage_registrations", event):
        raise PermissionDenied
    by = request.GET.get("by", "")
    if by not in event_feedback.GROUPS:
        by = "answer"
    summary, figure = event_feedback.results(event, by)
    kind = request.GET.get("format", "")
    if kind in (CSV, XLSX):
        return _download(f"feedback-{event.slug}-{by}", figure, kind)
    return render(
        request,
        "insights/event_feedback.html",
        {
            "event": event,
            "summary": summary,
            "figure": figure,
            "cells": _cells(figure),
            "by": by,
            "groups": event_feedback.GROUPS,
        },
    )


@login_required
def answer_follow_up(request, pk):
    """What came of a meeting, six months on: the delegation's answer. Others get 404."""
    feedback = follow_up.feedback_of(request.user, pk)
    if feedback is None:
        raise Http404
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up.answer_follow_up(feedback=feedback, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(FIELD_OF_ERROR.get(error.code), error)
        else:
            messages.success(request, _("Your answer is recorded. Thank you."))
            return redirect("insights:follow_up", pk=feedback.pk)
    others = (
        Registration.objects.filter(meeting_seats__meeting=feedback.meeting)
        .exclude(pk=feedback.registration_id)
        .select_related("organisation")
        .prefetch_related("organisation__translations")
    )
    return render(
        request,
        "insights/follow_up.html",
        {
            "feedback": feedback,
            "event": feedback.meeting.event,
            "start": meeting_start(feedback.meeting),
            "others": others,
            "form": form,
            "answers": FollowUpAnswer,
        },
        status=400 if request.method == "POST" else 200,
    )
