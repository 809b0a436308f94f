"""What the obstacle API shows of an obstacle (api/obstacles.py): a public reader gets the
title and public summary (and their translations), participants the rest too."""

from ninja import Field, Schema

from kakehashi.api.translation_schemas import ObstacleTranslationOut
from kakehashi.obstacles import queries


def _reader(request) -> queries.Reader:
    """The caller's organisations and admin status, read once per request and kept on it: a
    dozen fields of every obstacle on a page ask whether the caller takes part, and asking
    the rule each time read the memberships each time."""
    reader = getattr(request, "_obstacle_reader", None)
    if reader is None:
        reader = request._obstacle_reader = queries.Reader.of(request.user)
    return reader


def _details(obstacle, context) -> bool:
    """May the caller see the obstacle's details (the `obstacles.see_details` rule)?"""
    return _reader(context["request"]).takes_part_in(obstacle)


class CommentOut(Schema):
    id: int
    author: str
    body: str
    created_at: str

    @staticmethod
    def resolve_author(comment) -> str:
        return comment.author.get_short_name() if comment.author_id else ""

    @staticmethod
    def resolve_created_at(comment) -> str:
        return comment.created_at.isoformat()


class AttachmentOut(Schema):
    id: int
    title: str
    content_type: str = Field(..., description="application/pdf, image/png or image/jpeg")
    size: int = Field(..., description="In bytes")
    uploaded_at: str

    @staticmethod
    def resolve_uploaded_at(attachment) -> str:
        return attachment.uploaded_at.isoformat()


class ObstacleOut(Schema):
    id: int
    title: str
    category: str
    status: str
    locality: str = Field(..., description="Slug of the locality as filed")
    authority: int | None = Field(None, description="Id of the responsible organisation")
    language: str = Field(..., description="The language of the title and description")
    public_summary: str = Field(..., description="Shown when it is public, or to participants")
    summary_language: str = Field(..., description="The language of the public summary")
    translations: list[ObstacleTranslationOut] = Field(
        ..., description="The title and public summary in the other languages"
    )
    closed_at: str | None
    # Participants only (empty or null for other readers):
    reporter_organisation: int | None = None
    owner: int | None = Field(None, description="User id of the owner (participants only)")
    deadline: str | None = None
    description: str = ""
    project: str = ""
    proposal: int | None = None
    resolution_reason: str = ""
    is_public: bool = False
    escalated: bool = False
    comments: list[CommentOut] = []
    attachments: list[AttachmentOut] = []

    @staticmethod
    def resolve_locality(obstacle) -> str:
        return obstacle.locality.slug

    @staticmethod
    def resolve_authority(obstacle) -> int | None:
        return obstacle.authority_id

    @staticmethod
    def resolve_closed_at(obstacle) -> str | None:
        return obstacle.closed_at.isoformat() if obstacle.closed_at else None

    @staticmethod
    def resolve_public_summary(obstacle, context) -> str:
        shown = obstacle.is_public or _details(obstacle, context)
        return obstacle.public_summary if shown else ""

    @staticmethod
    def resolve_translations(obstacle, context):
        # .all() uses the prefetched rows (queries._with_related); a summary that is not
        # shown is not shown translated either.
        shown = obstacle.is_public or _details(obstacle, context)
        return [
            {**ObstacleTranslationOut.fields_of(row), "public_summary": row.public_summary}
            if shown
            else {**ObstacleTranslationOut.fields_of(row), "public_summary": ""}
            for row in obstacle.translations.all()
        ]

    @staticmethod
    def resolve_reporter_organisation(obstacle, context):
        return obstacle.reporter_organisation_id if _details(obstacle, context) else None

    @staticmethod
    def resolve_owner(obstacle, context):
        return obstacle.owner_id if _details(obstacle, context) else None

    @staticmethod
    def resolve_deadline(obstacle, context):
        return obstacle.deadline.isoformat() if _details(obstacle, context) else None

    @staticmethod
    def resolve_description(obstacle, context) -> str:
        return obstacle.description if _details(obstacle, context) else ""

    @staticmethod
    def resolve_project(obstacle, context) -> str:
        return obstacle.project if _details(obstacle, context) else ""

    @staticmethod
    def resolve_proposal(obstacle, context):
        return obstacle.proposal_id if _details(obstacle, context) else None

    @staticmethod
    def resolve_resolution_reason(obstacle, context) -> str:
        return obstacle.resolution_reason if _details(obstacle, context) else ""

    @staticmethod
    def resolve_is_public(obstacle) -> bool:
        return obstacle.is_public

    @staticmethod
    def resolve_escalated(obstacle, context) -> bool:
        return obstacle.escalated_at is not None and _details(obstacle, context)

    @staticmethod
    def resolve_comments(obstacle, context):
        # .all() uses the prefetched comments and authors (_shown, _prefetched).
        return list(obstacle.comments.all()) if _details(obstacle, context) else []

    @staticmethod
    def resolve_attachments(obstacle, context):
        return list(obstacle.attachments.all()) if _details(obstacle, context) else []


class ObstacleList(Schema):
    count: int
    items: list[ObstacleOut]
