"""What the messaging services share: the validation error with its code, the checks of a
message (text, language, attachments, blocks), writing a message and telling the other
members (see the package's docstring for who is told how)."""

from collections.abc import Sequence

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import LANGUAGE_INVALID, CommonError, invalid
from kakehashi.common.formats import format_day
from kakehashi.common.i18n import Language
from kakehashi.common.language import detect_language
from kakehashi.common.uploads import sniff_document_type
from kakehashi.messaging import queries
from kakehashi.messaging.errors import MessagingError
from kakehashi.messaging.models import (
    BODY_MAX_LENGTH,
    Frequency,
    Message,
    MessageAttachment,
    NotificationPreference,
    Thread,
    ThreadMember,
)
from kakehashi.notifications.services import notify

MAX_ATTACHMENTS = 5


def refuse_if_blocked(organisation_ids) -> None:
    if queries.is_blocked(organisation_ids):
        # The same words whichever side blocked: the blocked side is not told who did.
        raise invalid(
            _("Messages between these organisations are blocked."), MessagingError.BLOCKED
        )


def clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise invalid(_("Write a message."), MessagingError.MESSAGE_MISSING)
    if len(body) > BODY_MAX_LENGTH:
        raise invalid(
            _("The message is longer than %(max)s characters."),
            MessagingError.MESSAGE_TOO_LONG,
            max=f"{BODY_MAX_LENGTH:,}",
        )
    if "\x00" in body:
        raise invalid(
            _("The message contains characters that cannot be stored."), MessagingError.INVALID_TEXT
        )
    return body


def clean_language(language: str, body: str) -> str:
    language = (language or "").strip()
    if language and language not in Language.values:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID)
    return language or detect_language(body) or ""


def check_attachments(attachments: Sequence) -> list[tuple[object, str]]:
    """Each upload with its sniffed content type; refuses the lot if one is bad."""
    attachments = [upload for upload in attachments if upload]
    if len(attachments) > MAX_ATTACHMENTS:
        raise invalid(
            _("A message has at most %(max)s attachments."),
            MessagingError.TOO_MANY_ATTACHMENTS,
            max=MAX_ATTACHMENTS,
        )
    return [(upload, sniff_document_type(upload)) for upload in attachments]


def post(thread, by, organisation, body, language, uploads, track) -> Message:
    """Write the message and its attachments, then tell the other members. `track`
    (files_deleted_on_failure) learns of each file before it is written."""
    now = timezone.now()
    message = Message.objects.create(
        thread=thread,
        author=by,
        organisation=organisation,
        body=body,
        language=language,
        created_at=now,
    )
    for upload, content_type in uploads:
        name = (getattr(upload, "name", "") or "file").rsplit("/", 1)[-1][:200]
        attachment = MessageAttachment(
            message=message, file=upload, name=name, content_type=content_type, size=upload.size
        )
        track(attachment.file)  # before save(): a refused INSERT is covered too
        attachment.save()
    Thread.objects.filter(pk=thread.pk).update(last_message_at=now)
    ThreadMember.objects.filter(thread=thread, user=by).update(last_read_at=now)
    tell_members(thread, message)
    return message


def _frequencies(users) -> dict[int, str]:
    stored = dict(
        NotificationPreference.objects.filter(user__in=users).values_list("user_id", "frequency")
    )
    return {user.pk: stored.get(user.pk, Frequency.IMMEDIATELY) for user in users}


def _new_message_texts(message: Message):
    """Subject and body of the notice, as callables that notify renders in each recipient's
    language (the organisation's name and the date are written for that reader too)."""

    def subject():
        return gettext("New message from %(organisation)s") % {
            "organisation": message.organisation.display_name
        }

    def body():
        return gettext(
            "%(organisation)s wrote to you on %(date)s. Open the conversation to read it and reply."
        ) % {
            "organisation": message.organisation.display_name,
            "date": format_day(message.created_at),
        }

    return subject, body


def tell_members(thread: Thread, message: Message) -> None:
    others = [
        member.user
        for member in thread.members.select_related("user").exclude(user=message.author)
        if member.user.is_active
    ]
    if not others:
        return
    frequency = _frequencies(others)
    subject, body = _new_message_texts(message)
    link = thread.get_absolute_url()
    at_once = [user for user in others if frequency[user.pk] == Frequency.IMMEDIATELY]
    later = [user for user in others if frequency[user.pk] != Frequency.IMMEDIATELY]
    notify(recipients=at_once, subject=subject, body=body, link=link, email=True)
    notify(recipients=later, subject=subject, body=body, link=link, email=False)
