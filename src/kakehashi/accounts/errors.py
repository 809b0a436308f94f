"""The codes of `accounts`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class AccountError(ErrorCode):
    """Why an account, a confirmation link or an API token is refused."""

    EMAIL_UNCONFIRMED = (
        "email_unconfirmed",
        "Please confirm your e-mail address first: we have sent you a new confirmation link.",
    )
    LINK_EXPIRED = "link_expired", "This confirmation link has expired. Sign in to get a new one."
    LINK_INVALID = "link_invalid", "This confirmation link is not valid."
    NAME_EMPTY = "name_empty", "Write your name with letters."
    NAME_MISSING = "name_missing", "Give the token a name."
