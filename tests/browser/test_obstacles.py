"""A business files an obstacle, it reaches the authority the rules name, whose member
assigns it to themselves and resolves it with a public summary; the reporter sees it
resolved, and the summary appears on the public list."""

from playwright.sync_api import expect

from kakehashi.directory.models import MembershipRole, OrganisationKind
from kakehashi.obstacles.models import Obstacle, RoutingRule
from tests.browser.conftest import sign_in_through_form
from tests.factories import OrganisationFactory, locality, member_of


def open_as(browser, site, user):
    context = browser.new_context(base_url=site, locale="en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in_through_form(page, user)
    return context, page


def test_business_files_authority_resolves_reporter_sees_it(browser, site):
    business = OrganisationFactory(name="Saigon Precision Parts")
    reporter = member_of(business, full_name="Lan Nguyen")
    department = OrganisationFactory(
        name="HCMC Department of Construction",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("ho-chi-minh-city"),
    )
    officer = member_of(department, role=MembershipRole.ADMIN, full_name="Officer Hoa")
    committee = OrganisationFactory(
        name="HCMC People's Committee",
        kind=OrganisationKind.LOCAL_GOVERNMENT,
        locality=locality("ho-chi-minh-city"),
    )
    RoutingRule.objects.create(
        locality=locality("ho-chi-minh-city"), country="VN", category="any", authority=committee
    )
    RoutingRule.objects.create(
        locality=locality("ho-chi-minh-city"),
        country="VN",
        category="land",
        authority=department,
        deadline_days=21,
    )

    # The business files an obstacle about a site in a former unit merged into HCMC.
    context, page = open_as(browser, site, reporter)
    page.goto("/obstacles/new/")
    form = page.locator("#obstacle-form")
    form.locator("[name=title]").fill("Land lease for the Binh Duong plant not signed")
    form.locator("[name=category]").select_option("land")
    form.locator("[name=locality]").select_option(str(locality("binh-duong-before-2025").pk))
    form.locator("[name=description]").fill("The lease has waited eight months for a signature.")
    form.locator("[name=language]").select_option("en")
    form.get_by_role("button", name="File the obstacle").click()
    expect(page.locator(".messages")).to_contain_text(
        "Your obstacle is filed and sent to HCMC Department of Construction."
    )
    expect(page.locator("#status")).to_contain_text("Received")
    context.close()
    obstacle = Obstacle.objects.get()
    assert obstacle.authority == department

    # The department's member finds it in the queue, takes it and resolves it.
    context, page = open_as(browser, site, officer)
    page.goto("/obstacles/queue/")
    row = page.locator("#queue tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Saigon Precision Parts")
    row.get_by_role("link", name="Land lease for the Binh Duong plant not signed").click()
    assign = page.locator("#assign-form")
    expect(assign.locator("[name=owner]")).to_have_value(str(officer.pk))
    assign.get_by_role("button", name="Assign").click()
    expect(page.locator("#owner")).to_have_text("Officer Hoa")
    close = page.locator("#close-form")
    close.locator("[name=reason]").fill("Lease signed on 20 November after a site visit.")
    close.locator("[name=public_summary]").fill(
        "A plant's land lease, waiting eight months, was signed within a week of the request."
    )
    close.get_by_role("button", name="Mark resolved").click()
    expect(page.locator(".messages")).to_contain_text("The obstacle is closed.")
    expect(page.locator("#status")).to_contain_text("Resolved")
    context.close()

    # The reporter sees it resolved, with how.
    context, page = open_as(browser, site, reporter)
    page.goto("/obstacles/")
    expect(page.locator("#my-obstacles tbody tr")).to_contain_text("Resolved")
    page.get_by_role("link", name="Land lease for the Binh Duong plant not signed").click()
    expect(page.locator("#resolution")).to_contain_text("Lease signed on 20 November")
    context.close()

    # Anyone sees the public summary on the list of resolved difficulties.
    context = browser.new_context(base_url=site, locale="en-GB")
    page = context.new_page()
    page.goto("/obstacles/resolved/")
    expect(page.locator("#resolved tbody tr")).to_contain_text("was signed within a week")
    context.close()
