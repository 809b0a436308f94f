import datetime as dt

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from kakehashi.common.date_input import ReaderDateField
from kakehashi.common.dates import parse_partial_date, partial_date_text
from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.translation_page import FieldGroup
from kakehashi.directory.forms import LocalityChoiceField
from kakehashi.directory.models import Locality, Organisation, Sector
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from kakehashi.partnerships.services import PartnershipInput, PartyInput, RenewalInput

PARTIAL_DATE_HELP = _("YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known.")


def clean_partial_date(text: str):
    try:
        return parse_partial_date(text)
    except ValueError as error:
        raise forms.ValidationError(
            _("Enter the date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2016-09-13."),
            code=PartnershipError.INVALID_DATE,
        ) from error


class PartnershipForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=PartnershipKind.choices)
    type_as_stated = forms.CharField(
        label=_("Type as stated in the document"), max_length=300, required=False
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Fields"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    signed = forms.CharField(
        label=_("Signed on"), max_length=10, required=False, help_text=PARTIAL_DATE_HELP
    )
    status = forms.ChoiceField(label=_("Status"), choices=PartnershipStatus.choices)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    language = forms.ChoiceField(label=_("Language of the text"), choices=Language.choices)
    sources = forms.CharField(
        label=_("Sources"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One web address per line."),
    )
    renewals = forms.CharField(
        label=_("Renewals and later documents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: the date, then a note. For example: 2016-09-06 renewed."),
    )
    is_published = forms.BooleanField(label=_("Published"), required=False, initial=True)

    def clean_signed(self):
        text = self.cleaned_data["signed"].strip()
        return clean_partial_date(text) if text else (None, "day")

    def clean_sources(self):
        urls = [line.strip() for line in self.cleaned_data["sources"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for url in urls:
            try:
                validate(url)
            except forms.ValidationError as error:
                raise forms.ValidationError(
                    _("“%(url)s” is not a web address."),
                    code=PartnershipError.INVALID_URL,
                    params={"url": url},
                ) from error
            if len(url) > 500:
                raise forms.ValidationError(
                    _("A web address is too long."), code=PartnershipError.URL_TOO_LONG
                )
        return urls

    def clean_renewals(self):
        renewals = []
        for line in self.cleaned_data["renewals"].splitlines():
            if not line.strip():
                continue
            date_text, _sep, note = line.strip().partition(" ")
            date, precision = clean_partial_date(date_text)
            renewals.append(RenewalInput(date=date, precision=precision, note=note.strip()[:300]))
        return renewals

    @classmethod
    def initial_for(cls, partnership: Partnership) -> dict:
        return {
            "title": partnership.title,
            "kind": partnership.kind,
            "type_as_stated": partnership.type_as_stated,
            "sectors": list(partnership.sectors.all()),
            "signed": partial_date_text(partnership.signed_on, partnership.signed_precision),
            "status": partnership.status,
            "summary": partnership.summary,
            "language": partnership.language,
            "sources": "\n".join(source.url for source in partnership.sources.all()),
            "renewals": "\n".join(
                f"{partial_date_text(r.renewed_on, r.precision)} {r.note}".strip()
                for r in partnership.renewals.all()
            ),
            "is_published": partnership.is_published,
        }


class PartyForm(forms.Form):
    locality = LocalityChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.order_by("-is_current", "country", "name_en"),
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("or organisation"),
        queryset=Organisation.objects.filter(is_published=True),
        required=False,
    )
    name_as_signed = forms.CharField(label=_("Name as signed"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("locality") and cleaned.get("organisation"):
            raise forms.ValidationError(
                _("Choose a locality or an organisation, not both."),
                code=PartnershipError.PARTY_BOTH,
            )
        return cleaned

    def to_input(self) -> PartyInput | None:
        data = self.cleaned_data
        if not data or not (data.get("locality") or data.get("organisation")):
            return None
        return PartyInput(
            locality=data.get("locality"),
            organisation=data.get("organisation"),
            name_as_signed=data.get("name_as_signed", ""),
        )


PartyFormSet = forms.formset_factory(PartyForm, extra=0, min_num=4, max_num=10)


def party_initial(partnership: Partnership | None) -> list[dict]:
    if partnership is None:
        return []
    return [
        {
            "locality": party.locality,
            "organisation": party.organisation,
            "name_as_signed": party.name_as_signed,
        }
        for party in partnership.parties.all()
    ]


def partnership_input(form: PartnershipForm, parties: PartyFormSet, **extra) -> PartnershipInput:
    data = form.cleaned_data
    signed_on, precision = data["signed"]
    return PartnershipInput(
        title=data["title"],
        kind=data["kind"],
        type_as_stated=data["type_as_stated"],
        sectors=list(data["sectors"]),
        signed_on=signed_on,
        signed_precision=precision,
        status=data["status"],
        summary=data["summary"],
        language=data["language"],
        is_published=data["is_published"],
        sources=data["sources"],
        renewals=data["renewals"],
        parties=[p for p in (f.to_input() for f in parties.forms) if p is not None],
        **extra,
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG or JPEG, at most 10 MB."))


class VisitForm(forms.Form):
    visitor = LocalityChoiceField(
        label=_("Visiting locality"), queryset=Locality.objects.filter(is_current=True)
    )
    host = LocalityChoiceField(
        label=_("Host locality"), queryset=Locality.objects.filter(is_current=True)
    )
    delegation_lead = forms.CharField(label=_("Led by"), max_length=200, required=False)
    started_on = ReaderDateField(label=_("From"))
    ended_on = ReaderDateField(label=_("Until"), required=False)
    purpose = forms.CharField(
        label=_("Purpose"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    source_url = forms.URLField(
        label=_("Source"), required=False, max_length=500, assume_scheme="https"
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=Language.choices,
        help_text=_("The language in which you write who led it, its purpose and its outcome."),
    )

    # The language first among the texts it is about.
    field_order = ["visitor", "host", "language", "delegation_lead"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = reader_language()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("started_on"), cleaned.get("ended_on")
        if start and end and end < start:
            self.add_error("ended_on", _("The visit cannot end before it starts."))
        if start and start > dt.date.today() + dt.timedelta(days=3 * 365):
            self.add_error("started_on", _("The date is too far in the future."))
        return cleaned


class _TranslationForm(forms.Form):
    """A translation of a record's texts (`TEXTS`, in order) into one of the two languages
    other than the original's."""

    language = forms.ChoiceField(label=_("Language of the translation"))
    TEXTS: tuple[str, ...] = ()

    def __init__(self, *args, original: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, label) for code, label in Language.choices if code != original
        ]

    def field_groups(self) -> list[FieldGroup]:
        texts = ["language", *self.TEXTS]
        return [FieldGroup([self[name] for name in texts if name in self.fields])]


class _NotesTranslationForm(_TranslationForm):
    """A translation of a record's texts and of its distinct notes as written (fields
    note_0, note_1, …), shown in a group of their own under `NOTES_LEGEND`."""

    NOTES_LEGEND = ""

    def __init__(self, *args, notes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.notes = notes
        for index, note in enumerate(notes):
            self.fields[f"note_{index}"] = forms.CharField(
                label=note, max_length=300, required=False
            )

    def field_groups(self) -> list[FieldGroup]:
        groups = super().field_groups()
        if self.notes:
            groups.append(
                FieldGroup(
                    [self[f"note_{index}"] for index in range(len(self.notes))],
                    legend=self.NOTES_LEGEND,
                    hint=_(
                        "Each note as written, with its translation below it; a note left "
                        "empty is shown as written."
                    ),
                )
            )
        return groups


class PartnershipTranslationForm(_NotesTranslationForm):
    """A person's translation of a record: its title, summary, type as stated (when it
    states one) and each distinct renewal note, in date order."""

    title = PartnershipForm.base_fields["title"]
    summary = PartnershipForm.base_fields["summary"]
    type_as_stated = PartnershipForm.base_fields["type_as_stated"]
    TEXTS = ("title", "summary", "type_as_stated")
    NOTES_LEGEND = _("Renewal notes")

    def __init__(self, *args, states_type=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not states_type:  # no type as stated to translate
            del self.fields["type_as_stated"]


class PriorityListTranslationForm(_NotesTranslationForm):
    """A person's translation of a priority-partner list: its title and each distinct note
    of its entries."""

    title = forms.CharField(label=_("Title"), max_length=200)
    TEXTS = ("title",)
    NOTES_LEGEND = _("Notes on the partners")


class VisitTranslationForm(_TranslationForm):
    """A person's translation of a delegation visit's texts: those the visit has (a text
    with no original has nothing to translate)."""

    visitor_name = forms.CharField(label=_("Visiting body"), max_length=200, required=False)
    delegation_lead = VisitForm.base_fields["delegation_lead"]
    purpose = VisitForm.base_fields["purpose"]
    outcome = VisitForm.base_fields["outcome"]
    TEXTS = ("visitor_name", "delegation_lead", "purpose", "outcome")

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, original=visit.language, **kwargs)
        for name in self.TEXTS:
            if not getattr(visit, name):
                del self.fields[name]


def _translated_notes(data: dict, notes: list[str]) -> dict[str, str]:
    """Each note as written → its translation ("" to show it as written)."""
    return {note: data[f"note_{index}"] for index, note in enumerate(notes)}


def service_input(data: dict, notes: list[str]) -> dict:
    """The cleaned data of a PartnershipTranslationForm as save_translation takes it."""
    return {
        "language": data["language"],
        "title": data["title"],
        "summary": data["summary"],
        "type_as_stated": data.get("type_as_stated", ""),
        "renewal_notes": _translated_notes(data, notes),
    }


def priority_list_input(data: dict, notes: list[str]) -> dict:
    """The cleaned data of a PriorityListTranslationForm as save_priority_list_translation
    takes it."""
    return {
        "language": data["language"],
        "title": data["title"],
        "notes": _translated_notes(data, notes),
    }
