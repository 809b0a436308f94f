"""Reads of the obstacle tracker, each taking the reader into account, and the routing
look-up (which rule answers for a locality and category)."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from kakehashi.accounts.queries import platform_admins
from kakehashi.directory.models import Country, Locality, Membership, MembershipRole
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.obstacles.models import (
    ANY_CATEGORY,
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Obstacle,
    RoutingRule,
)

# --- routing ---------------------------------------------------------------------------


def today_unit(locality: Locality) -> Locality:
    """The unit in force today: a former Vietnamese unit (or a merged Japanese town) gives
    the unit that took it over."""
    seen = set()
    while not locality.is_current and locality.successor_id and locality.pk not in seen:
        seen.add(locality.pk)
        locality = locality.successor
    return locality


def routing_places(locality: Locality) -> list[Locality]:
    """The localities whose rules may answer for an obstacle filed at `locality`, most
    specific first: the unit as filed (if it is a former one), today's unit, then for Japan
    the municipality's parents (a ward's city, a city's prefecture)."""
    places = [locality] if not locality.is_current else []
    current = today_unit(locality)
    places.append(current)
    if current.country == Country.JAPAN:
        parent = current.parent
        while parent is not None and parent not in places:
            places.append(parent)
            parent = parent.parent
    return places


def rule_for(locality: Locality, category: str) -> RoutingRule | None:
    """The most specific rule for the locality and category: the nearest place wins (the
    unit itself, then its prefecture, then the country-wide rule); at the same place, a rule
    for the category beats one for any category. None when no rule matches."""
    places = routing_places(locality)
    rank_of = {place.pk: position for position, place in enumerate(places)}
    rules = RoutingRule.objects.filter(
        Q(locality_id__in=rank_of) | Q(locality__isnull=True, country=locality.country),
        category__in=[category, ANY_CATEGORY],
    ).select_related("authority", "locality")

    def rank(rule):
        place = rank_of[rule.locality_id] if rule.locality_id else len(places)
        return (place, 0 if rule.category == category else 1)

    return min(rules, key=rank, default=None)


def routing_rules() -> QuerySet[RoutingRule]:
    return RoutingRule.objects.select_related("locality", "authority").order_by(
        "country", "locality__name_en", "category", "pk"
    )


# --- people ----------------------------------------------------------------------------


def member_users(organisation, *, admin_only: bool = False) -> list:
    """Active users who act for the organisation (its administrators only, if asked)."""
    if organisation is None:
        return []
    memberships = Membership.objects.filter(
        organisation=organisation, person__user__isnull=False, person__user__is_active=True
    )
    if admin_only:
        memberships = memberships.filter(role=MembershipRole.ADMIN)
    ids = memberships.values_list("person__user_id", flat=True)
    return list(get_user_model().objects.filter(pk__in=ids).order_by("full_name", "pk"))


def authority_admins(obstacle: Obstacle) -> list:
    """Who hears of a new or overdue obstacle: the authority's administrators (all its
    members if it names no administrator); the platform administrators when no authority
    is responsible."""
    if obstacle.authority_id is None:
        return platform_admins()
    return member_users(obstacle.authority, admin_only=True) or member_users(obstacle.authority)


def is_member_of(user, organisation_id) -> bool:
    return organisation_id is not None and organisation_id in organisation_ids_of(user)


@dataclass(frozen=True)
class Reader:
    """Who reads obstacles, looked up once: the organisations the user acts for and whether
    they administer the platform. `takes_part_in` answers the `obstacles.see_details` rule
    (rules.participant) in Python, so a page of obstacles costs one membership query instead
    of several per obstacle and field; build one per request (`Reader.of(request.user)`), not
    one per obstacle."""

    organisation_ids: frozenset[int]
    is_platform_admin: bool

    @classmethod
    def of(cls, user) -> "Reader":
        return cls(frozenset(organisation_ids_of(user)), is_platform_admin(user))

    def takes_part_in(self, obstacle: Obstacle) -> bool:
        """A platform administrator, or a member of the reporting organisation or of the
        responsible authority."""
        return (
            self.is_platform_admin
            or obstacle.reporter_organisation_id in self.organisation_ids
            or (
                obstacle.authority_id is not None and obstacle.authority_id in self.organisation_ids
            )
        )


