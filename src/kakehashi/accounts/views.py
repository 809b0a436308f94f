from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kakehashi.accounts import services
from kakehashi.accounts.forms import ApiTokenForm, ProfileForm, SignInForm, SignUpForm
from kakehashi.accounts.models import ApiToken
from kakehashi.directory.errors import DirectoryError
from kakehashi.directory.models import Person
from kakehashi.directory.queries import memberships_of
from kakehashi.directory.services import person_for_user, set_name_forms


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        # The same answer whether or not the address has an account (its owner is e-mailed).
        services.sign_up(
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password"],
            language=form.cleaned_data["language"],
            base_url=request.build_absolute_uri("/"),
        )
        return render(request, "accounts/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/signup.html", {"form": form})


def confirm_email(request, token):
    try:
        services.confirm_email(token=token)
    except ValidationError as error:
        return render(
            request, "accounts/confirm_failed.html", {"error": error.messages[0]}, status=400
        )
    messages.success(request, _("Your e-mail address is confirmed. You can sign in now."))
    return redirect("accounts:login")


@login_required
def profile(request):
    user = request.user
    person = Person.objects.filter(user=user).first() or Person()
    form = ProfileForm(
        request.POST or None,
        initial={
            "full_name": user.full_name,
            "name_latin": person.name_latin,
            "name_kana": person.name_kana,
            "preferred_language": user.preferred_language,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            # The person is made with the names, or not at all (nothing on refusal).
            with transaction.atomic():
                set_name_forms(
                    person=person_for_user(user),
                    name_latin=form.cleaned_data["name_latin"],
                    name_kana=form.cleaned_data["name_kana"],
                    by=user,
                )
        except ValidationError as error:
            form.add_error(
                "name_kana" if error.code == DirectoryError.KANA_NOT_KANA else "name_latin", error
            )
    if request.method == "POST" and form.is_valid():
        user.full_name = form.cleaned_data["full_name"]
        user.preferred_language = form.cleaned_data["preferred_language"]
        user.save(update_fields=["full_name", "preferred_language"])
        messages.success(request, _("Your profile is saved."))
        response = redirect("accounts:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.preferred_language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            # Each organisation's name and the position in the reader's language.
            "memberships": memberships_of(user)
            .select_related("organisation")
            .prefetch_related("translations", "organisation__translations"),
            "tokens": user.api_tokens.all(),
            "token_form": ApiTokenForm(),
        },
    )


@login_required
@require_POST
def create_token(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        token, key = services.create_api_token(user=request.user, name=form.cleaned_data["name"])
        return render(request, "accounts/token_created.html", {"token": token, "key": key})
    messages.error(request, _("Give the token a name."))
    return redirect("accounts:profile")


@login_required
@require_POST
def revoke_token(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_api_token(token=token)
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:profile")


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
