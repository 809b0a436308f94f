"""Badges and check-in on the event day.

A badge is issued to one delegate (a person of an approved registration) for one event. Its QR
code carries `token`, an unguessable secret (never a row id); revoking a badge keeps the row
(so a scan of the old code is refused by name) and a new badge can then be issued. A check-in
records that a delegate arrived: at the event's entrance (no session) or at one session, once
each; scanning again answers when they were first checked in."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Person
from kakehashi.events.models.event import Event, Registration, Session


def new_badge_token() -> str:
    # 144 bits, 24 URL-safe characters: short enough for a small, robust QR code.
    return secrets.token_urlsafe(18)


class Badge(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="badges")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="badges")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="badges")
    token = models.CharField(max_length=64, unique=True, default=new_badge_token)
    issued_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["registration__organisation__name", "person__full_name", "pk"]
        constraints = [
            # One valid badge per person and event; revoked ones stay as rows.
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_badge_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} @ {self.event}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class CheckInMethod(models.TextChoices):
    SCAN = "scan", _("Badge scanned")
    SEARCH = "search", _("Found by name")


class CheckIn(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="check_ins")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="check_ins")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="check_ins"
    )
    badge = models.ForeignKey(
        Badge, null=True, blank=True, on_delete=models.SET_NULL, related_name="check_ins"
    )
    # None: the event's entrance; otherwise the door of one session.
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="check_ins"
    )
    method = models.CharField(max_length=10, choices=CheckInMethod.choices)
    # When the badge was scanned: a scan queued offline is sent later with its own time.
    checked_in_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["checked_in_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(session__isnull=True),
                name="one_entrance_check_in_per_person",
            ),
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(session__isnull=False),
                name="one_session_check_in_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.person} @ {self.event} {self.checked_in_at:%Y-%m-%d %H:%M}"
