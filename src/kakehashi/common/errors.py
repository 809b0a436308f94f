"""Refusing bad input, the one way every service does it (docs/architecture.md, "Rules of the
house"): a `ValidationError` with a translated message, a code, and the values of the
message's placeholders. `common` sits left of every app, so each can import it."""

from django.core.exceptions import ValidationError


def invalid(message, code: str, **params) -> ValidationError:
    """The error to raise for bad input: `message` (translated, with `%(name)s` placeholders),
    its `code`, and the `params` that fill the placeholders where it is shown."""
    return ValidationError(message, code=code, params=params or None)
