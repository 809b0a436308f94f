"""The codes of `events`'s refusals: stable identifiers for API clients (never rename a
value), each with the meaning shown in the OpenAPI document."""

from kakehashi.common.errors import ErrorCode


class EventError(ErrorCode):
    """Why an event, a registration, a meeting request, a meeting or its schedule is refused."""

    ALREADY_BEGUN = (
        "already_begun",
        "This meeting has begun: mark it as held or as a no-show instead.",
    )
    ALREADY_GIVEN = (
        "already_given",
        "Your delegation has already given its feedback on this meeting.",
    )
    ALREADY_MEETING = "already_meeting", "You already have a meeting with this delegation."
    ALREADY_REGISTERED = (
        "already_registered",
        "This organisation is already registered for the event.",
    )
    ALREADY_REQUESTED = "already_requested", "You have already asked this delegation for a meeting."
    ALREADY_REQUESTED_YOU = (
        "already_requested_you",
        "This delegation has already asked you for a meeting: answer its request.",
    )
    ALREADY_REVOKED = "already_revoked", "This badge is already revoked."
    ANSWERED = "answered", "This request has already been answered."
    ANSWER_MISSING = "answer_missing", "Answer both questions."
    BAD_PERIOD = (
        "bad_period",
        "Line %(number)s is not “date start end”, e.g. 2027-03-10 13:30 17:00.",
    )
    CANCELLED = "cancelled", "The meeting or the registration was cancelled."
    CLOSED = "closed", "Registration for this event is closed."
    DELEGATION_BUSY = (
        "delegation_busy",
        "A delegation already has a meeting in that slot.",
    )
    DELEGATION_UNAVAILABLE = "delegation_unavailable", "A delegation is not available in this slot."
    DOUBLE_BOOKING = "double_booking", "Someone else has just taken this slot or table."
    DUPLICATE_MEETING = "duplicate_meeting", "These delegations already have a meeting."
    EVENT_DATES_REVERSED = "event_dates_reversed", "The last day cannot be before the first day."
    FULL = "full", "The event is full."
    INACTIVE = "inactive", "This registration is no longer active, so its attendance cannot change."
    NEXT_STEP_UNKNOWN = "next_step_unknown", "Choose what follows the meeting."
    NOT_AN_ORGANISER = "not_an_organiser", "Your organisation must be one of the organisers."
    NOT_APPROVED = "not_approved", "The delegation is not (or no longer) approved."
    NOT_A_DELEGATE = (
        "not_a_delegate",
        "A person is not a delegate of an approved delegation at this event.",
    )
    NOT_A_MEMBER = "not_a_member", "You do not act for a delegation that may do this."
    NOT_CANCELLABLE = "not_cancellable", "Only a meeting still to come can be cancelled."
    NOT_HELD = "not_held", "The meeting was not held."
    NOT_IN_MEETING = "not_in_meeting", "Your delegation did not take part in this meeting."
    NOT_PUBLISHED = (
        "not_published",
        "Free slots can be booked once the organisers have published the schedule.",
    )
    NOT_SCHEDULED = "not_scheduled", "The meeting is not scheduled."
    NO_DRAFT = "no_draft", "There is no draft to publish yet: run the scheduler first."
    NO_INTERPRETER = "no_interpreter", "No interpreter is free in this slot: choose another one."
    NO_ORGANISER = "no_organiser", "An event needs at least one organiser."
    NO_PERIOD = "no_period", "Give at least one period."
    NO_PROGRAMME = "no_programme", "Define the meeting slots and at least one table first."
    NO_TABLE = "no_table", "No table: none chosen for an in-person meeting, or none free."
    OTHER_EVENT = "other_event", "This badge is for another event."
    OTHER_PERSON = "other_person", "This badge was issued to another person."
    OUTCOME_UNKNOWN = "outcome_unknown", "Unknown outcome."
    OVER_MAX_MEETINGS = (
        "over_max_meetings",
        "A delegation has reached the most meetings it asked for.",
    )
    PERIODS_OVERLAP = "periods_overlap", "The periods overlap."
    PERIOD_REVERSED = "period_reversed", "A period must end after it starts."
    REMOTE = "remote", "A party attends this meeting remotely: it takes no table."
    REVOKED = "revoked", "This badge was revoked."
    RUN_IN_PROGRESS = "run_in_progress", "A scheduler run is already under way."
    SCHEDULE_RULE = (
        "schedule_rule",
        "This booking would break a rule of the schedule: choose another slot.",
    )
    SELF_REQUEST = "self_request", "A delegation cannot meet itself."
    SESSION_OUTSIDE_EVENT = "session_outside_event", "A session must take place during the event."
    SESSION_TIMES_REVERSED = "session_times_reversed", "A session must end after it starts."
    SLOTS_IN_USE = (
        "slots_in_use",
        "Some meetings are placed in slots this change would remove; move them first.",
    )
    SLOT_LENGTH_OUT_OF_RANGE = (
        "slot_length_out_of_range",
        "A meeting lasts between 5 and 240 minutes.",
    )
    SLOT_PAST = "slot_past", "This slot has already begun: choose a later one."
    SLUG_TAKEN = "slug_taken", "This short name is already used."
    TABLE_TAKEN = "table_taken", "This table is taken in that slot."
    TABLE_TOO_SMALL = "table_too_small", "The table has too few seats."
    TIME_ZONE_UNKNOWN = (
        "time_zone_unknown",
        "“%(zone)s” is not a time zone, e.g. Asia/Ho_Chi_Minh or Asia/Tokyo.",
    )
    TOO_EARLY = "too_early", "The meeting has not started yet."
    TOO_FEW_LANGUAGES = "too_few_languages", "An interpreter works between two languages at least."
    TOO_FEW_MEMBERS = "too_few_members", "A meeting needs two delegations."
    TOO_FEW_SEATS = "too_few_seats", "A table needs at least two seats."
    TOO_MANY_PENDING = "too_many_pending", "Too many requests are still unanswered."
    UNKNOWN_BADGE = "unknown_badge", "This code is not a badge of this platform."
    WEIGHT_OUT_OF_RANGE = "weight_out_of_range", "The weight is between 1 and 10."
    WRONG_EVENT = "wrong_event", "A slot, table, session or delegation belongs to another event."
