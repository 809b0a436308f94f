"""Readers find what others wrote in their own language: a Japanese reader's search for
冷凍倉庫 shows the Vietnamese cold-chain request in its Japanese translation, marked as one,
with the original one click away; a Vietnamese reader finds a Japanese offer in its
Vietnamese machine translation, marked as machine-made."""

from playwright.sync_api import expect

from kakehashi.proposals.models import original_fingerprint
from kakehashi.proposals.translation_services import save_machine_translation, save_translation
from tests.browser.conftest import sign_in_through_form
from tests.factories import OrganisationFactory, locality, member_of
from tests.matching.builders import COLD_CHAIN_VI, publish_proposal

REQUEST_JA_TITLE = "水産物輸出向け冷凍倉庫の技術を求めています"
REQUEST_JA_SUMMARY = (
    "ホーチミン市の企業が、冷凍倉庫と温度監視の技術を移転してくれる日本の協力先を探しています。"
)
OFFER_JA = {
    "kind": "technology_offer",
    "title": "食品工場向け箱詰めロボット",
    "summary": "画像認識で冷凍品をつかみ、計量から箱詰めまで自動で行う協働ロボットです。",
    "language": "ja",
}
OFFER_VI_TITLE = "Rô-bốt đóng thùng cho nhà máy thực phẩm"
OFFER_VI_SUMMARY = "Rô-bốt cộng tác nhận dạng hình ảnh, tự động cân và đóng thùng hàng đông lạnh."


def _reader(browser, site, user):
    context = browser.new_context(base_url=site, locale="en-GB")
    context.set_default_timeout(30_000)
    page = context.new_page()
    sign_in_through_form(page, user)
    return context, page


def _search(page, words: str):
    page.goto("/matching/search/")
    page.locator("form[role=search] [name=q]").fill(words)
    page.locator("form[role=search] button[type=submit]").click()


def test_each_reader_finds_the_other_side_in_their_language_with_the_original_a_click_away(
    browser, site
):
    saigon = OrganisationFactory(
        name="Công ty Kho lạnh Sài Gòn", country="VN", locality=locality("ho-chi-minh-city")
    )
    author = member_of(saigon, preferred_language="vi")
    request = publish_proposal(saigon, **COLD_CHAIN_VI)
    save_translation(
        proposal=request,
        language="ja",
        title=REQUEST_JA_TITLE,
        summary=REQUEST_JA_SUMMARY,
        by=author,
    )
    naniwa = OrganisationFactory(
        name="なにわロボティクス株式会社",
        country="JP",
        locality=locality("osaka-prefecture"),
        language="ja",
    )
    offer = publish_proposal(naniwa, **OFFER_JA)
    save_machine_translation(
        proposal=offer,
        language="vi",
        title=OFFER_VI_TITLE,
        summary=OFFER_VI_SUMMARY,
        made_from=original_fingerprint(offer),
    )

    # A Japanese reader searches 冷凍倉庫 and reads the request in Japanese.
    kobe = OrganisationFactory(country="JP", locality=locality("hyogo-prefecture"), language="ja")
    context, page = _reader(browser, site, member_of(kobe, preferred_language="ja"))
    _search(page, "冷凍倉庫")
    hit = page.locator("ol.results > li", has_text=REQUEST_JA_TITLE)
    expect(hit).to_be_visible()
    expect(hit).to_contain_text(REQUEST_JA_SUMMARY[:20])
    expect(hit.locator(".translated-mark")).to_contain_text("ベトナム語から翻訳")
    expect(page.locator("ol.results")).not_to_contain_text(COLD_CHAIN_VI["title"])
    # The original, one click away.
    hit.get_by_role("link", name="原文を表示").click()
    expect(page.locator("h1")).to_have_text(COLD_CHAIN_VI["title"])
    expect(page.locator(".translation-note")).to_contain_text("原文")
    # And back to the translation (the proposal was created by an administrator: the member
    # who translated it is a colleague of its author).
    page.locator(".translation-note").get_by_role("link", name="翻訳を表示").click()
    expect(page.locator("h1")).to_have_text(REQUEST_JA_TITLE)
    expect(page.locator(".translation-note")).to_contain_text(
        "作成者と同じ団体のメンバーが翻訳しました"
    )
    context.close()

    # A Vietnamese reader finds the Japanese offer in its Vietnamese machine translation.
    hanoi = OrganisationFactory(country="VN", locality=locality("hanoi"))
    context, page = _reader(browser, site, member_of(hanoi, preferred_language="vi"))
    _search(page, "rô-bốt đóng thùng")
    hit = page.locator("ol.results > li", has_text=OFFER_VI_TITLE)
    expect(hit).to_be_visible()
    expect(hit.locator(".translated-mark.machine")).to_contain_text("Dịch máy từ")
    hit.get_by_role("link", name="Xem bản gốc").click()
    expect(page.locator("h1")).to_have_text(OFFER_JA["title"])
    context.close()
