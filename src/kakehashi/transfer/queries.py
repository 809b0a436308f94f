"""Reads of import batches: a batch is seen by the person who uploaded it, nobody else."""

from django.db.models import QuerySet

from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.transfer.kinds import TransferKind
from kakehashi.transfer.models import ImportBatch

RECENT_BATCHES = 10


def batches_of(user) -> QuerySet[ImportBatch]:
    if not (user and user.is_authenticated):
        return ImportBatch.objects.none()
    # The uploaded bytes are read only by the service that reads them again.
    return ImportBatch.objects.filter(created_by=user).defer("content")


def recent_batches_of(user) -> QuerySet[ImportBatch]:
    """The user's latest batches, without their (possibly large) rows."""
    return batches_of(user).defer("rows", "errors", "content")[:RECENT_BATCHES]


def exportable_kinds(user) -> list[str]:
    """Everyone signed in may export the organisations and partnerships they can see; people
    and proposals only those who act for an organisation (or run the platform)."""
    kinds = [TransferKind.ORGANISATIONS, TransferKind.PARTNERSHIPS]
    if is_platform_admin(user) or organisation_ids_of(user):
        kinds.insert(1, TransferKind.PEOPLE)
        kinds.append(TransferKind.PROPOSALS)
    return kinds
