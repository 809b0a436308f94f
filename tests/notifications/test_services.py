import logging

import pytest
from django.core.exceptions import PermissionDenied
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from kakehashi.notifications.models import Notification
from kakehashi.notifications.services import mark_all_read, mark_read, notify, send_emails
from tests.factories import UserFactory


class BrokenEmailBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server is down")


@pytest.fixture
def vi_user(db):
    return UserFactory(preferred_language="vi", email="lan@example.vn")


@pytest.fixture
def ja_user(db):
    return UserFactory(preferred_language="ja", email="sato@example.jp")


def test_each_recipient_gets_the_notice_and_the_email_in_their_language(
    vi_user, ja_user, mailoutbox, django_capture_on_commit_callbacks
):
    # Strings the vi/ja catalogues already translate, so the language machinery is tested.
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[vi_user, ja_user],
            subject=gettext_lazy("Partnerships"),
            body=format_lazy("{}: {}", gettext_lazy("Events"), gettext_lazy("Localities")),
            link="/events/",
        )

    stored = {n.recipient_id: n for n in Notification.objects.all()}
    assert stored[vi_user.pk].subject == "Quan hệ đối tác"
    assert stored[vi_user.pk].body == "Sự kiện: Địa phương"
    assert stored[ja_user.pk].subject == "提携・協定"
    assert stored[ja_user.pk].body == "イベント: 地域"
    assert all(n.link == "/events/" and n.read_at is None for n in stored.values())

    by_address = {message.to[0]: message for message in mailoutbox}
    assert len(mailoutbox) == 2
    assert by_address["lan@example.vn"].subject == "Quan hệ đối tác"
    assert by_address["lan@example.vn"].body == "Sự kiện: Địa phương\n\n/events/\n"
    assert by_address["sato@example.jp"].subject == "提携・協定"
    assert by_address["sato@example.jp"].body == "イベント: 地域\n\n/events/\n"
    assert by_address["sato@example.jp"].from_email == "Kakehashi <no-reply@kakehashi.local>"
    assert all(n.emailed_at is not None for n in Notification.objects.all())


def test_a_callable_text_is_rendered_in_the_recipients_language(
    vi_user, ja_user, django_capture_on_commit_callbacks
):
    from django.utils.translation import get_language, gettext

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            recipients=[vi_user, ja_user],
            subject=lambda: gettext("Events"),
            body=lambda: f"language={get_language()}",
            email=False,
        )
    stored = {n.recipient_id: n for n in Notification.objects.all()}
    assert (stored[vi_user.pk].subject, stored[vi_user.pk].body) == ("Sự kiện", "language=vi")
    assert (stored[ja_user.pk].subject, stored[ja_user.pk].body) == ("イベント", "language=ja")


def test_the_email_waits_for_the_commit(
    vi_user, ja_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipients=[vi_user, ja_user], subject="Hello", body="Body")
    assert Notification.objects.count() == 2
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert sorted(m.to[0] for m in mailoutbox) == ["lan@example.vn", "sato@example.jp"]


def test_nothing_is_stored_or_sent_when_the_callers_transaction_rolls_back(
    vi_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                notify(recipients=[vi_user], subject="Hello", body="Body")
                raise RuntimeError("the caller fails later")
    assert callbacks == []
    assert Notification.objects.count() == 0
    assert mailoutbox == []


def test_only_active_users_with_an_address_get_email(
    vi_user, mailoutbox, django_capture_on_commit_callbacks
):
    inactive = UserFactory(is_active=False)
    no_address = UserFactory(email="")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[vi_user, inactive, no_address], subject="Hello", body="Body")
    assert Notification.objects.filter(recipient__in=[vi_user, inactive, no_address]).count() == 3
    assert [m.to for m in mailoutbox] == [["lan@example.vn"]]


def test_email_false_stores_the_notice_only(
    vi_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipients=[vi_user], subject="Hello", body="Body", email=False)
    assert callbacks == []
    assert mailoutbox == []
    assert Notification.objects.get().subject == "Hello"


def test_a_recipient_listed_twice_gets_one_notice(
    vi_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[vi_user, vi_user], subject="Hello", body="Body")
    assert Notification.objects.count() == 1
    assert len(mailoutbox) == 1


def test_no_recipients_is_a_no_op(db, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipients=[], subject="Hello", body="Body")
    assert callbacks == []
    assert Notification.objects.count() == 0


def test_a_subject_is_one_line_for_the_email_header(
    vi_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[vi_user], subject="Two\nlines ", body="Body")
    assert Notification.objects.get().subject == "Two lines"
    assert mailoutbox[0].subject == "Two lines"


def test_the_email_link_is_absolute_when_the_site_address_is_set(
    vi_user, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.KAKEHASHI_SITE_URL = "https://kakehashi.example.org/"
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[vi_user], subject="Hello", body="Body", link="/events/x/")
    assert mailoutbox[0].body == "Body\n\nhttps://kakehashi.example.org/events/x/\n"
    assert Notification.objects.get().link == "/events/x/"


@pytest.mark.parametrize(
    "link", ["events/", "//evil.example/", "javascript:alert(1)", "/" + "x" * 500]
)
def test_a_bad_link_is_refused_and_nothing_is_written(vi_user, link):
    with pytest.raises(ValueError):
        notify(recipients=[vi_user], subject="Hello", body="Body", link=link)
    assert Notification.objects.count() == 0


def test_a_failing_mail_server_never_fails_the_caller(
    vi_user, ja_user, settings, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.test_services.BrokenEmailBackend"
    with caplog.at_level(logging.ERROR, logger="kakehashi.notifications.services"):
        with django_capture_on_commit_callbacks(execute=True):
            notify(recipients=[vi_user, ja_user], subject="Hello", body="Body")
    assert Notification.objects.count() == 2
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 2
    assert "Could not e-mail notification" in caplog.text

    # Sent later (the task is run again), each notice goes out once.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert send_emails(notification_ids=ids) == 2
    assert send_emails(notification_ids=ids) == 0
    assert len(mailoutbox) == 2


def test_only_the_recipient_may_mark_a_notice_read(vi_user, ja_user):
    notify(recipients=[vi_user], subject="Hello", body="Body", email=False)
    notice = Notification.objects.get()
    admin = UserFactory(is_superuser=True, is_staff=True)
    for outsider in (ja_user, admin):
        with pytest.raises(PermissionDenied):
            mark_read(notification=notice, by=outsider)
    notice.refresh_from_db()
    assert notice.read_at is None

    mark_read(notification=notice, by=vi_user)
    notice.refresh_from_db()
    first_read = notice.read_at
    assert first_read is not None
    mark_read(notification=notice, by=vi_user)
    notice.refresh_from_db()
    assert notice.read_at == first_read


def test_mark_all_read_touches_only_the_users_own_notices(vi_user, ja_user):
    notify(recipients=[vi_user, ja_user], subject="One", body="", email=False)
    notify(recipients=[vi_user], subject="Two", body="", email=False)
    assert mark_all_read(user=vi_user) == 2
    assert mark_all_read(user=vi_user) == 0
    assert not Notification.objects.filter(recipient=vi_user, read_at__isnull=True).exists()
    assert Notification.objects.get(recipient=ja_user).read_at is None
