"""The rows of an export: what the user may see, in the columns an import reads, so that an
exported file can be imported again. Rows are produced lazily, a chunk of records (and their
related records) per few queries, never a query per row."""

from collections.abc import Iterator

from django.db.models import Count, Max

from kakehashi.common.dates import partial_date_text
from kakehashi.directory.models import Membership
from kakehashi.directory.queries import (
    is_platform_admin,
    organisation_ids_of,
    organisations_visible_to,
)
from kakehashi.partnerships.models import PartnershipParty
from kakehashi.partnerships.queries import partnerships_visible_to
from kakehashi.proposals.models import Proposal
from kakehashi.proposals.screening import CRITERIA
from kakehashi.transfer.kinds import (
    TRANSLATION_TEXTS,
    TransferKind,
    column_names,
    translation_column,
)

CHUNK_SIZE = 500


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def organisation_table(user) -> tuple[list[str], Iterator[list[str]]]:
    organisations = (
        # The columns are the organisation's own: its translations are not read.
        organisations_visible_to(user)
        .prefetch_related(None)
        .prefetch_related("sectors")
        .order_by("name", "pk")
    )

    def rows():
        for organisation in organisations.iterator(chunk_size=CHUNK_SIZE):
            yield [
                organisation.name,
                organisation.name_en,
                organisation.kind,
                organisation.country,
                organisation.locality.slug if organisation.locality else "",
                ";".join(sector.key for sector in organisation.sectors.all()),
                organisation.website,
                organisation.description,
                organisation.language,
                _yes_no(organisation.is_published),
            ]

    return column_names(TransferKind.ORGANISATIONS), rows()


def visible_memberships(user):
    """The memberships of the organisations the user acts for (every one, for a platform
    administrator)."""
    memberships = Membership.objects.select_related("person").order_by(
        "organisation__name", "organisation_id", "person__full_name", "pk"
    )
    if not is_platform_admin(user):
        memberships = memberships.filter(organisation_id__in=organisation_ids_of(user))
    return memberships


def person_table(user) -> tuple[list[str], Iterator[list[str]]]:
    memberships = visible_memberships(user)

    def rows():
        for membership in memberships.iterator(chunk_size=CHUNK_SIZE):
            person = membership.person
            yield [
                person.full_name,
                person.email,
                person.phone,
                str(membership.organisation_id),
                membership.role,
                # As written, not in the reader's language: the file is read back by the
                # people import, which takes the position as its organisation writes it.
                membership.position,
            ]

    return column_names(TransferKind.PEOPLE), rows()


def _party_text(party: PartnershipParty) -> str:
    if party.organisation_id:
        return f"org:{party.organisation_id}"
    return party.locality.slug


def partnership_table(user) -> tuple[list[str], Iterator[list[str]]]:
    partnerships = partnerships_visible_to(user).order_by("-signed_on", "title", "pk")
    most_parties = (
        PartnershipParty.objects.filter(partnership__in=partnerships.values("pk"))
        .values("partnership")
        .annotate(count=Count("pk"))
        .aggregate(most=Max("count"))["most"]
    )
    party_count = max(3, most_parties or 0)
    party_columns = [
        name
        for number in range(1, party_count + 1)
        for name in (f"party_{number}", f"party_{number}_as_signed")
    ]
    names = [name for name in column_names(TransferKind.PARTNERSHIPS) if "party_" not in name]
    position = names.index("type_as_stated") + 1
    columns = names[:position] + party_columns + names[position:]

    def rows():
        for partnership in partnerships.iterator(chunk_size=CHUNK_SIZE):
            parties = []
            for party in partnership.parties.all():
                parties += [_party_text(party), party.name_as_signed]
            parties += [""] * (2 * party_count - len(parties))
            yield [
                partnership.title,
                partnership.kind,
                partnership.type_as_stated,
                *parties,
                partial_date_text(partnership.signed_on, partnership.signed_precision),
                partnership.status,
                ";".join(sector.key for sector in partnership.sectors.all()),
                partnership.summary,
                partnership.language,
                " ".join(source.url for source in partnership.sources.all()),
                _yes_no(partnership.is_published),
            ]

    return columns, rows()


EXPORT_COLUMNS = ("product", "hs_code", "capacity", "certifications", "target_market")


def _proposals_of(user):
    proposals = Proposal.objects.all()
    if not is_platform_admin(user):
        proposals = proposals.filter(organisation_id__in=organisation_ids_of(user))
    return (
        proposals.select_related("locality", "investment", "export")
        .prefetch_related(
            "sectors",
            "partnership_types",
            "target_countries",
            "target_localities",
            "translations",
        )
        .order_by("organisation_id", "-created_at", "pk")
    )


def _translation_cells(proposal: Proposal) -> dict[str, str]:
    """The people's translations, in the columns title_vi…description_en. A machine draft is
    left out: imported again, it would read as the author's own."""
    rows = {row.language: row for row in proposal.translations.all() if row.is_human}
    return {
        translation_column(name, language): getattr(rows[language], name)
        for language in rows
        for name in TRANSLATION_TEXTS
    }


def _number(value) -> str:
    return "" if value is None else format(value.normalize(), "f")


def _detail_cells(proposal: Proposal) -> dict[str, str]:
    cells = {}
    investment = getattr(proposal, "investment", None) if proposal.is_investment else None
    if investment is not None:
        cells.update(
            industrial_zone=investment.industrial_zone,
            amount=_number(investment.amount),
            currency=investment.currency,
            land_area_ha=_number(investment.land_area_ha),
            investment_form=investment.investment_form,
            timeline=investment.timeline,
            **{criterion: str(getattr(investment, criterion)) for criterion in CRITERIA},
        )
    export = getattr(proposal, "export", None) if proposal.is_export else None
    if export is not None:
        cells.update({name: getattr(export, name) for name in EXPORT_COLUMNS})
    return cells


def proposal_table(user) -> tuple[list[str], Iterator[list[str]]]:
    """The proposals of the organisations the user acts for (every one, for a platform
    administrator), with the people's translations."""
    proposals = _proposals_of(user)
    names = column_names(TransferKind.PROPOSALS)

    def rows():
        for proposal in proposals.iterator(chunk_size=CHUNK_SIZE):
            cells = {
                "organisation": str(proposal.organisation_id),
                "kind": proposal.kind,
                "title": proposal.title,
                "summary": proposal.summary,
                "description": proposal.description,
                "language": proposal.language,
                "keywords": proposal.keywords,
                "sectors": ";".join(sector.key for sector in proposal.sectors.all()),
                "partnership_types": ";".join(r.type for r in proposal.partnership_types.all()),
                "target_countries": ";".join(r.country for r in proposal.target_countries.all()),
                "locality": proposal.locality.slug,
                "target_localities": ";".join(p.slug for p in proposal.target_localities.all()),
                "anonymous": _yes_no(proposal.is_anonymous),
                "advantages": proposal.advantages,
                "stage": proposal.stage,
                "sought": proposal.sought,
                "partner_role": proposal.partner_role,
                "programme_area": proposal.programme_area,
                **_detail_cells(proposal),
                **_translation_cells(proposal),
            }
            yield [cells.get(name, "") for name in names]

    return names, rows()


TABLES = {
    TransferKind.ORGANISATIONS: organisation_table,
    TransferKind.PEOPLE: person_table,
    TransferKind.PARTNERSHIPS: partnership_table,
    TransferKind.PROPOSALS: proposal_table,
}


def export_table(kind: str, user) -> tuple[list[str], Iterator[list[str]]]:
    """The column names and the rows of an export of this kind for this user."""
    return TABLES[kind](user)
