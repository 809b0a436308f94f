"""The proposal form's language tabs work without script: a click on a language shows its
panel; on a phone every panel shows, one under the other; what the author writes in a tab is
saved as the author's translation."""

import pytest
from playwright.sync_api import expect

from kakehashi.proposals.models import Proposal
from tests.browser.conftest import TIMEOUT_MS, sign_in_through_form
from tests.factories import OrganisationFactory, locality, member_of

JA_TITLE = "輸出水産物向け冷凍倉庫"


@pytest.fixture
def author(site):
    company = OrganisationFactory(name="Mekong Seafood", locality=locality("can-tho"))
    return member_of(company, preferred_language="en")


def open_form(browser, site, author, **options):
    context = browser.new_context(base_url=site, locale="en-GB", **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    sign_in_through_form(page, author)
    page.goto("/proposals/new/?kind=business_request")
    return context, page


def test_the_tabs_switch_without_script_and_the_translation_is_saved(browser, site, author):
    context, page = open_form(browser, site, author, java_script_enabled=False)
    original = page.locator("#text-panel-original")
    japanese = page.locator("#text-panel-ja")
    expect(original).to_be_visible()
    expect(japanese).to_be_hidden()
    page.locator("#text-panel-original [name=title]").fill("Kho lạnh cho thủy sản xuất khẩu")
    page.locator("#text-panel-original [name=summary]").fill("Cần đối tác đầu tư kho lạnh.")
    page.locator("label[for=text-tab-ja]").click()
    expect(japanese).to_be_visible()
    expect(original).to_be_hidden()
    japanese.locator("[name=title_ja]").fill(JA_TITLE)
    page.screenshot(path="/tmp/propio-tabs-desktop.png", full_page=True)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Kho lạnh")
    proposal = Proposal.objects.get()
    assert [(row.language, row.title) for row in proposal.translations.all()] == [("ja", JA_TITLE)]
    context.close()


def test_on_a_phone_every_language_shows(browser, site, author):
    context, page = open_form(browser, site, author, viewport={"width": 360, "height": 800})
    for key in ("original", "vi", "ja"):
        expect(page.locator(f"#text-panel-{key}")).to_be_visible()
    expect(page.locator("#text-panel-ja > legend")).to_have_text("Japanese")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    page.screenshot(path="/tmp/propio-tabs-phone.png", full_page=True)
    context.close()
