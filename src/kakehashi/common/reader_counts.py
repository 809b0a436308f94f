"""The counts the header shows the signed-in reader (unread notices, unread messages): 0 for
a visitor, and counted once per request however many templates ask."""

from collections.abc import Callable


def count_for_reader(context, name: str, count: Callable[[object], int]) -> int:
    """`count(user)` for the template's signed-in user, kept on the request as `_<name>`;
    0 for a visitor."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if request is None:
        return count(user)
    kept = f"_{name}"
    if not hasattr(request, kept):
        setattr(request, kept, count(user))
    return getattr(request, kept)
