"""Who may do what in the partnership registry (django-rules predicates)."""

import rules

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


rules.add_perm("partnerships.add_partnership", platform_admin | acts_for_any_organisation)
rules.add_perm("partnerships.change_partnership", platform_admin | manages_partnership)
rules.add_perm("partnerships.delete_partnership", platform_admin | manages_partnership)
# Those who may edit a record translate it; the registry has no moderators of its own, the
# platform administrators act as such (their translations are marked "a moderator").
rules.add_perm("partnerships.translate_partnership", platform_admin | manages_partnership)
rules.add_perm("partnerships.import_partnerships", platform_admin | acts_for_any_organisation)
