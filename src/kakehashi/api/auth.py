"""Who is calling: a personal API token (`Authorization: Bearer <key>`) or the Django session.

Reads are public, so their operations also accept anonymous callers; a token that is sent but
not valid is refused everywhere, so that a client learns its token is wrong instead of quietly
reading as an anonymous visitor. Session callers must pass Django's CSRF check on unsafe methods.
"""

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from kakehashi.accounts.services import user_for_api_key

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class InvalidToken(AuthenticationError):
    """A bearer token was sent but is unknown, revoked or belongs to an inactive user."""


class CsrfFailed(Exception):
    """A session-authenticated unsafe request without a valid CSRF token."""


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = user_for_api_key(token)
        if user is None:
            raise InvalidToken()
        # Permissions (request.user.has_perm) and visibility follow the token's owner.
        request.user = user
        return user


class SessionAuth(APIKeyCookie):
    """Django's session, as for the web pages. Unlike ninja's `django_auth`, an anonymous
    request is not CSRF-checked here: it simply is not authenticated (401, not 403)."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self):
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS:
            # The CSRF check parses a form body (request.POST); read the raw body first, or
            # the JSON parser could no longer read a multipart body afterwards.
            request.body  # noqa: B018
            if check_csrf(request) is not None:
                raise CsrfFailed()
        return user

    def authenticate(self, request: HttpRequest, key: str | None):  # pragma: no cover
        # Required by APIKeyCookie; __call__ above does the work.
        return request.user if request.user.is_authenticated else None


def anonymous(request: HttpRequest):
    """Lets a read through without credentials. It has no OpenAPI security scheme; public
    operations document the optional security with an empty requirement instead."""
    return request.user  # AnonymousUser, which is truthy


token_auth = TokenAuth()
session_auth = SessionAuth()

# Writes: a token or a session.
AUTHENTICATED = [token_auth, session_auth]
# Reads: the same, or nobody (then only published records are visible).
PUBLIC = [token_auth, session_auth, anonymous]
# ninja lists the two schemes; the empty requirement appended to them says "or none".
PUBLIC_OPENAPI = {"security": [{}]}
# Creating a token needs a signed-in person, not another token: a leaked token must not be
# able to mint fresh ones that outlive its revocation.
SESSION_ONLY = [session_auth]


def public(**kwargs) -> dict:
    """Keyword arguments for a public read operation."""
    return {"auth": PUBLIC, "openapi_extra": PUBLIC_OPENAPI, **kwargs}
