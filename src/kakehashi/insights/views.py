"""Dashboards: a chart, the same rows as a table, and the rows as CSV or XLSX. Everyone sees
public aggregates; a signed-in member also sees the funnel of their own organisations."""

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kakehashi.common.formats import format_day, format_month, format_number
from kakehashi.common.refusals import refusal_text
from kakehashi.common.tabular import CSV, XLSX, XLSX_CONTENT_TYPE, csv_chunks, write_xlsx
from kakehashi.directory.models import Locality
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.insights import authorities, charts, figures, funnel, localities, queries, services
from kakehashi.insights.dashboards import DASHBOARDS
from kakehashi.insights.errors import InsightError
from kakehashi.insights.forms import OutcomeForm
from kakehashi.obstacles.queries import today_unit
from kakehashi.partnerships.models import PartnershipKind

FUNNEL_GROUPS = ("event", "locality", "sector")


def index(request):
    return render(
        request,
        "insights/index.html",
        {"dashboards": DASHBOARDS.values(), "demo": figures.demo_counts()},
    )


# Columns whose numbers are names, not quantities (no thousands separator in 2024).
PLAIN_COLUMNS = {"year"}


def _shown(key: str, value):
    """A cell as the reader writes it: numbers with their separators, a month or a day in
    words; None stays None (the table shows a dash)."""
    if isinstance(value, dt.date):
        return format_month(value) if key == "month" else format_day(value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value) if key in PLAIN_COLUMNS else format_number(value)
    return value


def _filed(key: str, value) -> str:
    """A cell of a downloaded file: plain numbers and ISO dates that spreadsheets read."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m") if key == "month" else value.isoformat()
    return str(value)


def _cells(figure) -> list[list[tuple]]:
    """Each row's cells as the reader writes them, each with its column's name (the label a
    cell shows over its figure on a phone)."""
    return [
        [(_shown(key, row.get(key, "")), label) for key, label in figure.columns]
        for row in figure.rows
    ]


def _download(key: str, figure, kind: str):
    # The headers in the reader's language, as on the page.
    columns = [str(label) for _key, label in figure.columns]
    rows = [
        [_filed(key, row.get(key, "")) for key, _label in figure.columns] for row in figure.rows
    ]
    name = f"kakehashi-insights-{key}.{kind}"
    if kind == CSV:
        response = StreamingHttpResponse(
            csv_chunks(columns, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return FileResponse(
        write_xlsx(columns, rows, title=key),
        as_attachment=True,
        filename=name,
        content_type=XLSX_CONTENT_TYPE,
    )


def dashboard(request, key):
    board = DASHBOARDS.get(key)
    if board is None:
        raise Http404
    params = {name: request.GET.get(name, "") for name in board.filters}
    if key == "funnel" and params["by"] not in FUNNEL_GROUPS:
        params["by"] = "event"
    figure = board.build(params)
    kind = request.GET.get("format", "")
    if kind in (CSV, XLSX):
        return _download(key, figure, kind)
    context = {
        "board": board,
        "figure": figure,
        "cells": _cells(figure),
        "params": params,
        "query": urlencode({name: value for name, value in params.items() if value}),
        "demo": figures.demo_counts(),
        "funnel_groups": FUNNEL_GROUPS,
        "kinds": PartnershipKind.choices,
    }
    if key == "obstacle-resolution":
        context["demo_obstacles"] = authorities.demo_obstacles()
    if key == "funnel" and request.user.is_authenticated:
        own = organisation_ids_of(request.user)
        context["own_rows"] = [
            row | {"cells": [(row[key], label) for key, label in funnel.COLUMNS]}
            for row in funnel.organisation_funnel(own)
        ]
        context["own_outcomes"] = figures.outcomes_of(own) if own else []
        # The partnerships' titles in the reader's language: their translations at once.
        prefetch_related_objects(context["own_outcomes"], "partnership__translations")
        context["stages"] = funnel.COLUMNS
    return render(request, "insights/dashboard.html", context)


def locality_list(request):
    return render(
        request, "insights/localities.html", {"localities": localities.current_localities()}
    )


def locality_dashboard(request, slug):
    """One locality's figures; a former unit leads to the unit that took it over."""
    locality = get_object_or_404(Locality.objects.select_related("successor"), slug=slug)
    current = today_unit(locality)
    if current.pk != locality.pk:
        return redirect("insights:locality", slug=current.slug)
    data = localities.locality_figures(locality)
    chart = charts.bar_chart(
        title=_("Funnel of %(locality)s") % {"locality": locality.name},
        items=[(str(label), data.funnel[key]) for key, label in funnel.COLUMNS],
        empty=_("Nothing has been counted here yet."),
    )
    return render(
        request,
        "insights/locality.html",
        {
            "data": data,
            "locality": locality,
            "funnel": [(key, label, data.funnel[key]) for key, label in funnel.COLUMNS],
            "chart": chart,
            "demo": figures.demo_counts(),
        },
    )


# Recording what followed


def _int(value) -> int | None:
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 12 else None


def _named_source(request) -> tuple[dict, str]:
    """The source named by ?meeting=, ?interest= or ?thread= (the form posts back to the
    same address), as record_outcome's keyword arguments, and where to go back to."""
    data = request.GET
    source = queries.named_source(
        request.user,
        thread=_int(data.get("thread")),
        interest=_int(data.get("interest")),
        meeting=_int(data.get("meeting")),
    )
    if _int(data.get("thread")):
        return source, reverse("messaging:thread", args=[_int(data.get("thread"))])
    if source["interest"] is not None:
        return source, reverse("proposals:interests")
    return source, reverse("events:my_meetings", args=[source["meeting"].event.slug])


@login_required
def record_outcome(request):
    """Record what followed a held meeting, an accepted interest or a conversation."""
    source, back = _named_source(request)
    try:
        parties = services.check_source(by=request.user, **source)
    except ValidationError as error:
        if error.code == InsightError.NOT_A_PARTY:
            # Outsiders are not told that the meeting or the interest exists.
            raise Http404 from error
        return render(
            request,
            "insights/record_outcome.html",
            {"refusal": refusal_text(error), "back": back},
        )
    interest = source["interest"]
    default = services.default_locality(parties=parties, interest=interest)
    form = OutcomeForm(
        request.POST if request.method == "POST" else None,
        localities=queries.outcome_localities(parties),
        initial={"locality": default},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_outcome(by=request.user, **source, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(services.FIELD_OF_ERROR.get(error.code), error)
        else:
            messages.success(request, _("What followed is recorded. Thank you."))
            return redirect(back)
    return render(
        request,
        "insights/record_outcome.html",
        {
            "form": form,
            "source": source,
            "parties": parties,
            "recorded": queries.outcomes_following(**source),
            "back": back,
        },
        status=400 if request.method == "POST" else 200,
    )
