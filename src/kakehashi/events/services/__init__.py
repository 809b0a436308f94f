"""Every write to events, meetings and schedules (see the modules for each part)."""

from kakehashi.events.services.event import (
    add_session,
    cancel_registration,
    create_event,
    decide_registration,
    register,
    update_event,
    update_session,
)
from kakehashi.events.services.meetings import (
    add_interpreter,
    add_organiser_meeting,
    answer_request,
    define_programme,
    record_outcome,
    send_request,
    send_request_reminders,
    set_availability,
    set_table,
)
from kakehashi.events.services.placement import lock_meeting, place_meeting, record_attendance
from kakehashi.events.services.schedule import (
    apply_run,
    build_instance,
    execute_run,
    fail_stale_runs,
    publication_refusal,
    publish_schedule,
    start_schedule_run,
)

__all__ = [
    "add_interpreter",
    "add_organiser_meeting",
    "add_session",
    "answer_request",
    "apply_run",
    "build_instance",
    "cancel_registration",
    "create_event",
    "decide_registration",
    "execute_run",
    "fail_stale_runs",
    "define_programme",
    "lock_meeting",
    "place_meeting",
    "publication_refusal",
    "publish_schedule",
    "record_attendance",
    "record_outcome",
    "register",
    "send_request",
    "send_request_reminders",
    "set_availability",
    "set_table",
    "start_schedule_run",
    "update_event",
    "update_session",
]
