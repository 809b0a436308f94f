"""The dashboards: for each, a title, what it counts, and how to turn the figures into
columns, rows and a chart. Views render them as a chart with a table, or as a file."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from kakehashi.common.formats import format_month
from kakehashi.insights import authorities, charts, figures, funnel
from kakehashi.partnerships.models import PartnershipKind


@dataclass
class Figure:
    columns: list[tuple[str, str]]
    rows: list[dict]
    chart: SafeString


@dataclass
class Dashboard:
    key: str
    title: str
    description: str
    build: Callable[[dict], Figure]
    filters: tuple[str, ...] = ()


def _funnel(params: dict) -> Figure:
    by = params.get("by", "event")
    public = funnel.public_paths()
    rows = {
        "locality": funnel.funnel_by_locality,
        "sector": funnel.funnel_by_sector,
    }.get(by, funnel.funnel_by_event)(public)
    group_label = {"locality": _("Locality"), "sector": _("Sector")}.get(by, _("Event"))
    # Outcomes of interests and conversations belong to no event.
    columns = funnel.STAGES if by == "event" else funnel.COLUMNS
    overall = funnel.funnel_overall(public)
    return Figure(
        columns=[("group", group_label), *columns],
        rows=rows,
        chart=charts.bar_chart(
            title=_("Funnel, every published record counted once"),
            items=[(label, overall[key]) for key, label in funnel.COLUMNS],
            empty=_("Nothing has been counted yet."),
        ),
    )


def _event_results(params: dict) -> Figure:
    rows = funnel.event_results()
    stages = [s for s in funnel.STAGES if s[0] in funnel.MEETING_STAGES]
    return Figure(
        columns=[("group", _("Event")), *stages],
        rows=rows,
        chart=charts.grouped_bar_chart(
            title=_("Meetings requested, scheduled and held, and with an outcome, per event"),
            groups=[row["group"] for row in rows],
            series=[(label, [row[key] for row in rows]) for key, label in stages],
            empty=_("No meetings yet."),
        ),
    )


def _year(value) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2200 else None


def _network(params: dict) -> Figure:
    rows = figures.partnership_network(
        kind=params.get("kind", ""),
        since=_year(params.get("since")),
        until=_year(params.get("until")),
    )
    pairs: dict[tuple[str, str], int] = {}
    for row in rows:
        pairs[(row["vietnam"], row["japan"])] = (
            pairs.get((row["vietnam"], row["japan"]), 0) + row["count"]
        )
    return Figure(
        columns=[
            ("vietnam", _("Vietnamese locality")),
            ("japan", _("Japanese locality")),
            ("kind", _("Type")),
            ("count", _("Partnerships")),
        ],
        rows=rows,
        chart=charts.network_chart(
            title=_("Partnerships between Vietnamese and Japanese localities"),
            left=sorted({a for a, _b in pairs}),
            right=sorted({b for _a, b in pairs}),
            links=[(a, b, n) for (a, b), n in pairs.items()],
            empty=_("No published partnership matches these filters."),
        ),
    )


def _agreements(params: dict) -> Figure:
    rows = figures.agreements_by_year()
    return Figure(
        columns=[("year", _("Year")), ("count", _("Agreements")), *PartnershipKind.choices],
        rows=rows,
        chart=charts.bar_chart(
            title=_("Agreements signed per year"),
            items=[(str(row["year"]), row["count"]) for row in rows],
            empty=_("No published agreement yet."),
        ),
    )


def _proposals_by(function, group_label, title) -> Callable[[dict], Figure]:
    def build(params: dict) -> Figure:
        rows = function()
        return Figure(
            columns=[("group", group_label), ("count", _("Published proposals"))],
            rows=rows,
            chart=charts.bar_chart(
                title=title,
                items=[(row["group"], row["count"]) for row in rows[:25]],
                empty=_("No published proposal yet."),
            ),
        )

    return build


MATCHING_SERIES = [
    ("interests", _("Expressions of interest")),
    ("interests_accepted", _("Contacts accepted")),
    ("requests", _("Meetings requested")),
    ("requests_accepted", _("Meeting requests accepted")),
]


def _matching(params: dict) -> Figure:
    rows = figures.matching_activity()
    return Figure(
        columns=[("month", _("Month")), *MATCHING_SERIES],
        rows=rows,
        chart=charts.grouped_bar_chart(
            title=_("Matching activity per month"),
            groups=[format_month(row["month"]) for row in rows],
            series=[(label, [row[key] for row in rows]) for key, label in MATCHING_SERIES],
            empty=_("No expressions of interest or meeting requests in the last twelve months."),
        ),
    )


OBSTACLE_SERIES = [
    ("resolved", _("Resolved")),
    ("unresolvable", _("Cannot be resolved")),
    ("open", _("Open")),
    ("overdue", _("Overdue")),
]
TIME_SERIES = [
    ("median_days", _("Median days to close")),
    ("p90_days", _("90th percentile of days to close")),
]


def _obstacles(params: dict) -> Figure:
    rows = authorities.resolution_by_authority()
    timed = [row for row in rows if row["median_days"] is not None]
    counts = charts.grouped_bar_chart(
        title=_("Obstacles received per authority, by where they stand"),
        groups=[row["group"] for row in rows],
        series=[(label, [row[key] for row in rows]) for key, label in OBSTACLE_SERIES],
        empty=_("No obstacle has been received yet."),
    )
    times = charts.grouped_bar_chart(
        title=_("Days from filing to closing, per authority"),
        groups=[row["group"] for row in timed],
        series=[(label, [row[key] for row in timed]) for key, label in TIME_SERIES],
        # closed obstacles exist (`timed`), so bars of 0 are days, not missing data
        empty=_("Every obstacle closed so far was closed on the day it was filed."),
    )
    return Figure(
        columns=authorities.COLUMNS,
        rows=rows,
        chart=times + counts if timed else counts,
    )


DASHBOARDS = {
    dashboard.key: dashboard
    for dashboard in [
        Dashboard(
            "funnel",
            _("Funnel"),
            _(
                "From proposals to expressions of interest, meeting requests, scheduled and "
                "held meetings and outcomes, per event, locality or sector."
            ),
            _funnel,
            filters=("by",),
        ),
        Dashboard(
            "events",
            _("Event results"),
            _("Meetings requested, scheduled and held at each published event, and outcomes."),
            _event_results,
        ),
        Dashboard(
            "network",
            _("Partnership network"),
            _("Vietnamese and Japanese localities linked by published partnerships."),
            _network,
            filters=("kind", "since", "until"),
        ),
        Dashboard(
            "agreements",
            _("Agreements over time"),
            _("Published partnerships by the year they were signed, and by type."),
            _agreements,
        ),
        Dashboard(
            "proposals-by-sector",
            _("Proposals by sector"),
            _("Published proposals in each sector (a proposal may name several)."),
            _proposals_by(figures.proposals_by_sector, _("Sector"), _("Proposals by sector")),
        ),
        Dashboard(
            "proposals-by-locality",
            _("Proposals by locality"),
            _("Published proposals per locality (today's units)."),
            _proposals_by(figures.proposals_by_locality, _("Locality"), _("Proposals by locality")),
        ),
        Dashboard(
            "matching",
            _("Matching activity"),
            _("Expressions of interest and meeting requests per month, over the last year."),
            _matching,
        ),
        Dashboard(
            "obstacle-resolution",
            _("Obstacle resolution times per authority"),
            _(
                "For each responsible authority: obstacles received, resolved, that cannot be "
                "resolved, open and overdue, and the median and 90th percentile of days from "
                "filing to closing. Counts only: no obstacle is named."
            ),
            _obstacles,
        ),
    ]
}
