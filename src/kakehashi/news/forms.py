"""The desk's forms: importing an article, subscribing to a feed, and the small Accept and
Reject forms of each suggestion (pre-filled from the fact, editable where it is
incomplete)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.dates import partial_date_text
from kakehashi.common.i18n import Language
from kakehashi.directory.forms import LocalityChoiceField
from kakehashi.directory.models import Locality, Organisation
from kakehashi.directory.queries import is_platform_admin
from kakehashi.events.forms import TIME_ZONES
from kakehashi.news.errors import NewsError
from kakehashi.news.models import SuggestionKind
from kakehashi.news.queries import organisations_for_events, own_organisations
from kakehashi.partnerships.forms import PARTIAL_DATE_HELP, clean_partial_date
from kakehashi.partnerships.models import Partnership, PartnershipKind, PriorityList

LANGUAGE_CHOICES = [("", _("Detect the language")), *Language.choices]
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _localities():
    return Locality.objects.order_by("country", "-is_current", "name_en")


class LocalityMultipleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return LocalityChoiceField.label_from_instance(self, obj)


class ArticleForm(forms.Form):
    """Paste (the text), address (the address and the text) or upload (a file)."""

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Left empty: the first line of the text."),
    )
    url = forms.URLField(
        label=_("Address of the article"), max_length=500, required=False, assume_scheme="https"
    )
    text = forms.CharField(
        label=_("Text of the article"), required=False, widget=forms.Textarea(attrs={"rows": 12})
    )
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("A .txt, .html or .pdf file.")
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)
    published_on = forms.DateField(
        label=_("Published on"), required=False, widget=DATE_INPUT,
        help_text=_("Dates without a year in the article are read in this year."),
    )  # fmt: skip

    TABS = {
        "paste": ("title", "text", "language", "published_on", "url"),
        "url": ("url", "title", "text", "language", "published_on"),
        "upload": ("file", "title", "language", "published_on", "url"),
    }

    def __init__(self, *args, tab: str = "paste", **kwargs):
        super().__init__(*args, **kwargs)
        self.tab = tab if tab in self.TABS else "paste"
        self.fields = {name: self.fields[name] for name in self.TABS[self.tab]}
        if self.tab == "url":
            self.fields["url"].required = True
        if self.tab in ("paste", "url"):
            self.fields["text"].required = True
        if self.tab == "upload":
            self.fields["file"].required = True
            self.fields["url"].help_text = _("Where the article was published, if known.")


class FeedForm(forms.Form):
    url = forms.URLField(label=_("Address of the feed"), max_length=500, assume_scheme="https")
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES, required=False)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it rejected?"),
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. misread, not about a locality")}),
    )


class VisitAcceptForm(forms.Form):
    visitor = LocalityChoiceField(
        queryset=_localities(), label=_("Visiting locality"), required=False
    )
    visitor_name = forms.CharField(
        label=_("Or the visiting body"),
        max_length=200,
        required=False,
        help_text=_("When the delegation came from a ministry, an embassy or an agency."),
    )
    host = LocalityChoiceField(queryset=_localities(), label=_("Host locality"))
    started_on = forms.DateField(label=_("Date of the visit"), widget=DATE_INPUT)
    ended_on = forms.DateField(label=_("Last day"), required=False, widget=DATE_INPUT)
    delegation_lead = forms.CharField(label=_("Led by"), max_length=200, required=False)
    purpose = forms.CharField(
        label=_("Purpose"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("visitor") is None and not data.get("visitor_name"):
            raise forms.ValidationError(
                _("Say who visited: a locality or the body that sent the delegation."),
                code=NewsError.VISIT_NO_VISITOR,
            )
        if data.get("visitor") is not None and data.get("visitor") == data.get("host"):
            raise forms.ValidationError(
                _("A delegation visits another locality than its own."),
                code=NewsError.VISIT_SAME_PLACE,
            )
        return data


class _UpdateOrNew(forms.Form):
    """A form that updates a known record (its id in a hidden field) or writes a new one;
    in the first case the fields of a new record are left out."""

    record_field = ""
    new_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        key = self.add_prefix(self.record_field)
        known = self.data.get(key) if self.is_bound else self.initial.get(self.record_field)
        self.updates = bool(known)
        if self.updates:
            for name in self.new_fields:
                del self.fields[name]


class AgreementAcceptForm(_UpdateOrNew):
    record_field = "partnership"
    new_fields = ("title", "kind", "first_party", "second_party")
    partnership = forms.ModelChoiceField(
        queryset=Partnership.objects.all(), required=False, widget=forms.HiddenInput
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=PartnershipKind.choices, required=False)
    first_party = LocalityChoiceField(
        queryset=_localities(), label=_("First party"), required=False
    )
    second_party = LocalityChoiceField(
        queryset=_localities(), label=_("Second party"), required=False
    )
    date = forms.CharField(
        label=_("Date"), max_length=10, required=False, help_text=PARTIAL_DATE_HELP
    )
    type_as_stated = forms.CharField(
        label=_("Type as stated in the source"), max_length=300, required=False
    )

    def clean_date(self):
        text = self.cleaned_data["date"].strip()
        return clean_partial_date(text) if text else (None, "day")

    def clean(self):
        data = super().clean()
        if data.get("partnership") is None and not self.errors:
            if not (data.get("title") or "").strip():
                self.add_error("title", _("Give the partnership a title."))
            parties = [data.get("first_party"), data.get("second_party")]
            if None in parties:
                raise forms.ValidationError(
                    _("Choose both parties to the agreement."), code=NewsError.PARTY_MISSING
                )
            if parties[0] == parties[1]:
                raise forms.ValidationError(
                    _("The same party is listed twice."), code=NewsError.PARTY_DUPLICATE
                )
        return data

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["date"], data["precision"] = data.pop("date")
        data["parties"] = [data.pop("first_party", None), data.pop("second_party", None)]
        return data


class PriorityAcceptForm(_UpdateOrNew):
    record_field = "priority_list"
    new_fields = ("locality", "title", "period_start", "period_end")
    priority_list = forms.ModelChoiceField(
        queryset=PriorityList.objects.all(), required=False, widget=forms.HiddenInput
    )
    locality = LocalityChoiceField(queryset=_localities(), label=_("Locality"), required=False)
    title = forms.CharField(label=_("Title of the list"), max_length=200, required=False)
    period_start = forms.IntegerField(
        label=_("First year"), min_value=1945, max_value=2100, required=False
    )
    period_end = forms.IntegerField(
        label=_("Last year"), min_value=1945, max_value=2100, required=False
    )
    partners = LocalityMultipleField(
        queryset=_localities(),
        label=_("Priority partners"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    def clean(self):
        data = super().clean()
        if data.get("priority_list") is None and not self.errors:
            for name in ("locality", "title", "period_start", "period_end"):
                if data.get(name) in (None, ""):
                    self.add_error(name, _("This field is required."))
            start, end = data.get("period_start"), data.get("period_end")
            if start and end and end < start:
                self.add_error("period_end", _("The period cannot end before it starts."))
        return data


class PersonAcceptForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)


class EventAcceptForm(forms.Form):
    """An event as a draft for its organisers: its name, days, organisers and host."""

    name = forms.CharField(label=_("Name as written in the article"), max_length=200)
    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=200,
        required=False,
        help_text=_("Left empty: the name as written."),
    )
    starts_on = forms.DateField(label=_("First day"), widget=DATE_INPUT)
    ends_on = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Left empty: the first day."),
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"),
        queryset=Organisation.objects.none(),
        help_text=_(
            "Members of these organisations complete and publish the event; yours must be "
            "among them."
        ),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    host_locality = LocalityChoiceField(
        queryset=Locality.objects.filter(is_current=True).order_by("country", "name_en"),
        label=pgettext_lazy("event", "Host locality"),
        required=False,
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=TIME_ZONES)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = organisations_for_events(user)

    def clean(self):
        data = super().clean()
        first, last = data.get("starts_on"), data.get("ends_on")
        if first and last and last < first:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return data


ACCEPT_FORMS = {
    SuggestionKind.VISIT: VisitAcceptForm,
    SuggestionKind.AGREEMENT: AgreementAcceptForm,
    SuggestionKind.PRIORITY_PARTNERS: PriorityAcceptForm,
    SuggestionKind.PERSON: PersonAcceptForm,
    SuggestionKind.EVENT: EventAcceptForm,
}


def accept_initial(kind: str, initial: dict, user=None) -> dict:
    """The Accept form's initial values from a comparison's (news/comparison.py). The
    events services let only an organiser's member create an event: when the user acts for
    none of the organisers the article names (or the directory holds none of them), their
    own organisation is offered beside those, so that they can record and complete it."""
    if kind == SuggestionKind.EVENT and user is not None:
        organisers = list(initial.get("organisers") or [])
        own = own_organisations(user)
        if (
            not is_platform_admin(user)
            and not own.filter(pk__in=[o.pk for o in organisers]).exists()
        ):
            first = own.first()
            organisers += [first] if first is not None else []
        return {**initial, "organisers": organisers}
    if kind == SuggestionKind.AGREEMENT:
        parties = initial.get("parties") or []
        date = initial.get("date")
        return {
            **initial,
            "first_party": parties[0] if parties else None,
            "second_party": parties[1] if len(parties) > 1 else None,
            "date": partial_date_text(date, initial.get("precision", "day")) if date else "",
            "title": initial.get("title", ""),
        }
    if kind == SuggestionKind.PRIORITY_PARTNERS:
        locality, end = initial.get("locality"), initial.get("period_end")
        title = ""
        if locality is not None and end:
            title = _("Priority partners of %(locality)s until %(year)s") % {
                "locality": locality.name,
                "year": end,
            }
        return {**initial, "title": title}
    return initial


def accept_form(kind: str, *, data=None, initial=None, prefix: str, user=None):
    form_class = ACCEPT_FORMS.get(kind)
    if form_class is None:
        return None
    initial = accept_initial(kind, initial or {}, user)
    if form_class is EventAcceptForm:
        return form_class(data=data, initial=initial, prefix=prefix, user=user)
    return form_class(data=data, initial=initial, prefix=prefix)


def accept_values(form) -> dict:
    return form.values() if hasattr(form, "values") else dict(form.cleaned_data)
