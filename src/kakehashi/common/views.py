from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.http import require_POST

from kakehashi.common.i18n import LANGUAGE_CODES


@require_POST
def set_language(request):
    """Switch the reader's language; remembered in a cookie and, for a signed-in user,
    in their profile."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in LANGUAGE_CODES and check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
        if request.user.is_authenticated and request.user.preferred_language != language:
            request.user.preferred_language = language
            request.user.save(update_fields=["preferred_language"])
    return response


def not_found(request, exception=None):
    return render(request, "common/error.html", {"status": 404}, status=404)


def forbidden(request, exception=None):
    return render(request, "common/error.html", {"status": 403}, status=403)


def server_error(request):
    return render(request, "common/error.html", {"status": 500}, status=500)
