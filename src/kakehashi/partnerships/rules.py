"""Who may do what in the partnership registry (django-rules predicates), and `require`, the
one check the partnership services make of who acts."""

import rules

from kakehashi.common import permissions
from kakehashi.directory.queries import localities_spoken_for
from kakehashi.directory.rules import acts_for_any_organisation, platform_admin
from kakehashi.partnerships.models import Partnership
from kakehashi.partnerships.queries import managed_partnership_filter


@rules.predicate
def manages_partnership(user, partnership):
    if partnership is None or not user.is_authenticated:
        return False
    return (
        Partnership.objects.filter(pk=partnership.pk)
        .filter(managed_partnership_filter(user))
        .exists()
    )


@rules.predicate
def speaks_for_a_place(user, places):
    """`places`: localities (None left out); the user acts for the government of one of
    them, or of the unit that took it over."""
    own = localities_spoken_for(user)
    return any(place is not None and place.pk in own for place in places or ())


@rules.predicate
def speaks_for_locality(user, locality):
    return locality is not None and locality.pk in localities_spoken_for(user)


rules.add_perm("partnerships.add_partnership", platform_admin | acts_for_any_organisation)
rules.add_perm("partnerships.change_partnership", platform_admin | manages_partnership)
rules.add_perm("partnerships.delete_partnership", platform_admin | manages_partnership)
# Those who may edit a record translate it; the registry has no moderators of its own, the
# platform administrators act as such (their translations are marked "a moderator").
rules.add_perm("partnerships.translate_partnership", platform_admin | manages_partnership)
rules.add_perm("partnerships.import_partnerships", platform_admin | acts_for_any_organisation)
# A visit that belongs to no recorded agreement: the object is (visitor, host), and the
# government of either may record it.
rules.add_perm("partnerships.record_visit", platform_admin | speaks_for_a_place)


@rules.predicate
def may_record_the_visit(user, visit):
    """Those who may record the visit: under an agreement, those who may change the
    agreement; under none, the governments of the visitor and the host (and the platform
    administrators, either way)."""
    if visit.partnership_id:
        return rules.has_perm("partnerships.change_partnership", user, visit.partnership)
    return rules.has_perm("partnerships.record_visit", user, (visit.visitor, visit.host))


# Those who may record a visit translate it.
rules.add_perm("partnerships.translate_visit", may_record_the_visit)

# A locality's priority partners are its own government's to record.
rules.add_perm("partnerships.change_priority_list", platform_admin | speaks_for_locality)


# The services' one check of who acts (predicates only: no superuser shortcut).
require = permissions.require
