"""Publishing the schedule: refused until a scheduler run has produced a draft, confirmed on
a page that says who will be told, done by organisers only and written to the audit log."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kakehashi.common.models import AuditEntry
from kakehashi.events import services
from kakehashi.events.models import Meeting, ScheduleRunStatus
from tests.events.builders import placed_by_hand

pytestmark = pytest.mark.usefixtures("reference")


def accepted(delegations, first, second):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def run(event, organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        schedule_run = services.start_schedule_run(event=event, by=organiser, time_limit=5)
    schedule_run.refresh_from_db()
    assert schedule_run.status == ScheduleRunStatus.DONE, schedule_run.error


def test_publishing_is_refused_before_any_run(
    client, conference, mailoutbox, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    meeting = accepted(delegations, "danang", "osaka")
    placed_by_hand(event, organiser, meeting)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError) as error:
            services.publish_schedule(event=event, by=organiser)
    assert error.value.code == "no_draft"

    client.force_login(organiser)
    schedule_page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()
    assert "There is no draft to publish yet: run the scheduler first." in schedule_page
    assert reverse("events:schedule_publish", args=[event.slug]) not in schedule_page
    confirmation = client.get(reverse("events:schedule_publish", args=[event.slug]))
    assert "run the scheduler first" in confirmation.content.decode()
    assert 'id="publish-form"' not in confirmation.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:schedule_publish", args=[event.slug]))
    assert response.status_code == 302

    event.refresh_from_db()
    meeting.refresh_from_db()
    assert event.schedule_published_at is None
    assert (meeting.published_slot_id, meeting.published_table_id) == (None, None)
    assert mailoutbox == []
    assert not AuditEntry.objects.filter(model_label="events.event").exists()


def test_the_confirmation_page_says_who_will_be_told_then_publishing_tells_them(
    client, conference, mailoutbox, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    accepted(delegations, "danang", "osaka")
    accepted(delegations, "hue", "aichi")
    run(event, organiser, django_capture_on_commit_callbacks)
    client.force_login(organiser)
    url = reverse("events:schedule_publish", args=[event.slug])
    assert url in client.get(reverse("events:schedule", args=[event.slug])).content.decode()

    page = client.get(url).content.decode()

    assert "4 delegations will be told by e-mail that their meetings changed" in page
    for key in ("danang", "osaka", "hue", "aichi"):
        name = delegations[key][0].organisation.name
        assert f"{name}: 1 meeting changed" in page
    assert 'id="publish-form"' in page
    event.refresh_from_db()
    assert event.schedule_published_at is None  # looking is not publishing
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)

    event.refresh_from_db()
    assert event.schedule_published_at is not None
    assert len(mailoutbox) == 4
    entry = AuditEntry.objects.get(model_label="events.event", object_id=str(event.pk))
    assert entry.actor == organiser
    assert entry.after["delegations_told"] == sorted(
        str(delegations[key][0].organisation) for key in ("danang", "osaka", "hue", "aichi")
    )
    # Nothing changed since: the page says nobody will be told.
    page = client.get(url).content.decode()
    assert "No meeting changed since the last publication: nobody will be told." in page


def test_only_organisers_publish(conference, django_capture_on_commit_callbacks):
    event, organiser, delegations = conference
    accepted(delegations, "danang", "osaka")
    run(event, organiser, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        services.publish_schedule(event=event, by=delegations["danang"][1])
    event.refresh_from_db()
    assert event.schedule_published_at is None
