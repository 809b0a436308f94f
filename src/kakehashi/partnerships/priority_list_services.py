"""Writes of priority-partner lists: a locality's list for a period, and partners added to it.

Each function runs in one transaction, checks that `by` speaks for the list's locality (or is
a platform administrator) through `rules.require` (PermissionDenied), writes an audit entry,
and raises ValidationError (with a code) on bad input, writing nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.errors import CommonError
from kakehashi.directory.models import Locality, Organisation, OrganisationKind
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import PriorityList, PriorityPartner
from kakehashi.partnerships.rules import require

AUDITED_FIELDS = ("title", "period_start", "period_end", "source_url", "entries")


def _check_partners(locality: Locality, partners: list[Locality]) -> None:
    if not partners:
        raise ValidationError(
            _("Name at least one priority partner."), code=PartnershipError.NO_PARTNERS
        )
    if any(partner.pk == locality.pk for partner in partners):
        raise ValidationError(
            _("A locality cannot be its own priority partner."),
            code=PartnershipError.PARTNER_IS_LOCALITY,
        )


def _owners(locality: Locality) -> list[int]:
    places = {locality.pk, locality.successor_id} - {None}
    return list(
        Organisation.objects.filter(
            kind=OrganisationKind.LOCAL_GOVERNMENT, locality_id__in=places
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def record_priority_list(
    *,
    locality: Locality,
    title: str,
    period_start: int,
    period_end: int,
    partners: list[Locality],
    source_url: str = "",
    source_title: str = "",
    by,
    is_demo: bool = False,
) -> PriorityList:
    """Record a locality's list of priority partners for a period."""
    require(by, "partnerships.change_priority_list", locality)
    if not title.strip():
        raise ValidationError(_("Give the list a title."), code=CommonError.TITLE_MISSING)
    if period_end < period_start:
        raise ValidationError(
            _("The period cannot end before it starts."), code=PartnershipError.PERIOD_REVERSED
        )
    _check_partners(locality, partners)
    priority_list = PriorityList.objects.create(
        locality=locality,
        title=title.strip()[:200],
        period_start=period_start,
        period_end=period_end,
        source_url=source_url,
        source_title=source_title[:300],
        is_demo=is_demo,
    )
    PriorityPartner.objects.bulk_create(
        PriorityPartner(priority_list=priority_list, partner=partner)
        for partner in dict.fromkeys(partners)
    )
    record_change(
        obj=priority_list,
        by=by,
        action=AuditAction.CREATED,
        after=snapshot(priority_list, AUDITED_FIELDS),
        owners=_owners(locality),
    )
    return priority_list


@transaction.atomic
def add_priority_partners(
    *, priority_list: PriorityList, partners: list[Locality], source_url: str = "", by
) -> list[PriorityPartner]:
    """Add partners to an existing list (those already on it are left as they are); the
    source is kept when the list had none. Returns the entries added."""
    priority_list = PriorityList.objects.select_for_update().get(pk=priority_list.pk)
    require(by, "partnerships.change_priority_list", priority_list.locality)
    _check_partners(priority_list.locality, partners)
    before = snapshot(priority_list, AUDITED_FIELDS)
    present = set(priority_list.entries.values_list("partner_id", flat=True))
    added = PriorityPartner.objects.bulk_create(
        PriorityPartner(priority_list=priority_list, partner=partner)
        for partner in dict.fromkeys(partners)
        if partner.pk not in present
    )
    if source_url and not priority_list.source_url:
        priority_list.source_url = source_url
        priority_list.save(update_fields=["source_url"])
    record_change(
        obj=priority_list,
        by=by,
        action=AuditAction.CHANGED,
        before=before,
        owners=_owners(priority_list.locality),
    )
    return added
