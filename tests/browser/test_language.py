from playwright.sync_api import expect

from kakehashi.accounts.models import User
from tests.factories import UserFactory


def switch_to(page, code: str) -> None:
    page.locator(".language-menu summary").click()
    page.locator(f".language-switcher button[name=language][value={code}]").click()


def test_sign_in_and_switch_language(page, sign_in):
    user = UserFactory(full_name="Nguyễn Thị Mai", preferred_language="en")

    sign_in(user)
    header = page.locator(".site-header")
    expect(header.locator(".account-menu")).to_contain_text("Nguyễn Thị Mai")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    header.locator(".language-menu summary").click()
    expect(header.get_by_role("button", name="English")).to_have_attribute("aria-current", "true")

    header.get_by_role("button", name="日本語").click()
    header.locator(".language-menu summary").click()
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(header.get_by_role("button", name="日本語")).to_have_attribute("aria-current", "true")
    expect(header.get_by_role("button", name="English")).not_to_have_attribute(
        "aria-current", "true"
    )
    # Still signed in after the switch.
    expect(header.locator(".account-menu")).to_contain_text("Nguyễn Thị Mai")

    # Another page, reached by a link: the choice is remembered.
    header.locator(".main-nav summary", has_text="地域・団体").click()
    header.locator(".main-nav a[href='/partnerships/']").click()
    page.wait_for_url("**/partnerships/")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies["kakehashi_language"] == "ja"
    user.refresh_from_db()
    assert user.preferred_language == "ja"

    header.locator(".language-menu summary").click()
    header.get_by_role("button", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    header.locator(".language-menu summary").click()
    expect(header.get_by_role("button", name="Tiếng Việt")).to_have_attribute(
        "aria-current", "true"
    )
    # The switcher sends the reader back to the page they were on.
    assert page.url.endswith("/partnerships/")
    page.goto("/localities/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    assert User.objects.get(pk=user.pk).preferred_language == "vi"
