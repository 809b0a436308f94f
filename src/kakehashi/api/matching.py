"""Matching: one search over proposals and organisations in vi/ja/en, recommended
counterparts of a proposal (whoever may see it) and of an organisation (its members only),
each result with its reasons in the caller's language (Accept-Language)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema

from kakehashi.api.auth import public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.schemas import MAX_ID, SectorKey, Slug, error_responses, text
from kakehashi.directory.models import Country, Organisation
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.matching import recommend
from kakehashi.matching.reasons import ReasonWriter
from kakehashi.matching.search import ORGANISATIONS, run_search
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import PartnershipType, ProposalKind, TechnologyStage
from kakehashi.proposals.queries import proposals_visible_to

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (ProposalError, ApiInputError)


router = Router(tags=["matching"])
RESULTS = 50


class ResultOut(Schema):
    type: str = Field(..., description='"proposal" or "organisation"')
    id: int
    title: str
    kind: str
    language: str
    country: str
    url: str
    score: float | None
    reasons: list[str] = Field(default_factory=list)


class SearchOut(Schema):
    count: int
    results: list[ResultOut]


class SearchQuery(Schema):
    q: text(200) = ""
    kind: ProposalKind | None = None
    organisations_only: bool = False
    sector: SectorKey | None = None
    country: Country | None = None
    locality: Slug | None = None
    partnership_type: PartnershipType | None = None
    stage: TechnologyStage | None = None


def _result(hit, score, reasons) -> dict:
    if hit.proposal is not None:
        proposal = hit.proposal
        return {
            "type": "proposal",
            "id": proposal.pk,
            "title": proposal.title,
            "kind": proposal.kind,
            "language": proposal.language,
            "country": proposal.organisation.country,
            "url": proposal.get_absolute_url(),
            "score": score,
            "reasons": reasons,
        }
    organisation = hit.organisation
    return {
        "type": "organisation",
        "id": organisation.pk,
        "title": hit.organisation_name,
        "kind": "organisation",
        "language": organisation.language,
        "country": organisation.country,
        "url": organisation.get_absolute_url(),
        "score": score,
        "reasons": reasons,
    }


@router.get("/search", response={200: SearchOut, **error_responses(401, 422)}, **public())
def search(request, query: Query[SearchQuery]):
    """Best first when `q` is given (whatever the language of the text and of `q`); the
    newest proposals otherwise. Filters are applied in the database."""
    errors = FieldErrors()
    locality = errors.locality(query.locality, "locality")
    sector = errors.sector(query.sector, "sector")
    errors.raise_if_any()
    data = {
        "q": query.q,
        "kind": ORGANISATIONS if query.organisations_only else (query.kind or ""),
        "sector": sector,
        "country": query.country or "",
        "locality": locality,
        "partnership_type": query.partnership_type or "",
        "stage": query.stage or "",
    }
    result = run_search(data)
    hits = result.hits[:RESULTS]
    writer = ReasonWriter()
    return {
        "count": len(result.hits),
        "results": [_result(hit, hit.score, writer.sentences(hit.reasons)) for hit in hits],
    }


def _recommendations_out(recommendations) -> dict:
    return {
        "count": len(recommendations),
        "results": [_result(item.hit, item.score, item.reasons) for item in recommendations],
    }


@router.get(
    "/proposals/{proposal_id}/matches",
    response={200: SearchOut, **error_responses(401, 404, 422)},
    **public(),
)
def proposal_matches(request, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    """Recommended counterparts of a proposal the caller may see, with reasons."""
    proposal = get_object_or_404(proposals_visible_to(request.user), pk=proposal_id)
    return _recommendations_out(recommend.for_proposal(proposal))


@router.get(
    "/organisations/{organisation_id}/matches",
    response={200: SearchOut, **error_responses(401, 403, 404, 422)},
)
def organisation_matches(request, organisation_id: int = Path(..., ge=1, le=MAX_ID)):
    """Recommended counterparts of an organisation: for its members only."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    if organisation.pk not in organisation_ids_of(request.user):
        raise PermissionDenied
    return _recommendations_out(recommend.for_organisation(organisation))
