"""The codes of `obstacles`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class ObstacleError(ErrorCode):
    """Why an obstacle, its routing rules or its workflow step is refused."""

    COMMENT_EMPTY = "comment_empty", "Write a comment."
    COUNTRY_MISSING = "country_missing", "Choose a locality, or a country for a country-wide rule."
    DESCRIPTION_MISSING = (
        "description_missing",
        "Describe the obstacle: what blocks you, since when, what you tried.",
    )
    DUPLICATE_RULE = "duplicate_rule", "A rule for this place and category exists already."
    FORMER_LOCALITY = (
        "former_locality",
        "Choose the unit in force today; its former units are covered through it.",
    )
    INVALID_CATEGORY = "invalid_category", "Choose a category."
    INVALID_DEADLINE = "invalid_deadline", "Give between 1 and 365 days."
    LANGUAGE = "language", "Choose Vietnamese, Japanese or English."
    LOCALITY_MISSING = "locality_missing", "Choose the locality concerned."
    OWNER_NOT_MEMBER = (
        "owner_not_member",
        "The owner must be a member of the responsible authority.",
    )
    REASON_MISSING = "reason_missing", "Say how it was resolved, or why it cannot be."
    SAME_AUTHORITY = "same_authority", "The obstacle is already with this authority."
    SAME_OWNER = "same_owner", "This person already owns the obstacle."
    SUMMARY_IS_ORIGINAL = (
        "summary_is_original",
        "The public summary is written in %(language)s already: leave it empty.",
    )
    SUMMARY_MISSING = "summary_missing", "The public summary (or its translation) is missing."
    SUMMARY_WITHOUT_ORIGINAL = (
        "summary_without_original",
        "The obstacle has no public summary to translate: leave it empty.",
    )
    TITLE_IS_ORIGINAL = (
        "title_is_original",
        "The title is written in %(language)s already: leave it empty.",
    )
    TOO_MANY_ATTACHMENTS = "too_many_attachments", "An obstacle has at most %(max)s attachments."
    UNKNOWN_PROPOSAL = "unknown_proposal", "You may not see this proposal."
