"""The dashboard of one locality (today's unit, with the former units merged into it): its
funnel, its latest public outcomes and the obstacles closed there with a public summary."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from kakehashi.directory.models import Locality
from kakehashi.insights import figures, funnel
from kakehashi.insights.models import Outcome
from kakehashi.obstacles.models import OPEN_STATUSES, Obstacle
from kakehashi.obstacles.queries import public_resolved

RECENT = 10


@dataclass
class LocalityFigures:
    locality: Locality
    funnel: dict
    outcomes: list[Outcome]
    resolved: list[Obstacle]
    open_obstacles: int
    overdue_obstacles: int


def current_localities():
    """Units in force today, for the list of locality dashboards."""
    return Locality.objects.filter(is_current=True).order_by("country", "name_en")


def _places(locality: Locality) -> list[int]:
    """The unit and the former units merged into it (directly or through another)."""
    ids, frontier = {locality.pk}, {locality.pk}
    while frontier:
        frontier = set(
            Locality.objects.filter(successor_id__in=frontier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids |= frontier
    return sorted(ids)


def locality_figures(locality: Locality) -> LocalityFigures:
    """Everything on the locality's dashboard. The funnel row is the locality's row of
    funnel.funnel_by_locality (the same attribution as the public funnel; zeros when it has
    none); outcomes are public ones (figures.public_outcomes); obstacles are listed only when
    closed with a public summary, the open ones only counted."""
    places = _places(locality)
    row = next(
        (row for row in funnel.funnel_by_locality() if row["id"] == locality.pk),
        {"group": locality.name, **{key: 0 for key in funnel.KEYS}},
    )
    outcomes = list(
        figures.public_outcomes()
        .filter(locality_id__in=places)
        .order_by("-occurred_on", "-pk")[:RECENT]
    )
    resolved = list(public_resolved().filter(locality_id__in=places)[:RECENT])
    open_here = Obstacle.objects.filter(locality_id__in=places, status__in=OPEN_STATUSES)
    counts = open_here.aggregate(
        open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=timezone.localdate()))
    )
    return LocalityFigures(
        locality=locality,
        funnel=row,
        outcomes=outcomes,
        resolved=resolved,
        open_obstacles=counts["open"],
        overdue_obstacles=counts["overdue"],
    )
