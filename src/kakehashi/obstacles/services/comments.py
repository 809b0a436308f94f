"""Comments between the two sides. Side effect: the other side hears of each comment."""

from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction
from kakehashi.notifications.services import notify
from kakehashi.obstacles import queries
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import Comment, Obstacle
from kakehashi.obstacles.rules import require
from kakehashi.obstacles.services.base import audit, invalid


@transaction.atomic
def add_comment(*, obstacle: Obstacle, body: str, by) -> Comment:
    """A participant comments. A comment from the authority's side reaches the reporter; one
    from the reporter's side reaches the owner (or the authority's administrators)."""
    obstacle = Obstacle.objects.select_related("owner", "reporter", "authority").get(pk=obstacle.pk)
    require(by, "obstacles.comment_obstacle", obstacle)
    body = body.strip()
    if not body:
        raise invalid(_("Write a comment."), ObstacleError.COMMENT_EMPTY, "body")
    comment = Comment.objects.create(obstacle=obstacle, author=by, body=body[:4000])
    # The text stays with the obstacle; the log says only that a comment was added.
    audit(obstacle, by=by, action=AuditAction.ADDED, after={"comments": 1})
    subject = format_lazy(_("New comment on the obstacle “{title}”"), title=obstacle.title)
    if queries.is_member_of(by, obstacle.reporter_organisation_id):
        handlers = [obstacle.owner] if obstacle.owner_id else queries.authority_admins(obstacle)
        recipients = [user for user in handlers if user.pk != by.pk]
    else:
        recipients = [obstacle.reporter] if obstacle.reporter_id != by.pk else []
    notify(
        recipients=recipients, subject=subject, body=comment.body, link=obstacle.get_absolute_url()
    )
    return comment
