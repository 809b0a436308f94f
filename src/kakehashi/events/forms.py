import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language
from kakehashi.directory.forms import LocalityChoiceField
from kakehashi.directory.models import Locality, Organisation, Person
from kakehashi.events.models import Event, EventSeries, Session

TIME_ZONES = [
    ("Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh (UTC+7)"),
    ("Asia/Tokyo", "Asia/Tokyo (UTC+9)"),
]


class EventForm(forms.ModelForm):
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"),
        queryset=Organisation.objects.filter(is_published=True),
        help_text=_("Members of these organisations organise the event."),
    )
    host_locality = LocalityChoiceField(
        label=_("Host locality"),
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
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"slug": _("Short name for the address")}
        help_texts = {"slug": _("Letters, digits and hyphens, e.g. meet-japan-2026.")}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["organisers"].queryset = organisations

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("time_zone") not in zoneinfo.available_timezones():
            self.add_error("time_zone", _("Choose a time zone from the list."))
        return cleaned


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["kind", "title", "starts_at", "ends_at", "room", "speakers"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "speakers": forms.Textarea(attrs={"rows": 2}),
        }


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
