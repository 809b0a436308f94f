"""The news desk in a browser, on the real extraction engine: an editor of Da Nang pastes a
Vietnamese article about a Japanese vice-minister's visit to the city and the city's priority
partners, accepts both suggestions, and finds them on Da Nang's page with the article as
their source."""

from playwright.sync_api import expect

from kakehashi.directory.models import Locality, OrganisationKind
from kakehashi.news.models import Article, SuggestionStatus
from kakehashi.partnerships.models import DelegationVisit, PriorityList
from tests.factories import OrganisationFactory, member_of

ARTICLE = """Thứ trưởng Bộ Ngoại giao Nhật Bản thăm và làm việc tại Đà Nẵng

Ngày 14/5/2024, Phó Chủ tịch UBND thành phố Đà Nẵng Trần Chí Cường đã tiếp Thứ trưởng Bộ \
Ngoại giao Nhật Bản Tsuge Yoshifumi đang thăm và làm việc tại thành phố.

Tại buổi tiếp, Phó Chủ tịch Trần Chí Cường cho biết Đà Nẵng hiện có quan hệ hợp tác với 12 \
địa phương của Nhật Bản. Theo kế hoạch hợp tác quốc tế giai đoạn đến năm 2025, thành phố xác \
định 3 đối tác ưu tiên gồm thành phố Sakai, thành phố Yokohama và tỉnh Kanagawa.
"""
TITLE = "Thứ trưởng Bộ Ngoại giao Nhật Bản thăm và làm việc tại Đà Nẵng"


def test_an_editor_accepts_a_visit_and_a_priority_list_from_a_vietnamese_article(
    page, sign_in, live_server
):
    da_nang = Locality.objects.get(slug="da-nang")
    government = OrganisationFactory(
        name="Sở Ngoại vụ thành phố Đà Nẵng",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        country="VN",
        locality=da_nang,
    )
    sign_in(member_of(government, full_name="Lê Thị Hoa"))

    # The desk is in the menu; paste the article with its date of publication.
    page.goto("/")
    header = page.locator(".site-header")
    header.locator("summary", has_text="Directory").click()
    header.get_by_role("link", name="News desk").click()
    page.wait_for_url("**/news/")
    page.locator("main").get_by_role("link", name="Import an article").click()
    page.locator("#id_text").fill(ARTICLE)
    page.locator("#id_published_on").fill("2024-05-15")
    page.get_by_role("button", name="Import and read").click()
    page.wait_for_url("**/news/*/")
    article = Article.objects.get()
    assert article.language == "vi"
    main = page.locator("main")
    expect(main.locator("h1")).to_have_text(TITLE)
    # The names the engine recognised are marked in the text.
    expect(main.locator(".article-text mark.mention-locality").first).to_be_visible()

    # The visit: from the Ministry of Foreign Affairs of Japan, a body that is no locality.
    visit = main.locator("article.suggestion", has_text="Delegation visit")
    expect(visit.locator(".badge.verdict")).to_have_text("New")
    expect(visit.locator("blockquote.evidence")).to_contain_text("Ngày 14/5/2024")
    visit.get_by_text("Accept…").click()
    expect(visit.locator("[name$=host]")).to_have_value(str(da_nang.pk))
    expect(visit.locator("[name$=started_on]")).to_have_value("2024-05-14")
    expect(visit.locator("[name$=visitor_name]")).to_have_value("Bộ Ngoại giao Nhật Bản")
    visit.get_by_role("button", name="Accept and record").click()
    expect(page.locator(".messages")).to_contain_text("Accepted: the registry is updated.")

    # The priority list: Da Nang has none yet; the first year is missing from the article.
    listing = main.locator("article.suggestion", has_text="Priority partners")
    expect(listing.locator(".badge.verdict")).to_have_text("New")
    listing.get_by_text("Accept…").click()
    listing.locator("[name$=period_start]").fill("2021")
    listing.get_by_role("button", name="Accept and record").click()
    expect(page.locator(".messages")).to_contain_text("Accepted: the registry is updated.")
    assert article.suggestions.filter(status=SuggestionStatus.ACCEPTED).count() == 2

    # On Da Nang's page: the visit in the timeline and the list, each citing the article.
    page.goto("/localities/da-nang/")
    timeline = page.locator("ol.timeline")
    entry = timeline.locator("li", has_text="Bộ Ngoại giao Nhật Bản")
    expect(entry).to_contain_text("14 May 2024")
    expect(entry.locator(".source a")).to_have_text(f"{TITLE} (2024-05-15)")
    priority = page.locator("main").locator("h2", has_text="Priority partners")
    expect(priority).to_be_visible()
    for partner in ("Sakai", "Yokohama", "Kanagawa"):
        expect(page.locator("main")).to_contain_text(partner)
    source = page.locator("main p.source a")
    expect(source).to_have_text(f"{TITLE} (2024-05-15)")
    article_page = f"{live_server.url}/news/{article.pk}/"
    expect(source).to_have_attribute("href", article_page)
    assert DelegationVisit.objects.get().source_url == article_page
    assert PriorityList.objects.get().source_url == article_page

    # The source leads back to the article on the desk.
    source.click()
    page.wait_for_url(f"**/news/{article.pk}/")
    expect(page.locator("main h1")).to_have_text(TITLE)
