"""Every kind of page of the demo, as the visitor and each demo person reach it, at a phone's,
a tablet's and a desktop's width, in Vietnamese, Japanese and English: nothing is wider than
the screen, the header stays one line on a desktop, and axe-core (vendored from the npm
package) finds no serious or critical accessibility violation; and the page breaks none of
its own Content-Security-Policy (no inline script or style, nothing from elsewhere).

The pages are the demo crawl's (tests/demo/test_demo_crawl.py): one page of each kind. Each is
loaded once per language and measured at each width by resizing the window."""

from pathlib import Path

import pytest
from django.test import Client

from kakehashi.accounts.models import User
from kakehashi.demo.loader import load_demo
from kakehashi.demo.people import DEMO_PEOPLE, demo_email
from tests.demo.test_demo_crawl import PERSONAL, _crawl, _kind

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text("utf-8")
WIDTHS = [1366, 768, 390]
LANGUAGES = ["vi", "ja", "en"]
DESKTOP_HEADER_MAX = 80

MEASURE = """() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  header: document.querySelector('.site-header').getBoundingClientRect().height,
  wide: Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                 && !e.closest('.table-scroll') && getComputedStyle(e).position !== 'fixed')
    .slice(0, 3)
    .map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '')),
})"""

# Injected before any page script (init scripts are not subject to the page's policy).
WATCH_CSP = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.failureSummary)}));
}"""


def _pages_per_person() -> dict[str | None, list[str]]:
    """One page of each kind, each under the first visitor whose crawl reached it."""
    client = Client()
    taken: set[str] = set()
    pages: dict[str | None, list[str]] = {}
    for who in [None, *(person[0] for person in DEMO_PEOPLE)]:
        client.logout()
        if who is not None:
            client.force_login(User.objects.get(email=demo_email(who)))
        statuses = _crawl(client, ["/"] if who is None else ["/", *PERSONAL])
        mine = []
        for url, status in statuses.items():
            kind = _kind(url)
            if status == 200 and kind not in taken and not _is_download(client, url):
                taken.add(kind)
                mine.append(url)
        pages[who] = mine
    return pages


def _is_download(client, url) -> bool:
    return not client.get(url).get("Content-Type", "").startswith("text/html")


def _session_cookie(who) -> str | None:
    if who is None:
        return None
    client = Client()
    client.force_login(User.objects.get(email=demo_email(who)))
    return client.cookies["sessionid"].value


@pytest.mark.django_db(transaction=True)
def test_every_page_fits_every_screen_and_has_no_serious_accessibility_violation(browser, site):
    load_demo()
    problems = []
    reported = set()  # an axe violation is listed once per page and element, not per width
    checked = 0
    for who, urls in _pages_per_person().items():
        context = browser.new_context(base_url=site)
        context.add_init_script(WATCH_CSP)
        context.set_default_timeout(20_000)
        cookies = [{"name": "kakehashi_language", "value": "en", "url": site}]
        session = _session_cookie(who)
        if session:
            cookies.append({"name": "sessionid", "value": session, "url": site})
        page = context.new_page()
        for language in LANGUAGES:
            cookies[0]["value"] = language
            context.add_cookies(cookies)
            for url in urls:
                page.set_viewport_size({"width": WIDTHS[0], "height": 900})
                response = page.goto(url)
                assert "content-security-policy" in response.headers, url
                # Evaluated through the browser's protocol, not as a page script: the
                # page's policy stays as it is.
                page.evaluate(AXE_SOURCE)
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    figures = page.evaluate(MEASURE)
                    where = f"{who or 'visitor'} {language} {width}px {url}"
                    if figures["scrollWidth"] > figures["innerWidth"]:
                        problems.append(
                            f"{where}: {figures['scrollWidth']} px wide ({figures['wide']})"
                        )
                    if width >= 1366 and figures["header"] > DESKTOP_HEADER_MAX:
                        problems.append(f"{where}: header {figures['header']:.0f} px high")
                    for violation in page.evaluate(AXE_RUN):
                        seen = (url, violation["id"], violation["nodes"][0].split(" ")[0])
                        if seen not in reported:
                            reported.add(seen)
                            problems.append(f"{where}: axe {violation}")
                    checked += 1
                violations = page.evaluate("window.__cspViolations")
                if violations:
                    problems.append(f"{who or 'visitor'} {language} {url}: CSP {violations}")
        context.close()
    assert checked > 100, checked  # it did look at the site
    assert problems == [], "\n".join(problems[:60]) + f"\n… {len(problems)} in all"
