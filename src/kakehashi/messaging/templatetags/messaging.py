"""{% load messaging %}{% unread_messages_count as unread_messages %} — unread messages in the
signed-in user's threads (0 for visitors), counted once per request."""

from django import template

from kakehashi.common.reader_counts import count_for_reader
from kakehashi.messaging.queries import unread_total

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages_count(context) -> int:
    return count_for_reader(context, "unread_messages_count", unread_total)
