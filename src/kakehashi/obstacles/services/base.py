"""What the obstacle services share: the audit entry, the validation error with its code, the
row lock and the notice to the reporter. Who may act is checked by obstacles.rules.require."""

from django.core.exceptions import ValidationError

from kakehashi.common.audit import record_change
from kakehashi.common.errors import ErrorCode
from kakehashi.notifications.services import notify
from kakehashi.obstacles.models import Obstacle

# What the audit log keeps of an obstacle (common/audit.py).
AUDITED_FIELDS = (
    "title",
    "category",
    "locality",
    "proposal",
    "project",
    "description",
    "status",
    "authority",
    "owner",
    "deadline",
    "resolution_reason",
    "public_summary",
    "summary_language",
    "is_public",
    "escalated_at",
    "closed_at",
)


def audit(obstacle, *, by, action, before=None, after=None) -> None:
    """One audit entry, seen by the reporting organisation and the authority, and by the
    authority the obstacle was with before the change (routing), which keeps its history."""
    left = ((before or {}).get("authority") or {}).get("id")
    owners = [obstacle.reporter_organisation_id, obstacle.authority_id, left]
    record_change(
        obj=obstacle,
        by=by,
        action=action,
        before=before,
        after=after,
        owners=[owner for owner in owners if owner],
    )


def invalid(message, code: ErrorCode, field_name: str | None = None, **params) -> ValidationError:
    error = ValidationError(message, code=code, params=params or None)
    return ValidationError({field_name: [error]}) if field_name else error


def locked(obstacle: Obstacle) -> Obstacle:
    # Lock the obstacle row only: the authority is optional (an outer join), which
    # PostgreSQL does not lock.
    return (
        Obstacle.objects.select_for_update(of=("self",))
        .select_related("authority")
        .get(pk=obstacle.pk)
    )


def tell_reporter(obstacle: Obstacle, subject, body, *, by=None) -> None:
    if obstacle.reporter_id and obstacle.reporter_id != getattr(by, "pk", None):
        notify(
            recipients=[obstacle.reporter],
            subject=subject,
            body=body,
            link=obstacle.get_absolute_url(),
        )
