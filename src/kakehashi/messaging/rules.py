"""Who may do what in the direct channel (django-rules predicates). Reading a thread is for
its members only; platform administrators decide on reports, in the back office."""

import rules

from kakehashi.directory.rules import acts_for_any_organisation, platform_admin
from kakehashi.messaging import queries


@rules.predicate
def is_thread_member(user, thread):
    return thread is not None and queries.membership(user, thread) is not None


rules.add_perm("messaging.view_thread", is_thread_member)
rules.add_perm("messaging.post_message", is_thread_member)
rules.add_perm("messaging.add_member", is_thread_member)
rules.add_perm("messaging.open_thread", acts_for_any_organisation)
rules.add_perm("messaging.handle_report", platform_admin)
