"""Reads of the partnership registry, each taking the reader into account."""

from django.db.models import Prefetch, Q, QuerySet

from kakehashi.directory.models import Locality
from kakehashi.directory.queries import (
    is_platform_admin,
    localities_spoken_for,
    organisation_ids_of,
)
from kakehashi.partnerships.models import (
    DelegationVisit,
    Partnership,
    PartnershipParty,
    PriorityList,
)

PARTY_QUERYSET = PartnershipParty.objects.select_related(
    "locality__successor",
    "organisation__locality__successor",
)


def _with_details(partnerships: QuerySet[Partnership]) -> QuerySet[Partnership]:
    return partnerships.prefetch_related(
        Prefetch("parties", queryset=PARTY_QUERYSET),
        "parties__organisation__translations",
        "sectors",
        "renewals",
        "sources",
        "translations",
    )


def managed_partnership_filter(user) -> Q:
    """Partnerships that the user may change: those their organisation recorded or is a party
    to, and those of the localities whose government they act for."""
    own = organisation_ids_of(user)
    places = localities_spoken_for(user)
    return (
        Q(recorded_by_id__in=own)
        | Q(parties__organisation_id__in=own)
        | Q(parties__locality_id__in=places)
    )


def partnerships_visible_to(user) -> QuerySet[Partnership]:
    partnerships = Partnership.objects.all()
    if not is_platform_admin(user):
        visible = Q(is_published=True)
        if user and user.is_authenticated:
            visible |= Q(pk__in=Partnership.objects.filter(managed_partnership_filter(user)))
        partnerships = partnerships.filter(visible)
    return _with_details(partnerships)


def listed(
    user,
    *,
    locality: Locality | None = None,
    kind: str | None = None,
    status: str | None = None,
    sector: str | None = None,
) -> QuerySet[Partnership]:
    """The partnerships of a list (the registry page, the API's list, a locality's page):
    those the user may see (partnerships_visible_to), narrowed by the filters. The one place
    their meanings are kept; an empty value (None or "") leaves a filter out:

    - `locality`: the locality, a former unit it took over, or an organisation based in one
      of them is a party to the agreement;
    - `kind`: the agreement's kind;
    - `status`: the agreement's status;
    - `sector`: the key of one of the agreement's sectors.

    In the model's order (signed last first, then by title); callers order as they show it."""
    partnerships = partnerships_visible_to(user)
    if locality is not None:
        lineage = [place.pk for place in locality.lineage]
        ids = PartnershipParty.objects.filter(
            Q(locality_id__in=lineage) | Q(organisation__locality_id__in=lineage)
        ).values("partnership_id")
        partnerships = partnerships.filter(pk__in=ids)
    if kind:
        partnerships = partnerships.filter(kind=kind)
    if status:
        partnerships = partnerships.filter(status=status)
    if sector:
        through = Partnership.sectors.through.objects.filter(sector__key=sector)
        partnerships = partnerships.filter(pk__in=through.values("partnership_id"))
    return partnerships


def partnerships_of_locality(locality: Locality, user) -> QuerySet[Partnership]:
    """Partnerships to which the locality (or a former unit it took over, or an organisation
    based there) is a party."""
    return listed(user, locality=locality).order_by("signed_on", "title")


def visits_of_locality(locality: Locality, user) -> QuerySet[DelegationVisit]:
    lineage = [place.pk for place in locality.lineage]
    visits = (
        DelegationVisit.objects.select_related("visitor", "host")
        .prefetch_related("translations")
        .filter(Q(visitor_id__in=lineage) | Q(host_id__in=lineage))
    )
    if not is_platform_admin(user):
        visits = visits.filter(is_published=True)
    return visits


def priority_lists_of_locality(locality: Locality, user) -> QuerySet[PriorityList]:
    lists = PriorityList.objects.filter(locality=locality).prefetch_related(
        "entries__partner", "translations"
    )
    if not is_platform_admin(user):
        lists = lists.filter(is_published=True)
    return lists


def priority_lists_naming(locality: Locality, user) -> QuerySet[PriorityList]:
    """Lists of other localities on which this locality is a priority partner."""
    lists = PriorityList.objects.filter(entries__partner=locality).select_related("locality")
    if not is_platform_admin(user):
        lists = lists.filter(is_published=True)
    return lists.distinct()
