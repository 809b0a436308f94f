"""The codes of `partnerships`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class PartnershipError(ErrorCode):
    """Why a partnership, a visit or a priority list is refused."""

    INVALID_DATE = (
        "invalid_date",
        "Enter the date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2016-09-13.",
    )
    INVALID_URL = "invalid_url", "“%(url)s” is not a web address."
    NO_PARTNERS = "no_partners", "Name at least one priority partner."
    NOT_A_PARTY = (
        "not_a_party",
        "You can only record agreements to which your organisation or locality is a party.",
    )
    NOTE_UNKNOWN = (
        "note_unknown",
        "“%(note)s” is not a renewal note of this record (or a note of this priority list).",
    )
    PARTNER_IS_LOCALITY = "partner_is_locality", "A locality cannot be its own priority partner."
    PARTY_BOTH = "party_both", "Choose a locality or an organisation, not both."
    PARTY_DUPLICATE = "party_duplicate", "The same party is listed twice."
    PARTY_MISSING = "party_missing", "Each party must be a locality or an organisation."
    PERIOD_REVERSED = "period_reversed", "The period cannot end before it starts."
    SUMMARY_WITHOUT_ORIGINAL = (
        "summary_without_original",
        "The record has no summary to translate: leave the summary empty.",
    )
    TOO_FEW_PARTIES = "too_few_parties", "A partnership needs at least two parties."
    TYPE_WITHOUT_ORIGINAL = (
        "type_without_original",
        "The record states no type to translate: leave the type as stated empty.",
    )
    URL_TOO_LONG = "url_too_long", "A web address is too long."
    VISIT_DATES_REVERSED = "visit_dates_reversed", "The visit cannot end before it starts."
    VISIT_NO_VISITOR = (
        "visit_no_visitor",
        "Say who visited: a locality or the body that sent the delegation.",
    )
    VISIT_PURPOSE_MISSING = "visit_purpose_missing", "Give the purpose of the visit."
    VISIT_SAME_PLACE = "visit_same_place", "A delegation visits another locality than its own."
    VISIT_TEXT_WITHOUT_ORIGINAL = (
        "visit_text_without_original",
        "The visit has no such text to translate: leave it empty.",
    )
