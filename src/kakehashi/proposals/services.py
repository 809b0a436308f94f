"""Every write to proposals. Each function runs in one transaction, checks that `by` may do
it (PermissionDenied otherwise) and raises django.core.exceptions.ValidationError (with a
code) on bad input, writing nothing. Owners (the members of the proposing organisation) are
told of what happens to their proposal in the app and by e-mail, through
kakehashi.notifications."""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.language import detect_language
from kakehashi.common.reading import title_for_reader
from kakehashi.common.uploads import files_deleted_on_failure, sniff_document_type
from kakehashi.directory.models import Country, Locality, Organisation, Sector
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.notifications.services import notify
from kakehashi.proposals.hs import validate_hs_code
from kakehashi.proposals.machine_drafts import draft_translations_later
from kakehashi.proposals.models import (
    KIND_FIELDS,
    Currency,
    ExportDetails,
    Interest,
    InterestStatus,
    InvestmentDetails,
    InvestmentForm,
    LocalityModerator,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalAttachment,
    ProposalKind,
    ProposalPartnershipType,
    ProposalStatus,
    ProposalTargetCountry,
    ScreeningWeights,
    TechnologyStage,
)
from kakehashi.proposals.screening import CRITERIA, MAX_LEVEL, MAX_WEIGHT
from kakehashi.proposals.signals import proposal_changed

VALIDITY_MONTHS = 12
MAX_ATTACHMENTS = 10
LANGUAGES = ("vi", "ja", "en")


# --- inputs ---------------------------------------------------------------------------


@dataclass
class InvestmentInput:
    industrial_zone: str = ""
    amount: Decimal | None = None
    currency: str = Currency.USD
    land_area_ha: Decimal | None = None
    investment_form: str = ""
    timeline: str = ""
    technology: int = 0
    governance: int = 0
    added_value: int = 0
    spillover: int = 0
    supply_chain: int = 0
    environment: int = 0


@dataclass
class ExportInput:
    product: str = ""
    hs_code: str = ""
    capacity: str = ""
    certifications: str = ""
    target_market: str = ""


@dataclass
class ProposalInput:
    kind: str
    title: str
    summary: str
    description: str = ""
    advantages: str = ""
    sought: str = ""
    partner_role: str = ""
    stage: str = ""
    programme_area: str = ""
    keywords: str = ""
    sectors: list[Sector] = field(default_factory=list)
    partnership_types: list[str] = field(default_factory=list)
    target_countries: list[str] = field(default_factory=list)
    target_localities: list[Locality] = field(default_factory=list)
    locality: Locality | None = None
    # Blank: detect it from the text; set: the author confirmed (or chose) it.
    language: str = ""
    is_anonymous: bool = False
    investment: InvestmentInput | None = None
    export: ExportInput | None = None


# --- helpers --------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 29th of February becomes the 28th."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _require(by, permission: str, obj=None) -> None:
    if not (by and by.is_authenticated and by.has_perm(permission, obj)):
        raise PermissionDenied


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _owners(proposal: Proposal):
    User = get_user_model()
    return User.objects.filter(
        person__memberships__organisation_id=proposal.organisation_id, is_active=True
    ).distinct()


def _members(organisation: Organisation):
    User = get_user_model()
    return User.objects.filter(
        person__memberships__organisation_id=organisation.pk, is_active=True
    ).distinct()


def _moderators(proposal: Proposal):
    """The locality moderators who review this proposal (see queries.moderated_locality_ids)."""
    place = proposal.locality
    places = {place.pk, place.successor_id, place.parent_id} - {None}
    User = get_user_model()
    return User.objects.filter(
        pk__in=LocalityModerator.objects.filter(locality_id__in=places).values("user_id"),
        is_active=True,
    )


def _tell_owners(proposal: Proposal, subject, body) -> None:
    notify(
        recipients=list(_owners(proposal)),
        subject=subject,
        body=body,
        link=proposal.get_absolute_url(),
    )


