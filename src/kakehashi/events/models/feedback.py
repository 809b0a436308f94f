"""What each delegation says about a held meeting: right after it (a rating and what
follows) and again about six months later (what came of it). One row per delegation and
meeting; the six-month ask creates the row of a delegation that gave no feedback."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.events.models.event import Registration
from kakehashi.events.models.meetings import IntentionKind, Meeting

# What a delegation may say follows, right after the meeting (events.IntentionKind values).
NEXT_STEPS = (IntentionKind.NONE, IntentionKind.FOLLOW_UP, IntentionKind.MOU, IntentionKind.QUOTE)


class FollowUpAnswer(models.TextChoices):
    """The six-month question's answers. Not an outcome kind of its own: each is recorded
    as one of the existing kinds (insights.follow_up says which)."""

    NEGOTIATION = "negotiation", _("Negotiation started")
    AGREEMENT = "agreement", _("Agreement reached")
    INVESTMENT = "investment", _("Investment registered")
    NOTHING = "nothing", _("Nothing came of it")


class MeetingFeedback(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="meeting_feedback"
    )
    useful = models.BooleanField(_("useful"), null=True)
    meet_again = models.BooleanField(_("would meet again"), null=True)
    next_step = models.CharField(
        _("what follows"), max_length=12, choices=IntentionKind.choices, blank=True
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    given_at = models.DateTimeField(null=True, blank=True)
    follow_up_asked_at = models.DateTimeField(null=True, blank=True)
    follow_up_answer = models.CharField(
        _("what came of it"), max_length=12, choices=FollowUpAnswer.choices, blank=True
    )
    follow_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    follow_up_answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        ordering = ["meeting", "registration"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "registration"], name="meeting_feedback_once_per_delegation"
            ),
            models.CheckConstraint(
                condition=Q(given_at__isnull=True)
                | (Q(useful__isnull=False) & Q(meet_again__isnull=False) & ~Q(next_step="")),
                name="meeting_feedback_complete",
            ),
            models.CheckConstraint(
                condition=Q(follow_up_answered_at__isnull=True) | ~Q(follow_up_answer=""),
                name="meeting_feedback_follow_up_complete",
            ),
        ]

    def __str__(self):
        return f"Feedback of {self.registration} on {self.meeting}"

    @property
    def is_given(self) -> bool:
        return self.given_at is not None

    @property
    def is_answered(self) -> bool:
        return self.follow_up_answered_at is not None
