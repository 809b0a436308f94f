"""The proposals marketplace: offers, requests, investment projects, export products,
cooperation programmes and research cooperation.

How kind-specific details are stored (a choice, explained):

- Fields that every kind may use or that are one short text (advantages and innovation for
  offers; what is sought and the partner's role for requests; the stage of development of a
  technology offer; the area of a cooperation programme) are blank-able columns on `Proposal`.
  Forms and services show and require them per kind (`KIND_FIELDS` in proposal.py).
- The two kinds with many fields of their own get one-to-one tables, created with the
  proposal and keyed by it: `InvestmentDetails` (amount, currency, land area, form,
  timeline, industrial zone and the six selection criteria) and `ExportDetails` (product, HS
  code, capacity, certifications, target market). Their constraints (amounts ≥ 0, levels
  0–4, HS code format) then hold without "only if kind = …" conditions, and the list pages
  that never need them do not carry their columns.
- Multi-valued attributes that pages filter on are related rows, not JSON, so that the same
  filter works on SQLite and PostgreSQL: sectors (M2M to the shared taxonomy), target
  localities (M2M), partnership types sought and target countries (small row tables with a
  unique constraint).

For an investment project, `Proposal.locality` is where the project is (the industrial zone
is in the details); for every other kind it is the proposing organisation's locality.
Moderators of that locality (`LocalityModerator`) review the proposal.
"""

from kakehashi.proposals.models.details import (
    Currency,
    ExportDetails,
    InvestmentDetails,
    InvestmentForm,
)
from kakehashi.proposals.models.interest import Interest, InterestStatus
from kakehashi.proposals.models.moderation import LocalityModerator, ScreeningWeights
from kakehashi.proposals.models.proposal import (
    KIND_FIELDS,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalAttachment,
    ProposalKind,
    ProposalPartnershipType,
    ProposalStatus,
    ProposalTargetCountry,
    TechnologyStage,
)
from kakehashi.proposals.models.translation import (
    COMMON_TEXTS,
    KIND_TEXTS,
    TRANSLATED_FIELDS,
    ProposalTranslation,
    original_fingerprint,
)

__all__ = [
    "KIND_FIELDS",
    "COMMON_TEXTS",
    "KIND_TEXTS",
    "TRANSLATED_FIELDS",
    "Currency",
    "ExportDetails",
    "Interest",
    "InterestStatus",
    "InvestmentDetails",
    "InvestmentForm",
    "LocalityModerator",
    "PartnershipType",
    "ProgrammeArea",
    "Proposal",
    "ProposalAttachment",
    "ProposalKind",
    "ProposalPartnershipType",
    "ProposalStatus",
    "ProposalTargetCountry",
    "ProposalTranslation",
    "ScreeningWeights",
    "TechnologyStage",
    "original_fingerprint",
]
