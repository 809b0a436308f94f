"""Every write to the obstacle tracker. Each function runs in one transaction, checks that
`by` may do it (PermissionDenied otherwise) and raises django.core.exceptions.ValidationError
(with a code) on bad input, writing nothing. Side effects are notices through
kakehashi.notifications (in the app and by e-mail):

- filing: the authority's administrators hear of the new obstacle (the platform
  administrators when no rule matched); the reporter gets a receipt naming who answers;
- assign, start, resolve, cannot_resolve: the reporter hears of the progress (and a new owner
  of the assignment);
- reopen and comments: the other side hears of it;
- escalate_overdue: the authority's administrators hear once of each overdue obstacle.
"""

import datetime as dt
from dataclasses import dataclass, field

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.language import detect_language
from kakehashi.common.uploads import sniff_document_type
from kakehashi.directory.models import Locality, Organisation
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.notifications.services import notify
from kakehashi.obstacles import queries
from kakehashi.obstacles.models import (
    ANY_CATEGORY,
    Attachment,
    Category,
    Comment,
    Obstacle,
    RoutingRule,
    Status,
)

# Days to answer when no rule matched (the platform administrators route it by hand).
FALLBACK_DEADLINE_DAYS = 30
MAX_ATTACHMENTS = 10
LANGUAGES = ("vi", "ja", "en")


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


def _require(by, permission: str, obj=None) -> None:
    # rules.has_perm asks our predicates only: a superuser's blanket has_perm would skip the
    # status checks (a platform administrator may not resolve an obstacle never assigned).
    if not (by and by.is_authenticated and rules.has_perm(permission, by, obj)):
        raise PermissionDenied


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
    "is_public",
    "escalated_at",
    "closed_at",
)


def _audit(obstacle, *, by, action, before=None, after=None, extra_owners=()) -> None:
    """One audit entry, seen by the reporting organisation and the authority."""
    owners = [obstacle.reporter_organisation_id, obstacle.authority_id, *extra_owners]
    record_change(
        obj=obstacle,
        by=by,
        action=action,
        before=before,
        after=after,
        owners=[owner for owner in owners if owner],
    )


def _invalid(message, code: str, field_name: str | None = None, **params) -> ValidationError:
    error = ValidationError(message, code=code, params=params or None)
    return ValidationError({field_name: [error]}) if field_name else error


def _locked(obstacle: Obstacle) -> Obstacle:
    # Lock the obstacle row only: the authority is optional (an outer join), which
    # PostgreSQL does not lock.
    return (
        Obstacle.objects.select_for_update(of=("self",))
        .select_related("authority")
        .get(pk=obstacle.pk)
    )


def _tell_reporter(obstacle: Obstacle, subject, body, *, by=None) -> None:
    if obstacle.reporter_id and obstacle.reporter_id != getattr(by, "pk", None):
        notify(
            recipients=[obstacle.reporter],
            subject=subject,
            body=body,
            link=obstacle.get_absolute_url(),
        )


def _check_attachment(title: str, upload) -> str:
    content_type = sniff_document_type(upload)
    if not title.strip():
        raise _invalid(_("Give the attachment a title."), "title_missing", "title")
    return content_type


def _store_attachment(obstacle, title, upload, content_type, by) -> Attachment:
    return Attachment.objects.create(
        obstacle=obstacle,
        title=title.strip()[:200],
        file=upload,
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )


# --- filing and routing ------------------------------------------------------------------


def _check(data: ObstacleInput, by) -> None:
    errors = {}
    if not data.title.strip():
        errors["title"] = _invalid(_("Give the obstacle a title."), "title_missing")
    if data.category not in Category.values:
        errors["category"] = _invalid(_("Choose a category."), "invalid_category")
    if data.locality is None:
        errors["locality"] = _invalid(_("Choose the locality concerned."), "locality_missing")
    if not data.description.strip():
        errors["description"] = _invalid(
            _("Describe the obstacle: what blocks you, since when, what you tried."),
            "description_missing",
        )
    if data.language and data.language not in LANGUAGES:
        errors["language"] = _invalid(_("Choose Vietnamese, Japanese or English."), "language")
    if data.proposal is not None and not by.has_perm("proposals.view_proposal", data.proposal):
        errors["proposal"] = _invalid(_("You may not see this proposal."), "unknown_proposal")
    if len(data.attachments) > MAX_ATTACHMENTS:
        errors["attachments"] = _invalid(
            _("An obstacle has at most %(max)s attachments."),
            "too_many_attachments",
            max=MAX_ATTACHMENTS,
        )
    if errors:
        raise ValidationError({name: [error] for name, error in errors.items()})


