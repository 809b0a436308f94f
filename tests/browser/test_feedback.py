"""A delegation rates its held meeting in the browser, and six months on says an investment
came of it: the amount fields appear only for that answer, and the result reaches the funnel."""

import datetime as dt

from playwright.sync_api import expect

from kakehashi.events.models import MeetingFeedback
from kakehashi.events.services import feedback
from kakehashi.insights import funnel
from kakehashi.insights.models import Outcome
from tests.events.builders import at, build_conference
from tests.events.test_feedback import held_meeting


def test_feedback_then_the_six_month_answer_through_the_pages(page, sign_in):
    event, organiser, delegations = build_conference()
    meeting = held_meeting(event, organiser, delegations)
    danang, danang_user = delegations["danang"]
    sign_in(danang_user)

    page.goto(f"/events/{event.slug}/meetings/{meeting.pk}/feedback/")
    form = page.locator("#feedback-form")
    form.locator("[name=useful][value=yes]").check()
    form.locator("[name=meet_again][value=yes]").check()
    form.get_by_label("Follow-up agreed").check()
    form.get_by_role("button", name="Send the feedback").click()
    expect(page.locator(".messages")).to_contain_text("Thank you: your feedback is recorded.")
    expect(page.locator("#feedback-given")).to_contain_text("Follow-up agreed")

    feedback.send_follow_up_asks(now=at(14, 30) + dt.timedelta(days=183))
    row = MeetingFeedback.objects.get(meeting=meeting, registration=danang)
    page.goto(f"/insights/follow-up/{row.pk}/")
    form = page.locator("#follow-up-form")
    amount = form.get_by_label("Amount")
    expect(amount).to_be_hidden()
    form.get_by_label("Investment registered").check()
    expect(amount).to_be_visible()
    amount.fill("2500000")
    form.get_by_label("Currency").select_option("USD")
    form.get_by_role("button", name="Send the answer").click()
    expect(page.locator("#follow-up-answered")).to_contain_text("Investment registered")

    outcome = Outcome.objects.get(meeting=meeting)
    assert (outcome.kind, str(outcome.amount), outcome.currency) == (
        "investment",
        "2500000.00",
        "USD",
    )
    row = next(r for r in funnel.funnel_by_event() if r["id"] == event.pk)
    assert (row["held"], row["outcomes"]) == (1, 1)
