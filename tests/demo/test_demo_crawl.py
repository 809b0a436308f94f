"""Every page reachable by following links from the home page, on the demo data, as each demo
person and as an anonymous visitor, answers without a server error (and links to no page
that is missing). Links are followed breadth-first within the site, GET only, a bounded
number of pages per visitor; forms are not submitted (their own tests do that)."""

import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import DEMO_PEOPLE, demo_email

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')
# Not followed: leaving the session, the admin (Django's own), files to download, the API's
# interactive docs (a page of script) and language switches (the same pages again).
SKIPPED = re.compile(r"^/(accounts/sign-out|admin/|api/v1/docs|i18n/|static/|media/)")
PAGES_PER_VISITOR = 400
# A few pages of each kind (same path but for ids, locality slugs and query values), so that
# the crawl reaches every kind of page instead of every locality.
PER_KIND = 3
# Where signed-in people start besides the home page: their own pages.
PERSONAL = ["/messages/", "/matching/mine/", "/proposals/interests/", "/obstacles/", "/audit/"]


def _links(html: str) -> list[str]:
    found = []
    for raw in HREF.findall(html):
        url = urldefrag(unescape(raw))[0]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not url.startswith("/"):
            continue
        if SKIPPED.match(parts.path):
            continue
        found.append(url)
    return found


def _kind(url: str) -> str:
    parts = urlsplit(url)
    segments = parts.path.strip("/").split("/")
    shape = [
        "#" if any(ch.isdigit() for ch in segment) or previous == "localities" else segment
        for previous, segment in zip(["", *segments], segments, strict=False)
    ]
    keys = sorted(pair.split("=")[0] for pair in parts.query.split("&") if pair)
    return "/".join(shape) + "?" + "&".join(keys)


def _crawl(client, start: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    kinds: dict[str, int] = {}
    queue = deque(start)
    while queue and len(seen) < PAGES_PER_VISITOR:
        url = queue.popleft()
        kind = _kind(url)
        if url in seen or kinds.get(kind, 0) >= PER_KIND:
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        response = client.get(url)
        seen[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code == 200 and content_type.startswith("text/html"):
            queue.extend(link for link in _links(response.content.decode()) if link not in seen)
    return seen


def test_every_linked_page_answers_without_a_server_error(client):
    load_demo()
    broken, crawled = {}, {}
    for who in [None, *(person[0] for person in DEMO_PEOPLE)]:
        client.logout()
        if who is not None:
            client.force_login(User.objects.get(email=demo_email(who)))
        statuses = _crawl(client, ["/"] if who is None else ["/", *PERSONAL])
        crawled[who] = len(statuses)
        broken[who] = {url: code for url, code in statuses.items() if code >= 500 or code == 404}
    assert not any(broken.values()), broken
    assert all(count > 20 for count in crawled.values()), crawled  # it did go somewhere
