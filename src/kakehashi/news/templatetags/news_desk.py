"""{% load news_desk %}{% news_desk_allowed as desk %} — whether the signed-in user uses the
news desk (for the menu), asked once per request."""

from django import template

from kakehashi.news.queries import may_use_desk

register = template.Library()


@register.simple_tag(takes_context=True)
def news_desk_allowed(context) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return False
    return may_use_desk(user)  # kept on the user for the request


@register.filter
def percent(value) -> str:
    """A share (0.85) as a percentage in the reader's language: 85%."""
    from babel.numbers import format_percent

    from kakehashi.common.i18n import reader_language

    try:
        return format_percent(float(value), locale=reader_language())
    except (TypeError, ValueError):
        return ""
