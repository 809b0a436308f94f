"""One importer per kind. An importer is built for one user and the rows of one file (so it
can look up what the rows name in a few queries), checks rows one by one and writes a
checked row through the owning app's services."""

from kakehashi.transfer.importers.organisations import OrganisationImporter
from kakehashi.transfer.importers.partnerships import PartnershipImporter
from kakehashi.transfer.importers.people import PersonImporter
from kakehashi.transfer.importers.proposals import ProposalImporter
from kakehashi.transfer.kinds import TransferKind

IMPORTERS = {
    TransferKind.ORGANISATIONS: OrganisationImporter,
    TransferKind.PEOPLE: PersonImporter,
    TransferKind.PARTNERSHIPS: PartnershipImporter,
    TransferKind.PROPOSALS: ProposalImporter,
}


def importer_for(kind: str, *, user, rows: list[dict[str, str]]):
    return IMPORTERS[kind](user=user, rows=rows)
