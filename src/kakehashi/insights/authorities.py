"""Obstacle figures: how each responsible authority answers the obstacles it receives.

Counts and times are aggregates over all obstacles, public summary or not: authorities are
public bodies and how fast they answer is a public matter. No title, description or
reporting organisation is read here, so nothing of a non-public obstacle can leak."""

import datetime as dt
import math
from collections import Counter, defaultdict
from statistics import median

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Organisation
from kakehashi.obstacles.models import CLOSED_STATUSES, OPEN_STATUSES, Obstacle, Status

COLUMNS = [
    ("group", _("Authority")),
    ("received", _("Received")),
    ("resolved", _("Resolved")),
    ("unresolvable", _("Cannot be resolved")),
    ("open", _("Open")),
    ("overdue", _("Overdue")),
    ("median_days", _("Median days to close")),
    ("p90_days", _("90th percentile of days to close")),
]
DAY = 86400


def percentile(values: list[float], share: float) -> float | None:
    """The `share` quantile (0–1) by linear interpolation between the closest ranks (the
    "inclusive" method: the median for 0.5, the largest value for 1). None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _days(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def resolution_by_authority(*, today: dt.date | None = None) -> list[dict]:
    """One row per authority that received obstacles (and one for obstacles no rule routed
    yet): received, resolved, cannot be resolved, open, overdue (open past the deadline),
    and the median and 90th percentile of days from filing to closing. Three queries."""
    today = today or timezone.localdate()
    open_ = Q(status__in=OPEN_STATUSES)
    counts = (
        Obstacle.objects.order_by()
        .values("authority")
        .annotate(
            received=Count("pk"),
            resolved=Count("pk", filter=Q(status=Status.RESOLVED)),
            unresolvable=Count("pk", filter=Q(status=Status.UNRESOLVABLE)),
            open=Count("pk", filter=open_),
            overdue=Count("pk", filter=open_ & Q(deadline__lt=today)),
        )
    )
    durations: dict[int | None, list[float]] = defaultdict(list)
    closed = Obstacle.objects.filter(
        status__in=CLOSED_STATUSES, closed_at__isnull=False
    ).values_list("authority", "created_at", "closed_at")
    for authority, created_at, closed_at in closed:
        durations[authority].append(max((closed_at - created_at).total_seconds(), 0) / DAY)
    rows_by_authority = {row["authority"]: row for row in counts}
    names = dict(
        (organisation.pk, organisation.display_name)
        for organisation in Organisation.objects.filter(
            pk__in=[pk for pk in rows_by_authority if pk is not None]
        ).prefetch_related("translations")
    )
    rows = []
    for authority, row in rows_by_authority.items():
        days = durations.get(authority, [])
        rows.append(
            {
                "id": authority,
                "group": names.get(authority, "")
                if authority is not None
                else str(_("Not routed yet (platform administrators)")),
                **{key: row[key] for key, _label in COLUMNS[1:6]},
                "median_days": _days(median(days) if days else None),
                "p90_days": _days(percentile(days, 0.9)),
            }
        )
    return sorted(rows, key=lambda r: (r["id"] is None, -r["received"], r["group"]))


def totals(rows: list[dict]) -> Counter:
    return Counter({key: sum(row[key] for row in rows) for key, _label in COLUMNS[1:6]})


def demo_obstacles() -> int:
    return Obstacle.objects.filter(is_demo=True).count()
