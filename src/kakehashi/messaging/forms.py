from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kakehashi.messaging.models import (
    BODY_MAX_LENGTH,
    REASON_MAX_LENGTH,
    SUBJECT_MAX_LENGTH,
    Frequency,
)
from kakehashi.messaging.services import MAX_ATTACHMENTS

LANGUAGE_CHOICES = [
    ("", _("Detect it")),
    ("vi", _("Vietnamese")),
    ("ja", _("Japanese")),
    ("en", _("English")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(upload, initial) for upload in files]


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"), max_length=BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    language = forms.ChoiceField(
        label=_("Language of the message"), choices=LANGUAGE_CHOICES, required=False
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=format_lazy(_("PDF, PNG or JPEG; at most {max} files."), max=MAX_ATTACHMENTS),
    )


class NewThreadForm(MessageForm):
    field_order = ["organisation", "subject", "body", "language", "attachments"]

    organisation = forms.ModelChoiceField(label=_("Write as"), queryset=None, empty_label=None)
    subject = forms.CharField(label=_("Subject"), max_length=SUBJECT_MAX_LENGTH)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class AddMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Colleague"), queryset=None)

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = colleagues


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this message?"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mail about new messages"), choices=Frequency.choices, widget=forms.RadioSelect
    )
