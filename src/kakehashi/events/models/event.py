import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.i18n import Language, pick_name, reader_language
from kakehashi.common.translations import translation_into
from kakehashi.directory.models import Locality, Organisation, Person


class EventSeries(models.Model):
    """Editions of a recurring event, e.g. the yearly Vietnam–Japan Festival whose host
    rotates between localities."""

    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_vi = models.CharField(_("name in Vietnamese"), max_length=200, blank=True)
    name_ja = models.CharField(_("name in Japanese"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    is_demo = models.BooleanField(_("demo record"), default=False)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:series", args=[self.slug])

    @property
    def name(self) -> str:
        return pick_name(self)


class Event(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="editions",
        verbose_name=_("series"),
    )
    name_en = models.CharField(_("name in English"), max_length=200)
    name_vi = models.CharField(_("name in Vietnamese"), max_length=200, blank=True)
    name_ja = models.CharField(_("name in Japanese"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=8000)
    language = models.CharField(
        _("language of the description"),
        max_length=5,
        choices=Language.choices,
        default=Language.EN,
    )
    organisers = models.ManyToManyField(
        Organisation, related_name="organised_events", verbose_name=_("organisers")
    )
    host_locality = models.ForeignKey(
        Locality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_events",
        verbose_name=_("host locality"),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Ho_Chi_Minh")
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Delegations at most; empty: no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    slot_minutes = models.PositiveSmallIntegerField(_("meeting length in minutes"), default=20)
    pending_request_cap = models.PositiveSmallIntegerField(
        _("unanswered requests a delegation may have out at once"), default=20
    )
    schedule_published_at = models.DateTimeField(null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo record"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name_en"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="event_dates_ordered",
                violation_error_message=_("The last day cannot be before the first day."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def name(self) -> str:
        return pick_name(self)


class EventOrganiser(models.Model):
    """A person named organiser of one event (beside the members of its organising
    organisations, who organise it by right)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organiser_roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_roles"
    )

    class Meta:
        verbose_name = _("event organiser")
        verbose_name_plural = _("event organisers")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="event_organiser_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.event}"


class SessionKind(models.TextChoices):
    PLENARY = "plenary", _("Plenary session")
    PANEL = "panel", _("Panel or thematic session")
    BREAK = "break", _("Break")
    OTHER = "other", _("Other")


class Session(models.Model):
    """An item of the programme. Plenary sessions block meeting slots for those attending."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language of the title"), max_length=5, choices=Language.choices, default=Language.EN
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    speakers = models.TextField(_("speakers"), blank=True, max_length=2000)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="session_times_ordered",
                violation_error_message=_("A session must end after it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def title_in(self, language: str) -> str:
        """The title for a reader of `language`: its translation where there is one, else
        the title as written (sessions are listed with `prefetch_related("translations")`)."""
        translation = translation_into(self, language, original_language=self.language)
        return translation.title if translation is not None else self.title

    @property
    def display_title(self) -> str:
        """The title in the reader's language, where known."""
        return self.title_in(reader_language())


def new_calendar_token() -> str:
    return secrets.token_hex(16)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", pgettext_lazy("registration", "Declined")
    CANCELLED = "cancelled", _("Cancelled")


# A registration in one of these is over: it takes no place at the event, and its delegation's
# attendance no longer changes.
ENDED_REGISTRATION_STATUSES = (RegistrationStatus.DECLINED, RegistrationStatus.CANCELLED)


class Registration(models.Model):
    """An organisation's delegation to an event: a lead and the people who attend its
    meetings together."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("organisation"),
    )
    lead = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="led_registrations", verbose_name=_("lead")
    )
    members = models.ManyToManyField(
        Person, blank=True, related_name="registrations", verbose_name=_("other delegates")
    )
    languages = models.JSONField(
        _("languages spoken"), default=list, help_text=_('Codes, e.g. ["vi", "en"].')
    )
    note = models.TextField(_("note to the organisers"), blank=True, max_length=2000)
    max_meetings = models.PositiveSmallIntegerField(
        _("most meetings wanted"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    unavailable_slots = models.ManyToManyField(
        "events.MeetingSlot", blank=True, related_name="+", verbose_name=_("busy during")
    )
    attends_sessions = models.ManyToManyField(
        "events.Session",
        blank=True,
        related_name="attendees",
        verbose_name=_("sessions attended"),
        help_text=_("A session you attend blocks the meeting slots at its time."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    # The secret in the address of the delegation's calendar feed (subscribed to from a
    # calendar program, which cannot sign in).
    calendar_token = models.CharField(max_length=32, unique=True, default=new_calendar_token)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The delegation joins its meetings by video: they take no table and get a video link
    # (events/remote.py).
    attends_remotely = models.BooleanField(_("attends remotely"), default=False)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"], name="one_registration_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} @ {self.event}"

    @property
    def delegation_size(self) -> int:
        return 1 + self.members.count()

    @property
    def delegates(self) -> list[Person]:
        """The lead first, then the other delegates."""
        return [self.lead, *self.members.all()]

    @property
    def delegate_names(self) -> list[str]:
        """The delegates' names in the reader's script where known."""
        return [person.display_name for person in self.delegates]
