"""Who may do what in the directory (django-rules predicates), and `require`, the one check
the directory services make of who acts."""

import rules

from kakehashi.common import permissions
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of


@rules.predicate
def platform_admin(user):
    return is_platform_admin(user)


@rules.predicate
def administers_organisation(user, organisation):
    return organisation is not None and organisation.pk in organisation_ids_of(
        user, admin_only=True
    )


@rules.predicate
def acts_for_organisation(user, organisation):
    return organisation is not None and organisation.pk in organisation_ids_of(user)


@rules.predicate
def acts_for_any_organisation(user):
    return bool(organisation_ids_of(user))


@rules.predicate
def is_the_person(user, person):
    return person is not None and person.user_id is not None and person.user_id == user.pk


rules.add_perm("directory.view_organisation", rules.always_allow)
rules.add_perm("directory.add_organisation", rules.is_authenticated)
rules.add_perm("directory.change_organisation", platform_admin | administers_organisation)
# Any member may translate the organisation's name and description (it speaks for itself), and
# a platform administrator may correct one.
rules.add_perm("directory.translate_organisation", platform_admin | acts_for_organisation)
rules.add_perm("directory.manage_members", platform_admin | administers_organisation)
rules.add_perm("directory.import_organisations", platform_admin)
rules.add_perm("directory.import_people", platform_admin | acts_for_any_organisation)
# Anyone signed in may add a person who has not signed up (an import, the news desk); the
# callers say for which organisation or article.
rules.add_perm("directory.add_person", rules.is_authenticated)
# A person's own name forms are theirs to set (or a platform administrator's).
rules.add_perm("directory.change_person", platform_admin | is_the_person)


# The services' one check of who acts (predicates only: no superuser shortcut).
require = permissions.require
