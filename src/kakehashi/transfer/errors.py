"""The codes of `transfer`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class TransferError(ErrorCode):
    """Why an import batch is refused."""

    BATCH_NOT_CSV = "batch_not_csv", "Only a CSV file can be read in another encoding."
    BATCH_NOT_PENDING = "batch_not_pending", "This import has already been confirmed or cancelled."
