"""Every write to notifications: `notify` (in-app notice + e-mail), `mark_read`,
`mark_all_read`.

Other apps call `notify` from inside their own services::

    from kakehashi.notifications.services import notify

    notify(
        recipients=[lead.user],
        subject=format_lazy(_("Your meeting with {party} is confirmed"), party=name),
        body=_("..."),
        link=meeting.get_absolute_url(),
    )

subject and body are lazy strings (gettext_lazy, format_lazy, or a callable that returns a str);
each recipient's copy is rendered in that recipient's preferred language.
"""

import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation

from kakehashi.common.permissions import require
from kakehashi.notifications.models import Notification

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = Notification._meta.get_field("subject").max_length
LINK_MAX_LENGTH = Notification._meta.get_field("link").max_length


def render_in(language: str, text) -> str:
    """The text (a lazy string, a callable returning a str, or a str) in the given language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        value = text() if isinstance(text, Callable) and not isinstance(text, str) else text
        return str(value)


def _one_line(text: str) -> str:
    # A subject is an e-mail header: no line breaks (Django refuses them), bounded length.
    return " ".join(text.split())[:SUBJECT_MAX_LENGTH]


def _check_link(link: str) -> str:
    link = link.strip()
    if not link:
        return ""
    if len(link) > LINK_MAX_LENGTH:
        raise ValueError(f"notification link longer than {LINK_MAX_LENGTH} characters")
    site_path = link.startswith("/") and not link.startswith("//")
    if not (site_path or link.startswith(("https://", "http://"))):
        raise ValueError(f"notification link must be a path on this site or http(s): {link!r}")
    return link


def absolute_link(link: str) -> str:
    """The link as written in e-mails: a path on this site gets the site's address in front
    when KAKEHASHI_SITE_URL is set; otherwise it stays relative."""
    site_url = getattr(settings, "KAKEHASHI_SITE_URL", "")
    if site_url and link.startswith("/"):
        return site_url.rstrip("/") + link
    return link


def _unique(recipients: Iterable) -> list:
    seen, users = set(), []
    for user in recipients:
        if user is not None and user.pk not in seen:
            seen.add(user.pk)
            users.append(user)
    return users


def notify(*, recipients: Iterable, subject, body, link: str = "", email: bool = True) -> None:
    """Store one notice per recipient (each in the recipient's preferred language) and, when
    `email` is true, e-mail it to the active recipients with an address once the caller's
    transaction commits. Sending runs as a background task; a failure there is logged and never
    reaches the caller. A recipient listed twice gets one notice."""
    link = _check_link(link)
    users = _unique(recipients)
    if not users:
        return
    now = timezone.now()
    rows = []
    for user in users:
        language = user.preferred_language
        rows.append(
            Notification(
                recipient=user,
                subject=_one_line(render_in(language, subject)),
                body=render_in(language, body).strip(),
                link=link,
                created_at=now,
            )
        )
    with transaction.atomic():
        created = Notification.objects.bulk_create(rows)
        if not email:
            return
        to_email = [
            row.pk
            for row, user in zip(created, users, strict=True)
            if user.is_active and user.email
        ]
        if to_email:
            transaction.on_commit(lambda: _enqueue_emails(to_email), robust=True)


def _enqueue_emails(notification_ids: list[int]) -> None:
    from kakehashi.notifications.tasks import send_notification_emails

    try:
        send_notification_emails.enqueue(notification_ids)
    except Exception:
        logger.exception("Could not send notification e-mails %s", notification_ids)


def send_emails(*, notification_ids: list[int]) -> int:
    """E-mail the given notices that have not been e-mailed yet to their recipients (active,
    with an address). Returns how many went out; a failure is logged and the notice stays
    un-e-mailed."""
    from django.core.mail import EmailMessage, get_connection

    notices = Notification.objects.filter(
        pk__in=notification_ids,
        emailed_at__isnull=True,
        recipient__is_active=True,
    ).select_related("recipient")
    sent = 0
    connection = None
    for notice in notices:
        address = notice.recipient.email
        if not address:
            continue
        text = notice.body
        if notice.link:
            text = f"{text}\n\n{absolute_link(notice.link)}".strip()
        try:
            connection = connection or get_connection()
            EmailMessage(
                notice.subject,
                text + "\n",
                settings.DEFAULT_FROM_EMAIL,
                [address],
                connection=connection,
            ).send()
        except Exception:
            logger.exception(
                "Could not e-mail notification %s to user %s", notice.pk, notice.recipient_id
            )
            continue
        Notification.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


@transaction.atomic
def mark_read(*, notification: Notification, by) -> Notification:
    """Mark one notice read. Only its recipient may; reading it again changes nothing."""
    # The predicate only (common.permissions): a superuser may not read another's notices.
    require(by, "notifications.change_notification", notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


@transaction.atomic
def mark_all_read(*, user) -> int:
    """Mark all of the user's unread notices read; returns how many changed."""
    if not user.is_authenticated:
        raise PermissionDenied
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
