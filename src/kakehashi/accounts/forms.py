from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from kakehashi.accounts.errors import AccountError
from kakehashi.common.i18n import Language
from kakehashi.common.names import clean_name, is_empty_looking


def _person_name(value: str) -> str:
    """A person's name as it reads (no invisible or direction-changing characters)."""
    name = clean_name(value)
    if is_empty_looking(name):
        raise forms.ValidationError(
            _("Write your name with letters."), code=AccountError.NAME_EMPTY
        )
    return name


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True})
    )

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.email_confirmed:
            from kakehashi.accounts.services import send_confirmation_email

            send_confirmation_email(user=user, base_url=self.request.build_absolute_uri("/"))
            raise forms.ValidationError(
                _(
                    "Please confirm your e-mail address first: we have sent you a new "
                    "confirmation link."
                ),
                code=AccountError.EMAIL_UNCONFIRMED,
            )


class SignUpForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters, not only digits, not a common password."),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices)

    def clean_full_name(self):
        return _person_name(self.cleaned_data["full_name"])

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            from kakehashi.accounts.models import User

            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password, probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class ProfileForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    name_latin = forms.CharField(
        label=_("Your name in Latin letters"),
        max_length=200,
        required=False,
        help_text=_(
            "If you write your name in Japanese script: as readers of Vietnamese and English "
            "will see it on agendas, e.g. Tanaka Hiroshi."
        ),
    )
    name_kana = forms.CharField(
        label=_("Your name in katakana"),
        max_length=200,
        required=False,
        help_text=_(
            "If you write your name in Latin letters: as Japanese readers will see it on "
            "agendas, e.g. グエン・ヴァン・アン."
        ),
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices)

    def clean_full_name(self):
        return _person_name(self.cleaned_data["full_name"])


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("For example the name of the script or system that will use it."),
    )
