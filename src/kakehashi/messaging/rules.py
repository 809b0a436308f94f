"""Who may do what in the direct channel (django-rules predicates), and `require`, the one
check the messaging services make of who acts. Reading a thread is for its members only;
platform administrators decide on reports, in the back office."""

import rules

from kakehashi.common import permissions
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.directory.rules import (
    acts_for_any_organisation,
    acts_for_organisation,
    platform_admin,
)
from kakehashi.messaging import queries


@rules.predicate
def is_thread_member(user, thread):
    return thread is not None and queries.membership(user, thread) is not None


@rules.predicate
def speaks_in_thread(user, thread):
    """A member who still acts for the organisation they joined the thread for."""
    member = queries.membership(user, thread) if thread is not None else None
    return member is not None and member.organisation_id in organisation_ids_of(user)


rules.add_perm("messaging.view_thread", is_thread_member)
rules.add_perm("messaging.post_message", speaks_in_thread)
rules.add_perm("messaging.add_member", speaks_in_thread)
rules.add_perm("messaging.report_message", is_thread_member)
rules.add_perm("messaging.open_thread", acts_for_any_organisation)
# The object is the organisation written for (opening a thread, blocking): its members only.
rules.add_perm("messaging.act_for", acts_for_organisation)
rules.add_perm("messaging.handle_report", platform_admin)
rules.add_perm("messaging.set_frequency", rules.is_authenticated)


# The services' one check of who acts (predicates only: no superuser shortcut).
require = permissions.require
