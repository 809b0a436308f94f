"""Take the screenshot gallery of Kakehashi (docs/screenshots/) from a running instance.

Start the demo first (`make demo`, which serves http://127.0.0.1:8000 with the demo data and
the demo logins), then:

    .venv/bin/python scripts/screenshots.py
    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8001 --output /tmp/shots

Each picture is a viewport screenshot (not the full page, so the PNG files stay small):
1366x850 for the desktop, 390x844 at scale 1 for the phone. The reader's language is the
`kakehashi_language` cookie; a page that needs a person is taken after signing in through the
ordinary sign-in form. The script only reads: it changes nothing in the instance.

It needs Playwright for Python and a Chromium; by default it uses Debian's /usr/bin/chromium
(`--chromium ""` uses the browser Playwright downloaded itself).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

PASSWORD = "kakehashi-demo"  # every demo login's password (kakehashi load_demo)
DOMAIN = "demo.kakehashi.local"

DEVICES = {
    "desktop": {"viewport": {"width": 1366, "height": 850}, "device_scale_factor": 1},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 1,
        "is_mobile": True,
        "has_touch": True,
    },
}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass(frozen=True)
class Shot:
    """One picture: desktop-vi-start.png is Shot("desktop", "vi", "start", "/", "hcmc")."""

    device: str  # a key of DEVICES
    language: str  # vi, ja or en
    name: str  # the end of the file name
    path: str  # the page, from the base URL
    user: str | None = None  # the demo login (before the @), None for a visitor
    scroll_to: str | None = None  # a CSS selector brought to the top of the viewport first
    open_menu: bool = False  # click the phone's Menu button first

    @property
    def filename(self) -> str:
        return f"{self.device}-{self.language}-{self.name}.png"


GALLERY = [
    # Desktop.
    Shot("desktop", "en", "home", "/"),
    Shot("desktop", "vi", "start", "/", user="hcmc"),
    Shot("desktop", "ja", "proposals", "/proposals/"),
    Shot(
        "desktop",
        "en",
        "proposal",
        "/proposals/1/",
        scroll_to="section.recommendations",
    ),
    Shot("desktop", "ja", "search", "/matching/search/?q=冷凍倉庫"),
    Shot("desktop", "vi", "event", "/events/meet-japan-2027/"),
    Shot("desktop", "en", "schedule", "/events/meet-japan-2027/schedule/", user="hcmc"),
    Shot("desktop", "ja", "insights", "/insights/"),
    Shot("desktop", "ja", "insights-chart", "/insights/proposals-by-sector/"),
    # Phone.
    Shot("phone", "vi", "home", "/"),
    Shot("phone", "vi", "menu", "/", open_menu=True),
    Shot("phone", "ja", "proposals", "/proposals/"),
    Shot("phone", "vi", "event", "/events/meet-japan-2027/"),
]


def new_context(browser: Browser, base_url: str, device: str) -> BrowserContext:
    """A fresh browser profile (no cookies) for one device."""
    context = browser.new_context(base_url=base_url, locale="en-GB", **DEVICES[device])
    # Pictures should not catch a transition half-way.
    context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        " style.textContent = '*, *::before, *::after { transition: none !important;"
        " animation: none !important; caret-color: transparent !important; }';"
        " document.head.appendChild(style); });"
    )
    return context


def set_language(context: BrowserContext, base_url: str, language: str) -> None:
    """Choose the reader's language the way the language menu does: with the cookie."""
    host = urlsplit(base_url).hostname
    context.add_cookies(
        [{"name": "kakehashi_language", "value": language, "domain": host, "path": "/"}]
    )


def sign_in(page: Page, user: str) -> None:
    """Sign in as a demo login through the sign-in form."""
    page.goto("/accounts/sign-in/")
    page.fill("input[name=username]", f"{user}@{DOMAIN}")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    if "/accounts/sign-in/" in page.url:
        raise SystemExit(f"could not sign in as {user}@{DOMAIN}: is this the demo data?")


class PageFailed(Exception):
    """A page answered with an error: its picture would show an error page."""


def take(page: Page, shot: Shot, output: Path) -> Path:
    """Open the page of `shot` and write its picture; the path written."""
    response = page.goto(shot.path, wait_until="networkidle")
    if response is None or response.status >= 400:
        status = response.status if response else "no answer"
        raise PageFailed(f"{shot.path} answered {status}")
    if shot.open_menu:
        page.click(".menu-button")
        page.wait_for_selector("#site-menu.open")
    if shot.scroll_to:
        # Leave a little of what is above, so the picture shows where the section sits.
        page.locator(shot.scroll_to).first.evaluate(
            "element => window.scrollTo(0, element.getBoundingClientRect().top"
            " + window.scrollY - 120)"
        )
    path = output / shot.filename
    page.screenshot(path=str(path), full_page=False)
    return path


def run(
    base_url: str, output: Path, chromium: str | None, only: set[str]
) -> tuple[list[Path], list[str]]:
    """Take the gallery (or the shots named in `only`); the paths written and the failures
    (a page that fails is reported and left out, the others are still taken)."""
    output.mkdir(parents=True, exist_ok=True)
    shots = [shot for shot in GALLERY if not only or shot.filename in only]
    written, failed = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium or None, headless=True, args=CHROMIUM_ARGS
        )
        try:
            # One browser profile per device and person, signed in once; the language
            # cookie is set again before each picture.
            contexts: dict[tuple[str, str | None], Page] = {}
            for shot in shots:
                key = (shot.device, shot.user)
                if key not in contexts:
                    context = new_context(browser, base_url, shot.device)
                    page = context.new_page()
                    if shot.user:
                        sign_in(page, shot.user)
                    contexts[key] = page
                page = contexts[key]
                set_language(page.context, base_url, shot.language)
                try:
                    path = take(page, shot, output)
                except PageFailed as error:
                    failed.append(f"{shot.filename}: {error}")
                    print(f"NOT WRITTEN {shot.filename}: {error}", file=sys.stderr, flush=True)
                    continue
                written.append(path)
                print(f"{path}  {path.stat().st_size / 1024:.0f} KB", flush=True)
        finally:
            browser.close()
    return written, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base-url",
        default="http://127.0.0.1:8000",
        help="the running instance (default: %(default)s, where `make demo` serves)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("docs/screenshots"),
        help="the folder the PNG files go to (default: %(default)s)",
    )
    parser.add_argument(
        "--chromium",
        default="/usr/bin/chromium",
        help='the Chromium to drive (default: %(default)s; "" for Playwright\'s own)',
    )
    parser.add_argument(
        "only", nargs="*", help="file names of the shots to take again (default: all)"
    )
    args = parser.parse_args(argv)
    written, failed = run(args.base_url.rstrip("/"), args.output, args.chromium, set(args.only))
    total = sum(path.stat().st_size for path in written)
    print(f"{len(written)} files, {total / 1024 / 1024:.2f} MB in {args.output}")
    if failed:
        print(f"{len(failed)} not written:", *failed, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
