from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kakehashi.directory.models import Locality
from kakehashi.events.models import FollowUpAnswer
from kakehashi.insights.follow_up import AGREEMENT_KINDS
from kakehashi.insights.models import OutcomeCurrency, OutcomeKind


class OutcomeForm(forms.Form):
    """What followed: the service checks the rest (who may, amount with currency, dates)."""

    kind = forms.ChoiceField(
        label=_("What followed"), choices=OutcomeKind.choices, widget=forms.RadioSelect
    )
    occurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    locality = forms.ModelChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.none(),
        help_text=_("Where the investment, deal or programme takes place."),
    )
    amount = forms.DecimalField(
        label=pgettext_lazy("contract or investment value", "Amount"),
        required=False,
        min_value=0,
        max_digits=18,
        decimal_places=2,
        help_text=_("Required for an investment; optional for a contract or export deal."),
    )
    currency = forms.ChoiceField(
        label=_("Currency"),
        required=False,
        choices=[("", "—"), *OutcomeCurrency.choices],
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    partnership_title = forms.CharField(
        label=_("Title of the agreement"),
        max_length=200,
        required=False,
        help_text=_("For a signed MoU: the partnership record is created with this title."),
    )
    publish_partnership = forms.BooleanField(
        label=_("Publish the partnership record in the registry"), required=False
    )
    is_public = forms.BooleanField(
        label=_("Count in public figures (by locality and sector, never naming you)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, localities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locality"].queryset = localities
        self.fields["occurred_on"].initial = timezone.localdate()

    # Sections of the page: the money ones show for an investment or a deal, the agreement
    # ones for a signed MoU (all show without script).
    def common_fields(self):
        return [self[name] for name in ("kind", "occurred_on", "locality", "note")]

    def money_fields(self):
        return [self["amount"], self["currency"]]

    def agreement_fields(self):
        return [self["partnership_title"], self["publish_partnership"]]


class FollowUpForm(forms.Form):
    """The six-month question; insights.follow_up checks the rest."""

    answer = forms.ChoiceField(
        label=_("What came of the meeting?"),
        choices=FollowUpAnswer.choices,
        widget=forms.RadioSelect,
    )
    agreement_kind = forms.ChoiceField(
        label=_("Kind of agreement"),
        required=False,
        choices=[(kind.value, kind.label) for kind in AGREEMENT_KINDS],
        initial=OutcomeKind.MOU_SIGNED,
        widget=forms.RadioSelect,
    )
    amount = forms.DecimalField(
        label=pgettext_lazy("contract or investment value", "Amount"),
        required=False,
        min_value=0,
        max_digits=18,
        decimal_places=2,
        help_text=_("Required for an investment."),
    )
    currency = forms.ChoiceField(
        label=_("Currency"), required=False, choices=[("", "—"), *OutcomeCurrency.choices]
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
