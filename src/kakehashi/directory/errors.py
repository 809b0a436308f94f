"""The codes of `directory`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class DirectoryError(ErrorCode):
    """Why an organisation, a person or a membership is refused."""

    KANA_NOT_KANA = "kana_not_kana", "Write the name in katakana."
    LAST_ADMIN = "last_admin", "An organisation needs at least one administrator."
    LATIN_NOT_LATIN = "latin_not_latin", "Write the name in Latin letters, e.g. Tanaka Hiroshi."
    LOCALITY_COUNTRY_MISMATCH = (
        "locality_country_mismatch",
        "The locality is not in the organisation's country.",
    )
    NAME_EMPTY = "name_empty", "Give the organisation a name with letters or digits."
    NAME_MISSING = "name_missing", "The name is missing."
    POSITION_MISSING = "position_missing", "The position's translation is empty."
    POSITION_NONE = "position_none", "The membership names no position to translate."
    ROLE_UNKNOWN = "role_unknown", "Unknown role."
