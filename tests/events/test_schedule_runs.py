"""Scheduler runs from the database: the draft, publication, and re-runs that keep what was
published in place and tell only the delegations whose meetings changed."""

import pytest
from django.core.exceptions import ValidationError

from kakehashi.events import services
from kakehashi.events.models import Meeting, ScheduleRunStatus

pytestmark = pytest.mark.usefixtures("reference")


def accepted(delegations, first, second, priority=1):
    (a, a_user), (b, b_user) = delegations[first], delegations[second]
    request = services.send_request(sender=a, recipient=b, by=a_user, priority=priority)
    services.answer_request(meeting_request=request, accept=True, by=b_user)
    return Meeting.objects.get(request=request)


def run(event, organiser, django_capture_on_commit_callbacks, **options):
    with django_capture_on_commit_callbacks(execute=True):
        schedule_run = services.start_schedule_run(
            event=event, by=organiser, time_limit=5, **options
        )
    schedule_run.refresh_from_db()
    assert schedule_run.status == ScheduleRunStatus.DONE, schedule_run.error
    return schedule_run


def publish(event, organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return {
            registration.pk for registration in services.publish_schedule(event=event, by=organiser)
        }


def places():
    return {m.pk: (m.slot_id, m.table_id) for m in Meeting.objects.all()}


def test_a_run_places_every_meeting_it_can(conference, django_capture_on_commit_callbacks):
    event, organiser, delegations = conference
    accepted(delegations, "danang", "osaka", priority=3)
    accepted(delegations, "hue", "aichi")
    accepted(delegations, "danang", "aichi")
    schedule_run = run(event, organiser, django_capture_on_commit_callbacks)
    assert schedule_run.result["status"] == "optimal"
    assert schedule_run.share_of_bound == 1.0
    assert Meeting.objects.filter(slot__isnull=True).count() == 0
    # Da Nang is in two meetings: never at the same time.
    danang = delegations["danang"][0]
    slots = list(
        Meeting.objects.filter(participants__registration=danang).values_list("slot", flat=True)
    )
    assert len(set(slots)) == 2


def test_a_rerun_keeps_published_meetings_and_tells_only_the_new_ones(
    conference, django_capture_on_commit_callbacks, mailoutbox
):
    event, organiser, delegations = conference
    accepted(delegations, "danang", "osaka")
    accepted(delegations, "hue", "aichi")
    run(event, organiser, django_capture_on_commit_callbacks)
    publish(event, organiser, django_capture_on_commit_callbacks)
    before = places()
    mailoutbox.clear()

    late = accepted(delegations, "danang", "aichi")  # a late request
    run(event, organiser, django_capture_on_commit_callbacks)
    after = places()
    assert {pk: after[pk] for pk in before} == before
    assert after[late.pk][0] is not None
    told = publish(event, organiser, django_capture_on_commit_callbacks)
    assert told == {delegations["danang"][0].pk, delegations["aichi"][0].pk}
    assert len(mailoutbox) == 2


def test_a_removed_table_moves_only_its_meetings(conference, django_capture_on_commit_callbacks):
    event, organiser, delegations = conference
    first = accepted(delegations, "danang", "osaka")
    second = accepted(delegations, "hue", "aichi")
    run(event, organiser, django_capture_on_commit_callbacks)
    publish(event, organiser, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    second.refresh_from_db()
    removed = first.table
    services.set_table(
        event=event, name=removed.name, seats=removed.seats, is_active=False, by=organiser
    )
    run(event, organiser, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    kept = Meeting.objects.get(pk=second.pk)
    if second.table_id != removed.pk:
        assert (kept.slot_id, kept.table_id) == (second.slot_id, second.table_id)
    assert first.table_id is not None and first.table_id != removed.pk
    told = publish(event, organiser, django_capture_on_commit_callbacks)
    assert {delegations["danang"][0].pk, delegations["osaka"][0].pk} <= told


def test_a_locked_meeting_stays_even_when_moves_are_allowed(
    conference, django_capture_on_commit_callbacks
):
    event, organiser, delegations = conference
    meeting = accepted(delegations, "danang", "osaka")
    slots = list(event.meeting_slots.all())
    table = event.meeting_tables.get(name="Table 3")
    services.place_meeting(meeting=meeting, slot=slots[-1], table=table, by=organiser)
    services.lock_meeting(meeting=meeting, locked=True, by=organiser)
    run(event, organiser, django_capture_on_commit_callbacks, allow_moves=True)
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id) == (slots[-1].pk, table.pk)


def test_no_run_without_slots_and_tables(conference):
    event, organiser, _delegations = conference
    event.meeting_tables.all().delete()
    with pytest.raises(ValidationError) as error:
        services.start_schedule_run(event=event, by=organiser)
    assert error.value.code == "no_programme"


def test_the_schedule_page_shows_the_idle_gaps_beside_their_lower_bound(
    client, conference, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    event, organiser, delegations = conference
    accepted(delegations, "danang", "osaka")
    accepted(delegations, "danang", "aichi")
    schedule_run = run(event, organiser, django_capture_on_commit_callbacks)
    stats = schedule_run.result["stats"]
    assert 0 <= stats["idle_gap_bound"] <= stats["idle_gaps"]

    client.force_login(organiser)
    page = client.get(reverse("events:schedule", args=[event.slug])).content.decode()

    assert f"{stats['scheduled']} of {stats['meetings']} meetings placed;" in page

    # The three wordings, by the figures of the run.
    url = reverse("events:schedule", args=[event.slug])
    for gaps, floor, wording in [
        (0, 0, "2 of 2 meetings placed; 0 idle gaps."),
        (3, 0, "3 idle gaps, none of them forced by participants' availability"),
        (3, 1, "3 idle gaps, of which at least 1 cannot be avoided with these meetings"),
    ]:
        schedule_run.result["stats"].update(
            scheduled=2, meetings=2, idle_gaps=gaps, idle_gap_bound=floor
        )
        schedule_run.save(update_fields=["result"])
        page = client.get(url).content.decode()
        assert wording in page
