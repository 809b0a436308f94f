"""The one check every service makes of who acts, and the one question the pages ask to
decide what to show.

Both ask the apps' django-rules predicates through `rules.has_perm`, never `user.has_perm`:
Django answers a superuser's `has_perm` with yes before any predicate runs, which would let a
platform administrator skip the status rules of a workflow (publish a draft never submitted,
start an obstacle never assigned) or write for an organisation not theirs. Where a platform
administrator may act, the predicates say so (`directory.rules.platform_admin`): they act as
any moderator, never outside the workflow.

`common` sits left of every app and imports none of them; each app's `rules.require` is this
function."""

import rules
from django.core.exceptions import PermissionDenied


def allows(user, permission: str, obj=None) -> bool:
    """Whether `user` (signed in, active) has `permission` (on `obj`) by the predicates."""
    return bool(
        user and user.is_authenticated and user.is_active and rules.has_perm(permission, user, obj)
    )


def require(user, permission: str, obj=None) -> None:
    """Raise PermissionDenied unless `allows(user, permission, obj)`. The services call it;
    the views and the API turn the refusal into 403 (or 404 where the record itself is not to
    be seen), and ask `allows` only to decide what to show."""
    if not allows(user, permission, obj):
        raise PermissionDenied


class RefusedWithReason(PermissionDenied):
    """A refusal whose reason the reader can act on ("your registration is waiting for
    approval"): the 403 page shows `reason`, a translated sentence. A bare PermissionDenied
    shows the general "You are not allowed to do this."."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
