"""{% load formats %}: the helpers of common/formats.py as filters, in the reader's language.

    {{ meetings|number }}            1,234 · 1.234
    {{ run.share_of_bound|share }}   96% (a share of 1, as a whole percentage)
    {{ outcome.amount|amount:outcome.currency }}   80,000 USD · 80.000 USD · 80,000米ドル
    {{ outcome.occurred_on|day }}    5 Dec 2026 · 5 tháng 12 năm 2026 · 2026年12月5日
    {{ first_of_month|month }}       Jun 2024 · tháng 6 năm 2024 · 2024年6月
    {{ slot.starts_at|moment }}      10 Mar 2027, 14:00 · 14:00, 10 tháng 3 năm 2027
    {{ event.starts_on|days:event.ends_on }}   21–22 Feb 2026 · 21–22 tháng 2 năm 2026
    {{ session.starts_at|period:session.ends_at }}   10 Mar 2027, 08:30 – 10:00
    {{ organisation.country|country }}   Japan · Nhật Bản · 日本
    {{ event.time_zone|time_zone }}  Vietnam Time · Giờ Việt Nam · ベトナム時間
    {{ title }}{{ kind|aside }}      Opening (Plenary session) · 開会（全体会議）

Each gives "" for None, so that `|default:"—"` can follow."""

from django import template

from kakehashi.common import formats
from kakehashi.common.i18n import Language, aside, join_list, list_separator

register = template.Library()


@register.filter
def number(value):
    return formats.format_number(value)


@register.filter
def share(value):
    return formats.format_share(value)


@register.filter
def amount(value, currency):
    return formats.format_amount(value, currency)


@register.filter
def day(value):
    return formats.format_day(value)


@register.filter
def month(value):
    return formats.format_month(value)


@register.filter
def clock(value):
    """A time of day in the current time zone: 14:00."""
    return formats.format_time(value)


@register.filter
def moment(value):
    return formats.format_moment(value)


@register.filter
def days(start, end):
    return formats.format_days(start, end)


@register.filter
def hours(start, end):
    return formats.format_hours(start, end)


@register.filter
def period(start, end):
    return formats.format_period(start, end)


@register.filter
def country(value):
    return formats.format_country(value)


@register.filter
def time_zone(value):
    return formats.format_time_zone(value)


@register.filter
def languages(codes, separator=None):
    """Language codes by their names in the reader's language: vi, ja → Vietnamese, Japanese
    (joined with the reader's list separator unless one is given)."""
    names = dict(Language.choices)
    found = [str(names.get(code, code)) for code in codes or ()]
    return separator.join(found) if separator is not None else join_list(found)


@register.filter(name="join_list")
def join_list_filter(items):
    """Items joined with the reader's list separator (、 in Japanese)."""
    return join_list(items)


@register.simple_tag(name="list_separator")
def list_separator_tag() -> str:
    """Between the items of a list a template writes itself (links, say):
    `{% if not forloop.last %}{% list_separator %}{% endif %}`."""
    return list_separator()


@register.filter(name="aside", is_safe=True)
def aside_filter(value):
    """A short aside in the reader's typography (common.i18n.aside)."""
    return aside(value)
