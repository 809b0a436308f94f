"""Filing an obstacle and routing it to an authority. Side effects:

- filing: the authority's administrators hear of the new obstacle (the platform
  administrators when no rule matched); the reporter gets a receipt naming who answers;
- routing by hand: the new authority's administrators hear of it, and the reporter.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, snapshot
from kakehashi.common.errors import LANGUAGE_INVALID, CommonError
from kakehashi.common.formats import format_day
from kakehashi.common.i18n import Language, for_each_reader
from kakehashi.common.language import detect_language
from kakehashi.common.uploads import files_deleted_on_failure
from kakehashi.common.workflow import transition
from kakehashi.directory.models import Locality, Organisation
from kakehashi.notifications.services import notify
from kakehashi.obstacles import queries
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import Category, Obstacle, Status
from kakehashi.obstacles.rules import require
from kakehashi.obstacles.services.attachments import (
    MAX_ATTACHMENTS,
    check_attachment,
    store_attachment,
    too_many_attachments,
)
from kakehashi.obstacles.services.base import (
    AUDITED_FIELDS,
    audit,
    invalid,
    locked,
    tell_reporter,
)

# Days to answer when no rule matched (the platform administrators route it by hand).
FALLBACK_DEADLINE_DAYS = 30


@dataclass
class ObstacleInput:
    title: str
    category: str
    locality: Locality | None
    description: str
    project: str = ""
    proposal: object | None = None  # proposals.Proposal
    # Blank: detect it from the text.
    language: str = ""
    # (title, upload) pairs, checked before anything is written.
    attachments: list[tuple[str, object]] = field(default_factory=list)


def _check(data: ObstacleInput, by) -> None:
    errors = {}
    if not data.title.strip():
        errors["title"] = invalid(_("Give the obstacle a title."), CommonError.TITLE_MISSING)
    if data.category not in Category.values:
        errors["category"] = invalid(_("Choose a category."), ObstacleError.INVALID_CATEGORY)
    if data.locality is None:
        errors["locality"] = invalid(
            _("Choose the locality concerned."), ObstacleError.LOCALITY_MISSING
        )
    if not data.description.strip():
        errors["description"] = invalid(
            _("Describe the obstacle: what blocks you, since when, what you tried."),
            ObstacleError.DESCRIPTION_MISSING,
        )
    if data.language and data.language not in Language.values:
        errors["language"] = invalid(LANGUAGE_INVALID, ObstacleError.LANGUAGE)
    if data.proposal is not None and not by.has_perm("proposals.view_proposal", data.proposal):
        errors["proposal"] = invalid(
            _("You may not see this proposal."), ObstacleError.UNKNOWN_PROPOSAL
        )
    if len(data.attachments) > MAX_ATTACHMENTS:
        errors["attachments"] = too_many_attachments()
    if errors:
        raise ValidationError({name: [error] for name, error in errors.items()})


def file_obstacle(*, data: ObstacleInput, organisation: Organisation, by) -> Obstacle:
    """A member of `organisation` files an obstacle. It is routed at once by the most specific
    rule (queries.rule_for): authority and deadline come from the rule, status received. When
    no rule matches, it waits in the platform administrators' queue with the fallback
    deadline. Attachments are checked before anything is written, and their files deleted
    again if the filing fails after they were stored (the audit entry, a notice)."""
    with files_deleted_on_failure() as track, transaction.atomic():
        return _file(data=data, organisation=organisation, by=by, track=track)


def _file(*, data: ObstacleInput, organisation: Organisation, by, track) -> Obstacle:
    require(by, "obstacles.file_for", organisation)
    _check(data, by)
    checked = []
    for title, upload in data.attachments:
        try:
            checked.append((title, upload, check_attachment(title, upload)))
        except ValidationError as error:
            raise ValidationError({"attachments": error.error_list}) from error
    language = data.language or detect_language(f"{data.title}\n{data.description}") or "en"
    rule = queries.rule_for(data.locality, data.category)
    today = timezone.localdate()
    days = rule.deadline_days if rule else FALLBACK_DEADLINE_DAYS
    obstacle = Obstacle.objects.create(
        reporter=by,
        reporter_organisation=organisation,
        title=data.title.strip(),
        category=data.category,
        locality=data.locality,
        proposal=data.proposal,
        project=data.project.strip(),
        description=data.description.strip(),
        language=language,
        status=Status.RECEIVED,
        authority=rule.authority if rule else None,
        rule=rule,
        deadline=today + dt.timedelta(days=days),
    )
    for title, upload, content_type in checked:
        store_attachment(obstacle, title, upload, content_type, by, track=track)
    audit(obstacle, by=by, action=AuditAction.CREATED, after=snapshot(obstacle, AUDITED_FIELDS))
    _announce_new(obstacle)
    if rule:
        receipt = format_lazy(
            _("“{title}” was received and sent to {authority}, which is to answer by {deadline}."),
            title=obstacle.title,
            authority=for_each_reader(getattr, rule.authority, "display_name"),
            deadline=for_each_reader(format_day, obstacle.deadline),
        )
    else:
        receipt = format_lazy(
            _(
                "“{title}” was received. No authority is registered yet for this locality "
                "and category, so the platform administrators will route it."
            ),
            title=obstacle.title,
        )
    notify(
        recipients=[by],
        subject=format_lazy(_("Your obstacle was received: {title}"), title=obstacle.title),
        body=receipt,
        link=obstacle.get_absolute_url(),
        email=False,
    )
    return obstacle


def _announce_new(obstacle: Obstacle) -> None:
    notify(
        recipients=queries.authority_admins(obstacle),
        subject=format_lazy(_("New obstacle to answer: {title}"), title=obstacle.title),
        body=format_lazy(
            _(
                "{organisation} reports an obstacle in {locality} ({category}). Answer by "
                "{deadline}."
            ),
            organisation=for_each_reader(getattr, obstacle.reporter_organisation, "display_name"),
            locality=for_each_reader(getattr, obstacle.locality, "name"),
            category=for_each_reader(obstacle.get_category_display),
            deadline=for_each_reader(format_day, obstacle.deadline),
        ),
        link=obstacle.get_absolute_url(),
    )


@transaction.atomic
def route(*, obstacle: Obstacle, authority: Organisation, by, deadline_days: int | None = None):
    """A platform administrator sends an open obstacle to an authority by hand (one no rule
    matched, or one that went to the wrong place). The owner is cleared, the status goes
    back to received and the new authority's administrators are told; the authority it
    leaves still sees the audit entry (services.base.audit)."""
    with transition(
        obstacle,
        by=by,
        permission="obstacles.route_obstacle",
        lock=locked,
        fields=AUDITED_FIELDS,
        audit=audit,
        action=AuditAction.CHANGED,
    ) as obstacle:
        if authority.pk == obstacle.authority_id:
            raise invalid(
                _("The obstacle is already with this authority."),
                ObstacleError.SAME_AUTHORITY,
                "authority",
            )
        if deadline_days is not None and not 1 <= deadline_days <= 365:
            raise invalid(
                _("Give between 1 and 365 days."), ObstacleError.INVALID_DEADLINE, "deadline_days"
            )
        obstacle.authority = authority
        obstacle.rule = None
        obstacle.owner = None
        obstacle.status = Status.RECEIVED
        obstacle.escalated_at = None
        if deadline_days is not None:
            obstacle.deadline = timezone.localdate() + dt.timedelta(days=deadline_days)
    _announce_new(obstacle)
    tell_reporter(
        obstacle,
        format_lazy(_("Your obstacle was sent to {authority}"), authority=authority.display_name),
        format_lazy(
            _("“{title}” is now with {authority}, which is to answer by {deadline}."),
            title=obstacle.title,
            authority=for_each_reader(getattr, authority, "display_name"),
            deadline=for_each_reader(format_day, obstacle.deadline),
        ),
        by=by,
    )
    return obstacle
