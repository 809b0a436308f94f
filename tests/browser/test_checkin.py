"""The event day in a browser: the organiser prints the badges, the QR codes are read back from
the PDF's images and sent to the check-in desk as the scanner sends them; the desk says who
it is and where their first meeting is, refuses a revoked badge and another event's badge
with a message, and keeps a scan made without network until the network is back."""

from playwright.sync_api import expect

from kakehashi.events.models import Badge, CheckIn, Registration, RegistrationStatus
from kakehashi.events.services import checkin
from tests.browser.conftest import sign_in_through_form
from tests.events.builders import _event_with_programme, build_conference
from tests.events.test_badges import published_meeting
from tests.factories import OrganisationFactory, member_of
from tests.qr_reading import qr_codes_in_pdf


def another_events_badge() -> Badge:
    event, organiser = _event_with_programme("meet-vietnam-2027", "Meet Vietnam 2027", 30)
    organisation = OrganisationFactory()
    user = member_of(organisation)
    registration = Registration.objects.create(
        event=event, organisation=organisation, lead=user.person, status=RegistrationStatus.APPROVED
    )
    return checkin.issue_badges(event=event, by=organiser, registrations=[registration])[0]


def scan(page, token: str) -> None:
    """What the camera (or a hand scanner) does with a code read: it goes into the code
    field and is sent."""
    page.locator("#badge-code").fill(token)
    page.locator("#badge-code").press("Enter")


