"""Forms of the proposals pages. They parse input into the services' dataclasses; the
services validate again (HS code, amounts, kind-specific rules)."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.common.i18n import Language
from kakehashi.directory.forms import LocalityChoiceField
from kakehashi.directory.models import Country, Locality, Organisation, Sector
from kakehashi.proposals.errors import ProposalError
from kakehashi.proposals.hs import validate_hs_code
from kakehashi.proposals.models import (
    KIND_FIELDS,
    KIND_TEXTS,
    Currency,
    InvestmentForm,
    PartnershipType,
    ProgrammeArea,
    Proposal,
    ProposalKind,
    TechnologyStage,
)
from kakehashi.proposals.models.details import CriterionLevel
from kakehashi.proposals.screening import CRITERIA, MAX_WEIGHT
from kakehashi.proposals.services import ExportInput, InvestmentInput, ProposalInput
from kakehashi.proposals.services.base import SCALAR_FIELDS
from kakehashi.proposals.translation_forms import (
    ORIGINAL_FIELDS,
    LanguageTabsMixin,
    translation_field_names,
)

DETECT = ""
LANGUAGE_CHOICES = [(DETECT, _("Detect it from the text")), *Language.choices]
INVESTMENT_FIELDS = (
    "industrial_zone",
    "amount",
    "currency",
    "land_area_ha",
    "investment_form",
    "timeline",
    *CRITERIA,
)
EXPORT_FIELDS = ("product", "hs_code", "capacity", "certifications", "target_market")
CRITERION_LABELS = {
    "technology": _("Technology level (advanced, new, high, clean)"),
    "governance": _("Modern governance"),
    "added_value": _("Added value"),
    "spillover": _("Spill-over effects"),
    "supply_chain": _("Links into global supply chains"),
    "environment": _("Environmental protection"),
}


def _localities():
    return Locality.objects.filter(is_current=True).order_by("country", "name_en")


class ProposalForm(LanguageTabsMixin, forms.Form):
    """The proposal, with its text in the other languages on the language tabs (see
    translation_forms.py)."""

    organisation = forms.ModelChoiceField(
        label=_("Proposing organisation"), queryset=Organisation.objects.none()
    )
    kind = forms.ChoiceField(label=_("Kind of proposal"), choices=ProposalKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=_("Detected when you save; confirm or correct it here."),
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"),
        queryset=Sector.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partnership_types = forms.MultipleChoiceField(
        label=_("Partnership types sought"),
        choices=PartnershipType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    keywords = forms.CharField(
        label=_("Keywords"), max_length=300, required=False, help_text=_("Separated by commas.")
    )
    locality = LocalityChoiceField(
        label=_("Locality"),
        queryset=_localities(),
        required=False,
        help_text=_(
            "Where the investment project is; for other kinds, the organisation's locality "
            "if left empty."
        ),
    )
    target_countries = forms.MultipleChoiceField(
        label=_("Target countries"),
        choices=Country.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_localities = forms.ModelMultipleChoiceField(
        label=_("Target localities"), queryset=_localities(), required=False
    )
    is_anonymous = forms.BooleanField(
        label=_("Hide our organisation until we accept contact"), required=False
    )
    # Offers
    advantages = forms.CharField(
        label=_("Advantages and innovation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    stage = forms.ChoiceField(
        label=_("Stage of development"),
        choices=[("", "—"), *TechnologyStage.choices],
        required=False,
    )
    # Requests, research and programmes
    sought = forms.CharField(
        label=_("What is sought"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    partner_role = forms.CharField(
        label=_("The partner's expected role"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    programme_area = forms.ChoiceField(
        label=_("Area of the programme"),
        choices=[("", "—"), *ProgrammeArea.choices],
        required=False,
    )
    # Investment projects
    industrial_zone = forms.CharField(label=_("Industrial zone"), max_length=200, required=False)
    amount = forms.DecimalField(
        label=_("Investment capital"),
        min_value=0,
        max_digits=18,
        decimal_places=2,
        required=False,
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, required=False)
    land_area_ha = forms.DecimalField(
        label=_("Land area (hectares)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        required=False,
    )
    investment_form = forms.ChoiceField(
        label=_("Form of investment"),
        choices=[("", "—"), *InvestmentForm.choices],
        required=False,
    )
    timeline = forms.CharField(
        label=pgettext_lazy("investment", "Timeline"), max_length=300, required=False
    )
    # Export products
    product = forms.CharField(label=_("Product"), max_length=200, required=False)
    hs_code = forms.CharField(
        label=_("HS code"),
        max_length=12,
        required=False,
        help_text=_("Six digits of the HS 2022 nomenclature, e.g. 090111."),
    )
    capacity = forms.CharField(label=_("Production capacity"), max_length=200, required=False)
    certifications = forms.CharField(label=_("Certifications"), max_length=300, required=False)
    target_market = forms.CharField(label=_("Target market"), max_length=200, required=False)

    def __init__(
        self, *args, organisations=None, reader_language="en", machine_languages=(), **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.add_translation_fields(
            reader_language=reader_language, machine_languages=machine_languages
        )
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        if organisations is not None and len(organisations) == 1:
            # Most people act for one organisation: no choice to make.
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].empty_label = None
        for criterion in CRITERIA:
            self.fields[criterion] = forms.TypedChoiceField(
                label=CRITERION_LABELS[criterion],
                choices=CriterionLevel.choices,
                coerce=int,
                initial=0,
                required=False,
            )

    def common_fields(self):
        skip = {*INVESTMENT_FIELDS, *EXPORT_FIELDS, "advantages", "stage", "sought"}
        skip |= {"partner_role", "programme_area", *ORIGINAL_FIELDS, *translation_field_names()}
        return [self[name] for name in self.fields if name not in skip]

    def section(self, *names):
        return [self[name] for name in names]

    def offer_fields(self):
        return self.section("advantages", "stage")

    def request_fields(self):
        return self.section("sought", "partner_role", "programme_area")

    def investment_fields(self):
        return self.section(*INVESTMENT_FIELDS)

    def export_fields(self):
        return self.section(*EXPORT_FIELDS)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == ProposalKind.EXPORT_PRODUCT:
            if not cleaned.get("product", "").strip():
                self.add_error("product", _("Name the product to export."))
            try:
                cleaned["hs_code"] = validate_hs_code(cleaned.get("hs_code", ""))
            except ValidationError as error:
                self.add_error("hs_code", error)
        self.clean_translations(cleaned)
        return cleaned

    def to_input(self) -> ProposalInput:
        data = self.cleaned_data
        kind = data["kind"]
        investment = export = None
        if kind == ProposalKind.INVESTMENT_PROJECT:
            investment = InvestmentInput(
                industrial_zone=data["industrial_zone"],
                amount=data["amount"],
                currency=data["currency"] or Currency.USD,
                land_area_ha=data["land_area_ha"],
                investment_form=data["investment_form"],
                timeline=data["timeline"],
                **{criterion: data.get(criterion) or 0 for criterion in CRITERIA},
            )
        if kind == ProposalKind.EXPORT_PRODUCT:
            export = ExportInput(**{name: data[name] for name in EXPORT_FIELDS})
        return ProposalInput(
            **{name: data[name] for name in SCALAR_FIELDS},
            sectors=list(data["sectors"]),
            partnership_types=data["partnership_types"],
            target_countries=data["target_countries"],
            target_localities=list(data["target_localities"]),
            locality=data["locality"],
            language=data["language"],
            investment=investment,
            export=export,
        )

    @classmethod
    def initial_for(cls, proposal: Proposal) -> dict:
        # The texts and choices an edit writes (services.base.SCALAR_FIELDS), and whose
        # proposal it is and where.
        initial = {
            name: getattr(proposal, name) for name in ("organisation", "locality", *SCALAR_FIELDS)
        }
        initial["language"] = proposal.language
        initial.update(cls.translations_initial(proposal))
        initial["sectors"] = list(proposal.sectors.all())
        initial["target_localities"] = list(proposal.target_localities.all())
        initial["partnership_types"] = [row.type for row in proposal.partnership_types.all()]
        initial["target_countries"] = [row.country for row in proposal.target_countries.all()]
        details = getattr(proposal, "investment", None) if proposal.is_investment else None
        if details is not None:
            initial.update({name: getattr(details, name) for name in INVESTMENT_FIELDS})
        export = getattr(proposal, "export", None) if proposal.is_export else None
        if export is not None:
            initial.update({name: getattr(export, name) for name in EXPORT_FIELDS})
        return initial


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG or JPEG."))


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class InterestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none()
    )
    message = forms.CharField(
        label=_("Message to the owner"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            organisations if organisations is not None else Organisation.objects.none()
        )
        if organisations is not None and len(organisations) == 1:
            # Most people act for one organisation: no choice to make.
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].empty_label = None


class WeightsForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in CRITERIA:
            self.fields[criterion] = forms.IntegerField(
                label=CRITERION_LABELS[criterion], min_value=0, max_value=MAX_WEIGHT
            )

    def clean(self):
        cleaned = super().clean()
        if all(cleaned.get(criterion) == 0 for criterion in CRITERIA):
            raise ValidationError(
                _("Give at least one criterion a weight above 0."),
                code=ProposalError.WEIGHTS_ALL_ZERO,
            )
        return cleaned


class TranslationForm(forms.Form):
    """A person's translation of a proposal into one of the two other languages: its title,
    summary, description and the texts its kind has."""

    language = forms.ChoiceField(label=_("Language of the translation"))
    # The texts as the proposal form asks for them, with the same limits (each form gets its
    # own copy of a declared field).
    title = ProposalForm.base_fields["title"]
    summary = ProposalForm.base_fields["summary"]
    description = ProposalForm.base_fields["description"]

    def __init__(self, *args, original: str, kind: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, label) for code, label in Language.choices if code != original
        ]
        # The texts of the proposal's kind (advantages for offers; what is sought and the
        # partner's role for requests), optional in a translation.
        for name in KIND_TEXTS:
            if kind in KIND_FIELDS[name]:
                self.fields[name] = copy.deepcopy(ProposalForm.base_fields[name])
                self.fields[name].required = False
