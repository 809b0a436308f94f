from django import forms
from django.utils.translation import gettext_lazy as _

from kakehashi.events.models import NEXT_STEPS, IntentionKind

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class FeedbackForm(forms.Form):
    """A delegation's rating of a held meeting; the service checks who may and when."""

    useful = forms.TypedChoiceField(
        label=_("Was the meeting useful?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    meet_again = forms.TypedChoiceField(
        label=_("Would you meet this delegation again?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    next_step = forms.ChoiceField(
        label=_("What follows?"),
        choices=[(step.value, IntentionKind(step).label) for step in NEXT_STEPS],
        widget=forms.RadioSelect,
    )
