from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.common.audit import entries_visible_to
from kakehashi.common.i18n import LANGUAGE_CODES

AUDIT_PAGE_SIZE = 50


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


def _audit_model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _audit_value(value) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    if isinstance(value, dict) and "repr" in value:
        return str(value["repr"])
    if isinstance(value, list):
        return ", ".join(_audit_value(item) for item in value)
    return str(value)


def _audit_changes(entry, model) -> list[dict]:
    rows = []
    for name in sorted(entry.before.keys() | entry.after.keys()):
        label = name
        if model is not None:
            try:
                label = model._meta.get_field(name).verbose_name
            except (FieldDoesNotExist, AttributeError):
                pass
        rows.append(
            {
                "field": label,
                "before": _audit_value(entry.before.get(name)) if name in entry.before else "",
                "after": _audit_value(entry.after.get(name)) if name in entry.after else "",
            }
        )
    return rows


@login_required
def audit_log(request):
    """Who changed what: every entry for platform administrators, the entries of their own
    organisations' records for members, nothing for anybody else. Filter with `?model=`
    (e.g. `proposals.proposal`) and `?object=` (the record's id)."""
    visible = entries_visible_to(request.user)
    entries = visible
    model_filter = request.GET.get("model", "").strip()[:100]
    object_filter = request.GET.get("object", "").strip()[:64]
    if model_filter:
        entries = entries.filter(model_label=model_filter)
    if object_filter:
        entries = entries.filter(object_id=object_filter)
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for entry in page.object_list:
        model = _audit_model(entry.model_label)
        rows.append(
            {
                "entry": entry,
                "kind": model._meta.verbose_name if model is not None else entry.model_label,
                "changes": _audit_changes(entry, model),
            }
        )
    labels = visible.order_by("model_label").values_list("model_label", flat=True).distinct()
    kinds = [
        (label, model._meta.verbose_name if (model := _audit_model(label)) else label)
        for label in labels
    ]
    return render(
        request,
        "common/audit.html",
        {
            "page": page,
            "rows": rows,
            "kinds": kinds,
            "model_filter": model_filter,
            "object_filter": object_filter,
        },
    )
