"""Sign-in throttling, by django-axes (failed attempts kept in the database, so every web
process counts the same ones).

A run of failed sign-ins pauses signing in for the account that was tried, and for the address
it was tried from, whichever reaches the limit first; the pause ends a while after the last
failure, and a successful sign-in clears that account's count.
"""

from django.conf import settings
from django.shortcuts import render


def client_address(request) -> str | None:
    """The address the request came from. Behind `KAKEHASHI_PROXY_COUNT` reverse proxies
    (nginx adds the address it saw to X-Forwarded-For), the one the nearest trusted proxy
    saw; a client cannot choose it by sending the header itself."""
    proxies = settings.KAKEHASHI_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR")


def attempted_account(request, credentials) -> str:
    """The e-mail address tried, as the sign-in compares it: `Ha@Example.vn ` and
    `ha@example.vn` count as one account."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field):
        value = credentials[field]
    else:
        value = request.POST.get(field, "") if request is not None else ""
    return str(value).strip().lower()


def locked_out(request, original_response=None, credentials=None):
    """The page shown instead of the sign-in while signing in is paused, in the reader's
    language, with the way out (a password reset) at hand."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
