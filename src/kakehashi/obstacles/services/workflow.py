"""The workflow of a routed obstacle: assign, start, resolve, cannot_resolve, reopen. Side
effects:

- assign, start, resolve, cannot_resolve: the reporter hears of the progress (and a new owner
  of the assignment);
- reopen: the other side hears of it; translations of the cleared public summary go too.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import LANGUAGE_INVALID, CommonError
from kakehashi.common.formats import format_day
from kakehashi.common.i18n import Language, for_each_reader
from kakehashi.common.workflow import transition
from kakehashi.notifications.services import notify
from kakehashi.obstacles import queries
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import Obstacle, ObstacleTranslation, Status
from kakehashi.obstacles.services.base import (
    AUDITED_FIELDS,
    audit,
    invalid,
    locked,
    tell_reporter,
)


def _step(obstacle: Obstacle, by, permission: str):
    """One step of the workflow (common.workflow.transition) on the obstacle's row."""
    return transition(
        obstacle, by=by, permission=permission, lock=locked, fields=AUDITED_FIELDS, audit=audit
    )


@transaction.atomic
def assign(*, obstacle: Obstacle, owner, by) -> Obstacle:
    """Give an open obstacle an owner, a member of the responsible authority. Received →
    assigned; an obstacle already in progress keeps its status. The new owner (unless they
    assigned themselves) and the reporter are told."""
    with _step(obstacle, by, "obstacles.assign_obstacle") as obstacle:
        if owner is None or not queries.is_member_of(owner, obstacle.authority_id):
            raise invalid(
                _("The owner must be a member of the responsible authority."),
                ObstacleError.OWNER_NOT_MEMBER,
                "owner",
            )
        if obstacle.owner_id == owner.pk:
            raise invalid(
                _("This person already owns the obstacle."), ObstacleError.SAME_OWNER, "owner"
            )
        obstacle.owner = owner
        if obstacle.status == Status.RECEIVED:
            obstacle.status = Status.ASSIGNED
    if owner.pk != by.pk:
        notify(
            recipients=[owner],
            subject=format_lazy(_("An obstacle is yours to answer: {title}"), title=obstacle.title),
            body=format_lazy(
                _("Answer by {deadline}."), deadline=for_each_reader(format_day, obstacle.deadline)
            ),
            link=obstacle.get_absolute_url(),
        )
    tell_reporter(
        obstacle,
        format_lazy(_("Your obstacle has an owner: {title}"), title=obstacle.title),
        format_lazy(
            _("{authority} has given “{title}” to {owner}."),
            authority=for_each_reader(getattr, obstacle.authority, "display_name"),
            title=obstacle.title,
            owner=owner.get_full_name() or owner.email,
        ),
        by=by,
    )
    return obstacle


@transaction.atomic
def start(*, obstacle: Obstacle, by) -> Obstacle:
    """Assigned → in progress; the reporter is told."""
    with _step(obstacle, by, "obstacles.start_obstacle") as obstacle:
        obstacle.status = Status.IN_PROGRESS
    tell_reporter(
        obstacle,
        format_lazy(_("Work has started on your obstacle: {title}"), title=obstacle.title),
        format_lazy(
            _("{authority} is working on “{title}”."),
            authority=for_each_reader(getattr, obstacle.authority, "display_name"),
            title=obstacle.title,
        ),
        by=by,
    )
    return obstacle


def _close(obstacle, status, reason: str, summary: str, is_public, by, subject, language=None):
    """Close the obstacle with its reason (and public summary, in `language`: the
    obstacle's own by default) and tell the reporter."""
    with _step(obstacle, by, "obstacles.close_obstacle") as obstacle:
        reason, summary = reason.strip(), summary.strip()
        language = language or obstacle.language
        if language not in Language.values:
            raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID, "summary_language")
        if not reason:
            raise invalid(
                _("Say how it was resolved, or why it cannot be."),
                ObstacleError.REASON_MISSING,
                "reason",
            )
        if is_public is None:
            is_public = bool(summary)
        if is_public and not summary:
            raise invalid(
                _("Write the public summary before making it public."),
                ObstacleError.SUMMARY_MISSING,
                "public_summary",
            )
        obstacle.status = status
        obstacle.resolution_reason = reason
        obstacle.public_summary = summary
        obstacle.summary_language = language
        obstacle.is_public = is_public
        obstacle.closed_at = timezone.now()
    tell_reporter(
        obstacle,
        subject,
        format_lazy(
            _("{authority}: {reason}"),
            authority=for_each_reader(getattr, obstacle.authority, "display_name"),
            reason=obstacle.resolution_reason,
        ),
        by=by,
    )
    return obstacle


@transaction.atomic
def resolve(
    *,
    obstacle: Obstacle,
    reason: str,
    by,
    public_summary: str = "",
    is_public=None,
    summary_language: str | None = None,
) -> Obstacle:
    """Assigned or in progress → resolved, with how (required) and an optional public
    summary (public unless `is_public` is False) written in `summary_language`. The
    reporter is told."""
    subject = format_lazy(_("Your obstacle is resolved: {title}"), title=obstacle.title)
    return _close(
        obstacle,
        Status.RESOLVED,
        reason,
        public_summary,
        is_public,
        by,
        subject,
        summary_language,
    )


@transaction.atomic
def cannot_resolve(
    *,
    obstacle: Obstacle,
    reason: str,
    by,
    public_summary: str = "",
    is_public=None,
    summary_language: str | None = None,
) -> Obstacle:
    """Assigned or in progress → cannot be resolved, with the reason (required). The reporter
    is told."""
    subject = format_lazy(_("Your obstacle cannot be resolved: {title}"), title=obstacle.title)
    return _close(
        obstacle,
        Status.UNRESOLVABLE,
        reason,
        public_summary,
        is_public,
        by,
        subject,
        summary_language,
    )


@transaction.atomic
def reopen(*, obstacle: Obstacle, by) -> Obstacle:
    """A closed obstacle goes back to its owner (assigned; received if it has none), with
    as many days to answer as it had at first, counted from today. The reason and public
    summary are cleared. The other side is told."""
    with _step(obstacle, by, "obstacles.reopen_obstacle") as obstacle:
        span = max((obstacle.deadline - timezone.localdate(obstacle.created_at)).days, 1)
        obstacle.status = Status.ASSIGNED if obstacle.owner_id else Status.RECEIVED
        obstacle.resolution_reason = ""
        obstacle.public_summary = ""
        obstacle.is_public = False
        obstacle.closed_at = None
        obstacle.escalated_at = None
        obstacle.deadline = timezone.localdate() + dt.timedelta(days=span)
        # The summary is gone: so are its translations (a row left with no title goes whole).
        ObstacleTranslation.objects.filter(obstacle=obstacle, title="").delete()
        ObstacleTranslation.objects.filter(obstacle=obstacle).update(public_summary="")
    subject = format_lazy(_("An obstacle was reopened: {title}"), title=obstacle.title)
    body = format_lazy(
        _("Answer by {deadline}."), deadline=for_each_reader(format_day, obstacle.deadline)
    )
    handlers = [obstacle.owner] if obstacle.owner_id else queries.authority_admins(obstacle)
    notify(
        recipients=[user for user in handlers if user.pk != by.pk],
        subject=subject,
        body=body,
        link=obstacle.get_absolute_url(),
    )
    tell_reporter(obstacle, subject, body, by=by)
    return obstacle