@transaction.atomic
def file_obstacle(*, data: ObstacleInput, organisation: Organisation, by) -> Obstacle:
    """A member of `organisation` files an obstacle. It is routed at once by the most specific
    rule (queries.rule_for): authority and deadline come from the rule, status received. When
    no rule matches, it waits in the platform administrators' queue with the fallback
    deadline. Attachments are checked before anything is written."""
    _require(by, "obstacles.add_obstacle")
    if organisation.pk not in organisation_ids_of(by):
        raise PermissionDenied
    _check(data, by)
    checked = []
    for title, upload in data.attachments:
        try:
            checked.append((title, upload, _check_attachment(title, upload)))
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
        _store_attachment(obstacle, title, upload, content_type, by)
    _audit(obstacle, by=by, action=AuditAction.CREATED, after=snapshot(obstacle, AUDITED_FIELDS))
    _announce_new(obstacle)
    if rule:
        receipt = format_lazy(
            _("“{title}” was received and sent to {authority}, which is to answer by {deadline}."),
            title=obstacle.title,
            authority=rule.authority.display_name,
            deadline=obstacle.deadline.isoformat(),
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
            organisation=obstacle.reporter_organisation.display_name,
            locality=obstacle.locality.name_en,
            category=obstacle.get_category_display(),
            deadline=obstacle.deadline.isoformat(),
        ),
        link=obstacle.get_absolute_url(),
    )


@transaction.atomic
def route(*, obstacle: Obstacle, authority: Organisation, by, deadline_days: int | None = None):
    """A platform administrator sends an open obstacle to an authority by hand (one no rule
    matched, or one that went to the wrong place). The owner is cleared, the status goes
    back to received and the new authority's administrators are told."""
    obstacle = _locked(obstacle)
    _require(by, "obstacles.route_obstacle", obstacle)
    before, old_authority = snapshot(obstacle, AUDITED_FIELDS), obstacle.authority_id
    if authority.pk == obstacle.authority_id:
        raise _invalid(
            _("The obstacle is already with this authority."), "same_authority", "authority"
        )
    obstacle.authority = authority
    obstacle.rule = None
    obstacle.owner = None
    obstacle.status = Status.RECEIVED
    obstacle.escalated_at = None
    if deadline_days is not None:
        if not 1 <= deadline_days <= 365:
            raise _invalid(_("Give between 1 and 365 days."), "invalid_deadline", "deadline_days")
        obstacle.deadline = timezone.localdate() + dt.timedelta(days=deadline_days)
    obstacle.save()
    # The authority it was taken from still sees the entry.
    _audit(obstacle, by=by, action=AuditAction.CHANGED, before=before, extra_owners=[old_authority])
    _announce_new(obstacle)
    _tell_reporter(
        obstacle,
        format_lazy(_("Your obstacle was sent to {authority}"), authority=authority.display_name),
        format_lazy(
            _("“{title}” is now with {authority}, which is to answer by {deadline}."),
            title=obstacle.title,
            authority=authority.display_name,
            deadline=obstacle.deadline.isoformat(),
        ),
        by=by,
    )
    return obstacle


# --- workflow ------------------------------------------------------------------------------


@transaction.atomic
def assign(*, obstacle: Obstacle, owner, by) -> Obstacle:
    """Give an open obstacle an owner, a member of the responsible authority. Received →
    assigned; an obstacle already in progress keeps its status. The new owner (unless they
    assigned themselves) and the reporter are told."""
    obstacle = _locked(obstacle)
    _require(by, "obstacles.assign_obstacle", obstacle)
    before = snapshot(obstacle, AUDITED_FIELDS)
    if owner is None or not queries.is_member_of(owner, obstacle.authority_id):
        raise _invalid(
            _("The owner must be a member of the responsible authority."),
            "owner_not_member",
            "owner",
        )
    if obstacle.owner_id == owner.pk:
        raise _invalid(_("This person already owns the obstacle."), "same_owner", "owner")
    obstacle.owner = owner
    if obstacle.status == Status.RECEIVED:
        obstacle.status = Status.ASSIGNED
    obstacle.save()
    _audit(obstacle, by=by, action=AuditAction.STATUS, before=before)
    if owner.pk != by.pk:
        notify(
            recipients=[owner],
            subject=format_lazy(_("An obstacle is yours to answer: {title}"), title=obstacle.title),
            body=format_lazy(_("Answer by {deadline}."), deadline=obstacle.deadline.isoformat()),
            link=obstacle.get_absolute_url(),
        )
    _tell_reporter(
        obstacle,
        format_lazy(_("Your obstacle has an owner: {title}"), title=obstacle.title),
        format_lazy(
            _("{authority} has given “{title}” to {owner}."),
            authority=obstacle.authority.display_name,
            title=obstacle.title,
            owner=owner.get_full_name() or owner.email,
        ),
        by=by,
    )
    return obstacle