# --- visibility ------------------------------------------------------------------------

PUBLIC = Q(status__in=CLOSED_STATUSES, is_public=True) & ~Q(public_summary="")


def with_related(obstacles: QuerySet[Obstacle]) -> QuerySet[Obstacle]:
    return obstacles.select_related(
        "reporter_organisation", "locality", "authority", "owner", "reporter"
    ).prefetch_related("translations")


def listed(
    user,
    *,
    queue: bool = False,
    status: str | None = None,
    category: str | None = None,
    reader: Reader | None = None,
) -> QuerySet[Obstacle]:
    """The obstacles of a list (the authority's queue page, the resolved page, the API's
    list): those the user may see, narrowed by the filters. The one place their meanings are
    kept; an empty value (None, "" or False) leaves a filter out:

    - `queue`: only those the user's authorities must answer (and, for platform
      administrators, those no rule routed), whoever else may see them;
    - `status`: the obstacle's status;
    - `category`: the obstacle's category.

    Who sees what: platform administrators all; members of the reporting organisation or of
    the responsible authority theirs; everybody the closed obstacles with a public summary.
    No ordering and no select_related: each caller orders and fetches what it shows. Pass
    the user's `reader` when one is at hand, to not read the memberships again."""
    reader = reader or Reader.of(user)
    own = reader.organisation_ids
    obstacles = Obstacle.objects.all()
    if queue:
        scope = Q(authority_id__in=own)
        if reader.is_platform_admin:
            scope |= Q(authority__isnull=True)
        obstacles = obstacles.filter(scope)
    elif not reader.is_platform_admin:
        obstacles = obstacles.filter(
            PUBLIC | Q(reporter_organisation_id__in=own) | Q(authority_id__in=own)
        )
    if status:
        obstacles = obstacles.filter(status=status)
    if category:
        obstacles = obstacles.filter(category=category)
    return obstacles


def obstacles_visible_to(user, *, reader: Reader | None = None) -> QuerySet[Obstacle]:
    """The obstacles the user may see (listed()), with what a page of them shows."""
    return with_related(listed(user, reader=reader))


def obstacles_of_my_organisations(user) -> QuerySet[Obstacle]:
    own = organisation_ids_of(user)
    return with_related(Obstacle.objects.filter(reporter_organisation_id__in=own))


def with_overdue_first(obstacles: QuerySet[Obstacle], today: dt.date | None = None):
    today = today or timezone.localdate()
    return obstacles.annotate(
        overdue=Case(
            When(Q(status__in=OPEN_STATUSES, deadline__lt=today), then=Value(0)),
            When(Q(status__in=OPEN_STATUSES), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("overdue", "deadline", "pk")


def queue_of(
    user, *, status: str | None = None, today: dt.date | None = None, reader: Reader | None = None
):
    """The obstacles the user's authorities must answer (and, for platform administrators,
    those no rule routed), overdue first, then by deadline."""
    obstacles = listed(user, queue=True, status=status, reader=reader)
    return with_overdue_first(with_related(obstacles), today)


def public_resolved() -> QuerySet[Obstacle]:
    """Closed obstacles whose public summary may be shown to anyone, newest first: those
    listed() gives an anonymous reader."""
    return (
        listed(None)
        .select_related("locality", "authority")
        # the authority's name in the reader's language (directory/names.py)
        .prefetch_related("translations", "authority__translations")
        .order_by("-closed_at", "-pk")
    )


def overdue(today: dt.date) -> QuerySet[Obstacle]:
    """Open obstacles past their deadline that have not been escalated yet."""
    return Obstacle.objects.filter(
        status__in=OPEN_STATUSES, deadline__lt=today, escalated_at__isnull=True
    )
