"""A browser subscribes to (or leaves) Web Push reminders, and the service worker that shows
them (notifications/push.py)."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.notifications.push import push_enabled, subscribe, unsubscribe, valid_key

ENDPOINT_MAX_LENGTH = 1000


def _read(request) -> dict | None:
    """The subscription the browser sent (PushSubscription.toJSON()), or None if malformed."""
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    endpoint = data.get("endpoint")
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    if not (
        isinstance(endpoint, str)
        and endpoint.startswith("https://")
        and len(endpoint) <= ENDPOINT_MAX_LENGTH
    ):
        return None
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    if not (isinstance(p256dh, str) and valid_key(p256dh, 65)):
        return None
    if not (isinstance(auth, str) and valid_key(auth, 16)):
        return None
    return {"endpoint": endpoint, "p256dh": p256dh, "auth": auth}


def _refused(message, status=400) -> JsonResponse:
    return JsonResponse({"message": message}, status=status)


@login_required
@require_POST
def push_subscribe(request):
    if not push_enabled():
        return _refused(_("Reminders in the browser are not switched on for this site."), 404)
    data = _read(request)
    if data is None:
        return _refused(_("The browser sent a subscription this site cannot use."))
    subscribe(user=request.user, **data)
    return JsonResponse({"message": _("This browser will show your meeting reminders.")})


@login_required
@require_POST
def push_unsubscribe(request):
    data = _read(request)
    if data is None:
        return _refused(_("The browser sent a subscription this site cannot use."))
    unsubscribe(user=request.user, endpoint=data["endpoint"])
    return JsonResponse({"message": _("This browser will no longer show your reminders.")})


def service_worker(request):
    """Served from the site's root so that it may receive pushes for every page."""
    response = HttpResponse(
        render_to_string("notifications/service-worker.js"),
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    return response
