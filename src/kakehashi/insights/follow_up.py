"""The six-month follow-up of a held meeting: each delegation, asked by the daily job
(events.services.feedback.send_follow_up_asks), says what came of it. Each answer is
recorded as an outcome of the meeting, on the one path the funnel counts:

- negotiation started: the intention events.IntentionKind.NEGOTIATION (events.MeetingOutcome);
- agreement reached: a result, insights.Outcome (a signed MoU or agreement, or a contract);
- investment registered: a result, insights.Outcome of kind investment (amount required);
- nothing came of it: events.IntentionKind.NONE, which the funnel does not count."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kakehashi.directory.queries import organisation_ids_of
from kakehashi.events.models import (
    FollowUpAnswer,
    IntentionKind,
    MeetingFeedback,
)
from kakehashi.events.services.meetings import record_outcome as record_intention
from kakehashi.insights.errors import InsightError
from kakehashi.insights.models import OutcomeKind
from kakehashi.insights.services import record_outcome

# The kinds of result an agreement reached may be.
AGREEMENT_KINDS = (OutcomeKind.MOU_SIGNED, OutcomeKind.CONTRACT)


def feedback_of(user, pk: int) -> MeetingFeedback | None:
    """The follow-up row `pk` when the user acts for its delegation, else None."""
    return (
        MeetingFeedback.objects.filter(
            pk=pk, registration__organisation__in=organisation_ids_of(user)
        )
        .select_related(
            "meeting__event", "meeting__slot", "meeting__published_slot", "registration"
        )
        .first()
    )


@transaction.atomic
def answer_follow_up(
    *,
    feedback: MeetingFeedback,
    answer: str,
    by,
    agreement_kind: str = OutcomeKind.MOU_SIGNED,
    amount=None,
    currency: str = "",
    note: str = "",
    now: dt.datetime | None = None,
):
    """Record a delegation's answer to the six-month ask, once, and the outcome it means
    (see the module). Only members of the delegation's organisation may answer, and only
    once asked. Returns the feedback row."""
    feedback = (
        MeetingFeedback.objects.select_for_update()
        .select_related("meeting__event", "registration")
        .get(pk=feedback.pk)
    )
    if feedback.registration.organisation_id not in organisation_ids_of(by):
        raise ValidationError(
            _("You can only act for your own organisation's delegation."),
            code=InsightError.NOT_A_MEMBER,
        )
    if feedback.follow_up_asked_at is None:
        raise ValidationError(
            _("This delegation has not been asked about this meeting yet."),
            code=InsightError.NOT_ASKED,
        )
    if feedback.is_answered:
        raise ValidationError(
            _("Your delegation has already said what came of this meeting."),
            code=InsightError.ALREADY_ANSWERED,
        )
    now = now or timezone.now()
    meeting = feedback.meeting
    if answer == FollowUpAnswer.NEGOTIATION:
        record_intention(meeting=meeting, kind=IntentionKind.NEGOTIATION, note=note, by=by)
    elif answer == FollowUpAnswer.NOTHING:
        record_intention(meeting=meeting, kind=IntentionKind.NONE, note=note, by=by)
    elif answer in (FollowUpAnswer.AGREEMENT, FollowUpAnswer.INVESTMENT):
        if answer == FollowUpAnswer.INVESTMENT:
            kind = OutcomeKind.INVESTMENT
        elif agreement_kind in AGREEMENT_KINDS:
            kind = agreement_kind
        else:
            raise ValidationError(
                _("Choose the kind of agreement."), code=InsightError.AGREEMENT_KIND_UNKNOWN
            )
        record_outcome(
            kind=kind,
            meeting=meeting,
            occurred_on=timezone.localdate(now),
            amount=amount,
            currency=currency,
            note=note,
            by=by,
        )
    else:
        raise ValidationError(
            _("Choose what came of the meeting."), code=InsightError.ANSWER_UNKNOWN
        )
    feedback.follow_up_answer = answer
    feedback.follow_up_by = by
    feedback.follow_up_answered_at = now
    feedback.save(update_fields=["follow_up_answer", "follow_up_by", "follow_up_answered_at"])
    return feedback
