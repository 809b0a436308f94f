from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kakehashi.common.i18n import Language
from kakehashi.directory.models import Country, Locality, Organisation
from kakehashi.obstacles.models import RULE_CATEGORIES, Category, Status


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def _localities():
    return Locality.objects.filter(is_current=True).order_by("country", "name_en")


class LocalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ObstacleForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none()
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    locality = LocalityChoiceField(
        label=_("Locality concerned"),
        queryset=Locality.objects.none(),
        help_text=_("Former units are listed too; the obstacle goes to today's authority."),
    )
    proposal = forms.ModelChoiceField(
        label=_("Related proposal"), queryset=Organisation.objects.none(), required=False
    )
    project = forms.CharField(
        label=_("Related project"),
        max_length=200,
        required=False,
        help_text=_("A project that is not on the platform, in a few words."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=6000, widget=forms.Textarea(attrs={"rows": 8})
    )
    language = forms.ChoiceField(
        label=_("Language of the text"),
        choices=[("", _("Detect it from the text")), *Language.choices],
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Attachments"), required=False, help_text=_("PDF, PNG or JPEG.")
    )

    def __init__(self, *args, organisations=None, proposals=None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisations if organisations is not None else Organisation.objects.none()
        self.fields["organisation"].queryset = organisations
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
            self.fields["organisation"].empty_label = None
        self.fields["locality"].queryset = Locality.objects.order_by(
            "country", "-is_current", "name_en"
        )
        self.fields["proposal"].queryset = (
            proposals if proposals is not None else (Organisation.objects.none())
        )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG or JPEG."))


class AssignForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Organisation.objects.none())
    # The queryset (the authority's members) is given by the view.

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            members if members is not None else get_user_model().objects.none()
        )
        self.fields["owner"].label_from_instance = lambda user: user.get_full_name() or user.email


class CloseForm(forms.Form):
    reason = forms.CharField(
        label=_("How it was resolved, or why it cannot be"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    public_summary = forms.CharField(
        label=_("Public summary"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Shown to everyone on the list of resolved difficulties; leave empty to "
            "keep it private. Name no one."
        ),
    )
    summary_language = forms.ChoiceField(
        label=_("Language of the public summary"), choices=Language.choices, required=False
    )


class RouteForm(forms.Form):
    authority = forms.ModelChoiceField(label=_("Authority"), queryset=Organisation.objects.none())
    deadline_days = forms.IntegerField(
        label=_("Days to answer"), min_value=1, max_value=365, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = _authorities()


def _authorities():
    return Organisation.objects.exclude(kind="company").order_by("name")


class RuleForm(forms.Form):
    locality = LocalityChoiceField(
        label=_("Locality"),
        queryset=Locality.objects.none(),
        required=False,
        help_text=_("Leave empty for a rule that covers the whole country."),
    )
    country = forms.ChoiceField(
        label=_("Country (country-wide rule)"),
        choices=[("", "—"), *Country.choices],
        required=False,
    )
    category = forms.ChoiceField(label=_("Category"), choices=RULE_CATEGORIES)
    authority = forms.ModelChoiceField(label=_("Authority"), queryset=Organisation.objects.none())
    deadline_days = forms.IntegerField(
        label=_("Days to answer"), min_value=1, max_value=365, initial=30
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locality"].queryset = _localities()
        self.fields["authority"].queryset = _authorities()


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *Status.choices], required=False
    )


class ObstacleTranslationForm(forms.Form):
    """A person's translation of an obstacle's title and public summary into one language;
    a text already in that language is left empty."""

    language = forms.ChoiceField(label=_("Language of the translation"), choices=Language.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    public_summary = forms.CharField(
        label=_("Public summary"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
