"""Every write to the direct channel. Each function runs in one transaction, checks that
`by` may do it through `messaging.rules.require` (PermissionDenied otherwise) and raises
django.core.exceptions.ValidationError (with a code, translated message) on bad input,
writing nothing.

Side effects: a new message notifies the thread's other members through
kakehashi.notifications, by e-mail or not as each one chose (NotificationPreference):
"immediately" gets the notice and its e-mail at once, "daily" the notice now and the e-mail in
the daily digest (`send_digests`), "never" the notice only. A notice names the organisation
that wrote and links to the thread; it never quotes the message (notices are stored where
back-office staff can list them). Nobody outside a thread is ever told anything about it.
When a post fails after its attachments were stored (a notice that cannot be written), their
files are deleted again (common.uploads.files_deleted_on_failure).

- threads: open_thread, post_message, add_member, mark_read;
- moderation: report_message, handle_report, block, unblock;
- digests: set_frequency, send_digests;
- base: what they share (checks of a message, writing it, telling the members).

Callers use the names below (`from kakehashi.messaging import services`), not the modules.
"""

from kakehashi.messaging.services.base import MAX_ATTACHMENTS
from kakehashi.messaging.services.digests import send_digests, set_frequency
from kakehashi.messaging.services.moderation import block, handle_report, report_message, unblock
from kakehashi.messaging.services.threads import add_member, mark_read, open_thread, post_message

__all__ = [
    "MAX_ATTACHMENTS",
    "add_member",
    "block",
    "handle_report",
    "mark_read",
    "open_thread",
    "post_message",
    "report_message",
    "send_digests",
    "set_frequency",
    "unblock",
]
