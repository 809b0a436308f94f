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


# Pages whose tables a phone once showed clipped at the right edge (a row read by scrolling
# the table sideways), each as a demo person who sees rows in them.
PHONE_TABLE_PAGES = [
    (None, "/localities/?former=1"),
    (None, "/proposals/localities/ho-chi-minh-city/investment/"),
    ("coldchain", "/proposals/interests/"),
    ("admin", "/proposals/moderation/"),
    (None, "/insights/localities/ho-chi-minh-city/"),
    (None, "/insights/funnel/?by=locality"),
    ("coldchain", "/insights/funnel/"),
    (None, "/insights/events/"),
    (None, "/insights/network/"),
    (None, "/insights/agreements/"),
    (None, "/insights/proposals-by-sector/"),
    (None, "/insights/proposals-by-locality/"),
    (None, "/insights/matching/"),
    (None, "/insights/obstacle-resolution/"),
    ("admin", "/insights/events/vj-festival-2025/feedback/?by=sector"),
]

TABLES = """() => Array.from(document.querySelectorAll('main table')).map(table => {
  const box = table.closest('.table-scroll');
  const cells = Array.from(table.querySelectorAll('tbody td'))
    .filter(cell => cell.getClientRects().length > 0);
  return {
    name: table.id || table.className || 'table',
    rows: table.tBodies[0] ? table.tBodies[0].rows.length : 0,
    right: table.getBoundingClientRect().right,
    sideways: box ? box.scrollWidth - box.clientWidth : 0,
    headings: table.tHead ? getComputedStyle(table.tHead).position !== 'absolute' : false,
    blank: box && box.classList.contains('stack-on-phone')
      ? cells.filter(cell => !cell.innerText.trim()).length : 0,
  };
})"""


@pytest.mark.django_db(transaction=True)
def test_no_table_is_read_sideways_on_a_phone(browser, site):
    """At 390 px every table of these pages fits the screen: nothing to scroll sideways in its
    box, no row clipped, and a table read as cards shows no cell without text (a label over
    nothing); at 1366 px they are tables still, under their headings. In Vietnamese,
    Japanese and English."""
    load_demo()
    problems = []
    for who in dict.fromkeys(who for who, _url in PHONE_TABLE_PAGES):
        context = browser.new_context(base_url=site)
        context.set_default_timeout(20_000)
        session = _session_cookie(who)
        page = context.new_page()
        for language in LANGUAGES:
            cookies = [{"name": "kakehashi_language", "value": language, "url": site}]
            if session:
                cookies.append({"name": "sessionid", "value": session, "url": site})
            context.add_cookies(cookies)
            for url in (url for person, url in PHONE_TABLE_PAGES if person == who):
                where = f"{who or 'visitor'} {language} {url}"
                page.set_viewport_size({"width": 390, "height": 844})
                assert page.goto(url).status == 200, where
                found = page.evaluate(TABLES)
                assert sum(table["rows"] for table in found) > 0, f"{where}: no row to look at"
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > 390:
                    problems.append(f"{where}: the page is {width} px wide at 390 px")
                for table in found:
                    if table["sideways"] > 1 or table["right"] > 390 + 1:
                        problems.append(
                            f"{where}: {table['name']} scrolls {table['sideways']} px sideways"
                            f" (right edge at {table['right']:.0f} px) at 390 px"
                        )
                    if table["blank"]:  # a card's label over nothing
                        problems.append(f"{where}: {table['name']} shows {table['blank']} empty")
                page.set_viewport_size({"width": 1366, "height": 900})
                for table in page.evaluate(TABLES):
                    if not table["headings"] or table["sideways"] > 1:
                        problems.append(f"{where}: {table['name']} is no longer a table at 1366")
        context.close()
    assert problems == [], "\n".join(problems)
