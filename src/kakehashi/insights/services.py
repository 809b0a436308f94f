"""Every write of the insights app: recording what followed a meeting or an expression of
interest. One transaction each; bad input raises ValidationError (with a code) and writes
nothing."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.common.i18n import reader_language
from kakehashi.directory.models import Locality, Organisation
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.events.models import Meeting, MeetingStatus
from kakehashi.events.queries import organises
from kakehashi.insights.models import Outcome, OutcomeCurrency, OutcomeKind
from kakehashi.partnerships import services as partnership_services
from kakehashi.partnerships.models import PartnershipKind
from kakehashi.proposals.models import Interest, InterestStatus


def _parties(*, meeting: Meeting | None, interest: Interest | None) -> list[Organisation]:
    """The organisations on both sides: a meeting's delegations, or a proposal's owner and
    the organisation that expressed interest in it."""
    if meeting is not None:
        return list(
            Organisation.objects.filter(registrations__meeting_seats__meeting=meeting)
            .select_related("locality")
            .order_by("registrations__meeting_seats__pk")
        )
    return [interest.proposal.organisation, interest.organisation]


def _check_source(*, meeting, interest, by) -> list[Organisation]:
    if (meeting is None) == (interest is None):
        raise ValidationError(
            _("An outcome follows either one meeting or one expression of interest."),
            code="source_missing",
        )
    parties = _parties(meeting=meeting, interest=interest)
    own = organisation_ids_of(by)
    allowed = bool(own & {party.pk for party in parties}) or is_platform_admin(by)
    if meeting is not None:
        allowed = allowed or organises(by, meeting.event)
        if meeting.status != MeetingStatus.HELD:
            raise ValidationError(
                _("Outcomes are recorded for meetings that were held."), code="not_held"
            )
    elif interest.status != InterestStatus.ACCEPTED:
        raise ValidationError(
            _("Outcomes are recorded once the contact was accepted."), code="not_accepted"
        )
    if not allowed:
        raise ValidationError(
            _("Only the parties involved can record what followed."), code="not_a_party"
        )
    return parties


def _clean_amount(kind: str, amount, currency: str) -> tuple[Decimal | None, str]:
    if amount in (None, ""):
        if kind == OutcomeKind.INVESTMENT:
            raise ValidationError(
                _("Give the amount and the currency of the investment."), code="amount_missing"
            )
        return None, ""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError(_("The amount must be a number."), code="amount_invalid") from error
    if not value.is_finite() or value < 0 or value >= Decimal("1e16"):
        raise ValidationError(
            _("The amount must be zero or more, below 10 quadrillion."), code="amount_invalid"
        )
    if currency not in OutcomeCurrency.values:
        raise ValidationError(_("Choose the currency of the amount."), code="currency_invalid")
    return value.quantize(Decimal("0.01")), currency


@transaction.atomic
def record_outcome(
    *,
    kind: str,
    by,
    occurred_on: dt.date,
    meeting: Meeting | None = None,
    interest: Interest | None = None,
    locality: Locality | None = None,
    amount=None,
    currency: str = "",
    note: str = "",
    partnership_title: str = "",
    publish_partnership: bool = False,
    is_demo: bool = False,
) -> Outcome:
    """Record a result that followed a held meeting or an accepted expression of interest.

    Only members of the organisations involved (and, for a meeting, the event's organisers
    and platform administrators) may. The locality defaults to the proposal's, or to the
    first Vietnamese delegation's in a meeting. For a signed MoU, the partnership record is
    created through partnerships.services between the organisations involved (unpublished
    unless `publish_partnership`), and linked from the outcome."""
    if kind not in OutcomeKind.values:
        raise ValidationError(_("Unknown outcome."), code="outcome_unknown")
    parties = _check_source(meeting=meeting, interest=interest, by=by)
    if occurred_on > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."), code="date_in_future")
    value, currency = _clean_amount(kind, amount, currency)
    if locality is None:
        if interest is not None:
            locality = interest.proposal.locality
        else:
            vietnamese = [party for party in parties if party.country == "VN"]
            locality = (vietnamese or parties)[0].locality if parties else None
    if locality is None:
        raise ValidationError(_("Choose the locality of the outcome."), code="locality_missing")
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
    return Outcome.objects.create(
        kind=kind,
        meeting=meeting,
        interest=interest,
        locality=locality,
        amount=value,
        currency=currency,
        occurred_on=occurred_on,
        note=note[:500],
        partnership=partnership,
        is_demo=is_demo,
        recorded_by=by if by is not None and by.is_authenticated else None,
    )
