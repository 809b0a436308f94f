"""Two delegations agree to meet, the organiser schedules and publishes, and each delegation
finds the meeting in its agenda and calendar file."""

from icalendar import Calendar
from playwright.sync_api import expect

from kakehashi.events.models import Meeting
from tests.browser.conftest import sign_in_through_form
from tests.events.builders import build_conference


def open_as(browser, site, user):
    context = browser.new_context(base_url=site, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in_through_form(page, user)
    return context, page


def test_request_accept_schedule_publish_and_agenda(browser, site, tmp_path):
    event, organiser, delegations = build_conference()
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]

    # Da Nang asks Osaka for a meeting.
    context, page = open_as(browser, site, danang_user)
    page.goto(event.get_absolute_url())
    page.locator("#my-meetings").click()
    form = page.locator("#request-form")
    form.locator("[name=recipient]").select_option(str(osaka.pk))
    form.locator("[name=priority]").select_option("3")
    form.locator("[name=message]").fill("Hợp tác về logistics lạnh")
    form.get_by_role("button", name="Send the request").click()
    expect(page.locator(".messages")).to_contain_text("Your meeting request is sent.")
    context.close()

    # Osaka accepts.
    context, page = open_as(browser, site, osaka_user)
    page.goto(f"/events/{event.slug}/meetings/")
    row = page.locator("#requests-received tbody tr")
    expect(row).to_contain_text(danang.organisation.name)
    row.get_by_role("button", name="Accept").click()
    expect(page.locator("#requests-received tbody tr")).to_contain_text("Accepted")
    context.close()

    # The organiser runs the scheduler and publishes.
    context, page = open_as(browser, site, organiser)
    page.goto(f"/events/{event.slug}/schedule/")
    page.locator("#run-form [name=time_limit]").fill("5")
    page.get_by_role("button", name="Run the scheduler").click()
    expect(page.locator("#share-of-bound")).to_have_text("100%")
    expect(page.locator("#draft tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Publish the schedule…").click()
    # The confirmation says who will be told before anything is published.
    expect(page.locator("#delegations-told li")).to_have_count(2)
    expect(page.locator("#delegations-told")).to_contain_text(osaka.organisation.name)
    assert Meeting.objects.get().published_slot_id is None
    page.locator("#publish-form").get_by_role("button", name="Publish the schedule").click()
    expect(page.locator(".messages")).to_contain_text("The schedule is published")
    context.close()

    meeting = Meeting.objects.get()
    assert meeting.published_slot_id is not None
    for user, other in [(danang_user, osaka), (osaka_user, danang)]:
        context, page = open_as(browser, site, user)
        page.goto(f"/events/{event.slug}/meetings/")
        expect(page.locator("#agenda tbody tr")).to_contain_text(other.organisation.name)
        with page.expect_download() as download_info:
            page.locator("#agenda-ics").click()
        path = tmp_path / f"{user.pk}.ics"
        download_info.value.save_as(path)
        (entry,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
        assert entry.decoded("dtstart") == meeting.published_slot.starts_at
        assert str(entry["summary"]) == other.organisation.name
        context.close()
