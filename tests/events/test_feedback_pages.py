"""The pages of feedback and networking figures: who may see what (a delegation sees only its
own figures and rates only its own meetings), downloads, and a bounded number of queries."""

import csv
import io

import pytest
from django.urls import reverse

from kakehashi.events.models import IntentionKind, MeetingFeedback, MeetingStatus
from kakehashi.events.services import feedback
from tests.events.builders import AFTER_THE_EVENT
from tests.events.test_feedback import held_meeting, scheduled_meeting
from tests.factories import UserFactory
from tests.phone_tables import assert_stacks_on_phone, tables

pytestmark = pytest.mark.django_db


def rated(event, organiser, delegations):
    """Da Nang–Osaka held, both rated; Hue–Aichi held, Hue rated; Da Nang–Aichi a no-show."""
    first = held_meeting(event, organiser, delegations)
    second = held_meeting(event, organiser, delegations, "hue", "aichi", slot=1)
    missed = scheduled_meeting(event, organiser, delegations, "danang", "aichi", slot=2)
    feedback.set_attendance(meeting=missed, held=False, by=organiser, now=AFTER_THE_EVENT)
    for meeting, key, useful, step in [
        (first, "danang", True, IntentionKind.FOLLOW_UP),
        (first, "osaka", True, IntentionKind.MOU),
        (second, "hue", False, IntentionKind.NONE),
    ]:
        registration, user = delegations[key]
        feedback.give_feedback(
            meeting=meeting,
            registration=registration,
            useful=useful,
            meet_again=useful,
            next_step=step,
            by=user,
        )
    return first, second


def test_a_delegation_gives_feedback_on_its_meeting_and_cannot_reach_others(client, conference):
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    url = reverse("events:meeting_feedback", args=[event.slug, meeting.pk])
    client.force_login(delegations["hue"][1])
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"useful": "yes", "meet_again": "no", "next_step": "mou"}).status_code
        == 404
    )
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert not MeetingFeedback.objects.exists()
    danang, danang_user = delegations["danang"]
    client.force_login(danang_user)
    page = client.get(url).content.decode()
    assert 'id="feedback-form"' in page
    response = client.post(url, {"useful": "yes", "meet_again": "no", "next_step": "mou"})
    assert response.status_code == 302
    row = MeetingFeedback.objects.get()
    assert (row.registration, row.useful, row.meet_again, row.next_step) == (
        danang,
        True,
        False,
        "mou",
    )
    assert 'id="feedback-given"' in client.get(url).content.decode()


