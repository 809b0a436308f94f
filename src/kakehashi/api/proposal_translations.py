"""A proposal's translations: read with the proposal (everyone who may see it), written and
deleted one language at a time by those who may translate it (its owners, and its locality's
moderators once it is submitted), through proposals/translation_services.py: the same rules as
the translate page. A person's translation replaces a machine draft; a machine draft is not
deleted (writing one replaces it)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Path, Router, Status

from kakehashi.api.auth import public
from kakehashi.api.proposal_schemas import ProposalTranslationOut
from kakehashi.api.schemas import MAX_ID, InputSchema, error_responses, text
from kakehashi.common.errors import TEXT_CODES
from kakehashi.proposals import queries
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.models import Proposal
from kakehashi.proposals.translation_services import (
    delete_translation,
    field_of,
    save_translation,
)

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (ProposalError, TEXT_CODES)


router = Router(tags=["proposals"])

ProposalId = Path(..., ge=1, le=MAX_ID)
# Any short code: a language the platform does not have gets the service's sentence.
LanguageCode = Path(..., min_length=1, max_length=8, description="vi, ja or en")


class TranslationIn(InputSchema):
    title: text(200, min_length=1)
    summary: text(500) = ""
    description: text(4000) = ""
    # The kind's texts: only those the proposal's kind has (offers: advantages; requests,
    # research cooperation and programmes: sought and partner_role); another is refused.
    advantages: text(2000) = ""
    sought: text(2000) = ""
    partner_role: text(2000) = ""


def _visible(request, proposal_id: int) -> Proposal:
    return get_object_or_404(queries.proposals_visible_to(request.user), pk=proposal_id)


def _refused(error: ValidationError) -> ValidationError:
    """The service's refusal, with the field it is about in the error's details."""
    return ValidationError({field_of(error) or "__all__": [error]})


@router.get(
    "/proposals/{proposal_id}/translations",
    response={200: list[ProposalTranslationOut], **error_responses(401, 404, 422)},
    **public(),
)
def list_translations(request, proposal_id: int = ProposalId):
    """The proposal's translations, one per language other than its own."""
    return list(_visible(request, proposal_id).translations.all())


@router.get(
    "/proposals/{proposal_id}/translations/{language}",
    response={200: ProposalTranslationOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_translation(request, proposal_id: int = ProposalId, language: str = LanguageCode):
    """The proposal's translation into `language` (404 when there is none)."""
    proposal = _visible(request, proposal_id)
    return get_object_or_404(proposal.translations.all(), language=language)


@router.put(
    "/proposals/{proposal_id}/translations/{language}",
    response={200: ProposalTranslationOut, **error_responses(401, 403, 404, 422)},
)
def put_translation(
    request, payload: TranslationIn, proposal_id: int = ProposalId, language: str = LanguageCode
):
    """Write the translation into `language`, replacing the one there. Who made it is the
    caller: the author, a colleague of the author or a moderator."""
    proposal = _visible(request, proposal_id)
    try:
        return save_translation(
            proposal=proposal,
            language=language,
            title=payload.title,
            summary=payload.summary,
            description=payload.description,
            advantages=payload.advantages,
            sought=payload.sought,
            partner_role=payload.partner_role,
            by=request.user,
        )
    except ValidationError as error:
        raise _refused(error) from None


@router.delete(
    "/proposals/{proposal_id}/translations/{language}",
    response={204: None, **error_responses(401, 403, 404, 422)},
)
def delete_proposal_translation(
    request, proposal_id: int = ProposalId, language: str = LanguageCode
):
    """Delete a person's translation (404 when there is none in that language)."""
    proposal = _visible(request, proposal_id)
    delete_translation(proposal=proposal, language=language, by=request.user)
    return Status(204, None)
