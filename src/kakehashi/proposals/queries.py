"""Reads of proposals, each taking the reader into account."""

from django.db.models import Q, QuerySet

from kakehashi.directory.models import Locality
from kakehashi.directory.queries import is_platform_admin, organisation_ids_of
from kakehashi.proposals.models import (
    Interest,
    InterestStatus,
    LocalityModerator,
    Proposal,
    ProposalKind,
    ProposalPartnershipType,
    ProposalStatus,
    ProposalTargetCountry,
    ProposalTranslation,
    ScreeningWeights,
)
from kakehashi.proposals.screening import DEFAULT_WEIGHTS, screen


def moderated_locality_ids(user) -> set[int]:
    """Localities whose proposals the user reviews: those they moderate, the former units
    those took over, and their municipalities (a prefecture's moderator covers its cities)."""
    if not (user and user.is_authenticated):
        return set()
    ids = set(LocalityModerator.objects.filter(user=user).values_list("locality_id", flat=True))
    if ids:
        ids |= set(
            Locality.objects.filter(Q(successor_id__in=ids) | Q(parent_id__in=ids)).values_list(
                "id", flat=True
            )
        )
    return ids


def is_moderator_anywhere(user) -> bool:
    return is_platform_admin(user) or bool(
        user and user.is_authenticated and LocalityModerator.objects.filter(user=user).exists()
    )


def moderates(user, proposal: Proposal) -> bool:
    return is_platform_admin(user) or proposal.locality_id in moderated_locality_ids(user)


def owns(user, proposal: Proposal) -> bool:
    return proposal.organisation_id in organisation_ids_of(user)


def owner_revealed_to(user, proposal: Proposal) -> bool:
    """Whether the user may see who stands behind the proposal."""
    if not proposal.is_anonymous or owns(user, proposal) or moderates(user, proposal):
        return True
    own = organisation_ids_of(user)
    return (
        bool(own)
        and proposal.interests.filter(
            organisation_id__in=own, status=InterestStatus.ACCEPTED
        ).exists()
    )


def translation_for(proposal: Proposal, language: str) -> ProposalTranslation | None:
    """The proposal's translation into `language` (with its translator), or None; None too
    for its own language."""
    if language == proposal.language:
        return None
    return (
        ProposalTranslation.objects.select_related("made_by")
        .filter(proposal=proposal, language=language)
        .first()
    )


class ProposalReader:
    """One reader's rights over proposals, with what they depend on read once: a list asks
    about every row (who stands behind it, whether the reason for a rejection shows), and
    asking the database again for each row made the API's lists slow for signed-in callers.
    Lives for one request; the answers are those of owns(), moderates() and
    owner_revealed_to()."""

    def __init__(self, user):
        self.user = user
        self.is_admin = is_platform_admin(user)
        self._organisation_ids: set[int] | None = None
        self._moderated: set[int] | None = None
        self._revealed: set[int] | None = None
        self._weights: dict[int, dict[str, int]] = {}

    @property
    def organisation_ids(self) -> set[int]:
        if self._organisation_ids is None:
            self._organisation_ids = organisation_ids_of(self.user)
        return self._organisation_ids

    def owns(self, proposal: Proposal) -> bool:
        return proposal.organisation_id in self.organisation_ids

    def moderates(self, proposal: Proposal) -> bool:
        if self.is_admin:
            return True
        if self._moderated is None:
            self._moderated = moderated_locality_ids(self.user)
        return proposal.locality_id in self._moderated

    def sees_owner(self, proposal: Proposal) -> bool:
        if not proposal.is_anonymous or self.owns(proposal) or self.moderates(proposal):
            return True
        if self._revealed is None:
            self._revealed = (
                set(
                    Interest.objects.filter(
                        organisation_id__in=self.organisation_ids, status=InterestStatus.ACCEPTED
                    ).values_list("proposal_id", flat=True)
                )
                if self.organisation_ids
                else set()
            )
        return proposal.pk in self._revealed

    def weights(self, locality: Locality) -> dict[str, int]:
        if locality.pk not in self._weights:
            self._weights[locality.pk] = weights_for(locality)
        return self._weights[locality.pk]