def test_bad_feedback_input_is_refused_with_a_message(client, conference):
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    client.force_login(delegations["danang"][1])
    url = reverse("events:meeting_feedback", args=[event.slug, meeting.pk])
    response = client.post(url, {"useful": "maybe", "next_step": "investment"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert not MeetingFeedback.objects.exists()


def test_the_check_in_button_before_and_after_the_start(client, conference):
    event, organiser, delegations = conference
    meeting = scheduled_meeting(event, organiser, delegations)
    client.force_login(delegations["osaka"][1])
    url = reverse("events:meeting_check_in", args=[event.slug, meeting.pk])
    response = client.post(url, {"delegation": delegations["osaka"][0].pk}, follow=True)
    page = response.content.decode()
    assert "This meeting starts at 10 Mar 2027, 14:00." in page
    assert 'id="not-started"' in page
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_organisers_see_every_delegations_networking_figures(
    client, conference, django_assert_max_num_queries
):
    event, organiser, delegations = conference
    rated(event, organiser, delegations)
    client.force_login(organiser)
    url = reverse("events:networking", args=[event.slug])
    with django_assert_max_num_queries(20):
        response = client.get(url)
    assert response.status_code == 200
    rows = list(
        csv.reader(io.StringIO(client.get(url, {"format": "csv"}).getvalue().decode("utf-8-sig")))
    )
    assert rows[0] == [
        "Delegation",
        "Requests sent",
        "Requests received",
        "Requests accepted",
        "Meetings held",
        "No-shows",
        "Ratings by counterparts",
        "Rated useful",
        "Would meet again",
    ]
    by_name = {row[0]: row[1:] for row in rows[1:]}
    name = {key: reg.organisation.name for key, (reg, _user) in delegations.items()}
    assert by_name == {
        name["danang"]: ["2", "0", "2", "1", "1", "1", "1", "1"],
        name["osaka"]: ["0", "1", "1", "1", "0", "1", "1", "1"],
        name["aichi"]: ["0", "2", "2", "1", "1", "1", "0", "0"],
        name["hue"]: ["1", "0", "1", "1", "0", "0", "0", "0"],
    }


def test_a_delegation_sees_only_its_own_networking_figures(client, conference):
    event, organiser, delegations = conference
    rated(event, organiser, delegations)
    client.force_login(delegations["osaka"][1])
    url = reverse("events:networking", args=[event.slug])
    page = client.get(url).content.decode()
    own = delegations["osaka"][0].organisation.name
    others = [reg.organisation.name for key, (reg, _u) in delegations.items() if key != "osaka"]
    assert own in page and not any(name in page for name in others)
    rows = list(
        csv.reader(io.StringIO(client.get(url, {"format": "csv"}).getvalue().decode("utf-8-sig")))
    )
    assert [row[0] for row in rows[1:]] == [own]
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.get(url, {"format": "csv"}).status_code == 403


def test_organisers_read_the_feedback_results_others_may_not(
    client, conference, django_assert_max_num_queries
):
    event, organiser, delegations = conference
    rated(event, organiser, delegations)
    url = reverse("insights:event_feedback", args=[event.slug])
    client.force_login(delegations["danang"][1])
    assert client.get(url).status_code == 403
    assert client.get(url, {"format": "csv"}).status_code == 403
    client.force_login(organiser)
    for by in ("answer", "sector", "locality"):
        with django_assert_max_num_queries(20):
            response = client.get(url, {"by": by})
        assert response.status_code == 200
    page = client.get(url).content.decode()
    assert "3 of 4 delegations (75%)" in page
    # On a phone the answers (two columns) stay a table that fits; a wider table is cards.
    (answers,) = tables(page)
    assert answers.classes == {"figures", "compact"} and answers.box == {"table-scroll"}
    (by_locality,) = tables(client.get(url, {"by": "locality"}).content.decode())
    assert by_locality.classes == {"figures"} and len(by_locality.rows) == 4
    assert_stacks_on_phone(by_locality)
    rows = list(
        csv.reader(io.StringIO(client.get(url, {"format": "csv"}).getvalue().decode("utf-8-sig")))
    )
    assert rows[0] == ["Answer", "Delegations"]
    assert rows[1:7] == [
        ["Found the meeting useful", "2"],
        ["Did not find it useful", "1"],
        ["Would meet again", "2"],
        ["Would not meet again", "1"],
        ["No follow-up", "1"],
        ["Follow-up agreed", "1"],
    ]
    by_place = list(
        csv.reader(
            io.StringIO(
                client.get(url, {"by": "locality", "format": "csv"}).getvalue().decode("utf-8-sig")
            )
        )
    )
    assert by_place[0] == [
        "Locality",
        "Delegations at held meetings",
        "Ratings given",
        "Response rate (%)",
        "Rated useful",
        "Would meet again",
        "Six-month answers",
        "Meetings with an outcome",
    ]
    assert sorted(row[1:] for row in by_place[1:]) == [
        ["1", "0", "0", "0", "0", "0", "0"],  # Aichi
        ["1", "1", "100", "0", "0", "0", "0"],  # Hue
        ["1", "1", "100", "1", "1", "0", "1"],  # Da Nang
        ["1", "1", "100", "1", "1", "0", "1"],  # Osaka
    ]
    xlsx = client.get(url, {"by": "sector", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )


def test_the_follow_up_page_is_for_the_delegation_asked(client, conference):
    event, organiser, delegations = conference
    meeting = held_meeting(event, organiser, delegations)
    danang, danang_user = delegations["danang"]
    row = MeetingFeedback.objects.create(
        meeting=meeting, registration=danang, follow_up_asked_at=AFTER_THE_EVENT
    )
    url = reverse("insights:follow_up", args=[row.pk])
    client.force_login(delegations["osaka"][1])
    assert client.get(url).status_code == 404
    assert client.post(url, {"answer": "nothing"}).status_code == 404
    client.force_login(danang_user)
    refused = client.post(url, {"answer": "investment", "currency": "USD"})
    assert refused.status_code == 400
    assert "Give the amount and the currency of the investment." in refused.content.decode()
    assert client.post(url, {"answer": "negotiation"}).status_code == 302
    row.refresh_from_db()
    assert row.follow_up_answer == "negotiation"
    assert 'id="follow-up-answered"' in client.get(url).content.decode()
