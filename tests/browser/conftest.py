"""Browser tests: Playwright (sync API) drives Debian's Chromium against pytest-django's
live server.

`playwright install` cannot download browsers here, so the tests launch /usr/bin/chromium (or
KAKEHASHI_CHROMIUM). Without it they are skipped on a workstation and fail in CI (CI=true),
so a missing browser never passes unnoticed.

The live server runs in another thread and sees only committed data, so every test here is
transactional (the `page` fixture pulls in `live_server` and `transactional_db`) and loads the
reference data it needs through the `reference` fixture (reloaded after each flush)."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.factories import PASSWORD

# Playwright's sync API keeps an event loop running in the main thread; Django would then
# refuse ORM calls made by the test itself (SynchronousOnlyOperation). The calls are
# synchronous and in one thread, so tell Django they are safe. Only the browser tests do this.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("KAKEHASHI_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `browser` (pytestmark in a conftest marks nothing)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)."
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} Browser tests must run in CI.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def site(live_server, transactional_db, reference) -> str:
    """The live server's address (no trailing slash), with reference data loaded."""
    return live_server.url


@pytest.fixture
def context(browser, site):
    """A fresh browser context per test: no cookie or storage leaks from one test to the next."""
    from playwright.sync_api import expect

    context = browser.new_context(base_url=site, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


def sign_in_through_form(page, user, password: str = PASSWORD) -> None:
    """Sign in through the form, as a person would, and wait until the header shows the
    user's name."""
    from playwright.sync_api import expect

    page.goto("/accounts/sign-in/")
    form = page.locator("main form")
    form.locator("[name=username]").fill(user.email)
    form.locator("[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    expect(page.locator(".site-header .account-menu")).to_contain_text(user.get_short_name())


@pytest.fixture
def sign_in(page):
    """`sign_in(user)` signs the user in on `page` through the sign-in form."""

    def sign_in(user, password: str = PASSWORD) -> None:
        sign_in_through_form(page, user, password)

    return sign_in
