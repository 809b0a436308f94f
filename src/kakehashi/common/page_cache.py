"""Public pages and API reads, kept ready for visitors who are not signed in.

Most load is anonymous and reads the same public pages (the start page, the lists, search
results, the API's lists). `AnonymousPageCacheMiddleware` keeps the rendered answer to such a
request in Django's cache (settings.CACHES, `KAKEHASHI_CACHE_BACKEND`) for
`KAKEHASHI_PAGE_CACHE_SECONDS` and answers the same request from there.

What makes a request one that may be answered from the cache:

- GET, to a view marked with `@public_page` or to the API (/api/), with no session cookie and
  no Authorization header: a signed-in user (who always carries a session cookie) or an API
  client with a token is never answered from the cache, and never fills it;
- the key holds the path with its query, the language the page is written in (from the
  language cookie or Accept-Language, as LocaleMiddleware chose it) and whether htmx asked for
  a fragment.

What may be stored: a 200 answer that sets no cookie, did not use a CSRF token (a form that
posts), did not touch the session and does not say `Cache-Control: private` or `no-store`.

How fresh: every save or deletion of a model (post_save, post_delete, m2m_changed) moves the
cache's generation on, so the next request in this process renders the page again; with a
cache that all processes share (file or database) that holds for every process. With the
default per-process memory cache, other processes see the change within
KAKEHASHI_PAGE_CACHE_SECONDS at the latest; so do changes made without a model signal
(`QuerySet.update`, another program writing the database).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

HEADER = "X-Page-Cache"
GENERATION_KEY = "page-cache:generation"
# Headers that belong to this one response, not to the page.
_NOT_STORED = {"set-cookie", HEADER.lower()}


def public_page(view):
    """Mark a view whose page is the same for every visitor who is not signed in."""
    view.public_page = True
    return view


def _cache():
    return caches[settings.KAKEHASHI_PAGE_CACHE]


def _generation() -> int:
    return _cache().get(GENERATION_KEY, 0)


def forget_pages(**_ignored) -> None:
    """Start a new generation: pages stored before are not served again."""
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _changes_data(sender, **_ignored) -> None:
    # Sessions, the cache table and sign-in attempts change on every visit; they are not
    # content any page shows to an anonymous visitor.
    if sender._meta.app_label in {"sessions", "axes"}:
        return
    forget_pages()


post_save.connect(_changes_data, dispatch_uid="page-cache-save")
post_delete.connect(_changes_data, dispatch_uid="page-cache-delete")
m2m_changed.connect(_changes_data, dispatch_uid="page-cache-m2m")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None and response.get(HEADER) != "hit":
            if self._storable(request, response):
                headers = [(k, v) for k, v in response.items() if k.lower() not in _NOT_STORED]
                _cache().set(
                    key,
                    (response.status_code, headers, response.content),
                    settings.KAKEHASHI_PAGE_CACHE_SECONDS,
                )
            response[HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self._cacheable(request, view_func):
            return None
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        fragment = "htmx" if request.headers.get("HX-Request") else "page"
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{_generation()}:{language}:{fragment}:{path}"
        stored = _cache().get(key)
        if stored is None:
            request._page_cache_key = key
            return None
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # What the rendered page said through the session middleware (it read whether the
        # visitor is signed in), so that a proxy or browser keeps the two kinds apart too.
        patch_vary_headers(response, ("Cookie",))
        response[HEADER] = "hit"
        return response

    @staticmethod
    def _cacheable(request, view_func) -> bool:
        if settings.KAKEHASHI_PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "Authorization" in request.headers:
            return False
        return getattr(view_func, "public_page", False) or request.path.startswith("/api/")

    @staticmethod
    def _storable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        cache_control = response.get("Cache-Control", "")
        return "private" not in cache_control and "no-store" not in cache_control
