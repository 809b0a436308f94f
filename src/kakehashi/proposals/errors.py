"""The codes of `proposals`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class ProposalError(ErrorCode):
    """Why a proposal, its screening or an expression of interest is refused."""

    ALREADY_ANSWERED = "already_answered", "This expression of interest has been answered already."
    AREA_INVALID = "area_invalid", "Choose an area of the programme from the list."
    COUNTRY_INVALID = "country_invalid", "“%(value)s” is not a country this platform serves."
    CURRENCY_INVALID = "currency_invalid", "Choose US dollars, Vietnamese dong or Japanese yen."
    HS_CODE_FORMAT = (
        "hs_code_format",
        "An HS code has six digits, for example 090111 (coffee, not roasted).",
    )
    HS_CODE_UNKNOWN = "hs_code_unknown", "%(code)s is not a subheading of the HS 2022 nomenclature."
    INTEREST_EXISTS = (
        "interest_exists",
        "Your organisation has already expressed interest in this proposal.",
    )
    INVESTMENT_FORM_INVALID = (
        "investment_form_invalid",
        "Choose a form of investment from the list.",
    )
    KIND_INVALID = "kind_invalid", "Choose the kind of proposal."
    LEVEL_OUT_OF_RANGE = "level_out_of_range", "Rate each criterion from 0 to %(max)s."
    LOCALITY_MISSING = (
        "locality_missing",
        "Say where the proposal is from: the organisation has no locality.",
    )
    MACHINE_TRANSLATION = (
        "machine_translation",
        "The translation into %(language)s is a machine translation: write one to replace it.",
    )
    MESSAGE_MISSING = "message_missing", "Write a few words to the owner."
    NEGATIVE_AMOUNT = "negative_amount", "The %(field)s cannot be negative."
    NOT_OF_KIND = "not_of_kind", "A text is given that this kind of proposal does not have."
    NOT_PUBLISHED = "not_published", "Only published proposals take expressions of interest."
    OWN_PROPOSAL = "own_proposal", "This is your own organisation's proposal."
    PARTNERSHIP_TYPE_INVALID = (
        "partnership_type_invalid",
        "“%(value)s” is not a type of partnership.",
    )
    PRODUCT_MISSING = "product_missing", "Name the product to export."
    REASON_MISSING = "reason_missing", "Say why the proposal is rejected."
    STAGE_INVALID = "stage_invalid", "Choose a stage of development from the list."
    SUMMARY_MISSING = "summary_missing", "Give the proposal a short summary."
    TOO_MANY_ATTACHMENTS = "too_many_attachments", "A proposal has at most %(max)s attachments."
    WEIGHT_OUT_OF_RANGE = "weight_out_of_range", "Give each criterion a weight from 0 to %(max)s."
    WEIGHTS_ALL_ZERO = "weights_all_zero", "Give at least one criterion a weight above 0."
