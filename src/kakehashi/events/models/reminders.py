"""Reminders sent before meetings: one row per delegation, meeting and start time, written
before the e-mail goes, so that a reminder is sent once even when two workers sweep at once
(events/services/reminders.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kakehashi.events.models.event import Registration
from kakehashi.events.models.meetings import Meeting


class MeetingReminder(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reminders")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    # The start the reminder announced: a meeting moved to another slot is reminded again.
    starts_at = models.DateTimeField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting reminder")
        verbose_name_plural = _("meeting reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "registration", "starts_at"], name="meeting_reminder_once"
            )
        ]

    def __str__(self):
        return f"Reminder of {self.meeting} to {self.registration}"