def with_details(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """The proposals with all a whole proposal shows (the API's rows, the detail page)."""
    return proposals.select_related(
        "organisation", "locality", "investment", "export"
    ).prefetch_related(
        "sectors",
        "partnership_types",
        "target_countries",
        "target_localities",
        "translations",
        # The organisation's name in the reader's language (directory/names.py).
        "organisation__translations",
    )


def visible_filter(user) -> Q:
    """Published proposals for everyone; the others to the owner organisation's members and
    to the moderators of the proposal's locality (platform administrators see all)."""
    visible = Q(status=ProposalStatus.PUBLISHED)
    if user and user.is_authenticated:
        visible |= Q(organisation_id__in=organisation_ids_of(user))
        visible |= Q(locality_id__in=moderated_locality_ids(user)) & ~Q(status=ProposalStatus.DRAFT)
    return visible


def proposals_visible_to(user) -> QuerySet[Proposal]:
    proposals = Proposal.objects.all()
    if not is_platform_admin(user):
        proposals = proposals.filter(visible_filter(user))
    return with_details(proposals)


def published_proposals() -> QuerySet[Proposal]:
    return with_details(Proposal.objects.filter(status=ProposalStatus.PUBLISHED))


def listed(
    user,
    *,
    status: str | None = None,
    kind: str | None = None,
    sector: str | None = None,
    country: str | None = None,
    origin_country: str | None = None,
    locality: Locality | None = None,
    partnership_type: str | None = None,
    stage: str | None = None,
) -> QuerySet[Proposal]:
    """The proposals of a list (the marketplace page, the API's list, search): those the user
    may see (visible_filter), narrowed by the filters. The one place their meanings are kept;
    an empty value (None or "") leaves a filter out:

    - `status`: the proposal's status (the page and search ask for published ones only);
    - `kind`: the proposal's kind (offer, request, investment project, ...);
    - `sector`: the key of one of the proposal's sectors;
    - `country`: one of the countries the proposal targets ("Target country" on the page);
    - `origin_country`: the country the proposal comes from, that of its locality (the
      proposing organisation's, or where an investment project is) — search's "Country",
      the same country its index documents carry;
    - `locality`: the proposal's locality is this one or a former unit it took over;
    - `partnership_type`: one of the partnership types the proposal seeks;
    - `stage`: the technology's stage of development.

    No ordering and no select_related: each caller orders and fetches what it shows.

    The to-many filters (sector, target country, partnership type) are subqueries on their own
    tables, not joins: a join can repeat a proposal, so it needs DISTINCT, and DISTINCT makes
    the database sort or hash every published proposal (100,000 and more) before it can count
    them or hand out the first page. A subquery cannot repeat a row, so the count is a plain
    COUNT(*) and the page is read in index order."""
    proposals = Proposal.objects.all()
    if status:
        proposals = proposals.filter(status=status)
    # Published proposals are everyone's: no need to ask whose the others are.
    if status != ProposalStatus.PUBLISHED and not is_platform_admin(user):
        proposals = proposals.filter(visible_filter(user))
    if kind:
        proposals = proposals.filter(kind=kind)
    if sector:
        through = Proposal.sectors.through.objects.filter(sector__key=sector)
        proposals = proposals.filter(pk__in=through.values("proposal_id"))
    if country:
        rows = ProposalTargetCountry.objects.filter(country=country)
        proposals = proposals.filter(pk__in=rows.values("proposal_id"))
    if origin_country:
        proposals = proposals.filter(locality__country=origin_country)
    if locality is not None:
        proposals = proposals.filter(locality__in=locality.lineage)
    if partnership_type:
        rows = ProposalPartnershipType.objects.filter(type=partnership_type)
        proposals = proposals.filter(pk__in=rows.values("proposal_id"))
    if stage:
        proposals = proposals.filter(stage=stage)
    return proposals


def with_row_details(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """The proposals with what a row of the list page shows (the organisation, the locality,
    the sectors, the translations), and nothing else."""
    return proposals.select_related("organisation", "locality").prefetch_related(
        "sectors", "translations", "organisation__translations"
    )


def proposals_of_my_organisations(user) -> QuerySet[Proposal]:
    return with_details(
        Proposal.objects.filter(organisation_id__in=organisation_ids_of(user))
    ).order_by("-updated_at", "-pk")


def moderation_queue(user) -> QuerySet[Proposal]:
    """Submitted proposals that the user may review, oldest first."""
    queue = Proposal.objects.filter(status=ProposalStatus.SUBMITTED)
    if not is_platform_admin(user):
        queue = queue.filter(locality_id__in=moderated_locality_ids(user))
    return with_details(queue).order_by("submitted_at", "pk")


def interests_received(user) -> QuerySet[Interest]:
    """Expressions of interest in the proposals of the user's organisations."""
    return (
        Interest.objects.filter(proposal__organisation_id__in=organisation_ids_of(user))
        .select_related("proposal", "organisation", "created_by")
        .prefetch_related("proposal__translations")
        .order_by("status", "-created_at")
    )


def interests_sent(user) -> QuerySet[Interest]:
    return (
        Interest.objects.filter(organisation_id__in=organisation_ids_of(user))
        .select_related("proposal", "organisation")
        .prefetch_related("proposal__translations")
    )


def weights_for(locality: Locality) -> dict[str, int]:
    """The locality's screening weights, or the documented default."""
    row = ScreeningWeights.objects.filter(locality=locality).first()
    return row.weights if row else dict(DEFAULT_WEIGHTS)


def ranked_investment_projects(locality: Locality, user) -> list[tuple[Proposal, object]]:
    """The visible investment projects located in the locality (or a former unit it took
    over), each with its screening under the locality's weights, best first."""
    weights = weights_for(locality)
    projects = (
        proposals_visible_to(user)
        .filter(kind=ProposalKind.INVESTMENT_PROJECT, locality__in=locality.lineage)
        .exclude(investment=None)
    )
    ranked = [(project, screen(project.investment.levels, weights)) for project in projects]
    ranked.sort(key=lambda pair: (-pair[1].score, pair[0].title, pair[0].pk))
    return ranked
