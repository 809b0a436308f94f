"""{% load messaging %}{% unread_messages_count as unread_messages %} — unread messages in the
signed-in user's threads (0 for visitors), counted once per request."""

from django import template

from kakehashi.messaging.queries import unread_total

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages_count(context) -> int:
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if request is None:
        return unread_total(user)
    if not hasattr(request, "_unread_messages_count"):
        request._unread_messages_count = unread_total(user)
    return request._unread_messages_count