@transaction.atomic
def start(*, obstacle: Obstacle, by) -> Obstacle:
    """Assigned → in progress; the reporter is told."""
    obstacle = _locked(obstacle)
    _require(by, "obstacles.start_obstacle", obstacle)
    before = snapshot(obstacle, AUDITED_FIELDS)
    obstacle.status = Status.IN_PROGRESS
    obstacle.save()
    _audit(obstacle, by=by, action=AuditAction.STATUS, before=before)
    _tell_reporter(
        obstacle,
        format_lazy(_("Work has started on your obstacle: {title}"), title=obstacle.title),
        format_lazy(
            _("{authority} is working on “{title}”."),
            authority=obstacle.authority.display_name,
            title=obstacle.title,
        ),
        by=by,
    )
    return obstacle


def _close(obstacle, status, reason: str, summary: str, is_public: bool | None, by, subject):
    """Close the obstacle with its reason (and public summary) and tell the reporter."""
    obstacle = _locked(obstacle)
    _require(by, "obstacles.close_obstacle", obstacle)
    reason, summary = reason.strip(), summary.strip()
    if not reason:
        raise _invalid(
            _("Say how it was resolved, or why it cannot be."), "reason_missing", "reason"
        )
    if is_public is None:
        is_public = bool(summary)
    if is_public and not summary:
        raise _invalid(
            _("Write the public summary before making it public."),
            "summary_missing",
            "public_summary",
        )
    before = snapshot(obstacle, AUDITED_FIELDS)
    obstacle.status = status
    obstacle.resolution_reason = reason
    obstacle.public_summary = summary
    obstacle.is_public = is_public
    obstacle.closed_at = timezone.now()
    obstacle.save()
    _audit(obstacle, by=by, action=AuditAction.STATUS, before=before)
    _tell_reporter(
        obstacle,
        subject,
        format_lazy(
            _("{authority}: {reason}"),
            authority=obstacle.authority.display_name,
            reason=obstacle.resolution_reason,
        ),
        by=by,
    )
    return obstacle


@transaction.atomic
def resolve(
    *, obstacle: Obstacle, reason: str, by, public_summary: str = "", is_public=None
) -> Obstacle:
    """Assigned or in progress → resolved, with how (required) and an optional public
    summary (public unless `is_public` is False). The reporter is told."""
    subject = format_lazy(_("Your obstacle is resolved: {title}"), title=obstacle.title)
    return _close(obstacle, Status.RESOLVED, reason, public_summary, is_public, by, subject)


@transaction.atomic
def cannot_resolve(
    *, obstacle: Obstacle, reason: str, by, public_summary: str = "", is_public=None
) -> Obstacle:
    """Assigned or in progress → cannot be resolved, with the reason (required). The reporter
    is told."""
    subject = format_lazy(_("Your obstacle cannot be resolved: {title}"), title=obstacle.title)
    return _close(obstacle, Status.UNRESOLVABLE, reason, public_summary, is_public, by, subject)


@transaction.atomic
def reopen(*, obstacle: Obstacle, by) -> Obstacle:
    """A closed obstacle goes back to its owner (assigned; received if it has none), with
    as many days to answer as it had at first, counted from today. The reason and public
    summary are cleared. The other side is told."""
    obstacle = _locked(obstacle)
    _require(by, "obstacles.reopen_obstacle", obstacle)
    before = snapshot(obstacle, AUDITED_FIELDS)
    span = max((obstacle.deadline - timezone.localdate(obstacle.created_at)).days, 1)
    obstacle.status = Status.ASSIGNED if obstacle.owner_id else Status.RECEIVED
    obstacle.resolution_reason = ""
    obstacle.public_summary = ""
    obstacle.is_public = False
    obstacle.closed_at = None
    obstacle.escalated_at = None
    obstacle.deadline = timezone.localdate() + dt.timedelta(days=span)
    obstacle.save()
    _audit(obstacle, by=by, action=AuditAction.STATUS, before=before)
    subject = format_lazy(_("An obstacle was reopened: {title}"), title=obstacle.title)
    body = format_lazy(_("Answer by {deadline}."), deadline=obstacle.deadline.isoformat())
    handlers = [obstacle.owner] if obstacle.owner_id else queries.authority_admins(obstacle)
    notify(
        recipients=[user for user in handlers if user.pk != by.pk],
        subject=subject,
        body=body,
        link=obstacle.get_absolute_url(),
    )
    _tell_reporter(obstacle, subject, body, by=by)
    return obstacle


