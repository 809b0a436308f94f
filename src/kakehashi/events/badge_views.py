"""The organisers' event-day pages: badges (print, revoke), the check-in desk (scan or search
by name; answers in JSON to the page's script and as a page without it), table cards and the
room overview. Only the event's organisers (and platform administrators) reach them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kakehashi.common.i18n import reader_language
from kakehashi.common.refusals import refusal_text, tell_refusal
from kakehashi.directory.models import Person
from kakehashi.events import checkin
from kakehashi.events.badge_printing import (
    LAYOUTS,
    badges_pdf,
    room_overview_pdf,
    table_cards_pdf,
)
from kakehashi.events.models import Badge, Registration, RegistrationStatus
from kakehashi.events.services import checkin as services
from kakehashi.events.views import _visible_event


def _event(request, slug):
    event = _visible_event(request, slug)
    if not request.user.has_perm("events.check_in", event):
        raise PermissionDenied
    return event


def _pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def badges(request, slug):
    event = _event(request, slug)
    registrations = (
        event.registrations.filter(status=RegistrationStatus.APPROVED)
        .select_related("organisation")
        .prefetch_related("organisation__translations")
        .order_by("organisation__name")
    )
    return render(
        request,
        "events/badges.html",
        {
            "event": event,
            "badges": checkin.badge_overview(event),
            "registrations": registrations,
            "layouts": LAYOUTS,
        },
    )


@login_required
@require_POST
def badges_print(request, slug):
    """Issue the badges still missing (of every approved delegation, or of one), then send
    them all as a PDF in the reader's language."""
    event = _event(request, slug)
    chosen = None
    if request.POST.get("registration"):
        chosen = [
            get_object_or_404(
                Registration, pk=request.POST["registration"], event=event, status="approved"
            )
        ]
    layout = request.POST.get("layout", "a6")
    issued = services.issue_badges(event=event, by=request.user, registrations=chosen)
    content = badges_pdf(event, checkin.badges_to_print(event, issued), reader_language(), layout)
    return _pdf_response(
        content, f"{event.slug}-badges-{layout if layout in LAYOUTS else 'a6'}.pdf"
    )


@login_required
@require_POST
def badge_revoke(request, slug, pk):
    event = _event(request, slug)
    badge = get_object_or_404(Badge, pk=pk, event=event)
    try:
        new = services.revoke_badge(
            badge=badge, by=request.user, reissue=bool(request.POST.get("reissue"))
        )
    except ValidationError as error:
        tell_refusal(request, error)
    else:
        name = badge.person.display_name
        if new is not None:
            messages.success(
                request,
                _(
                    "The badge of %(person)s is revoked and a new one is issued. "
                    "Print it from this page."
                )
                % {"person": name},
            )
        else:
            messages.success(request, _("The badge of %(person)s is revoked.") % {"person": name})
    return redirect("events:badges", slug=event.slug)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _session(event, value):
    if not value:
        return None
    return event.sessions.filter(pk=value).first() if str(value).isdigit() else None


def _refusal(error: ValidationError) -> dict:
    return {"ok": False, "code": error.code, "message": refusal_text(error)}


def _check_in(request, event) -> tuple[dict, int]:
    data = request.POST
    session = _session(event, data.get("session"))
    scanned_at = parse_datetime(data.get("scanned_at") or "") if data.get("scanned_at") else None
    person = None
    if data.get("person", "").isdigit():
        person = Person.objects.filter(pk=data["person"]).first()
    try:
        if data.get("token"):
            result = services.check_in_badge(
                event=event,
                token=data["token"],
                by=request.user,
                session=session,
                expected_person=person,
                scanned_at=scanned_at,
            )
        elif person is not None:
            result = services.check_in_person(
                event=event, person=person, by=request.user, session=session, scanned_at=scanned_at
            )
        else:
            return {"ok": False, "code": "empty", "message": _("Scan a badge or find a name.")}, 400
    except ValidationError as error:
        return _refusal(error), 400
    return checkin.check_in_answer(result), 200


@login_required
@require_http_methods(["GET", "POST"])
def check_in_desk(request, slug):
    """The check-in desk. Its script posts scans here and reads the JSON answer; without a
    script, the page's forms post here and the answer is shown on the page."""
    event = _event(request, slug)
    answer = None
    if request.method == "POST":
        answer, status = _check_in(request, event)
        if _wants_json(request):
            return JsonResponse(answer, status=status)
    query = request.GET.get("q", "").strip()[:100]
    session = _session(event, request.GET.get("session") or request.POST.get("session"))
    return render(
        request,
        "events/checkin.html",
        {
            "event": event,
            "answer": answer,
            "query": query,
            "found": checkin.search_delegates(event, query) if query else None,
            "sessions": event.sessions.prefetch_related("translations"),
            "session": session,
            "attendance": checkin.attendance(event),
            "awaited": checkin.awaited(event, timezone.now()),
        },
        status=400 if answer and not answer["ok"] else 200,
    )


@login_required
def table_cards(request, slug):
    event = _event(request, slug)
    return _pdf_response(table_cards_pdf(event, reader_language()), f"{event.slug}-tables.pdf")


@login_required
def room_overview(request, slug):
    event = _event(request, slug)
    return _pdf_response(room_overview_pdf(event, reader_language()), f"{event.slug}-room.pdf")
