"""How often each person is e-mailed of new messages, and the daily digest."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import invalid
from kakehashi.messaging import queries
from kakehashi.messaging.errors import MessagingError
from kakehashi.messaging.models import (
    Frequency,
    NotificationPreference,
    Thread,
)
from kakehashi.messaging.rules import require
from kakehashi.notifications.services import absolute_link

logger = logging.getLogger(__name__)


@transaction.atomic
def set_frequency(*, user, frequency: str) -> NotificationPreference:
    """The user's own choice of how often they are e-mailed of new messages."""
    require(user, "messaging.set_frequency")
    if frequency not in Frequency.values:
        raise invalid(_("Choose how often you want e-mails."), MessagingError.FREQUENCY_INVALID)
    row, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency}
    )
    return row


def send_digests(*, now=None) -> int:
    """E-mail each user who chose the daily digest the messages of others that arrived in
    their threads since the last digest and that they have not read, one e-mail per user in
    the user's language. Idempotent: a message is in at most one digest. Returns how many
    e-mails went out; a failed e-mail is logged and its messages wait for the next run."""
    from django.core.mail import EmailMessage, get_connection

    now = now or timezone.now()
    sent = 0
    connection = None
    preferences = NotificationPreference.objects.filter(
        frequency=Frequency.DAILY, user__is_active=True
    ).select_related("user")
    for preference in preferences:
        user = preference.user
        lines = _digest_lines(user, since=preference.digest_sent_until, until=now)
        if lines and user.email:
            with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
                subject = gettext("Your new messages on Kakehashi")
                body = "\n\n".join(
                    ngettext(
                        "%(subject)s: %(count)s new message\n%(link)s",
                        "%(subject)s: %(count)s new messages\n%(link)s",
                        count,
                    )
                    % {"subject": thread.subject, "count": count, "link": absolute_link(link)}
                    for thread, count, link in lines
                )
            try:
                connection = connection or get_connection()
                EmailMessage(
                    subject,
                    body + "\n",
                    settings.DEFAULT_FROM_EMAIL,
                    [user.email],
                    connection=connection,
                ).send()
            except Exception:
                logger.exception("Could not e-mail the message digest to user %s", user.pk)
                continue
            sent += 1
        NotificationPreference.objects.filter(pk=preference.pk).update(digest_sent_until=now)
    return sent


def _digest_lines(user, *, since, until) -> list[tuple[Thread, int, str]]:
    lines = []
    for member in queries.inbox(user):
        messages = member.thread.messages.exclude(author=user).filter(
            created_at__lte=until, removed_at__isnull=True
        )
        if since is not None:
            messages = messages.filter(created_at__gt=since)
        if member.last_read_at is not None:
            messages = messages.filter(created_at__gt=member.last_read_at)
        count = messages.count()
        if count:
            lines.append((member.thread, count, member.thread.get_absolute_url()))
    return lines
