"""The codes of `news`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class NewsError(ErrorCode):
    """Why an article, a feed or a suggestion of the news desk is refused."""

    ALREADY_DECIDED = "already_decided", "This suggestion was already accepted or rejected."
    DATE_MISSING = "date_missing", "Give the date of the renewal."
    DUPLICATE = "duplicate", "The registry already holds this: %(record)s."
    FEED_EXISTS = "feed_exists", "The desk already reads this feed."
    FILE_BINARY = "file_binary", "The file does not hold text."
    FILE_NOT_PDF = "file_not_pdf", "The file is not a PDF document."
    FILE_TYPE = "file_type", "Upload a .txt, .html or .pdf file."
    FORMAT = "format", "The facts are not in the expected format."
    LANGUAGE = "language", "Choose Vietnamese, Japanese or English."
    NOT_ALLOWED = (
        "not_allowed",
        "You may not do this on the news desk.",
    )
    NOT_OWNER = "not_owner", "Only the person who added the feed can remove it."
    PARTY_DUPLICATE = "party_duplicate", "The same party is listed twice."
    PARTY_MISSING = "party_missing", "Choose both parties to the agreement."
    PDF_ENCRYPTED = "pdf_encrypted", "The PDF file is protected by a password; upload one without."
    PDF_UNREADABLE = "pdf_unreadable", "The PDF file cannot be read; it may be damaged."
    REASON_MISSING = "reason_missing", "Say why the suggestion is rejected."
    TEXT_MISSING = "text_missing", "Give the text of the article."
    TEXT_TOO_LONG = "text_too_long", "The article is too long: at most %(limit)s characters."
    TITLE_TOO_LONG = "title_too_long", "The title is too long: at most 300 characters."
    URL_INVALID = "url_invalid", "Give the article's address as a web address (https://…)."
    URL_TOO_LONG = "url_too_long", "The address is too long."
    VISIT_NO_VISITOR = (
        "visit_no_visitor",
        "Say who visited: a locality or the body that sent the delegation.",
    )
    VISIT_SAME_PLACE = "visit_same_place", "A delegation visits another locality than its own."
