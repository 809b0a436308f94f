"""Escalation of overdue obstacles. Side effect: the authority's administrators hear once of
each overdue obstacle."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.formats import format_day
from kakehashi.common.i18n import for_each_reader
from kakehashi.notifications.services import notify
from kakehashi.obstacles import queries
from kakehashi.obstacles.models import Obstacle
from kakehashi.obstacles.services.base import audit


def escalate_overdue(*, today: dt.date | None = None) -> int:
    """Open obstacles past their deadline are escalated once: the authority's administrators
    (the platform administrators for an unrouted one) are told and escalated_at is set.
    Idempotent; two runs at once escalate each obstacle once. Returns how many escalated."""
    today = today or timezone.localdate()
    count = 0
    for pk in queries.overdue(today).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = queries.overdue(today).filter(pk=pk).update(escalated_at=timezone.now())
            if not claimed:
                continue
            obstacle = Obstacle.objects.select_related(
                "authority", "reporter_organisation", "locality"
            ).get(pk=pk)
            audit(
                obstacle,
                by=None,  # the platform
                action=AuditAction.STATUS,
                before={"escalated_at": None},
                after=snapshot(obstacle, ("escalated_at",)),
            )
            notify(
                recipients=queries.authority_admins(obstacle),
                subject=format_lazy(_("Overdue obstacle: {title}"), title=obstacle.title),
                body=format_lazy(
                    _(
                        "“{title}”, reported by {organisation}, was due on {deadline} and is "
                        "still open ({status})."
                    ),
                    title=obstacle.title,
                    organisation=for_each_reader(
                        getattr, obstacle.reporter_organisation, "display_name"
                    ),
                    deadline=for_each_reader(format_day, obstacle.deadline),
                    status=for_each_reader(obstacle.get_status_display),
                ),
                link=obstacle.get_absolute_url(),
            )
            count += 1
    return count
