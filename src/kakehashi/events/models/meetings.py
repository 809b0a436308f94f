"""The one-to-one meeting programme of an event: slots, tables, interpreters, requests,
meetings and the scheduler runs that place them."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.events.models.event import Event, Registration


def new_video_room() -> str:
    """A video room name nobody can guess (a Jitsi room is open to whoever knows its name)."""
    return f"kakehashi-{secrets.token_urlsafe(18)}"


class MeetingPeriod(models.Model):
    """A stretch of time the organisers give to one-to-one meetings."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_periods")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("meeting period")
        verbose_name_plural = _("meeting periods")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="meeting_period_times_ordered",
                violation_error_message=_("A period must end after it starts."),
            )
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class MeetingSlot(models.Model):
    """One meeting slot, cut from the periods; breaks are left out."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="meeting_slot_unique")
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class MeetingTable(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_tables")
    name = models.CharField(_("name"), max_length=100)
    seats = models.PositiveSmallIntegerField(_("seats"), default=4)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("meeting table")
        verbose_name_plural = _("meeting tables")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "name"], name="meeting_table_name_unique"),
            models.CheckConstraint(condition=Q(seats__gte=2), name="meeting_table_two_seats"),
        ]

    def __str__(self):
        return self.name


class Interpreter(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(_("name"), max_length=200)
    languages = models.JSONField(_("languages"), default=list)
    unavailable_slots = models.ManyToManyField(MeetingSlot, blank=True, related_name="+")
    joins_remotely = models.BooleanField(_("can join remote meetings"), default=False)

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MeetingPriority(models.IntegerChoices):
    MUST_MEET = 3, _("Must meet")
    WOULD_LIKE = 1, _("Would like to meet")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


# A request still open between two delegations (waiting, or accepted and not yet met): one
# per pair, and another to the same delegation is refused.
OPEN_REQUEST_STATUSES = (RequestStatus.PENDING, RequestStatus.ACCEPTED)


class MeetingRequest(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    sender = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="requests_sent")
    recipient = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="requests_received"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=MeetingPriority.choices, default=MeetingPriority.WOULD_LIKE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=models.F("recipient")), name="meeting_request_not_self"
            ),
            models.UniqueConstraint(
                fields=["sender", "recipient"],
                condition=Q(status__in=list(OPEN_REQUEST_STATUSES)),
                name="one_open_request_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.sender} → {self.recipient}"


class MeetingStatus(models.TextChoices):
    TO_SCHEDULE = "to_schedule", _("To schedule")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    NO_SHOW = "no_show", _("No-show")
    CANCELLED = "cancelled", _("Cancelled")


# A meeting still to come: the scheduler places it, and it can be cancelled.
OPEN_MEETING_STATUSES = (MeetingStatus.TO_SCHEDULE, MeetingStatus.SCHEDULED)


class Meeting(models.Model):
    """A meeting to hold: from an accepted request or added by the organisers. Its place in
    the schedule (slot, table, interpreter) is the current draft; `published_*` keeps what
    the participants were told, so a re-run can say what changed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(
        MeetingRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="meeting"
    )
    registrations = models.ManyToManyField(
        Registration, through="MeetingParticipant", related_name="meetings"
    )
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    interpreting = models.JSONField(
        _("languages to interpret"), default=list, blank=True, help_text=_("Empty: none needed.")
    )
    added_by_organisers = models.BooleanField(default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.TO_SCHEDULE
    )
    slot = models.ForeignKey(
        MeetingSlot, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    table = models.ForeignKey(
        MeetingTable, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    interpreter = models.ForeignKey(
        Interpreter, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    locked = models.BooleanField(_("locked in place"), default=False)
    unscheduled_reason = models.CharField(max_length=300, blank=True)  # English, for the API
    # The scheduler's diagnosis ({"code", "params", "context"}; docs/scheduling-format.md),
    # written in the reader's language by events.diagnosis.
    unscheduled_diagnosis = models.JSONField(default=dict, blank=True)
    published_slot = models.ForeignKey(
        MeetingSlot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_table = models.ForeignKey(
        MeetingTable, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The room of its video link, should a party attend remotely: unguessable, made once.
    video_room = models.CharField(max_length=64, unique=True, default=new_video_room)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            # The database itself refuses a double booking of a table or an interpreter.
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(slot__isnull=False, table__isnull=False),
                name="table_once_per_slot",
            ),
            models.UniqueConstraint(
                fields=["slot", "interpreter"],
                condition=Q(slot__isnull=False, interpreter__isnull=False),
                name="interpreter_once_per_slot",
            ),
        ]

    def __str__(self):
        return f"Meeting {self.pk}"

    @property
    def is_remote(self) -> bool:
        """Held by video: a party attends remotely (read from `participants`, prefetched with
        their registrations where meetings are listed)."""
        return any(p.registration.attends_remotely for p in self.participants.all())


class MeetingParticipant(models.Model):
    """A delegation in a meeting. `slot` repeats the meeting's slot so that the database can
    refuse a delegation in two meetings at once."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="meeting_seats"
    )
    slot = models.ForeignKey(
        MeetingSlot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting participant")
        verbose_name_plural = _("meeting participants")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "registration"], name="meeting_participant_unique"
            ),
            models.UniqueConstraint(
                fields=["registration", "slot"],
                condition=Q(slot__isnull=False),
                name="delegation_once_per_slot",
            ),
        ]

    def __str__(self):
        return f"{self.registration} in {self.meeting}"


class ScheduleRunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


# A scheduler run under way: no other may start, and the draft waits for it.
RUN_UNDER_WAY_STATUSES = (ScheduleRunStatus.QUEUED, ScheduleRunStatus.RUNNING)


class ScheduleRun(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="schedule_runs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    allow_moves = models.BooleanField(_("allow moving published meetings"), default=False)
    time_limit = models.PositiveIntegerField(default=30)
    status = models.CharField(
        max_length=10, choices=ScheduleRunStatus.choices, default=ScheduleRunStatus.QUEUED
    )
    progress = models.JSONField(default=dict, blank=True)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Written every few seconds while the run solves: a run whose worker died stops beating.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("scheduler run")
        verbose_name_plural = _("scheduler runs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"Schedule run {self.pk} ({self.status})"

    @property
    def share_of_bound(self) -> float | None:
        if not self.result or not self.result.get("upper_bound"):
            return None
        return self.result["scheduled_weight"] / self.result["upper_bound"]


class IntentionKind(models.TextChoices):
    """What delegations intend after a meeting, the kind of a MeetingOutcome. A result that
    happened (an agreement signed, an investment registered) is another thing, an
    insights.Outcome of an insights.OutcomeKind. The feedback's "what follows" and the
    six-month follow-up's "negotiation started" are recorded as these."""

    FOLLOW_UP = "follow_up", _("Follow-up agreed")
    MOU = "mou", _("MoU to sign")
    INVESTMENT = "investment", _("Investment intended")
    CONTRACT = "contract", _("Contract or order")
    QUOTE = "quote", _("Quote requested")
    NEGOTIATION = "negotiation", _("Negotiation started")
    NONE = "none", _("No follow-up")


class MeetingOutcome(models.Model):
    """What a held meeting led to, as a delegation or the organisers record it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="outcomes")
    kind = models.CharField(_("outcome"), max_length=12, choices=IntentionKind.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        ordering = ["recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind"], name="meeting_outcome_unique")
        ]

    def __str__(self):
        return self.get_kind_display()
