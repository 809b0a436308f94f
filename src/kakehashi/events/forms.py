import zoneinfo
from functools import partial

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.date_input import ReaderDateField
from kakehashi.common.formats import format_period
from kakehashi.common.i18n import Language
from kakehashi.directory.forms import LocalityChoiceField
from kakehashi.directory.models import Locality, Organisation, Person
from kakehashi.events.errors import EventError
from kakehashi.events.models import Event, EventSeries, IntentionKind, Session

TIME_ZONES = [
    ("Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh (UTC+7)"),
    ("Asia/Tokyo", "Asia/Tokyo (UTC+9)"),
]


# Whole labels per language, so that each language words them its own way.
TITLE_LABELS = {
    Language.VI: _("Title in Vietnamese"),
    Language.JA: _("Title in Japanese"),
    Language.EN: _("Title in English"),
}
DESCRIPTION_LABELS = {
    Language.VI: _("Description in Vietnamese"),
    Language.JA: _("Description in Japanese"),
    Language.EN: _("Description in English"),
}


class TranslatedTextsMixin:
    """Fields `<prefix>_vi`, `<prefix>_ja`, `<prefix>_en` for the translations of one text,
    filled from the record's rows; `translations()` gives them by language code (the one in
    the original language is checked by the service: it must be empty or the original)."""

    translated_prefix = ""
    translated_labels: dict = {}
    translated_limit = 200
    translated_help = ""

    def add_translation_fields(self, instance, *, after: str, widget=None) -> None:
        rows = {}
        if instance is not None and instance.pk:
            rows = {row.language: row for row in instance.translations.all()}
        for position, code in enumerate(Language.values):
            row = rows.get(code)
            self.fields[f"{self.translated_prefix}_{code}"] = forms.CharField(
                label=self.translated_labels[code],
                required=False,
                max_length=self.translated_limit,
                widget=widget,
                initial=getattr(row, self.translated_prefix) if row else "",
                # Said once, under the first of the three.
                help_text=self.translated_help if position == 0 else "",
            )
        names = [name for name in self.fields if not name.startswith(f"{self.translated_prefix}_")]
        position = names.index(after) + 1
        added = [f"{self.translated_prefix}_{code}" for code in Language.values]
        self.order_fields(names[:position] + added + names[position:])

    def translations(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(f"{self.translated_prefix}_{code}", "")
            for code in Language.values
        }

    def model_data(self) -> dict:
        """The cleaned data without the translation fields."""
        names = {f"{self.translated_prefix}_{code}" for code in Language.values}
        return {name: value for name, value in self.cleaned_data.items() if name not in names}


