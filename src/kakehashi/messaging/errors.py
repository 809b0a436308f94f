"""The codes of `messaging`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class MessagingError(ErrorCode):
    """Why a conversation, a message or a report is refused."""

    ALREADY_HANDLED = "already_handled", "This report has already been decided."
    ALREADY_MEMBER = "already_member", "This person is already in the conversation."
    ALREADY_REPORTED = "already_reported", "You have already reported this message."
    BLOCK_SELF = "block_self", "An organisation cannot block itself."
    BLOCKED = "blocked", "Messages between these organisations are blocked."
    CONTACT_NOT_ACCEPTED = (
        "contact_not_accepted",
        "The owner of this proposal has not accepted contact with this organisation.",
    )
    FREQUENCY_INVALID = "frequency_invalid", "Choose how often you want e-mails."
    INVALID_TEXT = "invalid_text", "The message contains characters that cannot be stored."
    MESSAGE_MISSING = "message_missing", "Write a message."
    MESSAGE_TOO_LONG = "message_too_long", "The message is longer than %(max)s characters."
    NO_RECIPIENTS = "no_recipients", "Nobody acts for this organisation on the platform yet."
    NOT_A_COLLEAGUE = "not_a_colleague", "Only people who act for your organisation can be added."
    NOT_IN_MEETING = "not_in_meeting", "Both organisations must take part in the meeting."
    NOT_PROPOSAL_PARTIES = (
        "not_proposal_parties",
        "A conversation about a proposal includes its owner.",
    )
    OWN_MESSAGE = "own_message", "You cannot report your own message."
    PERSON_UNREACHABLE = (
        "person_unreachable",
        "This person cannot be written to for this organisation on the platform.",
    )
    REASON_MISSING = "reason_missing", "Say what is wrong with this message."
    REASON_TOO_LONG = "reason_too_long", "The reason is longer than %(max)s characters."
    SAME_ORGANISATION = "same_organisation", "Choose another organisation than your own."
    SAME_PERSON = "same_person", "Choose another person than yourself."
    SUBJECT_MISSING = "subject_missing", "Give the conversation a subject."
    SUBJECT_TOO_LONG = "subject_too_long", "The subject is longer than %(max)s characters."
    TOO_MANY_ATTACHMENTS = "too_many_attachments", "A message has at most %(max)s attachments."
