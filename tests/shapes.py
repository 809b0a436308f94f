"""The shapes the "who may not" tests share (tests/<app>/test_service_permissions.py and the
workflow tests): who the caller is, and the two outcomes, refused with nothing written or
done with something written. Each test file keeps its own cast (a fixture with the people
of the story), its calls and its `state()`, the tuple of everything the calls could write.
The page-versus-API list tests share tests/list_rows.py."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from tests.factories import UserFactory

# Who is refused everywhere: a member of another organisation (the cast's `outsider`), a
# signed-in user who acts for no organisation, and an anonymous caller.
OTHERS = ("outsider", "stranger", "anonymous")


def user_named(who: str, cast=None):
    """The caller called `who`: the cast's own person of that name if it has one, else a
    new user of no organisation ("stranger"), a new platform administrator
    ("platform_admin") or an anonymous caller ("anonymous")."""
    if cast is not None and hasattr(cast, who):
        return getattr(cast, who)
    if who == "stranger":
        return UserFactory()
    if who == "platform_admin":
        return UserFactory(is_superuser=True, is_staff=True)
    if who == "anonymous":
        return AnonymousUser()
    raise LookupError(f"no one called {who!r} in the cast")


def assert_refused(call, state, refusal=PermissionDenied):
    """`call()` raises `refusal` and `state()` is as it was: nothing written. Returns the
    error (to check its code)."""
    before = state()
    with pytest.raises(refusal) as raised:
        call()
    assert state() == before
    return raised.value


def assert_done(call, state):
    """`call()` succeeds and `state()` changed. Returns what `call()` returned."""
    before = state()
    result = call()
    assert state() != before
    return result
