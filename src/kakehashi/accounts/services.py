"""Every write to accounts: sign-up, e-mail confirmation, API tokens."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kakehashi.accounts.errors import AccountError
from kakehashi.accounts.models import ApiToken, User
from kakehashi.directory.services import person_for_user

CONFIRMATION_SALT = "kakehashi.accounts.confirm-email"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600
TOKEN_PREFIX = "kkh_"


def confirmation_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRMATION_SALT)


def send_confirmation_email(*, user: User, base_url: str) -> None:
    """Send the confirmation link, in the user's language."""
    link = base_url.rstrip("/") + reverse("accounts:confirm_email", args=[confirmation_token(user)])
    with translation.override(user.preferred_language):
        subject = _("Confirm your e-mail address for Kakehashi")
        body = render_to_string("accounts/email/confirm.txt", {"user": user, "link": link})
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


def send_account_exists_email(*, user: User, base_url: str) -> None:
    """Tell the owner of an address that someone tried to sign up with it, in their language,
    with the ways in (sign in, reset the password)."""
    base = base_url.rstrip("/")
    with translation.override(user.preferred_language):
        subject = _("Someone tried to create a Kakehashi account with your address")
        body = render_to_string(
            "accounts/email/account_exists.txt",
            {
                "user": user,
                "sign_in": base + reverse("accounts:login"),
                "reset": base + reverse("accounts:password_reset"),
            },
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])


@transaction.atomic
def sign_up(
    *, email: str, full_name: str, password: str, language: str, base_url: str
) -> User | None:
    """Create an account (not yet confirmed) and its directory person, and e-mail the
    confirmation link once the transaction commits. When the address already has an account,
    create nothing and e-mail its owner instead (returns None): the caller answers alike in
    both cases, so that sign-up never tells whether an address has an account."""
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email=email,
                    password=password,
                    full_name=full_name.strip(),
                    preferred_language=language,
                )
        except IntegrityError:  # the same address signed up at the same moment
            existing = User.objects.get(email__iexact=email)
    if existing is not None:
        transaction.on_commit(lambda: send_account_exists_email(user=existing, base_url=base_url))
        return None
    person_for_user(user)
    transaction.on_commit(lambda: send_confirmation_email(user=user, base_url=base_url))
    return user


@transaction.atomic
def confirm_email(*, token: str) -> User:
    try:
        payload = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("This confirmation link has expired. Sign in to get a new one."),
            code=AccountError.LINK_EXPIRED,
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(
            _("This confirmation link is not valid."), code=AccountError.LINK_INVALID
        ) from error
    user = (
        User.objects.select_for_update().filter(pk=payload["user"], email=payload["email"]).first()
    )
    if user is None:
        raise ValidationError(
            _("This confirmation link is not valid."), code=AccountError.LINK_INVALID
        )
    if not user.email_confirmed:
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
    return user


@transaction.atomic
def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token. Returns the token and its key, which is shown once."""
    name = name.strip()
    if not name:
        raise ValidationError(_("Give the token a name."), code=AccountError.NAME_MISSING)
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=key[: len(TOKEN_PREFIX) + 6],
        key_hash=ApiToken.hash_key(key),
    )
    return token, key


@transaction.atomic
def revoke_api_token(*, token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def user_for_api_key(key: str) -> User | None:
    """The active user owning an active token with this key, or None."""
    if not key or not key.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at=None, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
