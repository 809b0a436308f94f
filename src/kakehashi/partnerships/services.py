"""Every write to the partnership registry. Each function runs in one transaction, checks who
acts through `rules.require` (PermissionDenied) and raises
django.core.exceptions.ValidationError (with codes) on bad input, writing nothing."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.dates import DatePrecision
from kakehashi.common.errors import CommonError, invalid
from kakehashi.common.i18n import Language
from kakehashi.common.translation_writes import LANGUAGE_INVALID
from kakehashi.common.uploads import files_deleted_on_failure, sniff_document_type
from kakehashi.directory.models import Locality, Organisation, OrganisationKind, Sector
from kakehashi.directory.queries import (
    is_platform_admin,
    localities_spoken_for,
    organisation_ids_of,
)
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import (
    DelegationVisit,
    Document,
    Partnership,
    PartnershipParty,
    Renewal,
    Source,
)
from kakehashi.partnerships.rules import require


@dataclass
class PartyInput:
    locality: Locality | None = None
    organisation: Organisation | None = None
    name_as_signed: str = ""

    def resolved_name(self) -> str:
        if self.name_as_signed.strip():
            return self.name_as_signed.strip()
        if self.organisation is not None:
            return self.organisation.name
        return self.locality.name_en if self.locality is not None else ""


@dataclass
class RenewalInput:
    date: dt.date
    precision: str = DatePrecision.DAY
    note: str = ""


@dataclass
class PartnershipInput:
    title: str
    kind: str
    parties: list[PartyInput]
    sectors: list[Sector] = field(default_factory=list)
    signed_on: dt.date | None = None
    signed_precision: str = DatePrecision.DAY
    status: str = "active"
    type_as_stated: str = ""
    summary: str = ""
    language: str = "en"
    is_published: bool = True
    sources: list[str] = field(default_factory=list)
    # A title for some of the sources, by URL (e.g. a news article's headline).
    source_titles: dict[str, str] = field(default_factory=dict)
    renewals: list[RenewalInput] = field(default_factory=list)
    is_demo: bool = False


def _check(data: PartnershipInput) -> None:
    if not data.title.strip():
        raise ValidationError(_("Give the partnership a title."), code=CommonError.TITLE_MISSING)
    _check_parties(data.parties)


def _check_parties(parties: list[PartyInput]) -> None:
    if len(parties) < 2:
        raise ValidationError(
            _("A partnership needs at least two parties."), code=PartnershipError.TOO_FEW_PARTIES
        )
    seen = set()
    for party in parties:
        if party.locality is None and party.organisation is None:
            raise ValidationError(
                _("Each party must be a locality or an organisation."),
                code=PartnershipError.PARTY_MISSING,
            )
        if party.locality is not None and party.organisation is not None:
            raise ValidationError(
                _("Choose a locality or an organisation, not both."),
                code=PartnershipError.PARTY_BOTH,
            )
        key = (party.locality and party.locality.pk, party.organisation and party.organisation.pk)
        if key in seen:
            raise ValidationError(
                _("The same party is listed twice."), code=PartnershipError.PARTY_DUPLICATE
            )
        seen.add(key)


def recording_organisation(*, by, parties: list[PartyInput]) -> Organisation | None:
    """The organisation on whose behalf `by` records an agreement between these parties,
    or a ValidationError if they may not record it. Platform administrators may record any."""
    own = organisation_ids_of(by)
    places = localities_spoken_for(by)
    for party in parties:
        if party.organisation is not None and party.organisation.pk in own:
            return party.organisation
    for party in parties:
        place = party.locality or (party.organisation.locality if party.organisation else None)
        if place is not None and place.pk in places:
            return (
                Organisation.objects.filter(pk__in=own, locality=place.successor or place)
                .order_by("pk")
                .first()
            )
    if is_platform_admin(by):
        return None
    raise ValidationError(
        _("You can only record agreements to which your organisation or locality is a party."),
        code=PartnershipError.NOT_A_PARTY,
    )


def _write_children(partnership: Partnership, data: PartnershipInput) -> None:
    partnership.parties.all().delete()
    PartnershipParty.objects.bulk_create(
        PartnershipParty(
            partnership=partnership,
            locality=party.locality,
            organisation=party.organisation,
            name_as_signed=party.resolved_name(),
            position=position,
        )
        for position, party in enumerate(data.parties)
    )
    partnership.sectors.set(data.sectors)
    partnership.sources.all().delete()
    Source.objects.bulk_create(
        Source(partnership=partnership, url=url, title=data.source_titles.get(url, "")[:300])
        for url in dict.fromkeys(data.sources)
    )
    partnership.renewals.all().delete()
    Renewal.objects.bulk_create(
        Renewal(
            partnership=partnership,
            renewed_on=renewal.date,
            precision=renewal.precision,
            note=renewal.note,
        )
        for renewal in data.renewals
    )


SCALAR_FIELDS = (
    "title",
    "kind",
    "signed_on",
    "signed_precision",
    "status",
    "type_as_stated",
    "summary",
    "language",
    "is_published",
    "is_demo",
)

# What the audit log compares before and after a change.
AUDITED_FIELDS = (*SCALAR_FIELDS, "recorded_by", "sectors", "parties", "sources", "renewals")


def _audit_owners(partnership: Partnership) -> set[int]:
    """The organisations whose members see this record's audit trail: the recorder, the
    party organisations and the governments of the party localities (and of their
    successors), as in queries.managed_partnership_filter."""
    parties = list(partnership.parties.select_related("locality"))
    places = {
        place for p in parties if p.locality for place in (p.locality_id, p.locality.successor_id)
    }
    governments = Organisation.objects.filter(
        kind=OrganisationKind.LOCAL_GOVERNMENT, locality_id__in=places - {None}
    ).values_list("pk", flat=True)
    owners = {partnership.recorded_by_id, *(p.organisation_id for p in parties), *governments}
    return owners - {None}


@transaction.atomic
def create_partnership(*, data: PartnershipInput, by) -> Partnership:
    """Record a new partnership with its parties, sectors, sources and renewals.

    `by` must act for one of the parties (or be a platform administrator); their
    organisation is stored as the one that recorded it."""
    require(by, "partnerships.add_partnership")
    _check(data)
    recorded_by = recording_organisation(by=by, parties=data.parties)
    partnership = Partnership.objects.create(
        **{name: getattr(data, name) for name in SCALAR_FIELDS},
        recorded_by=recorded_by,
        created_by=by if by and by.is_authenticated else None,
    )
    _write_children(partnership, data)
    record_change(
        obj=partnership,
        by=by,
        action=AuditAction.CREATED,
        after=snapshot(partnership, AUDITED_FIELDS),
        owners=_audit_owners(partnership),
    )
    return partnership


@transaction.atomic
def update_partnership(*, partnership: Partnership, data: PartnershipInput, by) -> Partnership:
    """Replace a partnership's fields, parties, sectors, sources and renewals.

    `by` must be allowed to change it; the new parties must still include one that `by`
    acts for, so nobody edits themselves out of their own record."""
    require(by, "partnerships.change_partnership", partnership)
    _check(data)
    recording_organisation(by=by, parties=data.parties)
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    before, owners_before = snapshot(partnership, AUDITED_FIELDS), _audit_owners(partnership)
    for name in SCALAR_FIELDS:
        setattr(partnership, name, getattr(data, name))
    partnership.save()
    _write_children(partnership, data)
    record_change(
        obj=partnership,
        by=by,
        action=AuditAction.CHANGED,
        before=before,
        owners=owners_before | _audit_owners(partnership),
    )
    return partnership


@transaction.atomic
def delete_partnership(*, partnership: Partnership, by) -> None:
    """Delete a partnership and everything recorded under it (documents' files included).
    `by` must be allowed to delete it."""
    require(by, "partnerships.delete_partnership", partnership)
    files = [document.file for document in partnership.documents.all()]
    record_change(
        obj=partnership,
        by=by,
        action=AuditAction.DELETED,
        before=snapshot(partnership, AUDITED_FIELDS),
        owners=_audit_owners(partnership),
    )
    partnership.delete()
    transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])


def add_document(*, partnership: Partnership, title: str, upload, by) -> Document:
    """Store an uploaded PDF or image of the agreement after checking its content. When the
    audit entry cannot be written, the stored file is deleted with the row. `by` must be
    allowed to change the partnership."""
    require(by, "partnerships.change_partnership", partnership)
    with files_deleted_on_failure() as track, transaction.atomic():
        content_type = sniff_document_type(upload)
        if not title.strip():
            raise ValidationError(_("Give the document a title."), code=CommonError.TITLE_MISSING)
        document = Document(
            partnership=partnership,
            title=title.strip(),
            file=upload,
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )
        track(document.file)  # before save(): a refused INSERT is covered too
        document.save()
        record_change(
            obj=partnership,
            by=by,
            action=AuditAction.ADDED,
            after={"documents": [document.title]},
            owners=_audit_owners(partnership),
        )
    return document


@transaction.atomic
def record_visit(
    *,
    partnership: Partnership | None,
    visitor: Locality | None,
    host: Locality,
    started_on: dt.date,
    ended_on: dt.date | None,
    purpose: str,
    outcome: str = "",
    delegation_lead: str = "",
    source_url: str = "",
    source_title: str = "",
    visitor_name: str = "",
    language: str = Language.EN,
    by,
    is_demo: bool = False,
) -> DelegationVisit:
    """Record a delegation visit: from a locality (`visitor`) or from a body that is none,
    named as written (`visitor_name`: a ministry, an embassy); its texts are written in
    `language`. `by` must be allowed to change the partnership it belongs to or, for a visit
    under no agreement, speak for the visitor or the host."""
    if partnership is not None:
        require(by, "partnerships.change_partnership", partnership)
    else:
        require(by, "partnerships.record_visit", (visitor, host))
    visitor_name = " ".join(visitor_name.split())[:200]
    if visitor is None and not visitor_name:
        raise ValidationError(
            _("Say who visited: a locality or the body that sent the delegation."),
            code=PartnershipError.VISIT_NO_VISITOR,
        )
    if visitor is not None and visitor.pk == host.pk:
        raise ValidationError(
            _("A delegation visits another locality than its own."),
            code=PartnershipError.VISIT_SAME_PLACE,
        )
    if ended_on is not None and ended_on < started_on:
        raise ValidationError(
            _("The visit cannot end before it starts."), code=PartnershipError.VISIT_DATES_REVERSED
        )
    if language not in Language.values:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID)
    return DelegationVisit.objects.create(
        partnership=partnership,
        visitor=visitor,
        visitor_name=visitor_name,
        host=host,
        started_on=started_on,
        ended_on=ended_on,
        purpose=purpose,
        outcome=outcome,
        delegation_lead=delegation_lead,
        language=language,
        source_url=source_url,
        source_title=source_title[:300],
        created_by=by if by and by.is_authenticated else None,
        is_demo=is_demo,
    )


@transaction.atomic
def add_renewal(
    *,
    partnership: Partnership,
    renewed_on: dt.date,
    precision: str = DatePrecision.DAY,
    note: str = "",
    source_url: str = "",
    source_title: str = "",
    by,
) -> Renewal:
    """Add a renewal (or a new document under the same partnership), with the source that
    reports it; one audit entry. `by` must be allowed to change the partnership."""
    require(by, "partnerships.change_partnership", partnership)
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    before = snapshot(partnership, ("renewals", "sources"))
    renewal = Renewal.objects.create(
        partnership=partnership, renewed_on=renewed_on, precision=precision, note=note[:300]
    )
    if source_url and not partnership.sources.filter(url=source_url).exists():
        Source.objects.create(partnership=partnership, url=source_url, title=source_title[:300])
    record_change(
        obj=partnership,
        by=by,
        action=AuditAction.CHANGED,
        before=before,
        owners=_audit_owners(partnership),
    )
    return renewal