def _announce(proposal: Proposal) -> None:
    """Tell the apps on the right (matching keeps its index) once the change is committed."""
    transaction.on_commit(lambda: proposal_changed.send(sender=Proposal, proposal_id=proposal.pk))


def _invalid(message, code: str, **params):
    return ValidationError(message, code=code, params=params or None)


# --- checks ---------------------------------------------------------------------------


def _check(data: ProposalInput) -> None:
    if data.kind not in ProposalKind.values:
        raise _invalid(_("Choose the kind of proposal."), "kind_invalid")
    if not data.title.strip():
        raise _invalid(_("Give the proposal a title."), "title_missing")
    if not data.summary.strip():
        raise _invalid(_("Give the proposal a short summary."), "summary_missing")
    for name, limit in (("title", 200), ("summary", 500), ("description", 4000)):
        if len(getattr(data, name)) > limit:
            raise _invalid(
                _("The %(field)s is longer than %(limit)s characters."),
                "too_long",
                field=Proposal._meta.get_field(name).verbose_name,
                limit=limit,
            )
    if data.stage and data.stage not in TechnologyStage.values:
        raise _invalid(_("Choose a stage of development from the list."), "stage_invalid")
    if data.programme_area and data.programme_area not in ProgrammeArea.values:
        raise _invalid(_("Choose an area of the programme from the list."), "area_invalid")
    for value in data.partnership_types:
        if value not in PartnershipType.values:
            raise _invalid(
                _("“%(value)s” is not a type of partnership."),
                "partnership_type_invalid",
                value=value,
            )
    for value in data.target_countries:
        if value not in Country.values:
            raise _invalid(
                _("“%(value)s” is not a country this platform serves."),
                "country_invalid",
                value=value,
            )
    if data.language and data.language not in LANGUAGES:
        raise _invalid(_("Choose Vietnamese, Japanese or English."), "language_invalid")
    if data.kind == ProposalKind.INVESTMENT_PROJECT:
        _check_investment(data.investment or InvestmentInput())
    if data.kind == ProposalKind.EXPORT_PRODUCT:
        _check_export(data.export)


def _check_investment(details: InvestmentInput) -> None:
    for name in ("amount", "land_area_ha"):
        value = getattr(details, name)
        if value is not None and value < 0:
            raise _invalid(
                _("The %(field)s cannot be negative."),
                "negative_amount",
                field=InvestmentDetails._meta.get_field(name).verbose_name,
            )
    if details.currency not in Currency.values:
        raise _invalid(_("Choose US dollars, Vietnamese dong or Japanese yen."), "currency_invalid")
    if details.investment_form and details.investment_form not in InvestmentForm.values:
        raise _invalid(_("Choose a form of investment from the list."), "investment_form_invalid")
    for criterion in CRITERIA:
        level = getattr(details, criterion)
        if not (isinstance(level, int) and 0 <= level <= MAX_LEVEL):
            raise _invalid(
                _("Rate each criterion from 0 to %(max)s."), "level_out_of_range", max=MAX_LEVEL
            )


def _check_export(details: ExportInput | None) -> None:
    if details is None or not details.product.strip():
        raise _invalid(_("Name the product to export."), "product_missing")
    details.hs_code = validate_hs_code(details.hs_code)


def language_of(data: ProposalInput) -> tuple[str, bool]:
    """The language of the proposal's text, and whether the author chose it (else detected)."""
    if data.language:
        return data.language, True
    text = "\n".join([data.title, data.summary, data.description])
    return detect_language(text) or "en", False


SCALAR_FIELDS = (
    "kind",
    "title",
    "summary",
    "description",
    "advantages",
    "sought",
    "partner_role",
    "stage",
    "programme_area",
    "keywords",
    "is_anonymous",
)

