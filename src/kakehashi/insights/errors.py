"""The codes of `insights`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class InsightError(ErrorCode):
    """Why an outcome (what came of a meeting, an interest or a conversation) is refused."""

    AGREEMENT_KIND_UNKNOWN = "agreement_kind_unknown", "Choose the kind of agreement."
    ALREADY_ANSWERED = (
        "already_answered",
        "Your delegation has already said what came of this meeting.",
    )
    AMOUNT_INVALID = (
        "amount_invalid",
        "The amount is not a number from zero to below 10 quadrillion.",
    )
    AMOUNT_MISSING = "amount_missing", "Give the amount and the currency of the investment."
    ANSWER_UNKNOWN = "answer_unknown", "Choose what came of the meeting."
    CURRENCY_INVALID = "currency_invalid", "Choose the currency of the amount."
    DATE_IN_FUTURE = "date_in_future", "The date cannot be in the future."
    LOCALITY_MISSING = "locality_missing", "Choose the locality of the outcome."
    NOT_A_MEMBER = "not_a_member", "You can only act for your own organisation's delegation."
    NOT_A_PARTY = "not_a_party", "Only the parties involved can record what followed."
    NOT_ACCEPTED = "not_accepted", "Outcomes are recorded once the contact was accepted."
    NOT_ASKED = "not_asked", "This delegation has not been asked about this meeting yet."
    NOT_HELD = "not_held", "Outcomes are recorded for meetings that were held."
    OUTCOME_UNKNOWN = "outcome_unknown", "Unknown outcome."
    SOURCE_MISSING = (
        "source_missing",
        "An outcome follows one meeting, one expression of interest or one conversation.",
    )
