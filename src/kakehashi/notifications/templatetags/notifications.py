"""{% load notifications %}{% unread_notifications_count %} — the signed-in user's unread
notices (0 for visitors), counted once per request."""

from django import template

from kakehashi.common.reader_counts import count_for_reader
from kakehashi.notifications.queries import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications_count(context) -> int:
    return count_for_reader(context, "unread_notifications_count", unread_count)


@register.inclusion_tag("notifications/_push_button.html")
def web_push_button():
    """{% web_push_button %}: "Remind me in this browser too", when Web Push is switched on
    (notifications/push.py); nothing otherwise."""
    from django.conf import settings

    from kakehashi.notifications.push import push_enabled

    return {"key": settings.KAKEHASHI_VAPID_PUBLIC_KEY if push_enabled() else ""}
