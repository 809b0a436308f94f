"""Reads of the directory, each taking the reader into account."""

from django.db.models import Q, QuerySet

from kakehashi.directory.models import (
    Country,
    Locality,
    LocalityLevel,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationTranslation,
)


def is_platform_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def memberships_of(user) -> QuerySet[Membership]:
    if not (user and user.is_authenticated):
        return Membership.objects.none()
    return Membership.objects.filter(person__user=user)


def organisation_ids_of(user, *, admin_only: bool = False) -> set[int]:
    """Ids of the organisations the user acts for (as administrator only, if asked)."""
    memberships = memberships_of(user)
    if admin_only:
        memberships = memberships.filter(role=MembershipRole.ADMIN)
    return set(memberships.values_list("organisation_id", flat=True))


def localities_spoken_for(user) -> set[int]:
    """Ids of the localities whose local government the user acts for, with the former
    units that today's unit took over (a record signed by Binh Duong belongs to Ho Chi Minh
    City's government now)."""
    ids = set(
        memberships_of(user)
        .filter(organisation__kind=OrganisationKind.LOCAL_GOVERNMENT)
        .exclude(organisation__locality=None)
        .values_list("organisation__locality_id", flat=True)
    )
    if ids:
        ids |= set(Locality.objects.filter(successor_id__in=ids).values_list("id", flat=True))
    return ids


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """With their translations, for their names in the reader's language."""
    organisations = Organisation.objects.select_related("locality").prefetch_related("translations")
    if is_platform_admin(user):
        return organisations
    own = organisation_ids_of(user)
    return organisations.filter(Q(is_published=True) | Q(id__in=own))


def listed(
    user,
    *,
    q: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    locality: Locality | None = None,
) -> QuerySet[Organisation]:
    """The organisations of a list (the directory page, the API's list, search): those the
    user may see (organisations_visible_to), narrowed by the filters. The one place their
    meanings are kept; an empty value (None or "") leaves a filter out:

    - `q`: part of the organisation's name, of its English name or of its name in one of its
      translations (the name a reader of that language sees), in any case;
    - `kind`: the organisation's kind;
    - `country`: the organisation's country;
    - `sector`: the key of one of the organisation's sectors;
    - `locality`: the organisation's locality is this one or a former unit it took over.

    No ordering: each caller orders (the lists by name, then id)."""
    organisations = organisations_visible_to(user)
    if q:
        translated = OrganisationTranslation.objects.filter(name__icontains=q)
        organisations = organisations.filter(
            Q(name__icontains=q)
            | Q(name_en__icontains=q)
            | Q(pk__in=translated.values("organisation_id"))
        )
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country)
    if sector:
        through = Organisation.sectors.through.objects.filter(sector__key=sector)
        organisations = organisations.filter(pk__in=through.values("organisation_id"))
    if locality is not None:
        organisations = organisations.filter(locality__in=locality.lineage)
    return organisations


def organisation_translation(
    organisation: Organisation, language: str
) -> OrganisationTranslation | None:
    """The organisation's translation into `language` (with its translator), or None; None
    too for its own language."""
    if language == organisation.language:
        return None
    return (
        OrganisationTranslation.objects.select_related("made_by")
        .filter(organisation=organisation, language=language)
        .first()
    )


def locality_by_slug(slug: str) -> Locality | None:
    return Locality.objects.filter(slug=slug).first()


def localities(
    *, country: str | None = None, level: str | None = None, include_former: bool = False
) -> QuerySet[Locality]:
    result = Locality.objects.select_related("successor", "parent")
    if not include_former:
        result = result.filter(is_current=True)
    if country:
        result = result.filter(country=country)
    if level:
        result = result.filter(level=level)
    return result


def province_level_localities(country: str, *, include_former: bool = False):
    levels = (
        [LocalityLevel.VN_PROVINCE, LocalityLevel.VN_CENTRAL_CITY]
        if country == Country.VIETNAM
        else [LocalityLevel.JP_PREFECTURE]
    )
    return localities(country=country, include_former=include_former).filter(level__in=levels)