@transaction.atomic
def add_comment(*, obstacle: Obstacle, body: str, by) -> Comment:
    """A participant comments. A comment from the authority's side reaches the reporter; one
    from the reporter's side reaches the owner (or the authority's administrators)."""
    obstacle = Obstacle.objects.select_related("owner", "reporter", "authority").get(pk=obstacle.pk)
    _require(by, "obstacles.comment_obstacle", obstacle)
    body = body.strip()
    if not body:
        raise _invalid(_("Write a comment."), "comment_empty", "body")
    comment = Comment.objects.create(obstacle=obstacle, author=by, body=body[:4000])
    # The text stays with the obstacle; the log says only that a comment was added.
    _audit(obstacle, by=by, action=AuditAction.ADDED, after={"comments": 1})
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


@transaction.atomic
def add_attachment(*, obstacle: Obstacle, title: str, upload, by) -> Attachment:
    """A participant attaches a PDF or image to an open obstacle, checked by content and
    size."""
    obstacle = _locked(obstacle)
    _require(by, "obstacles.attach_obstacle", obstacle)
    content_type = _check_attachment(title, upload)
    if obstacle.attachments.count() >= MAX_ATTACHMENTS:
        raise _invalid(
            _("An obstacle has at most %(max)s attachments."),
            "too_many_attachments",
            max=MAX_ATTACHMENTS,
        )
    attachment = _store_attachment(obstacle, title, upload, content_type, by)
    _audit(obstacle, by=by, action=AuditAction.ADDED, after={"attachments": [attachment.title]})
    return attachment


# --- escalation ------------------------------------------------------------------------------


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
            _audit(
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
                    organisation=obstacle.reporter_organisation.display_name,
                    deadline=obstacle.deadline.isoformat(),
                    status=obstacle.get_status_display(),
                ),
                link=obstacle.get_absolute_url(),
            )
            count += 1
    return count


# --- routing rules ------------------------------------------------------------------------


@transaction.atomic
def save_rule(
    *,
    by,
    authority: Organisation,
    category: str = ANY_CATEGORY,
    locality: Locality | None = None,
    country: str = "",
    deadline_days: int = 30,
    rule: RoutingRule | None = None,
) -> RoutingRule:
    """Create (or change) a routing rule; platform administrators only. A rule names a unit
    in force today (former units are covered through it) or, without a locality, a whole
    country."""
    _require(by, "obstacles.manage_rules")
    errors = {}
    if locality is not None and not locality.is_current:
        errors["locality"] = _invalid(
            _("Choose the unit in force today; its former units are covered through it."),
            "former_locality",
        )
    country = locality.country if locality is not None else country
    if not country:
        errors["country"] = _invalid(
            _("Choose a locality, or a country for a country-wide rule."), "country_missing"
        )
    if category != ANY_CATEGORY and category not in Category.values:
        errors["category"] = _invalid(_("Choose a category."), "invalid_category")
    if not 1 <= deadline_days <= 365:
        errors["deadline_days"] = _invalid(_("Give between 1 and 365 days."), "invalid_deadline")
    if not errors:
        clash = RoutingRule.objects.filter(category=category)
        clash = (
            clash.filter(locality=locality)
            if locality is not None
            else clash.filter(locality__isnull=True, country=country)
        )
        if rule is not None:
            clash = clash.exclude(pk=rule.pk)
        if clash.exists():
            errors["category"] = _invalid(
                _("A rule for this place and category exists already."), "duplicate_rule"
            )
    if errors:
        raise ValidationError({name: [error] for name, error in errors.items()})
    rule = rule or RoutingRule()
    rule.locality = locality
    rule.country = country
    rule.category = category
    rule.authority = authority
    rule.deadline_days = deadline_days
    rule.save()
    return rule


@transaction.atomic
def delete_rule(*, rule: RoutingRule, by) -> None:
    _require(by, "obstacles.manage_rules")
    rule.delete()
