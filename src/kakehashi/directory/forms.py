from django import forms
from django.utils.translation import gettext_lazy as _

from kakehashi.common.formats import format_day
from kakehashi.common.i18n import Language, aside
from kakehashi.directory.models import (
    Locality,
    MembershipRole,
    Organisation,
    Sector,
)


class LocalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if obj.is_current:
            # "Da Nang (Vietnam)", "ダナン市（ベトナム）": the reader's brackets.
            return f"{obj.name}{aside(obj.get_country_display())}"
        if obj.valid_until:
            # Translators: a former province, e.g. "Binh Duong (until 2025-06-30)".
            return _("%(name)s (until %(date)s)") % {
                "name": obj.name,
                "date": format_day(obj.valid_until),
            }
        return _("%(name)s (former)") % {"name": obj.name}


class OrganisationForm(forms.ModelForm):
    locality = LocalityChoiceField(
        queryset=Locality.objects.filter(is_current=True).order_by("country", "name_en"),
        required=False,
        label=_("Locality"),
    )
    sectors = forms.ModelMultipleChoiceField(
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Sectors"),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "name_en",
            "kind",
            "country",
            "locality",
            "sectors",
            "website",
            "description",
            "language",
            "is_published",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "name": _("As the organisation writes it, in its own language."),
            "is_published": _("Published organisations are visible to everyone."),
        }

    def clean(self):
        cleaned = super().clean()
        locality, country = cleaned.get("locality"), cleaned.get("country")
        if locality is not None and country and locality.country != country:
            self.add_error("locality", _("The locality is not in the organisation's country."))
        return cleaned


class MemberForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The person must have signed up with this address."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    position_language = forms.ChoiceField(
        label=_("Language of the position"),
        choices=[("", _("Detect it from the position")), *Language.choices],
        required=False,
        help_text=_("Readers of the other languages see its translation once one is added."),
    )


class OrganisationTranslationForm(forms.Form):
    """A person's translation of an organisation's name and description into one of the two
    other languages."""

    language = forms.ChoiceField(label=_("Language of the translation"))
    name = forms.CharField(label=_("Name of the organisation"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, original: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, label) for code, label in Language.choices if code != original
        ]


class PositionTranslationForm(forms.Form):
    """A translation of a person's position at an organisation into one of the two languages
    other than the one it is written in."""

    language = forms.ChoiceField(label=_("Language of the translation"))
    position = forms.CharField(label=_("Position"), max_length=200)

    def __init__(self, *args, original: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, label) for code, label in Language.choices if code != original
        ]
