"""After a meeting, for a delegation: "we are meeting" at the table, its rating and what
follows, its answer to the six-month follow-up; and the networking figures (organisers read
every delegation's, a delegation its own). The same services as the pages
(events/services/feedback.py, insights/follow_up.py, events/networking.py)."""

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Schema, Status

from kakehashi.api.errors import ApiInputError
from kakehashi.api.events.lookups import own_delegation, router, visible_event
from kakehashi.api.events.schemas import DELEGATION_HELP
from kakehashi.api.schemas import MAX_ID, Id, InputSchema, Slug, error_responses, text, two_places
from kakehashi.common.errors import TEXT_CODES
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events import networking
from kakehashi.events.errors import EventError
from kakehashi.events.models import NEXT_STEPS, FollowUpAnswer, Meeting, MeetingFeedback
from kakehashi.events.services.feedback import check_in, give_feedback
from kakehashi.insights.errors import InsightError
from kakehashi.insights.follow_up import AGREEMENT_KINDS, answer_follow_up
from kakehashi.insights.models import OutcomeCurrency

# The codes this module's operations refuse data with (api/openapi.py documents them).
ERROR_CODES = (EventError, InsightError, ApiInputError, TEXT_CODES)


NextStep = Literal[tuple(str(step) for step in NEXT_STEPS)]
Answer = Literal[tuple(str(answer) for answer in FollowUpAnswer)]
AgreementKind = Literal[tuple(str(kind) for kind in AGREEMENT_KINDS)]
MeetingId = Path(..., ge=1, le=MAX_ID)


class DelegationIn(InputSchema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP)


class MeetingStatusOut(Schema):
    id: int
    status: str = Field(..., description="held")


class FeedbackIn(InputSchema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP)
    useful: bool = Field(..., description="Was the meeting useful?")
    meet_again: bool = Field(..., description="Would the delegation meet them again?")
    next_step: NextStep = Field(
        ..., description="What follows: none, follow_up, mou (to prepare) or quote (requested)"
    )


class FeedbackOut(Schema):
    meeting: int = Field(..., alias="meeting_id")
    delegation: int = Field(..., alias="registration_id")
    useful: bool | None
    meet_again: bool | None
    next_step: str
    given_at: dt.datetime | None
    follow_up_asked_at: dt.datetime | None
    follow_up_answer: str
    follow_up_answered_at: dt.datetime | None


class FollowUpIn(InputSchema):
    delegation: Id | None = Field(None, description=DELEGATION_HELP)
    answer: Answer = Field(
        ..., description="negotiation, agreement, investment or nothing (what came of it)"
    )
    agreement_kind: AgreementKind = Field(
        "mou_signed", description="For an agreement: mou_signed or contract"
    )
    amount: two_places(18, "Required for an investment") | None = None
    currency: OutcomeCurrency | None = Field(None, description="Required with an amount")
    note: text(500) = ""


class FiguresOut(Schema):
    delegation: int
    name: str
    sent: int
    received: int
    accepted: int
    held: int
    no_show: int
    rated: int = Field(..., description="Ratings the counterparts gave its meetings")
    useful: int
    meet_again: int


class FiguresQuery(Schema):
    delegation: Id | None = Field(None, description="Organisers: one delegation's row only")


def _party(request, slug: str, meeting_id: int, delegation: int | None):
    event = visible_event(request, slug)
    meeting = get_object_or_404(Meeting, pk=meeting_id, event=event)
    return meeting, own_delegation(request, event, delegation)


def _as_party(call):
    """Run a service for a delegation; one not in the meeting is refused as on the page."""
    try:
        return call()
    except ValidationError as error:
        if error.code in {EventError.NOT_A_MEMBER, EventError.NOT_IN_MEETING}:
            raise PermissionDenied from error
        raise


@router.post(
    "/events/{slug}/meetings/{meeting_id}/check-in",
    response={200: MeetingStatusOut, **error_responses(401, 403, 404, 422)},
)
def meeting_check_in(request, slug: Slug, payload: DelegationIn, meeting_id: int = MeetingId):
    """ "We are meeting": one of the meeting's delegations says so at the table and the
    meeting is held. Refused before the meeting's slot starts (422 `too_early`)."""
    meeting, delegation = _party(request, slug, meeting_id, payload.delegation)
    meeting = _as_party(lambda: check_in(meeting=meeting, registration=delegation, by=request.user))
    return {"id": meeting.pk, "status": meeting.status}


@router.post(
    "/events/{slug}/meetings/{meeting_id}/feedback",
    response={201: FeedbackOut, **error_responses(401, 403, 404, 422)},
)
def meeting_feedback(request, slug: Slug, payload: FeedbackIn, meeting_id: int = MeetingId):
    """The delegation rates a held meeting and says what follows, once (422
    `already_given`); what follows is recorded as the meeting's outcome."""
    meeting, delegation = _party(request, slug, meeting_id, payload.delegation)
    feedback = _as_party(
        lambda: give_feedback(
            meeting=meeting,
            registration=delegation,
            useful=payload.useful,
            meet_again=payload.meet_again,
            next_step=payload.next_step,
            by=request.user,
        )
    )
    return Status(201, feedback)


@router.post(
    "/events/{slug}/meetings/{meeting_id}/follow-up",
    response={200: FeedbackOut, **error_responses(401, 403, 404, 422)},
)
def meeting_follow_up(request, slug: Slug, payload: FollowUpIn, meeting_id: int = MeetingId):
    """The delegation's answer to the six-month question, once it was asked (422
    `not_asked`) and once only (422 `already_answered`); recorded as an outcome on the
    funnel's path (an agreement or investment as a result, with its amount)."""
    meeting, delegation = _party(request, slug, meeting_id, payload.delegation)
    feedback = MeetingFeedback.objects.filter(meeting=meeting, registration=delegation).first()
    if feedback is None:
        raise ValidationError(
            _("This delegation has not been asked about this meeting yet."),
            code=ApiInputError.NOT_ASKED,
        )
    return _as_party(
        lambda: answer_follow_up(
            feedback=feedback,
            answer=payload.answer,
            agreement_kind=payload.agreement_kind,
            amount=payload.amount,
            currency=payload.currency or "",
            note=payload.note,
            by=request.user,
        )
    )


@router.get(
    "/events/{slug}/networking",
    response={200: list[FiguresOut], **error_responses(401, 403, 404, 422)},
)
def networking_figures(request, slug: Slug, query: Query[FiguresQuery]):
    """Per approved delegation: meeting requests sent, received and accepted, meetings held,
    no-shows, and the counterparts' ratings. Organisers read every delegation's; a
    delegation reads its own (403 for anyone else)."""
    event = visible_event(request, slug)
    if request.user.has_perm("events.manage_registrations", event):
        registrations = networking.approved(event)
    else:
        own = Q(organisation__in=organisation_ids_of(request.user))
        registrations = networking.approved(event, only=own)
        if not registrations:
            raise PermissionDenied
    if query.delegation:
        registrations = [r for r in registrations if r.pk == query.delegation]
        if not registrations:
            raise Http404
    rows = networking.delegation_figures(event, registrations)
    return [
        {
            "delegation": row["registration"].pk,
            "name": row["registration"].organisation.display_name,
            **{key: row[key] for key in networking.KEYS},
        }
        for row in rows
    ]