# What the audit log compares before and after a change (a workflow step, an edit).
WORKFLOW_FIELDS = ("status", "published_on", "expires_on", "rejection_reason")
AUDITED_FIELDS = (
    *SCALAR_FIELDS,
    "locality",
    "language",
    "sectors",
    "target_localities",
    "partnership_types.type",
    "target_countries.country",
    *WORKFLOW_FIELDS,
)


def _audit(proposal: Proposal, *, by, action, before=None, after=None) -> None:
    """Record the change in the audit log; the proposal's organisation owns the entry."""
    record_change(
        obj=proposal,
        by=by,
        action=action,
        before=before,
        after=after,
        owners=[proposal.organisation_id],
    )


def _write(proposal: Proposal, data: ProposalInput) -> None:
    """Copy the input onto the proposal and replace its related rows and details."""
    for name in SCALAR_FIELDS:
        value = getattr(data, name)
        setattr(proposal, name, value.strip() if isinstance(value, str) else value)
    # A column another kind uses is emptied, so switching kind leaves nothing stale.
    for name, kinds in KIND_FIELDS.items():
        if data.kind not in kinds:
            setattr(proposal, name, "")
    proposal.language, proposal.language_confirmed = language_of(data)
    proposal.save()
    proposal.sectors.set(data.sectors)
    proposal.target_localities.set(data.target_localities)
    proposal.partnership_types.all().delete()
    ProposalPartnershipType.objects.bulk_create(
        ProposalPartnershipType(proposal=proposal, type=value)
        for value in dict.fromkeys(data.partnership_types)
    )
    proposal.target_countries.all().delete()
    ProposalTargetCountry.objects.bulk_create(
        ProposalTargetCountry(proposal=proposal, country=value)
        for value in dict.fromkeys(data.target_countries)
    )
    InvestmentDetails.objects.filter(proposal=proposal).delete()
    ExportDetails.objects.filter(proposal=proposal).delete()
    if data.kind == ProposalKind.INVESTMENT_PROJECT:
        InvestmentDetails.objects.create(
            proposal=proposal, **vars(data.investment or InvestmentInput())
        )
    elif data.kind == ProposalKind.EXPORT_PRODUCT:
        ExportDetails.objects.create(proposal=proposal, **vars(data.export))


# --- editing ----------------------------------------------------------------------------


@transaction.atomic
def create_proposal(*, data: ProposalInput, organisation: Organisation, by) -> Proposal:
    """A new draft of `organisation`, which `by` acts for. Its language is detected from the
    text unless the author chose it; its locality defaults to the organisation's."""
    if not (organisation.pk in organisation_ids_of(by) or is_platform_admin(by)):
        raise PermissionDenied
    _check(data)
    locality = data.locality or organisation.locality
    if locality is None:
        raise _invalid(
            _("Say where the proposal is from: the organisation has no locality."),
            "locality_missing",
        )
    proposal = Proposal(organisation=organisation, locality=locality, created_by=by)
    _write(proposal, data)
    _audit(proposal, by=by, action=AuditAction.CREATED, after=snapshot(proposal, AUDITED_FIELDS))
    return proposal


@transaction.atomic
def update_proposal(*, proposal: Proposal, data: ProposalInput, by) -> Proposal:
    """Replace a draft's (or a rejected proposal's) content; its owners only."""
    proposal = _locked(proposal)
    _require(by, "proposals.change_proposal", proposal)
    _check(data)
    before = snapshot(proposal, AUDITED_FIELDS)
    if data.locality is not None:
        proposal.locality = data.locality
    _write(proposal, data)
    _audit(proposal, by=by, action=AuditAction.CHANGED, before=before)
    return proposal


