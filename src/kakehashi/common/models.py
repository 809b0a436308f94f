"""The audit log: who changed which record, when, and how (see common/audit.py); the daily
runs; the abstract base of the uploaded files the apps keep."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AuditAction(models.TextChoices):
    # A context of their own: "created" is also a date label elsewhere.
    CREATED = "created", pgettext_lazy("audit action", "created")
    CHANGED = "changed", pgettext_lazy("audit action", "changed")
    DELETED = "deleted", pgettext_lazy("audit action", "deleted")
    # A workflow step (submitted, published, held...): `before`/`after` hold the status.
    STATUS = "status", _("status changed")
    PLACED = "placed", _("placed in the schedule")
    MOVED = "moved", _("moved in the schedule")
    # A record under another (a document, an attachment, an outcome) was added or removed;
    # the entry is about the parent record, so its owners see it.
    ADDED = "added", _("item added")
    REMOVED = "removed", _("item removed")


class AuditEntry(models.Model):
    """One change to one record. Written by `kakehashi.common.audit.record_change` inside the
    transaction of the change, so a rolled-back change leaves no entry. Never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Empty: the platform itself (a scheduled task)."),
    )
    # Kept so that the entry still names the person after their account is deleted.
    actor_repr = models.CharField(_("by (as recorded)"), max_length=200, blank=True)
    acted_for = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("on behalf of"),
    )
    action = models.CharField(_("action"), max_length=12, choices=AuditAction.choices)
    model_label = models.CharField(_("kind of record"), max_length=100)
    object_id = models.CharField(_("record id"), max_length=64)
    object_repr = models.CharField(_("record"), max_length=200)
    owners = models.ManyToManyField(
        "directory.Organisation",
        blank=True,
        related_name="audit_entries",
        verbose_name=_("owning organisations"),
    )
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["model_label", "object_id"], name="audit_object")]

    def __str__(self):
        when = f"{self.created_at:%Y-%m-%d %H:%M}"
        return f"{when} {self.actor_repr or '-'} {self.action} {self.model_label}#{self.object_id}"


class DailyRun(models.Model):
    """The daily jobs of one day (common/daily.py): the row is the claim, so they run once a
    day whether the worker or a timer starts them."""

    day = models.DateField(unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    failed_jobs = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return str(self.day)


class StoredUpload(models.Model):
    """An uploaded PDF or image, checked by its content (common/uploads.py): the type it
    proved to be and its size. Each app's model adds its `file` (its own storage path), the
    record it belongs to and its Meta; served by a view that checks who may see that record."""

    content_type = models.CharField(max_length=50, editable=False)
    size = models.PositiveIntegerField(editable=False)

    class Meta:
        abstract = True


class DocumentUpload(StoredUpload):
    """An upload with a title, who uploaded it and when: an agreement's copy, a proposal's or
    an obstacle's attachment."""

    title = models.CharField(_("title"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title
