"""A Vietnamese company publishes a request in Vietnamese; a Japanese company finds it with a
Japanese search, sees it among its matches with reasons in Japanese, and expresses interest."""

from playwright.sync_api import expect

from kakehashi.directory.models import Sector
from kakehashi.proposals.models import Interest, Proposal, ProposalStatus
from tests.browser.conftest import sign_in_through_form
from tests.factories import OrganisationFactory, locality, member_of
from tests.matching.builders import COLD_CHAIN_JA, publish_proposal
from tests.proposals.factories import moderator_of

TITLE = "Tìm đối tác Nhật Bản về công nghệ kho lạnh bảo quản thủy sản"
SUMMARY = (
    "Công ty logistics tại TP.HCM cần chuyển giao công nghệ kho cấp đông tiết kiệm điện "
    "và giám sát nhiệt độ cho cá tra, tôm xuất khẩu."
)


def open_as(browser, site, user):
    context = browser.new_context(base_url=site, locale="en-GB")
    context.set_default_timeout(30_000)
    page = context.new_page()
    sign_in_through_form(page, user)
    return context, page


def test_publish_find_match_and_express_interest(browser, site):
    saigon = OrganisationFactory(
        name="Saigon Cold Chain", country="VN", locality=locality("ho-chi-minh-city")
    )
    vn_user = member_of(saigon, preferred_language="vi")
    moderator = moderator_of("ho-chi-minh-city", preferred_language="en")
    kobe = OrganisationFactory(
        name="神戸冷凍機株式会社",
        country="JP",
        locality=locality("hyogo-prefecture"),
        language="ja",
        description="水産物の冷凍倉庫向けに省エネ型の冷凍機と温度監視システムを提供します。",
    )
    kobe.sectors.set(Sector.objects.filter(key="trade"))
    jp_user = member_of(kobe, preferred_language="ja")
    # Kobe's own published offer, so that its matches have something to start from (the
    # live server sees committed data; the index upkeep runs as each change commits).
    publish_proposal(kobe, **COLD_CHAIN_JA)

    # The Vietnamese company writes its request in Vietnamese and submits it.
    context, page = open_as(browser, site, vn_user)
    page.goto("/proposals/new/?kind=technology_request")
    form = page.locator("main form")
    form.locator("[name=kind]").select_option("technology_request")
    form.locator("[name=title]").fill(TITLE)
    form.locator("[name=summary]").fill(SUMMARY)
    form.locator("[name=language]").select_option("vi")
    form.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    page.locator("form[action$='/submit/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    context.close()
    proposal = Proposal.objects.get(title=TITLE)
    assert (proposal.status, proposal.language) == (ProposalStatus.SUBMITTED, "vi")

    # The locality's moderator publishes it.
    context, page = open_as(browser, site, moderator)
    page.goto(proposal.get_absolute_url())
    page.locator("form[action$='/publish/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    context.close()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PUBLISHED

    # The Japanese company searches in Japanese and finds it.
    context, page = open_as(browser, site, jp_user)
    page.goto("/matching/search/")
    page.locator("form[role=search] [name=q]").fill("水産物の冷凍倉庫の技術")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator("ol.results")).to_contain_text(TITLE)

    # It is among its matches, with reasons in Japanese.
    page.goto("/matching/mine/")
    match = page.locator("ol.matches > li", has_text=TITLE)
    expect(match).to_be_visible()
    expect(match.locator("ul.reasons")).to_contain_text("どちらも")

    # It expresses interest.
    match.get_by_role("link", name=TITLE).click()
    interest = page.locator(f"form[action$='/{proposal.pk}/interest/']")
    interest.locator("[name=message]").fill("弊社の冷凍機技術でお役に立てると思います。")
    interest.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    context.close()

    interest = Interest.objects.get(proposal=proposal)
    assert interest.organisation == kobe
    assert interest.message.startswith("弊社の冷凍機技術")