def add_attachment(*, proposal: Proposal, title: str, upload, by) -> ProposalAttachment:
    """Store a PDF or image after checking its content and size. When the audit entry cannot
    be written, the stored file is deleted with the row."""
    with files_deleted_on_failure() as track, transaction.atomic():
        proposal = _locked(proposal)
        _require(by, "proposals.change_proposal", proposal)
        content_type = sniff_document_type(upload)
        if not title.strip():
            raise _invalid(_("Give the attachment a title."), "title_missing")
        if proposal.attachments.count() >= MAX_ATTACHMENTS:
            raise _invalid(
                _("A proposal has at most %(max)s attachments."),
                "too_many_attachments",
                max=MAX_ATTACHMENTS,
            )
        attachment = ProposalAttachment(
            proposal=proposal,
            title=title.strip()[:200],
            file=upload,
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )
        track(attachment.file)  # before save(): a refused INSERT is covered too
        attachment.save()
        _audit(proposal, by=by, action=AuditAction.ADDED, after={"attachments": [attachment.title]})
    return attachment


@transaction.atomic
def remove_attachment(*, attachment: ProposalAttachment, by) -> None:
    _require(by, "proposals.change_proposal", attachment.proposal)
    stored = attachment.file
    _audit(
        attachment.proposal,
        by=by,
        action=AuditAction.REMOVED,
        before={"attachments": [attachment.title]},
    )
    attachment.delete()
    transaction.on_commit(lambda: stored.delete(save=False))


# --- workflow ---------------------------------------------------------------------------


@transaction.atomic
def submit(*, proposal: Proposal, by) -> Proposal:
    """Draft (or rejected) → submitted. The locality's moderators are told."""
    proposal = _locked(proposal)
    _require(by, "proposals.submit_proposal", proposal)
    before = snapshot(proposal, WORKFLOW_FIELDS)
    proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted_at = timezone.now()
    proposal.rejection_reason = ""
    proposal.save()
    _audit(proposal, by=by, action=AuditAction.STATUS, before=before)
    notify(
        recipients=list(_moderators(proposal)),
        subject=format_lazy(
            _("A proposal awaits your review: {title}"), title=title_for_reader(proposal)
        ),
        body=format_lazy(
            _("{organisation} submitted “{title}”. Please publish it or reject it with a reason."),
            organisation=proposal.organisation.name,
            title=title_for_reader(proposal),
        ),
        link=proposal.get_absolute_url(),
    )
    return proposal


@transaction.atomic
def publish(*, proposal: Proposal, by, today: dt.date | None = None) -> Proposal:
    """Submitted → published for 12 months, by a moderator of its locality. Once committed,
    the missing translations are drafted by machine in the background (when a translation
    service is configured)."""
    proposal = _locked(proposal)
    _require(by, "proposals.review_proposal", proposal)
    before = snapshot(proposal, WORKFLOW_FIELDS)
    today = today or timezone.localdate()
    proposal.status = ProposalStatus.PUBLISHED
    proposal.published_on = today
    proposal.expires_on = add_months(today, VALIDITY_MONTHS)
    proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    proposal.save()
    _audit(proposal, by=by, action=AuditAction.STATUS, before=before)
    _announce(proposal)
    draft_translations_later(proposal)
    _tell_owners(
        proposal,
        format_lazy(_("Your proposal is published: {title}"), title=title_for_reader(proposal)),
        format_lazy(
            _("“{title}” is published until {date}. You can renew it before then."),
            title=title_for_reader(proposal),
            date=proposal.expires_on.isoformat(),
        ),
    )
    return proposal


@transaction.atomic
def reject(*, proposal: Proposal, by, reason: str) -> Proposal:
    """Submitted → rejected with a reason the owners read; they may edit and resubmit."""
    reason = (reason or "").strip()
    if not reason:
        raise _invalid(_("Say why the proposal is rejected."), "reason_missing")
    proposal = _locked(proposal)
    _require(by, "proposals.review_proposal", proposal)
    before = snapshot(proposal, WORKFLOW_FIELDS)
    proposal.status = ProposalStatus.REJECTED
    proposal.rejection_reason = reason[:2000]
    proposal.reviewed_by, proposal.reviewed_at = by, timezone.now()
    proposal.save()
    _audit(proposal, by=by, action=AuditAction.STATUS, before=before)
    _tell_owners(
        proposal,
        format_lazy(
            _("Your proposal was not published: {title}"), title=title_for_reader(proposal)
        ),
        format_lazy(
            _(
                "The moderator gave this reason: {reason}\n"
                "You can edit the proposal and submit it again."
            ),
            reason=proposal.rejection_reason,
        ),
    )
    return proposal


