"""Who hears of a new message, how, and in which language; outsiders never hear anything."""

import pytest
from django.core.management import call_command
from django.utils import translation

from kakehashi.common.formats import format_day
from kakehashi.messaging import services
from kakehashi.messaging.models import Frequency, NotificationPreference
from kakehashi.notifications.models import Notification
from tests.messaging.factories import thread_between

pytestmark = pytest.mark.django_db


def _date_in(language, moment):
    with translation.override(language):
        return format_day(moment)


def _send(callbacks, *args, **kwargs):
    with callbacks(execute=True):
        return thread_between(*args, **kwargs)


def test_default_is_an_email_at_once_in_the_recipients_language(
    lan, sato, vn, jp, mailoutbox, django_capture_on_commit_callbacks
):
    thread = _send(django_capture_on_commit_callbacks, lan, vn, jp, body="Xin chào")
    message = thread.messages.get()

    (notice,) = Notification.objects.filter(recipient=sato)
    assert notice.subject == "Saigon Roboticsからの新着メッセージ"  # in Sato's Japanese
    assert notice.link == f"/messages/{thread.pk}/"
    # The date is written for the Japanese reader ("2026年11月23日"-style), not in English.
    japanese_date = _date_in("ja", message.created_at)
    assert "年" in japanese_date and japanese_date != _date_in("en", message.created_at)
    assert japanese_date in notice.body
    # The notice names who wrote, never what: notices are listed in the back office.
    assert "Xin chào" not in notice.body

    (email,) = mailoutbox
    assert email.to == ["sato@example.jp"]
    assert email.subject == notice.subject
    assert japanese_date in email.body
    assert "Xin chào" not in email.body
    # The author is not told of their own message.
    assert not Notification.objects.filter(recipient=lan).exists()


def test_vietnamese_reader_gets_the_date_in_vietnamese(
    lan, sato, vn, jp, mailoutbox, django_capture_on_commit_callbacks
):
    thread = thread_between(sato, jp, vn, body="こんにちは")
    message = thread.messages.get()
    vietnamese_date = _date_in("vi", message.created_at)
    assert vietnamese_date != _date_in("en", message.created_at)
    assert vietnamese_date in Notification.objects.get(recipient=lan).body


def test_never_means_in_app_only(lan, sato, vn, jp, mailoutbox, django_capture_on_commit_callbacks):
    services.set_frequency(user=sato, frequency=Frequency.NEVER)

    _send(django_capture_on_commit_callbacks, lan, vn, jp)

    assert Notification.objects.filter(recipient=sato).count() == 1
    assert mailoutbox == []
    assert services.send_digests() == 0
    assert mailoutbox == []


def test_daily_means_in_app_now_and_one_digest_later(
    lan, sato, vn, jp, mailoutbox, django_capture_on_commit_callbacks
):
    services.set_frequency(user=sato, frequency=Frequency.DAILY)
    thread = _send(django_capture_on_commit_callbacks, lan, vn, jp, subject="Robot arms")
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread=thread, by=lan, body="Second message")

    assert Notification.objects.filter(recipient=sato).count() == 2
    assert mailoutbox == []

    call_command("send_message_digests", stdout=open("/dev/null", "w"))

    (digest,) = mailoutbox
    assert digest.to == ["sato@example.jp"]
    assert "Robot arms：新着メッセージ2件" in digest.body  # in Sato's Japanese
    assert f"/messages/{thread.pk}/" in digest.body
    # Run again: nothing new, nothing sent.
    assert services.send_digests() == 0
    assert len(mailoutbox) == 1
    assert NotificationPreference.objects.get(user=sato).digest_sent_until is not None


def test_digest_leaves_out_what_was_read(lan, sato, vn, jp, mailoutbox):
    services.set_frequency(user=sato, frequency=Frequency.DAILY)
    thread = thread_between(lan, vn, jp)
    services.mark_read(thread=thread, user=sato)
    assert services.send_digests() == 0
    assert mailoutbox == []


def test_outsider_receives_nothing(
    lan, sato, tanaka, outsider, vn, jp, mailoutbox, django_capture_on_commit_callbacks
):
    thread = _send(django_capture_on_commit_callbacks, lan, vn, jp)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_message(thread=thread, by=sato, body="Reply")
        services.add_member(thread=thread, user=tanaka, by=sato)
        services.post_message(thread=thread, by=tanaka, body="Hello from Tanaka")
    services.set_frequency(user=outsider, frequency=Frequency.DAILY)
    services.send_digests()

    assert not Notification.objects.filter(recipient=outsider).exists()
    assert all("eve@example.org" not in email.to for email in mailoutbox)
    # The members did hear of it.
    assert Notification.objects.filter(recipient=lan).count() == 2


def test_bad_frequency_is_refused(lan):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.set_frequency(user=lan, frequency="hourly")
    assert error.value.code == "frequency_invalid"
    assert not NotificationPreference.objects.exists()