class EventForm(TranslatedTextsMixin, forms.ModelForm):
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"),
        queryset=Organisation.objects.filter(is_published=True),
        help_text=_("Members of these organisations organise the event."),
    )
    host_locality = LocalityChoiceField(
        label=pgettext_lazy("event", "Host locality"),
        queryset=Locality.objects.filter(is_current=True).order_by("country", "name_en"),
        required=False,
    )
    series = forms.ModelChoiceField(
        label=_("Series"), queryset=EventSeries.objects.all(), required=False
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONES)

    class Meta:
        model = Event
        fields = [
            "name_en",
            "name_vi",
            "name_ja",
            "slug",
            "series",
            "organisers",
            "host_locality",
            "venue",
            "starts_on",
            "ends_on",
            "time_zone",
            "capacity",
            "description",
            "language",
            "registration_open",
            "is_published",
        ]
        # The days typed in the reader's order (common/date_input.py).
        field_classes = {"starts_on": ReaderDateField, "ends_on": ReaderDateField}
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        labels = {"slug": _("Short name for the address")}
        help_texts = {"slug": _("Letters, digits and hyphens, e.g. meet-japan-2026.")}

    translated_prefix = "description"
    translated_labels = DESCRIPTION_LABELS
    translated_limit = 8000
    translated_help = _("Leave empty the language the description is written in.")

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisers"].queryset = organisations
        self.add_translation_fields(
            self.instance, after="language", widget=forms.Textarea(attrs={"rows": 4})
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("time_zone") not in zoneinfo.available_timezones():
            self.add_error("time_zone", _("Choose a time zone from the list."))
        return cleaned


class SessionForm(TranslatedTextsMixin, forms.ModelForm):
    """A session of the programme, with its title in the other languages on the same form."""

    translated_prefix = "title"
    translated_labels = TITLE_LABELS
    translated_help = _("Leave empty the language the title is written in.")

    class Meta:
        model = Session
        fields = ["kind", "title", "language", "starts_at", "ends_at", "room", "speakers"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "speakers": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translation_fields(self.instance, after="language")


class RegistrationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Other delegates"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues who attend the meetings with you."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages the delegation speaks"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    attends_remotely = forms.BooleanField(
        label=_("We attend our meetings remotely (by video)"),
        required=False,
        help_text=_("Your meetings then take place by video, at the times of the programme."),
    )
    note = forms.CharField(
        label=_("Note to the organisers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, organisations, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["members"].queryset = colleagues


class ProgrammeForm(forms.Form):
    """One meeting period per line: date, start and end, e.g. 2027-03-10 13:30 17:00."""

    periods = forms.CharField(
        label=_("Meeting periods"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: date, start and end, e.g. 2027-03-10 13:30 17:00."),
    )
    slot_minutes = forms.IntegerField(
        label=_("Meeting length in minutes"), min_value=5, max_value=240
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = zoneinfo.ZoneInfo(event.time_zone)

    def clean_periods(self):
        import datetime as dt

        periods = []
        for number, line in enumerate(self.cleaned_data["periods"].splitlines(), start=1):
            if not line.strip():
                continue
            try:
                day, start, end = line.split()
                date = dt.date.fromisoformat(day)
                starts = dt.datetime.combine(date, dt.time.fromisoformat(start), self.zone)
                ends = dt.datetime.combine(date, dt.time.fromisoformat(end), self.zone)
            except ValueError as error:
                raise forms.ValidationError(
                    _("Line %(number)s is not “date start end”, e.g. 2027-03-10 13:30 17:00."),
                    code=EventError.BAD_PERIOD,
                    params={"number": number},
                ) from error
            periods.append((starts, ends))
        if not periods:
            raise forms.ValidationError(_("Give at least one period."), code=EventError.NO_PERIOD)
        return periods


class TableForm(forms.Form):
    name = forms.CharField(label=_("Table or room"), max_length=100)
    seats = forms.IntegerField(label=_("Seats"), min_value=2, max_value=50)
    is_active = forms.BooleanField(label=_("In use"), required=False, initial=True)


class InterpreterForm(forms.Form):
    name = forms.CharField(label=_("Interpreter"), max_length=200)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, widget=forms.CheckboxSelectMultiple
    )
    joins_remotely = forms.BooleanField(
        label=_("Can also interpret remote meetings (by video)"), required=False
    )


class MeetingRequestForm(forms.Form):
    recipient = forms.ModelChoiceField(label=_("Delegation to meet"), queryset=None)
    priority = forms.TypedChoiceField(
        label=_("Priority"), coerce=int, choices=[(3, _("Must meet")), (1, _("Would like to meet"))]
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, recipients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = recipients
        self.fields["recipient"].label_from_instance = lambda r: r.organisation.display_name


def _slot_label(slot, zone) -> str:
    """A slot as the reader reads it, in the event's time zone: 10 Mar 2027, 13:30 – 13:50."""
    with timezone.override(zone):
        return format_period(slot.starts_at, slot.ends_at)


class AvailabilityForm(forms.Form):
    unavailable_slots = forms.ModelMultipleChoiceField(
        label=_("Slots when your delegation is busy"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attends_sessions = forms.ModelMultipleChoiceField(
        label=_("Sessions your delegation attends"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("No meeting is placed at the time of a session you attend."),
    )
    max_meetings = forms.IntegerField(
        label=_("Most meetings wanted"), min_value=0, max_value=100, required=False
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unavailable_slots"].queryset = event.meeting_slots.all()
        self.fields["unavailable_slots"].label_from_instance = partial(
            _slot_label, zone=zoneinfo.ZoneInfo(event.time_zone)
        )
        self.fields["attends_sessions"].queryset = event.sessions.exclude(
            kind="break"
        ).prefetch_related("translations")
        self.fields["attends_sessions"].label_from_instance = lambda session: session.display_title


class ScheduleRunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time limit in seconds"), min_value=5, max_value=600, initial=30
    )
    allow_moves = forms.BooleanField(
        label=_("Allow moving meetings already published"), required=False
    )


class OutcomeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Outcome"), choices=IntentionKind.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class OrganiserMeetingForm(forms.Form):
    registrations = forms.ModelMultipleChoiceField(
        label=_("Delegations"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Two or more approved delegations, e.g. the Ambassador and a provincial leader."
        ),
    )
    weight = forms.TypedChoiceField(
        label=_("Priority"), coerce=int, choices=[(3, _("Must meet")), (1, _("Would like to meet"))]
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].queryset = (
            event.registrations.filter(status="approved")
            .select_related("organisation")
            .prefetch_related("organisation__translations")
        )
        self.fields["registrations"].label_from_instance = lambda r: r.organisation.display_name
