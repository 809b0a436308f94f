"""The direct channel's services: opening threads, members, blocking, reports, attachments,
unread counts."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kakehashi.messaging import queries, services
from kakehashi.messaging.models import (
    Block,
    Message,
    MessageAttachment,
    Report,
    ReportStatus,
    Thread,
    ThreadMember,
)
from kakehashi.notifications.models import Notification
from tests.factories import UserFactory, member_of
from tests.messaging.factories import PNG, sized_upload, thread_between, upload

pytestmark = pytest.mark.django_db


def test_open_thread_makes_parties_members_and_first_message(lan, sato, tanaka, vn, jp):
    thread = thread_between(lan, vn, jp, body="Chúng tôi muốn hợp tác về robot công nghiệp.")

    assert {p.organisation_id for p in thread.parties.all()} == {vn.pk, jp.pk}
    # The other side's administrators are in; its other people are brought in by colleagues.
    assert {m.user_id: m.organisation_id for m in thread.members.all()} == {
        lan.pk: vn.pk,
        sato.pk: jp.pk,
    }
    (message,) = thread.messages.all()
    assert message.author == lan and message.organisation == vn
    assert message.language == "vi"


def test_language_chosen_by_the_author_is_kept(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp)
    message = services.post_message(thread=thread, by=lan, body="OK", language="ja")
    assert message.language == "ja"

    with pytest.raises(ValidationError) as error:
        services.post_message(thread=thread, by=lan, body="OK", language="fr")
    assert error.value.code == "language_invalid"


def test_only_people_acting_for_the_organisation_may_open(lan, sato, outsider, vn, jp):
    with pytest.raises(PermissionDenied):
        thread_between(outsider, vn, jp)
    with pytest.raises(ValidationError) as error:
        thread_between(lan, vn, vn)
    assert error.value.code == "same_organisation"
    assert not Thread.objects.exists()


def test_empty_subject_or_body_writes_nothing(lan, sato, vn, jp):
    with pytest.raises(ValidationError) as error:
        thread_between(lan, vn, jp, subject="   ")
    assert error.value.code == "subject_missing"
    thread = thread_between(lan, vn, jp)
    with pytest.raises(ValidationError) as error:
        services.post_message(thread=thread, by=lan, body="  \n ")
    assert error.value.code == "message_missing"
    assert Thread.objects.count() == 1 and Message.objects.count() == 1


def test_outsider_cannot_post_add_read_or_report(lan, sato, outsider, vn, jp):
    thread = thread_between(lan, vn, jp)
    message = thread.messages.get()
    with pytest.raises(PermissionDenied):
        services.post_message(thread=thread, by=outsider, body="Hello")
    with pytest.raises(PermissionDenied):
        services.add_member(thread=thread, user=outsider, by=outsider)
    with pytest.raises(PermissionDenied):
        services.mark_read(thread=thread, user=outsider)
    with pytest.raises(PermissionDenied):
        services.report_message(message=message, by=outsider, reason="spam")
    assert not queries.threads_visible_to(outsider).exists()
    assert Message.objects.count() == 1 and not Report.objects.exists()


def test_platform_admin_is_not_a_reader(lan, sato, vn, jp):
    thread_between(lan, vn, jp)
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert not queries.threads_visible_to(admin).exists()


# --- members -----------------------------------------------------------------------------


def test_a_member_brings_in_a_colleague(lan, sato, tanaka, vn, jp):
    thread = thread_between(lan, vn, jp)

    services.add_member(thread=thread, user=tanaka, by=sato)

    assert queries.threads_visible_to(tanaka).get() == thread
    assert ThreadMember.objects.get(thread=thread, user=tanaka).organisation == jp
    assert Notification.objects.filter(recipient=tanaka, link=thread.get_absolute_url()).exists()
    with pytest.raises(ValidationError) as error:
        services.add_member(thread=thread, user=tanaka, by=sato)
    assert error.value.code == "already_member"


def test_only_colleagues_can_be_added(lan, sato, outsider, vn, jp):
    thread = thread_between(lan, vn, jp)
    # Sato acts for the Japanese company: a Vietnamese colleague of Lan is not theirs to add.
    lan_colleague = member_of(vn)
    with pytest.raises(ValidationError) as error:
        services.add_member(thread=thread, user=lan_colleague, by=sato)
    assert error.value.code == "not_a_colleague"
    with pytest.raises(ValidationError):
        services.add_member(thread=thread, user=outsider, by=lan)
    assert thread.members.count() == 2


def test_nobody_to_write_to(lan, vn, jp):
    with pytest.raises(ValidationError) as error:
        thread_between(lan, vn, jp)  # nobody acts for jp yet
    assert error.value.code == "no_recipients"
    assert not Thread.objects.exists()


# --- unread counts -----------------------------------------------------------------------


def test_unread_counts_follow_reading(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp)
    services.post_message(thread=thread, by=lan, body="Second")

    assert queries.unread_total(sato) == 2
    assert queries.unread_total(lan) == 0  # one's own messages are never unread
    assert [row.unread for row in queries.inbox(sato)] == [2]

    services.mark_read(thread=thread, user=sato)
    assert queries.unread_total(sato) == 0
    services.post_message(thread=thread, by=lan, body="Third")
    assert queries.unread_total(sato) == 1
    services.post_message(thread=thread, by=sato, body="Reply")
    # Answering marks the thread read for the one who answers.
    assert queries.unread_total(sato) == 0
    assert queries.unread_total(lan) == 1


# --- blocking ----------------------------------------------------------------------------


def test_block_stops_new_threads_and_messages_both_ways(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp)
    services.block(organisation=jp, blocked=vn, by=sato)

    for sender, own, other in ((lan, vn, jp), (sato, jp, vn)):
        with pytest.raises(ValidationError) as error:
            thread_between(sender, own, other)
        assert error.value.code == "blocked"
        with pytest.raises(ValidationError) as error:
            services.post_message(thread=thread, by=sender, body="Hello?")
        assert error.value.code == "blocked"
    assert Thread.objects.count() == 1 and Message.objects.count() == 1

    services.unblock(organisation=jp, blocked=vn, by=sato)
    services.post_message(thread=thread, by=lan, body="Hello again")
    assert Message.objects.count() == 2


def test_only_people_of_the_organisation_may_block(lan, sato, outsider, vn, jp):
    with pytest.raises(PermissionDenied):
        services.block(organisation=jp, blocked=vn, by=lan)
    with pytest.raises(PermissionDenied):
        services.block(organisation=jp, blocked=vn, by=outsider)
    with pytest.raises(ValidationError):
        services.block(organisation=jp, blocked=jp, by=sato)
    assert not Block.objects.exists()
    services.block(organisation=jp, blocked=vn, by=sato)
    services.block(organisation=jp, blocked=vn, by=sato)  # twice: still one
    assert Block.objects.count() == 1


# --- reports -----------------------------------------------------------------------------


def test_report_and_uphold(lan, sato, vn, jp):
    admin = UserFactory(is_superuser=True, is_staff=True)
    thread = thread_between(lan, vn, jp, body="Send money to this account now")
    message = thread.messages.get()

    with pytest.raises(ValidationError) as error:
        services.report_message(message=message, by=lan, reason="mine")
    assert error.value.code == "own_message"
    with pytest.raises(ValidationError) as error:
        services.report_message(message=message, by=sato, reason="  ")
    assert error.value.code == "reason_missing"

    report = services.report_message(message=message, by=sato, reason="Looks like fraud")
    notice = Notification.objects.get(recipient=admin)
    # Admins are told where to decide, not what was written.
    assert "money" not in notice.subject + notice.body
    with pytest.raises(ValidationError) as error:
        services.report_message(message=message, by=sato, reason="again")
    assert error.value.code == "already_reported"

    with pytest.raises(PermissionDenied):
        services.handle_report(report=report, by=lan, uphold=True)
    services.handle_report(report=report, by=admin, uphold=True)

    report.refresh_from_db()
    message.refresh_from_db()
    assert report.status == ReportStatus.UPHELD and report.handled_by == admin
    assert message.is_removed
    # In Sato's Japanese: "Your report was decided".
    assert Notification.objects.filter(
        recipient=sato, subject="通報への対応が決定しました"
    ).exists()
    with pytest.raises(ValidationError) as error:
        services.handle_report(report=report, by=admin, uphold=False)
    assert error.value.code == "already_handled"


def test_dismissed_report_leaves_the_message(lan, sato, vn, jp):
    admin = UserFactory(is_superuser=True, is_staff=True)
    message = thread_between(lan, vn, jp).messages.get()
    report = services.report_message(message=message, by=sato, reason="Rude")
    services.handle_report(report=report, by=admin, uphold=False)
    message.refresh_from_db()
    assert not message.is_removed
    assert Report.objects.get().status == ReportStatus.DISMISSED


# --- attachments -------------------------------------------------------------------------


def test_attachments_are_checked_by_content(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp)

    message = services.post_message(
        thread=thread,
        by=lan,
        body="Our catalogue",
        attachments=[upload(), upload(PNG, "photo.png", "image/png")],
    )
    assert [(a.name, a.content_type) for a in message.attachments.all()] == [
        ("offer.pdf", "application/pdf"),
        ("photo.png", "image/png"),
    ]


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ([upload(b"MZ\x90\x00 not a pdf", "offer.pdf")], "file_type_not_allowed"),
        ([upload(b"", "empty.pdf")], "file_empty"),
        ([upload(b"%PDF-1.4 cut short", "cut.pdf")], "file_damaged"),
        ([upload() for _ in range(6)], "too_many_attachments"),
    ],
)
def test_bad_attachments_write_nothing(lan, sato, vn, jp, files, code):
    thread = thread_between(lan, vn, jp)
    with pytest.raises(ValidationError) as error:
        services.post_message(thread=thread, by=lan, body="Files", attachments=files)
    assert error.value.code == code
    assert Message.objects.count() == 1 and not MessageAttachment.objects.exists()


def test_too_large_attachment_is_refused(lan, sato, vn, jp, settings):
    settings.KAKEHASHI_MAX_UPLOAD_BYTES = 1000
    thread = thread_between(lan, vn, jp)
    with pytest.raises(ValidationError) as error:
        services.post_message(thread=thread, by=lan, body="Big", attachments=[sized_upload(2000)])
    assert error.value.code == "file_too_large"
    assert not MessageAttachment.objects.exists()


def test_last_message_at_moves(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp)
    before = Thread.objects.get().last_message_at
    services.post_message(thread=thread, by=sato, body="Later")
    assert Thread.objects.get().last_message_at >= before
    assert Thread.objects.get().last_message_at <= timezone.now()
