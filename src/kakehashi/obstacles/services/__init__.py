"""Every write to the obstacle tracker. Each function runs in one transaction, checks that
`by` may do it (PermissionDenied otherwise) and raises django.core.exceptions.ValidationError
(with a code) on bad input, writing nothing. Side effects are notices through
kakehashi.notifications (in the app and by e-mail); each module names its own:

- filing: file_obstacle, route (filing and routing by hand);
- workflow: assign, start, resolve, cannot_resolve, reopen;
- comments: add_comment; attachments: add_attachment;
- translations: save_translation, save_reference_translation (title and public summary);
- escalation: escalate_overdue;
- routing_rules: save_rule, delete_rule.

Callers use the names below (`from kakehashi.obstacles import services`), not the modules.
"""

from kakehashi.obstacles.services.attachments import MAX_ATTACHMENTS, add_attachment
from kakehashi.obstacles.services.comments import add_comment
from kakehashi.obstacles.services.escalation import escalate_overdue
from kakehashi.obstacles.services.filing import (
    FALLBACK_DEADLINE_DAYS,
    ObstacleInput,
    file_obstacle,
    route,
)
from kakehashi.obstacles.services.routing_rules import delete_rule, save_rule
from kakehashi.obstacles.services.translations import (
    save_reference_translation,
    save_translation,
)
from kakehashi.obstacles.services.workflow import assign, cannot_resolve, reopen, resolve, start

__all__ = [
    "FALLBACK_DEADLINE_DAYS",
    "MAX_ATTACHMENTS",
    "ObstacleInput",
    "add_attachment",
    "add_comment",
    "assign",
    "cannot_resolve",
    "delete_rule",
    "escalate_overdue",
    "file_obstacle",
    "reopen",
    "resolve",
    "route",
    "save_reference_translation",
    "save_rule",
    "save_translation",
    "start",
]
