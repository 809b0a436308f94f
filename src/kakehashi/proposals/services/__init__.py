"""Every write to proposals. Each function runs in one transaction, checks that `by` may do
it through `proposals.rules.require` (PermissionDenied otherwise) and raises
django.core.exceptions.ValidationError (with a code) on bad input, writing nothing. Owners
(the members of the proposing organisation) are told of what happens to their proposal in
the app and by e-mail, through kakehashi.notifications. Each module names its side effects:

- inputs: ProposalInput (with InvestmentInput, ExportInput), its checks, language_of;
- editing: create_proposal, update_proposal, add_attachment, remove_attachment;
- workflow: submit, publish, reject, withdraw, renew, archive, expire_due;
- interest: express_interest, accept_contact, decline_contact;
- weights: set_screening_weights;
- base: what they share (row lock, audit entry, notices, the change signal).

Callers use the names below (`from kakehashi.proposals import services`), not the modules.
"""

from kakehashi.proposals.services.editing import (
    MAX_ATTACHMENTS,
    add_attachment,
    create_proposal,
    remove_attachment,
    update_proposal,
)
from kakehashi.proposals.services.inputs import (
    ExportInput,
    InvestmentInput,
    ProposalInput,
    language_of,
)
from kakehashi.proposals.services.interest import accept_contact, decline_contact, express_interest
from kakehashi.proposals.services.weights import set_screening_weights
from kakehashi.proposals.services.workflow import (
    VALIDITY_MONTHS,
    archive,
    expire_due,
    publish,
    reject,
    renew,
    submit,
    withdraw,
)

__all__ = [
    "MAX_ATTACHMENTS",
    "VALIDITY_MONTHS",
    "ExportInput",
    "InvestmentInput",
    "ProposalInput",
    "accept_contact",
    "add_attachment",
    "archive",
    "create_proposal",
    "decline_contact",
    "expire_due",
    "express_interest",
    "language_of",
    "publish",
    "reject",
    "remove_attachment",
    "renew",
    "set_screening_weights",
    "submit",
    "update_proposal",
    "withdraw",
]
