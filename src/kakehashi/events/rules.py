"""Who may do what with events (django-rules predicates), and `require`, the one check the
events services make of who acts."""

import rules

from kakehashi.common import permissions
from kakehashi.directory.rules import acts_for_any_organisation, platform_admin
from kakehashi.events.queries import organises


@rules.predicate
def organises_event(user, event):
    return event is not None and organises(user, event)


rules.add_perm("events.add_event", platform_admin | acts_for_any_organisation)
rules.add_perm("events.change_event", platform_admin | organises_event)
rules.add_perm("events.manage_registrations", platform_admin | organises_event)
rules.add_perm("events.register", acts_for_any_organisation)
# Badges, check-in, table cards and room signs on the event day.
rules.add_perm("events.check_in", platform_admin | organises_event)


# The services' one check of who acts (predicates only: no superuser shortcut).
require = permissions.require