@transaction.atomic
def withdraw(*, proposal: Proposal, by) -> Proposal:
    """Submitted or published → withdrawn, by its owners."""
    proposal = _locked(proposal)
    _require(by, "proposals.withdraw_proposal", proposal)
    before = snapshot(proposal, WORKFLOW_FIELDS)
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.save()
    _audit(proposal, by=by, action=AuditAction.STATUS, before=before)
    _announce(proposal)
    return proposal


@transaction.atomic
def renew(*, proposal: Proposal, by, today: dt.date | None = None) -> Proposal:
    """Published or expired → published for 12 more months, counted from the current expiry
    date if it is still ahead, otherwise from today."""
    proposal = _locked(proposal)
    _require(by, "proposals.renew_proposal", proposal)
    before = snapshot(proposal, WORKFLOW_FIELDS)
    today = today or timezone.localdate()
    start = max(today, proposal.expires_on or today)
    proposal.status = ProposalStatus.PUBLISHED
    proposal.published_on = proposal.published_on or today
    proposal.expires_on = add_months(start, VALIDITY_MONTHS)
    proposal.save()
    _audit(proposal, by=by, action=AuditAction.STATUS, before=before)
    _announce(proposal)
    _tell_owners(
        proposal,
        format_lazy(_("Your proposal is renewed: {title}"), title=title_for_reader(proposal)),
        format_lazy(
            _("“{title}” is now published until {date}."),
            title=title_for_reader(proposal),
            date=proposal.expires_on.isoformat(),
        ),
    )
    return proposal


@transaction.atomic
def archive(*, proposal: Proposal, by) -> Proposal:
    """Any state → archived (kept for the record, shown to owners and moderators only)."""
    proposal = _locked(proposal)
    _require(by, "proposals.archive_proposal", proposal)
    before = snapshot(proposal, WORKFLOW_FIELDS)
    proposal.status = ProposalStatus.ARCHIVED
    proposal.save()
    _audit(proposal, by=by, action=AuditAction.STATUS, before=before)
    _announce(proposal)
    return proposal


def expire_due(*, today: dt.date | None = None) -> int:
    """Published proposals whose expiry date has come → expired; owners are told. Returns
    how many expired. Idempotent: run it daily (`kakehashi expire_proposals`)."""
    today = today or timezone.localdate()
    count = 0
    due = Proposal.objects.filter(status=ProposalStatus.PUBLISHED, expires_on__lte=today)
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            proposal = Proposal.objects.select_for_update().get(pk=pk)
            if proposal.status != ProposalStatus.PUBLISHED or proposal.expires_on > today:
                continue
            before = snapshot(proposal, WORKFLOW_FIELDS)
            proposal.status = ProposalStatus.EXPIRED
            proposal.save()
            _audit(proposal, by=None, action=AuditAction.STATUS, before=before)
            _announce(proposal)
            _tell_owners(
                proposal,
                format_lazy(
                    _("Your proposal has expired: {title}"), title=title_for_reader(proposal)
                ),
                format_lazy(
                    _("“{title}” is no longer public. Renew it to publish it for 12 more months."),
                    title=title_for_reader(proposal),
                ),
            )
            count += 1
    return count


# --- interest ---------------------------------------------------------------------------


