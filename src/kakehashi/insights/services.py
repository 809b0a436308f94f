"""Every write of the insights app: recording what followed a meeting, an expression of
interest or a conversation. One transaction each; bad input raises ValidationError (with a
code) and writes nothing."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.formats import format_day
from kakehashi.common.i18n import for_each_reader, reader_language
from kakehashi.directory.models import Locality, Organisation
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.events.models import Meeting, MeetingStatus
from kakehashi.events.queries import organises
from kakehashi.events.services.meetings import audit_meeting
from kakehashi.insights.errors import InsightError
from kakehashi.insights.models import Outcome, OutcomeCurrency, OutcomeKind
from kakehashi.messaging.models import Thread
from kakehashi.messaging.queries import membership
from kakehashi.notifications.services import notify
from kakehashi.partnerships import services as partnership_services
from kakehashi.partnerships.models import PartnershipKind
from kakehashi.proposals.models import Interest, InterestStatus

# The input that a refusal is about, by its code (the others are about the whole request).
FIELD_OF_ERROR = {
    InsightError.AMOUNT_MISSING: "amount",
    InsightError.AMOUNT_INVALID: "amount",
    InsightError.CURRENCY_INVALID: "currency",
    InsightError.DATE_IN_FUTURE: "occurred_on",
    InsightError.LOCALITY_MISSING: "locality",
}


def _parties(*, meeting: Meeting | None, interest: Interest | None, thread: Thread | None):
    """The organisations on both sides: a meeting's delegations, a proposal's owner and the
    organisation that expressed interest in it, or a thread's parties."""
    if meeting is not None:
        return list(
            Organisation.objects.filter(registrations__meeting_seats__meeting=meeting)
            .select_related("locality")
            .order_by("registrations__meeting_seats__pk")
        )
    if interest is not None:
        return [interest.proposal.organisation, interest.organisation]
    return list(
        Organisation.objects.filter(thread_parties__thread=thread)
        .select_related("locality")
        .order_by("thread_parties__pk")
    )


def outcome_source(*, meeting=None, interest=None, thread=None) -> dict:
    """What an outcome recorded from these follows, as record_outcome's keyword arguments.

    A thread opened about a held meeting or about a proposal whose owner accepted the other
    party's interest records its outcome on that meeting or that interest, so that it counts
    for the event or the proposal's sectors like the ones recorded there."""
    if thread is None:
        return {"meeting": meeting, "interest": interest, "thread": None}
    if thread.meeting_id and thread.meeting.status == MeetingStatus.HELD:
        return {"meeting": thread.meeting, "interest": None, "thread": None}
    if thread.proposal_id:
        accepted = (
            Interest.objects.filter(
                proposal_id=thread.proposal_id,
                status=InterestStatus.ACCEPTED,
                organisation__thread_parties__thread=thread,
            )
            .select_related("proposal__organisation", "organisation")
            .first()
        )
        if accepted is not None:
            return {"meeting": None, "interest": accepted, "thread": None}
    return {"meeting": None, "interest": None, "thread": thread}


def check_source(*, by, meeting=None, interest=None, thread=None) -> list[Organisation]:
    """The organisations involved, once `by` may record what followed this source (a held
    meeting, an accepted interest, a thread `by` is a member of); ValidationError otherwise."""
    if sum(source is not None for source in (meeting, interest, thread)) != 1:
        raise ValidationError(
            _("An outcome follows one meeting, one expression of interest or one conversation."),
            code=InsightError.SOURCE_MISSING,
        )
    parties = _parties(meeting=meeting, interest=interest, thread=thread)
    own = organisation_ids_of(by)
    if thread is not None:
        # Members only, like every read of a thread: colleagues outside it are not told.
        allowed = membership(by, thread) is not None
    else:
        allowed = bool(own & {party.pk for party in parties}) or is_platform_admin(by)
    if meeting is not None:
        allowed = allowed or organises(by, meeting.event)
    if not allowed:
        raise ValidationError(
            _("Only the parties involved can record what followed."), code=InsightError.NOT_A_PARTY
        )
    if meeting is not None and meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            _("Outcomes are recorded for meetings that were held."), code=InsightError.NOT_HELD
        )
    if interest is not None and interest.status != InterestStatus.ACCEPTED:
        raise ValidationError(
            _("Outcomes are recorded once the contact was accepted."),
            code=InsightError.NOT_ACCEPTED,
        )
    return parties


def default_locality(*, parties: list[Organisation], interest: Interest | None = None):
    """Where an outcome happened unless told: the proposal's locality, else the first
    Vietnamese party's, else the first party's."""
    if interest is not None:
        return interest.proposal.locality
    vietnamese = [party for party in parties if party.country == "VN" and party.locality_id]
    located = vietnamese or [party for party in parties if party.locality_id]
    return located[0].locality if located else None


def _clean_amount(kind: str, amount, currency: str) -> tuple[Decimal | None, str]:
    if amount in (None, ""):
        if kind == OutcomeKind.INVESTMENT:
            raise ValidationError(
                _("Give the amount and the currency of the investment."),
                code=InsightError.AMOUNT_MISSING,
            )
        return None, ""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError(
            _("The amount must be a number."), code=InsightError.AMOUNT_INVALID
        ) from error
    if not value.is_finite() or value < 0 or value >= Decimal("1e16"):
        raise ValidationError(
            _("The amount must be zero or more, below 10 quadrillion."),
            code=InsightError.AMOUNT_INVALID,
        )
    if currency not in OutcomeCurrency.values:
        raise ValidationError(
            _("Choose the currency of the amount."), code=InsightError.CURRENCY_INVALID
        )
    return value.quantize(Decimal("0.01")), currency


