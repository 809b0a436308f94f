"""Two delegations attend remotely (one says so itself, the organiser switches the other), two
on site. The organiser runs the real scheduler and publishes; remote meetings get no table and
a video link, and each delegation's agenda shows its link or its table at the time in its own
zone, in its own language."""

import re

from playwright.sync_api import expect

from kakehashi.events import services
from kakehashi.events.models import Meeting, Registration
from tests.browser.conftest import sign_in_through_form
from tests.events.builders import build_conference

VIDEO = "https://meet.example.org"


def open_as(browser, site, user, language):
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    context = browser.new_context(base_url=site, locale="en-GB")
    context.add_cookies([{"name": "kakehashi_language", "value": language, "url": site}])
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in_through_form(page, user)
    return context, page


def accepted(delegations, first, second):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def hhmm(moment, hours_after_utc: int) -> str:
    return f"{(moment.hour + hours_after_utc) % 24:02d}:{moment.minute:02d}"


def test_remote_and_on_site_delegations_each_read_their_place_and_time(browser, site, settings):
    settings.KAKEHASHI_VIDEO_URL = VIDEO
    event, organiser, delegations = build_conference()
    services.add_interpreter(
        event=event, name="Online", languages=["ja", "vi"], joins_remotely=True, by=organiser
    )
    on_site = accepted(delegations, "danang", "osaka")  # both on site: a table
    both_remote = accepted(delegations, "hue", "aichi")  # both remote
    mixed = accepted(delegations, "osaka", "hue")  # one remote: by video, interpreted
    hue, hue_user = delegations["hue"]
    aichi = delegations["aichi"][0]

    # Hue says itself that it attends remotely, on its meetings page.
    context, page = open_as(browser, site, hue_user, "en")
    page.goto(f"/events/{event.slug}/meetings/")
    expect(page.locator("#attendance")).to_contain_text("On site")
    page.locator("#attendance").get_by_role("button", name="Switch to remote").click()
    expect(page.locator(".messages")).to_contain_text("now attends its meetings remotely")
    expect(page.locator("#attendance")).to_contain_text("Remote (by video)")
    context.close()

    # The organiser switches Aichi, runs the scheduler and publishes.
    context, page = open_as(browser, site, organiser, "en")
    page.goto(f"/events/{event.slug}/registrations/")
    row = page.locator("#registrations-table tbody tr", has_text=aichi.organisation.name)
    row.get_by_role("button", name="Switch to remote").click()
    expect(row.locator(".attendance")).to_contain_text("Remote (by video)")
    page.goto(f"/events/{event.slug}/schedule/")
    page.locator("#run-form [name=time_limit]").fill("5")
    page.get_by_role("button", name="Run the scheduler").click()
    expect(page.locator("#share-of-bound")).to_have_text("100%")
    expect(page.locator("#draft tbody tr")).to_have_count(3)
    expect(page.locator("#draft tbody tr", has_text="By video")).to_have_count(2)
    page.get_by_role("link", name="Publish the schedule…").click()
    page.locator("#publish-form").get_by_role("button", name="Publish the schedule").click()
    expect(page.locator(".messages")).to_contain_text("The schedule is published")
    context.close()

    assert Registration.objects.get(pk=aichi.pk).attends_remotely
    meetings = {m.pk: m for m in Meeting.objects.select_related("published_slot", "table")}
    on_site, both_remote, mixed = (meetings[m.pk] for m in (on_site, both_remote, mixed))
    assert on_site.table.name in {"Table 1", "Table 2", "Table 3"}
    assert both_remote.table is None and mixed.table is None
    assert mixed.interpreter.name == "Online"

    # Each delegation's agenda, in its language and time zone (Vietnam UTC+7, Japan UTC+9).
    expected = {
        "danang": ("vi", [(on_site, 7, "giờ Việt Nam", on_site.table.name)]),
        "osaka": (
            "ja",
            [(on_site, 9, "（日本時間）", on_site.table.name), (mixed, 9, "（日本時間）", None)],
        ),
        "hue": (
            "en",
            [(both_remote, 7, "(Vietnam Time)", None), (mixed, 7, "(Vietnam Time)", None)],
        ),
        "aichi": ("ja", [(both_remote, 9, "（日本時間）", None)]),
    }
    for key, (language, rows) in expected.items():
        context, page = open_as(browser, site, delegations[key][1], language)
        page.goto(f"/events/{event.slug}/meetings/")
        expect(page.locator("#agenda tbody tr")).to_have_count(len(rows))
        for meeting, offset, zone, table in rows:
            row = page.locator(
                "#agenda tbody tr", has=page.locator(f"a[href*='meeting={meeting.pk}&']")
            )
            slot = meeting.published_slot
            times = f"{hhmm(slot.starts_at, offset)}.*{hhmm(slot.ends_at, offset)}"
            expect(row.locator("td").first).to_have_text(re.compile(f"{times}.*{re.escape(zone)}"))
            if table:
                expect(row).to_contain_text(table)
                expect(row.locator("a.video-link")).to_have_count(0)
            else:
                link = row.locator("a.video-link")
                expect(link).to_have_attribute("href", f"{VIDEO}/{meeting.video_room}")
        context.close()
