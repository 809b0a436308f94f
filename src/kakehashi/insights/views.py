"""Dashboards: a chart, the same rows as a table, and the rows as CSV or XLSX. Everyone sees
public aggregates; a signed-in member also sees the funnel of their own organisations."""

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from kakehashi.common.tabular import CSV, XLSX, XLSX_CONTENT_TYPE, csv_chunks, write_xlsx
from kakehashi.directory.models import Locality
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.insights import authorities, charts, figures, localities
from kakehashi.insights.dashboards import DASHBOARDS
from kakehashi.obstacles.queries import today_unit
from kakehashi.partnerships.models import PartnershipKind

FUNNEL_GROUPS = ("event", "locality", "sector")


def index(request):
    return render(
        request,
        "insights/index.html",
        {"dashboards": DASHBOARDS.values(), "demo": figures.demo_counts()},
    )


def _cells(figure) -> list[list]:
    return [[row.get(key, "") for key, _label in figure.columns] for row in figure.rows]


def _download(key: str, figure, kind: str):
    columns = [str(label) for _key, label in figure.columns]
    rows = [["" if cell is None else str(cell) for cell in cells] for cells in _cells(figure)]
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
        context["own_rows"] = figures.organisation_funnel(own)
        context["own_outcomes"] = figures.outcomes_of(own) if own else []
        context["stages"] = figures.STAGES
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
        items=[(str(label), data.funnel[key]) for key, label in figures.STAGES],
    )
    return render(
        request,
        "insights/locality.html",
        {
            "data": data,
            "locality": locality,
            "funnel": [(key, label, data.funnel[key]) for key, label in figures.STAGES],
            "chart": chart,
            "demo": figures.demo_counts(),
        },
    )