@transaction.atomic
def express_interest(
    *, proposal: Proposal, organisation: Organisation, by, message: str
) -> Interest:
    """`organisation` (which `by` acts for) tells a published proposal's owners it is
    interested. One open interest per organisation and proposal (the database enforces it)."""
    proposal = _locked(proposal)
    if proposal.status != ProposalStatus.PUBLISHED:
        raise _invalid(_("Only published proposals take expressions of interest."), "not_published")
    if organisation.pk not in organisation_ids_of(by):
        raise PermissionDenied
    if organisation.pk == proposal.organisation_id:
        raise _invalid(_("This is your own organisation's proposal."), "own_proposal")
    message = (message or "").strip()
    if not message:
        raise _invalid(_("Write a few words to the owner."), "message_missing")
    if len(message) > 2000:
        raise _invalid(_("The message is longer than 2,000 characters."), "too_long")
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                proposal=proposal, organisation=organisation, message=message, created_by=by
            )
    except IntegrityError as error:
        raise _invalid(
            _("Your organisation has already expressed interest in this proposal."),
            "interest_exists",
        ) from error
    _tell_owners(
        proposal,
        format_lazy(_("New interest in your proposal: {title}"), title=title_for_reader(proposal)),
        format_lazy(
            _("{organisation} wrote: {message}\nAccept contact to let them see who you are."),
            organisation=organisation.name,
            message=message,
        ),
    )
    return interest


def _decide(interest: Interest, by, status: str) -> Interest:
    interest = Interest.objects.select_for_update().select_related("proposal").get(pk=interest.pk)
    _require(by, "proposals.manage_interests", interest.proposal)
    if interest.status != InterestStatus.PENDING:
        raise _invalid(
            _("This expression of interest has been answered already."), "already_answered"
        )
    interest.status = status
    interest.decided_by, interest.decided_at = by, timezone.now()
    interest.save()
    return interest


@transaction.atomic
def accept_contact(*, interest: Interest, by) -> Interest:
    """The owners accept contact: the interested organisation now sees who they are (and
    only that organisation, if the proposal is anonymous) and is told."""
    interest = _decide(interest, by, InterestStatus.ACCEPTED)
    proposal = interest.proposal
    notify(
        recipients=list(_members(interest.organisation)),
        subject=format_lazy(_("Contact accepted: {title}"), title=title_for_reader(proposal)),
        body=format_lazy(
            _("{organisation}, which published “{title}”, accepted your request for contact."),
            organisation=proposal.organisation.name,
            title=title_for_reader(proposal),
        ),
        link=proposal.get_absolute_url(),
    )
    return interest


@transaction.atomic
def decline_contact(*, interest: Interest, by) -> Interest:
    """The owners decline; the interested organisation is told (the owner stays hidden)."""
    interest = _decide(interest, by, InterestStatus.DECLINED)
    proposal = interest.proposal
    notify(
        recipients=list(_members(interest.organisation)),
        subject=format_lazy(_("Contact declined: {title}"), title=title_for_reader(proposal)),
        body=format_lazy(
            _("The owner of “{title}” declined your request for contact."),
            title=title_for_reader(proposal),
        ),
        link=proposal.get_absolute_url(),
    )
    return interest


# --- screening weights ------------------------------------------------------------------


@transaction.atomic
def set_screening_weights(*, locality: Locality, weights: dict[str, int], by) -> ScreeningWeights:
    """A locality's moderators weigh the six criteria (0–10 each, not all zero)."""
    _require(by, "proposals.set_weights", locality)
    for criterion in CRITERIA:
        value = weights.get(criterion)
        if not (isinstance(value, int) and 0 <= value <= MAX_WEIGHT):
            raise _invalid(
                _("Give each criterion a weight from 0 to %(max)s."),
                "weight_out_of_range",
                max=MAX_WEIGHT,
            )
    if not any(weights[criterion] for criterion in CRITERIA):
        raise _invalid(_("Give at least one criterion a weight above 0."), "weights_all_zero")
    row, _created = ScreeningWeights.objects.update_or_create(
        locality=locality,
        defaults={**{c: weights[c] for c in CRITERIA}, "updated_by": by},
    )
    return row
