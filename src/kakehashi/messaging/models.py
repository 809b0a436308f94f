"""The direct channel: threads between organisations and the people acting for them.

Who may read a thread is decided by `ThreadMember` rows only (queries.threads_visible_to):
the parties are the organisations in it, the members the users who act for a party in it.
Platform administrators are not members: they see a message only when it is reported, in
the Report admin."""

import os
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kakehashi.common.models import StoredUpload
from kakehashi.directory.models import Organisation

SUBJECT_MAX_LENGTH = 200
BODY_MAX_LENGTH = 5000
REASON_MAX_LENGTH = 1000


class Thread(models.Model):
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    # What the thread was opened from, if anything (at most one is set by the services).
    proposal = models.ForeignKey(
        "proposals.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    meeting = models.ForeignKey(
        "events.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Kept by post_message so that the inbox sorts without aggregating messages.
    last_message_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("message thread")
        verbose_name_plural = _("message threads")

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("messaging:thread", args=[self.pk])


class ThreadParty(models.Model):
    """An organisation in a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="thread_parties"
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conversation party")
        verbose_name_plural = _("conversation parties")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "organisation"], name="thread_party_once")
        ]

    def __str__(self):
        return f"{self.organisation} in {self.thread_id}"


class ThreadMember(models.Model):
    """A user in a thread, acting for one of its parties. `last_read_at` gives the unread
    count (messages of others created after it; none read yet when empty)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="thread_memberships"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation member")
        verbose_name_plural = _("conversation members")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="thread_member_once")
        ]
        indexes = [models.Index(fields=["user", "thread"], name="thread_member_user")]

    def __str__(self):
        return f"{self.user} in {self.thread_id}"

    @property
    def counterpart_names(self) -> list[str]:
        """The names of the thread's other parties, in the reader's language (the inbox
        prefetches the parties and their organisations' translations)."""
        return [
            party.organisation.display_name
            for party in self.thread.parties.all()
            if party.organisation_id != self.organisation_id
        ]


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    body = models.TextField(_("message"), max_length=BODY_MAX_LENGTH)
    # "vi", "ja" or "en": chosen by the author or detected; empty when nothing tells.
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Set when a platform administrator upheld a report: the text is no longer shown.
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["thread", "created_at"], name="message_thread_time")]
        constraints = [models.CheckConstraint(condition=~Q(body=""), name="message_not_empty")]

    def __str__(self):
        return f"Message {self.pk}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None


def attachment_path(instance, filename):
    # A random name: the name the sender gave is kept in `name`, not in the storage path.
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"messaging/{instance.message.thread_id}/{uuid.uuid4().hex}{extension}"


class MessageAttachment(StoredUpload):
    """A PDF or image sent with a message, checked by content, served only to members."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=200)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a decision")
    UPHELD = "upheld", _("Upheld: message removed")
    DISMISSED = "dismissed", _("Dismissed")


class Report(models.Model):
    """A member's report of a message as abusive, decided by a platform administrator."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["message", "reporter"], name="report_once_per_user"),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_valid"
            ),
        ]

    def __str__(self):
        return f"Report {self.pk}"


class Block(models.Model):
    """`organisation` blocks `blocked`: no new threads or messages between them, either way."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "blocked"], name="block_once"),
            models.CheckConstraint(condition=~Q(organisation=F("blocked")), name="block_not_self"),
        ]

    def __str__(self):
        return f"{self.organisation} blocks {self.blocked}"


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("By e-mail, at once")
    DAILY = "daily", _("By e-mail, in a daily digest")
    NEVER = "never", _("Never by e-mail (in the app only)")


class NotificationPreference(models.Model):
    """How a user hears of new messages. Without a row: at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="message_preference"
    )
    frequency = models.CharField(
        _("e-mail about new messages"),
        max_length=12,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATELY,
    )
    # Up to when the daily digest has covered this user's messages.
    digest_sent_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("message notification preference")
        verbose_name_plural = _("message notification preferences")
        constraints = [
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="message_frequency_valid"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.frequency}"
