"""Obstacles: list and read (participants see theirs, everyone sees closed obstacles with a
public summary), file (routed at once), comment, attach and download files, and the workflow
(assign, start, resolve, cannot-resolve, reopen). The same django-rules permissions as the
pages apply; a public reader gets the public summary only, not the description, reason,
comments or attachments."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Form, Path, Query, Router, Status, UploadedFile

from kakehashi.api.auth import PUBLIC_OPENAPI, public
from kakehashi.api.errors import ApiInputError
from kakehashi.api.inputs import FieldErrors
from kakehashi.api.obstacle_schemas import (
    AttachmentOut,
    CommentOut,
    ObstacleList,
    ObstacleOut,
    _reader,
)
from kakehashi.api.schemas import MAX_ID, Id, InputSchema, PageQuery, Slug, error_responses, page
from kakehashi.api.schemas import text as bounded
from kakehashi.common.errors import TEXT_CODES, UPLOAD_CODES
from kakehashi.common.i18n import Language
from kakehashi.common.permissions import allows
from kakehashi.common.uploads import stored_file_response
from kakehashi.obstacles import queries, services
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import Attachment, Category, Obstacle
from kakehashi.obstacles.models import Status as ObstacleStatus
from kakehashi.obstacles.services import ObstacleInput
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.queries import proposals_visible_to

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (ObstacleError, ProposalError, ApiInputError, UPLOAD_CODES, TEXT_CODES)


router = Router(tags=["obstacles"])


class ObstacleQuery(PageQuery):
    """The filters of obstacles.queries.listed, with the same meanings as the pages' (the
    queue page is `queue=true`; the resolved page is what an anonymous caller gets)."""

    status: ObstacleStatus | None = Field(None, description="The obstacle's status")
    category: Category | None = Field(None, description="The obstacle's category")
    queue: bool = Field(
        False, description="Only those the caller's authorities must answer, overdue first"
    )


class ObstacleIn(InputSchema):
    organisation: Id = Field(..., description="Id of an organisation the caller acts for")
    title: bounded(200, min_length=1)
    category: Category
    locality: Slug = Field(..., description="Slug of the locality (a former unit is accepted)")
    description: bounded(6000, min_length=1)
    project: bounded(200) = ""
    proposal: Id | None = Field(None, description="Id of a related proposal the caller can see")
    language: str | None = Field(
        None, pattern="^(vi|ja|en)$", description="Omit to detect it from the text"
    )


class CommentIn(InputSchema):
    body: bounded(4000, min_length=1)


class AttachmentIn(InputSchema):
    title: bounded(200) = Field("", description="Default: the file's name")


class AssignIn(InputSchema):
    owner: Id = Field(..., description="User id of a member of the responsible authority")


class CloseIn(InputSchema):
    reason: bounded(4000, min_length=1)
    public_summary: bounded(2000) = ""
    summary_language: Language | None = Field(
        None, description="The language of the public summary; default: the obstacle's"
    )
    is_public: bool | None = Field(None, description="Default: public when a summary is given")


def _visible_to(request):
    return queries.obstacles_visible_to(request.user, reader=_reader(request))


def _visible(request, obstacle_id: int) -> Obstacle:
    return get_object_or_404(_visible_to(request), pk=obstacle_id)


def _prefetched(obstacles):
    return obstacles.prefetch_related("comments__author", "attachments")


def _shown(request, obstacle_id: int) -> Obstacle:
    """The obstacle as ObstacleOut shows it: with its comments, their authors and its
    attachments in three queries, however many there are."""
    return get_object_or_404(_prefetched(_visible_to(request)), pk=obstacle_id)


@router.get("/obstacles", response={200: ObstacleList, **error_responses(401, 422)}, **public())
def list_obstacles(request, query: Query[ObstacleQuery]):
    """Newest first (or, with queue=true, overdue first, then by deadline)."""
    obstacles = queries.listed(
        request.user,
        queue=query.queue,
        status=query.status,
        category=query.category,
        reader=_reader(request),
    )
    obstacles = queries.with_related(obstacles)
    if query.queue:
        obstacles = queries.with_overdue_first(obstacles)
    else:
        obstacles = obstacles.order_by("-created_at", "-pk")
    return page(_prefetched(obstacles), query)


@router.get(
    "/obstacles/{obstacle_id}",
    response={200: ObstacleOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_obstacle(request, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    return _shown(request, obstacle_id)


@router.post("/obstacles", response={201: ObstacleOut, **error_responses(401, 403, 422)})
def file_obstacle(request, payload: ObstacleIn):
    """File an obstacle for an organisation the caller acts for; it is routed at once
    (`authority` null: no rule matched and the platform administrators will route it)."""
    errors = FieldErrors()
    organisation = errors.organisation(payload.organisation, "organisation", user=request.user)
    locality = errors.locality(payload.locality, "locality")
    proposal = None
    if payload.proposal is not None:
        proposal = proposals_visible_to(request.user).filter(pk=payload.proposal).first()
        if proposal is None:
            errors.add(
                "proposal",
                _("There is no proposal with the id %(id)s."),
                ApiInputError.UNKNOWN_PROPOSAL,
                id=payload.proposal,
            )
    errors.raise_if_any()
    obstacle = services.file_obstacle(
        data=ObstacleInput(
            title=payload.title,
            category=payload.category,
            locality=locality,
            description=payload.description,
            project=payload.project,
            proposal=proposal,
            language=payload.language or "",
        ),
        organisation=organisation,
        by=request.user,
    )
    return Status(201, _shown(request, obstacle.pk))


@router.post(
    "/obstacles/{obstacle_id}/comments",
    response={201: CommentOut, **error_responses(401, 403, 404, 422)},
)
def comment_obstacle(request, payload: CommentIn, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    """Participants only."""
    obstacle = _visible(request, obstacle_id)
    return Status(201, services.add_comment(obstacle=obstacle, body=payload.body, by=request.user))


@router.post(
    "/obstacles/{obstacle_id}/attachments",
    response={201: AttachmentOut, **error_responses(400, 401, 403, 404, 422)},
)
def attach_to_obstacle(
    request,
    file: File[UploadedFile],
    details: Form[AttachmentIn],
    obstacle_id: int = Path(..., ge=1, le=MAX_ID),
):
    """Attach a PDF, PNG or JPEG to an open obstacle (participants), sent as
    multipart/form-data: `file`, and `title` (default: the file's name). The content decides
    the type, whatever the name says; a file over the size limit, of another type or damaged
    is refused with 422 and nothing is stored."""
    obstacle = _visible(request, obstacle_id)
    try:
        attachment = services.add_attachment(
            obstacle=obstacle, title=details.title or file.name, upload=file, by=request.user
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            raise
        # As on the page: what is wrong with the upload itself belongs to the file field.
        raise ValidationError({"file": error.error_list}) from error
    return Status(201, attachment)


@router.get(
    "/obstacles/{obstacle_id}/attachments/{attachment_id}",
    response=error_responses(401, 404, 422),
    **public(
        openapi_extra={
            **PUBLIC_OPENAPI,
            "responses": {
                200: {
                    "description": "The file as uploaded",
                    "content": {
                        kind: {"schema": {"type": "string", "format": "binary"}}
                        for kind in ("application/pdf", "image/png", "image/jpeg")
                    },
                }
            },
        }
    ),
)
def download_attachment(
    request,
    obstacle_id: int = Path(..., ge=1, le=MAX_ID),
    attachment_id: int = Path(..., ge=1, le=MAX_ID),
):
    """The file itself (participants only; anyone else gets 404, as on the page)."""
    obstacle = _visible(request, obstacle_id)
    if not allows(request.user, "obstacles.see_details", obstacle):
        raise Http404
    attachment = get_object_or_404(Attachment, pk=attachment_id, obstacle=obstacle)
    return stored_file_response(attachment)


@router.post(
    "/obstacles/{obstacle_id}/assign",
    response={200: ObstacleOut, **error_responses(401, 403, 404, 422)},
)
def assign_obstacle(request, payload: AssignIn, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    """Open → assigned to a member of the authority (the authority's members)."""
    obstacle = _visible(request, obstacle_id)
    if not allows(request.user, "obstacles.assign_obstacle", obstacle):
        raise PermissionDenied
    owner = get_user_model().objects.filter(pk=payload.owner, is_active=True).first()
    services.assign(obstacle=obstacle, owner=owner, by=request.user)
    return _shown(request, obstacle.pk)


@router.post(
    "/obstacles/{obstacle_id}/start",
    response={200: ObstacleOut, **error_responses(401, 403, 404, 422)},
)
def start_obstacle(request, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    """Assigned → in progress (the authority's members)."""
    obstacle = _visible(request, obstacle_id)
    services.start(obstacle=obstacle, by=request.user)
    return _shown(request, obstacle.pk)


@router.post(
    "/obstacles/{obstacle_id}/resolve",
    response={200: ObstacleOut, **error_responses(401, 403, 404, 422)},
)
def resolve_obstacle(request, payload: CloseIn, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    """Assigned or in progress → resolved, with how (the authority's members)."""
    obstacle = _visible(request, obstacle_id)
    services.resolve(obstacle=obstacle, by=request.user, **payload.model_dump())
    return _shown(request, obstacle.pk)


@router.post(
    "/obstacles/{obstacle_id}/cannot-resolve",
    response={200: ObstacleOut, **error_responses(401, 403, 404, 422)},
)
def cannot_resolve_obstacle(
    request, payload: CloseIn, obstacle_id: int = Path(..., ge=1, le=MAX_ID)
):
    """Assigned or in progress → cannot be resolved, with the reason (the authority's
    members)."""
    obstacle = _visible(request, obstacle_id)
    services.cannot_resolve(obstacle=obstacle, by=request.user, **payload.model_dump())
    return _shown(request, obstacle.pk)


@router.post(
    "/obstacles/{obstacle_id}/reopen",
    response={200: ObstacleOut, **error_responses(401, 403, 404, 422)},
)
def reopen_obstacle(request, obstacle_id: int = Path(..., ge=1, le=MAX_ID)):
    """Resolved or cannot be resolved → back to the owner (participants)."""
    obstacle = _visible(request, obstacle_id)
    services.reopen(obstacle=obstacle, by=request.user)
    return _shown(request, obstacle.pk)