def test_print_badges_scan_them_and_refuse_revoked_and_foreign_codes(browser, site, tmp_path):
    event, organiser, delegations = build_conference()
    published_meeting(event, organiser, delegations, "danang", "osaka", hour=15)
    danang, osaka = delegations["danang"][0], delegations["osaka"][0]
    foreign = another_events_badge()

    context = browser.new_context(base_url=site, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in_through_form(page, organiser)
    page.goto(event.get_absolute_url())
    page.get_by_role("link", name="Badges").click()
    page.locator("#print-badges [name=layout][value=a4]").check()
    with page.expect_download() as download_info:
        page.locator("#print-badges-button").click()
    path = tmp_path / "badges.pdf"
    download_info.value.save_as(path)
    pages = qr_codes_in_pdf(path.read_bytes())
    assert [len(codes) for codes in pages] == [4]
    by_person = {Badge.objects.get(token=code).person: code for code in pages[0]}
    assert set(by_person) == {r.lead for r, _user in delegations.values()}

    # Scanned at the entrance: who it is and where the first meeting is.
    page.goto(f"/events/{event.slug}/check-in/")
    answer = page.locator("#check-in-answer")
    scan(page, by_person[danang.lead])
    expect(answer).to_contain_text(f"{danang.lead.full_name} is checked in.")
    expect(answer).to_contain_text(danang.organisation.name)
    expect(answer.locator("dd").first).to_have_text("10 Mar 2027, 15:00 – 15:30 · Table 1")
    expect(answer.locator("dd").nth(1)).to_have_text(osaka.organisation.name)
    # Twice is fine.
    scan(page, by_person[danang.lead])
    expect(answer).to_contain_text(f"{danang.lead.full_name} was already checked in at")

    # Osaka's lead lost the badge: the organiser revokes it and prints a new one.
    page.goto(f"/events/{event.slug}/badges/")
    page.once("dialog", lambda dialog: dialog.accept())
    row = page.locator("#badges-table tbody tr", has_text=osaka.lead.full_name)
    row.get_by_role("button", name="Revoke", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"The badge of {osaka.lead.full_name}")

    page.goto(f"/events/{event.slug}/check-in/")
    scan(page, by_person[osaka.lead])
    expect(answer).to_have_class("answer refused")
    expect(answer).to_contain_text(f"The badge of {osaka.lead.full_name} was revoked on")
    scan(page, foreign.token)
    expect(answer).to_contain_text("This badge is for another event: Meet Vietnam 2027.")

    # The same refusal for a Vietnamese organiser, in Vietnamese.
    context.add_cookies([{"name": "kakehashi_language", "value": "vi", "url": site}])
    page.goto(f"/events/{event.slug}/check-in/")
    scan(page, foreign.token)
    expect(answer).to_contain_text("Thẻ này thuộc về một sự kiện khác: Meet Vietnam 2027.")
    context.close()
    assert CheckIn.objects.count() == 1


def test_a_scan_without_network_is_sent_when_the_network_is_back(browser, site):
    event, organiser, delegations = build_conference()
    badges = checkin.issue_badges(event=event, by=organiser)
    context = browser.new_context(base_url=site, locale="en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in_through_form(page, organiser)
    page.goto(f"/events/{event.slug}/check-in/")

    context.set_offline(True)
    scan(page, badges[0].token)
    scan(page, badges[1].token)
    expect(page.locator("#check-in-answer")).to_contain_text("No network: the scan is kept")
    expect(page.locator("#check-in-queue .count")).to_have_text("2")
    assert CheckIn.objects.count() == 0

    context.set_offline(False)
    later = page.locator("#check-in-later")
    expect(later).to_contain_text(f"{badges[0].person.full_name} is checked in.")
    expect(later).to_contain_text(f"{badges[1].person.full_name} is checked in.")
    expect(page.locator("#check-in-queue")).to_be_hidden()
    assert CheckIn.objects.count() == 2
    context.close()


def _give_a_name_of_its_own(person):
    """Factory names ("Person 1") are prefixes of others ("Person 12") that earlier tests of
    the session may have made: the search would find both."""
    person.full_name = "Hoàng Thị Thu Huế"
    person.save(update_fields=["full_name"])


def test_check_in_by_name_without_a_badge(page, sign_in):
    event, organiser, delegations = build_conference()
    hue = delegations["hue"][0]
    _give_a_name_of_its_own(hue.lead)
    sign_in(organiser)
    page.goto(f"/events/{event.slug}/check-in/")
    page.locator("#delegate-search").fill(hue.lead.full_name)
    page.locator("#delegate-search").press("Enter")
    page.locator("#found li").get_by_role("button", name="Check in").click()
    expect(page.locator("#check-in-answer")).to_contain_text(f"{hue.lead.full_name} is checked in.")
    expect(page.locator("#check-in-answer")).to_contain_text(
        "No meeting published for this delegation."
    )
    assert CheckIn.objects.get().person == hue.lead


def test_a_badge_checked_against_the_name_found_refuses_another_persons_badge(page, sign_in):
    event, organiser, delegations = build_conference()
    hue, osaka = delegations["hue"][0], delegations["osaka"][0]
    _give_a_name_of_its_own(hue.lead)
    badges = {b.person: b for b in checkin.issue_badges(event=event, by=organiser)}
    sign_in(organiser)
    page.goto(f"/events/{event.slug}/check-in/")
    page.locator("#delegate-search").fill(hue.lead.full_name)
    page.locator("#delegate-search").press("Enter")
    found = page.locator("#found li", has_text=hue.lead.full_name)
    found.get_by_text("Check with their badge").click()
    code = found.get_by_label(f"Badge code of {hue.lead.display_name}")
    answer = page.locator("#check-in-answer")

    code.fill(badges[osaka.lead].token)  # the Osaka lead's badge, handed over by mistake
    code.press("Enter")
    expect(answer).to_have_class("answer refused")
    expect(answer).to_contain_text(
        f"This badge was issued to {osaka.lead.full_name}, not to {hue.lead.full_name}."
    )
    assert not CheckIn.objects.exists()

    code.fill(badges[hue.lead].token)
    code.press("Enter")
    expect(answer).to_contain_text(f"{hue.lead.full_name} is checked in.")
    assert CheckIn.objects.get().badge == badges[hue.lead]
