"""A person's position in the reader's language (directory/positions.py), marked with the
language it is shown in."""

from django import template

from kakehashi.directory.positions import (
    ShownPosition,
    current_translations,
    position_as_written,
    position_for_reader,
)

register = template.Library()


@register.filter
def position_in_reader_language(membership) -> str:
    """`{{ membership|position_in_reader_language }}`: the position's translation into the
    reader's language, or the position as written, in a `<span lang="…">`; "" for a
    membership that names no position."""
    shown = position_for_reader(membership)
    return shown.html if shown else ""


@register.filter
def position_shown(membership) -> ShownPosition | None:
    """`{% with shown=membership|position_shown %}`: what the reader sees of the position,
    with the original when it is a translation (`shown.html`, `shown.is_translation`,
    `shown.original`, `shown.original_language`)."""
    return position_for_reader(membership)


@register.filter
def position_written(membership) -> str:
    """`{{ membership|position_written }}`: the position as written, in a `<span lang="…">`
    ("" for none): where it is changed, the members page."""
    shown = position_as_written(membership)
    return shown.html if shown else ""


@register.filter
def position_translations(membership) -> list[str]:
    """The position's translations made from it as it stands, each in a `<span lang="…">`."""
    return [
        ShownPosition(row.position, row.language, membership.position, "").html
        for row in current_translations(membership)
    ]
