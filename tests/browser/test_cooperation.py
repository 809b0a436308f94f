"""From interest to results, across apps: a Japanese company expresses interest in a
Vietnamese proposal, the owner accepts, they write to each other in a thread, from which the
owner records the export contract that followed; a business files an obstacle that the
routing rule sends to the right authority, which resolves it with a public summary; the
locality's dashboard then shows the new outcome and the resolved obstacle.

Elements are found by form action and field name, not by their (translated) labels: the
Japanese member reads the pages in Japanese, the Vietnamese owner in Vietnamese."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from kakehashi.common.formats import format_day
from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.insights.models import Outcome
from kakehashi.messaging.models import Thread
from kakehashi.obstacles.models import Obstacle, RoutingRule, Status
from kakehashi.proposals.models import Interest, InterestStatus
from tests.browser.conftest import sign_in_through_form
from tests.factories import OrganisationFactory, locality, member_of
from tests.proposals.factories import published

TIMEOUT_MS = 30_000
TITLE = "Hợp tác chế biến cá ngừ xuất khẩu sang Nhật Bản"
INTEREST = "弊社は冷凍マグロの輸入に関心があります。"
FIRST_MESSAGE = "ご検討ありがとうございます。来月、工場を見学できますか。"
REPLY = "Cảm ơn quý công ty. Chúng tôi mời quý vị thăm nhà máy vào ngày 10 tháng 12."
OBSTACLE = "Giấy phép mở rộng kho lạnh chậm ba tháng"
SUMMARY = "A cold store extension permit, delayed three months, was issued within ten days."


def open_as(browser, site, user=None):
    context = browser.new_context(base_url=site, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    page = context.new_page()
    if user is not None:
        sign_in_through_form(page, user)
    return context, page


def test_interest_thread_obstacle_and_locality_dashboard(browser, site):
    seafood = OrganisationFactory(
        name="Công ty Hải sản Đà Nẵng", country="VN", locality=locality("da-nang"), language="vi"
    )
    owner = member_of(seafood, role=MembershipRole.ADMIN, preferred_language="vi")
    proposal = published(organisation=seafood, title=TITLE, language="vi")
    tokyo = OrganisationFactory(
        name="東京水産株式会社",
        country="JP",
        locality=locality("osaka-prefecture"),
        language="ja",
    )
    buyer = member_of(tokyo, role=MembershipRole.ADMIN, preferred_language="ja")
    committee = OrganisationFactory(
        name="UBND TP Đà Nẵng",
        name_en="Da Nang People's Committee",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("da-nang"),
        language="vi",
    )
    officer = member_of(committee, role=MembershipRole.ADMIN, full_name="Officer Thu")
    RoutingRule.objects.create(
        locality=locality("da-nang"), country="VN", category="any", authority=committee
    )

    # The Japanese company expresses interest on the proposal's page.
    context, page = open_as(browser, site, buyer)
    page.goto(proposal.get_absolute_url())
    form = page.locator(f"form[action$='/proposals/{proposal.pk}/interest/']")
    form.locator("[name=message]").fill(INTEREST)
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    context.close()
    interest = Interest.objects.get(proposal=proposal)
    assert (interest.organisation, interest.status) == (tokyo, InterestStatus.PENDING)

    # The Vietnamese owner accepts contact on the interests page.
    context, page = open_as(browser, site, owner)
    page.goto("/proposals/interests/")
    page.locator(f"form[action$='/interests/{interest.pk}/accept/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator(f"form[action$='/interests/{interest.pk}/accept/']")).to_have_count(0)
    context.close()
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ACCEPTED

    # The Japanese member opens the conversation from the proposal page's messaging panel.
    context, page = open_as(browser, site, buyer)
    page.goto(proposal.get_absolute_url())
    page.locator(".messaging-panel a[href*='/messages/new/']").click()
    form = page.locator("main form[method=post]")
    form.locator("[name=body]").fill(FIRST_MESSAGE)
    form.locator("button[type=submit]").click()
    expect(page.locator("#messages")).to_contain_text(FIRST_MESSAGE)
    context.close()
    thread = Thread.objects.get()
    assert thread.proposal == proposal

    # The owner finds it in the inbox and replies.
    context, page = open_as(browser, site, owner)
    page.goto("/messages/")
    page.locator(f"table.threads a[href$='/messages/{thread.pk}/']").click()
    expect(page.locator("#messages")).to_contain_text(FIRST_MESSAGE)
    reply = page.locator(f"form[action$='/messages/{thread.pk}/reply/']")
    reply.locator("[name=body]").fill(REPLY)
    reply.locator("button[type=submit]").click()
    expect(page.locator("#messages")).to_contain_text(REPLY)
    context.close()

    # The Japanese member sees the reply in the thread, reached from the proposal page.
    context, page = open_as(browser, site, buyer)
    page.goto(proposal.get_absolute_url())
    page.locator(f".messaging-panel a[href$='/messages/{thread.pk}/']").click()
    expect(page.locator("#messages article.message")).to_have_count(2)
    expect(page.locator("#messages")).to_contain_text(REPLY)
    context.close()

    # What followed: the owner records a first export contract from the conversation.
    occurred_on = timezone.localdate() - dt.timedelta(days=1)
    context, page = open_as(browser, site, owner)
    page.goto(f"/messages/{thread.pk}/")
    page.locator(f"a[href$='/insights/outcomes/new/?thread={thread.pk}']").click()
    form = page.locator("main form[method=post]")
    form.locator("[name=kind][value=contract]").check()
    form.locator("[name=occurred_on]").fill(occurred_on.isoformat())
    expect(form.locator("[name=locality]")).to_have_value(str(locality("da-nang").pk))
    form.locator("[name=amount]").fill("480000")
    form.locator("[name=currency]").select_option("USD")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator("#messages")).to_contain_text(REPLY)  # back in the conversation
    context.close()
    outcome = Outcome.objects.get()
    # The conversation is about the proposal whose owner accepted: the outcome follows it.
    assert (outcome.interest, outcome.thread, outcome.locality) == (
        interest,
        None,
        locality("da-nang"),
    )

    # The company files an obstacle in Da Nang; the rule sends it to the People's Committee.
    context, page = open_as(browser, site, owner)
    page.goto("/obstacles/new/")
    form = page.locator("#obstacle-form")
    form.locator("[name=title]").fill(OBSTACLE)
    form.locator("[name=category]").select_option("licences")
    form.locator("[name=locality]").select_option(str(locality("da-nang").pk))
    form.locator("[name=description]").fill(
        "Hồ sơ xin phép mở rộng kho lạnh đã nộp từ tháng 8 nhưng chưa có phản hồi."
    )
    form.locator("[name=language]").select_option("vi")
    form.locator("button[type=submit]").click()
    expect(page.locator("#status")).to_be_visible()
    context.close()
    obstacle = Obstacle.objects.get()
    assert (obstacle.authority, obstacle.status) == (committee, Status.RECEIVED)

    # The committee's officer takes it from the queue and resolves it with a public summary.
    context, page = open_as(browser, site, officer)
    page.goto("/obstacles/queue/")
    page.locator(f"#queue a[href$='/obstacles/{obstacle.pk}/']").click()
    page.locator("#assign-form button[type=submit]").click()
    expect(page.locator("#owner")).to_have_text("Officer Thu")
    close = page.locator("#close-form")
    close.locator("[name=reason]").fill("Permit issued on 2 December after an inspection.")
    close.locator("[name=public_summary]").fill(SUMMARY)
    close.locator("button[type=submit]:not([formaction])").click()
    expect(page.locator("#status")).to_contain_text("Resolved")
    context.close()
    obstacle.refresh_from_db()
    assert (obstacle.status, obstacle.is_public) == (Status.RESOLVED, True)

    # Anyone sees both on Da Nang's dashboard, reached from the insights index.
    context, page = open_as(browser, site)
    page.goto("/insights/")
    page.locator("a[href='/insights/localities/']").click()
    page.locator("a[href='/insights/localities/da-nang/']").click()
    expect(page.locator("h1")).to_have_text("Da Nang")
    expect(page.locator("#funnel td[data-stage=interests]")).to_have_text("1")
    expect(page.locator("#funnel td[data-stage=other_outcomes]")).to_have_text("1")
    outcome_row = page.locator("#outcomes tbody tr")
    expect(outcome_row).to_have_count(1)
    expect(outcome_row).to_contain_text(format_day(occurred_on, "en"))
    expect(outcome_row).to_contain_text("Contract or export deal")
    expect(outcome_row).to_contain_text("480,000 USD")
    resolved = page.locator("#resolved-obstacles tbody tr")
    expect(resolved).to_have_count(1)
    expect(resolved).to_contain_text(OBSTACLE)
    expect(resolved).to_contain_text(SUMMARY)
    expect(page.locator("#open-obstacles")).to_contain_text("0 difficulties")
    context.close()