@transaction.atomic
def record_outcome(
    *,
    kind: str,
    by,
    occurred_on: dt.date,
    meeting: Meeting | None = None,
    interest: Interest | None = None,
    thread: Thread | None = None,
    locality: Locality | None = None,
    amount=None,
    currency: str = "",
    note: str = "",
    partnership_title: str = "",
    publish_partnership: bool = False,
    is_public: bool = True,
    is_demo: bool = False,
) -> Outcome:
    """Record a result that followed a held meeting, an accepted expression of interest or
    a message thread (pass the thread through `outcome_source` first).

    Only members of the organisations involved (and, for a meeting, the event's organisers
    and platform administrators; for a thread, its members only) may. The locality defaults
    to the proposal's, or to the first Vietnamese party's. For a signed MoU, the partnership
    record is created through partnerships.services between the organisations involved
    (unpublished unless `publish_partnership`), and linked from the outcome. The outcome of a
    meeting or an interest is written to that meeting's or proposal's audit trail, and the
    other parties are told (`_tell_parties`)."""
    if kind not in OutcomeKind.values:
        raise ValidationError(_("Unknown outcome."), code=InsightError.OUTCOME_UNKNOWN)
    parties = check_source(by=by, meeting=meeting, interest=interest, thread=thread)
    if occurred_on > timezone.localdate():
        raise ValidationError(
            _("The date cannot be in the future."), code=InsightError.DATE_IN_FUTURE
        )
    value, currency = _clean_amount(kind, amount, currency)
    locality = locality or default_locality(parties=parties, interest=interest)
    if locality is None:
        raise ValidationError(
            _("Choose the locality of the outcome."), code=InsightError.LOCALITY_MISSING
        )
    partnership = None
    if kind == OutcomeKind.MOU_SIGNED:
        names = [party.name for party in parties[:2]]
        title = partnership_title.strip() or _("MoU between %(first)s and %(second)s") % {
            "first": names[0],
            "second": names[-1],
        }
        partnership = partnership_services.create_partnership(
            data=partnership_services.PartnershipInput(
                title=title[:200],
                kind=PartnershipKind.COOPERATION_MOU,
                parties=[partnership_services.PartyInput(organisation=p) for p in parties],
                signed_on=occurred_on,
                summary=note[:4000],
                language=reader_language(),
                is_published=publish_partnership,
                is_demo=is_demo,
            ),
            by=by,
        )
    outcome = Outcome.objects.create(
        kind=kind,
        meeting=meeting,
        interest=interest,
        thread=thread,
        locality=locality,
        amount=value,
        currency=currency,
        occurred_on=occurred_on,
        note=note[:500],
        partnership=partnership,
        is_public=is_public,
        is_demo=is_demo,
        recorded_by=by if by is not None and by.is_authenticated else None,
    )
    _audit(outcome, by=by)
    _tell_parties(outcome, parties, by=by)
    return outcome


def _tell_parties(outcome: Outcome, parties: list[Organisation], *, by) -> None:
    """Everyone else on the record is told, so that a wrong entry (or an unexpected
    partnership record under their name) is noticed: the other members of a thread (and
    nobody outside it), or the people acting for the parties of a meeting or an interest."""
    if outcome.thread is not None:
        recipients = get_user_model().objects.filter(
            thread_memberships__thread=outcome.thread, is_active=True
        )
        link = outcome.thread.get_absolute_url()
    else:
        recipients = get_user_model().objects.filter(
            person__memberships__organisation__in=[party.pk for party in parties],
            is_active=True,
        )
        link = (
            reverse("events:my_meetings", args=[outcome.meeting.event.slug])
            if outcome.meeting is not None
            else outcome.interest.proposal.get_absolute_url()
        )
    if by is not None and by.is_authenticated:
        recipients = recipients.exclude(pk=by.pk)
    body = format_lazy(
        _("{name} recorded what followed, dated {date}: {outcome}."),
        name=by.get_short_name() if by is not None and by.is_authenticated else "Kakehashi",
        date=for_each_reader(format_day, outcome.occurred_on),
        outcome=OutcomeKind(outcome.kind).label,
    )
    if outcome.partnership is not None:
        body = format_lazy(
            "{body}\n{partnership}",
            body=body,
            partnership=format_lazy(
                _("A partnership record was created with your organisation: {title}"),
                title=outcome.partnership.title,
            ),
        )
    notify(
        recipients=list(recipients.distinct()),
        subject=format_lazy(
            _("What followed was recorded: {outcome}"), outcome=OutcomeKind(outcome.kind).label
        ),
        body=body,
        link=link,
    )


def _audit(outcome: Outcome, *, by) -> None:
    """An outcome of a meeting or of an interest in a proposal joins that record's audit
    trail, for the organisations involved. A thread's does not: the trail is read by every
    member of the owning organisations, and a thread only by its own members."""
    after = snapshot(outcome, ["kind", "occurred_on", "locality", "amount", "currency"])
    after["partnership"] = outcome.partnership.title if outcome.partnership else None
    if outcome.meeting is not None:
        audit_meeting(outcome.meeting, by=by, action=AuditAction.ADDED, after=after)
    elif outcome.interest is not None:
        interest = outcome.interest
        record_change(
            obj=interest.proposal,
            by=by,
            action=AuditAction.ADDED,
            after=after,
            owners=[interest.proposal.organisation_id, interest.organisation_id],
        )
