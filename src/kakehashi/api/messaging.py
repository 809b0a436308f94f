"""The direct channel: the caller's threads, one thread with its messages, a new message.
Only a thread's members see it: anyone else, signed in or not, gets 404 (never 403, which
would tell that the thread exists). The same services and rules as the pages apply."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Path, Query, Router, Schema, Status

from kakehashi.api.auth import public
from kakehashi.api.schemas import MAX_ID, InputSchema, PageQuery, error_responses, text
from kakehashi.common.errors import TEXT_CODES
from kakehashi.messaging import queries, services
from kakehashi.messaging.errors import MessagingError
from kakehashi.messaging.models import BODY_MAX_LENGTH, Message, Thread

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (MessagingError, TEXT_CODES)


router = Router(tags=["messages"])


class ThreadPartyOut(Schema):
    id: int
    name: str


class MessageOut(Schema):
    id: int
    organisation: int
    author: str = Field(..., description="The author's short name; empty if the account is gone")
    body: str = Field(..., description="Empty when the platform administrators removed it")
    language: str = Field(..., description="vi, ja or en; empty when unknown")
    removed: bool
    created_at: dt.datetime
    attachments: list[str] = Field(..., description="Names of the attached files")

    @staticmethod
    def resolve_organisation(message: Message) -> int:
        return message.organisation_id

    @staticmethod
    def resolve_author(message: Message) -> str:
        return message.author.get_short_name() if message.author else ""

    @staticmethod
    def resolve_body(message: Message) -> str:
        return "" if message.is_removed else message.body

    @staticmethod
    def resolve_removed(message: Message) -> bool:
        return message.is_removed

    @staticmethod
    def resolve_attachments(message: Message) -> list[str]:
        return [] if message.is_removed else [file.name for file in message.attachments.all()]


class ThreadSummaryOut(Schema):
    id: int
    subject: str
    parties: list[ThreadPartyOut]
    unread: int
    last_message_at: dt.datetime
    proposal: int | None
    meeting: int | None
    partnership: int | None


class ThreadList(Schema):
    count: int
    items: list[ThreadSummaryOut]


class ThreadOut(ThreadSummaryOut):
    messages: list[MessageOut]


class MessageIn(InputSchema):
    body: text(BODY_MAX_LENGTH, min_length=1)
    language: str | None = Field(None, pattern="^(vi|ja|en)$")


def _summary(thread: Thread, unread: int) -> dict:
    return {
        "id": thread.pk,
        "subject": thread.subject,
        "parties": [
            {"id": party.organisation_id, "name": party.organisation.display_name}
            for party in thread.parties.all()
        ],
        "unread": unread,
        "last_message_at": thread.last_message_at,
        "proposal": thread.proposal_id,
        "meeting": thread.meeting_id,
        "partnership": thread.partnership_id,
    }


def _visible(request, thread_id: int) -> Thread:
    return get_object_or_404(queries.threads_visible_to(request.user), pk=thread_id)


@router.get("/threads", response={200: ThreadList, **error_responses(401, 422)})
def list_threads(request, query: Query[PageQuery]):
    """The caller's threads, latest activity first, with their unread counts."""
    rows = queries.inbox(request.user)
    chosen = rows[query.offset : query.offset + query.limit]
    return {"count": rows.count(), "items": [_summary(row.thread, row.unread) for row in chosen]}


@router.get(
    "/threads/{thread_id}",
    response={200: ThreadOut, **error_responses(401, 404, 422)},
    **public(),
)
def get_thread(request, thread_id: int = Path(..., ge=1, le=MAX_ID)):
    """A thread with all its messages, oldest first; reading it marks it read."""
    thread = _visible(request, thread_id)
    unread = queries.unread_in(thread, request.user)
    services.mark_read(thread=thread, user=request.user)
    return {**_summary(thread, unread), "messages": list(queries.messages_of(thread))}


@router.post(
    "/threads/{thread_id}/messages",
    response={201: MessageOut, **error_responses(401, 403, 404, 422)},
)
def post_message(request, payload: MessageIn, thread_id: int = Path(..., ge=1, le=MAX_ID)):
    """A new message from a member, for the organisation they act for in the thread
    (attachments are sent from the page). The language is detected when not given."""
    thread = _visible(request, thread_id)
    message = services.post_message(
        thread=thread, by=request.user, body=payload.body, language=payload.language or ""
    )
    return Status(201, message)
