"""The matching index as stored, and what people ask the matching to watch for them.

The engine (`matching/engine/`) keeps its index in memory. The database holds the truth:
one `IndexEntry` per indexed proposal or organisation, with the engine's document and its
embedding, so that every process (web servers, task workers) follows the same index without
embedding anything twice, and a restart needs no model run. `IndexClock` numbers the changes:
a process that has applied changes up to number N reads only the entries changed after N
(`live.py`)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndexClock(models.Model):
    """One row: the last change number given out, and the generation of the index (a new
    generation tells every process to start again from nothing, e.g. after a rebuild from
    scratch)."""

    generation = models.UUIDField(default=uuid.uuid4)
    sequence = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("index clock")
        verbose_name_plural = _("index clocks")

    def __str__(self):
        return f"{self.generation} @ {self.sequence}"


class IndexEntry(models.Model):
    """One document of the matching index: a published proposal or a published organisation.
    An entry is kept, marked `removed`, when its proposal is withdrawn, so that processes
    learn to drop it."""

    key = models.CharField(max_length=40, unique=True)  # "proposal:12", "organisation:7"
    document = models.JSONField()
    # The engine's analysis (language, terms, concepts): a process loading the index does
    # not tokenise again.
    analysis = models.JSONField(null=True)
    vector = models.BinaryField(null=True)  # float32, L2-normalised; None when removed
    # The latent terms, made by the same embedder in the same pass as the vector
    # (engine/latent.py: 128 uint16 feature numbers, then 128 float16 weights); None when
    # removed, for an embedder that reads none, or for an entry stored before them.
    latent = models.BinaryField(null=True)
    embedder = models.CharField(max_length=60, blank=True)
    # sha256 of the text and language the vector was made from (services.embedded_text_hash):
    # storing a document again with the same text and embedder reuses the vector.
    text_hash = models.CharField(max_length=64, blank=True)
    removed = models.BooleanField(default=False)
    sequence = models.PositiveBigIntegerField(db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("index entry")
        verbose_name_plural = _("index entries")

    def __str__(self):
        return self.key


class MissedIndexUpdate(models.Model):
    """A record whose index upkeep could not be queued (twice): its entry may be out of date
    until it is indexed again, by its next change, the daily job (`snapshot_index` indexes
    these first) or a rebuild. The readiness check (`/readyz`) counts them, so a stale index
    is seen rather than only logged."""

    key = models.CharField(max_length=40, unique=True)  # "proposal:12", "organisation:7"
    error = models.CharField(max_length=200, blank=True)
    missed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("missed index update")
        verbose_name_plural = _("missed index updates")
        ordering = ["missed_at"]

    def __str__(self):
        return self.key


class RebuildStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")


class RebuildRun(models.Model):
    """A full rebuild of the index: how far it got, so that an interrupted run can resume
    where it stopped (`kakehashi rebuild_matching_index --resume`)."""

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=RebuildStatus.choices)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    # The last key written, in the rebuild's order ("organisation:<pk>" then "proposal:<pk>").
    last_key = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("index rebuild")
        verbose_name_plural = _("index rebuilds")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.status} {self.done}/{self.total}"


class SavedSearch(models.Model):
    """A search a user keeps; the digest tells them of new proposals that it finds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    query = models.CharField(_("search"), max_length=200)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Proposals published before this moment have been reported already.
    reported_until = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self):
        return self.query


class FollowedProposal(models.Model):
    """A user follows a proposal; the digest tells them of new counterparts for it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_proposals"
    )
    proposal = models.ForeignKey(
        "proposals.Proposal", on_delete=models.CASCADE, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reported_until = models.DateTimeField()

    class Meta:
        verbose_name = _("followed proposal")
        verbose_name_plural = _("followed proposals")
        constraints = [
            models.UniqueConstraint(fields=["user", "proposal"], name="follow_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.proposal}"
