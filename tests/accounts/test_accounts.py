import re

import pytest
from django.core import mail
from django.urls import reverse

from kakehashi.accounts.models import User
from kakehashi.directory.models import Person
from tests.factories import PASSWORD, UserFactory

SIGN_UP = {
    "full_name": "Lê Thu Hà",
    "email": "ha@example.vn",
    "password": "a-long-enough-passphrase",
    "language": "vi",
}


def confirmation_link(message) -> str:
    return re.search(r"http://testserver(/accounts/confirm/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_sign_up_confirm_and_sign_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:signup"), SIGN_UP)
    assert response.status_code == 200
    user = User.objects.get(email="ha@example.vn")
    assert not user.email_confirmed
    assert Person.objects.get(user=user).full_name == "Lê Thu Hà"
    (message,) = mail.outbox
    assert message.to == ["ha@example.vn"]
    # The message is in the language the person chose.
    assert message.subject == _in_language("vi", "Confirm your e-mail address for Kakehashi")

    signed_in = client.post(
        reverse("accounts:login"), {"username": "ha@example.vn", "password": SIGN_UP["password"]}
    )
    assert signed_in.status_code == 200  # refused until confirmed, with a fresh link
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 2

    response = client.get(confirmation_link(message))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email_confirmed

    response = client.post(
        reverse("accounts:login"), {"username": "ha@example.vn", "password": SIGN_UP["password"]}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def _in_language(language, text):
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field_error"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"password": "123"}, "This password is too short."),
        ({"language": "fr"}, "Select a valid choice."),
        ({"full_name": ""}, "This field is required."),
    ],
)
def test_bad_sign_up_writes_nothing(client, change, field_error):
    response = client.post(reverse("accounts:signup"), SIGN_UP | change)
    assert response.status_code == 200
    assert field_error in response.content.decode()
    assert User.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_up_does_not_tell_whether_an_address_has_an_account(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="ha@example.vn", preferred_language="ja")
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(reverse("accounts:signup"), SIGN_UP | {"email": "HA@example.vn"})
    with django_capture_on_commit_callbacks(execute=True):
        fresh = client.post(reverse("accounts:signup"), SIGN_UP | {"email": "new@example.vn"})
    assert taken.status_code == fresh.status_code == 200
    assert _page_without(taken, "HA@example.vn") == _page_without(fresh, "new@example.vn")
    assert User.objects.filter(email__iexact="ha@example.vn").count() == 1
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)
    # The owner hears of it, in their language, with the way in.
    told, confirmation = mail.outbox
    assert told.to == ["ha@example.vn"]
    assert told.subject == _in_language(
        "ja", "Someone tried to create a Kakehashi account with your address"
    )
    assert "http://testserver/accounts/sign-in/" in told.body
    assert "http://testserver/accounts/password-reset/" in told.body
    assert confirmation.to == ["new@example.vn"]


def _page_without(response, address):
    """The page with the address and the per-response CSRF token blanked out."""
    page = response.content.decode().replace(address, "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.mark.django_db
def test_password_reset_does_not_tell_whether_an_address_has_an_account(client):
    UserFactory(email="reset@example.org")
    known = client.post(reverse("accounts:password_reset"), {"email": "reset@example.org"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox] == [["reset@example.org"]]


@pytest.mark.django_db
def test_a_forged_confirmation_link_is_refused(client):
    response = client.get(reverse("accounts:confirm_email", args=["forged:token"]))
    assert response.status_code == 400
    assert "This confirmation link is not valid." in response.content.decode()


@pytest.mark.django_db
def test_password_reset(client):
    user = UserFactory(email="reset@example.org")
    client.post(reverse("accounts:password_reset"), {"email": "reset@example.org"})
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-passphrase")
    assert not user.check_password(PASSWORD)


@pytest.mark.django_db
def test_the_language_choice_is_remembered(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    response = client.post(reverse("set_language"), {"language": "ja", "next": "/organisations/"})
    assert response.status_code == 302 and response.url == "/organisations/"
    assert client.cookies["kakehashi_language"].value == "ja"
    assert '<html lang="ja" ' in client.get("/").content.decode()
    user.refresh_from_db()
    assert user.preferred_language == "ja"


@pytest.mark.django_db
def test_the_profile_language_applies_in_a_new_browser(client):
    client.force_login(UserFactory(preferred_language="vi"))
    assert '<html lang="vi" ' in client.get("/").content.decode()


@pytest.mark.django_db
def test_switching_to_an_unknown_language_or_offsite_changes_nothing(client):
    response = client.post(
        reverse("set_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.url == "/"
    assert "kakehashi_language" not in response.cookies


@pytest.mark.django_db
def test_api_tokens_are_shown_once_and_revocable(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:create_token"), {"name": "CRM sync"})
    key = re.search(r'<code id="api-token">(kkh_[^<]+)</code>', response.content.decode()).group(1)
    token = user.api_tokens.get()
    assert key.startswith(token.prefix) and token.key_hash != key
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert key not in profile
    assert "<code>Authorization: Bearer &lt;token&gt;</code>" in profile

    other = UserFactory()
    client.force_login(other)
    assert client.post(reverse("accounts:revoke_token", args=[token.pk])).status_code == 404
    client.force_login(user)
    client.post(reverse("accounts:revoke_token", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


@pytest.mark.django_db
def test_a_name_of_invisible_characters_is_refused_and_a_name_is_cleaned(client):
    response = client.post(reverse("accounts:signup"), SIGN_UP | {"full_name": "\u200b\u202e"})
    assert "Write your name with letters." in response.content.decode()
    assert User.objects.count() == 0
    client.post(reverse("accounts:signup"), SIGN_UP | {"full_name": " Lê\u200b Thu  Hà\u202e "})
    assert User.objects.get().full_name == "Lê Thu Hà"
