"""Translations of partnership records and of obstacles' public texts: read them (public, as
the record is) and write one language at a time (PUT: created or replaced) for those the
app's rules allow. Errors as everywhere (api/errors.py): 403 for a caller who may not
translate the record, 422 with a code for bad input, nothing written then."""

from django.shortcuts import get_object_or_404
from ninja import Path, Router, Status

from kakehashi.api.auth import public
from kakehashi.api.obstacle_schemas import ObstacleOut, _reader
from kakehashi.api.schemas import MAX_ID, error_responses
from kakehashi.api.translation_schemas import (
    ObstacleTranslationIn,
    ObstacleTranslationOut,
    PartnershipTranslationIn,
    PartnershipTranslationOut,
)
from kakehashi.common.errors import TEXT_CODES
from kakehashi.common.i18n import Language
from kakehashi.directory.errors import DirectoryError
from kakehashi.events.errors import EventError
from kakehashi.obstacles import queries as obstacle_queries
from kakehashi.obstacles import services as obstacle_services
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.partnerships import queries as partnership_queries
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.translation_services import save_translation
from kakehashi.proposals.errors import ProposalError

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (
    ObstacleError,
    PartnershipError,
    DirectoryError,
    ProposalError,
    EventError,
    TEXT_CODES,
)


router = Router(tags=["translations"])

LANGUAGE = Path(..., description="vi, ja or en: not the record's own")


def _partnership(request, partnership_id: int):
    visible = partnership_queries.partnerships_visible_to(request.user)
    return get_object_or_404(visible, pk=partnership_id)


def _obstacle(request, obstacle_id: int):
    visible = obstacle_queries.obstacles_visible_to(request.user, reader=_reader(request))
    return get_object_or_404(visible, pk=obstacle_id)


@router.get(
    "/partnerships/{partnership_id}/translations",
    response={200: list[PartnershipTranslationOut], **error_responses(401, 404, 422)},
    **public(),
)
def partnership_translations(request, partnership_id: int = Path(..., ge=1, le=MAX_ID)):
    """The record's title, summary and renewal notes in the languages it is translated into."""
    return list(_partnership(request, partnership_id).translations.all())


@router.put(
    "/partnerships/{partnership_id}/translations/{language}",
    response={
        200: PartnershipTranslationOut,
        201: PartnershipTranslationOut,
        **error_responses(401, 403, 404, 422),
    },
)
def put_partnership_translation(
    request,
    payload: PartnershipTranslationIn,
    language: Language = LANGUAGE,
    partnership_id: int = Path(..., ge=1, le=MAX_ID),
):
    """Write the translation into `language` (those who may edit the record, and platform
    administrators): 201 when it is new, 200 when it replaces one. A renewal note left out
    shows as written."""
    partnership = _partnership(request, partnership_id)
    is_new = partnership.translation_into(language) is None
    row = save_translation(
        partnership=partnership,
        language=language,
        title=payload.title,
        summary=payload.summary,
        type_as_stated=payload.type_as_stated,
        renewal_notes=payload.renewal_notes,
        by=request.user,
    )
    return Status(201 if is_new else 200, row)


@router.get(
    "/obstacles/{obstacle_id}/translations",
    response={200: list[ObstacleTranslationOut], **error_responses(401, 404, 422)},
    **public(),
)
def obstacle_translations(request, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    """The title and public summary in other languages, as the obstacle shows them to the
    caller (no summary when it is not shown to them)."""
    obstacle = _obstacle(request, obstacle_id)
    return ObstacleOut.resolve_translations(obstacle, {"request": request})


@router.put(
    "/obstacles/{obstacle_id}/translations/{language}",
    response={
        200: ObstacleTranslationOut,
        201: ObstacleTranslationOut,
        **error_responses(401, 403, 404, 422),
    },
)
def put_obstacle_translation(
    request,
    payload: ObstacleTranslationIn,
    language: Language = LANGUAGE,
    obstacle_id: int = Path(..., ge=1, le=MAX_ID),
):
    """Write the translation into `language` (the obstacle's participants): the title unless
    it is in that language, the public summary (when there is one) unless it is. 201 when
    new, 200 when it replaces one."""
    obstacle = _obstacle(request, obstacle_id)
    is_new = obstacle.translation_into(language) is None
    row = obstacle_services.save_translation(
        obstacle=obstacle,
        language=language,
        title=payload.title,
        public_summary=payload.public_summary,
        by=request.user,
    )
    return Status(201 if is_new else 200, row)
