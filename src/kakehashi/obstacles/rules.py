"""Who may do what with obstacles (django-rules predicates).

Participants are the members of the reporting organisation and of the responsible authority,
and the platform administrators. The authority's members (the platform administrators for an
obstacle no rule routed, and always) act on it. Everyone else sees a closed obstacle's public
summary, nothing more."""

import rules

from kakehashi.common import permissions
from kakehashi.directory.rules import (
    acts_for_any_organisation,
    acts_for_organisation,
    platform_admin,
)
from kakehashi.obstacles import queries
from kakehashi.obstacles.models import CLOSED_STATUSES, OPEN_STATUSES, Status


@rules.predicate
def reports(user, obstacle):
    return obstacle is not None and queries.is_member_of(user, obstacle.reporter_organisation_id)


@rules.predicate
def answers_for(user, obstacle):
    return obstacle is not None and queries.is_member_of(user, obstacle.authority_id)


@rules.predicate
def is_public(user, obstacle):
    return (
        obstacle is not None
        and obstacle.status in CLOSED_STATUSES
        and obstacle.is_public
        and bool(obstacle.public_summary)
    )


@rules.predicate
def is_open(user, obstacle):
    return obstacle is not None and obstacle.status in OPEN_STATUSES


@rules.predicate
def is_closed(user, obstacle):
    return obstacle is not None and obstacle.status in CLOSED_STATUSES


@rules.predicate
def has_authority(user, obstacle):
    return obstacle is not None and obstacle.authority_id is not None


@rules.predicate
def is_assigned(user, obstacle):
    return obstacle is not None and obstacle.status == Status.ASSIGNED


@rules.predicate
def is_being_worked(user, obstacle):
    return obstacle is not None and obstacle.status in (Status.ASSIGNED, Status.IN_PROGRESS)


# queries.Reader.takes_part_in answers `participant` for many obstacles at once (the API's
# lists); change both together (tests/obstacles/test_api_query_count.py compares them).
participant = platform_admin | reports | answers_for
handler = platform_admin | answers_for

rules.add_perm("obstacles.view_obstacle", participant | is_public)
rules.add_perm("obstacles.see_details", participant)
rules.add_perm("obstacles.add_obstacle", acts_for_any_organisation)
# The object is the organisation that files: its members only (a platform administrator
# files for an organisation they belong to, like anyone).
rules.add_perm("obstacles.file_for", acts_for_organisation)
rules.add_perm("obstacles.comment_obstacle", participant)
# Those who wrote or answer the obstacle (and the platform administrators, its moderators)
# translate its title and public summary.
rules.add_perm("obstacles.translate_obstacle", participant)
rules.add_perm("obstacles.attach_obstacle", participant & is_open)
rules.add_perm("obstacles.assign_obstacle", handler & is_open & has_authority)
rules.add_perm("obstacles.start_obstacle", handler & is_assigned)
rules.add_perm("obstacles.close_obstacle", handler & is_being_worked)
rules.add_perm("obstacles.reopen_obstacle", participant & is_closed)
rules.add_perm("obstacles.route_obstacle", platform_admin & is_open)
rules.add_perm("obstacles.view_queue", acts_for_any_organisation | platform_admin)
rules.add_perm("obstacles.manage_rules", platform_admin)


# The services' one check of who acts (predicates only: no superuser shortcut).
require = permissions.require
