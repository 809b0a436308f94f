import datetime as dt
import decimal
import sys

from django.apps import apps
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError, models
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from kakehashi.common.audit import entries_visible_to
from kakehashi.common.formats import format_country, format_day, format_number
from kakehashi.common.i18n import LANGUAGE_CODES, join_list
from kakehashi.common.permissions import RefusedWithReason

AUDIT_PAGE_SIZE = 50


def _switch_language(request):
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
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        if request.user.is_authenticated and request.user.preferred_language != language:
            request.user.preferred_language = language
            request.user.save(update_fields=["preferred_language"])
    return response


_switch_signed_in_language = csrf_protect(_switch_language)


@csrf_exempt
@require_POST
def set_language(request):
    """Switch the reader's language; remembered in a cookie and, for a signed-in user,
    in their profile.

    A visitor who is not signed in posts without a CSRF token: the switcher is on every page,
    and a page with a token could not be kept in the page cache (common/page_cache.py). A
    forged post could only change the language cookie of that browser. A signed-in user's
    post changes their profile and is checked as every other post is."""
    if request.user.is_authenticated:
        return _switch_signed_in_language(request)
    return _switch_language(request)


def not_found(request, exception=None):
    return render(request, "common/error.html", {"status": 404}, status=404)


def forbidden(request, exception=None):
    """403: the reason of a RefusedWithReason, else the general sentence."""
    reason = exception.reason if isinstance(exception, RefusedWithReason) else ""
    return render(request, "common/error.html", {"status": 403, "reason": reason}, status=403)


# How long a client should wait before trying again while the database is unreachable.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """An unexpected error. While the database is unreachable (a restart, a failover), every
    page fails alike: that is a 503 with a page that needs no database, in the reader's
    language, and Retry-After; the API answers in its JSON form."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return unavailable(request)
    return render(request, "common/error.html", {"status": 500}, status=500)


def unavailable(request):
    if request.path.startswith("/api/"):
        # The API's error shape (api/errors.py), for a failure before the API's own handlers.
        response = JsonResponse(
            {
                "code": "unavailable",
                "message": _("The service is briefly unavailable. Try again in a moment."),
                "details": [],
            },
            status=503,
        )
    else:
        response = render(request, "common/unavailable.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _audit_model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _audit_value(value, fields=()) -> str:
    """A recorded value as the reader reads it: a choice by its label (from the first field
    that knows it), a country by its name, a date in words."""
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return _("Yes")
    if value is False:
        return _("No")
    if isinstance(value, dict) and "repr" in value:
        return str(value["repr"])
    if isinstance(value, list):
        return join_list(_audit_value(item, fields) for item in value)
    if isinstance(value, dict):
        # A field that holds a mapping (a translation's renewal notes) or a child's fields.
        return "; ".join(f"{key}: {_audit_value(item)}" for key, item in value.items())
    for field in fields:
        choices = dict(getattr(field, "flatchoices", None) or ())
        if value in choices:
            return str(choices[value])
        if getattr(field, "name", "") == "country":
            return format_country(value)
        if isinstance(field, models.DecimalField | models.IntegerField) and not isinstance(
            value, bool
        ):
            try:
                return format_number(decimal.Decimal(str(value)))
            except decimal.InvalidOperation:
                return str(value)
        if isinstance(field, models.DateField) and isinstance(value, str):
            try:
                return format_day(dt.date.fromisoformat(value[:10]))
            except ValueError:
                return value
    return str(value)


def _attached_fields(model, name: str, depth: int = 2) -> list:
    """Fields called `name` of the records attached to `model`'s records (an outcome added
    to a meeting's or a proposal's trail names the outcome's fields)."""
    if depth == 0:
        return []
    found = []
    for relation in model._meta.related_objects:
        related = relation.related_model
        try:
            found.append(related._meta.get_field(name))
        except FieldDoesNotExist:
            found.extend(_attached_fields(related, name, depth - 1))
    return found


def _audit_field(model, name: str) -> tuple[str, list]:
    """The label a change's name is shown with, in the reader's language, and the fields that
    may give its values' labels: the model's own field, `relation.column` (labelled by the
    related records' name), or fields of attached records."""
    relation, _dot, column = name.partition(".")
    if model is None:
        return name, []
    try:
        fields = [model._meta.get_field(relation)]
    except FieldDoesNotExist:
        fields = _attached_fields(model, relation)
        if not fields:
            return name.replace("_", " "), []
    field = fields[0]
    if column and field.related_model is not None:
        related = field.related_model
        try:
            return str(related._meta.verbose_name_plural), [related._meta.get_field(column)]
        except FieldDoesNotExist:
            return str(related._meta.verbose_name_plural), []
    label = getattr(field, "verbose_name", None) or field.related_model._meta.verbose_name_plural
    return str(label), fields


def _is_content(fields) -> bool:
    """Text that people wrote (a title, a summary), as opposed to a choice or a date."""
    return bool(fields) and all(
        isinstance(field, models.CharField | models.TextField) and not field.choices
        for field in fields
    )


def _audit_changes(entry, model) -> list[dict]:
    """Each changed field: its label, the values before and after, and the language of the
    record's text (content keeps its author's language)."""
    language = entry.after.get("language") or entry.before.get("language") or ""
    rows = []
    for name in sorted(entry.before.keys() | entry.after.keys()):
        label, fields = _audit_field(model, name)
        rows.append(
            {
                "field": label,
                "before": _audit_value(entry.before.get(name), fields)
                if name in entry.before
                else "",
                "after": _audit_value(entry.after.get(name), fields) if name in entry.after else "",
                "lang": language if language and _is_content(fields) else "",
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
