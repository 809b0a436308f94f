"""Reads of the news desk, and who may use it."""

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Exists, OuterRef, Q, QuerySet, When

from kakehashi.directory.models import Locality, Membership, Organisation, OrganisationKind
from kakehashi.directory.queries import (
    is_platform_admin,
    localities_spoken_for,
    organisation_ids_of,
)
from kakehashi.news.models import Article, Feed, SuggestionStatus
from kakehashi.proposals.models import LocalityModerator
from kakehashi.proposals.queries import moderated_locality_ids


def editable_locality_ids(user) -> set[int]:
    """Localities whose records the user may keep current from the news: those whose
    government they act for and those they moderate (with the former units each took
    over)."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    return localities_spoken_for(user) | moderated_locality_ids(user)


def may_use_desk(user) -> bool:
    """Platform administrators (the registry's moderators), locality moderators and the
    editors of a locality (members of its government) use the news desk; nobody else sees
    it. Kept on the user object for the rest of the request (the menu asks too)."""
    known = getattr(user, "_uses_news_desk", None)
    if known is None:
        known = is_platform_admin(user) or _speaks_for_or_moderates_a_locality(user)
        if user is not None and user.is_authenticated:
            user._uses_news_desk = known
    return known


def _speaks_for_or_moderates_a_locality(user) -> bool:
    """bool(editable_locality_ids(user)) in one query (the menu asks it on every page)."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    governs = Membership.objects.filter(
        person__user=OuterRef("pk"),
        organisation__kind=OrganisationKind.LOCAL_GOVERNMENT,
        organisation__locality__isnull=False,
    )
    moderates = LocalityModerator.objects.filter(user=OuterRef("pk"))
    users = get_user_model().objects.filter(pk=user.pk)
    return users.filter(Exists(governs) | Exists(moderates)).exists()


def may_decide_for(user, localities: list[Locality]) -> bool:
    """Whether the user may accept or reject a suggestion that concerns these localities."""
    if is_platform_admin(user):
        return True
    own = editable_locality_ids(user)
    return any(place.pk in own or place.successor_id in own for place in localities)


def articles_for_desk() -> QuerySet[Article]:
    """Every article, newest first, with the count of suggestions waiting for review."""
    return (
        Article.objects.select_related("feed", "created_by")
        .annotate(
            pending=Count("suggestions", filter=Q(suggestions__status=SuggestionStatus.NEW)),
            decided=Count("suggestions", filter=~Q(suggestions__status=SuggestionStatus.NEW)),
        )
        .order_by("-created_at", "-pk")
    )


def feeds_for_desk() -> QuerySet[Feed]:
    return Feed.objects.select_related("owner").annotate(article_count=Count("articles"))


def organisations_for_events(user) -> QuerySet[Organisation]:
    """The organisations the user may name organisers of an event: the published ones and
    their own (any, for platform administrators), as on the events pages."""
    if is_platform_admin(user):
        return Organisation.objects.order_by("name")
    own = organisation_ids_of(user) if user is not None else set()
    return Organisation.objects.filter(Q(is_published=True) | Q(pk__in=own)).order_by("name")


def own_organisations(user) -> QuerySet[Organisation]:
    """The organisations the user acts for, their local governments first."""
    first = Case(When(kind=OrganisationKind.LOCAL_GOVERNMENT, then=0), default=1)
    return Organisation.objects.filter(pk__in=organisation_ids_of(user)).order_by(first, "name")
